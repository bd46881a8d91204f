// `make demo` as a visitor sees it: tools/demo.mjs on free ports, its front page with every
// widget ready, the relayed one included (its feed is on a partner port without CORS).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { launch } from "./driver/index.mjs";
import { ROOT } from "../../tools/serve.mjs";

/** A port whose neighbours the demo also needs (PORT+1, PORT+707) are free. */
async function freePorts() {
  const free = (p) => new Promise((resolve) => {
    const s = createServer().once("error", () => resolve(false)).listen(p, "127.0.0.1", () => s.close(() => resolve(true)));
  });
  for (let p = 20000 + (process.pid % 5000); ; p += 7) {
    if ((await free(p)) && (await free(p + 1)) && (await free(p + 707))) return p;
  }
}

let demo, browser, port;
before(async () => {
  port = await freePorts();
  demo = spawn("node", [join(ROOT, "tools/demo.mjs")], {
    env: { ...process.env, PORT: String(port), LIVE_EVERY: "1", RELAY_BIN: process.env.RELAY_BIN || join(ROOT, "target/debug/news-widget-relay") },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise((resolve) => demo.stdout.on("data", (c) => { if (/listening on/.test(String(c))) resolve(); }));
  browser = await launch();
});
after(async () => { await browser?.close(); demo?.kill("SIGTERM"); });

test("the demo's front page shows every widget, the relayed partner feed included", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  const relayed = page.locator("#demo-relay");
  // The widgets above it grow as their pictures and cards come (their placeholders reserve list
  // rows), and WebKit does not anchor scrolling to what is on screen: scroll once they are shown.
  for (const id of ["demo-cards", "demo-merged", "demo-live"]) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await page.waitForFunction((i) => document.getElementById(i).dataset.state === "ready", id, { timeout: 20000 });
  }
  await relayed.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.getElementById("demo-relay").dataset.state === "ready", null, { timeout: 20000 });
  assert.equal(await relayed.locator("[part~=teaser]").count(), 4);
  assert.equal(await relayed.getAttribute("data-proxy"), `http://127.0.0.1:${port + 707}/feed?url={url}`, "ports as served");
  // A panic would stop every widget of the page: the ones already shown stay ready.
  const states = await page.evaluate(() => [...document.querySelectorAll("[data-news-widget]")].map((e) => e.dataset.state));
  assert.ok(!states.includes("error"), states.join(", "));
  assert.ok(states.filter((s) => s === "ready").length >= 2, states.join(", "));
  await context.close();
});

test("the front page shows cards with pictures, a compact ticker, two merged feeds and the updates button", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  const ready = (id) => page.waitForFunction((i) => document.getElementById(i).dataset.state === "ready", id, { timeout: 20000 });
  for (const id of ["demo-cards", "demo-compact", "demo-merged", "demo-live"]) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await ready(id);
  }
  const cards = page.locator("#demo-cards");
  assert.equal(await cards.getAttribute("data-layout"), "cards");
  assert.equal(await cards.locator("img[part~=thumbnail]").count(), 5, "every story with a picture has one");
  assert.equal(await page.locator("#demo-compact").locator("[part~=section]").count(), 0);
  const merged = page.locator("#demo-merged");
  const heads = await merged.locator("[part~=headline]").allInnerTexts();
  assert.equal(heads.filter((h) => h.startsWith("Échange téléphonique")).length, 1, `the shared story once: ${heads}`);
  assert.ok((await merged.locator("[part~=source]").allInnerTexts()).includes("La Gazette de l’Étang"));
  // The live feed gains a flash each second here: a refresh brings one, which waits.
  const live = page.locator("#demo-live");
  const before = await live.locator("[part~=headline]").allInnerTexts();
  await page.waitForTimeout(1500);
  await page.evaluate(() => NewsWidget.refresh(document.getElementById("demo-live")));
  await live.locator("button[part~=updates]").waitFor();
  assert.match(await live.locator("[part~=updates]").innerText(), /^\d+ nouv/);
  assert.deepEqual(await live.locator("[part~=headline]").allInnerTexts(), before, "the list waits for the reader");
  await context.close();
});
