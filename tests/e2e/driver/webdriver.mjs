// WebKit (WebKitGTK, Safari's engine) through WebDriver classic: WebKitWebDriver under a
// virtual X display, one fresh MiniBrowser session per context. WebKit has no WebDriver BiDi,
// so this backend implements the calls of driver/index.mjs itself: locators are resolved inside
// the page (CSS through open shadow roots, as Playwright does), clicks and keys are real input
// (WebDriver actions at the element's centre), and every wait polls.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:net";
import { Builder, Key } from "selenium-webdriver";

const DRIVER = "/usr/bin/WebKitWebDriver";
const MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
const TIMEOUT = 30000;
/** The height of MiniBrowser's toolbar above the page, in pixels. */
const TOOLBAR = 38;

/** Each `newContext()` is a WebKitWebDriver of its own (it serves one session at a time) with a
 *  new MiniBrowser, maximized by a window manager on a virtual screen the size of the viewport
 *  (and MiniBrowser's toolbar): GTK will not size a window narrower than that toolbar (447 px)
 *  by request, and a phone's viewport is 375 px. */
export async function launchWebKit(defaults) {
  const screens = new Map();
  const screen = (viewport) => {
    const key = `${viewport.width}x${viewport.height + TOOLBAR}`;
    if (!screens.has(key)) screens.set(key, startXvfb(key));
    return screens.get(key);
  };
  const open = new Set();
  return {
    engine: "webkit",
    async newContext(options = {}) {
      const { viewport = { width: 1280, height: 720 }, colorScheme, reducedMotion } = { ...defaults, ...options };
      const { display } = await screen(viewport);
      const driver = await startDriver(display, { reducedMotion });
      const args = ["--automation"];
      if (colorScheme === "dark") args.push("--dark-mode");
      let wd;
      try {
        wd = await new Builder().usingServer(driver.url).withCapabilities({
          browserName: "MiniBrowser",
          "webkitgtk:browserOptions": { binary: MINIBROWSER, args },
        }).build();
        await settleViewport(wd, viewport);
      } catch (e) {
        driver.kill();
        throw e;
      }
      const context = {
        async newPage() { return new Page(wd, context); },
        async close() {
          if (!open.delete(context)) return;
          await wd.quit().catch(() => {});
          driver.kill();
        },
      };
      open.add(context);
      return context;
    },
    async close() {
      await Promise.all([...open].map((c) => c.close()));
      for (const s of screens.values()) (await s).kill();
    },
  };
}

/** A WebKitWebDriver on a free port, in a language WebKit's Intl can use (under C.UTF-8 its
 *  navigator.language would be "C", which Intl refuses). */
async function startDriver(display, { reducedMotion } = {}) {
  const port = await freePort();
  const env = { ...process.env, DISPLAY: display, LANG: "en_US.UTF-8", LC_ALL: "" };
  if (reducedMotion === "reduce") {
    // WebKitGTK answers prefers-reduced-motion from GTK's gtk-enable-animations setting, which
    // MiniBrowser reads from its configuration folder: this launch gets one of its own.
    env.XDG_CONFIG_HOME = mkdtempSync(join(tmpdir(), "webkit-motion-"));
    mkdirSync(join(env.XDG_CONFIG_HOME, "gtk-3.0"));
    writeFileSync(join(env.XDG_CONFIG_HOME, "gtk-3.0", "settings.ini"), "[Settings]\ngtk-enable-animations=0\n");
  }
  const driver = spawn(DRIVER, [`--port=${port}`, "--host=127.0.0.1"], { env, stdio: ["ignore", "ignore", "pipe"] });
  // GTK says on every start that the C library has no such locale (WebKit uses the tag anyway).
  driver.stderr.on("data", (d) => {
    const text = String(d).split("\n").filter((l) => l.trim() && !/Locale not supported by C library|Using the fallback 'C' locale/.test(l));
    if (text.length) process.stderr.write(`${text.join("\n")}\n`);
  });
  await waitForPort(port);
  return { url: `http://127.0.0.1:${port}`, kill: () => driver.kill() };
}

/** A virtual X screen of `size` ("375x667"). */
async function startXvfb(size) {
  const xvfb = spawn("Xvfb", ["-displayfd", "3", "-nolisten", "tcp", "-screen", "0", `${size}x24`], { stdio: ["ignore", "ignore", "ignore", "pipe"] });
  const display = await new Promise((resolve, reject) => {
    xvfb.on("error", reject);
    xvfb.on("exit", (code) => reject(new Error(`Xvfb exited with ${code}`)));
    xvfb.stdio[3].on("data", (d) => resolve(`:${String(d).trim()}`));
  });
  // A window manager of its own (matchbox gives every window the whole screen).
  const wm = spawn("matchbox-window-manager", ["-use_titlebar", "no", "-use_cursor", "no"], { env: { ...process.env, DISPLAY: display }, stdio: "ignore" });
  return { display, kill: () => { wm.kill(); xvfb.kill(); } };
}

/** Waits until the maximized window's page is the viewport's size. */
async function settleViewport(wd, { width, height }) {
  let inner = [];
  for (let i = 0; i < 50; i++) {
    inner = await wd.executeScript("return [innerWidth, innerHeight]");
    if (inner[0] === width && inner[1] === height) return;
    await sleep(50);
  }
  throw new Error(`WebKit's viewport is ${inner.join(" × ")}, not ${width} × ${height}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

async function waitForPort(port) {
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/status`);
      if (r.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`WebKitWebDriver did not start on port ${port}`);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns something other than undefined, or fails after `timeout`. */
async function poll(probe, timeout, what) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`Timeout ${timeout} ms exceeded waiting for ${what}`);
    await sleep(50);
  }
}

// Inside the page: resolves a locator's steps to elements and does one thing with them.
// Undefined comes back wrapped, since WebDriver turns it into null.
const IN_PAGE = function (steps, op, arg, fn) {
  const splitTop = (text, separators) => {
    const parts = [];
    let depth = 0, quote = "", start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (quote) { if (c === "\\") i++; else if (c === quote) quote = ""; continue; }
      if (c === '"' || c === "'") quote = c;
      else if (c === "(" || c === "[") depth++;
      else if (c === ")" || c === "]") depth--;
      else if (depth === 0) {
        const sep = separators.find((s) => text.startsWith(s, i));
        if (sep !== undefined) { parts.push(text.slice(start, i), sep); i += sep.length - 1; start = i + 1; }
      }
    }
    parts.push(text.slice(start));
    return parts;
  };
  // "a > b c" → compounds ["a", "b", "c"] and combinators [">", " "].
  const parseComplex = (sel) => {
    const tokens = splitTop(sel.trim().replace(/\s*([>+~])\s*/g, "$1").replace(/\s+/g, " "), [" ", ">", "+", "~"]);
    const compounds = [], combinators = [];
    for (let i = 0; i < tokens.length; i += 2) {
      compounds.push(tokens[i]);
      if (i + 1 < tokens.length) combinators.push(tokens[i + 1]);
    }
    return { compounds, combinators };
  };
  const parent = (el) => el.parentElement || (el.parentNode instanceof ShadowRoot ? el.parentNode.host : null);
  const matchAt = (el, sel, i) => {
    if (!el || !el.matches(sel.compounds[i])) return false;
    if (i === 0) return true;
    const comb = sel.combinators[i - 1];
    if (comb === ">") return matchAt(parent(el), sel, i - 1);
    if (comb === "+") return matchAt(el.previousElementSibling, sel, i - 1);
    if (comb === "~") {
      for (let s = el.previousElementSibling; s; s = s.previousElementSibling) if (matchAt(s, sel, i - 1)) return true;
      return false;
    }
    for (let a = parent(el); a; a = parent(a)) if (matchAt(a, sel, i - 1)) return true;
    return false;
  };
  // Every element below `scope`, in order, with each open shadow tree before the host's children.
  const descendants = (scope) => {
    const out = [];
    const walk = (node) => {
      if (node.shadowRoot) for (const c of node.shadowRoot.children) { out.push(c); walk(c); }
      for (const c of node.children) { out.push(c); walk(c); }
    };
    walk(scope);
    return out;
  };
  const css = (scopes, selector) => {
    const list = splitTop(selector, [","]).filter((p, i) => i % 2 === 0).map(parseComplex);
    const seen = new Set(), out = [];
    for (const scope of scopes) {
      for (const el of descendants(scope)) {
        if (!seen.has(el) && list.some((sel) => matchAt(el, sel, sel.compounds.length - 1))) { seen.add(el); out.push(el); }
      }
    }
    return out;
  };
  const norm = (s) => (s || "").replace(/\s+/g, " ").trim();
  const textOf = (el) => norm(el.innerText !== undefined && el.isConnected ? el.innerText : el.textContent);
  const labelled = (text, exact) => {
    const fits = (s) => (exact ? norm(s) === text : norm(s).toLowerCase().includes(text.toLowerCase()));
    const out = [];
    for (const el of descendants(document)) {
      const labels = [...(el.labels || [])].map((l) => l.textContent);
      if (el.getAttribute("aria-label")) labels.push(el.getAttribute("aria-label"));
      for (const id of (el.getAttribute("aria-labelledby") || "").split(/\s+/).filter(Boolean)) {
        const l = document.getElementById(id);
        if (l) labels.push(l.textContent);
      }
      if (labels.some(fits)) out.push(el);
    }
    return out;
  };
  const resolve = (steps) => {
    let els = [document];
    for (const step of steps) {
      if (step.css !== undefined) {
        for (const part of step.css.split(/\s+>>\s+/)) {
          const nth = /^nth=(-?\d+)$/.exec(part);
          els = nth ? [els.at(Number(nth[1]))].filter(Boolean) : css(els, part);
        }
      } else if (step.nth !== undefined) els = [els.at(step.nth)].filter(Boolean);
      else if (step.hasText !== undefined) els = els.filter((el) => norm(el.textContent).toLowerCase().includes(step.hasText.toLowerCase()));
      else if (step.and) { const other = new Set(resolve(step.and)); els = els.filter((el) => other.has(el)); }
      else if (step.label !== undefined) els = labelled(step.label, step.exact);
    }
    return els.filter((el) => el !== document);
  };
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility === "visible";
  };
  const wrap = (v) => (v === undefined ? { undefined: true } : { value: v });
  const els = resolve(steps);
  const el = els[0];
  switch (op) {
    case "count": return wrap(els.length);
    case "allInnerTexts": return wrap(els.map((e) => e.innerText));
    case "visible": return wrap(!!el && visible(el));
  }
  if (!el) return { missing: true };
  const fire = (type) => el.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
  switch (op) {
    case "attached": return wrap(true);
    case "innerText": return wrap(el.innerText);
    case "getAttribute": return wrap(el.getAttribute(arg));
    case "boundingBox": { const r = el.getBoundingClientRect(); return wrap({ x: r.x, y: r.y, width: r.width, height: r.height }); }
    case "evaluate": return Promise.resolve(fn(el, arg)).then(wrap);
    case "focus": el.focus(); return wrap(true);
    case "scroll": el.scrollIntoView({ block: "center", inline: "center" }); return wrap(true);
    case "point": {
      if (!visible(el)) return { hidden: true };
      el.scrollIntoView({ block: "center", inline: "center" });
      const r = el.getBoundingClientRect();
      return wrap({ x: Math.round(r.x + r.width / 2), y: Math.round(r.y + r.height / 2) });
    }
    case "fill": el.focus(); el.value = arg; fire("input"); fire("change"); return wrap(true);
    case "selectOption": el.value = arg; fire("input"); fire("change"); return wrap(true);
    case "check": if (el.checked !== arg) el.click(); return wrap(true);
  }
  throw new Error(`unknown locator operation ${op}`);
};

const KEYS = { Tab: Key.TAB, Enter: Key.ENTER, Escape: Key.ESCAPE, Space: " ", ArrowDown: Key.ARROW_DOWN, ArrowUp: Key.ARROW_UP,
  ArrowLeft: Key.ARROW_LEFT, ArrowRight: Key.ARROW_RIGHT, Home: Key.HOME, End: Key.END, Backspace: Key.BACK_SPACE, Shift: Key.SHIFT };

class Page {
  constructor(wd, context) {
    this.wd = wd;
    this._context = context;
    this.keyboard = { press: (key) => this._press(key) };
  }
  context() { return this._context; }
  /** Loads `url` and gives the page the keyboard focus (after a resize, MiniBrowser may leave it
   *  on its own window), so a first Tab lands in the page as it does in the other engines. */
  async goto(url) {
    await this.wd.get(url);
    await this.wd.executeScript("window.focus()");
  }
  async url() { return this.wd.getCurrentUrl(); }
  async reload() { await this.wd.navigate().refresh(); }
  async waitForTimeout(ms) { await sleep(ms); }
  /** Runs `fn(arg)` in the page; a promise it returns is awaited. */
  async evaluate(fn, arg) {
    const r = await this.wd.executeScript(
      `return Promise.resolve((${fn})(arguments[0])).then((v) => v === undefined ? { undefined: true } : { value: v })`, arg);
    return r.undefined ? undefined : r.value;
  }
  async waitForFunction(fn, arg, { timeout = TIMEOUT } = {}) {
    return poll(async () => (await this.evaluate(fn, arg)) || undefined, timeout, `the page function ${String(fn).slice(0, 120)}`);
  }
  locator(css, options = {}) { return new Locator(this, [{ css }, ...(options.hasText ? [{ hasText: options.hasText }] : [])]); }
  getByLabel(label, { exact = false } = {}) { return new Locator(this, [{ label, exact }]); }
  async addScriptTag({ path }) {
    // Evaluated by the automation, which a page's CSP does not govern (as Playwright's bypassCSP).
    await this.wd.executeScript(`${readFileSync(path, "utf8")}\n;return true;`);
  }
  async screenshot({ path }) {
    const png = await this.wd.takeScreenshot();
    if (path) writeFileSync(path, Buffer.from(png, "base64"));
    return Buffer.from(png, "base64");
  }
  async _press(key) {
    const k = KEYS[key] ?? key;
    await this.wd.actions().keyDown(k).keyUp(k).perform();
  }
  /** The function of a locator's `evaluate` is written into the script, not passed as a string to
   *  eval: a page whose CSP forbids eval (or asks for Trusted Types) would refuse that. */
  async _op(steps, op, arg, fn = "null") {
    return this.wd.executeScript(`return (${IN_PAGE})(arguments[0], arguments[1], arguments[2], ${fn})`, steps, op, arg);
  }
}

class Locator {
  constructor(page, steps) {
    this.page = page;
    this.steps = steps;
  }
  _with(step) { return new Locator(this.page, [...this.steps, step]); }
  locator(css, options = {}) { return new Locator(this.page, [...this.steps, { css }, ...(options.hasText ? [{ hasText: options.hasText }] : [])]); }
  first() { return this._with({ nth: 0 }); }
  nth(n) { return this._with({ nth: n }); }
  filter({ hasText }) { return this._with({ hasText }); }
  and(other) { return this._with({ and: other.steps }); }
  get _name() { return JSON.stringify(this.steps); }

  /** Waits for the first match, then does `op` with it. */
  async _first(op, arg, fn, timeout = TIMEOUT) {
    const r = await poll(async () => {
      const r = await this.page._op(this.steps, op, arg, fn);
      return r.missing || r.hidden ? undefined : r;
    }, timeout, `${this._name} (${op})`);
    return r.undefined ? undefined : r.value;
  }
  async count() { return (await this.page._op(this.steps, "count")).value; }
  async allInnerTexts() { return (await this.page._op(this.steps, "allInnerTexts")).value; }
  async isVisible() { return (await this.page._op(this.steps, "visible")).value; }
  async isHidden() { return !(await this.isVisible()); }
  innerText() { return this._first("innerText"); }
  getAttribute(name) { return this._first("getAttribute", name); }
  boundingBox() { return this._first("boundingBox"); }
  evaluate(fn, arg) { return this._first("evaluate", arg, String(fn)); }
  focus() { return this._first("focus"); }
  scrollIntoViewIfNeeded() { return this._first("scroll"); }
  fill(value) { return this._first("fill", value); }
  selectOption(value) { return this._first("selectOption", value); }
  check() { return this._first("check", true); }
  uncheck() { return this._first("check", false); }
  async press(key) {
    await this.focus();
    await this.page._press(key);
  }
  async click() {
    const { x, y } = await this._first("point");
    await this.page.wd.actions().move({ x, y, origin: "viewport" }).press().release().perform();
  }
  async waitFor({ state = "visible", timeout = TIMEOUT } = {}) {
    await poll(async () => {
      const count = await this.count();
      const visible = count > 0 && (await this.isVisible());
      const done = { attached: count > 0, detached: count === 0, visible, hidden: !visible }[state];
      return done ? true : undefined;
    }, timeout, `${this._name} to be ${state}`);
  }
}
