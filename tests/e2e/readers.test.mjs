// Readers and integrators: accessibility (axe-core, keyboard, focus, motion), languages and
// right-to-left, theming from outside, images, and mounting without leaks.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { start, html, open, settled, runFor, ENGINE, addScript } from "./harness.mjs";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

/** axe-core on the widget's host (it walks open shadow roots); returns the violations. */
async function axe(page, selector) {
  await addScript(page, AXE);
  return page.evaluate(async (sel) => {
    const r = await window.axe.run(document.querySelector(sel), { resultTypes: ["violations"] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }, selector);
}

for (const theme of ["light", "dark"]) {
  test(`axe finds no violation, collapsed and expanded, ${theme} theme`, async () => {
    const url = env.page(`axe-${theme}`, html(`<main><h1>Page</h1>
      <div id="w" data-news-widget data-feed="/www/feeds/seed.json" data-theme="${theme}" data-images="true"></div></main>`));
    const { page } = await open(env, url);
    await settled(page, "#w");
    assert.deepEqual(await axe(page, "#w"), [], "collapsed");
    await page.locator("#w button[part~=headline]").first().click();
    assert.deepEqual(await axe(page, "#w"), [], "expanded");
    await page.context().close();
  });
}

test("axe finds no violation in the error, empty and right-to-left states", async () => {
  const url = env.page("axe-states", html(`<main>
    <div id="err" data-news-widget data-feed="/__f/404"></div>
    <div id="empty" data-news-widget data-feed="/__f/empty"></div>
    <div id="rtl" data-news-widget data-feed="/www/feeds/seed.json" data-lang="ar" data-theme="dark"></div></main>`));
  const { page } = await open(env, url);
  for (const id of ["#err", "#empty", "#rtl"]) {
    await settled(page, id);
    assert.deepEqual(await axe(page, id), [], id);
  }
  await page.context().close();
});

test("a visible focus ring, and the loading skeleton respects reduced motion", async () => {
  const url = env.page("focus", html(`<div id="w" data-news-widget data-feed="/__f/slow-ok"></div>`));
  const { page, context } = await open(env, url, { reducedMotion: "reduce" });
  const bone = page.locator("#w .bone").first();
  await bone.waitFor();
  assert.equal(await bone.evaluate((el) => getComputedStyle(el).animationName), "none");
  await settled(page, "#w");
  await page.keyboard.press("Tab");
  const outline = await page.locator("#w button[part~=headline]").first().evaluate((el) => getComputedStyle(el).outlineStyle);
  assert.equal(outline, "solid", "the focused headline shows a focus ring");
  await context.close();
});

test("the loading state reserves the list's height: the page does not jump", async () => {
  const url = env.page("jump", html(`<div id="w" data-news-widget data-feed="/__f/slow-ok" data-limit="3"></div><p id="below">below</p>`));
  const { page } = await open(env, url);
  await page.locator("#w .bone").first().waitFor();
  const before = await page.locator("#below").evaluate((el) => el.getBoundingClientRect().top);
  await settled(page, "#w");
  const after = await page.locator("#below").evaluate((el) => el.getBoundingClientRect().top);
  // A reader notices a jump of more than a few pixels; the placeholder is as tall as the list.
  assert.ok(Math.abs(after - before) <= 4, `the content below moved by ${after - before} px (from ${before} to ${after})`);
  await page.context().close();
});

test("sentences and dates in French, English, German and Arabic (right to left)", async () => {
  const url = env.page("langs5", html(["fr", "en", "de", "ar"].map((l) =>
    `<div id="${l}" data-news-widget data-lazy="false" data-feed="/www/feeds/seed.json" data-lang="${l}"></div><div id="${l}-empty" data-news-widget data-lazy="false" data-feed="/__f/empty" data-lang="${l}"></div>`).join("")));
  const { page } = await open(env, url);
  const expect = {
    fr: ["il y a 3 jours", "Aucune actualité", "Lire l’article complet", "Fermer"],
    en: ["3 days ago", "No news", "Read the full article", "Close"],
    de: ["vor 3 Tagen", "keine Nachrichten", "Ganzen Artikel lesen", "Schließen"],
    ar: ["", "لا توجد أخبار", "اقرأ المقال كاملًا", "إغلاق"],
  };
  for (const [lang, [days, empty, more, close]] of Object.entries(expect)) {
    await settled(page, `#${lang}`);
    await settled(page, `#${lang}-empty`);
    if (days) assert.equal(await page.locator(`#${lang} [part~=time]`).nth(1).innerText(), days);
    assert.match(await page.locator(`#${lang}-empty [part~=empty]`).innerText(), new RegExp(empty));
    await page.locator(`#${lang} button[part~=headline]`).first().click();
    assert.equal(await page.locator(`#${lang} [part~=source-link]`).innerText(), more);
    assert.equal(await page.locator(`#${lang} [part~=close]`).innerText(), close);
  }
  const ar = page.locator("#ar .root");
  assert.equal(await ar.getAttribute("dir"), "rtl");
  assert.equal(await ar.getAttribute("lang"), "ar");
  assert.equal(await ar.evaluate((el) => getComputedStyle(el).direction), "rtl");
  assert.match(await page.locator("#ar [part~=time]").first().innerText(), /[\u0600-\u06FF]/, "Intl writes Arabic");
  await page.context().close();
});

test("a browser language Intl refuses (WebKit under a C locale says \"C\") falls back to English", async () => {
  // No lang on the page: the widget takes the browser's language, here one Intl throws on.
  const url = env.page("lang-c", html(`<div id="w" data-news-widget data-feed="/__f/feed?n=3&name=langc"></div>`, {
    lang: "",
    head: `<script>Object.defineProperty(Navigator.prototype, "language", { get: () => "C" });
      Object.defineProperty(Navigator.prototype, "languages", { get: () => ["C"] });</script>`,
  }));
  const { page, log } = await open(env, url);
  assert.equal(await page.evaluate(() => navigator.language), "C");
  assert.equal(await settled(page, "#w"), "ready");
  assert.equal(await page.locator("#w [part~=time]").first().innerText(), "1 hour ago");
  await page.locator("#w button[part~=headline]").first().click();
  assert.equal(await page.locator("#w [part~=source-link]").innerText(), "Read the full article");
  assert.deepEqual(log.errors, []);
  await page.context().close();
});

test("custom properties and ::part() style the widget from outside", async () => {
  const url = env.page("theming", html(`<div id="w" data-news-widget data-feed="/www/feeds/seed.json" data-theme="light"></div>`, {
    head: `<style>#w { --nw-accent: rgb(11, 87, 208); --nw-section-bg: rgb(232, 240, 254); --nw-font: Georgia, serif; --nw-radius: 16px; }
      #w::part(time) { text-transform: uppercase; } #w::part(teaser) { padding-top: 20px; }</style>`,
  }));
  const { page } = await open(env, url);
  await settled(page, "#w");
  const w = page.locator("#w");
  assert.equal(await w.locator("[part~=section]").first().evaluate((el) => getComputedStyle(el).backgroundColor), "rgb(232, 240, 254)");
  assert.match(await w.locator(".root").evaluate((el) => getComputedStyle(el).fontFamily), /Georgia/);
  assert.equal(await w.locator(".root").evaluate((el) => getComputedStyle(el).borderTopLeftRadius), "16px");
  assert.equal(await w.locator("[part~=time]").first().evaluate((el) => getComputedStyle(el).textTransform), "uppercase");
  assert.equal(await w.locator("[part~=teaser]").nth(1).evaluate((el) => getComputedStyle(el).paddingTop), "20px");
  await w.locator("button[part~=headline]").first().click();
  assert.equal(await w.locator("[part~=source-link]").evaluate((el) => getComputedStyle(el).color), "rgb(11, 87, 208)");
  await page.context().close();
});

test("images: lazy, with alt and a reserved aspect ratio; a broken one disappears", async () => {
  const feed = env.feed("images.json", JSON.stringify({
    version: "https://jsonfeed.org/version/1.1", items: [
      { id: "ok", title: "With image", image: "/www/img/seed-article.svg", content_text: "x", date_published: "2026-01-02T00:00:00Z" },
      { id: "broken", title: "Broken image", image: "/nope.png", content_text: "y", date_published: "2026-01-01T00:00:00Z" }] }), "application/json");
  const url = env.page("images", html(`<div id="w" data-news-widget data-feed="${feed}" data-images="true"></div>`));
  const { page } = await open(env, url);
  await settled(page, "#w");
  await page.locator("#w button[part~=headline]").first().click();
  const img = page.locator("#w img[part~=image]");
  assert.equal(await img.getAttribute("loading"), "lazy");
  assert.equal(await img.getAttribute("alt"), "");
  assert.equal(await img.evaluate((el) => getComputedStyle(el).aspectRatio), "16 / 9");
  await page.locator("#w button[part~=headline]").nth(1).click();
  await page.waitForFunction(() => document.getElementById("w").shadowRoot.querySelector("img[part~=image]")?.hidden === true);
  assert.equal(await page.locator("#w img[part~=image]").isVisible(), false, "a broken image is hidden");
  await page.context().close();
});

test("mounting and unmounting 1,000 times leaves no timer, observer or growing memory behind", async () => {
  const url = env.page("leaks", html(`<div id="target"></div>`, {
    head: `<script>
      window.__intervals = new Set(); window.__observers = new Set();
      const si = window.setInterval, ci = window.clearInterval;
      window.setInterval = (...a) => { const id = si(...a); __intervals.add(id); return id; };
      window.clearInterval = (id) => { __intervals.delete(id); return ci(id); };
      const obs = MutationObserver.prototype.observe, dis = MutationObserver.prototype.disconnect;
      MutationObserver.prototype.observe = function (...a) { __observers.add(this); return obs.apply(this, a); };
      MutationObserver.prototype.disconnect = function () { __observers.delete(this); return dis.apply(this); };
      const inst = WebAssembly.instantiateStreaming;
      WebAssembly.instantiateStreaming = async (...a) => { const r = await inst(...a); const m = Object.values(r.instance.exports).find((v) => v instanceof WebAssembly.Memory); if (m) window.__memory = m; return r; };
    </script>`,
  }));
  const { page } = await open(env, url);
  await page.waitForFunction(() => window.NewsWidget);
  // The JavaScript heap is read through the DevTools protocol, which only Chromium speaks; the
  // timers, observers and WebAssembly memory are checked in every engine.
  const cdp = ENGINE === "chromium" ? await page.context().newCDPSession(page) : null;
  const cycle = (n) => page.evaluate(async (n) => {
    const el = document.getElementById("target");
    for (let i = 0; i < n; i++) {
      await NewsWidget.mount(el, { feed: "/__f/feed?n=8&name=leak", refresh: 60 });
      if (i % 50 === 0) await new Promise((r) => el.addEventListener("news-widget:ready", r, { once: true }));
      await NewsWidget.unmount(el);
    }
    return { intervals: __intervals.size, observers: __observers.size };
  }, n);
  const heap = async () => {
    if (!cdp) return 0;
    await cdp.send("HeapProfiler.collectGarbage");
    return (await cdp.send("Runtime.getHeapUsage")).usedSize;
  };
  const wasmMemory = () => page.evaluate(() => window.__memory.buffer.byteLength);
  // The page's own observers (the loader's; the test driver's) before any widget.
  const baseline = await page.evaluate(() => ({ intervals: __intervals.size, observers: __observers.size }));
  await cycle(1000); // warm-up: caches, compiled code, the allocator's first growth
  const before = await heap();
  const wasmBefore = await wasmMemory();
  const left = await cycle(1000);
  const afterHeap = await heap();
  const wasmGrowth = (await wasmMemory()) - wasmBefore;
  assert.ok(wasmGrowth <= 256 * 1024, `WebAssembly memory grew by ${wasmGrowth / 1024} KB over 1,000 cycles`);
  assert.equal(left.intervals, baseline.intervals, "no interval left running");
  assert.equal(left.observers, baseline.observers, "no observer left observing");
  assert.ok(afterHeap - before < 256 * 1024, `JS heap grew by ${((afterHeap - before) / 1024).toFixed(0)} KB over 1,000 cycles`);
  console.log(`${ENGINE}: 1,000 mount/unmount cycles: JS heap${cdp ? "" : " (not measured)"} ${(before / 1048576).toFixed(2)} -> ${(afterHeap / 1048576).toFixed(2)} MB, wasm memory ${(wasmBefore / 1048576).toFixed(2)} MB, intervals ${left.intervals}, observers ${left.observers}`);
  await page.context().close();
});

/** A page with a widget `#lazy` far below the fold and a `data-lazy="false"` one, `#eager`, ready. */
async function belowTheFold(name, lazyFeed, eagerFeed) {
  const url = env.page(name, html(`<div style="height: 6000px">A long article</div>
    <div id="lazy" data-news-widget data-feed="/__f/feed?n=3&name=${lazyFeed}"></div>
    <div id="eager" data-news-widget data-lazy="false" data-feed="/__f/feed?n=3&name=${eagerFeed}"></div>`));
  const opened = await open(env, url);
  assert.equal(await settled(opened.page, "#eager"), "ready");
  return opened;
}

test("a widget far below the fold fetches when it nears the viewport; data-lazy=false opts out", async () => {
  const { page, log } = await belowTheFold("lazy", "lazy", "eager");
  await page.waitForTimeout(300);
  assert.equal(await page.locator("#lazy").getAttribute("data-state"), "loading");
  assert.ok(!log.requests.some((u) => u.includes("name=lazy")), "nothing is fetched for a widget far below the fold");
  await page.locator("#lazy").scrollIntoViewIfNeeded();
  assert.equal(await settled(page, "#lazy"), "ready");
  await page.context().close();
});

test("a widget far below the fold given the feed the page already shows is ready at once, with no request", async () => {
  const { page, log } = await belowTheFold("lazy-join", "other", "shown");
  await page.locator("#lazy").evaluate((el) => el.setAttribute("data-feed", "/__f/feed?n=3&name=shown"));
  assert.equal(await settled(page, "#lazy"), "ready", "ready without being scrolled to");
  assert.equal(log.requests.filter((u) => u.includes("name=shown")).length, 1, "the feed is fetched once");
  assert.ok(!log.requests.some((u) => u.includes("name=other")), "its first feed was never fetched");
  await page.context().close();
});

test("timers rest while the page is hidden and catch up when it is shown", async () => {
  const url = env.page("resting", html(`<div id="w" data-news-widget data-refresh="60" data-feed="/__f/feed?n=3&name=resting"></div>`));
  const { page, log, context } = await open(env, url, { clock: Date.now() });
  const fetched = { get length() { return log.requests.filter((u) => u.includes("name=resting")).length; } };
  await settled(page, "#w");
  await runFor(page, 61_000);
  await page.waitForTimeout(200);
  assert.equal(fetched.length, 2, "data-refresh=60 refetches after a minute on a visible page");
  // Headless Chromium keeps background tabs visible: the page is told it is hidden as a
  // browser would tell it, through document.hidden and a visibilitychange event.
  const setHidden = (hidden) => page.evaluate((hidden) => {
    Object.defineProperty(document, "hidden", { configurable: true, get: () => hidden });
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => (hidden ? "hidden" : "visible") });
    document.dispatchEvent(new Event("visibilitychange"));
  }, hidden);
  await setHidden(true);
  await runFor(page, 5 * 60_000);
  await page.waitForTimeout(200);
  assert.equal(fetched.length, 2, "no refresh while the page is hidden");
  await setHidden(false);
  await page.waitForTimeout(300);
  assert.equal(fetched.length, 3, "the missed refresh happens once when the page is shown");
  await context.close();
});

test("ten widgets of one feed down a long page are all ready, with one request", async () => {
  const ten = Array.from({ length: 10 }, (_, i) => `<div id="t${i}" data-news-widget data-feed="/__f/feed?n=8&name=ten"></div>`).join("");
  const { page, log } = await open(env, env.page("ten", html(ten)));
  for (let i = 0; i < 10; i++) assert.equal(await settled(page, `#t${i}`), "ready", `widget ${i}`);
  const requests = log.requests.filter((u) => u.includes("name=ten"));
  assert.equal(requests.length, 1, "one fetch for the feed, however many widgets show it");
  const wasm = log.requests.filter((u) => u.endsWith(".wasm"));
  assert.equal(wasm.filter((u) => u.endsWith("/news_widget_bg.wasm")).length, 1, "one module");
  assert.equal(new Set(wasm).size, wasm.length, `each later part at most once: ${wasm}`);
  await page.context().close();
});
