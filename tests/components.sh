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
# A browser that crashes while it starts, before any test ran (WebKitGTK's web process once died
# in getauxval() under a loaded CI machine: "WebProcess CRASHED"), is started once more, and the
# summary says so; a test that fails is never run again.
crashed='WebProcess CRASHED|driver status: signal|Failed to start|session not created'
for engine in chromium firefox webkit; do
  log=$(mktemp)
  retried=""
  for attempt in 1 2; do
    ${runs[$engine]} 2>&1 | tee "$log"
    code=${PIPESTATUS[0]}
    ran=$(grep -E '^test result: .* [0-9]+ passed; [0-9]+ failed' "$log" | grep -v ' 0 passed; 0 failed' | tail -1)
    if [ "$code" -eq 0 ] || [ -n "$ran" ] || ! grep -qE "$crashed" "$log" || [ "$attempt" -eq 2 ]; then break; fi
    retried=" (started twice: the browser crashed before any test ran)"
  done
  line=$(grep -E '^test result: .* [0-9]+ passed; [0-9]+ failed' "$log" | grep -v ' 0 passed; 0 failed' | tail -1)
  passed=$(sed -E 's/.* ([0-9]+) passed.*/\1/' <<<"$line")
  failed=$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")
  if [ -z "$line" ] || [ "$code" -ne 0 ]; then status=1; fi
  summary+=("components $engine: ${passed:-0} passed, ${failed:-0} failed$([ "$code" -ne 0 ] && echo " (exit $code)")$retried")
  rm -f "$log"
done
printf '\nComponent tests, per engine:\n'
printf '%s\n' "${summary[@]}"
exit $status
