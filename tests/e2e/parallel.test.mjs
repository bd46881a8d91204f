// The feed in parallel with the module (issue 14): a widget that loads at once has its feed
// requested by the loader while the module downloads, and the module takes that answer: one
// request per feed URL, with the same errors as a request of its own. The module is served
// 800 ms late (`/__slow/`), as on a slow network.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, html, open, settled } from "./harness.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const SLOW = '<script src="/__slow/news-widget.js" async></script>';

/** Resource timings of the feeds matching `part` and of the module. */
function timings(page, part) {
  return page.evaluate((part) => {
    const all = performance.getEntriesByType("resource");
    const wasm = all.find((r) => r.name.endsWith("news_widget_bg.wasm"));
    const feeds = all.filter((r) => r.name.includes(part));
    return { wasmStart: wasm.startTime, wasmEnd: wasm.responseEnd, feeds: feeds.map((f) => ({ start: f.startTime, end: f.responseEnd })) };
  }, part);
}

test("the feed is requested while the module downloads, once, and a widget far below waits", async () => {
  const url = env.page("parallel", html(`
    <div id="top" data-news-widget data-lang="en" data-feed="/__f/feed?name=par&amp;n=3"></div>
    <div id="twin" data-news-widget data-lang="en" data-feed="/__f/feed?name=par&amp;n=3"></div>
    <div style="height: 600vh"></div>
    <div id="far" data-news-widget data-lang="en" data-feed="/__f/feed?name=far&amp;n=3"></div>`, { script: SLOW }));
  const o = await open(env, url);
  assert.equal(await settled(o.page, "#top"), "ready");
  assert.equal(await settled(o.page, "#twin"), "ready");
  assert.equal(await o.page.locator("#top [part~=teaser]").count(), 3);
  const t = await timings(o.page, "name=par");
  assert.equal(t.feeds.length, 1, "one request for the feed two widgets show");
  assert.ok(t.feeds[0].start < t.wasmEnd - 400, `the feed started at ${t.feeds[0].start.toFixed(0)} ms, the module ended at ${t.wasmEnd.toFixed(0)} ms`);
  assert.ok(t.feeds[0].end < t.wasmEnd, "and had its answer before the module came");
  assert.equal(o.log.requests.filter((r) => r.includes("name=par")).length, 1, "no second fetch by the module");
  assert.equal(o.log.requests.filter((r) => r.includes("name=far")).length, 0, "nothing for the widget far below the fold");
  await o.page.locator("#far").scrollIntoViewIfNeeded();
  assert.equal(await settled(o.page, "#far"), "ready", "it loads when the reader nears it");
  assert.deepEqual(o.log.errors, []);
  await o.context.close();
});

test("a widget of several feeds has each requested while the module downloads, once", async () => {
  const url = env.page("parallel-several", html(`
    <div id="w" data-news-widget data-lang="en" data-feed="/__f/feed?name=pa&amp;n=2 /__f/feed?name=pb&amp;n=2"></div>`, { script: SLOW }));
  const o = await open(env, url);
  assert.equal(await settled(o.page, "#w"), "ready");
  assert.equal(await o.page.locator("#w [part~=teaser]").count(), 4);
  for (const name of ["name=pa", "name=pb"]) {
    const t = await timings(o.page, name);
    assert.equal(t.feeds.length, 1, `${name}: one request`);
    assert.ok(t.feeds[0].start < t.wasmEnd - 400, `${name} started at ${t.feeds[0].start.toFixed(0)} ms, the module ended at ${t.wasmEnd.toFixed(0)} ms`);
    assert.equal(o.log.requests.filter((r) => r.includes(name)).length, 1, `${name}: no second fetch by the module`);
  }
  await o.context.close();
});

test("a prefetched answer fails as a request of the module's own would", async () => {
  const url = env.page("parallel-errors", html(`
    <div id="missing" data-news-widget data-lang="en" data-feed="/__f/404"></div>
    <div id="cors" data-news-widget data-lang="en" data-feed="${env.otherOrigin}/www/feeds/seed.json"></div>
    <div id="html" data-news-widget data-lang="en" data-feed="/__f/login"></div>`, { script: SLOW }));
  const o = await open(env, url);
  const sentence = (id) => o.page.locator(`#${id} p[part~=error]`).innerText();
  assert.equal(await settled(o.page, "#missing"), "error");
  assert.match(await sentence("missing"), /HTTP error 404/);
  assert.equal(await settled(o.page, "#cors"), "error");
  assert.match(await sentence("cors"), /could not be loaded: that server must allow this page with the CORS header/);
  assert.equal(await settled(o.page, "#html"), "error");
  assert.match(await sentence("html"), /HTML page, not a feed/);
  const t = await timings(o.page, "/__f/");
  assert.ok(t.feeds.every((f) => f.start < t.wasmEnd - 400), "each requested while the module downloaded");
  assert.equal(o.log.requests.filter((r) => r.includes("/__f/404")).length, 1);
  await o.context.close();
});

test("a widget mounted by script with lazy: false is prefetched too; a relayed one is left to the module", async () => {
  const url = env.page("parallel-api", html(`<div id="w"></div><div id="r"></div>`, { script: `${SLOW.replace(" async", "")}
    <script>
      NewsWidget.mount(document.getElementById("w"), { feed: "/__f/feed?name=api&n=2", lazy: false, lang: "en" });
      NewsWidget.mount(document.getElementById("r"), { feed: "/__f/feed?name=rel&n=2", proxy: "/nowhere?url={url}", lang: "en" });
    </script>` }));
  const o = await open(env, url);
  assert.equal(await settled(o.page, "#w"), "ready");
  assert.equal(await settled(o.page, "#r"), "ready", "fallback mode: the direct request works, the relay is never asked");
  const api = await timings(o.page, "name=api");
  const rel = await timings(o.page, "name=rel");
  assert.ok(api.feeds[0].start < api.wasmEnd - 400, "prefetched");
  assert.ok(rel.feeds[0].start >= rel.wasmEnd - 50, "not prefetched: the module decides how to reach a feed with a relay");
  assert.equal(o.log.requests.filter((r) => r.includes("/nowhere")).length, 0);
  await o.context.close();
});
