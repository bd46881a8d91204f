// The test server puts this script first in the <head> of every page it serves, so that what a
// test reads of a page comes the same way in every engine: WebKit's WebDriver has no console
// events, no page errors, no dialogs events, no clock and no init scripts, and Playwright's
// differ between Chromium and Firefox. Each entry is sent with a synchronous request before the
// call that made it returns, so a test that has awaited anything sees it.
(function () {
  "use strict";
  var script = document.currentScript;
  var params = new URL(script ? script.src : location.href).searchParams;
  var token = params.get("t") || "";

  var send = function (kind, text) {
    try {
      var xhr = new XMLHttpRequest();
      xhr.open("POST", "/__rec?t=" + encodeURIComponent(token), false);
      xhr.setRequestHeader("Content-Type", "text/plain");
      xhr.send(JSON.stringify({ kind: kind, text: String(text) }));
    } catch (e) {
      /* the page is going away; nothing to record it with */
    }
  };
  var describe = function (value) {
    if (value instanceof Error) return value.name + ": " + value.message;
    if (typeof value === "object" && value !== null) {
      try { return JSON.stringify(value); } catch (e) { return String(value); }
    }
    return String(value);
  };

  // Console: "<type>: <text>", with Playwright's type names (console.warn is "warning").
  var types = { log: "log", info: "info", debug: "debug", warn: "warning", error: "error" };
  Object.keys(types).forEach(function (name) {
    var original = console[name];
    console[name] = function () {
      send("console", types[name] + ": " + Array.prototype.map.call(arguments, describe).join(" "));
      return original.apply(console, arguments);
    };
  });

  // Uncaught errors and unhandled rejections: what a page error is in every engine.
  window.addEventListener("error", function (e) {
    send("error", e.error instanceof Error ? e.error.message : e.message);
  });
  window.addEventListener("unhandledrejection", function (e) {
    send("error", e.reason instanceof Error ? e.reason.message : describe(e.reason));
  });

  // Content-Security-Policy and Trusted Types refusals, as the engines' consoles word them.
  document.addEventListener("securitypolicyviolation", function (e) {
    send("console", "error: Refused by the Content Security Policy (" + e.violatedDirective + "): " + (e.blockedURI || "inline"));
  });

  // Dialogs: a test asserts none opens; none blocks the page.
  ["alert", "confirm", "prompt"].forEach(function (name) {
    window[name] = function (message) {
      send("dialog", name + ": " + (message === undefined ? "" : message));
      return name === "confirm" ? false : null;
    };
  });

  // The clock (`?clock=<ms since the epoch>`): Date starts there and moves with real time; timers
  // fire as usual, and `__testClock.runFor(ms)` jumps ahead, firing every timer due on the way,
  // in order, as Playwright's clock.runFor does.
  var start = params.get("clock");
  if (start === null) return;
  var RealDate = Date;
  var realNow = RealDate.now.bind(RealDate);
  var realSetTimeout = window.setTimeout.bind(window);
  var realClearTimeout = window.clearTimeout.bind(window);
  var offset = Number(start) - realNow();
  var now = function () { return realNow() + offset; };

  var FakeDate = function Date() {
    if (!(this instanceof FakeDate)) return new RealDate(now()).toString();
    var args = [null].concat(Array.prototype.slice.call(arguments));
    if (arguments.length === 0) args = [null, now()];
    return new (Function.prototype.bind.apply(RealDate, args))();
  };
  FakeDate.prototype = RealDate.prototype;
  FakeDate.now = now;
  FakeDate.parse = RealDate.parse;
  FakeDate.UTC = RealDate.UTC;
  window.Date = FakeDate;

  var timers = new Map();
  var nextId = 1;
  var schedule = function (t) {
    t.real = realSetTimeout(function () { fire(t); }, Math.max(0, t.due - now()));
  };
  var fire = function (t) {
    realClearTimeout(t.real);
    if (!timers.has(t.id)) return;
    if (t.every) {
      t.due += t.every;
      schedule(t);
    } else {
      timers.delete(t.id);
    }
    t.fn.apply(window, t.args);
  };
  // WebKit's WebDriver times its own scripts out with the page's setTimeout: that one keeps real time.
  var automation = function (fn) { return typeof fn === "function" && /JavaScriptTimeout/.test(String(fn)); };
  var add = function (every) {
    var real = every ? window.setInterval.bind(window) : realSetTimeout;
    return function (fn, ms) {
      if (automation(fn)) return -real.apply(window, arguments);
      var delay = Math.max(0, Number(ms) || 0);
      var t = { id: nextId++, fn: fn, args: Array.prototype.slice.call(arguments, 2), due: now() + delay, every: every ? Math.max(1, delay) : 0 };
      timers.set(t.id, t);
      schedule(t);
      return t.id;
    };
  };
  var realClearInterval = window.clearInterval.bind(window);
  var clear = function (id) {
    if (id < 0) return realClearInterval(-id);
    var t = timers.get(id);
    if (!t) return;
    realClearTimeout(t.real);
    timers.delete(id);
  };
  window.setTimeout = add(false);
  window.setInterval = add(true);
  window.clearTimeout = clear;
  window.clearInterval = clear;

  Object.defineProperty(window, "__testClock", {
    enumerable: false,
    value: {
      runFor: function (ms) {
        var target = now() + ms;
        // A timer that sets itself again at once would never let the time reach the target.
        for (var fired = 0; ; fired++) {
          if (fired > 10000) throw new Error("__testClock.runFor: more than 10,000 timers fired on the way");
          var next = null;
          timers.forEach(function (t) {
            if (t.due <= target && (!next || t.due < next.due || (t.due === next.due && t.id < next.id))) next = t;
          });
          if (!next) break;
          if (next.due > now()) offset = next.due - realNow();
          fire(next);
        }
        if (target > now()) offset = target - realNow();
        timers.forEach(function (t) { realClearTimeout(t.real); schedule(t); });
      },
    },
  });
})();
