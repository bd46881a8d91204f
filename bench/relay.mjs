// `make bench-relay`: a bounded load on loopback against the release relay. A feed server
// stands in for the publisher; the relay caches its feed; wrk keeps many keep-alive clients
// asking for it for DURATION seconds. Reports requests per second, p50 and p99 latency, errors
// (which must be 0) and the relay's resident memory before and after. Nothing leaves the machine.
import { spawn, execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { serveStatic, ROOT } from "../tools/serve.mjs";

const DURATION = Number(process.env.DURATION || 20);
const CONNECTIONS = Number(process.env.CONNECTIONS || 64);
const BIN = join(ROOT, "target/relay/news-widget-relay");

const upstream = serveStatic();
await new Promise((r) => upstream.listen(0, "127.0.0.1", r));
const feed = `http://127.0.0.1:${upstream.address().port}/www/feeds/seed.json`;
const dir = mkdtempSync(join(tmpdir(), "relay-bench-"));
const config = join(dir, "relay.toml");
// All clients come from one address here, so the per-client limit is lifted for the run.
writeFileSync(config, `listen = "127.0.0.1:0"\nfeeds = ["${feed}"]\norigins = ["*"]\nprivate_networks = true\nrate = 100000000\n`);
const relay = spawn(BIN, ["--config", config], { stdio: ["ignore", "pipe", "inherit"] });
const base = await new Promise((resolve) => relay.stdout.once("data", (c) => resolve(/http:\/\/\S+/.exec(String(c))[0])));
relay.stdout.resume(); // one log line per request: read and dropped
const url = `${base}/feed?url=${encodeURIComponent(feed)}`;
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${relay.pid}/status`, "utf8"))[1]) / 1024;

const first = await fetch(url);
if (first.status !== 200) throw new Error(`the relay answered ${first.status}`);
const bytes = (await first.arrayBuffer()).byteLength;
const before = rss();
// Asynchronously: the relay's log is read while wrk runs.
const out = await new Promise((resolve, reject) => {
  const wrk = spawn("wrk", ["-t2", `-c${CONNECTIONS}`, `-d${DURATION}s`, "--latency", url]);
  let text = "";
  wrk.stdout.on("data", (c) => { text += c; });
  wrk.on("exit", (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited with ${code}`))));
});
const after = rss();
relay.kill("SIGTERM");
upstream.close();

const ms = (v, unit) => Number(v) * ({ us: 0.001, ms: 1, s: 1000 }[unit] ?? 1);
const pick = (re) => re.exec(out);
const [, p50v, p50u] = pick(/\s50%\s+([\d.]+)(us|ms|s)/);
const [, p99v, p99u] = pick(/\s99%\s+([\d.]+)(us|ms|s)/);
const rps = Number(pick(/Requests\/sec:\s+([\d.]+)/)[1]);
const socket = pick(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/);
const non2xx = Number(pick(/Non-2xx or 3xx responses: (\d+)/)?.[1] || 0);
const errors = (socket ? socket.slice(1).reduce((a, b) => a + Number(b), 0) : 0) + non2xx;
const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
const dirty = execFileSync("git", ["status", "--porcelain", "--", "relay", "core"], { cwd: ROOT, encoding: "utf8" }).trim() ? "+changes" : "";
const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}`;

console.log(out.trim());
console.log(`\nnews-widget-relay at ${commit}${dirty}, ${machine}, loopback; wrk and the relay share the cores`);
console.log(`a cached ${bytes}-byte feed, ${CONNECTIONS} keep-alive connections, ${DURATION} s`);
console.log(`| ${rps.toFixed(0)} req/s | p50 ${ms(p50v, p50u).toFixed(2)} ms | p99 ${ms(p99v, p99u).toFixed(2)} ms | ` +
  `errors ${errors} | memory ${before.toFixed(1)} MiB before, ${after.toFixed(1)} MiB after |`);
if (errors > 0) process.exit(1);
