// Contract 0.3 §2, §3 and §5: a list that looks like a news site. Pictures, summaries, the
// three layouts, several feeds merged, filters, more and all, updates that wait for the reader,
// "new" since the last visit, and the widget's words in eight languages.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { start, html, open, settled, runFor, addScript, modes } from "./harness.mjs";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const JSONFEED = "https://jsonfeed.org/version/1.1";
const HOUR = 3600e3;
let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

/** Maps each element matching `sel` inside #w's shadow root through `fn` (in the page). */
function all(page, sel, fn) {
  return page.evaluate(([s, f]) => [...document.getElementById("w").shadowRoot.querySelectorAll(s)].map((0, eval)(f)), [sel, fn]);
}
const box = "(e) => { const r = e.getBoundingClientRect(); return Math.round(r.width) + 'x' + Math.round(r.height); }";

/** A JSON Feed body of `items`, each `{ id, title, ... }` with `ago` hours for its date. */
function feed(title, items) {
  return JSON.stringify({
    version: JSONFEED, title,
    items: items.map(({ ago, ...i }) => ({ ...(ago === undefined ? {} : { date_published: new Date(Date.now() - ago * HOUR).toISOString() }), ...i })),
  });
}

async function widget(name, attrs, opts = {}) {
  const url = env.page(name, html(`${opts.before || ""}<div id="w" data-news-widget ${attrs}></div>`, opts));
  const o = await open(env, url, opts.context);
  o.state = await settled(o.page, "#w");
  o.w = o.page.locator("#w");
  return o;
}

const PX = "data:image/gif;base64,R0lGODlhAQABAAAAACw=";
const pictures = () => env.feed("pictures.json", feed("Pictures", [
  { id: "own", title: "Own image", ago: 1, image: "/www/img/seed-article.svg", content_html: "<p>x</p>" },
  { id: "body", title: "Body image", ago: 2, content_html: `<p><img class="emoji" src="/www/img/favicon.svg"><img src="/pixel.gif" width="1" height="1"><img src="${PX}"><img src="/www/img/seed-article.svg?b" width="600"></p>` },
  { id: "none", title: "No image", ago: 3, content_html: "<p>Only text</p>" },
  { id: "broken", title: "Broken image", ago: 4, image: "/__f/404" },
  { id: "js", title: "Script image", ago: 5, image: "javascript:alert(1)" },
  { id: "slow", title: "Picture still on its way", ago: 6, image: "/__f/never" },
]), "application/feed+json");

test("thumbnails: the item's image, else the body's first real picture, else none; lazy, alt=\"\", boxes reserved, a broken one leaves its box", async () => {
  const { page, w, log } = await widget("thumbs", `data-feed="${pictures()}" data-thumbnails="true" data-lang="en"`);
  const teasers = w.locator("li[part~=teaser]");
  const src = (n) => teasers.nth(n).locator("img[part~=thumbnail]").getAttribute("src");
  const count = (n) => teasers.nth(n).locator("img[part~=thumbnail]").count();
  assert.equal(await src(0), `${env.origin}/www/img/seed-article.svg`, "the item's own image");
  assert.equal(await src(1), `${env.origin}/www/img/seed-article.svg?b`, "emoji, 1-pixel trackers and data: URLs are skipped");
  assert.equal(await count(2), 0, "no picture at all: no thumbnail");
  assert.equal(await count(4), 0, "javascript: is no picture");
  const first = w.locator("img[part~=thumbnail]").first();
  assert.equal(await first.getAttribute("loading"), "lazy");
  assert.equal(await first.getAttribute("alt"), "");
  // The box is the same size whatever the picture: reserved before it loads, kept when it fails.
  const boxes = await all(page, "img[part~=thumbnail]", box);
  assert.equal(new Set(boxes).size, 1, `one box size: ${boxes}`);
  assert.ok(!boxes[0].startsWith("0x"), boxes[0]);
  const broken = teasers.nth(3).locator("img[part~=thumbnail]");
  await page.waitForFunction(() => document.getElementById("w").shadowRoot.querySelectorAll("img[part~=thumbnail]")[2]?.hasAttribute("data-broken"));
  assert.equal(await broken.evaluate((i) => getComputedStyle(i).visibility), "hidden", "no broken-image icon");
  assert.equal((await all(page, "img[part~=thumbnail]", box))[2], boxes[0], "its box stays");
  assert.equal(await teasers.nth(5).locator("img[part~=thumbnail]").evaluate((i) => i.complete), false, "this one never arrives");
  assert.equal(boxes[3], boxes[0], "a picture still loading has its box already");
  assert.deepEqual(log.errors, []);
  await page.context().close();
});

test("thumbnails: the fallback image for teasers without one; no thumbnails without data-thumbnails", async () => {
  const { page, w } = await widget("thumbs-fallback", `data-feed="${pictures()}" data-thumbnails="true" data-fallback-image="/www/img/favicon.svg"`);
  assert.equal(await w.locator("li[part~=teaser] >> nth=2").locator("img[part~=thumbnail]").getAttribute("src"), `${env.origin}/www/img/favicon.svg`);
  await page.evaluate(() => document.getElementById("w").removeAttribute("data-thumbnails"));
  await page.waitForFunction(() => !document.getElementById("w").shadowRoot.querySelector("[part~=thumbnail]"));
  await page.context().close();
});

const summaries = () => env.feed("summaries.json", feed("Summaries", [
  { id: "long", title: "Long", ago: 1, summary: "A summary that goes on and on. ".repeat(30), content_html: "<p>Body</p>" },
  { id: "html", title: "HTML", ago: 2, summary: "<b>Bold</b> &amp; <script>x</script>plain", content_html: "<p>Body</p>" },
  { id: "no", title: "None", ago: 3 },
]), "application/feed+json");

test("summary: text only, under the headline, two lines at most", async () => {
  const { page, w } = await widget("summary", `data-feed="${summaries()}" data-summary="true"`);
  const s = w.locator("p[part~=summary]");
  assert.equal(await s.count(), 2, "absent when the item has none");
  const lines = await s.first().evaluate((p) => Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight)));
  assert.equal(lines, 2, "cut at two lines");
  assert.equal(await s.first().evaluate((p) => getComputedStyle(p).textOverflow === "ellipsis" || getComputedStyle(p).webkitLineClamp === "2"), true);
  assert.equal(await s.nth(1).innerText(), "<b>Bold</b> &amp; <script>x</script>plain", "a JSON Feed summary is text: shown as written, never as markup");
  assert.equal(await s.nth(1).locator("b, script").count(), 0);
  await page.context().close();
});

const cardsFeed = () => env.feed("cards.json", feed("Cards", Array.from({ length: 6 }, (_, i) => ({
  id: `c${i}`, title: i === 1 ? "A much longer headline that wraps over several lines in a card of this grid" : `Card ${i}`,
  ago: i + 1, image: "/www/img/seed-article.svg", summary: `Summary ${i}`, _news: { section: "Sport" }, content_html: "<p>Body</p>",
}))), "application/feed+json");

test("layout cards: as many columns as fit, equal heights in a row, one column in a 320 px host; the host carries data-layout", async () => {
  const attrs = `data-feed="${cardsFeed()}" data-layout="cards" data-thumbnails="true" data-summary="true" data-lang="en"`;
  const { page, w } = await widget("cards", attrs, { before: "<style>#w{width:760px}</style>" });
  assert.equal(await w.getAttribute("data-layout"), "cards");
  const rects = await all(page, "li[part~=teaser]", "(li) => { const r = li.getBoundingClientRect(); return { x: Math.round(r.x), y: Math.round(r.y), h: Math.round(r.height) }; }");
  const firstRow = rects.filter((r) => r.y === rects[0].y);
  assert.ok(firstRow.length >= 2, `several columns in 760 px: ${JSON.stringify(rects)}`);
  assert.equal(new Set(firstRow.map((r) => r.h)).size, 1, "every card of a row is as tall");
  await w.evaluate((el) => { el.style.width = "320px"; });
  await page.waitForFunction(() => { const lis = document.getElementById("w").shadowRoot.querySelectorAll("li"); return lis[0].getBoundingClientRect().x === lis[1].getBoundingClientRect().x; });
  assert.deepEqual(await w.locator("[part~=thumbnail]").count(), 6, "the same parts");
  await page.context().close();
});

test("layout compact: one line per teaser, time and headline, no section, summary, picture or source", async () => {
  const attrs = `data-feed="${cardsFeed()}" data-layout="compact" data-thumbnails="true" data-summary="true" data-source="true"`;
  const { page, w } = await widget("compact", attrs, { before: "<style>#w{width:360px}</style>" });
  assert.equal(await w.getAttribute("data-layout"), "compact");
  for (const part of ["section", "summary", "thumbnail", "source"]) assert.equal(await w.locator(`[part~=${part}]`).count(), 0, part);
  assert.equal(await w.locator("[part~=time]").count(), 6);
  const lines = await all(page, "[part~=headline]", "(h) => Math.round(h.getBoundingClientRect().height / parseFloat(getComputedStyle(h).lineHeight))");
  assert.deepEqual([...new Set(lines)], [1], "one line each, even the long headline");
  const starts = await all(page, "[part~=headline]", "(h) => Math.round(h.getBoundingClientRect().left)");
  assert.equal(new Set(starts).size, 1, `the headlines start in one column: ${starts}`);
  await w.locator("[part~=headline]").nth(1).click();
  assert.equal(await w.locator("[part~=article]").count(), 1, "an article still opens");
  await page.context().close();
});

for (const layout of ["list", "cards", "compact"]) {
  test(`layout ${layout}: keyboard, focus ring, right to left, both themes and axe clean`, async () => {
    const attrs = `data-feed="${cardsFeed()}" data-layout="${layout}" data-thumbnails="true" data-summary="true" data-more="true" data-limit="3" data-all="/news" data-lang="ar"`;
    for (const theme of ["light", "dark"]) {
      const { page, w } = await widget(`a11y-${layout}-${theme}`, `${attrs} data-theme="${theme}"`, { lang: "ar" });
      assert.equal(await w.locator(".root").getAttribute("dir"), "rtl");
      await addScript(page, AXE);
      const violations = await page.evaluate(async () => {
        const r = await window.axe.run(document.getElementById("w"), { resultTypes: ["violations"] });
        return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      });
      assert.deepEqual(violations, [], `${layout}, ${theme}`);
      await page.keyboard.press("Tab");
      const focused = w.locator("[part~=headline]").first();
      assert.equal(await page.evaluate(() => document.getElementById("w").shadowRoot.activeElement?.getAttribute("part")), "headline");
      assert.equal(await focused.evaluate((el) => getComputedStyle(el).outlineStyle), "solid", "a focus ring");
      await page.keyboard.press("Enter");
      assert.equal(await w.locator("[part~=article]").count(), 1, "Enter opens");
      await page.keyboard.press("Escape");
      assert.equal(await w.locator("[part~=article]").count(), 0, "Escape closes");
      await page.context().close();
    }
  });
}

test("the placeholder takes the shape of the layout: the page below moves little when the teasers come", async () => {
  // A feed that answers after 800 ms, with short headlines, long summaries and pictures.
  const slow = env.feed("shapes.json", feed("Shapes", Array.from({ length: 6 }, (_, i) => ({
    id: `s${i}`, title: `Story ${i}`, ago: i + 1, image: "/www/img/photos/port.svg", _news: { section: "Sète" },
    summary: "A summary long enough to take the two lines a teaser gives it, and more besides, so it is cut. ".repeat(3),
  }))), "application/feed+json");
  const layouts = {
    pictured: 'data-thumbnails="true" data-summary="true" data-limit="4"',
    compact: 'data-layout="compact" data-limit="6"',
    cards: 'data-layout="cards" data-thumbnails="true" data-summary="true" data-limit="6"',
  };
  for (const [name, attrs] of Object.entries(layouts)) {
    const url = env.page(`shape-${name}`, html(`<div id="w" style="width:700px" data-news-widget data-lazy="false" data-title=""
      data-feed="${slow}?delay=800" ${attrs}></div><p id="below">below</p>`));
    const { page } = await open(env, url);
    await page.locator("#w .bone").first().waitFor();
    const before = await page.locator("#below").evaluate((el) => el.getBoundingClientRect().top);
    await settled(page, "#w");
    const after = await page.locator("#below").evaluate((el) => el.getBoundingClientRect().top);
    const height = await page.locator("#w").evaluate((el) => el.getBoundingClientRect().height);
    // Lists and compact lines are exact to a few pixels; cards to a tenth (a headline may wrap).
    const allowed = name === "cards" ? height / 10 : 4;
    assert.ok(Math.abs(after - before) <= allowed, `${name}: the content below moved by ${after - before} px (from ${before} to ${after}; widget ${height} px)`);
    await page.context().close();
  }
});

const paris = () => env.feed("paris.json", feed("Paris Info", [
  { id: "p1", title: "Paris one", ago: 1, url: "https://news.example/shared/story/?utm_source=paris" },
  { id: "p2", title: "Paris two", ago: 5, url: "https://news.example/p2" },
]), "application/feed+json");
const lyon = () => env.feed("lyon.json", feed("Lyon Info", [
  { id: "l1", title: "Lyon one", ago: 2, url: "https://news.example/l1" },
  { id: "l2", title: "Lyon copy of Paris one", ago: 1, url: "http://news.example/shared/story?utm_medium=x" },
  { id: "l3", title: "Lyon three", ago: 6 },
]), "application/feed+json");

test("several feeds: fetched in parallel, merged newest first, a shared story once, each teaser naming its feed", async () => {
  const { page, w, log } = await widget("merged", `data-feed="${paris()} ${lyon()}" data-lang="fr"`);
  assert.deepEqual(await w.locator("[part~=headline]").allInnerTexts(), ["Paris one", "Lyon one", "Paris two", "Lyon three"]);
  assert.deepEqual(await w.locator("[part~=source]").allInnerTexts(), ["Paris Info", "Lyon Info", "Paris Info", "Lyon Info"], "source by default with several feeds");
  assert.equal(await w.locator("[part~=title]").count(), 0, "no one feed's title heads a merged list");
  const requested = log.requests.filter((r) => /\/__t\/(paris|lyon)\.json$/.test(r));
  assert.equal(requested.length, 2, `one request per feed: ${requested}`);
  await page.context().close();
});

test("several feeds: each request starts before any answers (in parallel, not one after the other)", async () => {
  const { page, w } = await widget("parallel-feeds", 'data-feed="/__f/slow-ok?a /__f/slow-ok?b" data-source="false"');
  assert.equal(await w.locator("[part~=source]").count(), 0, "data-source=\"false\" names no feed");
  const timings = await page.evaluate(() => performance.getEntriesByType("resource")
    .filter((e) => e.name.includes("/__f/slow-ok")).map((e) => [e.startTime, e.responseEnd]).sort((a, b) => a[0] - b[0]));
  assert.equal(timings.length, 2);
  assert.ok(timings[1][0] < timings[0][1], `the second request started (${timings[1][0]} ms) before the first answered (${timings[0][1]} ms)`);
  await page.context().close();
});

test("several feeds: one failing is named in news-widget:error while the others show; all failing is an error", async () => {
  const attrs = `data-feed="${paris()} /__f/500" data-lang="en"`;
  const url = env.page("merged-fail", html(`<script>
    window.__errors = []; addEventListener("news-widget:error", (e) => __errors.push(e.detail));</script>
    <div id="w" data-news-widget ${attrs}></div><div id="x" data-news-widget data-feed="/__f/404 /__f/500" data-lang="en"></div>`));
  const { page } = await open(env, url);
  assert.equal(await settled(page, "#w"), "ready");
  assert.deepEqual(await page.locator("#w [part~=headline]").allInnerTexts(), ["Paris one", "Paris two"]);
  assert.equal(await settled(page, "#x"), "error");
  await page.waitForFunction(() => window.__errors.length >= 3);
  const errors = await page.evaluate(() => window.__errors);
  const one = errors.find((e) => e.feed === `${env.origin}/__f/500` && !e.message.includes("404"));
  assert.ok(one && /HTTP error 500/.test(one.message), JSON.stringify(errors));
  assert.ok(errors.some((e) => e.feed === `${env.origin}/__f/404`), "each failing feed of the second widget is named");
  assert.match(await page.locator("#x [part~=error]").innerText(), /HTTP error 404/);
  await page.context().close();
});

test("several feeds: one that hangs does not hold the others back; one that answers late waits behind updates", async () => {
  const started = Date.now();
  const hung = await widget("merged-hung", `data-feed="${paris()} /__f/never" data-lang="en"`);
  assert.equal(hung.state, "ready");
  assert.ok(Date.now() - started < 8000, "shown long before the hung feed's 15 seconds");
  assert.deepEqual(await hung.w.locator("[part~=headline]").allInnerTexts(), ["Paris one", "Paris two"]);
  await hung.page.context().close();
  // Close together (400 ms): shown at once, as one list. Late (2 s): the first shows after a
  // second's grace, and the late one's stories wait for the reader.
  const close = await widget("merged-close", `data-feed="${paris()} /__f/slow-ok" data-lang="en"`);
  await close.page.waitForFunction(() => document.getElementById("w").shadowRoot.querySelectorAll("[part~=headline]").length === 5);
  assert.equal(await close.w.locator("[part~=updates]").count(), 0);
  await close.page.context().close();
  modes.set("late", "slow");
  const late = await widget("merged-late", `data-feed="${paris()} /__f/switch?id=late" data-lang="en"`);
  assert.deepEqual(await late.w.locator("[part~=headline]").allInnerTexts(), ["Paris one", "Paris two"]);
  await late.w.locator("button[part~=updates]").waitFor();
  assert.equal(await late.w.locator("button[part~=updates]").innerText(), "5 new stories");
  await late.w.locator("button[part~=updates]").click();
  assert.equal(await late.w.locator("[part~=headline]").count(), 7);
  await late.page.context().close();
});

test("several feeds: each keeps its own saved copy, shown when that feed fails on a later visit", async () => {
  modes.set("copy-a", "ok");
  modes.set("copy-b", "ok");
  const url = env.page("merged-copies", html(`<script>window.__errors = []; addEventListener("news-widget:error", (e) => __errors.push(e.detail));</script>
    <div id="w" data-news-widget data-feed="/__f/switch?id=copy-a /__f/switch?id=copy-b" data-lang="en"></div>`));
  const o = await open(env, url);
  assert.equal(await settled(o.page, "#w"), "ready");
  const first = await o.page.locator("#w [part~=headline]").allInnerTexts();
  assert.ok(first.some((h) => h.startsWith("copy-b-ok")), first.join(", "));
  modes.set("copy-b", "fail");
  await o.page.reload();
  await o.page.waitForFunction(() => window.__errors?.length === 1);
  assert.equal(await o.page.locator("#w").getAttribute("data-state"), "ready");
  const heads = await o.page.locator("#w [part~=headline]").allInnerTexts();
  assert.ok(heads.some((h) => h.startsWith("copy-b-ok")), `the failing feed's saved copy shows: ${heads}`);
  const [error] = await o.page.evaluate(() => window.__errors);
  assert.equal(error.feed, `${env.origin}/__f/switch?id=copy-b`);
  assert.match(error.message, /HTTP error 503/);
  await o.context.close();
});

const filters = () => env.feed("filters.json", feed("Filters", [
  { id: "f1", title: "L'ÉLECTION de dimanche", ago: 1, _news: { section: "Politique" } },
  { id: "f2", title: "La sélection du jour", ago: 2, _news: { section: "Culture" } },
  { id: "f3", title: "Match nul", ago: 3, summary: "Après l'élection du capitaine", _news: { section: "Sport" } },
  { id: "f4", title: "Météo", ago: 24 * 9, _news: { section: "Société" } },
  { id: "f5", title: "Sans date ni section" },
  { id: "f6", title: "Выборы в Москве", ago: 4 },
]), "application/feed+json");

test("filters: exclude sections, keywords and excluded keywords as whole words in any case, accent and script, max age", async () => {
  const heads = async (attrs, name) => {
    const { page, w } = await widget(name, `data-feed="${filters()}" ${attrs}`);
    const texts = await w.locator("[part~=headline]").allInnerTexts();
    await page.context().close();
    return texts;
  };
  assert.deepEqual(await heads('data-exclude-sections="sport, CULTURE"', "f-ex"), ["L'ÉLECTION de dimanche", "Выборы в Москве", "Météo", "Sans date ni section"]);
  assert.deepEqual(await heads('data-keywords="election, москве"', "f-kw"), ["L'ÉLECTION de dimanche", "Match nul", "Выборы в Москве"], "headline or summary; not \"sélection\"");
  assert.deepEqual(await heads('data-exclude-keywords="Élection"', "f-xkw"), ["La sélection du jour", "Выборы в Москве", "Météo", "Sans date ni section"]);
  assert.deepEqual(await heads('data-max-age="7d"', "f-age"), ["L'ÉLECTION de dimanche", "La sélection du jour", "Match nul", "Выборы в Москве", "Sans date ni section"], "undated items stay");
  assert.deepEqual(await heads('data-max-age="2h"', "f-age2"), ["L'ÉLECTION de dimanche", "Sans date ni section"]);
});

test("an invalid data-max-age is reported and ignored", async () => {
  const { page, w, log } = await widget("f-bad", `data-feed="${filters()}" data-max-age="a week"`);
  assert.equal(await w.locator("[part~=headline]").count(), 6);
  assert.ok(log.console.some((l) => /data-max-age="a week" is not valid: use a whole number of hours or days such as 36h or 7d/.test(l)), log.console.join("\n"));
  await page.context().close();
});

test("more shows the next data-limit teasers and moves focus to the first it added; all links to the news page", async () => {
  const { page, w } = await widget("more", 'data-feed="/__f/feed?n=7&name=m" data-limit="3" data-more="true" data-all="/actualites" data-lang="fr"');
  const more = w.locator("button[part~=more]");
  assert.equal(await more.innerText(), "Plus d’actualités");
  assert.equal(await w.locator("a[part~=all]").innerText(), "Toutes les actualités");
  assert.equal(await w.locator("a[part~=all]").getAttribute("href"), `${env.origin}/actualites`);
  assert.equal(await w.locator("li[part~=teaser]").count(), 3);
  await more.click();
  assert.equal(await w.locator("li[part~=teaser]").count(), 6);
  await page.waitForFunction(() => document.getElementById("w").shadowRoot.activeElement?.textContent === "m headline 3");
  await more.click();
  assert.equal(await w.locator("li[part~=teaser]").count(), 7);
  assert.equal(await w.locator("[part~=more]").count(), 0, "gone when nothing remains");
  await page.context().close();
});

test("a link container's own href is its all link", async () => {
  const url = env.page("all-link", html(`<a id="c" href="/toutes" data-news-widget data-feed="/__f/feed?n=2&name=al">Toutes nos actualités</a>`));
  const { page } = await open(env, url);
  await page.waitForFunction(() => document.querySelector("news-widget")?.getAttribute("data-state") === "ready");
  assert.equal(await page.locator("news-widget a[part~=all]").getAttribute("href"), `${env.origin}/toutes`);
  await page.context().close();
});

test("updates: a refresh's new stories wait behind a button; pressing it shows them and focuses the first", async () => {
  const name = "updates.json";
  const older = [{ id: "u1", title: "First story", ago: 2 }, { id: "u2", title: "Second story", ago: 3 }];
  const path = env.feed(name, feed("Updates", older), "application/feed+json");
  const { page, w, context } = await widget("updates", `data-feed="${path}" data-refresh="60" data-lang="fr"`, { context: { clock: Date.now() } });
  await w.locator("[part~=headline]").first().focus();
  env.feed(name, feed("Updates", [{ id: "u4", title: "Newest story", ago: 0.1 }, { id: "u3", title: "New story", ago: 1 }, ...older]), "application/feed+json");
  await runFor(page, 61_000);
  const button = w.locator("button[part~=updates]");
  await button.waitFor();
  assert.equal(await button.innerText(), "2 nouveaux articles");
  assert.deepEqual(await w.locator("[part~=headline]").allInnerTexts(), ["First story", "Second story"], "the list has not moved");
  assert.equal(await page.evaluate(() => document.getElementById("w").shadowRoot.activeElement?.textContent), "First story", "nor has focus");
  await button.click();
  assert.deepEqual(await w.locator("[part~=headline]").allInnerTexts(), ["Newest story", "New story", "First story", "Second story"]);
  await page.waitForFunction(() => document.getElementById("w").shadowRoot.activeElement?.textContent === "Newest story");
  assert.equal(await w.locator("[part~=updates]").count(), 0);
  // One more story: the singular, through Intl.PluralRules; data-label-updates replaces it.
  env.feed(name, feed("Updates", [{ id: "u5", title: "Latest", ago: 0 }, { id: "u4", title: "Newest story", ago: 0.1 }]), "application/feed+json");
  await runFor(page, 61_000);
  await button.waitFor();
  assert.equal(await button.innerText(), "1 nouvel article");
  await page.evaluate(() => document.getElementById("w").setAttribute("data-label-updates", "Voir {n} de plus"));
  await page.waitForFunction(() => document.getElementById("w").shadowRoot.querySelector("[part~=updates]")?.textContent === "Voir 1 de plus");
  await context.close();
});

test("new: on teasers published since the reader's previous visit, none on a first visit", async () => {
  const name = "fresh.json";
  const older = [{ id: "n1", title: "Seen before", ago: 2 }];
  const path = env.feed(name, feed("Fresh", older), "application/feed+json");
  const o = await widget("fresh", `data-feed="${path}" data-lang="de"`);
  assert.equal(await o.w.locator("[part~=new]").count(), 0, "a first visit marks nothing");
  await o.page.waitForTimeout(50);
  env.feed(name, feed("Fresh", [{ id: "n2", title: "Since then", ago: -0.001 }, ...older]), "application/feed+json");
  await o.page.reload();
  await o.page.waitForFunction(() => document.getElementById("w").shadowRoot?.querySelectorAll("[part~=headline]").length === 2);
  const marks = await all(o.page, "li[part~=teaser]", "(li) => li.querySelector('[part~=new]')?.textContent ?? null");
  assert.deepEqual(marks, ["Neu", null]);
  await o.context.close();
});

const WORDS = {
  fr: ["Lire l’article complet", "Fermer", "Plus d’actualités", "Toutes les actualités"],
  en: ["Read the full article", "Close", "More news", "All news"],
  de: ["Ganzen Artikel lesen", "Schließen", "Weitere Nachrichten", "Alle Nachrichten"],
  es: ["Leer el artículo completo", "Cerrar", "Más noticias", "Todas las noticias"],
  it: ["Leggi l’articolo completo", "Chiudi", "Altre notizie", "Tutte le notizie"],
  pt: ["Ler o artigo completo", "Fechar", "Mais notícias", "Todas as notícias"],
  nl: ["Lees het hele artikel", "Sluiten", "Meer nieuws", "Al het nieuws"],
  ar: ["اقرأ المقال كاملًا", "إغلاق", "المزيد من الأخبار", "كل الأخبار"],
};

test("the widget's words in eight languages, and data-label-* as text", async () => {
  const widgets = Object.keys(WORDS).map((lang) =>
    `<div id="w-${lang}" data-news-widget data-feed="/__f/feed?n=3&name=l${lang}" data-limit="1" data-more="true" data-all="/all" data-lang="${lang}"></div>`).join("");
  const labelled = `<div id="w-label" data-news-widget data-feed="/__f/feed?n=3&name=lab" data-limit="1" data-more="true" data-all="/all"
    data-label-read-more="<b>Suite</b>" data-label-close="Replier" data-label-more="Encore" data-label-all="Le fil" data-lang="fr"></div>
    <div id="w-empty" data-news-widget data-feed="/__f/empty" data-label-empty="Rien ici"></div>`;
  const { page } = await open(env, env.page("words", html(widgets + labelled)));
  for (const [lang, [read, close, more, all]] of [...Object.entries(WORDS), ["label", ["<b>Suite</b>", "Replier", "Encore", "Le fil"]]]) {
    const w = page.locator(`#w-${lang}`);
    await settled(page, `#w-${lang}`);
    assert.equal(await w.locator("[part~=more]").innerText(), more, lang);
    assert.equal(await w.locator("[part~=all]").innerText(), all, lang);
    await w.locator("[part~=headline]").first().click();
    assert.equal(await w.locator("[part~=source-link]").innerText(), read, lang);
    assert.equal(await w.locator("[part~=close]").innerText(), close, lang);
  }
  assert.equal(await page.locator("#w-label [part~=source-link] b").count(), 0, "a label is text, never markup");
  await settled(page, "#w-empty");
  assert.equal(await page.locator("#w-empty [part~=empty]").innerText(), "Rien ici");
  await page.context().close();
});

test("mount() takes the new options by their camelCase names, over the element's attributes", async () => {
  const url = env.page("mount-options", html(`<div id="w" data-layout="cards"></div>`));
  const { page } = await open(env, url);
  await page.waitForFunction(() => window.NewsWidget);
  await page.evaluate((feed) => NewsWidget.mount(document.getElementById("w"), {
    feed, layout: "compact", more: true, limit: 1, labelMore: "Encore", excludeSections: ["Sport"], maxAge: "7d", excludeKeywords: "Météo",
  }), filters());
  assert.equal(await settled(page, "#w"), "ready");
  assert.equal(await page.locator("#w").getAttribute("data-layout"), "compact", "the option wins over data-layout");
  assert.equal(await page.locator("#w [part~=more]").innerText(), "Encore");
  for (let n = 0; n < 3; n++) await page.locator("#w [part~=more]").click();
  assert.deepEqual(await page.locator("#w [part~=headline]").allInnerTexts(), ["L'ÉLECTION de dimanche", "La sélection du jour", "Выборы в Москве", "Sans date ni section"],
    "no Sport, nothing older than 7 days, no Météo");
  assert.equal(await page.locator("#w [part~=more]").count(), 0);
  await page.context().close();
});
