// pkg/ from a bundler: `import { mount } from "news-widget"`, bundled by esbuild, in a page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import { build } from "esbuild";
import { start, html, open, settled } from "./harness.mjs";
import { ROOT } from "../../tools/serve.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

test("the npm package in pkg/ works from a bundler", async () => {
  const out = `${ROOT}/target/bundle-test`;
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [`${ROOT}/tests/e2e/fixtures/bundler-entry.js`], bundle: true, format: "esm", outdir: out,
    alias: { "news-widget": `${ROOT}/pkg` }, logLevel: "warning",
  });
  // A bundler copies the module and its later parts beside the bundle (new URL("….wasm", import.meta.url)).
  for (const f of readdirSync(`${ROOT}/pkg`).filter((f) => f.endsWith(".wasm"))) copyFileSync(`${ROOT}/pkg/${f}`, `${out}/${f}`);
  const url = env.page("bundled", html(`<div id="app"></div>`, { script: `<script type="module" src="/target/bundle-test/bundler-entry.js"></script>` }));
  const { page, log } = await open(env, url);
  assert.equal(await settled(page, "#app"), "ready");
  assert.deepEqual(await page.locator("#app [part~=headline]").allInnerTexts(), ["bundled headline 0", "bundled headline 1", "bundled headline 2"]);
  assert.equal(await page.evaluate(() => typeof window.NewsWidget), "undefined", "the package defines no global");
  await page.locator("#app [part~=headline]").first().click();
  await page.locator("#app [part~=body] a").waitFor();
  assert.ok(log.requests.some((u) => u.endsWith("/target/bundle-test/split_article.wasm")), "the article's part, from beside the bundle");
  await page.evaluate(() => window.__unmount());
  assert.equal(await page.locator("#app [part~=teaser]").count(), 0);
  assert.deepEqual(log.errors, []);
  await page.context().close();
});
