//! The widget's configuration: every data attribute (or `mount()` option) read once, checked,
//! and turned into a typed value. Defaults and accepted values live here and nowhere else.

use crate::text::fold;

/// Colour scheme; `Auto` follows `prefers-color-scheme` live.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    Light,
    Dark,
    #[default]
    Auto,
}

/// What a headline does: expand the article in place, or go to the article's URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OpenMode {
    #[default]
    Inline,
    Link,
}

/// Where article links open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Target {
    #[default]
    SameTab,
    NewTab,
}

impl Target {
    pub fn as_str(self) -> &'static str {
        match self {
            Target::SameTab => "_self",
            Target::NewTab => "_blank",
        }
    }
}

/// How teaser times are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Dates {
    #[default]
    Relative,
    Absolute,
    None,
}

/// When the widget fetches through the feed relay (`data-proxy`, contract §6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ProxyMode {
    /// Directly, and through the relay once a direct request fails the way a refused
    /// cross-origin request does (then for the rest of the page's life).
    #[default]
    Fallback,
    /// Through the relay only.
    Always,
}

/// How the teasers are arranged (`data-layout`): the same parts in each, but `compact`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// One teaser under the other, the picture (if any) beside the text.
    #[default]
    List,
    /// A grid of cards, picture on top, as many columns as fit.
    Cards,
    /// One line per teaser: time and headline only.
    Compact,
}

impl Layout {
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::List => "list",
            Layout::Cards => "cards",
            Layout::Compact => "compact",
        }
    }
}

/// The widget's own words a site may replace (`data-label-*`), as written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Labels {
    pub read_more: Option<String>,
    pub close: Option<String>,
    pub more: Option<String>,
    pub all: Option<String>,
    pub empty: Option<String>,
    /// May contain `{n}`, the count.
    pub updates: Option<String>,
}

/// A checked configuration. `feed` is as written; the browser resolves it against the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub feed: String,
    pub limit: usize,
    /// BCP 47 tag from `data-lang`; `None` means the nearest `lang`, then the browser's.
    pub lang: Option<String>,
    pub theme: Theme,
    /// Folded section names to keep; empty keeps all.
    pub sections: Vec<String>,
    /// `None`: the feed's title. `Some("")`: no heading.
    pub title: Option<String>,
    pub open: OpenMode,
    pub target: Target,
    pub images: bool,
    /// Seconds between refreshes; 0 never.
    pub refresh: u32,
    pub dates: Dates,
    /// Fetch only when the widget nears the viewport.
    pub lazy: bool,
    /// The relay's URL with `{url}` where the feed's URL goes; `None`: no relay.
    pub proxy: Option<String>,
    pub proxy_mode: ProxyMode,
    /// Query parameters for every link to an article (`utm_source=partner`); `None`: none.
    pub link_params: Option<String>,
    /// A picture at each teaser.
    pub thumbnails: bool,
    /// The picture of teasers whose item has none, as written.
    pub fallback_image: Option<String>,
    /// The item's summary under its headline.
    pub summary: bool,
    pub layout: Layout,
    /// Folded section names to drop.
    pub exclude_sections: Vec<String>,
    /// Folded words or phrases: keep only items that have one (empty keeps all).
    pub keywords: Vec<String>,
    /// Folded words or phrases: drop items that have one.
    pub exclude_keywords: Vec<String>,
    /// Milliseconds: items older than this are hidden; `None` keeps all.
    pub max_age: Option<i64>,
    /// A button that shows `limit` more teasers.
    pub more: bool,
    /// The publisher's news page, as written (a link container's own `href` by default).
    pub all: Option<String>,
    /// Each teaser names its feed; `None`: only with several feeds.
    pub source: Option<bool>,
    pub labels: Labels,
}

pub const DEFAULT_LIMIT: usize = 8;
pub const MAX_LIMIT: usize = 50;
pub const MIN_REFRESH: u32 = 60;

impl Default for Config {
    fn default() -> Self {
        Config {
            feed: String::new(),
            limit: DEFAULT_LIMIT,
            lang: None,
            theme: Theme::Auto,
            sections: Vec::new(),
            title: None,
            open: OpenMode::Inline,
            target: Target::SameTab,
            images: false,
            refresh: 0,
            dates: Dates::Relative,
            lazy: true,
            proxy: None,
            proxy_mode: ProxyMode::Fallback,
            link_params: None,
            thumbnails: false,
            fallback_image: None,
            summary: false,
            layout: Layout::List,
            exclude_sections: Vec::new(),
            keywords: Vec::new(),
            exclude_keywords: Vec::new(),
            max_age: None,
            more: false,
            all: None,
            source: None,
            labels: Labels::default(),
        }
    }
}

/// One attribute of the public surface: its name without `data-` (also the `mount()` option),
/// its type, what it accepts in words, and its default. The config reader, the console
/// sentences, the fuzzer, the TypeScript declarations and README's table come from or are
/// checked against this table (`core/tests/surface.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attribute {
    pub name: &'static str,
    /// The `mount()` option name (camelCase for two-word names).
    pub option: &'static str,
    pub kind: Kind,
    pub accepts: &'static str,
    pub default: Preset,
}

/// What an attribute's value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Url,
    /// A whole number.
    Number,
    LanguageTag,
    /// One of these words (any case).
    Choice(&'static [&'static str]),
    /// `true` or `false`.
    Flag,
    /// Comma-separated names (an array as a `mount()` option).
    List,
    /// Free text.
    Text,
}

/// An attribute's default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    /// The widget cannot work without it.
    Required,
    /// This value, as written in the attribute.
    Value(&'static str),
    /// Something the page or the feed decides, in words.
    Described(&'static str),
}

const fn attr(name: &'static str, kind: Kind, accepts: &'static str, default: Preset) -> Attribute {
    Attribute { name, option: name, kind, accepts, default }
}

/// A two-word attribute, whose `mount()` option is written in camelCase.
const fn attr2(name: &'static str, option: &'static str, kind: Kind, accepts: &'static str, default: Preset) -> Attribute {
    Attribute { name, option, kind, accepts, default }
}

use Preset::{Described, Required, Value};

/// Every attribute the widget reads.
pub const ATTRIBUTES: [Attribute; 32] = [
    attr("feed", Kind::Url, "the URL of a JSON Feed, RSS or Atom feed", Required),
    attr("limit", Kind::Number, "a whole number from 1 to 50", Value("8")),
    attr(
        "lang",
        Kind::LanguageTag,
        "a BCP 47 language tag such as fr or en-GB",
        Described("the nearest lang attribute, else the browser's"),
    ),
    attr("theme", Kind::Choice(&["light", "dark", "auto"]), "light, dark or auto", Value("auto")),
    attr("sections", Kind::List, "comma-separated section names", Described("all")),
    attr("title", Kind::Text, "any text; \"\" hides the heading", Described("the feed's title")),
    attr("open", Kind::Choice(&["inline", "link"]), "inline or link", Value("inline")),
    attr("target", Kind::Choice(&["_self", "_blank"]), "_self or _blank", Value("_self")),
    attr("images", Kind::Flag, "true or false", Value("false")),
    attr("refresh", Kind::Number, "0 (never) or a number of seconds from 60 up", Value("0")),
    attr("dates", Kind::Choice(&["relative", "absolute", "none"]), "relative, absolute or none", Value("relative")),
    attr("lazy", Kind::Flag, "true or false", Value("true")),
    attr("proxy", Kind::Url, "the URL of a feed relay with {url} where the feed's URL goes", Described("none")),
    attr2("proxy-mode", "proxyMode", Kind::Choice(&["fallback", "always"]), "fallback or always", Value("fallback")),
    attr2(
        "link-params",
        "linkParams",
        Kind::Text,
        "query parameters such as utm_source=partner&utm_medium=widget",
        Described("none"),
    ),
    attr("thumbnails", Kind::Flag, "true or false", Value("false")),
    attr2("fallback-image", "fallbackImage", Kind::Url, "the URL of a picture", Described("none")),
    attr("summary", Kind::Flag, "true or false", Value("false")),
    attr("layout", Kind::Choice(&["list", "cards", "compact"]), "list, cards or compact", Value("list")),
    attr2("exclude-sections", "excludeSections", Kind::List, "comma-separated section names", Described("none")),
    attr("keywords", Kind::List, "comma-separated words or phrases", Described("all")),
    attr2("exclude-keywords", "excludeKeywords", Kind::List, "comma-separated words or phrases", Described("none")),
    attr2("max-age", "maxAge", Kind::Text, "a whole number of hours or days such as 36h or 7d", Described("none")),
    attr("more", Kind::Flag, "true or false", Value("false")),
    attr("all", Kind::Url, "the URL of the publisher's news page", Described("none; a link container's own href")),
    attr("source", Kind::Flag, "true or false", Described("true with several feeds, else false")),
    attr2("label-read-more", "labelReadMore", Kind::Text, "any text", Described("the widget's language")),
    attr2("label-close", "labelClose", Kind::Text, "any text", Described("the widget's language")),
    attr2("label-more", "labelMore", Kind::Text, "any text", Described("the widget's language")),
    attr2("label-all", "labelAll", Kind::Text, "any text", Described("the widget's language")),
    attr2("label-empty", "labelEmpty", Kind::Text, "any text", Described("the widget's language")),
    attr2("label-updates", "labelUpdates", Kind::Text, "any text; {n} is the count", Described("the widget's language")),
];

/// The `mount()` option of an attribute (`proxyMode` for `proxy-mode`).
pub fn option_name(attribute: &str) -> &str {
    ATTRIBUTES.iter().find(|a| a.name == attribute).map_or(attribute, |a| a.option)
}

/// The relay's URL for `feed`: `{url}` in `template` replaced by the feed's URL,
/// percent-encoded as `encodeURIComponent` does.
pub fn relayed(template: &str, feed: &str) -> String {
    let mut encoded = String::with_capacity(feed.len() * 3 / 2);
    for b in feed.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            encoded.push(char::from(b));
        } else {
            encoded.extend(crate::link_params::percent(b));
        }
    }
    template.replace("{url}", &encoded)
}

/// The attribute names (without `data-`), for an observer to watch.
pub fn attribute_names() -> Vec<&'static str> {
    ATTRIBUTES.iter().map(|a| a.name).collect()
}

/// Something wrong with one attribute. `Missing` and `InvalidFeed` stop the widget; the
/// others fall back to the default and are still reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigIssue {
    MissingFeed,
    InvalidFeed { value: String },
    Invalid { attribute: &'static str, value: String },
}

impl ConfigIssue {
    pub fn is_fatal(&self) -> bool {
        !matches!(self, ConfigIssue::Invalid { .. })
    }
}

impl Config {
    /// Reads every attribute through `get` (`get("limit")` is `data-limit`), collecting issues.
    pub fn from_attributes(get: impl Fn(&str) -> Option<String>) -> (Config, Vec<ConfigIssue>) {
        let mut r = Reader { get: &get, issues: Vec::new() };
        let d = Config::default();
        let feed = get("feed").map(|f| f.trim().to_owned()).filter(|f| !f.is_empty());
        if feed.is_none() {
            r.issues.push(ConfigIssue::MissingFeed);
        }
        let config = Config {
            feed: feed.unwrap_or_default(),
            limit: r.read("limit", d.limit, |v| v.parse().ok().filter(|n| (1..=MAX_LIMIT).contains(n))),
            lang: r.read(
                "lang",
                None,
                |v| if v.is_empty() { Some(None) } else { is_language_tag(v).then(|| Some(v.to_owned())) },
            ),
            theme: r
                .read("theme", d.theme, |v| one_of(v, &[("light", Theme::Light), ("dark", Theme::Dark), ("auto", Theme::Auto)])),
            sections: r.read("sections", Vec::new(), list),
            // The title is free text: any value is valid, and "" hides the heading.
            title: get("title"),
            open: r.read("open", d.open, |v| one_of(v, &[("inline", OpenMode::Inline), ("link", OpenMode::Link)])),
            target: r.read("target", d.target, |v| one_of(v, &[("_self", Target::SameTab), ("_blank", Target::NewTab)])),
            images: r.read("images", d.images, boolean),
            refresh: r.read("refresh", d.refresh, |v| v.parse().ok().filter(|n| *n == 0 || *n >= MIN_REFRESH)),
            dates: r.read("dates", d.dates, |v| {
                one_of(v, &[("relative", Dates::Relative), ("absolute", Dates::Absolute), ("none", Dates::None)])
            }),
            lazy: r.read("lazy", d.lazy, boolean),
            proxy: r.read(
                "proxy",
                None,
                |v| if v.is_empty() { Some(None) } else { v.contains("{url}").then(|| Some(v.to_owned())) },
            ),
            proxy_mode: r.read("proxy-mode", d.proxy_mode, |v| {
                one_of(v, &[("fallback", ProxyMode::Fallback), ("always", ProxyMode::Always)])
            }),
            // Any text: `link_params::with_params` makes every value safe to add to a link.
            link_params: get("link-params").filter(|v| !v.trim().is_empty()),
            thumbnails: r.read("thumbnails", d.thumbnails, boolean),
            fallback_image: get("fallback-image").map(|v| v.trim().to_owned()).filter(|v| !v.is_empty()),
            summary: r.read("summary", d.summary, boolean),
            layout: r.read("layout", d.layout, |v| {
                one_of(v, &[("list", Layout::List), ("cards", Layout::Cards), ("compact", Layout::Compact)])
            }),
            exclude_sections: r.read("exclude-sections", Vec::new(), list),
            keywords: r.read("keywords", Vec::new(), words),
            exclude_keywords: r.read("exclude-keywords", Vec::new(), words),
            max_age: r.read("max-age", None, |v| if v.is_empty() { Some(None) } else { age(v).map(Some) }),
            more: r.read("more", d.more, boolean),
            all: get("all").map(|v| v.trim().to_owned()).filter(|v| !v.is_empty()),
            source: r.read("source", None, |v| boolean(v).map(Some)),
            labels: Labels {
                read_more: get("label-read-more"),
                close: get("label-close"),
                more: get("label-more"),
                all: get("label-all"),
                empty: get("label-empty"),
                updates: get("label-updates"),
            },
        };
        (config, r.issues)
    }
}

/// Reads one attribute at a time, keeping the default and noting an issue for a wrong value.
/// `get` is a trait object and `read` a thin shell over two plain functions, so that each
/// attribute type adds a few bytes to the module, not a copy of the reader.
struct Reader<'a> {
    get: &'a dyn Fn(&str) -> Option<String>,
    issues: Vec<ConfigIssue>,
}

impl Reader<'_> {
    fn read<T>(&mut self, attribute: &'static str, default: T, parse: impl Fn(&str) -> Option<T>) -> T {
        let Some(value) = (self.get)(attribute) else { return default };
        match parse(value.trim()) {
            Some(t) => t,
            None => self.invalid(attribute, value, default),
        }
    }

    fn invalid<T>(&mut self, attribute: &'static str, value: String, default: T) -> T {
        self.issues.push(ConfigIssue::Invalid { attribute, value });
        default
    }
}

fn one_of<T: Copy>(v: &str, options: &[(&str, T)]) -> Option<T> {
    options.iter().find(|(name, _)| name.eq_ignore_ascii_case(v)).map(|(_, t)| *t)
}

/// Comma-separated names, folded (see `text::fold`).
fn list(v: &str) -> Option<Vec<String>> {
    Some(v.split(',').map(fold).filter(|s| !s.is_empty()).collect())
}

/// Comma-separated words or phrases, folded for whole-word matching (see `words::fold_words`).
fn words(v: &str) -> Option<Vec<String>> {
    Some(v.split(',').map(crate::words::fold_words).filter(|s| !s.is_empty()).collect())
}

/// `36h` or `7d` in milliseconds (at most ten years).
fn age(v: &str) -> Option<i64> {
    let unit = match v.as_bytes().last()? {
        b'h' | b'H' => 3_600_000,
        b'd' | b'D' => 86_400_000,
        _ => return None,
    };
    // As `u32`, which the module already parses (`data-refresh`).
    let n: u32 = v.get(..v.len() - 1)?.parse().ok().filter(|n| (1..=87_600).contains(n))?;
    Some(i64::from(n) * unit)
}

fn boolean(v: &str) -> Option<bool> {
    one_of(v, &[("true", true), ("false", false)])
}

/// A BCP 47 tag's shape: `fr`, `en-GB`, `zh-Hant-TW`. `Intl` has the last word in the browser.
pub fn is_language_tag(v: &str) -> bool {
    let mut parts = v.split(['-', '_']);
    let primary_ok = parts.next().is_some_and(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()));
    primary_ok && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// What an attribute accepts, with its default, for the sentence that reports a wrong value.
pub fn accepted_values(attribute: &str) -> String {
    match ATTRIBUTES.iter().find(|a| a.name == attribute) {
        Some(Attribute { accepts, default: Value(default), .. }) => format!("{accepts} (default {default})"),
        Some(a) => a.accepts.to_owned(),
        None => "a valid value".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(pairs: &[(&str, &str)]) -> (Config, Vec<ConfigIssue>) {
        Config::from_attributes(|k| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| (*v).to_owned()))
    }

    #[test]
    fn defaults_follow_the_contract() {
        let (c, issues) = parse(&[("feed", "/feed.json")]);
        assert!(issues.is_empty());
        assert_eq!(
            (c.limit, c.theme, c.open, c.target, c.images, c.refresh, c.dates),
            (8, Theme::Auto, OpenMode::Inline, Target::SameTab, false, 0, Dates::Relative)
        );
        assert_eq!(c.title, None);
    }

    #[test]
    fn every_attribute_is_read() {
        let (c, issues) = parse(&[
            ("feed", " /f.json "),
            ("limit", "5"),
            ("lang", "en-GB"),
            ("theme", "dark"),
            ("sections", "Économie, SOCIÉTÉ,"),
            ("title", ""),
            ("open", "link"),
            ("target", "_blank"),
            ("images", "true"),
            ("refresh", "120"),
            ("dates", "absolute"),
        ]);
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(c.feed, "/f.json");
        assert_eq!(c.limit, 5);
        assert_eq!(c.lang.as_deref(), Some("en-GB"));
        assert_eq!(c.sections, vec!["economie", "societe"]);
        assert_eq!(c.title.as_deref(), Some(""));
        assert_eq!(
            (c.theme, c.open, c.target, c.images, c.refresh, c.dates),
            (Theme::Dark, OpenMode::Link, Target::NewTab, true, 120, Dates::Absolute)
        );
    }

    #[test]
    fn invalid_optional_values_fall_back_and_are_reported() {
        let (c, issues) = parse(&[("feed", "/f"), ("limit", "0"), ("theme", "pink"), ("refresh", "30"), ("lang", "fr fr")]);
        assert_eq!((c.limit, c.theme, c.refresh, c.lang), (8, Theme::Auto, 0, None));
        assert_eq!(issues.len(), 4);
        assert!(issues.iter().all(|i| !i.is_fatal()));
        assert!(issues.contains(&ConfigIssue::Invalid { attribute: "limit", value: "0".into() }));
    }

    #[test]
    fn the_relay_is_a_template_with_the_feeds_url_encoded() {
        let (c, issues) = parse(&[("feed", "/f"), ("proxy", "https://relay.example/feed?url={url}"), ("proxy-mode", "Always")]);
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!((c.proxy.as_deref(), c.proxy_mode), (Some("https://relay.example/feed?url={url}"), ProxyMode::Always));
        assert_eq!(
            relayed("https://relay.example/feed?url={url}", "https://news.example/rss?a=1&b=é"),
            "https://relay.example/feed?url=https%3A%2F%2Fnews.example%2Frss%3Fa%3D1%26b%3D%C3%A9"
        );
        let (c, issues) = parse(&[("feed", "/f"), ("proxy", "https://relay.example/feed")]);
        assert_eq!(c.proxy, None, "a relay URL without {{url}} cannot be used");
        assert_eq!(issues, vec![ConfigIssue::Invalid { attribute: "proxy", value: "https://relay.example/feed".into() }]);
        assert_eq!(option_name("proxy-mode"), "proxyMode");
    }

    #[test]
    fn a_missing_feed_is_fatal() {
        let (_, issues) = parse(&[("feed", "  ")]);
        assert_eq!(issues, vec![ConfigIssue::MissingFeed]);
        assert!(issues.iter().any(ConfigIssue::is_fatal));
    }

    #[test]
    fn limits_outside_1_to_50_are_rejected() {
        for bad in ["51", "-1", "abc", "2.5", ""] {
            assert_eq!(parse(&[("feed", "f"), ("limit", bad)]).0.limit, 8, "limit {bad:?}");
        }
        assert_eq!(parse(&[("feed", "f"), ("limit", "50")]).0.limit, 50);
    }
}
