//! Recognises a feed's format from its content, never from its URL or content type.

/// What a response body looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    /// XML: RSS or Atom once its root element is known.
    Xml,
    Html,
    Nothing,
    Text,
}

/// Looks at the first characters of a body.
pub fn detect(body: &str) -> Format {
    let s = body.trim_start_matches('\u{feff}').trim_start();
    let head: String = s.chars().take(64).collect::<String>().to_ascii_lowercase();
    if s.is_empty() {
        Format::Nothing
    } else if s.starts_with(['{', '[']) {
        Format::Json
    } else if head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with("<head") {
        Format::Html
    } else if s.starts_with('<') {
        Format::Xml
    } else {
        Format::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_formats_by_content() {
        assert_eq!(detect("\u{feff}  {\"version\":1}"), Format::Json);
        assert_eq!(detect("<?xml version=\"1.0\"?><rss/>"), Format::Xml);
        assert_eq!(detect("<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(detect(" \n"), Format::Nothing);
        assert_eq!(detect("Hello"), Format::Text);
    }
}

/// The encoding a body declares: the `encoding` of an XML declaration, else the `charset` of
/// the content type. `head` is the body's first bytes. `None` means nothing is declared.
pub fn declared_encoding(head: &[u8], content_type: &str) -> Option<String> {
    let text: String = head.iter().take_while(|b| **b != 0 || head.len() < 2).map(|b| char::from(*b)).collect();
    let in_declaration = text.find("<?xml").and_then(|start| {
        let decl = text.get(start..)?;
        let decl = decl.get(..decl.find("?>")?)?;
        attribute_value(decl, "encoding")
    });
    let from_header = attribute_value(&content_type.to_ascii_lowercase(), "charset");
    in_declaration.or(from_header).map(|e| e.trim().to_ascii_lowercase()).filter(|e| !e.is_empty())
}

/// The value of `name=...` in a declaration or header, quoted or not.
fn attribute_value(s: &str, name: &str) -> Option<String> {
    let at = s.find(name)? + name.len();
    let rest = s.get(at..)?.trim_start().strip_prefix('=')?.trim_start();
    let (quote, rest) = match rest.chars().next()? {
        q @ ('"' | '\'') => (Some(q), rest.get(1..)?),
        _ => (None, rest),
    };
    let end = rest.find(|c: char| Some(c) == quote || (quote.is_none() && (c == ';' || c.is_whitespace()))).unwrap_or(rest.len());
    Some(rest.get(..end)?.to_owned())
}

#[cfg(test)]
mod encoding_tests {
    use super::*;

    #[test]
    fn the_xml_declaration_wins_then_the_header() {
        assert_eq!(
            declared_encoding(b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>", "text/xml; charset=utf-8").as_deref(),
            Some("iso-8859-1")
        );
        assert_eq!(declared_encoding(b"<rss>", "application/rss+xml; charset=windows-1251").as_deref(), Some("windows-1251"));
        assert_eq!(declared_encoding(b"<?xml version='1.0' encoding='windows-1251'?>", "").as_deref(), Some("windows-1251"));
        assert_eq!(declared_encoding(b"{\"version\":1}", "application/json"), None);
    }
}
