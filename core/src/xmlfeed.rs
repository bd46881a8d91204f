//! RSS 2.0, 0.9x, 0.90 and 1.0, and Atom 1.0 and 0.3, mapped into the same model as JSON Feed
//! (contract §5). Each text field is read by its kind: Atom says it (`type`), RSS leaves titles
//! and categories to be guessed (`Body::guess`) and its descriptions are HTML.

use crate::dates::parse_date;
use crate::error::{FeedError, Found};
use crate::model::{Body, Feed, ItemParts};
use crate::xml::{XmlElement, ATOM, ATOM03, CONTENT, DC, MEDIA, RSS090, RSS1};

/// Maps a parsed XML document's root element. XML that is neither RSS nor Atom is an error.
pub fn map_xml_feed<E: XmlElement>(root: &E) -> Result<Feed, FeedError> {
    match (root.local_name().as_str(), root.namespace().as_deref()) {
        // An <rss> without a channel is an RSS feed with nothing in it.
        ("rss", None) => Ok(root.child("channel", None).map(|c| rss(&c, c.children(), None)).unwrap_or_default()),
        // RSS 1.0 and 0.90 are RDF; some 1.0 feeds leave their elements in no namespace, and
        // some put their items inside the channel.
        ("RDF", Some(_)) => {
            let (channel, ns) = [Some(RSS1), Some(RSS090), None]
                .into_iter()
                .find_map(|ns| Some((root.child("channel", ns)?, ns)))
                .ok_or(FeedError::NotAFeed(Found::OtherXml))?;
            let candidates = root.children().into_iter().chain(channel.children()).collect();
            Ok(rss(&channel, candidates, ns))
        }
        ("feed", Some(ns @ (ATOM | ATOM03))) => Ok(atom(root, if ns == ATOM { ATOM } else { ATOM03 })),
        _ => Err(FeedError::NotAFeed(Found::OtherXml)),
    }
}

/// An RSS title: HTML or plain text, by what it holds.
fn rss_title<E: XmlElement>(el: &E, ns: Option<&str>) -> Option<Body> {
    el.child_text("title", ns).map(Body::guess)
}

/// A feed's own title, as text.
fn feed_title(title: Option<Body>) -> Option<String> {
    title.map(|t| t.text()).filter(|t| !t.is_empty())
}

fn rss<E: XmlElement>(channel: &E, candidates: Vec<E>, ns: Option<&str>) -> Feed {
    let items = candidates
        .iter()
        .filter(|c| c.local_name() == "item" && c.namespace().as_deref() == ns)
        .enumerate()
        .filter_map(|(i, item)| rss_item(item, ns).finish(i))
        .collect();
    Feed { title: feed_title(rss_title(channel, ns)), items }
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
        title: rss_title(item, ns),
        fallback_text: description.iter().chain(encoded.iter()).cloned().map(Body::Html).collect(),
        section: section.map(Body::guess),
        date: date.and_then(|d| parse_date(&d)),
        summary: standfirst.map(Body::Html),
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
    Feed { title: feed_title(feed.child("title", Some(ns)).and_then(|t| atom_text(&t))), items }
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
        title: entry.child("title", Some(ns)).and_then(|t| atom_text(&t)),
        fallback_text: content.iter().chain(summary.iter()).cloned().collect(),
        section: section.map(Body::Text),
        date: date.and_then(|d| parse_date(&d)),
        summary,
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
    (!body.is_blank()).then_some(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(xml: &str) -> Result<Feed, FeedError> {
        let doc = roxmltree::Document::parse(xml).expect("test XML parses");
        map_xml_feed(&doc.root_element())
    }

    /// As the widget reads XML: mended and parsed again when it is not well-formed.
    fn mend_and_map(xml: &str) -> Feed {
        let text = roxmltree::Document::parse(xml)
            .map(|_| xml.to_owned())
            .unwrap_or_else(|_| crate::xml::repair_xml(xml).expect("mended"));
        map(&text).expect("feed")
    }

    fn headlines(feed: &Feed) -> Vec<&str> {
        feed.items.iter().map(|i| i.headline.as_str()).collect()
    }

    #[test]
    fn each_field_is_read_by_its_kind() {
        let rss = mend_and_map(
            r#"<rss version="2.0"><channel><title>Le &lt;Midi&gt;</title>
            <item><title>1 &lt; 2 : la preuve</title></item>
            <item><title>Use &lt;template&gt; elements</title></item>
            <item><title>&Eacute;tat, f&ecirc;te, h&ocirc;pital, c&oelig;ur</title><category>Soci&eacute;t&eacute;</category></item>
            <item><title>&amp;Eacute;lections &amp;amp; &lt;b&gt;r&amp;eacute;sultats&lt;/b&gt;</title></item>
            <item><title>&#X41;ssez &#233t&#233;</title></item>
            <item><description><![CDATA[<a title="a > b" href="/x">Lien</a> suite]]></description></item>
            </channel></rss>"#,
        );
        assert_eq!(rss.title.as_deref(), Some("Le <Midi>"));
        assert_eq!(
            headlines(&rss),
            [
                "1 < 2 : la preuve",
                "Use <template> elements",
                "État, fête, hôpital, cœur",
                "Élections & résultats",
                "Assez été",
                "Lien suite"
            ]
        );
        assert_eq!(rss.items[2].section.as_deref(), Some("Société"));
        let atom = map(r#"<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">A &amp;amp; &lt;b&gt;B&lt;/b&gt;</title>
            <entry><title type="text">History of the &lt;blink&gt; tag</title><summary>Prix &lt; 5 &amp;euro;</summary></entry>
            <entry><title type="html">Caf&amp;eacute; &lt;em&gt;noir&lt;/em&gt;</title></entry></feed>"#)
        .expect("feed");
        assert_eq!(atom.title.as_deref(), Some("A & B"));
        assert_eq!(headlines(&atom), ["History of the <blink> tag", "Café noir"]);
        assert_eq!(atom.items[0].standfirst.as_deref(), Some("Prix < 5 &euro;"), "Atom text is text");
    }

    #[test]
    fn rss_0_90_and_1_0_variants_read_like_rss_1_0() {
        for (ns, item_ns) in [
            ("http://my.netscape.com/rdf/simple/0.9/", "http://my.netscape.com/rdf/simple/0.9/"),
            ("http://purl.org/rss/1.0/", "http://purl.org/rss/1.0/"),
        ] {
            let feed = map(&format!(
                r#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="{ns}">
                <channel><title>Mozilla Dot Org</title><link>http://www.mozilla.org</link></channel>
                <image><title>Mozilla</title><url>http://www.mozilla.org/images/moz.gif</url></image>
                <item xmlns="{item_ns}"><title>New Status Updates</title><link>http://www.mozilla.org/status/</link></item>
                <item><title>Bugzilla Reorganized</title><link>http://www.mozilla.org/bugs/</link></item></rdf:RDF>"#
            ))
            .expect("an RDF feed");
            assert_eq!(feed.title.as_deref(), Some("Mozilla Dot Org"), "{ns}");
            assert_eq!(headlines(&feed), ["New Status Updates", "Bugzilla Reorganized"], "{ns}");
            assert_eq!(feed.items[0].link.as_deref(), Some("http://www.mozilla.org/status/"));
        }
        let bare = map(r#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><channel><title>T</title>
            <item><title>Inside the channel</title></item></channel></rdf:RDF>"#)
        .expect("elements in no namespace");
        assert_eq!(headlines(&bare), ["Inside the channel"]);
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
