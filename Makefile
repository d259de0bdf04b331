# Entry points. Each target installs what is missing (scripts/install-deps.sh) before building.
#   make demo   build, start the emulator, run the whole tutorial (examples/quickstart.sh), stop it
#   make test   check the formatting and the sources the last commit changed (clang-tidy), then
#               build and run every test: an optimised build with
#               warnings as errors (the flags `make demo` uses),
#               then the same suite under AddressSanitizer and UndefinedBehaviorSanitizer

BUILD ?= build
TEST_BUILD ?= $(BUILD)
SAN_BUILD ?= build-asan
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
# Expanded when a recipe runs, after deps has installed ninja, so every build folder uses one
# generator from the start.
GENERATOR = $(shell command -v ninja >/dev/null 2>&1 && echo "-G Ninja")

.PHONY: all deps build demo test format-check tidy tidy-all test-plain test-sanitize fuzz-short bench-smoke bench clean

all: build

deps:
	@./scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) $(GENERATOR) -DCMAKE_BUILD_TYPE=Release -DAEPFLOW_BUILD_TESTS=OFF >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@./scripts/with-emulator.sh $(BUILD)/bin examples/quickstart.sh

test: format-check tidy test-plain bench-smoke test-sanitize fuzz-short

format-check: deps
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format --dry-run --Werror

# clang-tidy (.clang-tidy) on the sources the last commit changed; tidy-all: on every source.
tidy: deps
	@./scripts/tidy.sh

tidy-all: deps
	@./scripts/tidy.sh --all

test-plain: deps
	cmake -S . -B $(TEST_BUILD) $(GENERATOR) -DCMAKE_BUILD_TYPE=Release -DAEPFLOW_WERROR=ON -DAEPFLOW_BUILD_TESTS=ON
	cmake --build $(TEST_BUILD) -j $(JOBS)
	ctest --test-dir $(TEST_BUILD) --output-on-failure -j $(JOBS)

test-sanitize: deps
	cmake -S . -B $(SAN_BUILD) $(GENERATOR) -DCMAKE_BUILD_TYPE=Debug -DAEPFLOW_WERROR=ON -DAEPFLOW_SANITIZE=ON
	cmake --build $(SAN_BUILD) -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  AEPFLOW_RACE_SOAK_RUNS=8 ctest --test-dir $(SAN_BUILD) --output-on-failure -j $(JOBS)

# The benchmark once, on the release build of test-plain, so it cannot rot (no timing is judged).
bench-smoke: test-plain
	BENCH_BIN=$(TEST_BUILD)/bin BENCH_OUT=$(TEST_BUILD)/benchmarks.md BENCH_PLOT=0 \
	  BENCH_BULK=20 BENCH_FLOWS=40 BENCH_SPECS=20 BENCH_LATENCY_MS=20 ./bench/run.sh 1

# The benchmark: writes docs/benchmarks.md.
bench: deps
	./bench/run.sh

# A short run of each libFuzzer target (scripts/fuzz.sh for longer ones).
fuzz-short: deps
	./scripts/fuzz.sh 10

clean:
	rm -rf $(BUILD) $(TEST_BUILD) $(SAN_BUILD) build-fuzz build-tidy
