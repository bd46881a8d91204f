// tools/fold-chunks.mjs: a chunk holding only data is folded into the first part (its bytes at
// the same addresses, in a module that still validates) and dropped from the part loader; a chunk
// with code is left as it is.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { addSegments, dataOnly, dropChunk } from "../../tools/fold-chunks.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "fold-"));
/** The module of `wat`, as wasm-as writes it. */
function wasm(name, wat) {
  writeFileSync(join(dir, `${name}.wat`), wat);
  execFileSync(join(root, "node_modules/.bin/wasm-as"), [join(dir, `${name}.wat`), "--enable-bulk-memory", "-o", join(dir, `${name}.wasm`)]);
  return new Uint8Array(readFileSync(join(dir, `${name}.wasm`)));
}

const MAIN = `(module (memory (export "memory") 1)
  (data (i32.const 16) "first")
  (func (export "read") (param i32) (result i32) (i32.load8_u (local.get 0))))`;
const DATA_CHUNK = `(module (import "__wasm_split" "memory" (memory 1))
  (data (i32.const 100) "srcwidthheight") (data (i32.const 200) ""))`;
const CODE_CHUNK = `(module (import "__wasm_split" "memory" (memory 1))
  (data (i32.const 300) "x") (func (export "f") (result i32) (i32.const 1)))`;

test("a chunk of data only: its non-empty segments, at the same addresses, in a first part that still runs", async () => {
  const segments = dataOnly(wasm("data", DATA_CHUNK));
  assert.equal(segments.length, 1, "the empty segment is left out");
  const folded = addSegments(wasm("main", MAIN), segments);
  const { instance } = await WebAssembly.instantiate(folded);
  const at = (addr, n) => String.fromCharCode(...Array.from({ length: n }, (_, i) => instance.exports.read(addr + i)));
  assert.equal(at(16, 5), "first", "the first part's own data is kept");
  assert.equal(at(100, 14), "srcwidthheight");
});

test("a chunk with code is not folded", () => {
  assert.equal(dataOnly(wasm("code", CODE_CHUNK)), null);
});

test("the part loader without the chunk: its load and every mention, not those of a chunk whose number starts the same", () => {
  const load = (n, deps) => `/* a, b */\nconst __chunk_${n} = makeLoad(() => {\n    const src = fetch(new URL("./chunk_${n}.wasm", import.meta.url));\n}\n, [${deps}]);\n`;
  const source = load(1, "") + load(12, "__chunk_1") +
    `export const __wasm_split_load_a = wrapAsyncCb(makeLoad(() => {\n    const src = fetch(new URL("./split_a.wasm", import.meta.url));\n}\n, [__chunk_1, __chunk_12]));\n`;
  const out = dropChunk(source, "1");
  assert.ok(!/__chunk_1\b/.test(out), out);
  assert.ok(!out.includes("chunk_1.wasm"));
  assert.match(out, /const __chunk_12 = makeLoad/);
  assert.match(out, /, \[__chunk_12\]\)\);/);
  assert.match(out, /chunk_12\.wasm[^]*?, \[\]\);/, "chunk 12 no longer waits for chunk 1");
});
