import type { NewsWidgetOptions } from "./news-widget";
export type { NewsWidgetOptions, NewsWidgetEventMap, NewsWidgetState } from "./news-widget";

/** A mounted widget. */
export interface Widget {
  /** Fetches the feed again; an open article stays open. */
  refresh(): void;
  /** Removes the widget and stops its timers, observers and requests. */
  unmount(): void;
  /** Releases the handle (after unmount). */
  free(): void;
}

/** Mounts a widget in `element` (in its shadow root). */
export function mount(element: HTMLElement, options?: Partial<NewsWidgetOptions>): Promise<Widget>;
