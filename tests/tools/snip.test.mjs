// tools/snip.mjs: a function the table keeps alive is emptied, what only it called goes with it,
// the rest still runs, and a pattern that matches nothing stops the build.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { snip } from "../../tools/snip.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const bin = (name) => join(root, "node_modules/.bin", name);
const dir = mkdtempSync(join(tmpdir(), "snip-"));
const fixture = join(dir, "in.wasm");
execFileSync(bin("wasm-as"), [fileURLToPath(new URL("fixtures/snip.wat", import.meta.url)), "--debuginfo", "-o", fixture]);

/** wasm-opt as the build runs it after snipping; returns the optimised module's bytes and function names. */
function optimise(bytes) {
  writeFileSync(join(dir, "snipped.wasm"), bytes);
  execFileSync(bin("wasm-opt"), ["-Oz", "--debuginfo", join(dir, "snipped.wasm"), "-o", join(dir, "out.wasm")]);
  const text = execFileSync(bin("wasm-dis"), [join(dir, "out.wasm")], { encoding: "utf8" });
  return { bytes: readFileSync(join(dir, "out.wasm")), text };
}

test("a function only the table names is emptied, and what only it called is dropped", async () => {
  const before = optimise(readFileSync(fixture));
  assert.match(before.text, /i32\.div_u/, "without snipping, the table keeps the dead function's callee");
  const { out, counts } = snip(readFileSync(fixture), [{ pattern: /never_polled/, why: "test" }]);
  assert.deepEqual(counts, [1]);
  const after = optimise(out);
  assert.doesNotMatch(after.text, /i32\.div_u/);
  const { instance: { exports } } = await WebAssembly.instantiate(after.bytes);
  assert.equal(exports.live(5), 15, "the live code still runs");
  assert.throws(() => exports.slot(1, 5), WebAssembly.RuntimeError, "the emptied function traps");
});

test("a pattern that matches no function fails the build", () => {
  const run = spawnSync(process.execPath, [join(root, "tools/snip.mjs"), fixture, join(dir, "cli.wasm")], { encoding: "utf8" });
  assert.notEqual(run.status, 0);
  assert.match(run.stderr, /no function of .* matches \/\\bwasm_streams/);
});

test("a function that stays and calls a snipped one fails the build, unless its entry names that caller", () => {
  // As LLVM leaves it when it merges two identical functions under one of their names.
  const wat = join(dir, "merged.wat");
  writeFileSync(wat, `(module
    (func $shared_by_merging (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
    (func $live_caller (export "live") (param i32) (result i32) (call $shared_by_merging (local.get 0))))`);
  execFileSync(bin("wasm-as"), [wat, "--debuginfo", "-o", join(dir, "merged.wasm")]);
  const bytes = readFileSync(join(dir, "merged.wasm"));
  assert.throws(() => snip(bytes, [{ pattern: /shared_by_merging/, why: "test" }]),
    /snip: live_caller calls shared_by_merging, which matches \/shared_by_merging\//);
  const { counts } = snip(bytes, [{ pattern: /shared_by_merging/, why: "test", callers: /^live_caller$/ }]);
  assert.deepEqual(counts, [1], "a caller the entry names (a branch that never runs) is allowed");
});
