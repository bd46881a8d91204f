# news-widget: `make demo` serves the demo, `make test` runs every test. Both install what is missing.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)
PORT ?= 8080
# The features rustc emits for wasm32; wasm-opt must be told, since it reads no feature section.
WASM_FEATURES := --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
                 --enable-reference-types --enable-multivalue
WASM_OPT := node_modules/.bin/wasm-opt
# The shipped module rebuilds the standard library for size: a panic traps at once (no message
# formatting, no file paths), Debug output is empty, and std picks its smaller algorithms.
# These are unstable flags of the same 1.95 toolchain, allowed by RUSTC_BOOTSTRAP for this build
# only (its own target directory); tests and clippy build as usual. Measured: -19 KiB gzip.
# -Zmerge-functions=disabled: LLVM would otherwise merge identical functions under one name, and
# tools/snip.mjs empties functions by name (+0.2 KiB gzip; see the reason there).
SIZE_RUSTFLAGS := -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none \
                  -Zmerge-functions=disabled
# wasm-split reads the linker's relocations to cut the module into its parts (src/parts.rs), and
# tools/snip.mjs reads functions' names: v0 mangling names a generic function's type arguments
# (the legacy scheme writes `<T>`), so an instance for a type no run uses is known by its name.
SPLIT_RUSTFLAGS := -Clink-args=--emit-relocs -Csymbol-mangling-version=v0
SIZE_STD := -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size
# wasm-streams (through Leptos's server functions, which a widget never calls) exports stream
# adapter classes to JS; nothing calls them, so they are dropped with all they reach (-1.6 KiB).
UNUSED_EXPORTS := --remove-exports='intounderlying*' --remove-exports='__wbg_intounderlying*'
# Flattening and re-looping the control flow before -Oz lets it rebuild smaller structures
# (-0.6 KiB gzip); a function with one caller is inlined into it only when small (20 units):
# the module is 2% larger, but its separate functions look alike and compress better
# (-4.7 KiB gzip, -3 KiB brotli). Measured in BENCHMARKS.md; the whole e2e suite runs on it.
WASM_OPT_PASSES := --flatten --rereloop -Oz --one-caller-inline-max-function-size=20
ESBUILD := node_modules/.bin/esbuild
SOURCES := $(shell find src core/src js loader tools/pkg www/configure -type f) tools/shrink-names.mjs tools/snip.mjs tools/take-parts.mjs tools/fold-chunks.mjs build.rs Cargo.toml core/Cargo.toml

.PHONY: setup demo dist dist-stable relay relay-debug bench-relay test-relay test versions fmt test-core clippy test-browser test-tools test-e2e size types bench fuzz seed screenshots clean
FUZZ_SECONDS ?= 60

setup:
	@tools/setup.sh

## The demo on http://127.0.0.1:$(PORT)/ (PORT overrides), with a partner site without CORS on
## PORT+1 and the feed relay on PORT+707 (www/relay.toml), which the front page reads it through.
demo: setup dist seed relay
	PORT=$(PORT) node tools/demo.mjs

seed:
	@node tools/seed-feed.mjs

## README's pictures of the three layouts (www/img/layout-*.png).
screenshots: dist seed
	node tools/screenshots.mjs

# The crate's version, which the loader reports as NewsWidget.version.
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)

# $(call package,<module from cargo>,<out dir>): the module cut into its first part and later
# parts (wasm-split, at the split points of src/parts.rs; it writes __wasm_split.js, which
# fetches a part when first called), the chunks that hold only data folded into the first part
# (tools/fold-chunks.mjs), the JavaScript glue (which keeps the table and stack pointer exported
# for the parts), the functions no run can enter emptied (tools/snip.mjs), wasm-opt on every
# part, the glue's names shrunk (and __wasm_split.js's with them), each part's chunks written for
# the loader (tools/take-parts.mjs), esbuild, the loader, the declarations and the configurator.
define package
	rm -rf target/web/$(2) && mkdir -p target/web/$(2)/split target/web/$(2)/bundle
	wasm-split-cli $(1) target/web/$(2)/split --target web --out-name news_widget
	node tools/fold-chunks.mjs target/web/$(2)/split
	wasm-bindgen --target web --keep-lld-exports --out-dir target/web/$(2) --out-name news_widget \
	  target/web/$(2)/split/news_widget.wasm
	rm -rf $(2) && mkdir -p $(2)
	node tools/snip.mjs target/web/$(2)/news_widget_bg.wasm target/web/$(2)/snipped.wasm
	$(WASM_OPT) $(WASM_FEATURES) $(UNUSED_EXPORTS) $(WASM_OPT_PASSES) --strip-debug --strip-producers \
	  target/web/$(2)/snipped.wasm -o target/web/$(2)/optimized.wasm
	for part in $$(cd target/web/$(2)/split && ls *.wasm | grep -vx news_widget.wasm); do \
	  $(WASM_OPT) $(WASM_FEATURES) $(WASM_OPT_PASSES) --strip-debug --strip-producers \
	    target/web/$(2)/split/$$part -o $(2)/$$part || exit 1; done
	node tools/shrink-names.mjs $(WASM_OPT) target/web/$(2)/optimized.wasm target/web/$(2)/news_widget.js \
	  $(2)/news_widget_bg.wasm target/web/$(2)/bundle/news_widget.js \
	  --split target/web/$(2)/split/__wasm_split.js target/web/$(2)/bundle/__wasm_split.js $(WASM_FEATURES)
	node tools/take-parts.mjs target/web/$(2)/bundle/__wasm_split.js target/web/$(2)/part-chunks.json
	cp -r target/web/$(2)/snippets target/web/$(2)/bundle/
	$(ESBUILD) target/web/$(2)/bundle/news_widget.js --bundle --format=esm --minify --log-level=warning --outfile=$(2)/news_widget.js
	$(ESBUILD) loader/news-widget.js --minify --log-level=warning --define:__VERSION__='"$(VERSION)"' \
	  --define:__PART_CHUNKS__="$$(node -p 'JSON.stringify(require("fs").readFileSync(process.argv[1], "utf8"))' target/web/$(2)/part-chunks.json)" \
	  --outfile=$(2)/news-widget.js
	cp loader/news-widget.d.ts $(2)/
	cp www/configure/configure.html www/configure/configure.js www/configure/configure.css $(2)/
endef

## dist/: news-widget.js (the loader a script tag points at), news_widget.js (glue), news_widget_bg.wasm,
## news-widget.d.ts; and pkg/, the same module as an npm package for bundlers.
dist: setup dist/.built
dist/.built: $(SOURCES)
	RUSTC_BOOTSTRAP=1 RUSTFLAGS="$(SIZE_RUSTFLAGS) $(SPLIT_RUSTFLAGS)" CARGO_TARGET_DIR=target/size \
	  cargo build --lib --release --target wasm32-unknown-unknown --quiet --features split $(SIZE_STD)
	$(call package,target/size/wasm32-unknown-unknown/release/news_widget.wasm,dist)
	rm -rf pkg && mkdir -p pkg
	cp dist/news_widget.js dist/*.wasm tools/pkg/index.js tools/pkg/index.d.ts loader/news-widget.d.ts pkg/
	node tools/pkg/package.mjs
	@touch $@
	@node tools/size.mjs

## dist-stable/: the same files built by the stable compiler alone, without the size flags
## (no RUSTC_BOOTSTRAP, no rebuilt std): the fallback should those flags ever break. Larger.
dist-stable: setup dist-stable/.built
dist-stable/.built: $(SOURCES)
	RUSTFLAGS="$(SPLIT_RUSTFLAGS)" CARGO_TARGET_DIR=target/stable \
	  cargo build --lib --release --target wasm32-unknown-unknown --quiet --features split
	$(call package,target/stable/wasm32-unknown-unknown/release/news_widget.wasm,dist-stable)
	@touch $@
	@node tools/size.mjs dist-stable

test: setup versions fmt test-core test-relay clippy test-tools test-browser size types test-e2e

## The pinned versions (Cargo.toml, rust-toolchain.toml, package.json) agree with tools/versions.env.
versions:
	@node tools/check-versions.mjs

## The Rust code is formatted as rustfmt.toml says.
fmt:
	cargo fmt --all -- --check

## The build's own tools against fixtures (the glue-name shrinking fails loudly on what it cannot match).
test-tools: setup
	node --test tests/tools/

## The core natively, with a one-second fuzzing run of each parser.
test-core:
	cargo test -p news-widget-core

## The relay over real sockets: every row of contract §6, SSRF vectors, faults, single-flight.
test-relay:
	cargo test -p news-widget-relay

## The feed relay, target/relay/news-widget-relay; run it as `news-widget-relay --config relay.toml`.
relay: target/relay/news-widget-relay
target/relay/news-widget-relay: $(shell find relay/src core/src -type f) relay/Cargo.toml core/Cargo.toml Cargo.lock
	cargo build -p news-widget-relay --profile relay --quiet

# The relay the e2e tests start (a debug build, which test-relay has already compiled).
relay-debug:
	cargo build -p news-widget-relay --quiet

## Fuzzing of every parser the network, feeds and attributes reach: FUZZ_SECONDS each.
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) cargo test --release -p news-widget-core --test fuzz -- --nocapture --test-threads=1

## No unwrap, expect, panic or indexing in code that feed data, attributes or the network reach.
clippy:
	cargo clippy -p news-widget-core --all-features -- -D warnings
	cargo clippy -p news-widget-relay --all-targets -- -D warnings
	cargo clippy -p news-widget --target wasm32-unknown-unknown -- -D warnings
	cargo clippy -p news-widget --target wasm32-unknown-unknown --features split -- -D warnings

## The component tests (tests/web.rs, wasm-bindgen-test) in Chromium, Firefox and WebKitGTK,
## with a summary line per engine (tests/components.sh).
test-browser: setup
	tests/components.sh

size: dist
	@node tools/size.mjs --check

## The TypeScript declarations of dist/ and pkg/ against a usage example.
types: dist
	node_modules/.bin/tsc -p tests/types

## Every e2e test in Chromium, Firefox and WebKit (E2E_ENGINES narrows it), the reader suites
## again at a phone's viewport, and a summary line per engine. dist-stable/ is smoke-tested too.
test-e2e: dist dist-stable seed relay-debug
	node tests/e2e/run.mjs

## Browser benchmark (widget against a plain-JS baseline) and native parsing throughput.
bench: setup dist
	cargo bench -p news-widget-bench --bench parse -- --warm-up-time 1 --measurement-time 3
	node bench/run.mjs
	BENCH_PROFILE=fast4g BENCH_SIZES=8,100 BENCH_RUNS=5 node bench/run.mjs
	BENCH_PROFILE=slow4g BENCH_SIZES=8,100 BENCH_RUNS=5 node bench/run.mjs
	# What bytes alone cost on Slow 4G: the baseline waiting for 56 KiB more (issue 14's budget),
	# then for as many bytes as the widget's first part.
	BENCH_PROFILE=slow4g BENCH_SIZES=8,100 BENCH_RUNS=5 BENCH_PAD=57344 node bench/run.mjs
	BENCH_PROFILE=slow4g BENCH_SIZES=8,100 BENCH_RUNS=5 BENCH_PAD=widget node bench/run.mjs
	BENCH_ENGINE=firefox BENCH_SIZES=8,100,1000 node bench/run.mjs

## The relay under a bounded load on loopback (wrk, DURATION seconds, CONNECTIONS clients).
bench-relay: setup relay
	@command -v wrk >/dev/null || (as_root() { if [ "$$(id -u)" = 0 ]; then "$$@"; else sudo "$$@"; fi; }; \
	  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null)
	node bench/relay.mjs

clean:
	rm -rf dist dist-stable target/web target/size target/stable
