// The module split by use (issue 14): the first teasers of a JSON Feed need the first part only;
// the part an opened article needs (the sanitizer) is fetched when the browser is idle after
// `ready`; the RSS/Atom part only when such a feed arrives; and a part that cannot be fetched
// is a sentence in its widget, never a crash of the others.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { ROOT } from "../../tools/serve.mjs";
import { start, html, open, settled } from "./harness.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const RSS = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Le fil RSS</title>
  <item><title>Une dépêche RSS</title><link>https://news.example/rss/1</link><pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate>
  <description>&lt;p&gt;Corps &lt;b&gt;gras&lt;/b&gt;&lt;/p&gt;</description></item></channel></rss>`;

const parts = (log) => log.requests.filter((u) => /\/(split_\w+|chunk_\d+)\.wasm$/.test(u)).map((u) => u.replace(/^.*\//, ""));

/** Waits until the page has requested `file`, or `ms` have passed. */
async function requested(page, log, file, ms = 5000) {
  for (let waited = 0; waited < ms && !parts(log).includes(file); waited += 100) await page.waitForTimeout(100);
  return parts(log).includes(file);
}

test("a JSON Feed's teasers need the first part only; the article's part comes when idle after ready, the RSS part never", async () => {
  const url = env.page("parts-json", html(`<div id="w" data-news-widget data-lang="en" data-feed="/__f/feed?name=pj&amp;n=3"></div>`));
  const { page, log } = await open(env, url);
  assert.equal(await settled(page, "#w"), "ready");
  const atReady = parts(log);
  assert.ok(!atReady.includes("split_xml.wasm"), `no RSS/Atom part for a JSON Feed: ${atReady}`);
  assert.ok(!atReady.some((f) => /^split_(pictures|links|words_\w+)\.wasm$/.test(f)), `no part its attributes do not ask for: ${atReady}`);
  assert.ok(await requested(page, log, "split_article.wasm"), `the article's part is fetched once the page is idle: ${parts(log)}`);
  const w = page.locator("#w");
  await w.locator("[part~=headline]").first().click();
  const body = w.locator("[part~=body]");
  await body.locator("a").waitFor();
  assert.equal(await w.locator("[part~=body][aria-busy]").count(), 0, "no longer busy once filled");
  assert.equal(await body.locator("a").getAttribute("href"), "https://news.example/x", "the body is sanitized HTML, its link resolved");
  assert.ok(!parts(log).includes("split_xml.wasm"), "still no RSS/Atom part");
  assert.equal(parts(log).filter((f) => f === "split_article.wasm").length, 1, "each part is fetched once");
  assert.deepEqual(log.errors, []);
  await page.context().close();
});

/** Opens a French widget of `body` (served as `name`), ready; asserts RSS and Atom's part came after the feed. */
async function readyAfterPart(name, body, type) {
  const feed = env.feed(name, body, type);
  const url = env.page(`parts-${name.replace(/\W/g, "-")}`, html(`<div id="w" data-news-widget data-lang="fr" data-feed="${feed}"></div>`));
  const opened = await open(env, url);
  assert.equal(await settled(opened.page, "#w"), "ready");
  const order = opened.log.requests.map((u) => u.replace(/^.*\//, ""));
  assert.ok(order.indexOf("split_xml.wasm") > order.indexOf(name), `the part after the feed: ${order}`);
  return opened;
}

test("an RSS feed fetches its part when its answer is recognised, and shows", async () => {
  const { page, log } = await readyAfterPart("parts.rss", RSS, "application/rss+xml");
  const w = page.locator("#w");
  assert.equal(await w.locator("[part~=headline]").first().innerText(), "Une dépêche RSS");
  await w.locator("[part~=headline]").first().click();
  await w.locator("[part~=body] b").waitFor();
  assert.equal((await w.locator("[part~=body]").innerText()).trim(), "Corps gras");
  assert.deepEqual(log.errors, []);
  await page.context().close();
});

test("a part that cannot be fetched: its widget says so, the others work, an article shows its text", async () => {
  const feed = env.feed("noparts.rss", RSS, "application/rss+xml");
  const url = env.page("parts-missing", html(`
    <div id="rss" data-news-widget data-lang="en" data-feed="${feed}"></div>
    <div id="json" data-news-widget data-lang="en" data-feed="/__f/feed?name=np&amp;n=3"></div>`,
  { script: '<script src="/__nopart/news-widget.js" async></script>' }));
  const { page, log } = await open(env, url);
  assert.equal(await settled(page, "#json"), "ready", "a JSON Feed needs no later part");
  assert.equal(await settled(page, "#rss"), "error");
  assert.match(await page.locator("#rss [part~=error]").innerText(), /The news cannot be shown on this page/);
  const w = page.locator("#json");
  await w.locator("[part~=headline]").first().click();
  for (let i = 0; i < 50 && !(await w.locator("[part~=body]").innerText()).includes("Body"); i++) await page.waitForTimeout(100);
  assert.match(await w.locator("[part~=body]").innerText(), /Body of np 0 with a link\./, "the body as text without its part");
  assert.equal(await w.locator("[part~=body] a").count(), 0);
  await w.locator("[part~=headline]").nth(1).click();
  assert.equal(await page.locator("#json").getAttribute("data-state"), "ready", "the widget still answers");
  assert.deepEqual(log.errors, [], "no uncaught error: nothing panicked");
  await page.context().close();
});

// JSON Feed asks for RFC 3339 dates; some feeds write them in words. The first part reads the
// former; the reader of the latter is RSS and Atom's, in their part.
const WRITTEN = JSON.stringify({
  version: "https://jsonfeed.org/version/1.1", items: [
    { id: "1", title: "En mots", url: "https://news.example/1", date_published: "Tue, 30 Jun 2026 10:04:03 +0200" },
    { id: "2", title: "En ISO", url: "https://news.example/2", date_published: "2026-07-01T08:00:00Z" },
    { id: "3", title: "En mots, puis ISO", url: "https://news.example/3", date_published: "2 de julio de 2026", date_modified: "2026-06-01T00:00:00Z" },
  ],
});
const times = async (page) => {
  const t = page.locator("#w time[part~=time]");
  const out = [];
  for (let i = 0; i < (await t.count()); i++) out.push(await t.nth(i).getAttribute("datetime"));
  return out;
};

test("a JSON Feed with dates written in words has them read by RSS and Atom's part, in the order JSON Feed gives", async () => {
  const { page, log } = await readyAfterPart("written.json", WRITTEN, "application/feed+json");
  assert.deepEqual(await page.locator("#w [part~=headline]").allInnerTexts(), ["En mots, puis ISO", "En ISO", "En mots"], "newest first");
  assert.deepEqual(await times(page), ["2026-07-02T00:00:00Z", "2026-07-01T08:00:00Z", "2026-06-30T08:04:03Z"],
    "date_published read before date_modified, as a JSON Feed reader would");
  assert.deepEqual(log.errors, []);
  await page.context().close();
});

test("without the part, a JSON Feed's dates in words leave their items shown, dated by what the first part reads", async () => {
  const feed = env.feed("written-nopart.json", WRITTEN, "application/feed+json");
  const url = env.page("parts-written-missing", html(`<div id="w" data-news-widget data-lang="fr" data-feed="${feed}"></div>`,
    { script: '<script src="/__nopart/news-widget.js" async></script>' }));
  const { page, log } = await open(env, url);
  assert.equal(await settled(page, "#w"), "ready");
  const headlines = await page.locator("#w [part~=headline]").allInnerTexts();
  assert.deepEqual([...headlines].sort(), ["En ISO", "En mots", "En mots, puis ISO"], "every item shows");
  assert.deepEqual((await times(page)).sort(), ["2026-06-01T00:00:00Z", "2026-07-01T08:00:00Z"],
    "the ISO dates only: the item in words alone is undated");
  assert.deepEqual(log.errors, []);
  await page.context().close();
});

// Each language's sentences but English's (every language's fallback) are a part of their own:
// a page in one of them has its part requested by the loader with the module, and its widgets
// mount once it came, so no reader sees English first; an English page fetches none, and a page
// only its own.
const SEEN = `<script>window.__seen = [];
  (function look() { var w = document.getElementById("w"), r = w && w.shadowRoot;
    if (r) window.__seen.push(r.textContent); requestAnimationFrame(look); })();</script>`;
const more = (page) => page.locator("#w [part~=more]").innerText();

test("a page in Spanish has its words part fetched with the module, once, and its widget speaks Spanish from the first frame", async () => {
  const url = env.page("parts-words-es", html(`<div id="w" data-news-widget data-lang="es" data-more="true" data-limit="2"
    data-feed="/__f/feed?name=pwes&amp;n=5"></div>`, { head: SEEN, script: '<script src="/__slow/news-widget.js" async></script>', lang: "es" }));
  const { page, log } = await open(env, url);
  assert.equal(await settled(page, "#w"), "ready");
  assert.equal(await more(page), "Más noticias");
  const t = await page.evaluate(() => {
    const all = performance.getEntriesByType("resource");
    const end = (f) => all.find((r) => r.name.endsWith(f));
    return { words: end("split_words_es.wasm").startTime, wasmEnd: end("news_widget_bg.wasm").responseEnd };
  });
  assert.ok(t.words < t.wasmEnd - 400, `the part was asked for at ${t.words.toFixed(0)} ms, the module came at ${t.wasmEnd.toFixed(0)} ms`);
  assert.equal(parts(log).filter((f) => f === "split_words_es.wasm").length, 1, "fetched once: the module took the loader's request");
  assert.deepEqual(parts(log).filter((f) => f.startsWith("split_words_")), ["split_words_es.wasm"], "no other language's");
  const seen = await page.evaluate(() => window.__seen.filter(Boolean));
  assert.ok(seen.length > 0, "the shadow root was watched");
  assert.deepEqual(seen.filter((s) => /Loading the latest news|More news|New\b/.test(s)), [], "never a word of English");
  assert.deepEqual(log.errors, []);
  await page.context().close();
});

test("a page in English fetches no words part; a widget switched to Italian fetches Italian's and speaks Italian", async () => {
  const url = env.page("parts-words-en", html(`<div id="w" data-news-widget data-lang="en" data-more="true" data-limit="2"
    data-feed="/__f/feed?name=pwen&amp;n=5"></div>`, { lang: "en" }));
  const { page, log } = await open(env, url);
  assert.equal(await settled(page, "#w"), "ready");
  assert.equal(await more(page), "More news");
  assert.ok(await requested(page, log, "split_article.wasm"), "idle after ready");
  assert.deepEqual(parts(log).filter((f) => f.startsWith("split_words_")), [], `no words part for English: ${parts(log)}`);
  await page.locator("#w").evaluate((el) => el.setAttribute("data-lang", "it"));
  await page.locator("#w [part~=more]", { hasText: "Altre notizie" }).waitFor();
  assert.deepEqual(parts(log).filter((f) => f.startsWith("split_words_")), ["split_words_it.wasm"]);
  assert.equal(await page.locator("#w").evaluate((el) => el.shadowRoot.querySelector(".root").lang), "it");
  assert.deepEqual(log.errors, []);
  await page.context().close();
});

test("a page in French has French's part only, from the first frame; two widgets in two languages, one part each", async () => {
  const url = env.page("parts-words-fr", html(`<div id="w" data-news-widget data-more="true" data-limit="2"
    data-feed="/__f/feed?name=pwfr&amp;n=5"></div>
    <div id="d" data-news-widget data-lang="de" data-more="true" data-limit="2" data-feed="/__f/feed?name=pwfr&amp;n=5"></div>`,
  { head: SEEN, script: '<script src="/__slow/news-widget.js" async></script>' }));
  const { page, log } = await open(env, url);
  assert.equal(await settled(page, "#w"), "ready");
  assert.equal(await settled(page, "#d"), "ready");
  assert.equal(await more(page), "Plus d’actualités");
  assert.equal(await page.locator("#d [part~=more]").innerText(), "Weitere Nachrichten");
  const seen = await page.evaluate(() => window.__seen.filter(Boolean));
  assert.ok(seen.length > 0, "the shadow root was watched");
  assert.deepEqual(seen.filter((s) => /Loading the latest news|More news/.test(s)), [], "never a word of English");
  assert.deepEqual(parts(log).filter((f) => f.startsWith("split_words_")).sort(), ["split_words_de.wasm", "split_words_fr.wasm"],
    "each fetched once, by the loader");
  assert.deepEqual(log.errors, []);
  await page.context().close();
});

// The code only some attributes ask for is a part each: the pictures' body scan
// (data-thumbnails), the links' parameters (data-link-params).
const bodyPictures = () => JSON.stringify({
  version: "https://jsonfeed.org/version/1.1", items: [1, 2, 3].map((n) => ({
    id: `p${n}`, title: `Picture ${n}`, url: `https://news.example/p${n}#top`, date_published: `2026-07-0${n}T08:00:00Z`,
    content_html: `<p><img src="/www/img/favicon.svg" width="16" height="16"><img src="${env.origin}/www/img/seed-article.svg?${n}" width="600"> Text</p>`,
  })),
});

test("pictures and link parameters: their parts come with the module, once, and the first teasers have both", async () => {
  const feed = env.feed("body-pictures.json", bodyPictures(), "application/feed+json");
  const url = env.page("parts-attrs", html(`<div id="w" data-news-widget data-lang="en" data-thumbnails="true" data-open="link"
    data-link-params="utm_source=partner" data-feed="${feed}"></div>`,
  { head: SEEN.replace("r.textContent", "[...r.querySelectorAll('[part~=headline]')].map((h) => h.getAttribute('href') + ' ' + !!h.closest('li').querySelector('img')).join('|')"),
    script: '<script src="/__slow/news-widget.js" async></script>', lang: "en" }));
  const { page, log } = await open(env, url);
  assert.equal(await settled(page, "#w"), "ready");
  // The parts, and the chunks they share with other parts (as the build wrote them for the loader).
  const chunks = JSON.parse(readFileSync(`${ROOT}/target/web/dist/part-chunks.json`, "utf8"));
  const files = ["pictures", "links"].flatMap((p) => [`split_${p}.wasm`, ...(chunks[p] || []).map((n) => `chunk_${n}.wasm`)]);
  assert.ok(files.some((f) => f.startsWith("chunk_")), `the pictures' part shares code with other parts: ${files}`);
  const t = await page.evaluate((files) => {
    const all = performance.getEntriesByType("resource");
    const entry = (f) => all.find((r) => r.name.endsWith(`/${f}`));
    return { started: files.map((f) => [f, entry(f)?.startTime ?? Infinity]), wasmEnd: entry("news_widget_bg.wasm").responseEnd };
  }, files);
  for (const [f, start] of t.started) assert.ok(start < t.wasmEnd - 400, `${f} asked for at ${start.toFixed(0)} ms, the module came at ${t.wasmEnd.toFixed(0)} ms`);
  for (const f of files) assert.equal(parts(log).filter((p) => p === f).length, 1, `${f} once: the module took the loader's request`);
  const w = page.locator("#w");
  assert.equal(await w.locator("img[part~=thumbnail]").first().getAttribute("src"), `${env.origin}/www/img/seed-article.svg?3`, "the body's picture, not its icon");
  assert.equal(await w.locator("[part~=headline]").first().getAttribute("href"), "https://news.example/p3?utm_source=partner#top");
  const seen = await page.evaluate(() => window.__seen.filter(Boolean));
  assert.ok(seen.length > 0, "the shadow root was watched");
  assert.deepEqual(seen.filter((s) => s.split("|").some((h) => !h.includes("utm_source=partner") || h.endsWith(" false"))), [],
    "never a teaser without its picture or a link without its parameters");
  assert.deepEqual(log.errors, []);
  await page.context().close();
});

test("pictures and link parameters set after the first teasers fetch their parts then; without them, the item's own", async () => {
  const feed = env.feed("body-pictures-later.json", bodyPictures(), "application/feed+json");
  const url = env.page("parts-attrs-later", html(`<div id="w" data-news-widget data-lang="en" data-open="link" data-feed="${feed}"></div>`));
  const { page, log } = await open(env, url);
  assert.equal(await settled(page, "#w"), "ready");
  const w = page.locator("#w");
  await w.evaluate((el) => { el.setAttribute("data-thumbnails", "true"); el.setAttribute("data-link-params", "ref=w"); });
  await w.locator("img[part~=thumbnail]").first().waitFor();
  await page.waitForFunction(() => document.getElementById("w").shadowRoot.querySelector("[part~=headline]").href.includes("ref=w"));
  assert.equal(await w.locator("img[part~=thumbnail]").count(), 3);
  assert.deepEqual(parts(log).filter((f) => /^split_(pictures|links)/.test(f)).sort(), ["split_links.wasm", "split_pictures.wasm"]);
  await page.context().close();
  // Parts that cannot come: no picture from a body, links as the feed wrote them; nothing breaks.
  const missing = env.page("parts-attrs-missing", html(`<div id="w" data-news-widget data-lang="en" data-thumbnails="true" data-open="link"
    data-link-params="ref=w" data-feed="${feed}"></div>`, { script: '<script src="/__nopart/news-widget.js" async></script>' }));
  const o = await open(env, missing);
  assert.equal(await settled(o.page, "#w"), "ready");
  assert.equal(await o.page.locator("#w [part~=teaser]").count(), 3);
  assert.equal(await o.page.locator("#w img[part~=thumbnail]").count(), 0);
  assert.equal(await o.page.locator("#w [part~=headline]").first().getAttribute("href"), "https://news.example/p3#top");
  assert.deepEqual([...log.errors, ...o.log.errors], [], "no uncaught error: nothing panicked");
  await o.page.context().close();
});

test("without its words part, a widget in Spanish works, in English", async () => {
  const url = env.page("parts-words-missing", html(`<div id="w" data-news-widget data-lang="es" data-more="true" data-limit="2"
    data-feed="/__f/feed?name=pwno&amp;n=5"></div>`, { script: '<script src="/__nopart/news-widget.js" async></script>', lang: "es" }));
  const { page, log } = await open(env, url);
  assert.equal(await settled(page, "#w"), "ready");
  assert.equal(await more(page), "More news");
  assert.equal(await page.locator("#w [part~=teaser]").count(), 2);
  assert.deepEqual(log.errors, [], "no uncaught error: nothing panicked");
  await page.context().close();
});
