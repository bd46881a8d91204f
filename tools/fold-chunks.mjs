// wasm-split puts what two later parts share, and the first part does not use, in a chunk of its
// own (`chunk_N.wasm`), loaded before either part. Some chunks hold no code at all, only a few
// bytes of read-only data the linker merged (the strings `srcwidthheight` that the article's
// sanitizer and the pictures' scan both name): a request and about 200 bytes of module for 14
// bytes of data. This folds each such chunk into the first part: its data segments are added to
// the first part's (the same bytes at the same addresses of the one memory, written when the
// module starts instead of when the part loads), the chunk is deleted, and the part loader
// (`__wasm_split.js`) no longer loads it.
//
//   node tools/fold-chunks.mjs <split dir>   (news_widget.wasm, chunk_*.wasm, __wasm_split.js)
import { readFileSync, readdirSync, unlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const DATA = 11;
const DATA_COUNT = 12;
const CODE = 10;
const ELEMENT = 9;
const START = 8;

/** The sections of a module: `{ id, start, end }` of each body (after its size). */
function sections(bytes) {
  const out = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at++];
    const [size, after] = leb(bytes, at);
    out.push({ id, start: after, end: after + size, head: at - 1 });
    at = after + size;
  }
  return out;
}

/** An unsigned LEB128 at `at`: `[value, next offset]`. */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return [value, at];
    shift += 7;
  }
}

function encodeLeb(value) {
  const out = [];
  do {
    let b = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) b |= 0x80;
    out.push(b);
  } while (value);
  return out;
}

/** A signed LEB128 (an `i32.const` operand): `[value, next offset]`. */
function sleb(bytes, at) {
  let value = 0;
  let shift = 0;
  let b;
  do {
    b = bytes[at++];
    value |= (b & 0x7f) << shift;
    shift += 7;
  } while (b & 0x80);
  if (shift < 32 && b & 0x40) value |= -1 << shift;
  return [value, at];
}

/** The data segments of a module that holds nothing else a part must run (no code, no table
 *  entries, no start function), each `{ bytes }` as written (flags, offset, data), or `null`
 *  when the module holds more, or a segment that is not active at a constant offset. */
export function dataOnly(bytes) {
  const all = sections(bytes);
  const count = (id) => {
    const s = all.find((x) => x.id === id);
    return s ? leb(bytes, s.start)[0] : 0;
  };
  if (count(CODE) || count(ELEMENT) || all.some((s) => s.id === START)) return null;
  const data = all.find((s) => s.id === DATA);
  if (!data) return [];
  let [n, at] = leb(bytes, data.start);
  const segments = [];
  while (n--) {
    const begin = at;
    const [flags, afterFlags] = leb(bytes, at);
    // Active, memory 0, `i32.const N` `end`: the only form the linker writes for these.
    if (flags !== 0 || bytes[afterFlags] !== 0x41) return null;
    const [, afterConst] = sleb(bytes, afterFlags + 1);
    if (bytes[afterConst] !== 0x0b) return null;
    const [length, afterLength] = leb(bytes, afterConst + 1);
    at = afterLength + length;
    if (length > 0) segments.push({ bytes: bytes.subarray(begin, at) });
  }
  return segments;
}

/** `module` with `segments` (as `dataOnly` returns them) added to its data section. */
export function addSegments(module, segments) {
  if (!segments.length) return module;
  const all = sections(module);
  const data = all.find((s) => s.id === DATA);
  const count = all.find((s) => s.id === DATA_COUNT);
  if (!data) throw new Error("fold-chunks: the first part has no data section");
  const [n, first] = leb(module, data.start);
  const body = [...encodeLeb(n + segments.length), ...module.subarray(first, data.end), ...segments.flatMap((s) => [...s.bytes])];
  const parts = [module.subarray(0, data.head), Uint8Array.of(DATA, ...encodeLeb(body.length), ...body), module.subarray(data.end)];
  if (count) {
    // The data count section comes before the code section, so before the data section.
    const [c] = leb(module, count.start);
    const newCount = Uint8Array.of(DATA_COUNT, ...encodeLeb(encodeLeb(c + segments.length).length), ...encodeLeb(c + segments.length));
    parts.splice(0, 1, module.subarray(0, count.head), newCount, module.subarray(count.end, data.head));
  }
  return Uint8Array.from(parts.flatMap((p) => [...p]));
}

/** The part loader without chunk `n`: its load is removed, and every list that names it. */
export function dropChunk(source, n) {
  const load = new RegExp(`(?:/\\*[^*]*\\*/\\s*)?const __chunk_${n} = makeLoad\\(\\(\\) => \\{[^]*?\\}\\s*,\\s*\\[[^\\]]*\\]\\);\\s*`);
  if (!load.test(source)) throw new Error(`fold-chunks: no load of chunk_${n} in the part loader`);
  return source.replace(load, "").replace(new RegExp(`\\[([^\\]]*)\\]`, "g"), (list, inner) =>
    inner.includes(`__chunk_${n}`) ? `[${inner.split(",").map((d) => d.trim()).filter((d) => d && d !== `__chunk_${n}`).join(", ")}]` : list);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir] = process.argv.slice(2);
  if (!dir) throw new Error("usage: fold-chunks.mjs <split dir>");
  let main = new Uint8Array(readFileSync(join(dir, "news_widget.wasm")));
  let loader = readFileSync(join(dir, "__wasm_split.js"), "utf8");
  const folded = [];
  for (const file of readdirSync(dir).filter((f) => /^chunk_\d+\.wasm$/.test(f))) {
    const segments = dataOnly(new Uint8Array(readFileSync(join(dir, file))));
    if (!segments) continue;
    main = addSegments(main, segments);
    loader = dropChunk(loader, file.match(/\d+/)[0]);
    unlinkSync(join(dir, file));
    folded.push(`${file} (${segments.reduce((s, x) => s + x.bytes.length, 0)} B)`);
  }
  writeFileSync(join(dir, "news_widget.wasm"), main);
  writeFileSync(join(dir, "__wasm_split.js"), loader);
  console.log(`fold-chunks: ${folded.length ? folded.join(", ") : "no chunk holds data only"}`);
}
