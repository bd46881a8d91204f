// One browser interface for the end-to-end tests, whichever engine runs them, so a test is
// written once. The interface is the part of Playwright's Page and Locator that the tests use
// (listed below); Chromium and Firefox run it through Playwright, WebKit through a WebDriver
// backend that implements the same calls. What a test reads of a page (console, errors,
// dialogs, the clock, the requests) does not come from here but from the test server and the
// recorder script it puts in every page (driver/recorder.js), which work the same everywhere.
//
// browser.newContext({ viewport, colorScheme, reducedMotion }) → context
// context.newPage() → page; context.close()
// page: goto, url, reload, evaluate, waitForFunction, waitForTimeout, locator(css, { hasText }),
//   getByLabel(text, { exact }), keyboard.press(key), screenshot({ path }), and addScript(page, path) below,
//   context()
// locator: locator, first, nth, filter({ hasText }), and, count, innerText, allInnerTexts,
//   getAttribute, isVisible, isHidden, boundingBox, evaluate, waitFor({ state, timeout }), click,
//   focus, fill, press, selectOption, check, uncheck, scrollIntoViewIfNeeded
// CSS selectors reach into open shadow roots, and `selector >> nth=N` picks one match, as in
// Playwright.

/** The engine this run tests: E2E_ENGINE=chromium (default), firefox or webkit. */
export const ENGINE = process.env.E2E_ENGINE || "chromium";
/** E2E_PHONE=1: every page opens at a phone's viewport (375 × 667). */
export const PHONE = process.env.E2E_PHONE === "1";
export const PHONE_VIEWPORT = { width: 375, height: 667 };

const ENGINES = ["chromium", "firefox", "webkit"];

/** Runs a script file in the page, whatever its CSP and Trusted Types say (axe-core, say): a
 *  <script> element would be refused by a strict page in Firefox even with CSP bypassed. */
export async function addScript(page, path) {
  if (ENGINE === "webkit") return page.addScriptTag({ path });
  const { readFileSync } = await import("node:fs");
  await page.evaluate(`${readFileSync(path, "utf8")}\n;true`);
}

/** Starts the engine's browser (or, for WebKit, its WebDriver server). */
export async function launch() {
  if (!ENGINES.includes(ENGINE)) throw new Error(`E2E_ENGINE=${ENGINE}: it must be one of ${ENGINES.join(", ")}`);
  const defaults = PHONE ? { viewport: PHONE_VIEWPORT } : {};
  if (ENGINE === "webkit") {
    const { launchWebKit } = await import("./webdriver.mjs");
    return launchWebKit(defaults);
  }
  const { launchPlaywright } = await import("./playwright.mjs");
  return launchPlaywright(ENGINE, defaults);
}
