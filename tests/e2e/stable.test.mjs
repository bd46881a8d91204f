// dist-stable/ (`make dist-stable`: the stable compiler alone, no size flags) is a real fallback:
// it mounts, renders, opens an article and answers the API like dist/, under a strict CSP.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, html, open, settled } from "./harness.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'";

test("dist-stable/ renders the list, opens an article and reports its version", async () => {
  const url = env.page("stable", html(`<div id="w" data-news-widget data-feed="/__f/feed?n=6&name=stable" data-limit="4"></div>`,
    { script: '<script src="/dist-stable/news-widget.js" async></script>' }), CSP);
  const { page, log } = await open(env, url);
  assert.equal(await settled(page, "#w"), "ready");
  assert.equal(await page.locator("#w [part~=teaser]").count(), 4);
  await page.locator("#w [part~=headline] >> nth=0").click();
  await page.locator("#w [part~=article]").waitFor();
  assert.match(await page.locator("#w [part~=article]").innerText(), /Body of stable 0/);
  assert.match(await page.evaluate(() => window.NewsWidget.version), /^\d+\.\d+\.\d+$/);
  assert.ok(log.requests.some((r) => r.endsWith("/dist-stable/news_widget_bg.wasm")), "the stable module was loaded");
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.console.filter((m) => /^error/.test(m)), []);
  await page.context().close();
});
