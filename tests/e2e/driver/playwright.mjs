// Chromium and Firefox through Playwright: the interface of driver/index.mjs is Playwright's own.
// Firefox ESR needs playwright-core 1.64.1 (1.65 sends a media-override command on every new
// context that ESR lacks) and cannot emulate the colour scheme or reduced motion per page: a
// context that asks for them gets a Firefox launched with the matching preferences instead.
import { chromium } from "playwright-core";
import { firefox } from "playwright-core-164";

export const CHROMIUM_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync",
];

const FIREFOX_PREFS = {
  // No network of its own: no update checks, telemetry or captive-portal probes on a closed machine.
  "network.captive-portal-service.enabled": false,
  "network.connectivity-service.enabled": false,
  "app.update.enabled": false,
  "browser.safebrowsing.malware.enabled": false,
  "browser.safebrowsing.phishing.enabled": false,
};

export async function launchPlaywright(engine, defaults) {
  const start = (prefs = {}) => engine === "chromium"
    ? chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS })
    : firefox.launch({ channel: "moz-firefox", executablePath: "/usr/bin/firefox-esr", firefoxUserPrefs: { ...FIREFOX_PREFS, ...prefs } });
  const main = await start();
  const others = new Map();
  /** Firefox: the browser whose preferences give this colour scheme and motion setting. */
  const firefoxFor = async ({ colorScheme, reducedMotion }) => {
    const key = `${colorScheme || ""}/${reducedMotion || ""}`;
    if (!others.has(key)) {
      const prefs = {};
      if (colorScheme) prefs["layout.css.prefers-color-scheme.content-override"] = colorScheme === "dark" ? 0 : 1;
      if (reducedMotion) prefs["ui.prefersReducedMotion"] = reducedMotion === "reduce" ? 1 : 0;
      others.set(key, start(prefs));
    }
    return others.get(key);
  };
  return {
    engine,
    async newContext(options = {}) {
      const { colorScheme, reducedMotion, ...rest } = { ...defaults, ...options };
      if (engine === "firefox" && (colorScheme || reducedMotion)) {
        return (await firefoxFor({ colorScheme, reducedMotion })).newContext(rest);
      }
      return main.newContext({ ...rest, colorScheme, reducedMotion });
    },
    async close() {
      await Promise.all([main, ...(await Promise.all(others.values()))].map((b) => b.close()));
    },
  };
}
