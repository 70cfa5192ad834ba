# The README's commands. Each installs the Debian packages it needs first.
BUILD ?= build
ASAN_BUILD ?= build-asan
TSAN_BUILD ?= build-tsan
BENCH_BUILD ?= build-bench
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
FUZZ_BUILD ?= build-fuzz-clang
FUZZ_SECONDS ?= 30
FUZZ_LONG_BUILD ?= build-fuzz-long
FUZZ_EXECS ?= 10000000
FUZZ_SANITIZERS ?= undefined

.PHONY: all deps build test test-asan test-tsan valgrind demo bench fuzz fuzz-long clean

all: build

deps:
	@bash scripts/deps.sh

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The same tests built with AddressSanitizer and UndefinedBehaviorSanitizer.
test-asan: deps
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DPHONON_SANITIZE=ON $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	@cd $(ASAN_BUILD) && ctest --output-on-failure -j $(JOBS)

# The same tests built with ThreadSanitizer: a data race fails the test that ran into it.
test-tsan: deps
	@cmake -S . -B $(TSAN_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPHONON_TSAN=ON $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(TSAN_BUILD) -j $(JOBS)
	@cd $(TSAN_BUILD) && TSAN_OPTIONS="halt_on_error=1 $(TSAN_OPTIONS)" ctest --output-on-failure -j $(JOBS)

valgrind: build
	@bash scripts/valgrind.sh $(BUILD)

demo: build
	@mkdir -p $(BUILD)/examples
	@for f in examples/*.ph; do $(BUILD)/phonon render $$f $(BUILD)/examples/$$(basename $$f .ph).wav --cycles 4 || exit 1; done
	@echo
	@echo "The examples are rendered in $(BUILD)/examples/ (play them with any audio player, e.g. aplay)."
	@echo "Playing 15-kit-groove (drums of the built-in kit and a bass line):"
	@bash scripts/play.sh $(BUILD)/examples/15-kit-groove.wav
	@echo 'And a pattern, queried: phonon query "bd*2 [sn cp] <hh oh>" --cycles 0 2'
	@$(BUILD)/phonon query '"bd*2 [sn cp] <hh oh>"' --cycles 0 2

# Every libFuzzer target (fuzz/) for FUZZ_SECONDS each, built with clang; fails on a crash or hang.
fuzz:
	@bash scripts/deps.sh fuzz
	@JOBS=$(JOBS) bash fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

# The long campaign (fuzz/README.md): every target at once until each has run FUZZ_EXECS inputs,
# under FUZZ_SANITIZERS (address,undefined for the ASan build); hours, not minutes.
fuzz-long:
	@bash scripts/deps.sh fuzz
	@JOBS=$(JOBS) EXECS=$(FUZZ_EXECS) SANITIZERS=$(FUZZ_SANITIZERS) bash fuzz/long.sh $(FUZZ_LONG_BUILD)

# The benchmark suite (bench/run.sh, bench/README.md) on a Release build, against every other
# engine installed; the table is also written to bench/results/latest.md. RUNS=1 for a quick one.
bench:
	@bash scripts/deps.sh bench
	@cmake -S . -B $(BENCH_BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BENCH_BUILD) -j $(JOBS) --target benchmarks
	@for b in $(BENCH_BUILD)/bench/bench_*; do echo "== $$b"; $$b; done
	@bash bench/run.sh $(BENCH_BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(TSAN_BUILD) $(FUZZ_BUILD) $(FUZZ_LONG_BUILD) $(BENCH_BUILD)
