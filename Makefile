# The Swift PDS. `make run` starts a server, `make test` runs every test.
# Book: docs/03-running.md.
.PHONY: deps build run test fuzz-smoke bench format clean

SWIFT ?= swift

deps:
	@./scripts/install-deps.sh

build: deps
	$(SWIFT) build

run: deps
	$(SWIFT) build -c release --product pds
	./.build/release/pds serve

test: deps
	$(SWIFT) test

fuzz-smoke: deps
	./scripts/fuzz-smoke.sh

BENCH_DIR ?= /tmp/pds-bench

bench: deps
	cd Benchmarks && $(SWIFT) run -c release MakeCorpus $(BENCH_DIR)
	cd Benchmarks && $(SWIFT) package --disable-sandbox benchmark
	python3 Benchmarks/compare/compare.py $(BENCH_DIR)
	openssl speed -seconds 3 -bytes 1024 sha256 ecdsap256 2>/dev/null | tail -6

format:
	$(SWIFT) format --in-place --recursive Sources Tests Benchmarks/Benchmarks fuzz/Sources

clean:
	rm -rf .build fuzz/.build Benchmarks/.build
