// Fails when a version pinned in Cargo.toml, rust-toolchain.toml or package.json drifts from
// tools/versions.env, the one place that holds them: a toolchain bump must be deliberate.
import { readFileSync } from "node:fs";

const read = (f) => readFileSync(new URL(`../${f}`, import.meta.url), "utf8");
const pins = Object.fromEntries(
  read("tools/versions.env")
    .split("\n")
    .filter((l) => /^[A-Z_]+=/.test(l))
    .map((l) => l.split("=").map((s) => s.trim())),
);
const pkg = JSON.parse(read("package.json")).devDependencies;
const cargo = read("Cargo.toml");
const core = read("core/Cargo.toml");
const toolchain = read("rust-toolchain.toml");
const minor = (v) => v.split(".").slice(0, 2).join(".");
const found = (text, re) => text.match(re)?.[1] ?? "(missing)";

const checks = [
  ["rust-toolchain.toml channel", found(toolchain, /^channel\s*=\s*"([^"]+)"/m), pins.RUST_TOOLCHAIN],
  ["Cargo.toml rust-version", found(cargo, /^rust-version\s*=\s*"([^"]+)"/m), minor(pins.RUST_TOOLCHAIN)],
  ["core/Cargo.toml rust-version", found(core, /^rust-version\s*=\s*"([^"]+)"/m), minor(pins.RUST_TOOLCHAIN)],
  ["Cargo.toml wasm-bindgen pin", found(cargo, /^wasm-bindgen\s*=\s*"=([^"]+)"/m), pins.WASM_BINDGEN],
  ["package.json binaryen", pkg.binaryen, pins.BINARYEN],
  ["package.json playwright-core", pkg["playwright-core"], pins.PLAYWRIGHT_CORE],
  ["package.json esbuild", pkg.esbuild, pins.ESBUILD],
  ["package.json playwright-core-164 (Firefox ESR)", pkg["playwright-core-164"], `npm:playwright-core@${pins.PLAYWRIGHT_CORE_FIREFOX}`],
  ["package.json selenium-webdriver (WebKit)", pkg["selenium-webdriver"], pins.SELENIUM_WEBDRIVER],
];
const wrong = checks.filter(([, have, want]) => have !== want);
for (const [what, have, want] of wrong) console.error(`versions: ${what} is ${have}, tools/versions.env says ${want}`);
if (wrong.length) process.exit(1);
console.log(`versions: ${checks.length} pins agree with tools/versions.env`);
