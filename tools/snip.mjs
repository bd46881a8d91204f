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
// A name is only sound if the function holds that code alone: LLVM merges functions whose code
// is the same (an `Rc::new` of a wasm-streams type and one of the widget's, say) under one of
// their names, so the build turns that off (-Zmerge-functions=disabled, Makefile). And every
// direct call of a snipped function from one that stays must be a caller its entry names (the
// branch that never runs); any other fails the build, naming both.
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
    callers: /^(__wbg_)?intounderlying/,
  },
  {
    pattern: /::add_event_listener_delegated\b/,
    why: "Leptos's event delegation runs only with tachys' `delegation` feature, which the widget " +
      "leaves off (it breaks events in closed shadow roots); tachys keeps the path behind a flag",
    callers: /::On<_, _>>::attach::attach_inner$/,
  },
];

/** Snips every function whose name matches an entry of `dead`; returns the count per entry.
 *  Throws when a function that stays calls a snipped one its entry does not name as a caller. */
export function snip(bytes, dead = DEAD) {
  const module = binaryen.readBinary(bytes);
  // Reading checks no feature; writing must allow exactly what rustc emits (the Makefile's
  // WASM_FEATURES), no newer encoding a browser cannot read.
  const F = binaryen.Features;
  module.setFeatures(F.MutableGlobals | F.BulkMemory | F.BulkMemoryOpt | F.NontrappingFPToInt | F.SignExt |
    F.ReferenceTypes | F.CallIndirectOverlong | F.Multivalue);
  const entryOf = (name) => dead.findIndex(({ pattern }) => pattern.test(name));
  checkCallers(module.emitText(), dead, entryOf);
  const counts = dead.map(() => 0);
  for (let i = 0; i < module.getNumFunctions(); i++) {
    const func = module.getFunctionByIndex(i);
    const { name, body } = binaryen.getFunctionInfo(func);
    if (!body) continue; // an import
    const entry = entryOf(name);
    if (entry < 0) continue;
    binaryen.Function.setBody(func, module.unreachable());
    counts[entry]++;
  }
  const out = module.emitBinary();
  module.dispose();
  return { out, counts };
}

/** Every direct call from a function that stays into one that goes must come from a caller
 *  the callee's entry names. `text` is the module in the text format. */
function checkCallers(text, dead, entryOf) {
  const NAME = /\$(?:"((?:[^"\\]|\\.)*)"|([^\s()]+))/;
  const name = (m) => (m[1] ?? m[2]).replace(/\\(.)/g, "$1");
  let caller = null;
  let stays = true;
  for (const line of text.split("\n")) {
    const head = line.match(new RegExp(`^ \\(func ${NAME.source}`));
    if (head) {
      caller = name(head);
      stays = entryOf(caller) < 0;
      continue;
    }
    if (!stays || !line.includes("(call $")) continue;
    const call = line.match(new RegExp(`\\(call ${NAME.source}`));
    const callee = call && name(call);
    const entry = callee ? entryOf(callee) : -1;
    if (entry >= 0 && !dead[entry].callers?.test(caller)) {
      throw new Error(`snip: ${caller} calls ${callee}, which matches ${dead[entry].pattern}: either the ` +
        "compiler merged code a run needs into a function of that name (is -Zmerge-functions=disabled set?) " +
        "or the pattern is too wide, or a new caller needs naming in DEAD");
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [input, output] = process.argv.slice(2);
  let result;
  try {
    result = snip(readFileSync(input));
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
  const { out, counts } = result;
  const missing = DEAD.filter((_, i) => counts[i] === 0);
  if (missing.length) {
    console.error(`snip: no function of ${input} matches ${missing.map((d) => d.pattern).join(", ")}: ` +
      "a dependency renamed them, or the module has no names; update DEAD in tools/snip.mjs");
    process.exit(1);
  }
  writeFileSync(output, out);
}
