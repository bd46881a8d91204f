//! `/list`: a feed's first teasers as an HTML fragment, for a server-side include or as a
//! widget's fallback content. Items are chosen by the core exactly as the widget chooses them;
//! every text is escaped and only http(s) links are written, so a hostile feed can put nothing
//! but text on the page that includes it.

use chrono::{DateTime, Datelike};
use news_widget_core::sanitize_policy::url_allowed;
use news_widget_core::select::select;
use news_widget_core::Feed;
use std::fmt::Write;
use url::Url;

/// Escapes text for HTML content and double-quoted attributes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A link the fragment may carry: resolved against the feed's URL, and a scheme the widget's
/// own sanitizer allows for a picture or an article link (http, https).
fn safe_link(link: &str, base: &Url) -> Option<String> {
    let url = base.join(link.trim()).ok()?;
    url_allowed(&format!("{}:", url.scheme()), "src").then(|| url.into())
}

const MONTHS_EN: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MONTHS_FR: [&str; 12] =
    ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
const MONTHS_DE: [&str; 12] =
    ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];

/// A date as a reader of `lang` writes it (UTC: a cached fragment cannot know the reader's
/// zone, nor can it say "3 hours ago" for long); ISO 8601 in other languages.
fn date_text(ms: i64, lang: &str) -> Option<(String, String)> {
    let d = DateTime::from_timestamp_millis(ms)?;
    let iso = d.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let month = usize::try_from(d.month0()).ok()?;
    let (day, year) = (d.day(), d.year());
    let primary = lang.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
    let text = match primary.as_str() {
        "en" => format!("{} {day}, {year}", MONTHS_EN.get(month)?),
        "fr" => format!("{day} {} {year}", MONTHS_FR.get(month)?),
        "de" => format!("{day}. {} {year}", MONTHS_DE.get(month)?),
        _ => d.format("%Y-%m-%d").to_string(),
    };
    Some((iso, text))
}

/// The fragment: `<ul class="news-widget-list">` with up to `limit` teasers.
pub fn fragment(feed: &Feed, base: &Url, limit: usize, lang: &str) -> String {
    let mut out = format!("<ul class=\"news-widget-list\" lang=\"{}\">\n", escape(lang));
    for item in select(&feed.items, &[], limit) {
        out.push_str("<li>");
        if let Some(section) = &item.section {
            let _ = write!(out, "<span class=\"news-widget-section\">{}</span> ", escape(section));
        }
        if let Some((iso, text)) = item.date.and_then(|ms| date_text(ms, lang)) {
            let _ = write!(out, "<time datetime=\"{iso}\">{}</time> ", escape(&text));
        }
        let headline = escape(&item.headline);
        match item.link.as_deref().and_then(|l| safe_link(l, base)) {
            Some(href) => {
                let _ = write!(out, "<a href=\"{}\">{headline}</a>", escape(&href));
            }
            None => out.push_str(&headline),
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use news_widget_core::Item;

    fn item(headline: &str, link: Option<&str>, date: Option<i64>) -> Item {
        Item {
            id: headline.into(),
            headline: headline.into(),
            section: Some("Sport <b>".into()),
            date,
            standfirst: None,
            body: None,
            link: link.map(Into::into),
            image: None,
        }
    }

    #[test]
    fn every_text_is_escaped_and_only_web_links_are_kept() {
        let feed = Feed {
            title: None,
            items: vec![
                item("<script>alert(1)</script>", Some("javascript:alert(1)"), None),
                item("Quote \" and 'apostrophe'", Some("/a?x=1&y=\"2\""), Some(1_780_000_000_000)),
            ],
        };
        let base = Url::parse("https://news.example/feed.xml").expect("url");
        let html = fragment(&feed, &base, 8, "fr");
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;</li>"), "the unsafe link is dropped: {html}");
        assert!(
            html.contains("<a href=\"https://news.example/a?x=1&amp;y=%222%22\">Quote &quot; and &#39;apostrophe&#39;</a>"),
            "{html}"
        );
        assert!(html.contains("<span class=\"news-widget-section\">Sport &lt;b&gt;</span>"));
        assert!(html.contains("<time datetime=\"2026-05-28T20:26:40Z\">28 mai 2026</time>"), "{html}");
        assert!(html.starts_with("<ul class=\"news-widget-list\" lang=\"fr\">"));
        assert_eq!(fragment(&feed, &base, 1, "en").matches("<li>").count(), 1);
    }
}
