// `make screenshots`: README's pictures of the three layouts (www/img/layout-*.png), taken in
// Chromium from the demo's regional feed, freshly dated, at a width a sidebar or a column has.
import { chromium } from "playwright-core";
import { serveStatic, send } from "./serve.mjs";
import { seedFeed } from "./seed-feed.mjs";

const LAYOUTS = {
  list: 'data-thumbnails="true" data-summary="true" data-limit="4"',
  cards: 'data-thumbnails="true" data-summary="true" data-limit="4" data-more="true" data-all="https://gazette.example/"',
  compact: 'data-limit="6" data-title=""',
};
const page = `<!doctype html><html lang="fr"><meta charset="utf-8"><body style="margin:0;padding:16px;background:#f4f4f2">
${Object.entries(LAYOUTS).map(([layout, attrs]) => `<div id="${layout}" style="width:${layout === "cards" ? 620 : 420}px;margin-bottom:24px"
  data-news-widget data-feed="/www/feeds/region.json" data-layout="${layout}" data-theme="light" ${attrs}></div>`).join("\n")}
<script src="/dist/news-widget.js" async></script></body></html>`;

const server = serveStatic({
  routes: {
    "/shots.html": (req, res) => send(res, 200, "text/html; charset=utf-8", page),
    "/www/feeds/region.json": (req, res) => send(res, 200, "application/json", JSON.stringify(seedFeed(Date.now(), "region"))),
  },
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
try {
  const tab = await browser.newPage({ viewport: { width: 700, height: 1600 }, deviceScaleFactor: 1 });
  await tab.goto(`http://127.0.0.1:${server.address().port}/shots.html`);
  for (const layout of Object.keys(LAYOUTS)) {
    await tab.waitForFunction((id) => document.getElementById(id).dataset.state === "ready", layout);
    // Pictures are lazy: wait until every one has loaded.
    await tab.waitForFunction((id) => [...document.getElementById(id).shadowRoot.querySelectorAll("img")].every((i) => i.complete), layout);
    await tab.locator(`#${layout}`).screenshot({ path: `www/img/layout-${layout}.png` });
    console.log(`wrote www/img/layout-${layout}.png`);
  }
} finally {
  await browser.close();
  server.close();
}
