// The demo and test server: static files from the repository root with the right MIME types
// (application/wasm for the module), gzip when the browser asks for it, and no caching, so a
// rebuilt dist/ is what the browser gets. `node tools/serve.mjs` serves on PORT (default 8080).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".xml": "application/xml",
  ".rss": "application/rss+xml",
  ".atom": "application/atom+xml",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ts": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
};
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".wasm", ".json", ".xml", ".css", ".svg", ".rss", ".atom"]);

/** Serves `root`; `routes` maps a path (or a prefix ending in "/") to a handler(req, res, url)
 *  for test-only answers; `html(text, path)` may rewrite each HTML page (the tests' recorder). */
export function serveStatic({ root = ROOT, routes = {}, headers = {}, html } = {}) {
  return createServer(async (req, res) => {
    const url = new URL(req.url, "http://localhost");
    const prefix = Object.keys(routes).find((r) => r.endsWith("/") && url.pathname.startsWith(r));
    const route = routes[url.pathname] || routes[prefix];
    if (route) return route(req, res, url);
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(root)) return send(res, 403, "text/plain", "Forbidden");
    try {
      if ((await stat(path)).isDirectory()) path = join(path, "index.html");
      let body = await readFile(path);
      const type = TYPES[extname(path)] || "application/octet-stream";
      if (html && extname(path) === ".html") body = Buffer.from(html(body.toString("utf8"), url.pathname));
      const extra = { "Cache-Control": "no-store", ...headers };
      if (COMPRESSIBLE.has(extname(path)) && /\bgzip\b/.test(req.headers["accept-encoding"] || "")) {
        body = gzipSync(body, { level: 9 });
        extra["Content-Encoding"] = "gzip";
      }
      send(res, 200, type, body, extra);
    } catch {
      send(res, 404, "text/html; charset=utf-8", "<!doctype html><title>Not found</title><h1>404</h1>");
    }
  });
}

export function send(res, status, type, body, headers = {}) {
  res.writeHead(status, { "Content-Type": type, ...headers });
  res.end(body);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT || 8080);
  const host = process.env.HOST || "127.0.0.1";
  serveStatic().listen(port, host, () => {
    console.log(`news-widget demo: http://${host}:${port}/`);
  });
}
