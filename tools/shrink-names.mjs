// Shortens the names the module and its JavaScript glue call each other by, and drops the
// glue of exports the module no longer has. wasm-bindgen names each import after the browser
// API plus a 16-digit hash (`__wbg_localStorage_6827cfe6db14a9f6`) and each closure shim after
// its full Rust type; those names are written twice (module and glue) and barely compress.
// wasm-opt renames them to one or two letters and prints the mapping, which this applies to
// the glue. Measured: -4 KiB gzip (see BENCHMARKS.md).
//
//   node tools/shrink-names.mjs <wasm-opt> <in.wasm> <in.js> <out.wasm> <out.js> [features...]
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

const [wasmOpt, inWasm, inJs, outWasm, outJs, ...features] = process.argv.slice(2);
const printed = execFileSync(wasmOpt, [...features, "--minify-imports-and-exports-and-modules", inWasm, "-o", outWasm], {
  encoding: "utf8",
});
const mapping = JSON.parse(printed.slice(printed.indexOf("{")));
const module = WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(outWasm)))[0]?.module;
const exported = new Set(WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(outWasm))).map((e) => e.name));

const escape = (s) => s.replace(/[$]/g, "\\$&");
let glue = readFileSync(inJs, "utf8");
let replaced = 0;
const replace = (pattern, by) => {
  const before = glue;
  glue = glue.replace(pattern, by);
  if (glue === before) throw new Error(`shrink-names: ${pattern} not found in the glue`);
  replaced++;
};

// Classes of exports removed from the module (wasm-streams' adapters; see UNUSED_EXPORTS).
glue = glue.replace(/^export class (IntoUnderlying\w+) \{\n[\s\S]*?\n\}\nif \(Symbol\.dispose\) \1\.prototype\[Symbol\.dispose\] = \1\.prototype\.free;\n/gm, "");
glue = glue.replace(/^const IntoUnderlying\w+Finalization = [^;]*;\n/gm, "");
if (/IntoUnderlying/.test(glue)) throw new Error("shrink-names: glue of removed exports is left");

for (const [, name, short] of mapping.imports) {
  replace(new RegExp(`(?<![\\w$])${escape(name)}(?=: function)`), short);
}
replace(/"\.\/news_widget_bg\.js": import0/, `${JSON.stringify(module)}: import0`);
for (const [name, short] of mapping.exports) {
  if (!exported.has(short)) throw new Error(`shrink-names: ${short} is not exported`);
  glue = glue.replace(new RegExp(`(?<=\\bwasm\\.)${escape(name)}(?![\\w$])`, "g"), short);
}
const left = glue.match(/\bwasm\.(?!memory\b)[A-Za-z_]\w{3,}/g);
if (left) throw new Error(`shrink-names: the glue still calls ${[...new Set(left)].join(", ")}`);
writeFileSync(outJs, glue);
console.log(`shrink-names: ${mapping.imports.length} imports, ${mapping.exports.length} exports renamed (${replaced} checked)`);
