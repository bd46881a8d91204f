// tools/take-parts.mjs: each part's chunks, directly or through another chunk, as the loader
// must request them with the part, read from the part loader wasm-split writes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { partChunks } from "../../tools/take-parts.mjs";

/** A load as `__wasm_split.js` writes it (wasm-split-cli 0.2.4). */
const load = (name, file, deps, exported) => `${exported ? "export " : ""}const ${name} = ${exported ? "wrapAsyncCb(" : ""}makeLoad(() => {
    const src = fetch(new URL("./${file}", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [${deps.join(", ")}])${exported ? ")" : ""};`;

test("a part's chunks, those of its chunks too, by number; a part without chunks is left out", () => {
  const source = [
    "/* a, b */", load("__chunk_2", "chunk_2.wasm", []),
    "/* a, b, c */", load("__chunk_10", "chunk_10.wasm", ["__chunk_2"]),
    load("__wasm_split_load_a", "split_a.wasm", ["__chunk_10"], true),
    load("__wasm_split_load_b", "split_b.wasm", ["__chunk_2"], true),
    load("__wasm_split_load_words_fr", "split_words_fr.wasm", [], true),
  ].join("\n");
  assert.deepEqual(partChunks(source), { a: [2, 10], b: [2] });
});

