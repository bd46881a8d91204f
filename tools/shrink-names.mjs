// Shortens the names the module and its JavaScript glue call each other by, and drops the
// glue of exports the module no longer has. wasm-bindgen names each import after the browser
// API plus a 16-digit hash (`__wbg_localStorage_6827cfe6db14a9f6`) and each closure shim after
// its full Rust type; those names are written twice (module and glue) and barely compress.
// wasm-opt renames them to one or two letters and prints the mapping, which this applies to
// the glue. Measured: -4 KiB gzip (see BENCHMARKS.md).
//
// A split module (wasm-split, see src/parts.rs) also imports its parts' loaders from
// `./__wasm_split.js`, and that file reads the table, memory and stack pointer from the module's
// exports by name: with `--split <in.js> <out.js>` both follow the renaming too.
//
//   node tools/shrink-names.mjs <wasm-opt> <in.wasm> <in.js> <out.wasm> <out.js> [--split <in.js> <out.js>] [features...]
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

const [wasmOpt, inWasm, inJs, outWasm, outJs, ...rest] = process.argv.slice(2);
const at = rest.indexOf("--split");
const [splitIn, splitOut] = at < 0 ? [] : rest.splice(at, 3).slice(1);
const features = rest;
const SPLIT = "./__wasm_split.js";
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

const loaders = mapping.imports.filter(([from]) => from === SPLIT);
if (loaders.length > 0 !== Boolean(splitIn)) throw new Error(`shrink-names: the module's imports from ${SPLIT} and --split disagree`);
for (const [, name, short] of mapping.imports.filter(([from]) => from !== SPLIT)) {
  replace(new RegExp(`(?<![\\w$])${escape(name)}(?=: function)`), short);
}
if (splitIn) {
  // One import module after minifying: the parts' loaders join the glue's own imports.
  const [, namespace] = glue.match(/^import \* as (\w+) from "\.\/__wasm_split\.js"/m) ?? [];
  if (!namespace) throw new Error(`shrink-names: the glue does not import ${SPLIT}`);
  replace(new RegExp(`,\\s*"\\./__wasm_split\\.js": ${namespace}`), "");
  const entries = loaders.map(([, name, short]) => `${short}: ${namespace}.${name},`).join(" ");
  replace(/(const import0 = \{\s*__proto__: null,)/, `$1 ${entries}`);
}
// Imports the module no longer has (wasm-opt dropped them with the code that called them, see
// tools/snip.mjs) kept their long names: their glue goes, and esbuild drops what only it used.
const imported = new Set(mapping.imports.map(([, , short]) => short));
glue = glue.replace(/^( {8})([\w$]+): function[\s\S]*?\n\1\}(?:, arguments\); \})?,?\n/gm, (entry, _, name) => (imported.has(name) ? entry : ""));
replace(/"\.\/news_widget_bg\.js": import0/, `${JSON.stringify(module)}: import0`);
for (const [name, short] of mapping.exports) {
  if (!exported.has(short)) throw new Error(`shrink-names: ${short} is not exported`);
  glue = glue.replace(new RegExp(`(?<=\\bwasm\\.)${escape(name)}(?![\\w$])`, "g"), short);
}
const left = glue.match(/\bwasm\.(?!memory\b)[A-Za-z_]\w{3,}/g);
if (left) throw new Error(`shrink-names: the glue still calls ${[...new Set(left)].join(", ")}`);
writeFileSync(outJs, glue);
if (splitIn) {
  // `const { __indirect_function_table, memory, … } = initSync(…)`: the same locals, read by
  // their new names.
  const link = readFileSync(splitIn, "utf8");
  const shortOf = new Map(mapping.exports);
  const shrunk = link.replace(/const \{([^}]*)\} = initSync\(/, (_, names) => {
    const read = names.split(",").map((n) => n.trim()).filter(Boolean).map((n) => {
      if (!shortOf.has(n)) throw new Error(`shrink-names: ${SPLIT} reads ${n}, which the module does not export`);
      return `${shortOf.get(n)}: ${n}`;
    });
    return `const { ${read.join(", ")} } = initSync(`;
  });
  if (shrunk === link) throw new Error(`shrink-names: ${SPLIT} does not read the module's exports where expected`);
  writeFileSync(splitOut, shrunk);
}
console.log(`shrink-names: ${mapping.imports.length} imports, ${mapping.exports.length} exports renamed (${replaced} checked)`);
