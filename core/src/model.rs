//! The feed model every format maps into, and the rules that turn raw fields into an item.

use crate::text::{cut_at_word, html_to_text, looks_like_html, plain_text};

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

/// A field of feed text as the format says it is written: HTML (an article's body is still to
/// be sanitized), or plain text, shown exactly as written (`1 < 2` is not a tag, `&amp;` is
/// not a reference).
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    Html(String),
    Text(String),
}

impl Body {
    /// A field that may be either (RSS titles and categories): HTML when it looks like HTML
    /// (see [`looks_like_html`]), else plain text.
    pub fn guess(text: String) -> Body {
        if looks_like_html(&text) {
            Body::Html(text)
        } else {
            Body::Text(text)
        }
    }

    /// The field as plain text, white space collapsed: for headlines, standfirsts and
    /// emptiness checks.
    pub fn text(&self) -> String {
        match self {
            Body::Html(h) => html_to_text(h),
            Body::Text(t) => plain_text(t),
        }
    }

    /// Whether there is nothing to read or see: no text, and (in HTML) no image. HTML is
    /// parsed only when it may be blank: a character outside anything that looks like a tag
    /// means text (at worst a body of only a script is kept, and shows empty), and a feed of
    /// thousands of items is not parsed item by item to learn that.
    pub fn is_blank(&self) -> bool {
        match self {
            Body::Html(h) if h.contains("<img") => false,
            Body::Html(h) => !has_char_outside_brackets(h) && self.text().is_empty(),
            Body::Text(t) => t.trim().is_empty(),
        }
    }
}

/// Whether `html` has a character that is not white space outside every `<…>`.
fn has_char_outside_brackets(html: &str) -> bool {
    let mut in_brackets = false;
    html.chars().any(|c| {
        match c {
            '<' => in_brackets = true,
            '>' if in_brackets => in_brackets = false,
            c if !in_brackets && !c.is_whitespace() => return true,
            _ => {}
        }
        false
    })
}

/// Longest headline made from an item's text, in characters, before the cut at a word.
pub const DERIVED_HEADLINE_CHARS: usize = 90;

/// Raw fields of one item, as a format mapper found them.
#[derive(Debug, Default, Clone)]
pub struct ItemParts {
    pub id: Option<String>,
    pub title: Option<Body>,
    /// Where a headline comes from when there is no title, in order of preference.
    pub fallback_text: Vec<Body>,
    pub section: Option<Body>,
    pub date: Option<Timestamp>,
    /// Shown as text: tags are dropped.
    pub summary: Option<Body>,
    pub body: Option<Body>,
    pub link: Option<String>,
    pub image: Option<String>,
}

impl ItemParts {
    /// The item, or `None` when it has no text at all to make a headline from.
    pub fn finish(self, index: usize) -> Option<Item> {
        let headline = self.headline()?;
        let standfirst = self.summary.as_ref().map(Body::text).filter(|s| !s.is_empty());
        let body = self.body.filter(|b| !b.is_blank());
        let id =
            self.id.filter(|s| !s.trim().is_empty()).or_else(|| self.link.clone()).unwrap_or_else(|| format!("item-{index}"));
        Some(Item {
            id,
            headline,
            section: self.section.as_ref().map(Body::text).filter(|s| !s.is_empty()),
            date: self.date,
            standfirst,
            body,
            link: self.link.map(|l| l.trim().to_owned()).filter(|l| !l.is_empty()),
            image: self.image.map(|l| l.trim().to_owned()).filter(|l| !l.is_empty()),
        })
    }

    fn headline(&self) -> Option<String> {
        if let Some(t) = self.title.as_ref().map(Body::text).filter(|t| !t.is_empty()) {
            return Some(t);
        }
        self.fallback_text.iter().map(Body::text).find(|t| !t.is_empty()).map(|t| cut_at_word(&t, DERIVED_HEADLINE_CHARS))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_without_any_text_is_skipped() {
        let parts = ItemParts { summary: Some(Body::Html("  <img src=x> ".into())), ..Default::default() };
        assert_eq!(parts.finish(0), None, "a teaser needs a headline");
    }

    #[test]
    fn blank_html_is_found_without_parsing_text() {
        for blank in ["", " <p> </p>\n", "<!-- a, b -->", "<div><br/></div>"] {
            assert!(Body::Html(blank.into()).is_blank(), "{blank:?}");
        }
        for text in ["<p>1 < 2</p>", "x", "<img src=a.png>", "&eacute;"] {
            assert!(!Body::Html(text.into()).is_blank(), "{text:?}");
        }
    }

    #[test]
    fn a_headline_is_made_from_text_when_the_title_is_missing() {
        let parts = ItemParts {
            fallback_text: vec![Body::Html("<p>Hello <b>world</b>, this is a note.</p>".into())],
            ..Default::default()
        };
        let item = parts.finish(3).expect("item");
        assert_eq!(item.headline, "Hello world, this is a note.");
        assert_eq!(item.id, "item-3");
    }

    #[test]
    fn ids_fall_back_to_the_link() {
        let parts = ItemParts { title: Some(Body::Text("T".into())), link: Some("https://a/b".into()), ..Default::default() };
        assert_eq!(parts.finish(0).expect("item").id, "https://a/b");
    }
}
