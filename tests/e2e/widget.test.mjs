// Contract §2 to §4: attributes, rendered parts, the article, keyboard, events and the JS API.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, html, open, settled, runFor } from "./harness.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

async function widget(name, attrs, opts = {}) {
  const url = env.page(name, html(`<div id="w" data-news-widget ${attrs}></div>${opts.extra || ""}`, opts));
  const o = await open(env, url, opts.context);
  o.state = await settled(o.page, "#w");
  o.w = o.page.locator("#w");
  return o;
}

test("the seed feed: every part, newest first, in French, with relative times", async () => {
  const { page, w, state } = await widget("seed", 'data-feed="/www/feeds/seed.json" data-limit="9"');
  assert.equal(state, "ready");
  assert.equal(await w.locator("[part~=title]").innerText(), "Dernières actualités", "the feed's title heads the list");
  assert.equal(await w.locator("ul[part~=list] > li[part~=teaser]").count(), 9);
  const sections = await w.locator("[part~=section]").allInnerTexts();
  assert.deepEqual(sections.slice(0, 3), ["News", "Frontignan", "France"], "newest first");
  const times = await w.locator("time[part~=time]").allInnerTexts();
  assert.deepEqual(times.slice(0, 4), ["il y a 2 heures", "il y a 3 jours", "il y a 4 jours", "il y a 1 semaine"]);
  assert.equal(times.at(-1), "il y a 2 semaines");
  const time = w.locator("time[part~=time]").first();
  assert.match(await time.getAttribute("datetime"), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.match(await time.getAttribute("title"), /\d{4}/, "the title holds the absolute date");
  await page.context().close();
});

test("a headline expands its article in place; one at a time; Escape closes and refocuses", async () => {
  const { page, w } = await widget("expand", 'data-feed="/www/feeds/seed.json"');
  const first = w.locator("button[part~=headline]").first();
  const second = w.locator("button[part~=headline]").nth(1);
  assert.equal(await first.getAttribute("aria-expanded"), "false");
  assert.equal(await w.locator("[part~=article]").count(), 0, "no article until a headline is chosen");
  await first.click();
  const article = w.locator("article[part~=article]");
  assert.equal(await first.getAttribute("aria-expanded"), "true");
  assert.equal(await article.getAttribute("id"), await first.getAttribute("aria-controls"));
  assert.match(await article.locator("[part~=standfirst]").innerText(), /^Le président américain/);
  await article.locator("[part~=body] p").first().waitFor();
  assert.equal(await article.locator("[part~=body] p").count(), 6, "the seed article's six paragraphs");
  assert.equal(await article.locator("a[part~=source-link]").getAttribute("href"),
    "https://www.example.com/actualites/echange-telephonique-entre-washington-et-moscou-a-la-veille");
  assert.equal(await article.locator("[part~=image]").count(), 0, "no image without data-images");
  await second.click();
  assert.equal(await w.locator("[part~=article]").count(), 1, "only one article open at a time");
  assert.equal(await first.getAttribute("aria-expanded"), "false");
  await page.keyboard.press("Escape");
  assert.equal(await w.locator("[part~=article]").count(), 0);
  assert.equal(await page.evaluate(() => document.getElementById("w").shadowRoot.activeElement?.getAttribute("aria-controls")),
    await second.getAttribute("aria-controls"), "focus returns to the headline");
  await page.context().close();
});

test("a headline clicked where a click does not focus it (Safari on macOS) takes focus, so Escape closes its article", async () => {
  // The page keeps every click from moving focus, as Safari does for buttons.
  const { page, w } = await widget("no-focus-click", 'data-feed="/__f/feed?n=3&name=nf"', {
    head: `<script>addEventListener("mousedown", (e) => e.preventDefault(), true);</script>`,
  });
  const first = w.locator("button[part~=headline]").first();
  await first.click();
  assert.equal(await w.locator("[part~=article]").count(), 1);
  assert.equal(await page.evaluate(() => document.getElementById("w").shadowRoot.activeElement?.textContent), "nf headline 0", "the headline has focus");
  await page.keyboard.press("Escape");
  assert.equal(await w.locator("[part~=article]").count(), 0, "Escape closed the article");
  await page.context().close();
});

test("keyboard: Tab reaches the headlines, Enter and Space toggle", async () => {
  const { page, w } = await widget("keys", 'data-feed="/__f/feed?n=3&name=k"');
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.getElementById("w").shadowRoot.activeElement?.textContent), "k headline 0");
  await page.keyboard.press("Enter");
  assert.equal(await w.locator("[part~=article]").count(), 1);
  await page.keyboard.press("Space");
  assert.equal(await w.locator("[part~=article]").count(), 0);
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.getElementById("w").shadowRoot.activeElement?.textContent), "k headline 1");
  await page.context().close();
});

test("data-open=link, data-target=_blank, data-title and data-images", async () => {
  let o = await widget("link", 'data-feed="/__f/feed?n=3&name=l" data-open="link" data-target="_blank" data-title=""');
  const a = o.w.locator("a[part~=headline]").first();
  assert.equal(await a.getAttribute("href"), "https://news.example/l/0");
  assert.equal(await a.getAttribute("target"), "_blank");
  assert.equal(await o.w.locator("[part~=title]").count(), 0, 'data-title="" hides the heading');
  await o.page.context().close();
  o = await widget("images", 'data-feed="/www/feeds/seed.json" data-images="true" data-title="À la une"');
  assert.equal(await o.w.locator("[part~=title]").innerText(), "À la une");
  await o.w.locator("button[part~=headline]").first().click();
  const img = o.w.locator("img[part~=image]");
  assert.equal(await img.getAttribute("loading"), "lazy");
  assert.equal(await img.getAttribute("alt"), "");
  assert.match(await img.getAttribute("src"), /\/www\/img\/seed-article\.svg$/, "relative to the feed's URL");
  await o.page.context().close();
});

test("data-link-params on every link to an article, keeping the link's own parameters and fragment; a hostile value stays in the query", async () => {
  const feed = env.feed("links.json", JSON.stringify({ version: "https://jsonfeed.org/version/1.1", items: [
    { id: "1", title: "Plain", url: "https://news.example/a", date_published: "2026-01-03T00:00:00Z" },
    { id: "2", title: "With query and fragment", url: "https://news.example/b?utm_source=rss&id=2#comments", date_published: "2026-01-02T00:00:00Z" },
  ] }), "application/json");
  const params = "utm_source=partner&utm_medium=widget";
  let o = await widget("link-params", `data-feed="${feed}" data-open="link" data-link-params="${params}"`);
  const headlines = o.w.locator("a[part~=headline]");
  assert.deepEqual([await headlines.nth(0).getAttribute("href"), await headlines.nth(1).getAttribute("href")], [
    "https://news.example/a?utm_source=partner&utm_medium=widget",
    "https://news.example/b?utm_source=rss&id=2&utm_medium=widget#comments",
  ]);
  await o.page.context().close();
  o = await widget("link-params-inline", `data-feed="${feed}" data-link-params="x=&quot;&gt;&lt;b&gt;#@evil.example/"`);
  await o.w.locator("button[part~=headline]").first().click();
  const href = await o.w.locator("a[part~=source-link]").getAttribute("href");
  assert.equal(href, "https://news.example/a?x=%22%3E%3Cb%3E%23@evil.example/");
  assert.equal(new URL(href).host, "news.example", "the host is the article's");
  await o.page.context().close();
});

test("data-sections keeps sections regardless of case and accents; data-dates", async () => {
  let o = await widget("sections", 'data-feed="/www/feeds/seed.json" data-sections="societe, ÉCONOMIE" data-dates="none"');
  assert.deepEqual(await o.w.locator("[part~=section]").allInnerTexts(), ["Économie", "Société", "Société"]);
  assert.equal(await o.w.locator("[part~=time]").count(), 0, 'data-dates="none" hides times');
  await o.page.context().close();
  o = await widget("absolute", 'data-feed="/www/feeds/seed.json" data-dates="absolute" data-lang="en-GB"');
  assert.match(await o.w.locator("[part~=time]").first().innerText(), /\d{4}/, "absolute dates carry the year");
  await o.page.context().close();
  o = await widget("filtered-empty", 'data-feed="/www/feeds/seed.json" data-sections="Météo"');
  assert.equal(o.state, "empty");
  assert.match(await o.w.locator("[part~=empty]").innerText(), /Aucune actualité/);
  await o.page.context().close();
});

test("the language: data-lang, else the nearest lang, for dates and sentences", async () => {
  const url = env.page("langs", html(`
    <div id="en" data-news-widget data-feed="/www/feeds/seed.json" data-lang="en"></div>
    <section lang="de"><div id="de" data-news-widget data-feed="/www/feeds/seed.json"></div></section>
    <div id="fr" data-news-widget data-feed="/www/feeds/seed.json"></div>`));
  const { page } = await open(env, url);
  for (const id of ["#en", "#de", "#fr"]) await settled(page, id);
  assert.equal(await page.locator("#en [part~=time]").nth(1).innerText(), "3 days ago");
  assert.equal(await page.locator("#de [part~=time]").nth(1).innerText(), "vor 3 Tagen");
  assert.equal(await page.locator("#fr [part~=time]").nth(1).innerText(), "il y a 3 jours");
  await page.locator("#en button[part~=headline]").first().click();
  assert.equal(await page.locator("#en [part~=source-link]").innerText(), "Read the full article");
  await page.context().close();
});

test("configuration errors name the attribute and the accepted values", async () => {
  let o = await widget("missing", 'data-limit="3"');
  assert.equal(o.state, "error");
  const error = o.w.locator("p[part~=error][role=alert]");
  assert.match(await error.innerText(), /data-feed/);
  assert.ok(o.log.console.some((m) => m.startsWith("warning: [news-widget]") && m.includes("data-feed")));
  await o.page.context().close();
  o = await widget("bad-limit", 'data-feed="/__f/feed?n=12" data-limit="lots" data-theme="pink"');
  assert.equal(o.state, "ready", "an invalid optional value falls back to its default");
  assert.equal(await o.w.locator("[part~=teaser]").count(), 8);
  assert.ok(o.log.console.some((m) => m.includes('data-limit="lots"') && m.includes("1 to 50")), o.log.console.join("\n"));
  assert.ok(o.log.console.some((m) => m.includes("data-theme") && m.includes("light, dark or auto")));
  assert.match(await o.w.locator("[part~=notice]").innerText(), /data-limit/);
  await o.page.context().close();
  o = await widget("bad-feed", 'data-feed="javascript:alert(1)"');
  assert.equal(o.state, "error");
  assert.match(await o.w.locator("[part~=error]").innerText(), /data-feed/);
  await o.page.context().close();
});

test("attributes changed after mounting take effect at once", async () => {
  const { page, w } = await widget("live", 'data-feed="/__f/feed?n=10&name=a" data-theme="light"');
  const bg = () => w.locator(".root").evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(await bg(), "rgb(255, 255, 255)");
  await page.evaluate(() => document.getElementById("w").setAttribute("data-theme", "dark"));
  await page.waitForFunction(() => getComputedStyle(document.getElementById("w").shadowRoot.querySelector(".root")).backgroundColor !== "rgb(255, 255, 255)");
  await page.evaluate(() => document.getElementById("w").setAttribute("data-limit", "2"));
  await page.waitForFunction(() => document.getElementById("w").shadowRoot.querySelectorAll("[part~=teaser]").length === 2);
  await page.evaluate(() => document.getElementById("w").setAttribute("data-feed", "/__f/feed?n=4&name=b"));
  await page.waitForFunction(() => document.getElementById("w").shadowRoot.querySelector("[part~=headline]")?.textContent === "b headline 0");
  await page.context().close();
});

test("theme auto follows the reader's colour scheme", async () => {
  // One launch per scheme: Firefox and WebKit set it for a whole browser, not per page.
  for (const [colorScheme, dark] of [["dark", true], ["light", false]]) {
    const o = await widget(`auto-${colorScheme}`, 'data-feed="/__f/feed?n=2"', { context: { colorScheme } });
    const bg = await o.w.locator(".root").evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.equal(bg !== "rgb(255, 255, 255)", dark, `${colorScheme}: ${bg}`);
    await o.page.context().close();
  }
});

test("events bubble out of the shadow root with their details", async () => {
  const url = env.page("events", html(`<div id="w" data-news-widget data-feed="/__f/feed?n=5&name=e" data-limit="4"></div>
    <div id="bad" data-news-widget data-feed="/__f/500"></div>`, {
    head: `<script>window.__events = []; for (const t of ["ready", "error", "open", "close"])
      document.addEventListener("news-widget:" + t, (e) => __events.push({ type: e.type, target: e.target.id, detail: e.detail, composed: e.composed }));</script>`,
  }));
  const { page } = await open(env, url);
  await settled(page, "#w");
  await settled(page, "#bad");
  const w = page.locator("#w");
  await w.locator("button[part~=headline]").first().click();
  await page.keyboard.press("Escape");
  const events = await page.evaluate(() => __events);
  const of = (type, target) => events.find((e) => e.type === type && e.target === target);
  assert.deepEqual(of("news-widget:ready", "w").detail, { count: 4 });
  assert.match(of("news-widget:error", "bad").detail.message, /500/);
  assert.deepEqual(of("news-widget:open", "w").detail, { id: "e-0", url: "https://news.example/e/0" });
  assert.deepEqual(of("news-widget:close", "w").detail, { id: "e-0" });
  assert.ok(events.every((e) => e.composed));
  await page.context().close();
});

test("window.NewsWidget.mount, refresh and unmount, each a Promise", async () => {
  const url = env.page("api", html(`<div id="target"></div>`));
  const { page } = await open(env, url);
  await page.waitForFunction(() => window.NewsWidget);
  const host = await page.evaluate(async () => {
    const el = document.getElementById("target");
    const p = NewsWidget.mount(el, { feed: "/__f/feed?n=6&name=api", limit: 3, lang: "en", sections: ["Sport", "Culture", "Économie"] });
    const host = await p;
    return host === el;
  });
  assert.ok(host, "mount() resolves to the host element");
  assert.equal(await settled(page, "#target"), "ready");
  assert.equal(await page.locator("#target [part~=teaser]").count(), 3);
  await page.locator("#target button[part~=headline]").first().click();
  const refreshed = await page.evaluate(() => NewsWidget.refresh(document.getElementById("target")));
  assert.deepEqual(refreshed, { state: "ready", count: 3 });
  assert.equal(await page.locator("#target [part~=article]").count(), 1, "a refresh never closes the article being read");
  assert.equal(await page.evaluate(() => NewsWidget.unmount(document.getElementById("target"))), true);
  assert.equal(await page.locator("#target [part~=teaser]").count(), 0);
  assert.equal(await page.locator("#target").getAttribute("data-state"), null);
  const rejected = await page.evaluate(() => NewsWidget.refresh(document.getElementById("target")).then(() => "resolved", (e) => e.message));
  assert.match(rejected, /no widget is mounted/);
  await page.context().close();
});

test("each invalid attribute is warned exactly once, however often the attributes are read", async () => {
  const o = await widget("warn-once", 'data-limit="lots" data-theme="light"');
  assert.equal(o.state, "error");
  await o.page.evaluate(() => document.getElementById("w").setAttribute("data-theme", "dark"));
  await o.page.waitForFunction(() => getComputedStyle(document.getElementById("w").shadowRoot.querySelector(".root")).backgroundColor !== "rgb(255, 255, 255)");
  assert.equal((await o.page.evaluate(() => NewsWidget.refresh(document.getElementById("w")))).state, "error");
  const warned = (text) => o.log.console.filter((m) => m.startsWith("warning: [news-widget]") && m.includes(text)).length;
  assert.equal(warned("data-feed attribute is missing"), 1, o.log.console.join("\n"));
  assert.equal(warned('data-limit="lots"'), 1, o.log.console.join("\n"));
  await o.page.context().close();
});

test("mount() options take precedence over the element's data-* attributes", async () => {
  const url = env.page("precedence", html(`<div id="t" data-feed="/__f/feed?n=6&name=attr" data-limit="5" data-lang="de" data-title="From the attribute"></div>`));
  const { page } = await open(env, url);
  await page.waitForFunction(() => window.NewsWidget);
  await page.evaluate(() => NewsWidget.mount(document.getElementById("t"), { feed: "/__f/feed?n=6&name=opt", limit: 2, lang: "en" }));
  assert.equal(await settled(page, "#t"), "ready");
  assert.equal(await page.locator("#t [part~=teaser]").count(), 2, "limit: 2 over data-limit=5");
  assert.equal(await page.locator("#t [part~=headline]").first().innerText(), "opt headline 0", "feed over data-feed");
  assert.equal(await page.locator("#t [part~=time]").first().innerText(), "1 hour ago", "lang: en over data-lang=de");
  assert.equal(await page.locator("#t [part~=title]").innerText(), "From the attribute", "an attribute no option names still counts");
  await page.context().close();
});

test("the loader's failures: a missing module is one console sentence, the link stays, mount() rejects; mount() needs an element", async () => {
  const url = env.page("broken", html(`<a id="l" data-news-widget href="https://example.com/news" data-feed="/__f/feed?n=3">All the news</a>`,
    { script: '<script src="/__broken/news-widget.js" async></script>' }));
  const { page, log } = await open(env, url);
  await page.waitForFunction(() => window.NewsWidget);
  const ours = () => log.console.filter((m) => m.startsWith("error: [news-widget]"));
  for (let i = 0; i < 100 && ours().length === 0; i++) await page.waitForTimeout(100);
  assert.equal(ours().length, 1, log.console.join("\n"));
  assert.match(ours()[0], /The news cannot be shown: .*news_widget_bg\.wasm answered HTTP 404/);
  assert.ok(await page.locator("#l").isVisible(), "the link container's link is still there to follow");
  assert.equal(await page.locator("news-widget").getAttribute("data-state"), "error");
  assert.equal(await page.locator("news-widget").isVisible(), false, "no empty widget shows beside the link");
  const outcomes = await page.evaluate(async () => {
    const settle = (p) => p.then(() => "resolved", (e) => `${e.name}: ${e.message}`);
    return {
      noElement: await settle(NewsWidget.mount(null, { feed: "/x.json" })),
      brokenModule: await settle(NewsWidget.mount(document.body.appendChild(document.createElement("div")), { feed: "/__f/feed?n=2" })),
      unmountNothing: await NewsWidget.unmount(document.createElement("div")),
    };
  });
  assert.equal(outcomes.noElement, "TypeError: [news-widget] mount() needs an element");
  assert.notEqual(outcomes.brokenModule, "resolved", "mount() rejects when the module cannot load");
  assert.equal(outcomes.unmountNothing, false);
  assert.deepEqual(log.errors, [], "nothing is thrown at the page");
  await page.context().close();
});

test("a refresh that brings a story above an open, focused article: it waits behind updates; shown, the article stays open under its own headline", async () => {
  const { page, w } = await widget("growing", 'data-feed="/__f/growing?id=g1" data-lang="en"');
  const first = w.locator("button[part~=headline]").first();
  assert.equal(await first.innerText(), "old0 story");
  await first.focus();
  await page.keyboard.press("Enter");
  await w.locator("[part~=article]").waitFor();
  assert.deepEqual(await page.evaluate(() => NewsWidget.refresh(document.getElementById("w"))), { state: "ready", count: 4 });
  const updates = w.locator("button[part~=updates]");
  assert.equal(await updates.innerText(), "1 new story");
  assert.deepEqual(await w.locator("[part~=headline]").allInnerTexts(), ["old0 story", "old1 story", "old2 story", "old3 story"], "nothing moved");
  assert.equal(await page.evaluate(() => document.getElementById("w").shadowRoot.activeElement?.textContent), "old0 story", "focus stayed");
  await updates.click();
  assert.deepEqual(await w.locator("[part~=headline]").allInnerTexts(), ["new1 story", "old0 story", "old1 story", "old2 story", "old3 story"]);
  assert.equal(await w.locator("[part~=article]").count(), 1, "the article being read is still open");
  assert.equal(await w.locator("li[part~=teaser] >> nth=1").locator("[part~=article]").count(), 1, "under its own headline, now second");
  assert.match(await w.locator("[part~=article]").innerText(), /Body of old0/);
  await page.waitForFunction(() => document.getElementById("w").shadowRoot.activeElement?.textContent === "new1 story");
  await page.context().close();
});

test("relative times are rewritten every 30 seconds", async () => {
  // The page's clock is 49 min 40 s behind the server's: the first story, an hour old for the
  // server, is 10 min 20 s old for the page ("10 minutes ago"; 11 from 10 min 30 s).
  const url = env.page("clock", html(`<div id="w" data-news-widget data-feed="/__f/feed?n=3&name=clock" data-lang="en"></div>`));
  const { page, context } = await open(env, url, { clock: Date.now() - 3600e3 + 620e3 });
  assert.equal(await settled(page, "#w"), "ready");
  const time = page.locator("#w [part~=time]").first();
  assert.equal(await time.innerText(), "10 minutes ago");
  await runFor(page, 25_000);
  assert.equal(await time.innerText(), "10 minutes ago", "not rewritten before 30 seconds (it would read 11 by now)");
  await runFor(page, 6_000);
  assert.equal(await time.innerText(), "11 minutes ago", "rewritten at 30 seconds");
  await context.close();
});
