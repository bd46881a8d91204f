//! Fuzzing of every parser the network, feed data or attributes reach: dates, attributes,
//! JSON Feed mapping, RSS/Atom mapping, HTML-to-text, entity decoding and the mending passes.
//! Each target runs for `FUZZ_SECONDS` (default 1) and prints its executions; a panic is
//! shrunk to the smallest input that causes it. `make fuzz` runs it longer.

use news_widget_core::config::Config;
use news_widget_core::dates::{parse_date, to_iso};
use news_widget_core::json::repair_json;
use news_widget_core::jsonfeed::map_json_feed;
use news_widget_core::select::select;
use news_widget_core::text::{collapse_whitespace, cut_at_word, fold, html_to_text, looks_like_html, paragraphs, plain_text};
use news_widget_core::xml::repair_xml;
use news_widget_core::xmlfeed::map_xml_feed;
use proptest::prelude::*;
use proptest::test_runner::{Config as RunConfig, TestRunner};
use serde_json::Value;
use std::time::{Duration, Instant};

fn seconds() -> f64 {
    std::env::var("FUZZ_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(1.0)
}

/// Runs `check` on values of `strategy` until the time is up; panics with the shrunk input.
fn fuzz<S: Strategy>(name: &str, strategy: S, check: impl Fn(S::Value)) {
    let deadline = Instant::now() + Duration::from_secs_f64(seconds());
    let config = RunConfig { cases: 256, failure_persistence: None, ..RunConfig::default() };
    let mut executions = 0_u64;
    while Instant::now() < deadline {
        // A runner counts the cases it ran: a fresh one (and a fresh random seed) each round.
        let mut runner = TestRunner::new(config.clone());
        if let Err(e) = runner.run(&strategy, |v| {
            check(v);
            Ok(())
        }) {
            panic!("fuzz {name}: {e}");
        }
        executions += 256;
    }
    println!("fuzz {name}: {executions} executions in {:.0} s, no panic", seconds());
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        "\\PC{0,40}".prop_map(Value::from),
        date_like().prop_map(Value::from),
        "<[a-z]{1,6}( [a-z]{1,5}=\"[^\"]{0,10}\")?>[^<]{0,20}(</[a-z]{1,6}>)?".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((field_name(), inner), 0..8).prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

fn field_name() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "version",
            "title",
            "items",
            "id",
            "url",
            "external_url",
            "content_html",
            "content_text",
            "summary",
            "image",
            "banner_image",
            "date_published",
            "date_modified",
            "tags",
            "_news",
            "section",
        ])
        .prop_map(str::to_owned),
        "[a-z_]{1,8}",
    ]
}

/// A JSON Feed whose fields have random types and values.
fn json_feed() -> impl Strategy<Value = Value> {
    prop::collection::vec(prop::collection::vec((field_name(), json_value()), 0..10), 0..12).prop_map(|items| {
        let items: Vec<Value> = items.into_iter().map(|kv| Value::Object(kv.into_iter().collect())).collect();
        serde_json::json!({ "version": "https://jsonfeed.org/version/1.1", "title": "t", "items": items })
    })
}

fn date_like() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{1,5}-[0-9]{1,3}-[0-9]{1,3}([Tt ][0-9]{1,3}:[0-9]{1,3}(:[0-9]{1,3})?(\\.[0-9]{0,12})?)?(Z|[+-][0-9]{2}:?[0-9]{0,2}| ?[A-Z]{1,4})?",
        "([A-Za-zé]{2,9}, ?)?[0-9]{1,3} [A-Za-z]{3,9}\\.? [0-9]{1,5} [0-9]{1,2}:[0-9]{1,2}(:[0-9]{1,2})? ?([+-][0-9]{4}|[A-Z]{1,5})?",
        // Written dates: a day name, a month name in any order and language, ordinals, a 12-hour
        // clock, `10h04`, zones, comments (the shapes `parse_written` reads).
        "([A-Za-zéäû]{2,9}[.,]? ?)?((jun|juin|Juni|junio|mrt|déc|août|März|mar)\\.? )?[0-9]{1,3}(th|er|\\.)?,? ((jun|Juni|gen|mar)\\.? )?[0-9]{1,5}( (um |à )?[0-9]{1,3}(:|h)[0-9]{1,3}(:[0-9]{1,3})?)? ?(AM|PM|a\\.m\\.|p\\.m\\.)? ?([+-][0-9]{1,5}|[A-Z]{1,5}|\\([A-Za-z ]{0,12}\\)?)?",
        "\\PC{0,30}",
    ]
}

/// RSS and Atom documents built from the elements the mapper reads, with random content.
fn xml_doc() -> impl Strategy<Value = String> {
    let names = prop::sample::select(vec![
        "title",
        "link",
        "guid",
        "description",
        "category",
        "pubDate",
        "content:encoded",
        "dc:date",
        "dc:subject",
        "media:content",
        "media:thumbnail",
        "enclosure",
        "id",
        "summary",
        "content",
        "published",
        "updated",
        "entry",
        "item",
    ]);
    let text = prop_oneof![
        "[^<&]{0,30}",
        date_like().prop_map(|d| d.replace(['<', '&'], "")),
        Just("<![CDATA[<p>x</p><script>1</script>]]>".to_owned()),
        "(&[a-z#0-9]{0,6};?){0,3}",
    ];
    let attrs = "( (href|type|url|rel|term|medium|mode)=\"[a-z/:.]{0,12}\"){0,3}";
    let element = (names, attrs, text).prop_map(|(n, a, t)| format!("<{n}{a}>{t}</{n}>"));
    let entries = prop::collection::vec(prop::collection::vec(element, 0..8).prop_map(|e| e.concat()), 0..6);
    (any::<bool>(), entries).prop_map(|(rss, entries)| {
        let ns = r#"xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/""#;
        if rss {
            let items: String = entries.iter().map(|e| format!("<item>{e}</item>")).collect();
            format!(r#"<rss version="2.0" {ns}><channel><title>t</title>{items}</channel></rss>"#)
        } else {
            let items: String = entries.iter().map(|e| format!("<entry>{e}</entry>")).collect();
            format!(r#"<feed xmlns="http://www.w3.org/2005/Atom" {ns}><title>t</title>{items}</feed>"#)
        }
    })
}

#[test]
fn fuzz_dates() {
    fuzz("dates", date_like(), |s| {
        if let Some(ts) = parse_date(&s) {
            assert!(to_iso(ts).is_some(), "a date that parses can be written back: {s:?}");
        }
    });
}

#[test]
fn fuzz_attributes() {
    // Every attribute of the public surface (the core's table), with any printable value.
    let attr = prop::sample::select(news_widget_core::config::attribute_names());
    fuzz("attributes", prop::collection::vec((attr, "\\PC{0,20}"), 0..12), |pairs| {
        let (config, _) = Config::from_attributes(|k| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone()));
        assert!((1..=50).contains(&config.limit), "limit stays within 1 to 50");
        assert!(config.refresh == 0 || config.refresh >= 60, "refresh is 0 or at least 60");
    });
}

#[test]
fn fuzz_json_feed() {
    fuzz("json feed", prop_oneof![json_feed(), json_value()], |v| {
        if let Ok(feed) = map_json_feed(&&v) {
            assert!(feed.items.iter().all(|i| !i.headline.trim().is_empty()), "every item has a headline");
            let shown = select(&feed.items, &[], 8);
            assert!(shown.len() <= 8);
            assert!(shown.windows(2).all(|w| w[0].date.is_some() || w[1].date.is_none()), "dated items come first");
        }
    });
}

#[test]
fn fuzz_json_text() {
    fuzz("json text", "\\PC{0,60}|[\\[\\]{}\",:0-9a-zA-Z \\n\\\\]{0,60}", |s| {
        if let Some(mended) = repair_json(&s) {
            let _ = serde_json::from_str::<Value>(&mended);
        }
        if let Ok(v) = serde_json::from_str::<Value>(&s) {
            let _ = map_json_feed(&&v);
        }
    });
}

#[test]
fn fuzz_xml_feed() {
    fuzz("xml feed", xml_doc(), |text| {
        let text = repair_xml(&text).unwrap_or(text);
        if let Ok(doc) = roxmltree::Document::parse(&text) {
            if let Ok(feed) = map_xml_feed(&doc.root_element()) {
                assert!(feed.items.iter().all(|i| !i.headline.trim().is_empty()));
            }
        }
    });
}

#[test]
fn fuzz_text() {
    fuzz("text", ("\\PC{0,80}|[<>&#;a-z/!\\[\\] \"'=x0-9]{0,80}", 0_usize..100), |(s, n)| {
        let _ = html_to_text(&s);
        let _ = looks_like_html(&s);
        let _ = plain_text(&s);
        let _ = fold(&s);
        let _ = paragraphs(&s);
        assert!(cut_at_word(&s, n).chars().count() <= n + 1, "a cut headline is at most n characters and an ellipsis");
        let _ = repair_xml(&s);
    });
}

/// Text written with `<`, `>`, `&`, `;`, `#` and letters in any arrangement.
fn tricky_text() -> impl Strategy<Value = String> {
    "[<>&;#/!a-zA-Z0-9 \"'=é]{1,40}".prop_filter("has text", |s| !s.trim().is_empty())
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A plain-text field is shown exactly as the feed's text means it, whatever `<`, `>` and `&`
/// it holds: JSON Feed titles and summaries, Atom `type="text"`, and RSS titles that do not
/// look like HTML. Escaped as XML, such text needs no mending.
#[test]
fn plain_text_is_shown_exactly() {
    fuzz("plain text", tricky_text(), |s| {
        let shown = collapse_whitespace(&s);
        let json =
            serde_json::json!({"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", "title": s, "summary": s}]});
        let feed = map_json_feed(&&json).expect("a JSON Feed");
        assert_eq!(
            (feed.items[0].headline.as_str(), feed.items[0].standfirst.as_deref()),
            (shown.as_str(), Some(shown.as_str()))
        );

        let escaped = xml_escape(&s);
        assert_eq!(repair_xml(&escaped), None, "{escaped} is good XML");
        let atom =
            format!(r#"<feed xmlns="http://www.w3.org/2005/Atom"><entry><title type="text">{escaped}</title></entry></feed>"#);
        let doc = roxmltree::Document::parse(&atom).expect("Atom");
        assert_eq!(map_xml_feed(&doc.root_element()).expect("feed").items[0].headline, shown);

        let rss = format!("<rss><channel><item><title>{escaped}</title></item></channel></rss>");
        let doc = roxmltree::Document::parse(&rss).expect("RSS");
        let items = map_xml_feed(&doc.root_element()).expect("feed").items;
        let headline = items.first().map(|i| i.headline.clone());
        if looks_like_html(&s) {
            // A title that is markup with no text (`<b></b>`) leaves an item without text: skipped (§5).
            let text = html_to_text(&s);
            assert_eq!(headline, (!text.trim().is_empty()).then_some(text));
        } else {
            assert_eq!(headline, Some(shown));
        }
    });
}

/// Found by the fuzzer: an RSS title that is markup with no text (`<b></b>`) makes an item with no text,
/// which is skipped like any other (contract §5), and the feed is still read.
#[test]
fn an_rss_title_of_markup_without_text_is_skipped() {
    let rss = "<rss><channel><item><title>&lt;b&gt;&lt;/b&gt;</title></item><item><title>Kept</title></item></channel></rss>";
    let doc = roxmltree::Document::parse(rss).expect("RSS");
    let feed = map_xml_feed(&doc.root_element()).expect("feed");
    assert_eq!(feed.items.iter().map(|i| i.headline.as_str()).collect::<Vec<_>>(), ["Kept"]);
}

/// Any instant, written in each form feeds use, reads back as that instant.
#[test]
fn written_dates_read_back_as_written() {
    const EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    const FR: [&str; 12] = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];
    const DE: [&str; 12] =
        ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];
    let instant = (1970_i64..2100, 1_usize..=12, 1_i64..=28, 0_i64..24, 0_i64..60, 0_i64..60);
    fuzz("written dates", instant, |(y, mon, d, h, mi, s)| {
        let iso = format!("{y:04}-{mon:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z");
        let (en, fr, de) = (EN[mon - 1], FR[mon - 1], DE[mon - 1]);
        let (h12, ampm) = (if h % 12 == 0 { 12 } else { h % 12 }, if h < 12 { "AM" } else { "PM" });
        for written in [
            format!("Fri, {d} {en} {y} {h:02}:{mi:02}:{s:02} GMT"),
            format!("Fri, {en} {d} {y} {h12}:{mi:02}:{s:02} {ampm}"),
            format!("Fri {en} {d:>2} {h:02}:{mi:02}:{s:02} {y}"),
            format!("ven., {d} {fr} {y} {h:02}:{mi:02}:{s:02} +0000"),
            format!("Freitag, {d}. {de} {y} um {h:02}:{mi:02}:{s:02}"),
        ] {
            assert_eq!(parse_date(&written).and_then(to_iso).as_deref(), Some(iso.as_str()), "{written:?}");
        }
    });
}

/// Whatever `data-link-params` holds, a link keeps its scheme, host, path and fragment, and
/// only gains query parameters.
#[test]
fn link_params_only_ever_add_query_parameters() {
    use news_widget_core::link_params::with_params;
    let link =
        prop::sample::select(vec!["https://news.example/a/b", "https://news.example/a?x=1#top", "http://n.example:8080/p?#"]);
    fuzz("link params", (link, "\\PC{0,40}"), |(link, params)| {
        let out = with_params(link, &params);
        let (base, fragment) = link.split_at(link.find('#').unwrap_or(link.len()));
        let path = base.split('?').next().unwrap_or_default();
        assert!(out.starts_with(base), "{out:?} keeps {base:?}");
        assert!(
            out.ends_with(fragment) && out.matches('#').count() == link.matches('#').count(),
            "{out:?}: one fragment, {fragment:?}"
        );
        let added = &out[base.len()..out.len() - fragment.len()];
        assert!(!added.contains(['#', ' ', '"', '<', '>', '\\']), "{added:?} is query text only");
        assert!(out.strip_prefix(path).is_some_and(|rest| rest.is_empty() || rest.starts_with(['?', '&', '#'])), "{out:?}");
    });
}

/// Whatever a body holds, the picture candidates are `src` values written in it (never made up),
/// and keyword matching and link keys never panic, in any script.
#[test]
fn fuzz_pictures_keywords_and_link_keys() {
    use news_widget_core::select::link_key;
    use news_widget_core::thumbnail::body_images;
    use news_widget_core::words::{contains_word, fold_words};
    let html = "(<img|<IMG|src=|width=|height=|class=emoji|\"|'|>|/| |[a-z0-9.:/?&;=]{1,6}|\\PC{1,3}){0,24}";
    fuzz("pictures, keywords, link keys", (html, "\\PC{0,12}", "\\PC{0,40}"), |(html, word, text)| {
        for src in body_images(&html) {
            assert!(html.contains(src.split("&").next().unwrap_or_default()), "{src:?} comes from {html:?}");
        }
        let folded = fold_words(&text);
        let word = fold_words(&word);
        if !word.is_empty() && contains_word(&folded, &word) {
            assert!(folded.contains(&word));
        }
        let _ = link_key(&text);
        let _ = link_key(&html);
    });
}

/// Filters keep a subset of the items, in order from newest, each id once, whatever they say.
#[test]
fn fuzz_filters() {
    use news_widget_core::model::Item;
    use news_widget_core::select::{choose, Filters};
    let item = ("[a-c]", "\\PC{0,20}", prop::option::of("[A-Za-zÉé]{0,6}"), prop::option::of(0_i64..100)).prop_map(
        |(id, headline, section, date)| Item {
            id,
            headline,
            section,
            date,
            standfirst: None,
            body: None,
            link: None,
            image: None,
        },
    );
    let words = prop::collection::vec("\\PC{1,6}", 0..3);
    let feeds = prop::collection::vec(prop::collection::vec(item, 0..6), 1..3);
    fuzz("filters", (feeds, words.clone(), words, prop::option::of(0_i64..100)), |(feeds, keywords, exclude, since)| {
        let keywords: Vec<String> = keywords.iter().map(|w| news_widget_core::words::fold_words(w)).collect();
        let exclude: Vec<String> = exclude.iter().map(|w| news_widget_core::words::fold_words(w)).collect();
        let slices: Vec<&[Item]> = feeds.iter().map(Vec::as_slice).collect();
        let filters = Filters { keywords: &keywords, exclude_keywords: &exclude, since, ..Filters::default() };
        let chosen = choose(&slices, &filters);
        let total: usize = feeds.iter().map(Vec::len).sum();
        assert!(chosen.len() <= total);
        let mut ids: Vec<&str> = chosen.iter().map(|(_, i)| i.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), chosen.len(), "each id once");
        let dates: Vec<i64> = chosen.iter().map(|(_, i)| i.date.unwrap_or(i64::MIN)).collect();
        assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first: {dates:?}");
        assert!(chosen.iter().all(|(_, i)| since.is_none_or(|s| i.date.is_none_or(|d| d >= s))));
    });
}
