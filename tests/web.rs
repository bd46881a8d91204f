//! Browser tests of the components and adapters (`wasm-pack test --headless --chrome` and
//! `--firefox`): the real DOM, Intl, DOMParser and Leptos, without a network.
#![cfg(target_arch = "wasm32")]

use news_widget::browser::html::{sanitize, Options};
use news_widget::browser::intl::Clock;
use news_widget::browser::timers::yield_now;
use news_widget::load::parse_feed;
use news_widget::view::draw::draw;
use news_widget::view::widget::news_widget;
use news_widget::widget::state::{FeedUrl, Load, Shown, WidgetState};
use news_widget_core::{Config, Target};
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, ShadowRootInit, ShadowRootMode};

wasm_bindgen_test_configure!(run_in_browser);

const FEED: &str = r#"{"version":"https://jsonfeed.org/version/1.1","title":"Le fil","items":[
  {"id":"a","title":"Ancien","_news":{"section":"Sport"},"date_published":"2020-01-01T00:00:00Z","content_text":"Un.\nDeux."},
  {"id":"b","title":"Récent","_news":{"section":"Économie"},"date_published":"2024-01-01T00:00:00Z","summary":"Chapeau",
   "content_html":"<p>Corps <b>gras</b></p><script>window.__pwned=1</script>","url":"/articles/b"},
  {"id":"c","title":"Sans date"}
]}"#;

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("a document")
}

/// Mounts a widget showing `FEED` in a fresh host; returns the host and the mount handle.
fn mount_feed(config: Config) -> (HtmlElement, impl Drop) {
    let host: HtmlElement = document().create_element("div").expect("div").unchecked_into();
    document().body().expect("body").append_child(&host).expect("append");
    let root = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)).expect("shadow");
    let feed = parse_feed(FEED, "https://news.example/feed.json").expect("the test feed parses");
    let state = WidgetState::new(host.clone().into(), config, "fr".into(), false);
    state.ensure_clock();
    let url = FeedUrl("https://news.example/feed.json".into());
    state.set_load(Load::Ready { feeds: vec![Shown { url, feed: Arc::new(feed) }], fetched_at: 0, stale: false });
    let handle = draw(root.unchecked_ref(), state, move || news_widget(state));
    (host, handle)
}

/// Waits for the view's first drawing (a task after mounting: `view::draw`).
async fn drawn(host: &HtmlElement) {
    for _ in 0..100 {
        if host.shadow_root().and_then(|r| r.first_element_child()).is_some() {
            return;
        }
        yield_now().await;
    }
    panic!("the view was not drawn");
}

fn query_all(host: &HtmlElement, selector: &str) -> Vec<web_sys::Element> {
    let list = host.shadow_root().expect("open root").query_selector_all(selector).expect("selector");
    (0..list.length()).filter_map(|i| list.item(i)).map(|n| n.unchecked_into()).collect()
}

/// Clicks the `n`th headline and lets the view redraw.
async fn click_headline(host: &HtmlElement, n: usize) -> HtmlElement {
    let button: HtmlElement = query_all(host, "button[part~=headline]")[n].clone().unchecked_into();
    button.click();
    yield_now().await;
    button
}

fn texts(host: &HtmlElement, selector: &str) -> Vec<String> {
    query_all(host, selector).iter().map(|e| e.text_content().unwrap_or_default()).collect()
}

#[wasm_bindgen_test]
async fn teasers_are_newest_first_with_undated_last() {
    let (host, _handle) = mount_feed(Config { feed: "x".into(), ..Config::default() });
    drawn(&host).await;
    assert_eq!(texts(&host, "[part~=headline]"), ["Récent", "Ancien", "Sans date"]);
    assert_eq!(texts(&host, "[part~=section]"), ["Économie", "Sport"]);
    assert_eq!(texts(&host, "[part~=title]"), ["Le fil"]);
    let times = query_all(&host, "time[part~=time]");
    assert_eq!(times.len(), 2, "an undated item has no time");
    assert_eq!(times[0].get_attribute("datetime").as_deref(), Some("2024-01-01T00:00:00Z"));
    assert!(times[0].text_content().unwrap_or_default().starts_with("il y a"), "French relative time");
}

#[wasm_bindgen_test]
async fn a_click_opens_the_sanitized_article_and_a_second_click_closes_it() {
    let (host, _handle) = mount_feed(Config { feed: "x".into(), ..Config::default() });
    drawn(&host).await;
    let button = click_headline(&host, 0).await;
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert_eq!(texts(&host, "[part~=standfirst]"), ["Chapeau"]);
    let body = &query_all(&host, "[part~=body]")[0];
    // (Leptos leaves an empty marker comment where the text paragraphs would go.)
    assert_eq!(body.inner_html().replace("<!---->", ""), "<p>Corps <b>gras</b></p>", "the script is gone, the markup kept");
    let link = &query_all(&host, "a[part~=source-link]")[0];
    assert_eq!(link.get_attribute("href").as_deref(), Some("https://news.example/articles/b"), "resolved against the feed");
    button.click();
    yield_now().await;
    assert!(query_all(&host, "[part~=article]").is_empty());
}

#[wasm_bindgen_test]
async fn text_bodies_become_paragraphs() {
    let (host, _handle) = mount_feed(Config { feed: "x".into(), ..Config::default() });
    drawn(&host).await;
    click_headline(&host, 1).await;
    assert_eq!(texts(&host, "[part~=body] p"), ["Un.", "Deux."]);
}

fn clean(html: &str) -> String {
    let options = Options { base: "https://feed.example/post", target: Target::SameTab };
    let fragment = sanitize(html, &options).expect("sanitize");
    let div = document().create_element("div").expect("div");
    div.append_child(&fragment).expect("append");
    div.inner_html()
}

#[wasm_bindgen_test]
fn the_sanitizer_keeps_text_markup_and_drops_active_content() {
    assert_eq!(clean("<p onclick=alert(1) style=color:red>Hi <em>you</em></p>"), "<p>Hi <em>you</em></p>");
    assert_eq!(clean("<a href=' JaVaScRiPt:alert(1)'>x</a>"), r#"<a rel="noopener noreferrer" target="_self">x</a>"#);
    assert_eq!(clean("<a href='&#106;avascript:alert(1)'>x</a>"), r#"<a rel="noopener noreferrer" target="_self">x</a>"#);
    assert_eq!(
        clean("<a href='/next'>n</a>"),
        r#"<a href="https://feed.example/next" rel="noopener noreferrer" target="_self">n</a>"#
    );
    assert_eq!(
        clean("<img src=x.png onerror=alert(1)>"),
        r#"<img src="https://feed.example/x.png" loading="lazy" decoding="async" alt="">"#
    );
    assert_eq!(clean("<img src='data:image/svg+xml,<svg onload=alert(1)>'>"), "", "an image without a safe src is dropped");
    for hostile in [
        "<script>alert(1)</script>",
        "<iframe srcdoc='<script>alert(1)</script>'></iframe>",
        "<svg><script>alert(1)</script></svg>",
        "<math><mi><style><img src=x onerror=alert(1)></style></mi></math>",
        "<form action=/x><input></form>",
        "<style>*{color:red}</style>",
        "<template><img src=x onerror=alert(1)></template>",
        "<object data=x></object>",
        "<embed src=x>",
        "<base href=//evil>",
        "<meta http-equiv=refresh content='0;url=//evil'>",
    ] {
        assert_eq!(clean(hostile), "", "{hostile} must leave nothing");
    }
    // The noscript mutation-XSS vector: harmless here, since the nodes are built, never re-parsed.
    let mxss = clean("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>");
    assert!(!mxss.contains("onerror") && !mxss.contains("noscript"), "{mxss}");
    assert_eq!(clean("<font color=red><blink>kept text</blink></font>"), "kept text", "unknown wrappers are unwrapped");
}

#[wasm_bindgen_test]
fn intl_writes_relative_and_absolute_dates_in_any_language() {
    let day = 86_400_000_i64;
    let now = 1_760_000_000_000_i64;
    let word = |lang: &str| Clock::new(lang).expect("clock").relative(now - 3 * day, now);
    assert_eq!(word("fr"), "il y a 3 jours");
    assert_eq!(word("en"), "3 days ago");
    assert_eq!(word("de"), "vor 3 Tagen");
    assert_eq!(Clock::new("not a tag!").expect("falls back").relative(now - day * 14, now), "2 weeks ago");
    assert!(Clock::new("fr").expect("clock").absolute(now).contains("2025"));
}

#[wasm_bindgen_test]
fn rss_and_atom_parse_through_domparser() {
    let rss = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>R</title>
        <item><title>One</title><link>https://r.example/1</link><category>Tech</category></item></channel></rss>"#;
    let feed = parse_feed(rss, "https://r.example/feed").expect("rss");
    assert_eq!((feed.title.as_deref(), feed.items[0].headline.as_str()), (Some("R"), "One"));
    let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><id>1</id><title>E</title>
        <link href="/e"/></entry></feed>"#;
    let feed = parse_feed(atom, "https://a.example/feed").expect("atom");
    assert_eq!(feed.items[0].link.as_deref(), Some("https://a.example/e"));
    assert!(parse_feed("<rss><channel><item>", "https://x/").is_err(), "truncated XML is an error, not a panic");
    assert!(parse_feed("{\"version\":", "https://x/").is_err());
}

/// The browser's parser gives the core HTML's text and every character reference (issue 16).
#[wasm_bindgen_test]
fn feed_text_is_read_by_the_browsers_html_parser() {
    let rss = r#"<rss version="2.0"><channel><title>T</title>
        <item><title>1 &lt; 2 : la preuve</title></item>
        <item><title>&Eacute;tat, f&ecirc;te, h&ocirc;pital, c&oelig;ur &#X41;</title></item>
        <item><description><![CDATA[<p><a title="a > b" href="/x">Lien</a> suite<script>no</script></p>]]></description></item>
        </channel></rss>"#;
    let feed = parse_feed(rss, "https://r.example/feed").expect("mended and read");
    let headlines: Vec<&str> = feed.items.iter().map(|i| i.headline.as_str()).collect();
    assert_eq!(headlines, ["1 < 2 : la preuve", "État, fête, hôpital, cœur A", "Lien suite"]);
    let json = r#"{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","title":"Prix < 5 € &amp; plus"}]}"#;
    assert_eq!(parse_feed(json, "https://j.example/").expect("json").items[0].headline, "Prix < 5 € &amp; plus");
}
