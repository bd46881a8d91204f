// Shared set-up for the end-to-end tests: the built dist/ served with the demo server, pages
// that tests write, feeds that fail on purpose, a second origin without CORS, and the engine
// E2E_ENGINE names (driver/). What a test reads of a page comes from these servers: the requests
// they answered, and what the recorder script they put in every page sent (console, errors,
// dialogs), the same way in every engine.
import { createServer, request as httpRequest } from "node:http";
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join, normalize } from "node:path";
import { serveStatic, send, ROOT } from "../../tools/serve.mjs";
import { seedFeed } from "../../tools/seed-feed.mjs";
import { launch, addScript, ENGINE, PHONE } from "./driver/index.mjs";
import { CHROMIUM_ARGS } from "./driver/playwright.mjs";

export { ENGINE, PHONE, CHROMIUM_ARGS, addScript };

export const SHARED = process.env.NEWS_WIDGET_SHARED || join(ROOT, "..", "shared");

/** The `skip` option of a test that reads `path` in `../shared/`: skipped where it is absent,
 *  except under CI=true, where the test runs and its absence fails it (see `needShared`). */
export function sharedSkip(path) {
  if (existsSync(path) || process.env.CI === "true") return false;
  return `${path} is not beside the checkout`;
}

/** Fails the test, with a sentence, when `path` of `../shared/` is absent. */
export function needShared(path) {
  if (!existsSync(path)) throw new Error(`${path} is missing: the real-world feeds of ../shared/ must be beside the checkout (CI=true)`);
}

/** `{ skip }` for a test that cannot run in this engine: the reason, which README lists too. */
export function skipIn(engines, reason) {
  return engines.includes(ENGINE) ? `${ENGINE}: ${reason}` : false;
}

const JSONFEED = "https://jsonfeed.org/version/1.1";
const pages = new Map();
/** Feeds a test writes: `/__t/X` answers with `feeds.get("/__t/X")` (after `?delay=` ms). */
const feeds = new Map();
/** Feeds whose behaviour a test switches: `/__f/switch?id=X` answers as `modes.get(X)`. */
export const modes = new Map();
let big;
const growing = new Map();
/** Every request the test servers answered, as full URLs, in order (the recorder's own left out). */
const requests = [];
/** What each opened page's recorder sent, by the token its page was served with. */
const records = new Map();
/** The token (and clock) the next load of a page path is served with: set by `open()`. */
const tokens = new Map();
const RECORDER = join(ROOT, "tests/e2e/driver/recorder.js");

/** The recorder's script tag for a page: first in <head>, with the page's nonce if its CSP has one. */
function recorderTag(path, csp = "") {
  const { token = "", clock } = tokens.get(path) || {};
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  const query = `t=${token}${clock === undefined ? "" : `&clock=${clock}`}`;
  return `<script src="/__rec.js?${query}"${nonce ? ` nonce="${nonce}"` : ""}></script>`;
}
function withRecorder(html, path, csp) {
  const tag = recorderTag(path, csp);
  const head = /<head[^>]*>/i.exec(html);
  return head ? html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length) : tag + html;
}

/** Test-only answers: each a feed (or a failure) a real server could send. */
const faults = {
  "/__f/404": (req, res) => send(res, 404, "text/html", "<!doctype html><h1>Not found</h1>"),
  "/__f/500": (req, res) => send(res, 500, "text/plain", "Internal Server Error"),
  "/__f/login": (req, res) => send(res, 200, "text/html; charset=utf-8",
    "<!DOCTYPE html><html><head><title>Sign in</title></head><body><form><input name=user></form></body></html>"),
  "/__f/truncated": (req, res) => send(res, 200, "application/json", `{"version":"${JSONFEED}","items":[{"id":"1","title":"Cut`),
  "/__f/wrong-shape": (req, res) => send(res, 200, "application/json", JSON.stringify({ hello: "world", items: "none" })),
  "/__f/empty": (req, res) => send(res, 200, "application/json", JSON.stringify({ version: JSONFEED, title: "Empty", items: [] })),
  "/__f/partial": (req, res) => send(res, 200, "application/json", JSON.stringify({
    version: JSONFEED, title: 5, items: [
      { id: "ok-1", title: "First valid item", date_published: "2025-01-02T00:00:00Z" },
      { id: { no: 1 }, title: ["wrong"] },
      "not an item",
      { id: 7, title: "Second valid item", url: 42, date_published: true },
    ],
  })),
  "/__f/never": () => { /* never answers */ },
  "/__f/slow-ok": (req, res) => setTimeout(() => sendFeed(res, "slow", 3), 400),
  "/__f/switch": (req, res, url) => {
    const id = url.searchParams.get("id");
    const mode = modes.get(id) || "ok";
    if (mode === "fail") return send(res, 503, "text/plain", "Service Unavailable");
    if (mode === "never") return;
    const delay = mode === "slow" ? 2000 : 0;
    setTimeout(() => sendFeed(res, `${id}-${mode}`, 5), delay);
  },
  // A feed that gains one newer story on each request: a refresh inserts it above the others.
  "/__f/growing": (req, res, url) => {
    const id = url.searchParams.get("id");
    const n = (growing.get(id) || 0) + 1;
    growing.set(id, n);
    const base = Date.parse("2026-01-01T12:00:00Z");
    const story = (key, at) => ({ id: `${id}-${key}`, title: `${key} story`, url: `https://news.example/${key}`,
      date_published: new Date(at).toISOString(), content_html: `<p>Body of ${key}.</p>` });
    const items = [
      ...Array.from({ length: n - 1 }, (_, k) => story(`new${n - 1 - k}`, base + (n - 1 - k) * 60e3)),
      ...Array.from({ length: 4 }, (_, k) => story(`old${k}`, base - (k + 1) * 3600e3)),
    ];
    send(res, 200, "application/feed+json", JSON.stringify({ version: JSONFEED, title: "Growing", items }));
  },
  // 10,000 items, about 4 MB: the newest must show, and no task of the page reach 50 ms.
  "/__f/big": (req, res) => {
    big ||= JSON.stringify(makeFeed("big", 10000));
    send(res, 200, "application/json", big);
  },
};

export function sendFeed(res, name, n, extraHeaders = {}) {
  send(res, 200, "application/feed+json", JSON.stringify(makeFeed(name, n)), extraHeaders);
}

/** A JSON Feed of `n` dated items, newest first, with sections and HTML bodies. */
export function makeFeed(name, n, now = Date.now()) {
  const sections = ["Économie", "Sport", "Culture", "Société"];
  return {
    version: JSONFEED, title: `Feed ${name}`,
    items: Array.from({ length: n }, (_, i) => ({
      id: `${name}-${i}`, url: `https://news.example/${name}/${i}`, title: `${name} headline ${i}`,
      _news: { section: sections[i % sections.length] },
      date_published: new Date(now - (i + 1) * 3600e3).toISOString(),
      summary: `Summary ${i}`, content_html: `<p>Body of ${name} ${i} with <a href="/x">a link</a>.</p>`,
    })),
  };
}

/** Starts the servers and the browser; call `close()` at the end. */
export async function start() {
  const routes = {
    ...faults,
    "/__f/feed": (req, res, url) => sendFeed(res, url.searchParams.get("name") || "f", Number(url.searchParams.get("n") || 8)),
    "/__t/": (req, res, url) => {
      const feed = feeds.get(url.pathname);
      if (!feed) return send(res, 404, "text/plain", "no feed");
      setTimeout(() => send(res, 200, feed.type, feed.body), Number(url.searchParams.get("delay") || 0));
    },
    "/__p/": (req, res, url) => {
      const page = pages.get(url.pathname);
      if (!page) return send(res, 404, "text/plain", "no page");
      const body = page.type ? page.html : withRecorder(page.html, url.pathname, page.csp);
      send(res, 200, page.type || "text/html; charset=utf-8", body, page.csp ? { "Content-Security-Policy": page.csp } : {});
    },
    // dist/ with its WebAssembly module missing, as a half-finished upload leaves it.
    "/__broken/": (req, res, url) => {
      const file = url.pathname.slice("/__broken/".length);
      if (!["news-widget.js", "news_widget.js"].includes(file)) return send(res, 404, "text/plain", "Not found");
      send(res, 200, "text/javascript; charset=utf-8", readFileSync(join(ROOT, "dist", file)));
    },
    // dist/ on a slow network: the module arrives 800 ms after it is asked for, so what the
    // loader starts meanwhile (the feed) can be seen to start before it ends.
    "/__slow/": (req, res, url) => {
      const file = url.pathname.slice("/__slow/".length);
      const type = { "news-widget.js": "text/javascript", "news_widget.js": "text/javascript" }[file]
        ?? (/^(news_widget_bg|split_\w+|chunk_\d+)\.wasm$/.test(file) ? "application/wasm" : undefined);
      if (!type) return send(res, 404, "text/plain", "Not found");
      setTimeout(() => send(res, 200, type, readFileSync(join(ROOT, "dist", file))), file.endsWith(".wasm") ? 800 : 0);
    },
    // dist/ whose later parts (split_*.wasm, chunk_*.wasm) cannot be fetched: offline after
    // the first part came, or a host that blocks them.
    "/__nopart/": (req, res, url) => {
      const file = url.pathname.slice("/__nopart/".length);
      const type = { "news-widget.js": "text/javascript", "news_widget.js": "text/javascript", "news_widget_bg.wasm": "application/wasm" }[file];
      if (!type) return send(res, 404, "text/plain", "Not found");
      send(res, 200, type, readFileSync(join(ROOT, "dist", file)));
    },
    "/__shared/": (req, res, url) => {
      const path = normalize(join(SHARED, "feeds", decodeURIComponent(url.pathname.slice("/__shared/".length))));
      if (!path.startsWith(SHARED) || !existsSync(path)) return send(res, 404, "text/plain", "no file");
      // Served as bytes with no charset: the widget must find each file's encoding itself.
      send(res, 200, "application/octet-stream", readFileSync(path));
    },
  };
  // The seed feed dated now, not when `make seed` wrote it: "2 hours ago" stays so however long the run.
  routes["/www/feeds/seed.json"] = (req, res) => send(res, 200, "application/json", JSON.stringify(seedFeed()));
  routes["/www/feeds/region.json"] = (req, res) => send(res, 200, "application/json", JSON.stringify(seedFeed(Date.now(), "region")));
  routes["/__rec.js"] = (req, res) => send(res, 200, "text/javascript; charset=utf-8", readFileSync(RECORDER), { "Cache-Control": "no-store" });
  routes["/__rec"] = (req, res, url) => {
    let body = "";
    req.on("data", (c) => { body += c; });
    req.on("end", () => {
      try {
        const { kind, text } = JSON.parse(body);
        const log = records.get(url.searchParams.get("t"));
        if (log && Array.isArray(log[kindOf[kind]])) log[kindOf[kind]].push(text);
      } catch { /* not from the recorder */ }
      send(res, 204, "text/plain", "");
    });
  };
  const server = serveStatic({ routes, html: (body, path) => withRecorder(body, path) });
  // A second origin, serving the same files but never sending CORS headers.
  const other = serveStatic();
  await Promise.all([listen(server), listen(other)]);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const otherOrigin = `http://localhost:${other.address().port}`;
  server.on("request", (req) => {
    const path = new URL(req.url, "http://x").pathname;
    if (path.startsWith("/__rec")) return;
    if (fromPage(req)) requests.push(`${origin}${req.url}`);
  });
  other.on("request", (req) => fromPage(req) && requests.push(`${otherOrigin}${req.url}`));
  const browser = await launch();
  return {
    origin, otherOrigin, browser,
    /** A proxy in front of `target` (another server of the test, such as a relay) whose
     *  requests count as the page's, as those of the test servers do. Returns its origin. */
    async recorded(target) {
      const proxy = createServer((req, res) => {
        if (fromPage(req)) requests.push(`http://127.0.0.1:${proxy.address().port}${req.url}`);
        const out = httpRequest(`${target}${req.url}`, { method: req.method, headers: { ...req.headers, host: new URL(target).host } }, (answer) => {
          // Not kept by the browser: each request the page makes reaches the log (a cache would
          // answer some of them unseen, and each engine's cache differently).
          res.writeHead(answer.statusCode, { ...answer.headers, "cache-control": "no-store" });
          answer.pipe(res);
        });
        out.on("error", () => { res.writeHead(502); res.end(); });
        req.pipe(out);
      });
      await listen(proxy);
      proxies.push(proxy);
      return `http://127.0.0.1:${proxy.address().port}`;
    },
    /** Registers a page and returns its URL. */
    page(name, html, csp) {
      pages.set(`/__p/${name}.html`, { html, csp });
      return `${origin}/__p/${name}.html`;
    },
    /** Registers a script (a test's bundle, say) and returns its path. */
    script(name, js) {
      pages.set(`/__p/${name}.js`, { html: js, type: "text/javascript; charset=utf-8" });
      return `/__p/${name}.js`;
    },
    /** Registers a feed body and returns its path. */
    feed(name, body, type = "application/octet-stream") {
      feeds.set(`/__t/${name}`, { body, type });
      return `/__t/${name}`;
    },
    async close() {
      await browser.close();
      for (const s of [server, other, ...proxies]) s.close();
    },
  };
}

const kindOf = { console: "console", error: "errors", dialog: "dialogs" };
/** A request the page made: from a browser (not the relay fetching upstream), not a preflight. */
const fromPage = (req) => req.method !== "OPTIONS" && /Mozilla\//.test(req.headers["user-agent"] || "");
const proxies = [];

function listen(server) {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
}

/** A page document with the loader at the end. */
export function html(body, { head = "", script = '<script src="/dist/news-widget.js" async></script>', lang = "fr" } = {}) {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><link rel="icon" href="/www/img/favicon.svg">${head}</head><body>${body}${script}</body></html>`;
}

/** Opens `url` in a new context and records what the page does: `log.console` ("type: text"),
 *  `log.errors` (uncaught errors and rejections), `log.dialogs`, and `log.requests` (every URL
 *  the test servers answered since). Options: `clock` (the page's Date starts there, in ms since
 *  the epoch; `runFor` moves it), and the context's `viewport`, `colorScheme`, `reducedMotion`. */
export async function open(env, url, { clock, ...options } = {}) {
  const context = await env.browser.newContext(options);
  const page = await context.newPage();
  const token = randomUUID();
  const since = requests.length;
  const log = {
    console: [], errors: [], dialogs: [],
    get requests() { return requests.slice(since); },
  };
  records.set(token, log);
  tokens.set(new URL(url).pathname, { token, clock: clock === undefined ? undefined : Math.round(clock) });
  await page.goto(url);
  return { page, log, context };
}

/** Moves a page opened with `clock` ahead by `ms`, firing every timer due on the way. */
export function runFor(page, ms) {
  return page.evaluate((ms) => window.__testClock.runFor(ms), ms);
}

/** Waits until the host matched by `selector` has settled; returns its data-state. At a phone's
 *  viewport (E2E_PHONE=1) it also checks that the widget stays inside its host and the page does
 *  not scroll sideways because of it. */
export async function settled(page, selector, timeout = 20000) {
  const host = page.locator(selector);
  await host.and(page.locator('[data-state="ready"], [data-state="empty"], [data-state="error"]')).waitFor({ state: "attached", timeout });
  if (PHONE) {
    const overflow = await host.evaluate((el) => {
      const out = [];
      const doc = document.documentElement;
      if (doc.scrollWidth > doc.clientWidth + 1) out.push(`the page scrolls sideways (${doc.scrollWidth} px wide in ${doc.clientWidth})`);
      const root = el.shadowRoot && el.shadowRoot.querySelector(".root");
      if (root && getComputedStyle(root).display !== "none") {
        const r = root.getBoundingClientRect(), h = el.getBoundingClientRect();
        if (root.scrollWidth > root.clientWidth + 1) out.push(`its content is ${root.scrollWidth} px wide in ${root.clientWidth}`);
        if (h.width > 0 && (r.left < h.left - 1 || r.right > h.right + 1)) out.push(`it spans ${r.left}–${r.right} px in a host of ${h.left}–${h.right}`);
      }
      return out;
    });
    if (overflow.length) throw new Error(`${selector} overflows at a phone's width: ${overflow.join("; ")}`);
  }
  return host.getAttribute("data-state");
}

