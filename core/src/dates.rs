//! Feed dates: RFC 3339 and RFC 2822 by chrono, plus the variants real feeds publish.
//! A date that cannot be read leaves the item undated; it never breaks the feed.

use crate::model::Timestamp;
use chrono::{DateTime, NaiveDate, NaiveDateTime};

/// Reads a feed date into milliseconds since the epoch (UTC). Dates without a zone are UTC.
pub fn parse_date(raw: &str) -> Option<Timestamp> {
    let s = raw.trim();
    if s.is_empty() || s.len() > 64 {
        return None;
    }
    let starts_with_digit = s.starts_with(|c: char| c.is_ascii_digit());
    let parsed = if starts_with_digit && s.get(4..5) == Some("-") { parse_iso_like(s) } else { None };
    parsed.or_else(|| parse_rfc2822_like(s))
}

/// ISO 8601 forms with or without `T`, seconds, fraction or zone.
fn parse_iso_like(s: &str) -> Option<Timestamp> {
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.timestamp_millis());
    }
    const ZONED: [&str; 6] = [
        "%Y-%m-%d %H:%M:%S%.f%:z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%:z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M:%S %z",
    ];
    const NAIVE: [&str; 4] = ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"];
    let zoned = ZONED.iter().find_map(|f| DateTime::parse_from_str(s, f).ok());
    if let Some(d) = zoned {
        return Some(d.timestamp_millis());
    }
    let naive = NAIVE.iter().find_map(|f| NaiveDateTime::parse_from_str(s, f).ok());
    let naive = naive.or_else(|| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?.and_hms_opt(0, 0, 0))?;
    Some(naive.and_utc().timestamp_millis())
}

/// RFC 2822 and what RSS feeds write instead: a localized or missing day name, no seconds,
/// a named zone, or no zone at all.
fn parse_rfc2822_like(s: &str) -> Option<Timestamp> {
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return Some(d.timestamp_millis());
    }
    // Drop a day name in any language ("Mon,", "lun.,", "Dienstag,"): it adds nothing.
    let without_day = match s.find(',') {
        Some(i) if i < 12 => s.get(i + 1..).unwrap_or_default().trim(),
        _ => s,
    };
    let mut words: Vec<&str> = without_day.split_whitespace().collect();
    let zone = words.last().and_then(|z| named_zone(z));
    if zone.is_some() {
        words.pop();
    }
    let has_numeric_zone = words.last().is_some_and(|z| z.starts_with(['+', '-']) && z.len() == 5);
    let zone_text = if has_numeric_zone { "" } else { zone.unwrap_or("+0000") };
    let text = format!("{} {}", words.join(" "), zone_text);
    ["%d %b %Y %H:%M:%S %z", "%d %b %Y %H:%M %z", "%d %B %Y %H:%M:%S %z", "%d %b %y %H:%M:%S %z"]
        .iter()
        .find_map(|f| DateTime::parse_from_str(text.trim(), f).ok())
        .map(|d| d.timestamp_millis())
}

/// Zone names RSS feeds use that RFC 2822 does not list, with their offsets.
fn named_zone(z: &str) -> Option<&'static str> {
    Some(match z.to_ascii_uppercase().as_str() {
        "UT" | "UTC" | "GMT" | "Z" | "WET" => "+0000",
        "BST" | "CET" | "WEST" | "MEZ" => "+0100",
        "CEST" | "EET" | "MESZ" => "+0200",
        "EEST" | "MSK" => "+0300",
        "IST" => "+0530",
        "EST" => "-0500",
        "EDT" | "AST" => "-0400",
        "CST" => "-0600",
        "CDT" => "-0500",
        "MST" => "-0700",
        "MDT" => "-0600",
        "PST" => "-0800",
        "PDT" => "-0700",
        _ => return None,
    })
}

/// The timestamp as ISO 8601 in UTC, for `<time datetime>`.
pub fn to_iso(ts: Timestamp) -> Option<String> {
    DateTime::from_timestamp_millis(ts).map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> Option<String> {
        parse_date(s).and_then(to_iso)
    }

    #[test]
    fn reads_rfc3339_and_its_relatives() {
        assert_eq!(iso("2025-10-16T09:30:00+02:00").as_deref(), Some("2025-10-16T07:30:00Z"));
        assert_eq!(iso("2019-10-12T07:20:50.52Z").as_deref(), Some("2019-10-12T07:20:50Z"));
        assert_eq!(iso("2020-03-04 10:11:12").as_deref(), Some("2020-03-04T10:11:12Z"));
        assert_eq!(iso("2016-05-11T08:11").as_deref(), Some("2016-05-11T08:11:00Z"));
        assert_eq!(iso("2016-05-11T08:11-07:00").as_deref(), Some("2016-05-11T15:11:00Z"));
        assert_eq!(iso("2016-05-11").as_deref(), Some("2016-05-11T00:00:00Z"));
    }

    #[test]
    fn reads_rfc2822_and_what_rss_writes_instead() {
        assert_eq!(iso("Fri, 28 May 2021 10:00:00 -0700").as_deref(), Some("2021-05-28T17:00:00Z"));
        assert_eq!(iso("Fri, 28 May 2021 10:00 GMT").as_deref(), Some("2021-05-28T10:00:00Z"));
        assert_eq!(iso("lun., 28 May 2021 10:00:00 CEST").as_deref(), Some("2021-05-28T08:00:00Z"));
        assert_eq!(iso("28 May 2021 10:00:00").as_deref(), Some("2021-05-28T10:00:00Z"));
        assert_eq!(iso("Tue, 10 Jun 2003 04:00:00 EST").as_deref(), Some("2003-06-10T09:00:00Z"));
    }

    #[test]
    fn unreadable_dates_are_none_not_errors() {
        for bad in ["", "14116-14-09T110:1414:00+00:00", "23096-23-09T90:2323:00+00:00", "yesterday", "2020-13-45"] {
            assert_eq!(parse_date(bad), None, "{bad:?} must leave the item undated");
        }
    }
}
