// Contract §1 (0.3): the <news-widget> element (plain HTML and React), fallback content, and
// what every placement shows when the WebAssembly module cannot run.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { start, html, open, settled, modes } from "./harness.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const LOADER = '<script src="/dist/news-widget.js" async></script>';
const teasers = (page, sel) => page.locator(`${sel} li[part~=teaser]`).count();
/** Requests the page made for the test feed named `name`. */
const fetched = (log, name) => log.requests.filter((u) => u.includes(`name=${name}&`) || u.endsWith(`name=${name}`)).length;

test("<news-widget> in plain HTML: before and after the script, live attributes, moved, removed, added later", async () => {
  const url = env.page("element", html(`
    <news-widget id="d1" data-feed="/__f/feed?name=d1&n=4" data-lang="en"></news-widget>
    <div id="box"></div>
    ${LOADER}
    <news-widget id="d2" data-feed="/__f/feed?name=d2&n=3"></news-widget>`, { script: "" }));
  const { page, log } = await open(env, url);
  assert.equal(await settled(page, "#d1"), "ready");
  assert.equal(await settled(page, "#d2"), "ready");
  assert.equal(await teasers(page, "#d1"), 4, "the element that was in the page before the script");
  assert.equal(await teasers(page, "#d2"), 3, "the element after the script");
  assert.equal(await page.evaluate(() => customElements.get("news-widget") !== undefined), true);

  await page.evaluate(() => document.getElementById("d1").setAttribute("data-limit", "2"));
  await page.waitForFunction(() => document.getElementById("d1").shadowRoot.querySelectorAll("li").length === 2);

  // A move (as a framework's reorder does it) keeps the widget: same nodes, no new request.
  await page.evaluate(() => {
    const d1 = document.getElementById("d1");
    d1.shadowRoot.querySelector("[part~=list]").dataset.mark = "kept";
    document.getElementById("box").append(d1);
  });
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => document.querySelector("#box > #d1").shadowRoot.querySelector("[part~=list]").dataset.mark), "kept");
  assert.equal(await page.locator("#d1").getAttribute("data-state"), "ready");
  assert.equal(fetched(log, "d1"), 1, "moving the element fetched nothing");

  // Removed: unmounted once the task is over (nothing left to unmount by hand).
  const removed = await page.evaluate(async () => {
    const d2 = document.getElementById("d2");
    d2.remove();
    await new Promise((r) => setTimeout(r, 50));
    return { unmountedAlready: !(await NewsWidget.unmount(d2)), state: d2.getAttribute("data-state"), rendered: d2.shadowRoot.childNodes.length };
  });
  assert.deepEqual(removed, { unmountedAlready: true, state: null, rendered: 0 });

  // Created by script, and given its feed only after it was connected.
  await page.evaluate(() => {
    const el = document.createElement("news-widget");
    el.id = "d3";
    document.body.append(el);
    el.setAttribute("data-feed", "/__f/feed?name=d3&n=2");
  });
  assert.equal(await settled(page, "#d3"), "ready");
  assert.equal(await teasers(page, "#d3"), 2);

  // Inside another component's shadow root, where no page-wide observer sees: the element's own
  // connected and disconnected callbacks mount and unmount it.
  const inShadow = await page.evaluate(async () => {
    const outer = document.body.appendChild(document.createElement("div"));
    const root = outer.attachShadow({ mode: "closed" });
    const el = document.createElement("news-widget");
    el.setAttribute("data-feed", "/__f/feed?name=d4&n=3");
    root.append(el);
    await new Promise((resolve) => el.addEventListener("news-widget:ready", resolve));
    const shown = el.shadowRoot.querySelectorAll("li").length;
    el.remove();
    await new Promise((r) => setTimeout(r, 50));
    return { shown, stillMounted: await NewsWidget.unmount(el) };
  });
  assert.deepEqual(inShadow, { shown: 3, stillMounted: false });
  assert.deepEqual(log.errors, []);
  await page.context().close();
});

test("the loader's own hosts are not mounted twice, and a page's own definition of the name is kept", async () => {
  const url = env.page("element-mixed", html(`
    <news-widget id="d" data-feed="/__f/feed?name=mix-d&n=2"></news-widget>
    <a id="c" data-news-widget href="/news" data-feed="/__f/feed?name=mix-c&n=2">News</a>
    <script src="/dist/news-widget.js" data-feed="/__f/feed?name=mix-a&n=2" async></script>`, { script: "" }));
  const { page, log } = await open(env, url);
  await page.waitForFunction(() => document.querySelectorAll('news-widget[data-state="ready"]').length === 3);
  await page.waitForTimeout(300);
  assert.equal(await page.locator("news-widget").count(), 3, "one host each for A, C and D");
  for (const name of ["mix-a", "mix-c", "mix-d"]) assert.equal(fetched(log, name), 1, `${name} fetched once`);
  assert.equal(await page.evaluate(() => [...document.querySelectorAll("news-widget")].every((h) => h.shadowRoot.querySelectorAll("[part~=list]").length === 1)), true);
  await page.context().close();

  const own = env.page("element-own", html(`<news-widget id="w" data-feed="/__f/feed?name=own&n=3"></news-widget>`, {
    head: `<script>window.Own = class extends HTMLElement { connectedCallback() { this.dataset.own = "yes"; } };
      customElements.define("news-widget", window.Own);</script>`,
  }));
  const o = await open(env, own);
  assert.equal(await settled(o.page, "#w"), "ready", "mounted as a container");
  assert.equal(await teasers(o.page, "#w"), 3);
  assert.equal(await o.page.evaluate(() => customElements.get("news-widget") === window.Own), true, "the page's definition stays");
  assert.equal(await o.page.locator("#w").getAttribute("data-own"), "yes");
  assert.deepEqual(o.log.errors, []);
  await o.context.close();
});

test("<news-widget> in a React app: rendered, re-rendered with new props, reordered, removed", async () => {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL("fixtures/react-app.jsx", import.meta.url))],
    bundle: true, write: false, format: "iife", jsx: "automatic", minify: true, logLevel: "warning",
    define: { "process.env.NODE_ENV": '"production"' },
  });
  const app = env.script("react-app", bundle.outputFiles[0].text);
  const url = env.page("react", html(`<div id="app"></div><script src="${app}"></script>`, { lang: "en" }));
  const { page, log } = await open(env, url);
  await page.waitForFunction(() => window.render && window.NewsWidget);
  await page.evaluate(() => window.render([
    { id: "r1", feed: "/__f/feed?name=r1&n=6", limit: 3 },
    { id: "r2", feed: "/__f/feed?name=r2&n=6", limit: 2 },
  ]));
  assert.equal(await settled(page, "#r1"), "ready");
  assert.equal(await settled(page, "#r2"), "ready");
  assert.equal(await teasers(page, "#r1"), 3);
  assert.equal(await teasers(page, "#r2"), 2);
  await page.evaluate(() => { for (const id of ["r1", "r2"]) document.getElementById(id).mark = id; });

  // New props: the same element, its attributes changed by React.
  await page.evaluate(() => window.render([
    { id: "r1", feed: "/__f/feed?name=r1&n=6", limit: 5 },
    { id: "r2", feed: "/__f/feed?name=r2b&n=6", limit: 2 },
  ]));
  await page.waitForFunction(() => document.getElementById("r1").shadowRoot.querySelectorAll("li").length === 5);
  await page.waitForFunction(() => /r2b headline 0/.test(document.getElementById("r2").shadowRoot.textContent));
  assert.equal(fetched(log, "r1"), 1, "a new limit is not a new request");

  // Reordered by key: React moves the elements; the widgets go with them.
  await page.evaluate(() => window.render([
    { id: "r2", feed: "/__f/feed?name=r2b&n=6", limit: 2 },
    { id: "r1", feed: "/__f/feed?name=r1&n=6", limit: 5 },
  ]));
  await page.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll("news-widget")].map((e) => `${e.id}:${e.mark}:${e.dataset.state}`)),
    ["r2:r2:ready", "r1:r1:ready"]);
  assert.equal(await teasers(page, "#r1"), 5);
  assert.equal(fetched(log, "r1"), 1, "moving fetched nothing");

  // Removed: the widget is unmounted with it.
  const gone = await page.evaluate(async () => {
    const r2 = document.getElementById("r2");
    window.render([{ id: "r1", feed: "/__f/feed?name=r1&n=6", limit: 5 }]);
    await new Promise((r) => setTimeout(r, 50));
    return { connected: r2.isConnected, stillMounted: await NewsWidget.unmount(r2), left: document.querySelectorAll("news-widget").length };
  });
  assert.deepEqual(gone, { connected: false, stillMounted: false, left: 1 });
  assert.equal(await page.locator("#r1").getAttribute("data-state"), "ready");
  assert.deepEqual(log.errors, []);
  await page.context().close();
});

test("fallback content: shown while loading instead of the placeholder, hidden once ready or empty, below an error", async () => {
  modes.set("fb-slow", "slow");
  modes.set("fb-bare", "slow");
  const url = env.page("fallback", html(`
    <div id="b" data-news-widget data-feed="/__f/switch?id=fb-slow" data-lang="en"><ul id="fb"><li><a href="/story">A headline the server wrote</a></li></ul></div>
    <news-widget id="e" data-feed="/__f/500" data-lang="en"><p id="fe"><a href="/news">All our news</a></p></news-widget>
    <news-widget id="m" data-feed="/__f/empty" data-lang="en"><p id="fm">Server list</p></news-widget>
    <div id="n" data-news-widget data-feed="/__f/switch?id=fb-bare" data-lang="en"></div>`, { lang: "en" }));
  const { page, log } = await open(env, url);
  await page.locator("#b[data-state=loading]").waitFor({ state: "attached" });
  assert.ok(await page.locator("#fb").isVisible(), "the server's list is shown while the widget loads");
  assert.equal(await page.locator("#b [part~=loading]").count(), 0, "instead of the placeholder");
  assert.ok(await page.locator("#n [part~=loading]").isVisible(), "an element without children shows the placeholder");

  assert.equal(await settled(page, "#e"), "error");
  assert.ok(await page.locator("#e [part~=error]").isVisible());
  assert.ok(await page.locator("#fe").isVisible(), "the fallback stays on an error");
  const [sentence, fallback] = await Promise.all([page.locator("#e [part~=error]").boundingBox(), page.locator("#fe").boundingBox()]);
  assert.ok(fallback.y >= sentence.y + sentence.height, "below the error sentence");

  assert.equal(await settled(page, "#m"), "empty");
  assert.equal(await page.locator("#fm").isVisible(), false, "the empty sentence replaces it");
  assert.ok(await page.locator("#m [part~=empty]").isVisible());

  assert.equal(await settled(page, "#b"), "ready");
  assert.equal(await page.locator("#fb").isVisible(), false, "the widget's list replaces it on screen");
  assert.equal(await page.locator("#fb").count(), 1, "and it stays in the page (for search engines)");
  assert.equal(await teasers(page, "#b"), 5);
  assert.deepEqual(log.errors, []);
  await page.context().close();
});

test("fallback content as tall as the list: the page does not move when the list replaces it", async () => {
  const attrs = 'data-feed="/__f/switch?id=fb-h" data-limit="3" data-lang="en" data-theme="light"';
  const measure = env.page("fallback-measure", html(`<div id="w" data-news-widget ${attrs}></div><p id="after">After</p>`, { lang: "en" }));
  const m = await open(env, measure);
  await settled(m.page, "#w");
  const height = (await m.page.locator("#w").boundingBox()).height;
  await m.context.close();

  modes.set("fb-h2", "slow");
  const url = env.page("fallback-height", html(`<div id="w" data-news-widget ${attrs.replace("fb-h", "fb-h2")}>
      <ul id="fb" style="height:${height}px;margin:0;padding:0;box-sizing:border-box;overflow:hidden"><li><a href="/s">Story</a></li></ul></div><p id="after">After</p>`, { lang: "en" }));
  const { page } = await open(env, url);
  await page.locator("#w[data-state=loading]").waitFor({ state: "attached" });
  const before = (await page.locator("#after").boundingBox()).y;
  assert.equal(await settled(page, "#w"), "ready");
  const afterY = (await page.locator("#after").boundingBox()).y;
  assert.ok(Math.abs(afterY - before) < 1, `the next paragraph stays at ${before}px (now ${afterY}px)`);
  await page.context().close();
});

test("nothing before it is needed: widgets all far below the fold download the loader only, until scrolled to", async () => {
  const url = env.page("far", html(`<h1>Top</h1><div style="height:500vh"></div>
    <div id="b" data-news-widget data-feed="/__f/feed?name=far-b&n=3"></div>
    <news-widget id="d" data-feed="/__f/feed?name=far-d&n=3"></news-widget>
    <a id="c" data-news-widget href="/news" data-feed="/__f/feed?name=far-c&n=3">News</a>
    <script src="/dist/news-widget.js" data-feed="/__f/feed?name=far-a&n=3" async></script>`, { script: "" }));
  const { page, log } = await open(env, url);
  await page.waitForFunction(() => window.NewsWidget);
  await page.waitForTimeout(1000);
  const module = () => log.requests.filter((u) => /\/dist\/news_widget(_bg\.wasm|\.js)$/.test(u));
  assert.deepEqual(module(), [], "neither the glue nor the module is downloaded");
  assert.equal(log.requests.filter((u) => u.includes("name=far")).length, 0, "no feed is fetched");
  assert.equal(log.requests.filter((u) => u.includes("/dist/")).length, 1, "the loader only");
  assert.equal(await page.locator("[data-state]").count(), 0);

  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  for (const sel of ["#b", "#d", "script + news-widget", "#c + news-widget"]) assert.equal(await settled(page, sel), "ready", sel);
  assert.equal(module().length, 2, "the glue and the module, once each");
  assert.deepEqual(log.errors, []);
  await page.context().close();

  // The JavaScript API asks for the module at once; the feed still waits for the viewport.
  const api = env.page("far-api", html(`<h1>Top</h1><div style="height:500vh"></div><div id="w"></div>`));
  const o = await open(env, api);
  await o.page.waitForFunction(() => window.NewsWidget);
  await o.page.waitForTimeout(300);
  assert.equal(o.log.requests.filter((u) => u.endsWith("news_widget_bg.wasm")).length, 0);
  await o.page.evaluate(() => NewsWidget.mount(document.getElementById("w"), { feed: "/__f/feed?name=far-api&n=2" }));
  assert.equal(o.log.requests.filter((u) => u.endsWith("news_widget_bg.wasm")).length, 1, "mount() loads the module");
  assert.equal(await o.page.locator("#w").getAttribute("data-state"), "loading");
  assert.equal(o.log.requests.filter((u) => u.includes("name=far-api")).length, 0, "the feed comes with the viewport");
  assert.deepEqual(await o.page.evaluate(() => NewsWidget.refresh(document.getElementById("w"))), { state: "ready", count: 2 }, "or with refresh()");
  await o.context.close();
});

/** Every placement on one page, for the module-failure tests; `head` breaks the module. */
function failingPage(name, { head = "", csp, loader = "/dist/news-widget.js" } = {}) {
  return env.page(name, html(`
    <script src="${loader}" data-feed="/__f/feed?name=fa" async></script>
    <div id="b" data-news-widget data-feed="/__f/feed?name=fb"><ul id="fb"><li><a href="/s">Server headline</a></li></ul></div>
    <div id="n" data-news-widget data-feed="/__f/feed?name=fn"></div>
    <a id="c" data-news-widget href="/news" data-feed="/__f/feed?name=fc">Toutes les actualités</a>
    <news-widget id="d" data-feed="/__f/feed?name=fd"><p id="fd">Liste du serveur</p></news-widget>`, {
    script: "",
    head: `<script nonce="t">window.heard = []; document.addEventListener("news-widget:error", (e) => heard.push([e.target.id || e.target.tagName, e.detail.message]));</script>${head}`,
  }), csp);
}

async function assertFailure(url, cause) {
  const { page, log } = await open(env, url);
  await page.waitForFunction(() => document.querySelectorAll('[data-state="error"]').length === 5, null, { timeout: 20000 });
  const heard = await page.evaluate(() => window.heard);
  assert.equal(heard.length, 5, `one error event per host: ${JSON.stringify(heard)}`);
  for (const [, message] of heard) assert.match(message, cause);
  assert.ok(await page.locator("#fb").isVisible(), "a container's fallback content stays visible");
  assert.ok(await page.locator("#fd").isVisible(), "an element's fallback content stays visible");
  assert.ok(await page.locator("#c").isVisible(), "the link stays visible");
  const sentence = "Les actualités ne peuvent pas être affichées sur cette page.";
  assert.equal(await page.locator("script + news-widget [part=error]").innerText(), sentence, "the in-place widget says it in one sentence");
  assert.equal(await page.locator("#n [part=error]").innerText(), sentence, "so does a container with nothing to show");
  const ours = log.console.filter((m) => m.startsWith("error: [news-widget]"));
  assert.equal(ours.length, 1, log.console.join("\n"));
  assert.match(ours[0], cause);
  assert.deepEqual(log.errors, [], "nothing is thrown at the page");
  await page.context().close();
}

test("the module cannot run: a CSP without 'wasm-unsafe-eval'", async () => {
  const url = failingPage("fail-csp", { csp: "default-src 'self'; script-src 'self' 'nonce-t'; style-src 'self'" });
  await assertFailure(url, /Content-Security-Policy refuses WebAssembly: add 'wasm-unsafe-eval' to its script-src/);
});

test("the module cannot run: its .wasm file is missing", async () => {
  const url = failingPage("fail-missing", { loader: "/__broken/news-widget.js" });
  await assertFailure(url, /news_widget_bg\.wasm answered HTTP 404\. Copy every file of dist\/ next to news-widget\.js/);
});

test("the module cannot run: a browser without WebAssembly", async () => {
  const url = failingPage("fail-nowasm", { head: "<script>delete window.WebAssembly;</script>" });
  await assertFailure(url, /this browser runs no WebAssembly \(missing or turned off\)\. Give the widgets fallback content/);
});

test("the module cannot run: a browser without the WebAssembly features it needs", async () => {
  // As an older engine answers a module that uses reference types or bulk memory.
  const head = `<script>{
    const refuse = () => Promise.reject(new WebAssembly.CompileError("WebAssembly.instantiate(): invalid table type 0x6f"));
    WebAssembly.instantiateStreaming = refuse; WebAssembly.instantiate = refuse;
  }</script>`;
  const url = failingPage("fail-features", { head });
  await assertFailure(url, /this browser lacks WebAssembly features the widget needs \(CompileError: .*0x6f\)/);
});
