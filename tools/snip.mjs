// Empties the functions of the module that no run can enter but the optimiser must keep, as
// wasm-snip (the Rust and WebAssembly working group's tool, too old for today's modules) does:
// each body becomes `unreachable`, and wasm-opt then drops everything only they called.
//
// wasm-opt cannot drop them itself: they are reached through the function table (a boxed
// future's or closure's vtable lives in the data, so every function a vtable names stays), or
// behind a branch whose condition is a constant of a dependency's features. Each entry says why
// its functions cannot run; a pattern that matches nothing fails the build, so a dependency
// update that renames them is noticed rather than silently paying their bytes again.
//
//   node tools/snip.mjs <in.wasm> <out.wasm>     (the module as wasm-bindgen writes it, with names)
import binaryen from "binaryen";
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const DEAD = [
  {
    pattern: /\bwasm_streams(\[|::)/, // v0 mangling (`wasm_streams[hash]::`) or legacy
    why: "wasm-streams' stream adapters (Leptos's server functions bring them; a widget calls none) " +
      "are entered only through their exports, which the build removes (UNUSED_EXPORTS)",
  },
  {
    pattern: /::add_event_listener_delegated\b/,
    why: "Leptos's event delegation runs only with tachys' `delegation` feature, which the widget " +
      "leaves off (it breaks events in closed shadow roots); tachys keeps the path behind a flag",
  },
];

/** Snips every function whose name matches an entry of `dead`; returns the count per entry. */
export function snip(bytes, dead = DEAD) {
  const module = binaryen.readBinary(bytes);
  // Reading checks no feature; writing must allow exactly what rustc emits (the Makefile's
  // WASM_FEATURES), no newer encoding a browser cannot read.
  const F = binaryen.Features;
  module.setFeatures(F.MutableGlobals | F.BulkMemory | F.BulkMemoryOpt | F.NontrappingFPToInt | F.SignExt |
    F.ReferenceTypes | F.CallIndirectOverlong | F.Multivalue);
  const counts = dead.map(() => 0);
  for (let i = 0; i < module.getNumFunctions(); i++) {
    const func = module.getFunctionByIndex(i);
    const { name, body } = binaryen.getFunctionInfo(func);
    if (!body) continue; // an import
    const entry = dead.findIndex(({ pattern }) => pattern.test(name));
    if (entry < 0) continue;
    binaryen.Function.setBody(func, module.unreachable());
    counts[entry]++;
  }
  const out = module.emitBinary();
  module.dispose();
  return { out, counts };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [input, output] = process.argv.slice(2);
  const { out, counts } = snip(readFileSync(input));
  const missing = DEAD.filter((_, i) => counts[i] === 0);
  if (missing.length) {
    console.error(`snip: no function of ${input} matches ${missing.map((d) => d.pattern).join(", ")}: ` +
      "a dependency renamed them, or the module has no names; update DEAD in tools/snip.mjs");
    process.exit(1);
  }
  writeFileSync(output, out);
}
