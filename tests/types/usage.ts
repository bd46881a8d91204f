// Compiled by `tsc --noEmit --strict` in make test: the declarations describe the real API.
import type {} from "../../dist/news-widget";
import { mount } from "../../pkg/index";

async function page(): Promise<void> {
  const el = document.querySelector<HTMLElement>("#news");
  if (!el) return;
  const host: HTMLElement = await window.NewsWidget.mount(el, { feed: "/feed.json", limit: 5, sections: ["Sport"], theme: "dark" });
  const settled = await window.NewsWidget.refresh(host);
  const state: "loading" | "ready" | "empty" | "error" = settled.state;
  host.addEventListener("news-widget:open", (e) => console.log(e.detail.id, e.detail.url, state));
  document.addEventListener("news-widget:ready", (e) => console.log(e.detail.count));
  const removed: boolean = await window.NewsWidget.unmount(host);
  console.log(removed, window.NewsWidget.version);
  // Placement D: the element is known by its tag name.
  const element: HTMLElementTagNameMap["news-widget"] = document.createElement("news-widget");
  element.addEventListener("news-widget:error", (e) => console.log(e.detail.message));
}

async function bundler(el: HTMLElement): Promise<void> {
  const widget = await mount(el, { feed: "/feed.json", dates: "absolute" });
  widget.refresh();
  widget.unmount();
}

void page;
void bundler;
