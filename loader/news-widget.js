/*! news-widget loader | finds where to mount, loads the WebAssembly module once, mounts. */
// Works as a classic script (with or without async/defer) and as type="module"; defines
// window.NewsWidget and nothing else. Every other file is found next to this script.
(function () {
  "use strict";

  // document.currentScript is null in module scripts and once this first run is over:
  // read it now, and otherwise find this file among the page's scripts by its name.
  var FILE = /(^|\/)news-widget(\.min)?\.js([?#]|$)/;
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

  /** Fetches and instantiates the module once per page, however many tags and widgets. */
  function load() {
    if (!moduleReady) {
      // The module downloads while the glue loads, not after it: one round trip less.
      var wasm = fetch(new URL("news_widget_bg.wasm", base).href);
      moduleReady = import(new URL("news_widget.js", base).href).then(function (glue) {
        return glue.default({ module_or_path: wasm }).then(function () {
          return glue;
        });
      });
      moduleReady.catch(function (e) {
        console.error("[news-widget] The widget could not load its WebAssembly module from " + base +
          ". Check that every file of dist/ is served next to news-widget.js, and that the page's " +
          "Content-Security-Policy allows 'wasm-unsafe-eval'.", e);
      });
    }
    return moduleReady;
  }

  /** element -> { host, link, created, widget, cancelled } */
  var mounted = new Map();

  function isOurScript(el) {
    return el.tagName === "SCRIPT" && FILE.test(el.src || "");
  }

  /** The element that receives the shadow root: a new <news-widget> after a script or a link. */
  function placeHost(el) {
    if (el.tagName !== "SCRIPT" && el.tagName !== "A") return { host: el, link: null, created: false };
    var host = document.createElement("news-widget");
    el.parentNode.insertBefore(host, el.nextSibling);
    return { host: host, link: el.tagName === "A" ? el : null, created: true };
  }

  function start(el, options) {
    var entry = placeHost(el);
    mounted.set(el, entry);
    if (entry.link) entry.host.hidden = true;
    return load().then(function (glue) {
      if (entry.cancelled) return;
      entry.widget = glue.mountPlacement(entry.host, el, options, entry.link);
    }).catch(function (e) {
      // Keep the entry (so no scan retries it in a loop); give a link container its link back.
      entry.failed = true;
      if (entry.created && entry.host.parentNode) entry.host.parentNode.removeChild(entry.host);
      if (entry.link) entry.link.hidden = false;
      throw e;
    });
  }

  function stop(el) {
    var entry = mounted.get(el);
    if (!entry) return false;
    mounted.delete(el);
    entry.cancelled = true;
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

  /** Mounts every placement not mounted yet, and unmounts those that left the page. */
  function scan() {
    mounted.forEach(function (entry, el) {
      if (!el.isConnected || (!entry.failed && !entry.host.isConnected)) stop(el);
    });
    var scripts = document.querySelectorAll("script[data-feed]");
    for (var i = 0; i < scripts.length; i++) {
      if (isOurScript(scripts[i]) && !mounted.has(scripts[i])) quietly(start(scripts[i]));
    }
    var containers = document.querySelectorAll("[data-news-widget]");
    for (var j = 0; j < containers.length; j++) {
      if (!mounted.has(containers[j])) quietly(start(containers[j]));
    }
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
      return start(element, options || {}).then(function () { return mounted.get(element).host; });
    },
    /** Removes the widget from `element`; resolves to whether there was one. */
    unmount: function (element) {
      return Promise.resolve(stop(element));
    },
    /** Fetches the feed again; resolves once it is shown (`{ state, count }` or `{ state, message }`). */
    refresh: function (element) {
      var entry = mounted.get(element);
      if (!entry) return Promise.reject(new Error("[news-widget] refresh(): no widget is mounted on this element"));
      return load().then(function () {
        var done = settled(entry.host);
        if (entry.widget) entry.widget.refresh();
        return done;
      });
    },
    _scan: scheduleScan
  });

  scan();
  new MutationObserver(scheduleScan).observe(document.documentElement, { childList: true, subtree: true });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
})();
