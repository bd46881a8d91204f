// `make demo`: the demo site on PORT (default 8080), a "partner site" on PORT+1 that serves the
// same feeds without CORS headers, and the feed relay (www/relay.toml) on PORT+707 (8787), which
// the front page's relayed widget reads through. Other ports than the defaults are written into
// the relay's configuration and the front page as they are served. Ctrl-C stops all three.
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serveStatic, send, ROOT } from "./serve.mjs";
import { seedFeed } from "./seed-feed.mjs";

const port = Number(process.env.PORT || 8080);
const host = "127.0.0.1";
const partner = port + 1;
const relayPort = port + 707;
const ports = (text) => text.replaceAll(`${host}:8081`, `${host}:${partner}`).replaceAll(`${host}:8787`, `${host}:${relayPort}`)
  .replaceAll(`${host}:8080`, `${host}:${port}`);

const front = (req, res) => send(res, 200, "text/html; charset=utf-8", ports(readFileSync(join(ROOT, "index.html"), "utf8")),
  { "Cache-Control": "no-store" });
// A live feed for the updates button: the regional feed, and one more flash each minute the demo
// has been running (the latest 12; LIVE_EVERY=seconds for another pace, as the demo's test does),
// so a widget with data-refresh="60" gets news while it is read.
const started = Date.now();
const every = Number(process.env.LIVE_EVERY || 60) * 1000;
const FLASHES = ["Circulation rétablie sur l’A9 après un accident", "Alerte orages levée sur le littoral",
  "Le conseil municipal de Sète vote le budget", "Fête de la Saint-Louis : le programme des joutes",
  "Un cargo s’échoue à l’entrée du port, sans blessé", "Les navettes maritimes reprennent dès demain"];
const live = (req, res) => {
  const feed = seedFeed(Date.now(), "region");
  const minutes = Math.floor((Date.now() - started) / every);
  const first = Math.max(0, minutes - 12);
  const flashes = Array.from({ length: minutes - first }, (_, n) => n + first).map((k) => ({
    id: `flash-${k + 1}`, url: `https://gazette.example/flash/${k + 1}`, title: FLASHES[k % FLASHES.length],
    _news: { section: "En direct" }, content_text: "Dépêche de la démo : une par minute.",
    date_published: new Date(started + (k + 1) * every).toISOString(),
  }));
  feed.title = "En direct";
  feed.items = [...flashes.reverse(), ...feed.items];
  send(res, 200, "application/feed+json", JSON.stringify(feed), { "Cache-Control": "no-store" });
};
// The front page with its ports; every other file as the demo server serves it.
const files = serveStatic().listeners("request")[0];
const route = (req, res) => {
  if (/^\/(index\.html)?(\?|$)/.test(req.url)) return front(req, res);
  if (/^\/www\/feeds\/live\.json(\?|$)/.test(req.url)) return live(req, res);
  return files(req, res);
};
createServer(route).listen(port, host, () => {
  console.log(`news-widget demo: http://${host}:${port}/`);
});
// The partner: the same files, and never an Access-Control-Allow-Origin header.
serveStatic().listen(partner, host, () => console.log(`partner site (no CORS): http://${host}:${partner}/www/feeds/`));

const dir = mkdtempSync(join(tmpdir(), "news-widget-demo-"));
const config = join(dir, "relay.toml");
writeFileSync(config, ports(readFileSync(join(ROOT, "www/relay.toml"), "utf8")));
const bin = process.env.RELAY_BIN || join(ROOT, "target/relay/news-widget-relay");
const relay = spawn(bin, ["--config", config], { stdio: ["ignore", "inherit", "inherit"] });
relay.on("exit", (code, signal) => {
  if (signal !== "SIGTERM") console.error(`the feed relay stopped (${code ?? signal}); the relayed widget cannot load`);
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => { relay.kill("SIGTERM"); process.exit(0); });
