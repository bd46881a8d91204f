// The benchmark's floor: the same teaser list in plain JavaScript, no framework, no
// WebAssembly. Same markup and behaviour as the widget's core path (fetch, JSON.parse, sort,
// newest first, Intl relative time, shadow root, inline article built by an allow-list walk).
(function () {
  "use strict";
  var KEEP = /^(p|br|b|strong|i|em|ul|ol|li|blockquote|h[1-6]|a|img|figure|figcaption)$/;
  var rtf = {};
  function ago(lang, ms) {
    var f = rtf[lang] || (rtf[lang] = new Intl.RelativeTimeFormat(lang, { numeric: "always" }));
    var s = (ms - Date.now()) / 1000, a = Math.abs(s);
    if (a < 3600) return f.format(Math.round(s / 60), "minute");
    if (a < 86400) return f.format(Math.round(s / 3600), "hour");
    if (a < 604800) return f.format(Math.round(s / 86400), "day");
    return f.format(Math.trunc(s / 604800), "week");
  }
  function copy(from, to) {
    for (var n = from.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) to.appendChild(document.createTextNode(n.data));
      else if (n.nodeType === 1) {
        var name = n.localName;
        if (/^(script|style|iframe|object|embed|form|svg|math|template)$/.test(name)) continue;
        if (!KEEP.test(name)) { copy(n, to); continue; }
        var el = document.createElement(name);
        if (name === "a" && /^https?:/i.test(n.href)) { el.href = n.href; el.rel = "noopener noreferrer"; }
        if (name === "img" && /^https?:/i.test(n.src)) { el.src = n.src; el.loading = "lazy"; el.alt = n.alt || ""; }
        copy(n, el);
        to.appendChild(el);
      }
    }
  }
  function mount(host) {
    var root = host.attachShadow({ mode: "open" });
    var lang = host.getAttribute("data-lang") || "fr";
    var limit = Number(host.getAttribute("data-limit") || 8);
    host.setAttribute("data-state", "loading");
    // data-pad (bench/run.mjs's BENCH_PAD): bytes that must arrive too, beside the feed.
    var pad = host.getAttribute("data-pad");
    Promise.all([
      fetch(host.getAttribute("data-feed")).then(function (r) { return r.json(); }),
      pad && fetch(pad).then(function (r) { return r.arrayBuffer(); }),
    ]).then(function (got) {
      var feed = got[0];
      var items = feed.items.filter(function (i) { return i && i.title; }).map(function (i, n) {
        return { i: i, n: n, t: Date.parse(i.date_published) || -Infinity };
      });
      items.sort(function (a, b) { return b.t - a.t || a.n - b.n; });
      var ul = document.createElement("ul");
      ul.setAttribute("part", "list");
      items.slice(0, limit).forEach(function (entry) {
        var it = entry.i, li = document.createElement("li"), sec = document.createElement("span");
        var time = document.createElement("time"), btn = document.createElement("button");
        li.setAttribute("part", "teaser");
        sec.setAttribute("part", "section");
        sec.textContent = (it._news && it._news.section) || "";
        time.setAttribute("part", "time");
        time.dateTime = it.date_published;
        time.textContent = ago(lang, entry.t);
        btn.setAttribute("part", "headline");
        btn.setAttribute("aria-expanded", "false");
        btn.textContent = it.title;
        btn.onclick = function () {
          var open = li.querySelector("article");
          if (open) { open.remove(); btn.setAttribute("aria-expanded", "false"); return; }
          var art = document.createElement("article");
          art.setAttribute("part", "article");
          var body = document.createElement("div");
          copy(new DOMParser().parseFromString(it.content_html || "", "text/html").body, body);
          art.appendChild(body);
          li.appendChild(art);
          btn.setAttribute("aria-expanded", "true");
        };
        li.append(sec, time, btn);
        ul.appendChild(li);
      });
      root.appendChild(ul);
      host.setAttribute("data-state", "ready");
    });
  }
  document.querySelectorAll("[data-baseline]").forEach(mount);
})();
