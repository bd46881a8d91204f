// The package's entry for bundlers: `import { mount } from "news-widget"`. It instantiates the
// module once, on first use (the bundler copies news_widget_bg.wasm beside the bundle, found
// through `new URL(..., import.meta.url)`), and returns the widget handle.
import init, { mount as mountNow, partsFirst } from "./news_widget.js";

let ready;

/** Mounts a widget in `element`; resolves to a handle with `refresh()` and `unmount()`. */
export function mount(element, options) {
  ready ||= init();
  // A widget mounts once the parts of the module it needs have come (its words, its attributes' code).
  return ready
    .then(() => new Promise((done) => partsFirst(element, element, options, done) || done()))
    .then(() => mountNow(element, options));
}
