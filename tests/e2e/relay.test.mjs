// The feed relay end to end: a widget on a page reads a feed from another origin that sends no
// CORS headers, through a real news-widget-relay process, in `fallback` and `always` modes; and
// when the relay refuses, the sentence names it and says why.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { start, html, open, settled } from "./harness.mjs";
import { ROOT } from "../../tools/serve.mjs";

const BIN = process.env.RELAY_BIN || join(ROOT, "target/debug/news-widget-relay");
let env, relay, relayUrl;

before(async () => {
  assert.ok(existsSync(BIN), `${BIN} is built (make test-e2e builds it)`);
  env = await start();
  const dir = mkdtempSync(join(tmpdir(), "relay-e2e-"));
  const config = join(dir, "relay.toml");
  // The other origin is on loopback (the test's own machine): private networks must be allowed.
  writeFileSync(config, [
    'listen = "127.0.0.1:0"',
    `feeds = ["${env.otherOrigin}/www/feeds/*"]`,
    `origins = ["${env.origin}"]`,
    "private_networks = true",
  ].join("\n"));
  relay = spawn(BIN, ["--config", config], { stdio: ["ignore", "pipe", "inherit"] });
  relay.log = [];
  const direct = await new Promise((resolve, reject) => {
    relay.on("exit", (code) => reject(new Error(`the relay exited with ${code}`)));
    relay.stdout.on("data", (chunk) => {
      relay.log.push(...String(chunk).trim().split("\n"));
      const m = /listening on (http:\/\/\S+)/.exec(String(chunk));
      if (m) resolve(m[1]);
    });
  });
  // The browser talks to the relay through a recording proxy, so its requests are in the log.
  relayUrl = await env.recorded(direct);
});
after(async () => { relay?.kill(); await env?.close(); });

const FEED = () => `${env.otherOrigin}/www/feeds/seed.json`;
const PROXY = () => `${relayUrl}/feed?url={url}`;

async function widget(name, attrs) {
  const url = env.page(name, html(`<div id="w" data-news-widget data-lang="en" data-feed="${FEED()}" ${attrs}></div>`));
  const o = await open(env, url);
  o.state = await settled(o.page, "#w");
  o.direct = () => o.log.requests.filter((r) => r === FEED()).length;
  o.relayed = () => o.log.requests.filter((r) => r.startsWith(`${relayUrl}/feed?url=`)).length;
  return o;
}

test("fallback: a feed the browser may not read directly is read through the relay, and stays relayed", async () => {
  const o = await widget("relay-fallback", `data-proxy="${PROXY()}"`);
  assert.equal(o.state, "ready", await o.page.locator("#w").innerText());
  assert.ok(await o.page.locator("#w [part~=teaser]").count() > 0, "teasers from the relayed feed");
  assert.equal(o.direct(), 1, "one direct attempt, refused by CORS");
  assert.equal(o.relayed(), 1, "then the relay");
  assert.ok(o.log.requests.includes(`${relayUrl}/feed?url=${encodeURIComponent(FEED())}`), "the feed's URL percent-encoded in {url}");
  await o.page.evaluate(() => window.NewsWidget.refresh(document.getElementById("w")));
  await o.page.waitForFunction(() => document.getElementById("w").dataset.state === "ready");
  assert.equal(o.direct(), 1, "a refresh goes straight to the relay: the page knows the feed needs it");
  assert.equal(o.relayed(), 2);
  // The relay writes its log line as the answer leaves; the pipe may bring it a moment later.
  const logged = () => relay.log.some((l) => /^200 GET \/feed feed=localhost cache=(hit|miss)/.test(l));
  for (let waited = 0; !logged() && waited < 2000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  assert.ok(logged(), relay.log.join("\n"));
  await o.context.close();
});

test("always: the feed is read through the relay only, never directly", async () => {
  const o = await widget("relay-always", `data-proxy="${PROXY()}" data-proxy-mode="always"`);
  assert.equal(o.state, "ready");
  assert.equal(o.direct(), 0, "no direct request");
  assert.equal(o.relayed(), 1);
  assert.deepEqual(o.log.errors, []);
  await o.context.close();
});

test("mount() takes the relay as options, proxyMode in camelCase", async () => {
  const url = env.page("relay-mount", html(`<div id="w"></div>
    <script>addEventListener("load", () => NewsWidget.mount(document.getElementById("w"),
      { feed: "${FEED()}", proxy: "${PROXY()}", proxyMode: "always", lang: "en" }));</script>`));
  const o = await open(env, url);
  assert.equal(await settled(o.page, "#w"), "ready");
  assert.equal(o.log.requests.filter((r) => r === FEED()).length, 0, "always, as the option said");
  await o.context.close();
});

test("without a relay, the CORS sentence tells the site owner about data-proxy", async () => {
  const o = await widget("relay-none", "");
  assert.equal(o.state, "error");
  assert.match(await o.page.locator("#w p[part~=error]").innerText(), /CORS.*data-proxy/s);
  await o.context.close();
});

test("a feed the relay does not allow: the sentence names the relay and gives its reason", async () => {
  const url = env.page("relay-refused", html(`<div id="w" data-news-widget data-lang="en"
    data-feed="${env.otherOrigin}/index.html" data-proxy="${PROXY()}" data-proxy-mode="always"></div>`));
  const o = await open(env, url);
  assert.equal(await settled(o.page, "#w"), "error");
  const sentence = await o.page.locator("#w p[part~=error]").innerText();
  assert.match(sentence, /relay at 127\.0\.0\.1:\d+ could not load the feed \(HTTP 403\): .*not one of the feeds/, sentence);
  await o.context.close();
});

test("a relay that cannot be reached is named too", async () => {
  const url = env.page("relay-down", html(`<div id="w" data-news-widget data-lang="en"
    data-feed="${FEED()}" data-proxy="http://127.0.0.1:9/feed?url={url}"></div>`));
  const o = await open(env, url);
  assert.equal(await settled(o.page, "#w"), "error");
  assert.match(await o.page.locator("#w p[part~=error]").innerText(), /through the relay at 127\.0\.0\.1:9: it cannot be reached/);
  await o.context.close();
});
