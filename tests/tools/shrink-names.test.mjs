// tools/shrink-names.mjs against a fixture shaped like wasm-bindgen's output: the shrunk glue and
// module still work together, and anything the tool cannot match stops the build loudly.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const fixtures = fileURLToPath(new URL("fixtures/", import.meta.url));
const bin = (name) => join(root, "node_modules/.bin", name);
const dir = mkdtempSync(join(tmpdir(), "shrink-names-"));
execFileSync(bin("wasm-as"), [join(fixtures, "mini.wat"), "-o", join(dir, "mini.wasm")]);

/** Runs the tool on the fixture module and `glue`; returns its exit status, output and the shrunk glue. */
function shrink(glue) {
  writeFileSync(join(dir, "in.js"), glue);
  const run = spawnSync(process.execPath, [join(root, "tools/shrink-names.mjs"), bin("wasm-opt"),
    join(dir, "mini.wasm"), join(dir, "in.js"), join(dir, "out.wasm"), join(dir, "out.mjs")], { encoding: "utf8" });
  return { status: run.status, output: run.stdout + run.stderr, glue: run.status === 0 ? readFileSync(join(dir, "out.mjs"), "utf8") : "" };
}

const glue = readFileSync(join(fixtures, "glue.js"), "utf8");

test("the shrunk glue and module still call each other", async () => {
  const run = shrink(glue);
  assert.equal(run.status, 0, run.output);
  assert.doesNotMatch(run.glue, /__wbg_log_0123456789abcdef|closure_wrapper|__wbg_gone|removedApi|wasm\.mountPlacement|news_widget_bg/);
  assert.match(run.glue, /handleError\(function \(arg0\) \{\s*return arg0 \* 2;\s*\}, arguments\); \}/, "the entry after a dropped one is whole");
  const shrunk = await import(join(dir, "out.mjs"));
  assert.ok(await shrunk.init(readFileSync(join(dir, "out.wasm"))) > 0, "memory is still reachable");
  assert.equal(shrunk.mountPlacement(21), 42, "an export reaches both imports");
  assert.deepEqual(shrunk.logged, [21]);
  assert.equal(shrunk.malloc(7), 7);
  assert.ok(readFileSync(join(dir, "out.wasm")).length < readFileSync(join(dir, "mini.wasm")).length);
});

test("an import the glue does not name fails the build", () => {
  const run = shrink(glue.replace("__wbg_log_0123456789abcdef: function", "__wbg_log_ffffffffffffffff: function"));
  assert.notEqual(run.status, 0);
  assert.match(run.output, /__wbg_log_0123456789abcdef.*not found in the glue/);
});

test("a glue call of an export the module lacks fails the build", () => {
  const run = shrink(glue.replace("return wasm.__wbindgen_malloc(n);", "return wasm.__wbindgen_free(n);"));
  assert.notEqual(run.status, 0);
  assert.match(run.output, /the glue still calls wasm\.__wbindgen_free/);
});

test("a glue whose import object is not where wasm-bindgen puts it fails the build", () => {
  const run = shrink(glue.replace('"./news_widget_bg.js": import0', '"./other.js": import0'));
  assert.notEqual(run.status, 0);
  assert.match(run.output, /not found in the glue/);
});

test("a split module: the parts' loaders are still imported, and __wasm_split.js still finds the table and memory", async () => {
  const split = mkdtempSync(join(tmpdir(), "shrink-split-"));
  execFileSync(bin("wasm-as"), [join(fixtures, "split.wat"), "-o", join(split, "in.wasm")]);
  const run = spawnSync(process.execPath, [join(root, "tools/shrink-names.mjs"), bin("wasm-opt"),
    join(split, "in.wasm"), join(fixtures, "split-glue.js"), join(split, "out.wasm"), join(split, "news_widget.js"),
    "--split", join(fixtures, "__wasm_split.js"), join(split, "__wasm_split.js")], { encoding: "utf8" });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  const link = readFileSync(join(split, "__wasm_split.js"), "utf8");
  assert.doesNotMatch(link, /\{ __indirect_function_table, memory/, "the exports are read by their new names");
  const glue = await import(join(split, "news_widget.js"));
  const parts = await import(join(split, "__wasm_split.js"));
  await glue.init(readFileSync(join(split, "out.wasm")));
  assert.equal(glue.mountPlacement(5), 5);
  assert.deepEqual(glue.logged, [5]);
  assert.deepEqual(parts.seen, [[1, 5, 2, 65536]], "the loader was called and read the table and memory");
});

test("a split module without --split fails the build", () => {
  const split = mkdtempSync(join(tmpdir(), "shrink-split-"));
  execFileSync(bin("wasm-as"), [join(fixtures, "split.wat"), "-o", join(split, "in.wasm")]);
  const run = spawnSync(process.execPath, [join(root, "tools/shrink-names.mjs"), bin("wasm-opt"),
    join(split, "in.wasm"), join(fixtures, "split-glue.js"), join(split, "out.wasm"), join(split, "news_widget.js")], { encoding: "utf8" });
  assert.notEqual(run.status, 0);
  assert.match(run.stdout + run.stderr, /__wasm_split\.js and --split disagree/);
});
