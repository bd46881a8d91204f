// A guest on hostile pages: feed HTML never runs, strict CSP and Trusted Types are honoured,
// CSS does not cross the shadow boundary either way.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { start, html, open, settled, SHARED, sharedSkip, needShared } from "./harness.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

/** Classic XSS vectors: each would set window.__xss, open a dialog or navigate if it ran. */
export const VECTORS = [
  `<img src=x onerror="window.__xss=1">`,
  `<a href="javascript:window.__xss=1">js</a>`,
  `<a href="JaVaScRiPt:window.__xss=1">case</a>`,
  `<a href="&#106;avascript:window.__xss=1">entity</a>`,
  `<a href=" &#x6A;avascript&#x3A;window.__xss=1">hex entity</a>`,
  `<a href="java\tscript:window.__xss=1">tab</a>`,
  `<a href="java&#10;script:window.__xss=1">newline</a>`,
  `<a href="data:text/html,<script>parent.__xss=1</script>">data</a>`,
  `<a href="vbscript:msgbox(1)">vbscript</a>`,
  `<a href="VBScript:msgbox(1)">vbscript case</a>`,
  `<svg><script>window.__xss=1</script></svg>`,
  `<svg onload="window.__xss=1"><a xlink:href="javascript:window.__xss=1"><text>svg</text></a></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=1">`,
  `<math href="javascript:window.__xss=1">math link</math>`,
  `<noscript><p title="</noscript><img src=x onerror=window.__xss=1>"></noscript>`,
  `<template><img src=x onerror="window.__xss=1"></template>`,
  `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>`,
  `<iframe src="javascript:parent.__xss=1"></iframe>`,
  `<base href="javascript:window.__xss=1//">`,
  `<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">`,
  `<form action="javascript:window.__xss=1"><button>go</button><input type=image src=x onerror="window.__xss=1"></form>`,
  `<p style="background:url(javascript:window.__xss=1)">styled</p>`,
  `<div style="position:fixed;inset:0;z-index:99999">overlay</div>`,
  `<style>*{display:none}</style>`,
  `<link rel=stylesheet href="data:text/css,*{display:none}">`,
  `<object data="javascript:window.__xss=1"></object>`,
  `<embed src="javascript:window.__xss=1">`,
  `<details open ontoggle="window.__xss=1">details</details>`,
  `<video><source onerror="window.__xss=1"></video>`,
  `<audio src=x onerror="window.__xss=1"></audio>`,
  `<img src="javascript:window.__xss=1">`,
  `<img srcset="javascript:window.__xss=1 1x">`,
  `<script src="data:,window.__xss=1"></script>`,
  `<scr<script>ipt>window.__xss=1</script>`,
  `<a href="https://safe.example/" onclick="window.__xss=1" onmouseover="window.__xss=1">kept link</a>`,
  `<body onload="window.__xss=1">`,
  `<marquee onstart="window.__xss=1">m</marquee>`,
  `<isindex action="javascript:window.__xss=1">`,
  `<a href="blob:https://x/y">blob</a>`,
  `<img src=x onerror=window.__xss=1//`,
];

/** What must never be inside a widget, whatever the feed said. */
async function assertClean(page, hostSelector) {
  const found = await page.locator(hostSelector).evaluate((host) => {
    const bad = [];
    for (const el of host.shadowRoot.querySelectorAll("*")) {
      const name = el.localName;
      if (["script", "iframe", "frame", "object", "embed", "form", "input", "style", "link", "meta", "base", "svg", "math", "template", "noscript"].includes(name)) bad.push(`<${name}>`);
      for (const a of el.attributes) {
        if (a.name.startsWith("on")) bad.push(`${name}[${a.name}]`);
        if (a.name === "style" || a.name === "srcdoc" || a.name === "srcset" || a.name === "formaction") bad.push(`${name}[${a.name}]`);
        if (["href", "src", "action", "xlink:href"].includes(a.name) && !/^(https?:|mailto:)/i.test(a.value)) bad.push(`${name}[${a.name}=${a.value}]`);
      }
      if (name === "a" && el.hasAttribute("href") && el.closest("[part~=body]") && el.getAttribute("rel") !== "noopener noreferrer") bad.push("a without rel");
    }
    return bad;
  });
  assert.deepEqual(found, [], `${hostSelector} holds forbidden markup`);
}

/** Waits until an open article's body is filled: an HTML body is `aria-busy` until the
 *  article's part of the module has sanitized it. */
async function bodyFilled(page, hostSelector) {
  const busy = page.locator(`${hostSelector} [part~=body][aria-busy]`);
  for (let i = 0; i < 100 && (await busy.count()) > 0; i++) await page.waitForTimeout(50);
  assert.equal(await busy.count(), 0, `${hostSelector}: the article's body is filled`);
}

/** Expands every teaser of a widget in turn. */
async function expandAll(page, hostSelector) {
  const buttons = page.locator(`${hostSelector} button[part~=headline]`);
  const n = await buttons.count();
  for (let i = 0; i < n; i++) {
    await buttons.nth(i).click();
    await bodyFilled(page, hostSelector);
    await assertClean(page, hostSelector);
  }
  return n;
}

test("the classic XSS vectors, expanded in a real browser, run nothing and leave nothing", async () => {
  const feed = {
    version: "https://jsonfeed.org/version/1.1", title: "<script>window.__xss=1</script>Hostile",
    items: VECTORS.map((v, i) => ({ id: `v${i}`, title: `vector ${i}`, content_html: `<p>before</p>${v}<p>after</p>`, url: i % 2 ? "javascript:window.__xss=1" : `https://safe.example/${i}` })),
  };
  const feedPath = env.feed("xss-feed.json", JSON.stringify(feed), "application/json");
  const url = env.page("xss", html(`<div id="w" data-news-widget data-feed="${feedPath}" data-limit="50" data-images="true"></div>`));
  const { page, log } = await open(env, url);
  assert.equal(await settled(page, "#w"), "ready");
  assert.equal(await page.locator("#w [part~=title]").innerText(), "<script>window.__xss=1</script>Hostile", "a title is text, never markup");
  const n = await expandAll(page, "#w");
  assert.equal(n, VECTORS.length);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__xss), undefined, "no script ran");
  assert.deepEqual(log.dialogs, [], "no dialog opened");
  assert.equal(await page.url(), url, "no navigation happened");
  assert.deepEqual(log.errors, []);
  // The safe link of one vector survives, without its handlers.
  await page.locator("#w button[part~=headline]", { hasText: `vector ${VECTORS.findIndex((v) => v.includes("kept link"))}` }).click();
  const kept = page.locator("#w [part~=body] a", { hasText: "kept link" });
  assert.equal(await kept.getAttribute("href"), "https://safe.example/");
  assert.equal(await kept.getAttribute("rel"), "noopener noreferrer");
  await page.context().close();
});

test("safe markup survives sanitizing: paragraphs, emphasis, lists, quotes, headings, links, images", async () => {
  const body = `<h2>Heading</h2><p>Text with <strong>strong</strong>, <em>em</em> and <a href="/rel">a link</a>.</p>
    <ul><li>one</li><li>two</li></ul><ol><li>first</li></ol><blockquote><p>Quoted</p></blockquote>
    <figure><img src="/www/img/seed-article.svg" alt="A picture" width="640" height="360"><figcaption>Caption</figcaption></figure>`;
  const feed = env.feed("safe-feed.json", JSON.stringify({
    version: "https://jsonfeed.org/version/1.1", items: [{ id: "s", title: "Safe", content_html: body, url: "https://site.example/post/1" }] }), "application/json");
  const url = env.page("safe", html(`<div id="w" data-news-widget data-feed="${feed}"></div>`));
  const { page } = await open(env, url);
  await settled(page, "#w");
  await page.locator("#w button[part~=headline]").click();
  const b = page.locator("#w [part~=body]");
  // The body is filled from the article's part of the module: at once when it is there, after
  // its download when the headline is clicked before the page was idle.
  await b.locator("h2").waitFor();
  for (const sel of ["h2", "p strong", "p em", "ul li", "ol li", "blockquote p", "figure img", "figcaption"]) {
    assert.ok(await b.locator(sel).count() > 0, `${sel} survives`);
  }
  assert.equal(await b.locator("a").getAttribute("href"), "https://site.example/rel", "relative links resolve against the item");
  assert.equal(await b.locator("a").getAttribute("rel"), "noopener noreferrer");
  const img = b.locator("img");
  assert.deepEqual([await img.getAttribute("alt"), await img.getAttribute("loading")], ["A picture", "lazy"]);
  await assertClean(page, "#w");
  await page.context().close();
});

const hostileDir = join(SHARED, "feeds", "hostile");
test("every file of shared/feeds/hostile settles, and what it shows is clean", { skip: sharedSkip(hostileDir) }, async () => {
  needShared(hostileDir);
  const files = readdirSync(hostileDir).sort();
  const widgets = files.map((f, i) => `<div id="h${i}" data-news-widget data-lazy="false" data-limit="8" data-images="true" data-feed="/__shared/hostile/${encodeURIComponent(f)}"></div>`);
  const url = env.page("hostile", html(widgets.join("\n")));
  const { page, log } = await open(env, url);
  const states = {};
  let expanded = 0;
  for (let i = 0; i < files.length; i++) {
    states[files[i]] = await settled(page, `#h${i}`, 30000);
    if (states[files[i]] === "ready") expanded += await expandAll(page, `#h${i}`);
    await assertClean(page, `#h${i}`);
  }
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.deepEqual(log.dialogs, []);
  assert.deepEqual(log.errors, [], "no uncaught error, no panic");
  const count = (s) => Object.values(states).filter((x) => x === s).length;
  console.log(`hostile corpus: ${files.length} files, ${count("ready")} ready, ${count("empty")} empty, ${count("error")} error, ${expanded} articles expanded`);
  await page.context().close();
});

const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'";

test("under a strict CSP with Trusted Types the widget renders and opens articles with no violation", async () => {
  const url = env.page("csp", html(`<div id="w" data-news-widget data-feed="/__f/feed?n=5&name=csp"></div>
    <div id="rss" data-news-widget data-feed="/www/feeds/sample.rss"></div>`,
    { head: `<script src="/tests/e2e/fixtures/violations.js"></script>` }), STRICT_CSP);
  const { page, log } = await open(env, url);
  assert.equal(await settled(page, "#w"), "ready");
  assert.equal(await settled(page, "#rss"), "ready");
  // One article, then the other once the first has its body (filled from the article's part of
  // the module, which may still be on its way this soon after ready, and which moves what is below).
  await page.locator("#w button[part~=headline]").first().click();
  await page.locator("#w [part~=body] a").waitFor();
  assert.match(await page.locator("#w [part~=body]").innerText(), /Body of csp 0 with a link/);
  await page.locator("#rss button[part~=headline]").first().click();
  await page.locator("#rss [part~=body] strong").waitFor();
  assert.equal(await page.locator("#rss [part~=body] strong").count(), 1, "the sanitized HTML body is built");
  // Adopted stylesheets apply under style-src 'self'.
  assert.equal(await page.locator("#w [part~=section]").first().evaluate((el) => getComputedStyle(el).fontWeight), "600");
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(log.console.filter((m) => /Content Security Policy|Trusted Type|Refused/i.test(m)), []);
  await page.context().close();
});

const HOSTILE_CSS = `<style>
  * { color: red !important; font-size: 40px !important; letter-spacing: 12px !important; line-height: 5 !important;
      font-family: "Comic Sans MS", cursive !important; text-transform: uppercase !important; word-spacing: 20px !important; }
  li { list-style: square !important; padding: 40px !important; margin: 30px !important; display: inline !important; }
  button { background: yellow !important; border: 6px solid red !important; padding: 20px !important; }
  time { display: none !important; } p { margin: 80px !important; } a { color: lime !important; }
  ul { padding: 90px !important; } article { border: 9px dotted blue !important; } span { font-style: italic !important; }
</style>`;

const PROBES = ["[part~=title]", "[part~=teaser]", "[part~=section]", "[part~=time]", "[part~=headline]", "[part~=list]"];
const PROPS = ["color", "fontSize", "letterSpacing", "lineHeight", "fontFamily", "textTransform", "wordSpacing", "padding", "margin",
  "display", "backgroundColor", "borderTopWidth", "fontStyle", "listStyleType"];

async function widgetStyles(page) {
  return page.locator("#w").evaluate((host, [probes, props]) => probes.map((sel) => {
    const cs = getComputedStyle(host.shadowRoot.querySelector(sel));
    return [sel, Object.fromEntries(props.map((p) => [p, cs[p]]))];
  }), [PROBES, PROPS]);
}

test("host CSS, even universal !important rules, does not change the widget's styles", async () => {
  const body = `<div id="w" data-news-widget data-feed="/__f/feed?n=3&name=css" data-theme="light"></div>`;
  const clean = await open(env, env.page("css-clean", html(body)));
  await settled(clean.page, "#w");
  const hostile = await open(env, env.page("css-hostile", html(body, { head: HOSTILE_CSS })));
  await settled(hostile.page, "#w");
  assert.deepEqual(await widgetStyles(hostile.page), await widgetStyles(clean.page));
  await clean.context.close();
  await hostile.context.close();
});

test("the widget's CSS does not change the host's elements", async () => {
  const page1 = `<ul id="host-list"><li>item</li></ul><p id="host-p">para <time>now</time> <button id="host-b">b</button> <a href="#">link</a></p>`;
  const probe = (page) => page.evaluate(() => ["#host-list", "#host-list li", "#host-p", "#host-b", "time", "a"].map((s) => {
    const cs = getComputedStyle(document.querySelector(s));
    return [s, cs.color, cs.fontSize, cs.fontFamily, cs.margin, cs.padding, cs.display, cs.backgroundColor, cs.fontWeight, cs.lineHeight];
  }));
  const without = await open(env, env.page("host-alone", html(page1, { script: "" })));
  const withWidget = await open(env, env.page("host-with", html(`${page1}<div id="w" data-news-widget data-feed="/__f/feed?n=3"></div>`)));
  await settled(withWidget.page, "#w");
  assert.deepEqual(await probe(withWidget.page), await probe(without.page));
  await without.context.close();
  await withWidget.context.close();
});
