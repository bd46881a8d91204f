// `make bench`: the widget against a plain-JavaScript baseline of the same teaser list, in this
// machine's headless Chromium (or Firefox ESR: BENCH_ENGINE=firefox), on feeds of 8, 100, 1,000
// and 10,000 items, cold and warm; then ten widgets on one page. Several runs each; medians and
// spread. Prints Markdown tables, and the bytes each side downloads (gzip and brotli).
import { chromium } from "playwright-core";
import { firefox } from "playwright-core-164";
import { execSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { serveStatic, send } from "../tools/serve.mjs";
import { makeFeed, CHROMIUM_ARGS } from "../tests/e2e/harness.mjs";

const RUNS = Number(process.env.BENCH_RUNS || 7);
/** Networks readers have, by Chromium's own throttling (DevTools' presets; CPU 4× slower, as
 *  Lighthouse's mobile profile): `BENCH_PROFILE=slow4g` or `fast4g`; loopback by default. */
const PROFILES = {
  loopback: null,
  fast4g: { latency: 60, download: 9e6, upload: 1.5e6, cpu: 4 },
  slow4g: { latency: 150, download: 1.6e6, upload: 0.75e6, cpu: 4 },
};
const PROFILE_NAME = process.env.BENCH_PROFILE || "loopback";
const PROFILE = PROFILES[PROFILE_NAME];
if (PROFILE === undefined) throw new Error(`BENCH_PROFILE must be one of ${Object.keys(PROFILES).join(", ")}`);
/** Firefox has no network or CPU throttling a test can set: loopback only there. */
const ENGINE = process.env.BENCH_ENGINE || "chromium";
if (!["chromium", "firefox"].includes(ENGINE)) throw new Error("BENCH_ENGINE must be chromium or firefox");
if (ENGINE === "firefox" && PROFILE) throw new Error(`BENCH_PROFILE=${PROFILE_NAME} needs Chromium's throttling: Firefox runs on loopback only`);
/** The loader the widget's pages load (another build's, to compare two loaders pair by pair). */
const LOADER = process.env.BENCH_LOADER || "/dist/news-widget.js";
// What each side downloads before its first teasers, compressed as a server would send it.
const sizes = (files) => files.reduce((t, f) => {
  const raw = readFileSync(new URL(`../${f}`, import.meta.url));
  return { gzip: t.gzip + gzipSync(raw, { level: 9 }).length, brotli: t.brotli + brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
}, { gzip: 0, brotli: 0 });
const widgetBytes = sizes(["dist/news-widget.js", "dist/news_widget.js", "dist/news_widget_bg.wasm"]);
const baselineBytes = sizes(["bench/baseline.js"]);
/** Bytes the baseline downloads beside its feed before it shows anything (random, so no
 *  compression shrinks them; cached like the widget's module), to tell what bytes alone cost:
 *  `BENCH_PAD=57344` is a plain-JS list that also waits for issue 14's first-part budget of
 *  56 KiB, the floor of any design that ships that much before its first teasers;
 *  `BENCH_PAD=widget`, for as many bytes as the widget's first part has more than the baseline
 *  (gzip). 0 by default. */
const PAD = process.env.BENCH_PAD === "widget" ? widgetBytes.gzip - baselineBytes.gzip : Number(process.env.BENCH_PAD || 0);
const padBytes = randomBytes(PAD);
baselineBytes.gzip += PAD;
baselineBytes.brotli += PAD;
const SIZES = (process.env.BENCH_SIZES || "8,100,1000,10000").split(",").map(Number);
const feeds = new Map(SIZES.map((n) => [n, JSON.stringify(makeFeed("b", n, Date.parse("2026-01-01T00:00:00Z")))]));

/** Instruments a page: long tasks, the WebAssembly memory, a clock from the script's start. */
const PROBE = `<script>
  window.__long = [];
  window.__longTasks = PerformanceObserver.supportedEntryTypes.includes("longtask");
  if (__longTasks) new PerformanceObserver((l) => l.getEntries().forEach((e) => __long.push(e.duration))).observe({ type: "longtask", buffered: true });
  const instantiate = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = async (...a) => { const r = await instantiate(...a); const m = Object.values(r.instance.exports).find((v) => v instanceof WebAssembly.Memory); if (m) window.__wasmMemory = m; return r; };
  window.__ready = new Promise((resolve) => {
    const seen = new Set();
    new MutationObserver(() => {
      document.querySelectorAll("[data-state=ready]").forEach((el) => seen.add(el));
      if (seen.size >= Number(document.body.dataset.expect || 1)) resolve(performance.now() - window.__start);
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
  });
</script>`;

function page(kind, n, widgets = 1) {
  const host = kind === "widget"
    ? `<div data-news-widget data-lazy="false" data-feed="/feed/${n}.json" data-lang="en" data-limit="8"></div>`
    : `<div data-baseline data-feed="/feed/${n}.json"${PAD ? ` data-pad="/bench/pad/${PAD}"` : ""} data-lang="en" data-limit="8"></div>`;
  const script = kind === "widget" ? `<script src="${LOADER}"></script>` : `<script src="/bench/baseline.js"></script>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="/www/img/favicon.svg">${PROBE}</head>
    <body data-expect="${widgets}">${host.repeat(widgets)}<script>window.__start = performance.now();</script>${script}</body></html>`;
}

const server = serveStatic({
  routes: {
    "/feed/": (req, res, url) => send(res, 200, "application/json", feeds.get(Number(url.pathname.match(/(\d+)/)[1]))),
    "/bench/pad/": (req, res) => send(res, 200, "application/octet-stream", padBytes, { "Cache-Control": "max-age=3600" }),
    "/bench/page": (req, res, url) => send(res, 200, "text/html; charset=utf-8",
      page(url.searchParams.get("kind"), Number(url.searchParams.get("n")), Number(url.searchParams.get("widgets") || 1))),
  },
  // Warm visits reuse the HTTP cache, as a returning reader's browser would.
  headers: { "Cache-Control": "max-age=3600" },
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = ENGINE === "chromium"
  ? await chromium.launch({ executablePath: "/usr/bin/chromium", args: [...CHROMIUM_ARGS, "--enable-precise-memory-info"] })
  // Firefox ESR through WebDriver BiDi, as the end-to-end tests drive it (tests/e2e/driver).
  : await firefox.launch({ channel: "moz-firefox", executablePath: "/usr/bin/firefox-esr",
    firefoxUserPrefs: { "app.update.enabled": false, "network.captive-portal-service.enabled": false } });
let longTasks = true;

/** One visit: time to ready, total blocking time, longest task, click-to-article, memory. */
async function visit(context, url) {
  const p = await context.newPage();
  if (PROFILE) {
    const cdp = await context.newCDPSession(p);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false, latency: PROFILE.latency, downloadThroughput: PROFILE.download / 8, uploadThroughput: PROFILE.upload / 8,
    });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: PROFILE.cpu });
  }
  await p.goto(url);
  const ready = await p.evaluate(() => window.__ready);
  // A reader reads the headlines before opening one: two seconds, in which the widget fetches
  // the article's part of its module (when the page is idle after ready).
  await p.waitForTimeout(2000);
  const click = await p.evaluate(async () => {
    const host = document.querySelector("[data-state=ready]");
    const button = host.shadowRoot.querySelector("button[part~=headline]");
    const t0 = performance.now();
    button.click();
    // Until the body is there (the widget fills it from the article's part of the module).
    const shown = () => host.shadowRoot.querySelector("[part~=article]")?.textContent.includes("Body of");
    while (!shown()) await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => requestAnimationFrame(() => r()));
    return performance.now() - t0;
  });
  await p.waitForTimeout(100);
  const m = await p.evaluate(() => ({
    long: window.__long,
    longTasks: window.__longTasks,
    heap: performance.memory ? performance.memory.usedJSHeapSize : 0,
    wasm: window.__wasmMemory ? window.__wasmMemory.buffer.byteLength : 0,
  }));
  await p.close();
  longTasks = m.longTasks;
  const tbt = m.long.reduce((s, d) => s + Math.max(0, d - 50), 0);
  return { ready, click, tbt, longest: Math.max(0, ...m.long), heap: m.heap / 1048576, wasm: m.wasm / 1048576 };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const spread = (xs) => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`;

async function measure(kind, n, warm, widgets = 1) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const url = `${origin}/bench/page?kind=${kind}&n=${n}&widgets=${widgets}`;
    if (warm) await visit(context, url);
    runs.push(await visit(context, url));
    await context.close();
  }
  const stat = (k) => ({ median: median(runs.map((r) => r[k])), spread: spread(runs.map((r) => r[k])) });
  return Object.fromEntries(["ready", "click", "tbt", "longest", "heap", "wasm"].map((k) => [k, stat(k)]));
}

const rows = [];
for (const warm of [false, true]) {
  for (const n of SIZES) {
    const w = await measure("widget", n, warm);
    const b = await measure("baseline", n, warm);
    rows.push({ n, warm, w, b });
    process.stderr.write(`measured ${n} items ${warm ? "warm" : "cold"}\n`);
  }
}
// Ten widgets on one page: measured in a full run only (BENCH_SIZES narrows a run to its feeds).
const tenth = {};
if (!process.env.BENCH_SIZES) for (const widgets of [1, 9, 10]) tenth[widgets] = await measure("widget", 100, false, widgets);
await browser.close();
server.close();

const fmt = (s, unit = "") => `${s.median.toFixed(1)}${unit} (${s.spread})`;
const ratio = (a, b) => (b.median > 0 ? `${(a.median / b.median).toFixed(2)}×` : "–");
const commit = execSync("git rev-parse --short HEAD").toString().trim();
const dirty = execSync("git status --porcelain -- src core js loader Cargo.toml").toString().trim() ? " (with uncommitted changes)" : "";
const chrome = ENGINE === "chromium" ? execSync("/usr/bin/chromium --version 2>/dev/null").toString().trim() : `Firefox ${browser.version()}`;
const profile = PROFILE ? `${PROFILE_NAME} (${PROFILE.latency} ms RTT, ${PROFILE.download / 1e6} Mbps down, CPU ${PROFILE.cpu}× slower)` : "loopback";
console.log(`Commit ${commit}${dirty}, ${chrome}, headless, ${profile}, loader ${LOADER}, ${RUNS} runs per cell; median (min–max).\n`);
if (PAD) console.log(`The baseline also downloads ${PAD} B of incompressible bytes beside its feed, and waits for them before it shows its list.\n`);
if (!longTasks) console.log("This engine has no Long Tasks API: TBT and the longest task read 0 (not measured); nor a JS heap figure.\n");
// The baseline's longest task beside the widget's: what the same list costs the page without
// WebAssembly (its first Intl formatter, its render) sets the floor of issue 14's 50 ms goal.
console.log("| feed | visit | ready, widget (ms) | ready, baseline (ms) | ratio | TBT widget (ms) | longest task widget (ms) | longest task baseline (ms) | click→article widget (ms) | click→article baseline (ms) | JS heap widget (MB) | wasm memory (MB) |");
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
for (const { n, warm, w, b } of rows) {
  console.log(`| ${n} | ${warm ? "warm" : "cold"} | ${fmt(w.ready)} | ${fmt(b.ready)} | ${ratio(w.ready, b.ready)} | ${fmt(w.tbt)} | ${fmt(w.longest)} | ${fmt(b.longest)} | ${fmt(w.click)} | ${fmt(b.click)} | ${fmt(w.heap)} | ${fmt(w.wasm)} |`);
}
if (tenth[10]) {
  console.log("\nTen widgets of one 100-item feed on one page (cold): time until all are ready.\n");
  console.log("| widgets | all ready (ms) | TBT (ms) |");
  console.log("| --- | --- | --- |");
  for (const k of [1, 9, 10]) console.log(`| ${k} | ${fmt(tenth[k].ready)} | ${fmt(tenth[k].tbt)} |`);
  console.log(`\nCost of the tenth widget: ${(tenth[10].ready.median - tenth[9].ready.median).toFixed(1)} ms.`);
} else {
  console.log("\nTen widgets on one page: not measured with BENCH_SIZES (a full run measures them).");
}

// The module's later parts (split_*.wasm, chunk_*.wasm): the article's comes when the page is
// idle after ready, RSS/Atom's when such a feed arrives.
const laterBytes = sizes(readdirSync(new URL("../dist/", import.meta.url)).filter((f) => /^(split_\w+|chunk_\d+)\.wasm$/.test(f)).map((f) => `dist/${f}`));
console.log(`\nBytes on the wire before the feed: widget ${widgetBytes.gzip} B gzip, ${widgetBytes.brotli} B brotli (loader, glue, the module's first part); baseline ${baselineBytes.gzip} B gzip, ${baselineBytes.brotli} B brotli.`);
console.log(`The module's later parts, each fetched only when needed (all of them): ${laterBytes.gzip} B gzip, ${laterBytes.brotli} B brotli.`);
