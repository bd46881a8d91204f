// Text exactly as the feed means it, in the browser: `<` in plain text, every HTML character
// reference, each field read by its kind, and RSS 0.90. Each example is one a reader of a
// French newsroom's feed or of a feed parser's test suite would notice at once.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, html, open, settled } from "./harness.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const JSONFEED = "https://jsonfeed.org/version/1.1";
const at = (hours) => new Date(Date.now() - hours * 3600e3).toISOString();
const rfc822 = (hours) => new Date(Date.now() - hours * 3600e3).toUTCString();

/** Mounts one widget per feed path; returns the page and, per widget, its headlines. */
async function show(name, paths) {
  const widgets = paths.map((p, i) => `<div id="w${i}" data-news-widget data-lazy="false" data-feed="${p}"></div>`);
  const o = await open(env, env.page(name, html(widgets.join("\n"))));
  const headlines = [];
  for (let i = 0; i < paths.length; i++) {
    assert.equal(await settled(o.page, `#w${i}`), "ready", `${paths[i]} is ready`);
    headlines.push(await o.page.locator(`#w${i} [part~=headline]`).allInnerTexts());
  }
  return { ...o, headlines };
}

test("JSON Feed titles and summaries are plain text; content_html is HTML", async () => {
  const feed = env.feed("plain.json", JSON.stringify({
    version: JSONFEED, title: "Les <prix> & vous", items: [
      { id: "1", title: "Prix < 5 € cette semaine", summary: "1 &lt; 2 <b>et</b> AT&T", content_html: "<p>Corps</p>", date_published: at(1) },
      { id: "2", content_html: '<p><a title="a > b" href="/x">Lien</a> suite <!-- c > d --></p>', date_published: at(2) },
      { id: "3", content_text: "Use <template> elements", date_published: at(3) },
    ],
  }), "application/feed+json");
  const o = await show("text-json", [feed]);
  assert.deepEqual(o.headlines[0], ["Prix < 5 € cette semaine", "Lien suite", "Use <template> elements"]);
  assert.equal(await o.page.locator("#w0 [part~=title]").innerText(), "Les <prix> & vous");
  await o.page.locator("#w0 button[part~=headline]").first().click();
  assert.equal(await o.page.locator("#w0 [part~=standfirst]").innerText(), "1 &lt; 2 <b>et</b> AT&T");
  assert.equal(await o.page.locator("#w0 [part~=standfirst] b").count(), 0, "plain text never becomes markup");
  assert.deepEqual(o.log.errors, []);
  await o.context.close();
});

test("RSS titles are guessed as feed parsers guess; every HTML reference is decoded, even in XML", async () => {
  // Not well-formed XML (HTML's named references, `&#X41;`, `&#233` without `;`): mended, then read.
  const rss = env.feed("refs.rss", `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Le &amp;lt;Midi&amp;gt;</title>
    <item><title>1 &lt; 2 : la preuve</title><pubDate>${rfc822(1)}</pubDate></item>
    <item><title>Use &lt;template&gt; elements</title><pubDate>${rfc822(2)}</pubDate></item>
    <item><title>&Eacute;tat, f&ecirc;te, h&ocirc;pital, c&oelig;ur</title><category>Soci&eacute;t&eacute;</category><pubDate>${rfc822(3)}</pubDate></item>
    <item><title>&amp;Eacute;lections &amp;amp; &lt;b&gt;r&amp;eacute;sultats&lt;/b&gt;</title><pubDate>${rfc822(4)}</pubDate></item>
    <item><title>&#X41;ssez &#233t&#233; l&#146;an</title><pubDate>${rfc822(5)}</pubDate></item>
    <item><title>&bogus; reste &amp;hellip</title><pubDate>${rfc822(6)}</pubDate></item>
    </channel></rss>`);
  const atom = env.feed("text.atom", `<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">A &amp;amp; &lt;b&gt;B&lt;/b&gt;</title>
    <entry><id>1</id><title type="text">History of the &lt;blink&gt; tag</title><updated>${at(1)}</updated></entry>
    <entry><id>2</id><title type="html">Caf&amp;eacute; &lt;em&gt;noir&lt;/em&gt; &amp;#X41;</title><updated>${at(2)}</updated></entry></feed>`);
  const o = await show("text-xml", [rss, atom]);
  assert.deepEqual(o.headlines[0], [
    "1 < 2 : la preuve", "Use <template> elements", "État, fête, hôpital, cœur", "Élections & résultats",
    "Assez été l’an", "&bogus; reste &hellip",
  ]);
  assert.equal(await o.page.locator("#w0 [part~=title]").innerText(), "Le <Midi>");
  assert.equal(await o.page.locator("#w0 [part~=section]").first().innerText(), "Société");
  assert.deepEqual(o.headlines[1], ["History of the <blink> tag", "Café noir A"]);
  assert.equal(await o.page.locator("#w1 [part~=title]").innerText(), "A & B");
  assert.deepEqual(o.log.errors, []);
  await o.context.close();
});

test("RSS 0.90 reads like RSS 1.0", async () => {
  const rdf = (ns) => `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="${ns}">
    <channel><title>Mozilla Dot Org</title><link>http://www.mozilla.org</link><description>the Mozilla Organization web site</description></channel>
    <image><title>Mozilla</title><url>http://www.mozilla.org/images/moz.gif</url><link>http://www.mozilla.org</link></image>
    <item><title>New Status Updates</title><link>http://www.mozilla.org/status/</link></item>
    <item><title>Bugzilla Reorganized</title><link>http://www.mozilla.org/bugs/</link></item></rdf:RDF>`;
  const o = await show("rss090", [env.feed("rss090.rdf", rdf("http://my.netscape.com/rdf/simple/0.9/")), env.feed("rss10.rdf", rdf("http://purl.org/rss/1.0/"))]);
  for (const headlines of o.headlines) assert.deepEqual(headlines, ["New Status Updates", "Bugzilla Reorganized"]);
  assert.equal(await o.page.locator("#w0 [part~=title]").innerText(), "Mozilla Dot Org");
  assert.equal(await o.page.locator("#w0 a[part~=headline], #w0 [part~=headline]").count(), 2);
  await o.context.close();
});

test("dates as feeds write them: the US form, 24:00:00, asctime, and month names in other languages (contract §5)", async () => {
  const dates = [
    ["US form, PM", "Fri, Jun 26 2026 10:04:03 PM", "2026-06-26T22:04:03Z"],
    ["24:00:00", "Sat, 27 Jun 2026 24:00:00 +0000", "2026-06-28T00:00:00Z"],
    ["asctime", "Mon Jun 29 10:04:03 2026", "2026-06-29T10:04:03Z"],
    ["French", "mar., 30 juin 2026 10:04:03 +0200", "2026-06-30T08:04:03Z"],
    ["German", "Mittwoch, 1. Juli 2026 um 10:04", "2026-07-01T10:04:00Z"],
    ["Spanish", "2 de julio de 2026", "2026-07-02T00:00:00Z"],
  ];
  const items = dates.map(([title, date]) => `<item><title>${title}</title><link>https://news.example/${encodeURIComponent(title)}</link><pubDate>${date}</pubDate></item>`);
  const feed = env.feed("dates.rss", `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Dates</title>${items.join("")}</channel></rss>`, "application/rss+xml");
  const o = await show("text-dates", [feed]);
  assert.deepEqual(o.headlines[0], dates.map(([title]) => title).reverse(), "each date read, so newest first");
  const times = o.page.locator("#w0 time[part~=time]");
  assert.equal(await times.count(), dates.length, "every teaser is dated");
  for (let i = 0; i < dates.length; i++) {
    assert.equal(await times.nth(i).getAttribute("datetime"), dates[dates.length - 1 - i][2], dates[dates.length - 1 - i][1]);
  }
  assert.deepEqual(o.log.errors, []);
  await o.context.close();
});
