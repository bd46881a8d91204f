// Servers fail: each fault ends in a settled state with a plain sentence, and a healthy widget
// on the same page is never affected. A failing network shows the kept copy, not an error.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, html, open, settled, modes, skipIn } from "./harness.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

/** Opens a page with the faulty widget `#bad` and a healthy one `#good`; checks the healthy one. */
async function withHealthyNeighbour(name, feed, attrs = "") {
  const url = env.page(name, html(`<div id="bad" data-news-widget data-feed="${feed}" data-lang="en" ${attrs}></div>
    <div id="good" data-news-widget data-feed="/__f/feed?n=4&name=good"></div>`));
  const o = await open(env, url);
  o.state = await settled(o.page, "#bad", 25000);
  assert.equal(await settled(o.page, "#good"), "ready", "the healthy widget is unaffected");
  assert.equal(await o.page.locator("#good [part~=teaser]").count(), 4);
  assert.deepEqual(o.log.errors, [], "no uncaught error, no panic");
  o.error = () => o.page.locator("#bad p[part~=error][role=alert]").innerText();
  return o;
}

const errors = [
  ["HTTP 404", "/__f/404", /HTTP error 404.*data-feed/],
  ["HTTP 500", "/__f/500", /HTTP error 500/],
  ["an HTML login page", "/__f/login", /HTML page, not a feed/],
  ["truncated JSON", "/__f/truncated", /not valid JSON/],
  ["JSON of the wrong shape", "/__f/wrong-shape", /JSON that is not a JSON Feed/],
];
for (const [what, feed, sentence] of errors) {
  test(`${what} ends in data-state=error with a sentence`, async () => {
    const o = await withHealthyNeighbour(what.replace(/\W+/g, "-"), feed);
    assert.equal(o.state, "error");
    assert.match(await o.error(), sentence);
    await o.context.close();
  });
}

test("an empty feed is empty, not an error", async () => {
  const o = await withHealthyNeighbour("empty", "/__f/empty");
  assert.equal(o.state, "empty");
  assert.equal(await o.page.locator("#bad [part~=empty]").innerText(), "No news to show right now.");
  await o.context.close();
});

test("a partly wrong-typed feed shows its valid items", async () => {
  const o = await withHealthyNeighbour("partial", "/__f/partial");
  assert.equal(o.state, "ready");
  assert.deepEqual(await o.page.locator("#bad [part~=headline]").allInnerTexts(), ["First valid item", "Second valid item"]);
  await o.context.close();
});

/** A page with the 10,000-item feed beside a healthy one; its head records long tasks (where the
 *  engine has the Long Tasks API) and the browser's own JSON.parse calls. */
function bigPage() {
  return env.page("big", html(`<div id="bad" data-news-widget data-feed="/__f/big" data-limit="5"></div>
    <div id="good" data-news-widget data-feed="/__f/feed?n=4&name=good"></div>`, {
    // Long tasks, and the browser's own JSON.parse calls (one call of 4 MB cannot be sliced).
    head: `<script>window.__long = []; if (PerformanceObserver.supportedEntryTypes.includes("longtask")) new PerformanceObserver((l) => l.getEntries().forEach((e) => __long.push([e.startTime, e.duration]))).observe({ type: "longtask", buffered: true });
      window.__parse = []; const parse = JSON.parse; JSON.parse = function (...a) { const t = performance.now(); try { return parse.apply(this, a); } finally { __parse.push([t, performance.now() - t]); } };</script>`,
  }));
}

/** Opens the big page and checks what a reader sees: the newest five, an article that opens. */
async function visitBig(url) {
  const o = await open(env, url);
  assert.equal(await settled(o.page, "#bad", 30000), "ready");
  assert.equal(await settled(o.page, "#good"), "ready");
  assert.deepEqual(await o.page.locator("#bad [part~=headline]").allInnerTexts(),
    ["big headline 0", "big headline 1", "big headline 2", "big headline 3", "big headline 4"]);
  await o.page.locator("#bad button[part~=headline]").first().click();
  assert.equal(await o.page.locator("#bad [part~=article]").count(), 1);
  assert.deepEqual(o.log.errors, []);
  return o;
}

test("a 10,000-item feed of 4 MB shows the newest, and its article opens", async () => {
  const o = await visitBig(bigPage());
  await o.context.close();
});

// Firefox and WebKit have no Long Tasks API, and a heartbeat (a message posted to itself) cannot
// stand in: the widget's scheduler.yield continuations run ahead of it, so it reports the whole
// read as one gap.
test("a 10,000-item feed of 4 MB is read with no task over 50 ms", { skip: skipIn(["firefox", "webkit"], "no Long Tasks API to measure tasks with") }, async () => {
  const url = bigPage();
  // A wall-clock limit on a shared 2-core machine: the best of three visits counts (a widget
  // that stopped slicing makes one task of hundreds of milliseconds on every visit).
  const runs = [];
  for (let visit = 0; visit < 3 && !runs.some((r) => r.longest < 50); visit++) {
    const o = await visitBig(url);
    // From the moment the 4 MB arrive, decoding, mapping, saving and rendering yield to the page
    // between slices: apart from the browser's one JSON.parse of the body, no task's own work
    // reaches the 50 ms of a long task. (Starting the module is not this test's.)
    runs.push(await o.page.evaluate(() => {
      const arrived = performance.getEntriesByType("resource").find((r) => r.name.endsWith("/__f/big")).responseEnd;
      const inside = ([start, duration]) => window.__parse
        .filter(([t, d]) => t >= start && t + d <= start + duration + 1).reduce((sum, [, d]) => sum + d, 0);
      const ours = window.__long.filter(([start, duration]) => start + duration > arrived).map((task) => task[1] - inside(task));
      return { longest: Math.round(Math.max(0, ...ours)), parse: Math.round(Math.max(0, ...window.__parse.map(([, d]) => d))) };
    }));
    if (visit === 0) {
      // The observer is live: a task of 80 ms made on purpose is seen.
      await o.page.evaluate(() => new Promise((resolve) => setTimeout(() => {
        const end = performance.now() + 80;
        while (performance.now() < end);
        setTimeout(resolve, 100);
      })));
      assert.ok(Math.max(0, ...(await o.page.evaluate(() => window.__long.map(([, d]) => d)))) >= 80, "the long-task observer works in this browser");
    }
    await o.context.close();
  }
  assert.ok(runs.some((r) => r.longest < 50),
    `the longest task while the feed was read, besides JSON.parse, in each visit: ${runs.map((r) => `${r.longest} ms (JSON.parse ${r.parse} ms)`).join(", ")}`);
});

test("a feed that never answers is an error within 20 seconds", async () => {
  const started = Date.now();
  const o = await withHealthyNeighbour("never", "/__f/never");
  assert.equal(o.state, "error");
  assert.ok(Date.now() - started < 20000);
  assert.match(await o.error(), /did not answer within 15 seconds/);
  await o.context.close();
});

test("a cross-origin feed without CORS headers is an error that names CORS", async () => {
  const o = await withHealthyNeighbour("cors", `${env.otherOrigin}/www/feeds/seed.json`);
  assert.equal(o.state, "error");
  assert.match(await o.error(), /CORS.*Access-Control-Allow-Origin/);
  await o.context.close();
});

test("the kept copy shows at once on a later visit, and instead of an error when the feed fails", async () => {
  const url = env.page("kept", html(`<div id="w" data-news-widget data-lang="en" data-feed="/__f/switch?id=kept"></div>`));
  modes.set("kept", "ok");
  const o = await open(env, url);
  assert.equal(await settled(o.page, "#w"), "ready");
  assert.equal(await o.page.locator("#w [part~=headline]").first().innerText(), "kept-ok headline 0");
  // Second visit: the server is slow, the saved copy shows before it answers.
  modes.set("kept", "slow");
  await o.page.reload();
  assert.equal(await settled(o.page, "#w", 1500), "ready");
  assert.equal(await o.page.locator("#w [part~=headline]").first().innerText(), "kept-ok headline 0");
  await o.page.waitForFunction(() => document.getElementById("w").shadowRoot.querySelector("[part~=headline]").textContent === "kept-slow headline 0");
  // Third visit: the server fails; the copy stays, with a note saying how old it is.
  modes.set("kept", "fail");
  await o.page.reload();
  await o.page.locator("#w [part~=stale]").waitFor();
  assert.equal(await o.page.locator("#w").getAttribute("data-state"), "ready");
  assert.match(await o.page.locator("#w [part~=stale]").innerText(), /cannot be reached.*copy saved (now|\d+ seconds? ago)/);
  assert.equal(await o.page.locator("#w [part~=error]").count(), 0);
  const saved = await o.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("news-widget:v1:")));
  assert.ok(saved.length >= 2, "the copy and its index are versioned");
  await o.context.close();
});

test("a refresh never closes the article being read", async () => {
  modes.set("refresh", "ok");
  const url = env.page("refresh", html(`<div id="w" data-news-widget data-feed="/__f/switch?id=refresh"></div>`));
  const o = await open(env, url);
  await settled(o.page, "#w");
  await o.page.locator("#w button[part~=headline]").nth(1).click();
  modes.set("refresh", "fail");
  await o.page.evaluate(() => NewsWidget.refresh(document.getElementById("w")).catch(() => {}));
  await o.page.locator("#w [part~=stale]").waitFor();
  assert.equal(await o.page.locator("#w [part~=article]").count(), 1);
  modes.set("refresh", "ok");
  await o.page.evaluate(() => NewsWidget.refresh(document.getElementById("w")));
  assert.equal(await o.page.locator("#w [part~=article]").count(), 1);
  assert.equal(await o.page.locator("#w button[part~=headline]").nth(1).getAttribute("aria-expanded"), "true");
  await o.context.close();
});
