// Writes www/feeds/seed.json from seed.source.json (and region.json from region.source.json, the
// demo's second feed, with pictures), dating each item `_age_hours` before now, so the demo's
// teasers always read as on the seed page (2 weeks, 3 days, 1 week, 4 days).
// The test server serves `seedFeed()` fresh on each request, so a long test run reads the same.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL("../www/feeds/", import.meta.url));

/** The seed feed (or another of www/feeds/NAME.source.json), dated from `now`. */
export function seedFeed(now = Date.now(), name = "seed") {
  const feed = JSON.parse(readFileSync(dir + `${name}.source.json`, "utf8"));
  feed.items = feed.items.map(({ _age_hours, ...item }) => ({
    ...item,
    date_published: new Date(now - _age_hours * 3600e3).toISOString().replace(/\.\d+Z$/, "Z"),
  }));
  delete feed._comment;
  return feed;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const name of ["seed", "region"]) {
    const feed = seedFeed(Date.now(), name);
    writeFileSync(dir + `${name}.json`, JSON.stringify(feed, null, 2) + "\n");
    console.log(`wrote www/feeds/${name}.json (${feed.items.length} items)`);
  }
}
