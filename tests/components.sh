#!/usr/bin/env bash
# `make test-browser`: the component tests (tests/web.rs, wasm-bindgen-test) in Chromium, Firefox
# and WebKitGTK, one labelled summary line per engine. WebKit: wasm-bindgen-test-runner drives
# WebKitWebDriver (its Safari path) under a virtual display, in a language WebKit's Intl knows.
set -uo pipefail
cd "$(dirname "$0")/.."
declare -A runs=(
  [chromium]="wasm-pack --log-level warn test --headless --chrome -- --test web"
  [firefox]="wasm-pack --log-level warn test --headless --firefox -- --test web"
  [webkit]="env CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner SAFARIDRIVER=/usr/bin/WebKitWebDriver LANG=en_US.UTF-8 xvfb-run -a cargo test --target wasm32-unknown-unknown --test web"
)
status=0
summary=()
for engine in chromium firefox webkit; do
  log=$(mktemp)
  ${runs[$engine]} 2>&1 | tee "$log"
  code=${PIPESTATUS[0]}
  line=$(grep -E '^test result: .* [0-9]+ passed; [0-9]+ failed' "$log" | grep -v ' 0 passed; 0 failed' | tail -1)
  passed=$(sed -E 's/.* ([0-9]+) passed.*/\1/' <<<"$line")
  failed=$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")
  if [ -z "$line" ] || [ "$code" -ne 0 ]; then status=1; fi
  summary+=("components $engine: ${passed:-0} passed, ${failed:-0} failed$([ "$code" -ne 0 ] && echo " (exit $code)")")
  rm -f "$log"
done
printf '\nComponent tests, per engine:\n'
printf '%s\n' "${summary[@]}"
exit $status
