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
