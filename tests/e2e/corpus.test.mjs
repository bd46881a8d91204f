// Real feeds, all of them: every file in shared/feeds/{jsonfeed,rss,atom} renders ready (or
// empty when it has no item), every teaser has a headline, and an article opens. The tests
// iterate over the folders, so a file added there is tested with no code change.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { start, html, open, settled, SHARED, sharedSkip, needShared } from "./harness.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

for (const folder of ["jsonfeed", "rss", "atom"]) {
  const dir = join(SHARED, "feeds", folder);
  test(`every feed in shared/feeds/${folder} renders, with headlines, and opens`, { skip: sharedSkip(dir) }, async () => {
    needShared(dir);
    const files = readdirSync(dir).sort();
    const widgets = files.map((f, i) => `<div id="f${i}" data-news-widget data-lazy="false" data-limit="3" data-feed="/__shared/${folder}/${encodeURIComponent(f)}"></div>`);
    const { page, log } = await open(env, env.page(`corpus-${folder}`, html(widgets.join("\n"))));
    const problems = [];
    for (let i = 0; i < files.length; i++) {
      const host = `#f${i}`;
      const state = await settled(page, host, 30000);
      if (state === "empty") continue;
      if (state !== "ready") {
        problems.push(`${files[i]}: ${state}: ${await page.locator(`${host} [part~=error]`).innerText().catch(() => "")}`);
        continue;
      }
      const headlines = await page.locator(`${host} [part~=headline]`).allInnerTexts();
      if (headlines.length === 0 || headlines.some((h) => !h.trim())) problems.push(`${files[i]}: a teaser without headline`);
      if (headlines.some((h) => /\uFFFD|Ã©|Ð¾/.test(h))) problems.push(`${files[i]}: mis-decoded text: ${headlines[0]}`);
      await page.locator(`${host} button[part~=headline]`).first().click();
      if ((await page.locator(`${host} [part~=article]`).count()) !== 1) problems.push(`${files[i]}: the article did not open`);
    }
    assert.deepEqual(problems, []);
    assert.deepEqual(log.errors, [], "no uncaught error, no panic");
    console.log(`${folder}: ${files.length} feeds rendered`);
    await page.context().close();
  });
}

test("declared encodings display correctly (ISO-8859-1, windows-1251)", { skip: sharedSkip(join(SHARED, "feeds")) }, async () => {
  needShared(join(SHARED, "feeds"));
  const url = env.page("encodings", html(`
    <div id="latin1" data-news-widget data-feed="/__shared/rss/picofeed__univers_freebox_fr_rss0.92_iso-8859-1.xml"></div>
    <div id="cp1251" data-news-widget data-feed="/__shared/hostile/picofeed__xakep.ru_windows-1251.xml"></div>`));
  const { page } = await open(env, url);
  assert.equal(await settled(page, "#latin1"), "ready");
  assert.equal(await settled(page, "#cp1251"), "ready");
  assert.match((await page.locator("#latin1 [part~=headline]").allInnerTexts()).join(" "), /[éèàç]/);
  assert.match((await page.locator("#cp1251 [part~=headline]").allInnerTexts()).join(" "), /[а-яА-Я]{3}/);
  await page.context().close();
});
