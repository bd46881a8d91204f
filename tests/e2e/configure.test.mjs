// The configurator, dist/configure.html: a site owner types a feed, sets attributes, copies a
// snippet; the preview, the snippets, the CSP lines and the feed check follow.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { start, html, open, settled, ENGINE, addScript } from "./harness.mjs";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
let env;
let url;
before(async () => {
  env = await start();
  url = `${env.origin}/dist/configure.html`;
});
after(async () => { await env.close(); });

/** Opens the configurator; `violations()` are the refusals of its own CSP (or Trusted Types). */
async function configurator(options = {}) {
  const { page, context, log } = await open(env, url, options);
  const violations = () => log.console.filter((m) => m.includes("Refused by the Content Security Policy"));
  return { page, context, errors: log.errors, violations };
}

const snippet = (page, key) => page.locator(`#snippet-${key}`).innerText();

test("typing a feed shows the widget live and writes the snippet of every placement", async () => {
  const { page, context, errors, violations } = await configurator();
  assert.match(await snippet(page, "a"), /^<script src="http:\/\/127\.0\.0\.1:\d+\/dist\/news-widget\.js" async><\/script>$/);
  assert.ok(await page.locator("#preview-note").isVisible(), "before a feed: a note instead of a preview");
  await page.getByLabel("data-feed").fill("/__f/feed?name=cfg&n=6");
  assert.equal(await settled(page, "#preview"), "ready");
  assert.equal(await page.locator("#preview li[part~=teaser]").count(), 6);
  const loader = `${env.origin}/dist/news-widget.js`;
  assert.equal(await snippet(page, "a"), `<script src="${loader}" data-feed="/__f/feed?name=cfg&amp;n=6" async></script>`);
  assert.equal(await snippet(page, "b"), `<div data-news-widget data-feed="/__f/feed?name=cfg&amp;n=6"></div>\n<script src="${loader}" async></script>`);
  assert.match(await snippet(page, "c"), /^<a data-news-widget href="http:\/\/127\.0\.0\.1:\d+\/" data-feed="\/__f\/feed\?name=cfg&amp;n=6">Latest news<\/a>\n<script/);
  assert.equal(await snippet(page, "d"), `<news-widget data-feed="/__f/feed?name=cfg&amp;n=6"></news-widget>\n<script src="${loader}" async></script>`);
  assert.equal(await page.locator("#csp").innerText(), `script-src  ${env.origin} 'wasm-unsafe-eval';\nconnect-src ${env.origin};\n` +
    "trusted-types news-widget;   (only if your policy has a trusted-types directive)");
  assert.deepEqual(violations(), [], "the page runs under its own strict CSP with Trusted Types");
  assert.deepEqual(errors, []);
  await context.close();
});

test("every attribute is a labelled control; changing one changes the snippets and the preview", async () => {
  const { page, context } = await configurator();
  for (const name of ["limit", "lang", "theme", "sections", "title", "open", "target", "images", "refresh", "dates", "lazy"]) {
    assert.equal(await page.getByLabel(`data-${name}`, { exact: true }).count(), 1, `data-${name} has a control`);
  }
  assert.equal(await page.locator("#opt-theme-hint").innerText(), "Light, dark or auto (default auto).", "its accepted values and default");
  assert.deepEqual(await page.locator("#opt-theme option").allInnerTexts(), ["default (auto)", "light", "dark", "auto"]);

  await page.getByLabel("data-feed").fill(`${env.origin}/__f/feed?name=cfg2&n=6`);
  await settled(page, "#preview");
  await page.getByLabel("data-limit").fill("3");
  await page.getByLabel("data-theme").selectOption("dark");
  await page.getByLabel("data-images").check();
  await page.getByLabel("data-lazy").uncheck();
  await page.getByLabel("Hide the heading").check();
  const d = await snippet(page, "d");
  assert.equal(d.split("\n")[0],
    `<news-widget data-feed="${env.origin}/__f/feed?name=cfg2&amp;n=6" data-limit="3" data-theme="dark" data-title="" data-images="true" data-lazy="false"></news-widget>`);
  await page.waitForFunction(() => document.querySelector("#preview").shadowRoot?.querySelectorAll("li").length === 3);
  assert.equal(await page.locator("#preview .root.dark").count(), 1, "the preview is dark");
  assert.equal(await page.locator("#preview [part~=title]").count(), 0, "and has no heading");
  assert.match(await page.locator("#csp").innerText(), /img-src {5}https:;/, "images need img-src");

  // Back to the defaults: out of the snippet.
  await page.getByLabel("data-theme").selectOption("");
  await page.getByLabel("data-lazy").check();
  assert.doesNotMatch(await snippet(page, "d"), /data-theme|data-lazy/);

  // The snippet as written works on a page.
  const written = env.page("cfg-written", html(`<main>${d.replace(` data-lazy="false"`, "")}</main>`, { script: d.split("\n")[1] }));
  const o = await open(env, written);
  assert.equal(await settled(o.page, "news-widget"), "ready");
  assert.equal(await o.page.locator("news-widget li[part~=teaser]").count(), 3);
  await o.context.close();
  await context.close();
});

test("a copy button puts the snippet on the clipboard and says so", async () => {
  const { page, context } = await configurator();
  // What reaches the clipboard: read back where the driver may grant reading it (Chromium),
  // and seen on its way in every engine (the Clipboard API, or the text area the fallback copies).
  if (ENGINE === "chromium") await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.origin });
  await page.evaluate(() => {
    window.__copied = [];
    const write = navigator.clipboard?.writeText?.bind(navigator.clipboard);
    if (write) navigator.clipboard.writeText = (text) => write(text).then(() => { window.__copied.push(text); });
    document.addEventListener("copy", () => window.__copied.push(document.querySelector("textarea")?.value ?? String(getSelection())));
  });
  const copied = async () => {
    const texts = await page.evaluate(() => window.__copied);
    return ENGINE === "chromium" ? [texts.at(-1), await page.evaluate(() => navigator.clipboard.readText())] : [texts.at(-1)];
  };
  await page.getByLabel("data-feed").fill("/www/feeds/seed.json");
  await page.locator("#copy-d").click();
  await page.locator("#copied").filter({ hasText: "copied" }).waitFor();
  assert.equal(await page.locator("#copied").innerText(), "D. Element: copied.");
  const d = await snippet(page, "d");
  assert.deepEqual(await copied(), ENGINE === "chromium" ? [d, d] : [d]);
  // By keyboard too.
  await page.locator("#copy-a").focus();
  await page.keyboard.press("Enter");
  await page.locator("#copied").filter({ hasText: "A. In place" }).waitFor();
  const a = await snippet(page, "a");
  assert.deepEqual(await copied(), ENGINE === "chromium" ? [a, a] : [a]);
  await context.close();
});

test("the feed check: a feed, CORS refused (with the relay advice), unreachable, an HTTP error, not a feed", async () => {
  const { page, context } = await configurator();
  const check = async (feed) => {
    await page.getByLabel("data-feed").fill(feed);
    await page.getByLabel("data-feed").press("Enter");
    await page.locator("#check-result:not([data-outcome=checking])").waitFor();
    await page.waitForFunction(() => !["checking", undefined].includes(document.getElementById("check-result").dataset.outcome));
    const out = page.locator("#check-result");
    return [await out.getAttribute("data-outcome"), await out.innerText()];
  };
  let [outcome, text] = await check("/www/feeds/seed.json");
  assert.equal(outcome, "ok");
  assert.match(text, /^A JSON Feed \(“Dernières actualités”\), readable from other sites/);
  [outcome, text] = await check("/www/feeds/sample.rss");
  assert.deepEqual([outcome, /^An RSS feed/.test(text)], ["ok", true]);
  [outcome, text] = await check("/www/feeds/sample.atom");
  assert.deepEqual([outcome, /^An Atom feed/.test(text)], ["ok", true]);
  [outcome, text] = await check(`${env.otherOrigin}/www/feeds/seed.json`);
  assert.equal(outcome, "cors");
  assert.match(text, /does not let other sites read the feed .*Access-Control-Allow-Origin.*feed relay/);
  [outcome, text] = await check("http://127.0.0.1:9/feed.json");
  assert.equal(outcome, "unreachable");
  assert.match(text, /cannot be reached/);
  [outcome, text] = await check("/__f/404");
  assert.deepEqual([outcome, text], ["http", "The server answered HTTP 404: check the address."]);
  [outcome] = await check("/__f/login");
  assert.equal(outcome, "not-a-feed");
  await context.close();
});

test("the configurator is keyboard and screen-reader usable: axe finds no violation", async () => {
  // bypassCSP: axe is injected as an inline script, which the page's own policy refuses.
  const { page, context } = await configurator({ bypassCSP: true });
  await page.getByLabel("data-feed").fill("/www/feeds/seed.json");
  await settled(page, "#preview");
  await addScript(page, AXE);
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  assert.deepEqual(violations, []);
  // Every control is reached by Tab, in order, from the feed field.
  await page.getByLabel("data-feed").focus();
  const order = [];
  for (let i = 0; i < 14; i++) {
    await page.keyboard.press("Tab");
    order.push(await page.evaluate(() => document.activeElement.id));
  }
  assert.deepEqual(order.slice(0, 14), ["check", "opt-limit", "opt-lang", "opt-theme", "opt-sections", "opt-title", "opt-title-hide",
    "opt-open", "opt-target", "opt-images", "opt-refresh", "opt-dates", "opt-lazy", order[13]]);
  await context.close();
});
