//! The feed model every format maps into, and the rules that turn raw fields into an item.

use crate::text::{collapse_whitespace, cut_at_word, decode_entities, html_to_text};

/// Milliseconds since the Unix epoch, UTC.
pub type Timestamp = i64;

/// A feed after mapping: what the widget shows, whatever the format was.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Feed {
    pub title: Option<String>,
    pub items: Vec<Item>,
}

/// One news item, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: String,
    pub headline: String,
    pub section: Option<String>,
    pub date: Option<Timestamp>,
    /// Plain text.
    pub standfirst: Option<String>,
    pub body: Option<Body>,
    /// Absolute or relative URL as the feed gave it; the browser resolves and checks it.
    pub link: Option<String>,
    pub image: Option<String>,
}

impl Item {
    /// An HTML id for the item's article, stable across refreshes (the feed's id can be any
    /// string, a URL for instance): FNV-1a of the id.
    pub fn dom_id(&self) -> String {
        let hash = self.id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
        format!("nw-{hash:016x}")
    }
}

/// The article's body: HTML still to be sanitized, or plain text.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    Html(String),
    Text(String),
}

impl Body {
    /// The body as plain text, for headlines and emptiness checks.
    pub fn text(&self) -> String {
        match self {
            Body::Html(h) => html_to_text(h),
            Body::Text(t) => collapse_whitespace(t),
        }
    }
}

/// Longest headline made from an item's text, in characters, before the cut at a word.
pub const DERIVED_HEADLINE_CHARS: usize = 90;

/// Raw fields of one item, as a format mapper found them.
#[derive(Debug, Default, Clone)]
pub struct ItemParts {
    pub id: Option<String>,
    /// The title as plain text (entities are decoded, tags are kept as text).
    pub title: Option<String>,
    /// Where a headline comes from when there is no title: HTML or text, in order of preference.
    pub fallback_text: Vec<String>,
    pub section: Option<String>,
    pub date: Option<Timestamp>,
    /// HTML or text; tags are dropped for display.
    pub summary: Option<String>,
    pub body: Option<Body>,
    pub link: Option<String>,
    pub image: Option<String>,
}

impl ItemParts {
    /// The item, or `None` when it has no text at all to make a headline from.
    pub fn finish(self, index: usize) -> Option<Item> {
        let headline = self.headline()?;
        let standfirst = self.summary.as_deref().map(html_to_text).filter(|s| !s.is_empty());
        let body = self.body.filter(|b| !b.text().is_empty() || matches!(b, Body::Html(h) if h.contains("<img")));
        let id =
            self.id.filter(|s| !s.trim().is_empty()).or_else(|| self.link.clone()).unwrap_or_else(|| format!("item-{index}"));
        Some(Item {
            id,
            headline,
            section: self.section.map(|s| collapse_whitespace(&decode_entities(&s))).filter(|s| !s.is_empty()),
            date: self.date,
            standfirst,
            body,
            link: self.link.map(|l| l.trim().to_owned()).filter(|l| !l.is_empty()),
            image: self.image.map(|l| l.trim().to_owned()).filter(|l| !l.is_empty()),
        })
    }

    fn headline(&self) -> Option<String> {
        let title = self.title.as_deref().map(|t| collapse_whitespace(&decode_entities(t)));
        if let Some(t) = title.filter(|t| !t.is_empty()) {
            return Some(t);
        }
        self.fallback_text
            .iter()
            .map(|t| html_to_text(t))
            .find(|t| !t.is_empty())
            .map(|t| cut_at_word(&t, DERIVED_HEADLINE_CHARS))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_without_any_text_is_skipped() {
        let parts = ItemParts { summary: Some("  <img src=x> ".into()), ..Default::default() };
        assert_eq!(parts.finish(0), None, "a teaser needs a headline");
    }

    #[test]
    fn a_headline_is_made_from_text_when_the_title_is_missing() {
        let parts = ItemParts { fallback_text: vec!["<p>Hello <b>world</b>, this is a note.</p>".into()], ..Default::default() };
        let item = parts.finish(3).expect("item");
        assert_eq!(item.headline, "Hello world, this is a note.");
        assert_eq!(item.id, "item-3");
    }

    #[test]
    fn ids_fall_back_to_the_link() {
        let parts = ItemParts { title: Some("T".into()), link: Some("https://a/b".into()), ..Default::default() };
        assert_eq!(parts.finish(0).expect("item").id, "https://a/b");
    }
}
