// The module's part loader (`__wasm_split.js`, written by wasm-split) fetches each later part
// itself when the module first calls into it. The loader may have started that request already,
// while the module downloaded (the words part of a page in Spanish, say: see prefetchWords in
// loader/news-widget.js): this rewrites each part's fetch to take the loader's answer when there
// is one (`NewsWidget._take`, as the module takes a prefetched feed), so the part is not fetched
// twice. Without the loader (a bundler's build) it fetches as before.
//
//   node tools/take-parts.mjs <__wasm_split.js>   (rewritten in place)
import { readFileSync, writeFileSync } from "node:fs";

const [file] = process.argv.slice(2);
if (!file) throw new Error("usage: take-parts.mjs <__wasm_split.js>");
const source = readFileSync(file, "utf8");
const FETCH = /\bfetch\((new URL\("\.\/[\w.]+\.wasm", import\.meta\.url\))\)/g;
const count = [...source.matchAll(FETCH)].length;
if (count === 0) throw new Error(`take-parts: no part's fetch found in ${file}`);
const take = `function __take(url) {
    const taken = globalThis.NewsWidget && globalThis.NewsWidget._take && globalThis.NewsWidget._take(url.href);
    return taken || fetch(url);
}
`;
writeFileSync(file, take + source.replace(FETCH, "__take($1)"));
console.log(`take-parts: ${count} parts may be taken from the loader`);
