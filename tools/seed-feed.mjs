// Writes www/feeds/seed.json from seed.source.json, dating each item `_age_hours` before now,
// so the demo's teasers always read as on the seed page (2 weeks, 3 days, 1 week, 4 days).
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL("../www/feeds/", import.meta.url));
const feed = JSON.parse(readFileSync(dir + "seed.source.json", "utf8"));
const now = Date.now();
feed.items = feed.items.map(({ _age_hours, ...item }) => ({
  ...item,
  date_published: new Date(now - _age_hours * 3600e3).toISOString().replace(/\.\d+Z$/, "Z"),
}));
delete feed._comment;
writeFileSync(dir + "seed.json", JSON.stringify(feed, null, 2) + "\n");
console.log(`wrote www/feeds/seed.json (${feed.items.length} items)`);
