# Warnings and sanitizers, applied to every target of the project through one interface target.
add_library(aepflow_options INTERFACE)
target_compile_options(aepflow_options INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Wunused
  -Woverloaded-virtual -Wimplicit-fallthrough)
# -Wnull-dereference is left out: at -O2, g++ 12 reports it inside libstdc++ itself.
if(AEPFLOW_WERROR)
  target_compile_options(aepflow_options INTERFACE -Werror)
endif()
if(AEPFLOW_FUZZ)
  # Coverage for libFuzzer on aepflow's code (not the system headers: fuzz/coverage-ignorelist.txt),
  # with the sanitizers that turn bugs into crashes.
  target_compile_options(aepflow_options INTERFACE -fsanitize=fuzzer-no-link
    -fsanitize-coverage-ignorelist=${PROJECT_SOURCE_DIR}/fuzz/coverage-ignorelist.txt)
  set(AEPFLOW_SANITIZE ON)
endif()
if(AEPFLOW_SANITIZE)
  target_compile_options(aepflow_options INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(aepflow_options INTERFACE -fsanitize=address,undefined)
endif()

# Compiles a text file into the target as `extern const char* const SYMBOL`.
function(aepflow_embed target symbol input)
  set(output ${CMAKE_CURRENT_BINARY_DIR}/embedded_${symbol}.cpp)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DINPUT=${input} -DOUTPUT=${output} -DSYMBOL=${symbol}
            -P ${PROJECT_SOURCE_DIR}/cmake/EmbedFile.cmake
    DEPENDS ${input} ${PROJECT_SOURCE_DIR}/cmake/EmbedFile.cmake
    COMMENT "Embedding ${input}")
  target_sources(${target} PRIVATE ${output})
endfunction()
