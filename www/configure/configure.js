// news-widget configurator: a site owner types a feed's address and sees the widget, live, with
// the snippet of each placement, the CSP lines their page needs and a check of the feed. No
// framework and no network beyond the feed (and the widget's own files, next to this page), so
// it works from any static host that serves dist/. Nodes are built, never parsed from strings:
// the page runs under the strict CSP with Trusted Types that it recommends.

// The attribute table of news_widget_core::config::ATTRIBUTES (core/tests/surface.rs checks it).
const ATTRIBUTES = [
  { name: "feed", kind: "url", accepts: "the URL of a JSON Feed, RSS or Atom feed", required: true },
  { name: "limit", kind: "number", accepts: "a whole number from 1 to 50", default: "8" },
  { name: "lang", kind: "language", accepts: "a BCP 47 language tag such as fr or en-GB", described: "the nearest lang attribute, else the browser's" },
  { name: "theme", kind: "choice", choices: ["light", "dark", "auto"], accepts: "light, dark or auto", default: "auto" },
  { name: "sections", kind: "list", accepts: "comma-separated section names", described: "all" },
  { name: "title", kind: "text", accepts: "any text; \"\" hides the heading", described: "the feed's title" },
  { name: "open", kind: "choice", choices: ["inline", "link"], accepts: "inline or link", default: "inline" },
  { name: "target", kind: "choice", choices: ["_self", "_blank"], accepts: "_self or _blank", default: "_self" },
  { name: "images", kind: "flag", accepts: "true or false", default: "false" },
  { name: "refresh", kind: "number", accepts: "0 (never) or a number of seconds from 60 up", default: "0" },
  { name: "dates", kind: "choice", choices: ["relative", "absolute", "none"], accepts: "relative, absolute or none", default: "relative" },
  { name: "lazy", kind: "flag", accepts: "true or false", default: "true" },
  { name: "proxy", kind: "url", accepts: "the URL of a feed relay with {url} where the feed's URL goes", described: "none" },
  { name: "proxy-mode", kind: "choice", choices: ["fallback", "always"], accepts: "fallback or always", default: "fallback" },
  { name: "link-params", kind: "text", accepts: "query parameters such as utm_source=partner&utm_medium=widget", described: "none" },
  { name: "thumbnails", kind: "flag", accepts: "true or false", default: "false" },
  { name: "fallback-image", kind: "url", accepts: "the URL of a picture", described: "none" },
  { name: "summary", kind: "flag", accepts: "true or false", default: "false" },
  { name: "layout", kind: "choice", choices: ["list", "cards", "compact"], accepts: "list, cards or compact", default: "list" },
  { name: "exclude-sections", kind: "list", accepts: "comma-separated section names", described: "none" },
  { name: "keywords", kind: "list", accepts: "comma-separated words or phrases", described: "all" },
  { name: "exclude-keywords", kind: "list", accepts: "comma-separated words or phrases", described: "none" },
  { name: "max-age", kind: "text", accepts: "a whole number of hours or days such as 36h or 7d", described: "none" },
  { name: "more", kind: "flag", accepts: "true or false", default: "false" },
  { name: "all", kind: "url", accepts: "the URL of the publisher's news page", described: "none; a link container's own href" },
  { name: "source", kind: "flag", accepts: "true or false", described: "true with several feeds, else false" },
  { name: "label-read-more", kind: "text", accepts: "any text", described: "the widget's language" },
  { name: "label-close", kind: "text", accepts: "any text", described: "the widget's language" },
  { name: "label-more", kind: "text", accepts: "any text", described: "the widget's language" },
  { name: "label-all", kind: "text", accepts: "any text", described: "the widget's language" },
  { name: "label-empty", kind: "text", accepts: "any text", described: "the widget's language" },
  { name: "label-updates", kind: "text", accepts: "any text; {n} is the count", described: "the widget's language" },
];

const LOADER = new URL("news-widget.js", document.baseURI).href;
const $ = (id) => document.getElementById(id);

/** An element with attributes and children (strings become text nodes). */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== false) node.setAttribute(k, v === true ? "" : v);
  node.append(...children);
  return node;
}

function defaultWords(a) {
  if (a.required) return "required";
  return a.default !== undefined ? `default ${a.default}` : `default: ${a.described}`;
}

/** One labelled control per attribute, with what it accepts and its default as its description. */
function buildControls() {
  $("opt-feed-hint").textContent = `Required: ${ATTRIBUTES[0].accepts}, absolute or relative to your page.`;
  const box = $("settings");
  for (const a of ATTRIBUTES.slice(1)) {
    const id = `opt-${a.name}`;
    const hint = el("p", { id: `${id}-hint`, class: "hint" }, `${a.accepts[0].toUpperCase()}${a.accepts.slice(1)} (${defaultWords(a)}).`);
    const common = { id, "aria-describedby": hint.id, "data-attribute": a.name };
    let control;
    if (a.kind === "choice" || (a.kind === "flag" && a.default === undefined)) {
      // A flag whose default depends on the page (data-source) has three states: a select.
      const choices = a.choices || ["true", "false"];
      control = el("select", common, el("option", { value: "" }, `default (${a.default ?? a.described})`),
        ...choices.map((c) => el("option", { value: c }, c)));
    } else if (a.kind === "flag") {
      control = el("input", { ...common, type: "checkbox", checked: a.default === "true" });
    } else {
      const text = { title: "the feed's title", "link-params": "utm_source=partner", "max-age": "36h, 7d" }[a.name] || "";
      const placeholder = { number: a.default, language: "fr, en-GB…", list: "Sport, Économie", text }[a.kind];
      control = el("input", { ...common, type: a.kind === "number" ? "number" : "text", placeholder, spellcheck: "false",
        inputmode: a.kind === "number" ? "numeric" : undefined });
    }
    const label = el("label", { for: id }, el("code", {}, `data-${a.name}`));
    const field = el("div", { class: a.kind === "flag" ? "field flag" : "field" },
      ...(a.kind === "flag" ? [control, label] : [label, control]), hint);
    if (a.name === "title") {
      const hide = el("input", { id: "opt-title-hide", type: "checkbox", "aria-describedby": hint.id });
      field.append(el("div", { class: "flag" }, hide, el("label", { for: hide.id }, "Hide the heading (", el("code", {}, 'data-title=""'), ")")));
    }
    box.append(field);
  }
}

/** The attributes the site owner set, in the table's order, as [name, value]; defaults left out. */
function chosen() {
  const out = [];
  for (const a of ATTRIBUTES) {
    const c = $(`opt-${a.name}`);
    let value = c.type === "checkbox" ? String(c.checked) : c.value.trim();
    if (a.name === "title" && $("opt-title-hide").checked) value = "";
    else if (value === "" || (a.kind === "flag" && value === a.default)) continue;
    out.push([a.name, value]);
  }
  return out;
}

/** `value` as an HTML attribute value between double quotes. */
function quote(value) {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

function placements(attrs) {
  const data = attrs.map(([n, v]) => ` data-${n}="${quote(v)}"`).join("");
  const script = `<script src="${quote(LOADER)}" async></script>`;
  const feed = attrs.find(([n]) => n === "feed");
  let home = "/";
  try { home = new URL(feed ? feed[1] : "/", location.href).origin + "/"; } catch { /* keep "/" */ }
  return [
    ["a", "A. In place", "The widget appears right where the script tag stands.",
      `<script src="${quote(LOADER)}"${data} async></script>`],
    ["b", "B. Container", "Any element with data-news-widget, wherever it stands; one script tag for all of them. Its children are shown while the widget loads and if it fails.",
      `<div data-news-widget${data}></div>\n${script}`],
    ["c", "C. Link", "Readers without JavaScript, or when the widget cannot load, keep the link.",
      `<a data-news-widget href="${quote(home)}"${data}>Latest news</a>\n${script}`],
    ["d", "D. Element", "The <news-widget> element, in HTML or from a framework (React, Vue, Svelte, Angular).",
      `<news-widget${data}></news-widget>\n${script}`],
  ];
}

function buildSnippets() {
  const box = $("snippets");
  for (const [key, heading, about] of placements([])) {
    const code = el("code", { id: `snippet-${key}` });
    const copy = el("button", { type: "button", id: `copy-${key}`, "aria-describedby": `snippet-${key}-heading` }, "Copy");
    copy.addEventListener("click", () => copyText(code.textContent, heading));
    box.append(el("div", { class: "snippet" },
      el("h3", { id: `snippet-${key}-heading` }, heading), el("p", { class: "hint" }, about),
      el("div", { class: "code" }, el("pre", {}, code), copy)));
  }
}

async function copyText(text, what) {
  let done = false;
  try {
    await navigator.clipboard.writeText(text);
    done = true;
  } catch {
    // No clipboard permission (or an old browser): copy through a selected text area.
    const area = el("textarea", { class: "sr-only", readonly: true });
    area.value = text;
    document.body.append(area);
    area.select();
    try { done = document.execCommand("copy"); } catch { done = false; }
    area.remove();
  }
  $("copied").textContent = done ? `${what}: copied.` : `${what}: select the snippet and copy it (the browser refused).`;
}

function origin(url) {
  try { return new URL(url, location.href).origin; } catch { return null; }
}

function cspLines(attrs) {
  const dist = origin(LOADER);
  const feed = attrs.find(([n]) => n === "feed");
  const feedOrigin = feed ? origin(feed[1]) : null;
  const proxy = attrs.find(([n]) => n === "proxy");
  const always = attrs.some(([n, v]) => n === "proxy-mode" && v === "always");
  const relayOrigin = proxy ? origin(proxy[1].replace("{url}", "")) : null;
  const origins = [dist, always ? null : feedOrigin, relayOrigin];
  const connect = [...new Set(origins.filter(Boolean))].join(" ");
  const lines = [`script-src  ${dist} 'wasm-unsafe-eval';`, `connect-src ${connect};`];
  if (attrs.some(([n, v]) => n === "images" && v === "true")) lines.push("img-src     https:;   (the origins of the feed's images)");
  lines.push("trusted-types news-widget;   (only if your policy has a trusted-types directive)");
  return lines.join("\n");
}

let previewTimer = 0;
let previewed = "";

/** Everything that follows the settings: snippets, CSP lines, and the preview (debounced). */
function update() {
  $("opt-title").disabled = $("opt-title-hide").checked;
  const attrs = chosen();
  for (const [key, , , snippet] of placements(attrs)) $(`snippet-${key}`).textContent = snippet;
  $("csp").textContent = cspLines(attrs);
  clearTimeout(previewTimer);
  previewTimer = setTimeout(() => preview(attrs), 300);
}

function preview(attrs) {
  const key = JSON.stringify(attrs);
  if (key === previewed) return;
  previewed = key;
  const box = $("preview");
  if (!attrs.some(([n]) => n === "feed")) {
    window.NewsWidget?.unmount(box);
    $("preview-note").hidden = false;
    return;
  }
  $("preview-note").hidden = true;
  // The preview loads at once, wherever it stands on the page.
  // mount() names two-word options in camelCase: proxy-mode is proxyMode.
  const camel = (name) => name.replace(/-(.)/g, (_, c) => c.toUpperCase());
  const options = Object.fromEntries([["lazy", "false"], ...attrs.map(([n, v]) => [camel(n), v])]);
  window.NewsWidget?.mount(box, options).catch(() => { /* the widget says why, in place */ });
}

/** What a feed address gives: reachable or not, a feed or not, readable from other sites or not. */
async function checkFeed(url) {
  let response;
  try {
    response = await fetch(url, { mode: "cors", credentials: "omit", cache: "no-store" });
  } catch {
    // A request refused for CORS and one that reached nothing look alike; an opaque request tells them apart.
    try {
      await fetch(url, { mode: "no-cors", credentials: "omit", cache: "no-store" });
    } catch {
      return { outcome: "unreachable", text: "The feed cannot be reached: check the address (and that the server is up)." };
    }
    return {
      outcome: "cors",
      text: "The server answers, but it does not let other sites read the feed (no CORS header " +
        "Access-Control-Allow-Origin), so the widget cannot load it from your page. Ask the feed's owner to send " +
        "that header, or run the project's feed relay (news-widget-relay) with this feed in its feeds and set data-proxy to it " +
        "(README, “The feed relay”).",
    };
  }
  if (!response.ok) return { outcome: "http", text: `The server answered HTTP ${response.status}: check the address.` };
  const body = (await response.text()).trim();
  const kind = sniff(body);
  if (!kind) return { outcome: "not-a-feed", text: "The address answers, but not with a feed: point data-feed at a JSON Feed, RSS or Atom feed." };
  return { outcome: "ok", text: `${kind.format}${kind.title ? ` (“${kind.title}”)` : ""}, readable from other sites: the widget can load it.` };
}

const policy = window.trustedTypes?.createPolicy?.("news-widget-configurator", { createHTML: (s) => s });

function sniff(body) {
  if (body.startsWith("{")) {
    try {
      const json = JSON.parse(body);
      if (typeof json.version === "string" && json.version.includes("jsonfeed.org") && Array.isArray(json.items)) {
        return { format: "A JSON Feed", title: typeof json.title === "string" ? json.title : "" };
      }
    } catch { /* not JSON */ }
    return null;
  }
  if (!body.startsWith("<")) return null;
  // DOMParser is a Trusted Types sink: the text goes to an inert XML document, nothing runs.
  const doc = new DOMParser().parseFromString(policy ? policy.createHTML(body) : body, "application/xml");
  const root = doc.documentElement;
  if (!root || doc.getElementsByTagName("parsererror").length) return null;
  const title = (root.getElementsByTagName("title")[0]?.textContent || "").trim();
  if (root.localName === "rss" || root.localName === "RDF") return { format: "An RSS feed", title };
  if (root.localName === "feed") return { format: "An Atom feed", title };
  return null;
}

async function runCheck() {
  const url = $("opt-feed").value.trim();
  const out = $("check-result");
  if (!url) {
    out.textContent = "Type the feed's address first.";
    out.dataset.outcome = "empty";
    return;
  }
  out.textContent = "Checking…";
  out.dataset.outcome = "checking";
  let result;
  try {
    result = await checkFeed(new URL(url, location.href).href);
  } catch {
    result = { outcome: "unreachable", text: "The feed cannot be reached: check the address." };
  }
  if ($("opt-feed").value.trim() !== url) return;
  out.textContent = result.text;
  out.dataset.outcome = result.outcome;
}

buildControls();
buildSnippets();
$("form").addEventListener("input", update);
$("form").addEventListener("change", update);
// The check button is the form's submit button: Enter in a field runs the check in every browser
// (with several text fields and no submit button, only Chromium submits a form on Enter).
$("form").addEventListener("submit", (e) => { e.preventDefault(); runCheck(); });
$("opt-feed").addEventListener("change", runCheck);
const start = new URLSearchParams(location.search).get("feed");
if (start) $("opt-feed").value = start;
update();
if (start) runCheck();
