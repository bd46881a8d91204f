// Types for the news-widget JavaScript API: `window.NewsWidget` (dist/news-widget.js) and the
// events a widget dispatches. See README.md, "Events and JavaScript API".

/** Options of `mount()`, named as the data attributes without `data-`. */
export interface NewsWidgetOptions {
  /** URL of a JSON Feed, RSS or Atom feed, absolute or relative to the page; several separated by white space are merged. Required. */
  feed: string;
  /** Teasers shown, 1 to 50. Default 8. */
  limit?: number | string;
  /** BCP 47 tag for dates and labels. Default: the nearest `lang`, else the browser's. */
  lang?: string;
  theme?: "light" | "dark" | "auto";
  /** Section names to keep (case- and accent-insensitive), as an array or comma-separated. */
  sections?: string[] | string;
  /** Heading above the list; `""` hides it. Default: the feed's title. */
  title?: string;
  open?: "inline" | "link";
  target?: "_self" | "_blank";
  images?: boolean | "true" | "false";
  /** Seconds between refreshes: 0 (never) or 60 and more. */
  refresh?: number | string;
  dates?: "relative" | "absolute" | "none";
  /** Far below the fold, fetch only when the reader nears the widget. Default true. */
  lazy?: boolean | "true" | "false";
  /** URL of a feed relay with `{url}` where the feed's URL goes: `https://relay.example/feed?url={url}`. */
  proxy?: string;
  /** `fallback`: directly, and through the relay when a cross-origin request is refused; `always`: through the relay only. */
  proxyMode?: "fallback" | "always";
  /** Query parameters added to every link to an article: `utm_source=partner&utm_medium=widget`. */
  linkParams?: string;
  /** A picture at each teaser: the item's image, else the first suitable image of its body, else `fallbackImage`. */
  thumbnails?: boolean | "true" | "false";
  /** URL of the picture for teasers whose item has none (with `thumbnails`). */
  fallbackImage?: string;
  /** The item's summary under its headline, at most two lines. */
  summary?: boolean | "true" | "false";
  /** `list`; `cards` (a grid, picture on top); `compact` (one line per teaser). Default `list`. */
  layout?: "list" | "cards" | "compact";
  /** Section names to drop, as an array or comma-separated. */
  excludeSections?: string[] | string;
  /** Keep only items whose headline or summary has one of these words or phrases (whole words, any case and accents). */
  keywords?: string[] | string;
  /** Drop items whose headline or summary has one of these words or phrases. */
  excludeKeywords?: string[] | string;
  /** Hide items older than this: `36h`, `7d`. Undated items stay. */
  maxAge?: string;
  /** A button under the list that shows `limit` more teasers at each press. */
  more?: boolean | "true" | "false";
  /** URL of the publisher's news page, linked under the list. */
  all?: string;
  /** Each teaser names its feed. Default: true with several feeds. */
  source?: boolean | "true" | "false";
  /** The widget's own words, replaced as written. */
  labelReadMore?: string;
  labelClose?: string;
  labelMore?: string;
  labelAll?: string;
  labelEmpty?: string;
  /** `{n}` is the count: `{n} new stories`. */
  labelUpdates?: string;
}

export type NewsWidgetState = "loading" | "ready" | "empty" | "error";

export interface NewsWidgetSettled {
  state: NewsWidgetState;
  /** Teasers shown, after `news-widget:ready`. */
  count?: number;
  /** The reason, after `news-widget:error`. */
  message?: string;
}

export interface NewsWidgetApi {
  readonly version: string;
  /** Mounts a widget in `element`; resolves to the host element. */
  mount(element: Element, options?: Partial<NewsWidgetOptions>): Promise<HTMLElement>;
  /** Removes the widget; resolves to whether there was one. */
  unmount(element: Element): Promise<boolean>;
  /** Fetches the feed again; resolves once it is shown or has failed. */
  refresh(element: Element): Promise<NewsWidgetSettled>;
}

export interface NewsWidgetEventMap {
  "news-widget:ready": CustomEvent<{ count: number }>;
  "news-widget:error": CustomEvent<{ message: string }>;
  "news-widget:open": CustomEvent<{ id: string; url: string | null }>;
  "news-widget:close": CustomEvent<{ id: string }>;
}

declare global {
  interface Window {
    NewsWidget: NewsWidgetApi;
  }
  interface HTMLElementEventMap extends NewsWidgetEventMap {}
  /** The element the loader defines (placement D); configured by its data-* attributes. */
  interface HTMLElementTagNameMap {
    "news-widget": HTMLElement;
  }
  interface DocumentEventMap extends NewsWidgetEventMap {}
}
