//! The `feeds` allow-list: exact URLs, or prefixes ending in `*`. Both the list and every URL
//! asked for are read by the WHATWG URL parser first, so `..` segments, default ports, letter
//! case and other spellings are settled before anything is compared: `/ok/../secret` is
//! `/secret`, which `/ok/*` does not cover. A prefix never extends past its host (a prefix
//! `https://example.com*` does not allow `https://example.com.evil.example`).

use url::{Position, Url};

#[derive(Debug, Clone)]
enum Entry {
    Exact(Url),
    Prefix { origin: (String, String, u16), path: String },
}

/// The feeds the relay may fetch.
#[derive(Debug, Clone)]
pub struct AllowList(Vec<Entry>);

/// The parts a prefix compares exactly: scheme, host, port.
fn origin_of(u: &Url) -> Option<(String, String, u16)> {
    Some((u.scheme().to_owned(), u.host_str()?.to_owned(), u.port_or_known_default()?))
}

/// Path and query, as the parser wrote them.
fn path_of(u: &Url) -> &str {
    &u[Position::BeforePath..Position::AfterQuery]
}

impl AllowList {
    /// Reads the list; an entry that is not an http(s) URL, carries a user name, a fragment,
    /// or a `*` anywhere but at its end is refused with a sentence naming it.
    pub fn new(entries: &[String]) -> Result<AllowList, String> {
        entries.iter().map(|e| parse_entry(e)).collect::<Result<_, _>>().map(AllowList)
    }

    /// Whether `url` is one of the feeds.
    pub fn allows(&self, url: &Url) -> bool {
        let mut bare = url.clone();
        bare.set_fragment(None);
        self.0.iter().any(|entry| match entry {
            Entry::Exact(allowed) => *allowed == bare,
            Entry::Prefix { origin, path } => {
                origin_of(&bare).as_ref() == Some(origin)
                    && path_of(&bare).starts_with(path.as_str())
                    && !hides_a_separator(&bare)
            }
        })
    }
}

/// An encoded `/` or `\` that a server might decode into a path separator after the prefix
/// was checked (`/ok/..%2fsecret`).
fn hides_a_separator(u: &Url) -> bool {
    let path = u.path().to_ascii_lowercase();
    path.contains("%2f") || path.contains("%5c")
}

fn parse_entry(entry: &str) -> Result<Entry, String> {
    let (text, prefix) = match entry.strip_suffix('*') {
        Some(head) => (head, true),
        None => (entry, false),
    };
    let refuse = |why: &str| format!("\"{entry}\" {why}");
    if text.contains('*') {
        return Err(refuse("has a \"*\" before its end; a prefix ends in \"*\" and has no other."));
    }
    let url = Url::parse(text).map_err(|e| refuse(&format!("is not a URL ({e}).")))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(refuse("is not an http or https URL."));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(refuse("carries a user name or password, which the relay never sends."));
    }
    if url.fragment().is_some() {
        return Err(refuse("has a fragment (#...), which is never sent to a server."));
    }
    if !prefix {
        return Ok(Entry::Exact(url));
    }
    let origin = origin_of(&url).ok_or_else(|| refuse("has no host."))?;
    // `https://example.com*` is read as the whole site: the parser has already added the `/`.
    Ok(Entry::Prefix { origin, path: path_of(&url).to_owned() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(entries: &[&str]) -> AllowList {
        AllowList::new(&entries.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>()).expect("valid list")
    }

    fn allows(l: &AllowList, url: &str) -> bool {
        Url::parse(url).map(|u| l.allows(&u)).unwrap_or(false)
    }

    #[test]
    fn exact_entries_match_every_spelling_of_themselves_only() {
        let l = list(&["https://www.example.com/rss.xml"]);
        assert!(allows(&l, "https://www.example.com/rss.xml"));
        assert!(allows(&l, "HTTPS://WWW.Example.COM:443/rss.xml"));
        assert!(allows(&l, "https://www.example.com/rss.xml#top"));
        assert!(!allows(&l, "https://www.example.com/rss.xml?x=1"));
        assert!(!allows(&l, "http://www.example.com/rss.xml"), "another scheme is another feed");
        assert!(!allows(&l, "https://www.example.com/rss.xml/"));
    }

    #[test]
    fn prefixes_stay_inside_their_path_and_host() {
        let l = list(&["https://news.example.org/ok/*", "https://site.example*"]);
        assert!(allows(&l, "https://news.example.org/ok/feed.xml"));
        assert!(allows(&l, "https://news.example.org/ok/a/b?c=d"));
        assert!(!allows(&l, "https://news.example.org/okay"));
        assert!(!allows(&l, "https://news.example.org/ok/../secret"));
        assert!(!allows(&l, "https://news.example.org/ok/%2e%2e/secret"));
        assert!(!allows(&l, "https://news.example.org/ok/..%2fsecret"));
        assert!(!allows(&l, "https://news.example.org:8443/ok/feed.xml"));
        assert!(!allows(&l, "https://news.example.org.evil.example/ok/feed.xml"));
        assert!(allows(&l, "https://site.example/anything"));
        assert!(!allows(&l, "https://site.example.evil.example/"));
        assert!(!allows(&l, "https://evil.example/?https://site.example/"));
    }

    #[test]
    fn a_bad_entry_is_named() {
        for bad in
            ["ftp://x.example/", "https://user:pw@x.example/", "https://x.example/*/feed", "not a url", "https://x.example/#a"]
        {
            let e = AllowList::new(&[bad.to_owned()]).expect_err(bad);
            assert!(e.contains(bad), "{e}");
        }
    }
}
