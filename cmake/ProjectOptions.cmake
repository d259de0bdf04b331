# Warnings and sanitizers, applied to every target of the project through one interface target.
add_library(aepflow_options INTERFACE)
target_compile_options(aepflow_options INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Wunused
  -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough)
if(AEPFLOW_WERROR)
  target_compile_options(aepflow_options INTERFACE -Werror)
endif()
if(AEPFLOW_SANITIZE)
  target_compile_options(aepflow_options INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(aepflow_options INTERFACE -fsanitize=address,undefined)
endif()
