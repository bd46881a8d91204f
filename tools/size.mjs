// Prints what a host page downloads for the widget, each file gzip -9 and brotli (quality 11),
// and two totals: the first part (the loader, the glue and the module's first part: what a
// page fetches before its first teasers) and everything (with the later parts, split_*.wasm and
// chunk_*.wasm, which come when needed). With --check, fails above either ceiling.
import { readdirSync, readFileSync } from "node:fs";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

// Issue 14's budget: the first part ≤ 56 KiB gzip (≤ 48 brotli), everything ≤ 110 KiB gzip.
// `make test` fails above the ceilings, which sit at what the code reaches and move only with a
// line in BENCHMARKS.md saying why ("The size ceilings"). Since the module split (issue 14): the
// first part 114.8 KiB gzip (it was the whole 119.0); everything 125.5 KiB gzip (+6.5: each part
// is compressed on its own, calls main's code through the function table, and the table is
// exported, so wasm-opt no longer turns its calls into direct ones). Since the functions no run
// can enter are emptied (tools/snip.mjs): 109.7 and 120.5 (the build reaches 109.6 and 120.4);
// since the reader of dates in words is in the RSS/Atom part: 108.8 and 121.6 (108.7 and 121.5);
// since five languages' sentences are the `words` part and LLVM's function merging is off (for
// tools/snip.mjs): 106.6 and 123.4 (106.5 and 123.3: everything grows by the part's 3.9 KiB,
// compressed alone, for 2.2 KiB off the first part). Since each language but English is a part
// of its own: 105.6 and 126.3 (105.5 and 126.2: seven small parts, each compressed alone, where
// one page fetches one of them; what one page can download at most fell, 123.3 to 119.8). Since
// the pictures' body scan and the links' parameters are parts (which only pages with
// data-thumbnails or data-link-params fetch), with the loader requesting their chunks, and the
// chunks of data only folded into the first part: 104.7, 128.7 and 122.2 (104.6, 128.6, 122.1).
// Since the view is drawn without Leptos's reactive graph (one model, a redraw queued by each
// change): 97.0, 121.0 and 114.5 (96.9, 120.9, 114.4); with the loader's yield before mounting
// and its early relative-time formatter (+110 B: the longest task on Slow 4G 107 -> 62 ms):
// 97.0, 121.1 and 114.6 (97.0, 121.0, 114.5); with a widget's first drawing in a task of its own
// (+237 B: the longest task of a return visit on Slow 4G 95 -> 75 ms): 97.3, 121.3 and 114.8
// (97.2, 121.2, 114.7).
const BUDGET = { first: 56, firstBrotli: 48, all: 110 };
const CEILING = { first: 97.3, all: 121.3, page: 114.8 };
// The directory measured: dist/ unless another is named (`node tools/size.mjs dist-stable`).
const name = process.argv.slice(2).find((a) => !a.startsWith("--")) || "dist";
const dir = new URL(`../${name}/`, import.meta.url);
// The configurator (configure.*) is a page of its own for site owners: no host page loads it.
const files = readdirSync(dir).filter((f) => /\.(js|wasm|css)$/.test(f) && !f.startsWith("configure.")).sort();
const later = (f) => /^(split_\w+|chunk_\d+)\.wasm$/.test(f);
// A language's sentences (split_words_fr.wasm, …): a page in one language fetches one of them.
const words = (f) => /^split_words_\w+\.wasm$/.test(f);
const sum = { first: [0, 0], all: [0, 0] };
let largestWords = [0, 0];
const kib = (b) => (b / 1024).toFixed(1).padStart(6);
for (const f of files) {
  const raw = readFileSync(new URL(f, dir));
  const gz = gzipSync(raw, { level: 9 }).length;
  const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  if (words(f) && gz > largestWords[0]) largestWords = [gz, br];
  for (const [key, counts] of Object.entries(sum)) {
    if (key === "all" || !later(f)) {
      counts[0] += gz;
      counts[1] += br;
    }
  }
  console.log(`${f.padEnd(24)} ${String(raw.length).padStart(8)} B  ${kib(gz)} KiB gzip  ${kib(br)} KiB brotli${later(f) ? "  (later)" : ""}`);
}
const [firstGz, allGz] = [sum.first[0] / 1024, sum.all[0] / 1024];
// What one page in one language can download at most: every part but the other languages'.
const wordsAll = files.filter(words).map((f) => readFileSync(new URL(f, dir)));
const wordsSum = wordsAll.reduce((s, raw) => [s[0] + gzipSync(raw, { level: 9 }).length,
  s[1] + brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length], [0, 0]);
const page = [sum.all[0] - wordsSum[0] + largestWords[0], sum.all[1] - wordsSum[1] + largestWords[1]];
const pageGz = page[0] / 1024;
console.log(`${"first part".padEnd(24)} ${"".padStart(10)} ${kib(sum.first[0])} KiB gzip  ${kib(sum.first[1])} KiB brotli  (budget ${BUDGET.first} / ${BUDGET.firstBrotli}, ceiling ${CEILING.first} gzip)`);
console.log(`${"everything".padEnd(24)} ${"".padStart(10)} ${kib(sum.all[0])} KiB gzip  ${kib(sum.all[1])} KiB brotli  (budget ${BUDGET.all}, ceiling ${CEILING.all} gzip)`);
console.log(`${"one page, at most".padEnd(24)} ${"".padStart(10)} ${kib(page[0])} KiB gzip  ${kib(page[1])} KiB brotli  (every part but other languages' words; ceiling ${CEILING.page} gzip)`);
if (process.argv.includes("--check")) {
  const over = [];
  if (firstGz > CEILING.first) over.push(`the first part, ${firstGz.toFixed(1)} KiB gzip, is over its ${CEILING.first} KiB ceiling`);
  if (allGz > CEILING.all) over.push(`everything, ${allGz.toFixed(1)} KiB gzip, is over its ${CEILING.all} KiB ceiling`);
  if (pageGz > CEILING.page) over.push(`one page at most, ${pageGz.toFixed(1)} KiB gzip, is over its ${CEILING.page} KiB ceiling`);
  for (const line of over) console.error(`size: ${line}`);
  if (over.length) process.exit(1);
}
