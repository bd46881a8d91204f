/*! news-widget loader | finds where to mount, loads the WebAssembly module once, mounts. */
// Works as a classic script (with or without async/defer) and as type="module"; defines
// window.NewsWidget and the <news-widget> element, and nothing else. Every other file is found
// next to this script.
(function () {
  "use strict";

  // document.currentScript is null in module scripts and once this first run is over:
  // read it now, and otherwise find this file among the page's scripts by its name.
  var FILE = /(^|\/)news-widget(\.min)?\.js([?#]|$)/;
  var TAG = "news-widget";
  var self = document.currentScript;

  var existing = window.NewsWidget;
  if (existing && typeof existing._scan === "function") {
    // A second tag for the same file: the module is already loading; just place new widgets.
    existing._scan();
    return;
  }

  function scriptUrl() {
    if (self && self.src) return self.src;
    var scripts = document.getElementsByTagName("script");
    for (var i = 0; i < scripts.length; i++) {
      if (FILE.test(scripts[i].src)) return scripts[i].src;
    }
    return new URL("news-widget.js", document.baseURI).href;
  }

  var base = scriptUrl();
  var moduleReady = null;
  /** Why the module cannot run, once it is known that it cannot. */
  var failure = null;

  /** A file of dist/ that could not be fetched: the cause the console names. */
  function unreachable(url, why) {
    var e = new Error(url + " " + why);
    e.unreachable = true;
    return e;
  }

  /** Lets the page run (input, rendering) before going on: the module's instantiation and a
   *  widget's first drawing are two tasks, neither long on a slow phone. */
  function yieldToPage() {
    return window.scheduler && scheduler.yield ? scheduler.yield() : new Promise(function (r) { setTimeout(r, 0); });
  }

  /** Fetches and instantiates the module once per page, however many tags and widgets. */
  function load() {
    if (!moduleReady) {
      // Once the module comes, every widget waiting for the viewport mounts (and waits in it).
      var go = waiting;
      waiting = [];
      go.forEach(function (f) { f(); });
      var wasmUrl = new URL("news_widget_bg.wasm", base).href;
      var glueUrl = new URL("news_widget.js", base).href;
      // The module downloads while the glue loads, not after it: one round trip less.
      var wasm = fetch(wasmUrl).then(function (r) {
        if (!r.ok) throw unreachable(wasmUrl, "answered HTTP " + r.status);
        return r;
      }, function () {
        throw unreachable(wasmUrl, "could not be fetched");
      });
      wasm.catch(function () { /* awaited below */ });
      moduleReady = import(glueUrl).then(function (glue) {
        return glue.default({ module_or_path: wasm }).then(function () {
          running = true;
          return glue;
        });
      }, function () {
        throw unreachable(glueUrl, "could not be loaded");
      });
      moduleReady.catch(function (e) {
        failure = "The news cannot be shown: " + explain(e);
        console.error("[news-widget] " + failure, e);
      });
    }
    return moduleReady;
  }

  /** Why the module cannot run, and what the site owner must change; worked out on failure only. */
  function explain(e) {
    var fallback = " Give the widgets fallback content (children, or a link container) for such readers.";
    if (typeof WebAssembly !== "object") return "this browser runs no WebAssembly (missing or turned off)." + fallback;
    // WebKit compiles the empty module and refuses only when an instance is made; its refusal
    // (a CompileError) names 'wasm-unsafe-eval' as Chromium's and Firefox's do.
    try {
      new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])));
      if (/wasm-unsafe-eval/.test(String(e))) throw e;
    } catch (x) {
      return "the page's Content-Security-Policy refuses WebAssembly: add 'wasm-unsafe-eval' to its script-src (or default-src).";
    }
    if (e && e.unreachable) {
      return e.message + ". Copy every file of dist/ next to news-widget.js; a Content-Security-Policy must allow " +
        new URL(base).origin + " in script-src and connect-src.";
    }
    return "this browser lacks WebAssembly features the widget needs (" + e + ")." + fallback;
  }

  /** The one sentence an in-place widget shows when the module cannot run, in the page's
   *  language: news_widget_core::i18n::unavailable says the same (a test checks it). */
  var UNAVAILABLE = {
    en: "The news cannot be shown on this page.",
    fr: "Les actualités ne peuvent pas être affichées sur cette page.",
    de: "Die Nachrichten können auf dieser Seite nicht angezeigt werden.",
    es: "Las noticias no se pueden mostrar en esta página.",
    it: "Le notizie non possono essere mostrate in questa pagina.",
    pt: "As notícias não podem ser exibidas nesta página.",
    nl: "Het nieuws kan op deze pagina niet worden getoond.",
    ar: "لا يمكن عرض الأخبار في هذه الصفحة."
  };

  /** Feed requests (and parts of the module) started while the module downloads, by absolute URL:
   *  the module takes each (NewsWidget._take) instead of fetching it again. Once the module runs,
   *  it fetches itself. */
  var prefetched = new Map();
  var running = false;
  /** The same limit the module puts on a feed (15 seconds), counted from this request's start. */
  var FEED_TIMEOUT = 15000;

  /** Starts the request of each of `el`'s feeds now, so they travel while the module downloads.
   *  Not for feeds through a relay (the module decides how to reach them). */
  function prefetch(el, options) {
    var o = options || {};
    var feeds = o.feed != null ? String(o.feed) : el.getAttribute("data-feed");
    if (running || !feeds || o.proxy != null || el.hasAttribute("data-proxy")) return;
    feeds.trim().split(/\s+/).forEach(prefetchOne);
  }

  function prefetchOne(feed) {
    var url;
    try { url = new URL(feed, document.baseURI); } catch (e) { return; }
    if (!/^https?:$/.test(url.protocol) || prefetched.has(url.href)) return;
    var signal = AbortSignal.timeout ? AbortSignal.timeout(FEED_TIMEOUT) : undefined;
    // WebKit rejects a timed-out fetch with an AbortError, not the signal's TimeoutError: the
    // module tells a timeout by that name, so the reason is passed on as the signal gives it.
    var answer = fetch(url.href, { signal: signal }).catch(function (e) {
      throw signal && signal.aborted && signal.reason ? signal.reason : e;
    });
    answer.catch(function () { /* the module reads the failure */ });
    prefetched.set(url.href, answer);
    // Not taken in time (the widget went away, the module failed): forgotten.
    setTimeout(function () { if (prefetched.get(url.href) === answer) prefetched.delete(url.href); }, FEED_TIMEOUT);
  }

  /** The languages whose sentences are each a part of the module (news_widget_core::i18n::LATER;
   *  a test checks it): every one but English. */
  var LATER_WORDS = /^(fr|de|es|it|pt|nl|ar)$/;
  /** The parts of the module an attribute asks for, by its option and attribute names
   *  (src/widget/optional.rs): the pictures' body scan, the links' parameters. */
  var ATTRIBUTE_PARTS = [["thumbnails", "thumbnails", "pictures"], ["linkParams", "link-params", "links"]];

  /** Starts the requests of the parts of the module a widget needs with the module's: its
   *  language's words (the language as the module resolves it: the option, data-lang, the
   *  nearest lang, the browser's), the code its attributes ask for. The module's part loader
   *  takes them (tools/take-parts.mjs) and the widget mounts once they came (partsFirst in
   *  src/lib.rs): no round trip is added. A wrong guess costs a request, never a wrong widget. */
  function prefetchParts(entry, el, options) {
    if (running) return;
    var o = options || {};
    var tag = (o.lang != null ? String(o.lang) : el.getAttribute("data-lang")) ||
      (entry.host.closest("[lang]") || {}).lang || navigator.language || "";
    var lang = tag.split(/[-_]/)[0].toLowerCase();
    if (LATER_WORDS.test(lang)) prefetchPart("words_" + lang);
    warmDates(tag);
    ATTRIBUTE_PARTS.forEach(function (p) {
      var value = o[p[0]] != null ? String(o[p[0]]) : el.getAttribute("data-" + p[1]);
      if (value != null && value.trim() !== "" && value !== "false") prefetchPart(p[2]);
    });
  }

  /** Languages whose relative-time data was loaded while the module downloads. */
  var warmed = {};

  /** Makes a relative-time formatter of `tag` once while the module downloads, in a task of its
   *  own: the first `Intl.RelativeTimeFormat` of a page loads its locale's data, about 50 ms on
   *  a slow phone, which the widget's first teasers would otherwise wait for in one long task.
   *  The browser keeps that data; the module makes its own formatters (src/browser/intl.rs). */
  function warmDates(tag) {
    if (warmed[tag] || !window.Intl || !Intl.RelativeTimeFormat) return;
    warmed[tag] = 1;
    setTimeout(function () {
      try { new Intl.RelativeTimeFormat(tag); } catch (e) { /* refused: the module falls back to English */ }
    }, 0);
  }

  /** Each part's chunks (code it shares with other parts, loaded before it), by number:
   *  written into this file by the build (tools/take-parts.mjs) as JSON text, because esbuild
   *  would hoist an object to a global variable of the page. */
  var PART_CHUNKS = JSON.parse(__PART_CHUNKS__);

  /** Requests `split_<name>.wasm` and the chunks it needs, for the module's part loader to take. */
  function prefetchPart(name) {
    ["split_" + name].concat((PART_CHUNKS[name] || []).map(function (n) { return "chunk_" + n; })).forEach(function (f) {
      var url = new URL(f + ".wasm", base).href;
      if (prefetched.has(url)) return;
      var answer = fetch(url);
      answer.catch(function () { /* the module's part loader reads the failure */ });
      prefetched.set(url, answer);
    });
  }

  /** Whether `el` is within two viewport heights of the viewport (the module's rootMargin). */
  function near(el) {
    var r = el.getBoundingClientRect();
    var h = window.innerHeight || document.documentElement.clientHeight;
    return r.bottom >= -2 * h && r.top <= 3 * h;
  }

  /** The prefetched answer for `url`, once: a promise of a Response, or undefined. */
  function take(url) {
    var answer = prefetched.get(url);
    prefetched.delete(url);
    return answer;
  }

  /** Widgets far below the fold, each waiting for the viewport or for the module (a function each). */
  var waiting = [];

  /** Whether `el` loads only near the viewport (data-lazy or the option, as the module reads it). */
  function isLazy(el, options) {
    var v = options && options.lazy != null ? String(options.lazy) : el.getAttribute("data-lazy");
    return !v || v.trim().toLowerCase() !== "false";
  }

  /** Resolves when the module is needed for `entry`: at once, or (a lazy widget while no other
   *  has asked for the module) when it comes within two viewport heights, as the module's own
   *  watch does. Until then the page has downloaded the loader only. */
  function needed(entry, el, options, eager) {
    if (eager || moduleReady || !isLazy(el, options) || typeof IntersectionObserver !== "function") return Promise.resolve();
    return new Promise(function (resolve) {
      var watch = new IntersectionObserver(function (seen) {
        if (seen.some(function (s) { return s.isIntersecting; })) done();
      }, { rootMargin: "200% 0px 200% 0px" });
      function done() {
        watch.disconnect();
        resolve();
      }
      entry.unwatch = function () { watch.disconnect(); };
      watch.observe(entry.link || entry.host);
      waiting.push(done);
    });
  }

  /** element -> { host, link, created, widget, cancelled, failed, mounting, unwatch } */
  var mounted = new Map();
  /** The hosts this loader placed after scripts and links: not placements of their own. */
  var created = new WeakSet();

  function isOurScript(el) {
    return el.tagName === "SCRIPT" && FILE.test(el.src || "");
  }

  /** The element that receives the shadow root: a new <news-widget> after a script or a link. */
  function placeHost(el) {
    if (el.tagName !== "SCRIPT" && el.tagName !== "A") return { host: el, link: null, created: false };
    var host = document.createElement(TAG);
    created.add(host);
    el.parentNode.insertBefore(host, el.nextSibling);
    return { host: host, link: el.tagName === "A" ? el : null, created: true };
  }

  function hasContent(el) {
    return el.children.length > 0 || /\S/.test(el.textContent || "");
  }

  /** Whether the parser is done with `el`'s children (they are its fallback content). */
  function complete(el) {
    if (document.readyState !== "loading") return true;
    for (var n = el; n; n = n.parentNode) if (n.nextSibling) return true;
    return false;
  }

  function start(el, options, eager) {
    var entry = placeHost(el);
    mounted.set(el, entry);
    if (entry.link) entry.host.hidden = true;
    entry.mounting = needed(entry, el, options, eager).then(function () {
      if (entry.cancelled) return;
      // A widget that loads now (not lazy, or within two viewport heights, where the module's
      // own watch will find it) has its feed requested while the module downloads.
      if (!isLazy(el, options) || near(entry.link || entry.host)) prefetch(el, options);
      prefetchParts(entry, el, options);
      return load().then(function (glue) {
        if (entry.cancelled) return;
        // A widget waits for the parts of the module it needs (see partsFirst in src/lib.rs).
        return new Promise(function (done) {
          if (!glue.partsFirst(entry.host, el, options, done)) done();
        }).then(yieldToPage).then(function () {
          if (entry.cancelled) return;
          entry.widget = glue.mountPlacement(entry.host, el, options, entry.link);
        });
      });
    }).catch(function (e) {
      // Keep the entry (so no scan retries it in a loop) and say so where the widget stands.
      if (!entry.cancelled) fail(entry, el, e);
      throw e;
    });
    return entry.mounting;
  }

  /** A widget whose module cannot run: `error` on its host, its fallback content or link in
   *  view, and (when it has neither) one sentence in place of the widget. */
  function fail(entry, el, e) {
    entry.failed = true;
    var host = entry.host;
    if (entry.link) {
      entry.link.hidden = false;
    } else {
      try {
        var root = host.shadowRoot || host.attachShadow({ mode: "open" });
        while (root.firstChild) root.removeChild(root.firstChild);
        var lang = (el.getAttribute("data-lang") || (host.closest("[lang]") || {}).lang || navigator.language || "");
        var p = document.createElement("p");
        p.setAttribute("part", "error");
        p.textContent = UNAVAILABLE[lang.slice(0, 2).toLowerCase()] || UNAVAILABLE.en;
        // Fallback content says more than the sentence: then it alone stays in view.
        root.appendChild(hasContent(host) ? document.createElement("slot") : p);
      } catch (x) { /* an element that cannot hold a shadow root keeps what it shows */ }
    }
    host.setAttribute("data-state", "error");
    host.dispatchEvent(new CustomEvent("news-widget:error", {
      bubbles: true, composed: true, detail: { message: failure || String(e) }
    }));
  }

  function stop(el) {
    var entry = mounted.get(el);
    if (!entry) return false;
    mounted.delete(el);
    entry.cancelled = true;
    if (entry.unwatch) entry.unwatch();
    if (entry.widget) {
      entry.widget.unmount();
      entry.widget.free();
    }
    if (entry.created && entry.host.parentNode) entry.host.parentNode.removeChild(entry.host);
    if (!entry.created) entry.host.removeAttribute("data-state");
    if (entry.link) entry.link.hidden = false;
    return true;
  }

  function quietly(promise) {
    promise.catch(function () { /* reported by load() */ });
  }

  /** Mounts `el` unless it is mounted, one of our hosts, or still being parsed. */
  function place(el) {
    if (!mounted.has(el) && !created.has(el) && el.isConnected && complete(el)) quietly(start(el));
  }

  /** Mounts every placement not mounted yet, and unmounts those that left the page. */
  function scan() {
    mounted.forEach(function (entry, el) {
      if (!el.isConnected || (!entry.failed && !entry.host.isConnected)) stop(el);
    });
    var scripts = document.querySelectorAll("script[data-feed]");
    for (var i = 0; i < scripts.length; i++) {
      if (isOurScript(scripts[i])) place(scripts[i]);
    }
    // <news-widget> elements too, for a page that defined that name itself (then they are containers).
    var containers = document.querySelectorAll("[data-news-widget], " + TAG + "[data-feed]");
    for (var j = 0; j < containers.length; j++) place(containers[j]);
  }

  var scheduled = false;
  function scheduleScan() {
    if (scheduled) return;
    scheduled = true;
    Promise.resolve().then(function () {
      scheduled = false;
      scan();
    });
  }

  function settled(host) {
    return new Promise(function (resolve) {
      function done(e) {
        host.removeEventListener("news-widget:ready", done);
        host.removeEventListener("news-widget:error", done);
        resolve(Object.assign({ state: host.getAttribute("data-state") }, e.detail));
      }
      host.addEventListener("news-widget:ready", done);
      host.addEventListener("news-widget:error", done);
    });
  }

  window.NewsWidget = Object.freeze({
    // Cargo.toml's version, set by the build (esbuild --define).
    version: __VERSION__,
    /** Mounts a widget in `element` with `options` named as the data attributes without `data-`. */
    mount: function (element, options) {
      if (!(element instanceof Element)) return Promise.reject(new TypeError("[news-widget] mount() needs an element"));
      stop(element);
      // Asked for by script: the module loads at once (the feed still waits for the viewport
      // unless `lazy: false`).
      return start(element, options || {}, true).then(function () { return mounted.get(element).host; });
    },
    /** Removes the widget from `element`; resolves to whether there was one. */
    unmount: function (element) {
      return Promise.resolve(stop(element));
    },
    /** Fetches the feed again; resolves once it is shown (`{ state, count }` or `{ state, message }`). */
    refresh: function (element) {
      var entry = mounted.get(element);
      if (!entry) return Promise.reject(new Error("[news-widget] refresh(): no widget is mounted on this element"));
      load();
      return entry.mounting.then(function () {
        var done = settled(entry.host);
        if (entry.widget) entry.widget.refresh();
        return done;
      });
    },
    _scan: scheduleScan,
    _take: take
  });

  // Placement D. Connecting is seen here, also inside other components' shadow roots, which
  // the page-wide observer below cannot see into. A move (disconnected, then connected again in
  // the same task) keeps the widget; a removal unmounts it once the task is over.
  if (!customElements.get(TAG)) {
    customElements.define(TAG, class extends HTMLElement {
      static get observedAttributes() { return ["data-feed"]; }
      connectedCallback() {
        var el = this;
        if (!el.hasAttribute("data-feed")) return;
        if (complete(el)) place(el);
        else document.addEventListener("DOMContentLoaded", function () { place(el); });
      }
      attributeChangedCallback() {
        // A feed given after connecting; later changes are the widget's own to follow.
        if (this.isConnected) this.connectedCallback();
      }
      disconnectedCallback() {
        var el = this;
        Promise.resolve().then(function () { if (!el.isConnected) stop(el); });
      }
    });
  }

  scan();
  new MutationObserver(scheduleScan).observe(document.documentElement, { childList: true, subtree: true });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
})();
