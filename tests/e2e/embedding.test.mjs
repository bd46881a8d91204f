// Contract §1: placements, script kinds, one module per page, one global, late containers.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, html, open, settled } from "./harness.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const FEED = "/__f/feed?n=10";

test("an in-place script tag renders the widget right after itself", async () => {
  const url = env.page("inplace", html(`<p id="before">Before</p>
    <script id="tag" src="/dist/news-widget.js" data-feed="${FEED}&name=a" data-limit="5"></script><p id="after">After</p>`, { script: "" }));
  const { page } = await open(env, url);
  assert.equal(await settled(page, "news-widget"), "ready");
  const next = await page.evaluate(() => document.getElementById("tag").nextElementSibling.tagName);
  assert.equal(next, "NEWS-WIDGET", "the host element stands right after the script tag");
  assert.equal(await page.locator("news-widget [part~=teaser]").count(), 5, "data-limit=5 shows 5 teasers");
  await page.context().close();
});

test("containers, in-place tags and link containers work together, any number of each", async () => {
  const url = env.page("mixed", html(`
    <div id="c1" data-news-widget data-feed="${FEED}&name=c1"></div>
    <div id="c2" data-news-widget data-feed="${FEED}&name=c2" data-limit="3"></div>
    <script src="/dist/news-widget.js" data-feed="${FEED}&name=s1" data-limit="2" async></script>
    <a id="l1" data-news-widget href="https://example.com/news" data-feed="${FEED}&name=l1">All the news</a>`));
  const { page } = await open(env, url);
  for (const sel of ["#c1", "#c2", "news-widget >> nth=0", "#l1 + news-widget"]) assert.equal(await settled(page, sel), "ready", sel);
  assert.equal(await page.locator("#c1 [part~=teaser]").count(), 8, "default limit is 8");
  assert.equal(await page.locator("#c2 [part~=teaser]").count(), 3);
  assert.match(await page.locator("#c2 [part~=headline]").first().innerText(), /c2 headline 0/);
  assert.equal(await page.locator("#l1").isHidden(), true, "a ready link container hides its link");
  assert.equal(await page.locator("#l1").count(), 1, "the link is hidden, not removed");
  await page.context().close();
});

test("a link container keeps its link on error, beside the message", async () => {
  const url = env.page("link-error", html(`<a id="l" data-news-widget href="https://example.com/" data-feed="/__f/404">News</a>`));
  const { page } = await open(env, url);
  assert.equal(await settled(page, "#l + news-widget"), "error");
  assert.equal(await page.locator("#l").isVisible(), true);
  assert.equal(await page.locator("#l + news-widget [part~=error]").isVisible(), true);
  await page.context().close();
});

for (const kind of ["", "async", "defer", 'type="module"']) {
  test(`the loader works as <script ${kind || "(classic)"}> and loads the module once for two tags`, async () => {
    const name = `kind-${kind.replace(/\W/g, "") || "classic"}`;
    const url = env.page(name, html(`
      <script src="/dist/news-widget.js" data-feed="${FEED}&name=k1" ${kind}></script>
      <div id="c" data-news-widget data-feed="${FEED}&name=k2"></div>
      <script src="/dist/news-widget.js" data-feed="${FEED}&name=k3" ${kind}></script>`, { script: "" }));
    const { page, log } = await open(env, url);
    for (const sel of ["news-widget >> nth=0", "#c", "news-widget >> nth=1"]) assert.equal(await settled(page, sel), "ready", sel);
    const wasm = log.requests.filter((u) => u.endsWith(".wasm"));
    assert.equal(wasm.filter((u) => u.endsWith("/news_widget_bg.wasm")).length, 1, "one module for the whole page");
    assert.equal(new Set(wasm).size, wasm.length, `each later part at most once: ${wasm}`);
    assert.ok(log.requests.some((u) => u.endsWith("name=k1")), "the feed URL is fetched exactly as written");
    assert.deepEqual(log.errors, []);
    await page.context().close();
  });
}

test("the script defines one global, window.NewsWidget, and nothing else", async () => {
  const url = env.page("globals", html(`<div id="c" data-news-widget data-feed="${FEED}"></div>`, {
    head: `<script>window.__before = Object.getOwnPropertyNames(window);</script>`,
  }));
  const { page } = await open(env, url);
  await settled(page, "#c");
  // Playwright's Firefox backend adds a global of its own (`__pw_bidiInsertText`) when it likes.
  const added = await page.evaluate(() => Object.getOwnPropertyNames(window).filter((k) => !window.__before.includes(k) && k !== "__before" && !k.startsWith("__pw")));
  assert.deepEqual(added, ["NewsWidget"]);
  await page.context().close();
});

test("containers added later are mounted; removed ones are unmounted", async () => {
  const url = env.page("spa", html(`<main id="app"></main>`));
  const { page, log } = await open(env, url);
  await page.waitForFunction(() => window.NewsWidget);
  await page.evaluate((feed) => {
    const div = document.createElement("div");
    div.id = "late";
    div.setAttribute("data-news-widget", "");
    div.setAttribute("data-feed", feed);
    document.getElementById("app").append(div);
  }, FEED);
  assert.equal(await settled(page, "#late"), "ready");
  // Removing it stops its timers: a refresh interval would otherwise fetch again.
  const fetches = { get length() { return log.requests.filter((u) => u.includes("name=gone")).length; } };
  await page.evaluate((feed) => {
    const late = document.getElementById("late");
    late.setAttribute("data-feed", feed + "&name=gone");
  }, FEED);
  await page.waitForTimeout(300);
  assert.equal(fetches.length, 1, "a changed data-feed is fetched at once");
  // Removed: its attribute observer is disconnected, so nothing it does fetches any more.
  await page.evaluate((feed) => {
    const late = document.getElementById("late");
    window.__late = late;
    late.remove();
  }, FEED);
  await page.waitForTimeout(100);
  await page.evaluate((feed) => window.__late.setAttribute("data-feed", feed + "&name=gone&after=removal"), FEED);
  await page.waitForTimeout(300);
  assert.equal(fetches.length, 1, "an unmounted widget fetches nothing");
  assert.equal(await page.evaluate(() => window.__late.hasAttribute("data-state")), false, "data-state is removed on unmount");
  // Put back, it is mounted again.
  await page.evaluate(() => document.getElementById("app").append(window.__late));
  assert.equal(await settled(page, "#late"), "ready");
  const unmounted = await page.evaluate(() => NewsWidget.unmount(document.createElement("div")));
  assert.equal(unmounted, false, "unmount() of an element without a widget resolves to false");
  await page.context().close();
});

test("dist/ works from another path: the partner page loads ../dist/news-widget.js", async () => {
  const { page } = await open(env, `${env.origin}/www/partner.html`);
  assert.equal(await settled(page, "#inplace + news-widget"), "ready");
  assert.equal(await settled(page, "#fallback-link + news-widget"), "ready");
  assert.match(await page.locator("#inplace + news-widget [part~=time]").first().innerText(), /il y a/);
  await page.context().close();
});
