//! RSS 2.0, 0.9x and 1.0, and Atom 1.0, mapped into the same model as JSON Feed (contract §5).

use crate::dates::parse_date;
use crate::error::{FeedError, Found};
use crate::model::{Body, Feed, ItemParts};
use crate::text::html_to_text;
use crate::xml::{XmlElement, ATOM, ATOM03, CONTENT, DC, MEDIA, RSS1};

/// Maps a parsed XML document's root element. XML that is neither RSS nor Atom is an error.
pub fn map_xml_feed<E: XmlElement>(root: &E) -> Result<Feed, FeedError> {
    match (root.local_name().as_str(), root.namespace().as_deref()) {
        // An <rss> without a channel is an RSS feed with nothing in it.
        ("rss", None) => Ok(root.child("channel", None).map(|c| rss(&c, c.children(), None)).unwrap_or_default()),
        ("RDF", Some(_)) => {
            let channel = root.child("channel", Some(RSS1)).ok_or(FeedError::NotAFeed(Found::OtherXml))?;
            Ok(rss(&channel, root.children(), Some(RSS1)))
        }
        ("feed", Some(ns @ (ATOM | ATOM03))) => Ok(atom(root, if ns == ATOM { ATOM } else { ATOM03 })),
        _ => Err(FeedError::NotAFeed(Found::OtherXml)),
    }
}

fn title_text<E: XmlElement>(el: &E, ns: Option<&str>) -> Option<String> {
    el.child_text("title", ns).map(|t| html_to_text(&t)).filter(|t| !t.is_empty())
}

fn rss<E: XmlElement>(channel: &E, candidates: Vec<E>, ns: Option<&str>) -> Feed {
    let items = candidates
        .iter()
        .filter(|c| c.local_name() == "item" && c.namespace().as_deref() == ns)
        .enumerate()
        .filter_map(|(i, item)| rss_item(item, ns).finish(i))
        .collect();
    Feed { title: title_text(channel, ns), items }
}

fn rss_item<E: XmlElement>(item: &E, ns: Option<&str>) -> ItemParts {
    let description = item.child_text("description", ns);
    let encoded = item.child_text("encoded", Some(CONTENT));
    let link = item.child_text("link", ns).map(|l| l.trim().to_owned());
    let guid = item.child_text("guid", ns).map(|g| g.trim().to_owned());
    let date = item.child_text("pubDate", ns).or_else(|| item.child_text("date", Some(DC)));
    let section = item.child_text("category", ns).or_else(|| item.child_text("subject", Some(DC)));
    let standfirst = if encoded.is_some() { description.clone() } else { None };
    ItemParts {
        id: guid.or_else(|| link.clone()),
        title: title_text(item, ns),
        fallback_text: description.iter().chain(encoded.iter()).cloned().collect(),
        section: section.map(|s| s.trim().to_owned()),
        date: date.and_then(|d| parse_date(&d)),
        summary: standfirst,
        body: encoded.or(description).map(Body::Html),
        link,
        image: rss_image(item),
    }
}

/// An `enclosure` of an image type, else `media:content` (an image), else `media:thumbnail`.
fn rss_image<E: XmlElement>(item: &E) -> Option<String> {
    let children = item.children();
    let enclosure =
        children.iter().find(|c| c.local_name() == "enclosure" && c.attribute("type").is_some_and(|t| t.starts_with("image/")));
    enclosure.and_then(|e| e.attribute("url")).or_else(|| media_image(&children))
}

fn media_image<E: XmlElement>(children: &[E]) -> Option<String> {
    let in_media = |c: &&E, name: &str| c.local_name() == name && c.namespace().as_deref() == Some(MEDIA);
    let is_image = |c: &&E| {
        let medium = c.attribute("medium");
        let kind = c.attribute("type");
        medium.as_deref() == Some("image")
            || kind.is_some_and(|t| t.starts_with("image/"))
            || (medium.is_none() && c.attribute("type").is_none())
    };
    let content = children.iter().find(|c| in_media(c, "content") && is_image(c)).and_then(|c| c.attribute("url"));
    content.or_else(|| children.iter().find(|c| in_media(c, "thumbnail")).and_then(|c| c.attribute("url"))).or_else(|| {
        let group = children.iter().find(|c| in_media(c, "group"))?;
        media_image(&group.children())
    })
}

/// Atom 1.0, or 0.3 (`ns`), whose `issued` and `modified` are 1.0's `published` and `updated`.
fn atom<E: XmlElement>(feed: &E, ns: &str) -> Feed {
    let items = feed
        .children()
        .iter()
        .filter(|c| c.local_name() == "entry" && c.namespace().as_deref() == Some(ns))
        .enumerate()
        .filter_map(|(i, entry)| atom_entry(entry, ns).finish(i))
        .collect();
    Feed { title: title_text(feed, Some(ns)), items }
}

fn atom_entry<E: XmlElement>(entry: &E, ns: &str) -> ItemParts {
    let children = entry.children();
    let atom_children = || children.iter().filter(|c| c.namespace().as_deref() == Some(ns));
    let links: Vec<&E> = atom_children().filter(|c| c.local_name() == "link").collect();
    let link = links.iter().find(|l| l.attribute("rel").is_none_or(|r| r == "alternate")).and_then(|l| l.attribute("href"));
    let image = links
        .iter()
        .find(|l| {
            l.attribute("rel").as_deref() == Some("enclosure") && l.attribute("type").is_some_and(|t| t.starts_with("image/"))
        })
        .and_then(|l| l.attribute("href"))
        .or_else(|| media_image(&children));
    let content = entry.child("content", Some(ns)).and_then(|c| atom_text(&c));
    let summary = entry.child("summary", Some(ns)).and_then(|c| atom_text(&c));
    let date = ["published", "issued", "updated", "modified"].iter().find_map(|d| entry.child_text(d, Some(ns)));
    let section = atom_children().find(|c| c.local_name() == "category").and_then(|c| c.attribute("term"));
    ItemParts {
        id: entry.child_text("id", Some(ns)).map(|i| i.trim().to_owned()),
        title: title_text(entry, Some(ns)),
        fallback_text: content.iter().chain(summary.iter()).map(Body::text).collect(),
        section,
        date: date.and_then(|d| parse_date(&d)),
        summary: summary.map(|s| s.text()),
        body: content,
        link,
        image,
    }
}

/// An Atom text construct: `text` (default), `html`, or `xhtml` (markup inline); in Atom 0.3,
/// `mode="escaped"` content is HTML too.
fn atom_text<E: XmlElement>(el: &E) -> Option<Body> {
    let escaped = el.attribute("mode").as_deref() == Some("escaped");
    let body = match el.attribute("type").as_deref() {
        Some("html") | Some("text/html") => Body::Html(el.text()),
        _ if escaped => Body::Html(el.text()),
        Some("xhtml") | Some("application/xhtml+xml") => Body::Html(el.inner_markup()),
        _ => Body::Text(el.text()),
    };
    (!body.text().is_empty()).then_some(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(xml: &str) -> Result<Feed, FeedError> {
        let doc = roxmltree::Document::parse(xml).expect("test XML parses");
        map_xml_feed(&doc.root_element())
    }

    #[test]
    fn rss_fields_follow_the_contract() {
        let feed = map(r#"<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Midi</title>
            <item><title>Headline &amp; more</title><link>https://e.fr/a</link><guid>g1</guid><category>Économie</category><category>x</category>
            <pubDate>Thu, 16 Oct 2025 09:30:00 +0200</pubDate><description>Stand first</description>
            <content:encoded><![CDATA[<p>Body</p>]]></content:encoded><media:content url="https://e.fr/i.jpg" medium="image"/></item>
            <item><description>No title here, only a description</description></item>
            <item><title> </title><description> </description></item>
            </channel></rss>"#).expect("feed");
        assert_eq!(feed.title.as_deref(), Some("Midi"));
        assert_eq!(feed.items.len(), 2, "the item with no text is skipped");
        let a = &feed.items[0];
        assert_eq!((a.id.as_str(), a.headline.as_str()), ("g1", "Headline & more"));
        assert_eq!(a.section.as_deref(), Some("Économie"));
        assert_eq!(a.standfirst.as_deref(), Some("Stand first"));
        assert_eq!(a.body, Some(Body::Html("<p>Body</p>".into())));
        assert_eq!(a.image.as_deref(), Some("https://e.fr/i.jpg"));
        assert!(a.date.is_some());
        assert_eq!(feed.items[1].headline, "No title here, only a description");
        assert_eq!(feed.items[1].standfirst, None, "description is the body when there is no content:encoded");
    }

    #[test]
    fn atom_fields_follow_the_contract() {
        let feed = map(r#"<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">A &amp;lt;b&amp;gt;</title>
            <entry><id>urn:1</id><title>T</title><updated>2020-01-02T00:00:00Z</updated><category term="Tech"/>
            <link rel="enclosure" type="image/png" href="/i.png"/><link href="https://x/1"/><summary>S</summary>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi</p></div></content></entry></feed>"#)
        .expect("feed");
        let e = &feed.items[0];
        assert_eq!(
            (e.id.as_str(), e.section.as_deref(), e.link.as_deref(), e.image.as_deref()),
            ("urn:1", Some("Tech"), Some("https://x/1"), Some("/i.png"))
        );
        assert_eq!(e.standfirst.as_deref(), Some("S"));
        assert!(matches!(&e.body, Some(Body::Html(h)) if h.contains("<p>Hi</p>")));
    }

    #[test]
    fn other_xml_is_not_a_feed() {
        assert_eq!(map("<html><body/></html>"), Err(FeedError::NotAFeed(Found::OtherXml)));
        assert_eq!(map("<rss version='2.0'/>"), Ok(Feed::default()), "an RSS feed with no channel is empty");
    }

    #[test]
    fn atom_0_3_is_read_too() {
        let feed = map(
            r#"<feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry><title>Old</title><issued>2004-01-01T00:00:00Z</issued>
            <content type="text/html" mode="escaped">safe &lt;b&gt;bold&lt;/b&gt;</content></entry></feed>"#,
        )
        .expect("feed");
        assert_eq!(feed.items[0].headline, "Old");
        assert!(feed.items[0].date.is_some());
        assert_eq!(feed.items[0].body, Some(Body::Html("safe <b>bold</b>".into())));
    }
}
