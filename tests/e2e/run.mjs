// `make test-e2e`: every end-to-end test in each engine (E2E_ENGINES, default all three), then
// the suites that matter to readers again at a phone's viewport, and one summary line per run.
// Usage: node tests/e2e/run.mjs [test files…]   (E2E_ENGINES=webkit, E2E_PHONE_ONLY=1 narrow it)
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const ENGINES = (process.env.E2E_ENGINES || "chromium firefox webkit").split(/[\s,]+/).filter(Boolean);
/** What a reader sees: rendering, opening, keyboard, RTL, themes, layout jump, images. */
const PHONE_SUITES = ["widget.test.mjs", "readers.test.mjs"];

const chosen = process.argv.slice(2);
const all = chosen.length ? chosen : readdirSync(HERE).filter((f) => f.endsWith(".test.mjs")).sort().map((f) => join(HERE, f));

function run(label, engine, files, extraEnv = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, ["--test", "--test-concurrency=1", "--test-reporter=spec", ...files], {
      env: { ...process.env, E2E_ENGINE: engine, ...extraEnv }, stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      process.stdout.write(chunk);
    });
    child.on("exit", (code) => {
      const count = (word) => Number(new RegExp(`^ℹ ${word} (\\d+)$`, "m").exec(out)?.[1] || 0);
      resolve({ label, code, passed: count("pass"), failed: count("fail") + count("cancelled"), skipped: count("skipped"), todo: count("todo"),
        seconds: Math.round((Date.now() - started) / 1000) });
    });
  });
}

const results = [];
for (const engine of ENGINES) {
  if (process.env.E2E_PHONE_ONLY !== "1") results.push(await run(engine, engine, all));
  const phone = all.filter((f) => PHONE_SUITES.some((s) => f.endsWith(s)));
  if (phone.length) results.push(await run(`${engine}-phone`, engine, phone, { E2E_PHONE: "1" }));
}

console.log("\nEnd-to-end tests, per engine:");
for (const r of results) {
  console.log(`${r.label}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped (${r.seconds} s${r.code && !r.failed ? `, exit ${r.code}` : ""})`);
}
const sum = (k) => results.reduce((n, r) => n + r[k], 0);
console.log(`e2e: ${sum("passed")} passed, ${sum("failed")} failed, ${sum("skipped")} skipped`);
process.exit(results.some((r) => r.code !== 0 || r.failed) ? 1 : 0);
