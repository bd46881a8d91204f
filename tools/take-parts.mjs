// The module's part loader (`__wasm_split.js`, written by wasm-split) fetches each later part
// itself when the module first calls into it. The loader may have started that request already,
// while the module downloaded (the words part of a page in French, say: see prefetchParts in
// loader/news-widget.js): this rewrites each part's fetch to take the loader's answer when there
// is one (`NewsWidget._take`, as the module takes a prefetched feed), so the part is not fetched
// twice. Without the loader (a bundler's build) it fetches as before.
//
// A part may need chunks (`chunk_N.wasm`: code it shares with other parts, loaded before it);
// the loader must request those too, or the widget would wait one round trip after the module
// for them. The second argument receives, as JSON, each part's chunks by number, which the
// Makefile hands to the loader's build (`__PART_CHUNKS__`).
//
//   node tools/take-parts.mjs <__wasm_split.js> <chunks.json>   (the first rewritten in place)
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

const take = `function __take(url) {
    const taken = globalThis.NewsWidget && globalThis.NewsWidget._take && globalThis.NewsWidget._take(url.href);
    return taken || fetch(url);
}
`;
const FETCH = /\bfetch\((new URL\("\.\/[\w.]+\.wasm", import\.meta\.url\))\)/g;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [file, chunksOut] = process.argv.slice(2);
  if (!file || !chunksOut) throw new Error("usage: take-parts.mjs <__wasm_split.js> <chunks.json>");
  const source = readFileSync(file, "utf8");
  const count = [...source.matchAll(FETCH)].length;
  if (count === 0) throw new Error(`take-parts: no part's fetch found in ${file}`);
  writeFileSync(file, take + source.replace(FETCH, "__take($1)"));
  writeFileSync(chunksOut, JSON.stringify(partChunks(source)));
  console.log(`take-parts: ${count} parts may be taken from the loader`);
}

/** Each part's name (`xml` for `split_xml.wasm`) → the numbers of the chunks it needs
 *  (`chunk_12.wasm`), directly or through another chunk. */
export function partChunks(source) {
  // `const __chunk_12 = makeLoad(() => { … fetch(new URL("./chunk_12.wasm", …)) … }, [__chunk_3]);`
  // `export const __wasm_split_load_xml = wrapAsyncCb(makeLoad(() => { … "./split_xml.wasm" … }, [__chunk_12, __chunk_13]));`
  const LOAD = /const (__\w+) = (?:wrapAsyncCb\()?makeLoad\(\(\) => \{[^}]*?new URL\("\.\/([\w.]+\.wasm)"[^]*?\}\s*,\s*\[([^\]]*)\]/g;
  const loads = new Map();
  for (const [, name, wasm, deps] of source.matchAll(LOAD)) {
    loads.set(name, { wasm, deps: deps.split(",").map((d) => d.trim()).filter(Boolean) });
  }
  const chunksOf = (name, seen = new Set()) => {
    for (const dep of loads.get(name)?.deps ?? []) {
      if (!seen.has(dep) && loads.has(dep)) {
        seen.add(dep);
        chunksOf(dep, seen);
      }
    }
    return seen;
  };
  const out = {};
  for (const [name, { wasm }] of loads) {
    const part = wasm.match(/^split_(\w+)\.wasm$/)?.[1];
    if (!part) continue;
    const chunks = [...chunksOf(name)].map((c) => Number(loads.get(c).wasm.match(/^chunk_(\d+)\.wasm$/)?.[1])).sort((a, b) => a - b);
    if (chunks.length) out[part] = chunks;
  }
  return out;
}
