//! Feed dates: RFC 3339 and RFC 2822 by chrono, plus the variants real feeds publish.
//! A date that cannot be read leaves the item undated; it never breaks the feed.

use crate::model::Timestamp;
use chrono::{Datelike, NaiveDate, Timelike};

// The shapes are read by hand, with chrono doing the calendar: its strftime-style parser
// and formatter cost the module about 20 KB, this reader a tenth of that.

/// Reads a feed date into milliseconds since the epoch (UTC). Dates without a zone are UTC.
pub fn parse_date(raw: &str) -> Option<Timestamp> {
    let s = raw.trim();
    if s.is_empty() || s.len() > 64 {
        return None;
    }
    let mut c = Cursor(s.as_bytes());
    if s.get(4..5) == Some("-") && s.starts_with(|ch: char| ch.is_ascii_digit()) {
        parse_iso(&mut c)
    } else {
        parse_rfc2822(&mut c)
    }
}

/// A reader over the date's bytes.
struct Cursor<'a>(&'a [u8]);

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.0.first().copied()
    }
    fn eat(&mut self, b: u8) -> bool {
        let hit = self.peek() == Some(b);
        if hit {
            self.0 = self.0.get(1..).unwrap_or_default();
        }
        hit
    }
    fn skip_spaces(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_whitespace()) {
            self.0 = self.0.get(1..).unwrap_or_default();
        }
    }
    /// Between `min` and `max` digits, as a number.
    fn number(&mut self, min: usize, max: usize) -> Option<i64> {
        let len = self.0.iter().take(max).take_while(|b| b.is_ascii_digit()).count();
        if len < min {
            return None;
        }
        let (digits, rest) = self.0.split_at(len);
        self.0 = rest;
        Some(digits.iter().fold(0, |n, d| n * 10 + i64::from(d - b'0')))
    }
    /// A run of ASCII letters.
    fn word(&mut self) -> &[u8] {
        let len = self.0.iter().take_while(|b| b.is_ascii_alphabetic()).count();
        let (word, rest) = self.0.split_at(len);
        self.0 = rest;
        word
    }
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// `YYYY-MM-DD`, then optionally `T` or a space, `HH:MM`, `:SS`, `.fraction` and a zone.
fn parse_iso(c: &mut Cursor) -> Option<Timestamp> {
    let year = c.number(4, 4)?;
    let month = c.eat(b'-').then(|| c.number(2, 2))??;
    let day = c.eat(b'-').then(|| c.number(2, 2))??;
    if c.is_empty() {
        return timestamp(year, month, day, (0, 0, 0), 0);
    }
    if !(c.eat(b'T') || c.eat(b't') || c.eat(b' ')) {
        return None;
    }
    let (hour, minute, second) = clock(c)?;
    if c.eat(b'.') || c.eat(b',') {
        c.number(1, 9)?;
    }
    c.skip_spaces();
    let offset = if c.is_empty() { 0 } else { numeric_zone(c).or_else(|| named_zone(c.word()))? };
    c.is_empty().then_some(())?;
    timestamp(year, month, day, (hour, minute, second), offset)
}

/// `HH:MM` with optional `:SS`.
fn clock(c: &mut Cursor) -> Option<(i64, i64, i64)> {
    let hour = c.number(1, 2)?;
    let minute = c.eat(b':').then(|| c.number(2, 2))??;
    let second = if c.eat(b':') { c.number(2, 2)? } else { 0 };
    Some((hour, minute, second))
}

/// `Z`, `+HH:MM`, `+HHMM` or `+HH`, in minutes east of UTC.
fn numeric_zone(c: &mut Cursor) -> Option<i64> {
    if c.eat(b'Z') || c.eat(b'z') {
        return Some(0);
    }
    let sign = if c.eat(b'+') {
        1
    } else if c.eat(b'-') {
        -1
    } else {
        return None;
    };
    let hours = c.number(2, 2)?;
    c.eat(b':');
    let minutes = c.number(2, 2).unwrap_or(0);
    Some(sign * (hours * 60 + minutes))
}

/// RFC 2822 and what RSS feeds write instead: a day name in any language (or none), no
/// seconds, a named zone, or no zone at all. `[Day,] DD Mon YYYY HH:MM[:SS] [zone]`.
fn parse_rfc2822(c: &mut Cursor) -> Option<Timestamp> {
    let comma = c.0.iter().take(16).position(|b| *b == b',');
    if let Some(i) = comma {
        c.0 = c.0.get(i + 1..)?;
    }
    c.skip_spaces();
    let day = c.number(1, 2)?;
    c.skip_spaces();
    let month = month_number(c.word())?;
    c.eat(b'.');
    c.skip_spaces();
    let year = match c.number(2, 4)? {
        y if y < 50 => 2000 + y,
        y if y < 100 => 1900 + y,
        y => y,
    };
    c.skip_spaces();
    let time = clock(c)?;
    c.skip_spaces();
    let offset = if c.is_empty() { 0 } else { numeric_zone(c).or_else(|| named_zone(c.word()))? };
    c.skip_spaces();
    c.is_empty().then_some(())?;
    timestamp(year, month, day, time, offset)
}

fn month_number(word: &[u8]) -> Option<i64> {
    const MONTHS: [&[u8; 3]; 12] =
        [b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov", b"dec"];
    let head = word.get(..3)?.to_ascii_lowercase();
    MONTHS.iter().position(|m| m.as_slice() == head.as_slice()).map(|i| i as i64 + 1)
}

/// Zone names RSS feeds use, in minutes east of UTC.
fn named_zone(z: &[u8]) -> Option<i64> {
    Some(match z.to_ascii_uppercase().as_slice() {
        b"UT" | b"UTC" | b"GMT" | b"Z" | b"WET" => 0,
        b"BST" | b"CET" | b"WEST" | b"MEZ" => 60,
        b"CEST" | b"EET" | b"MESZ" => 120,
        b"EEST" | b"MSK" => 180,
        b"IST" => 330,
        b"EST" => -300,
        b"EDT" | b"AST" => -240,
        b"CST" => -360,
        b"CDT" => -300,
        b"MST" => -420,
        b"MDT" => -360,
        b"PST" => -480,
        b"PDT" => -420,
        _ => return None,
    })
}

fn timestamp(year: i64, month: i64, day: i64, (h, m, s): (i64, i64, i64), offset_minutes: i64) -> Option<Timestamp> {
    let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, u32::try_from(month).ok()?, u32::try_from(day).ok()?)?;
    let local = date.and_hms_opt(u32::try_from(h).ok()?, u32::try_from(m).ok()?, u32::try_from(s).ok()?)?;
    let utc = local.and_utc().timestamp_millis();
    Some(utc - offset_minutes * 60_000)
}

/// The timestamp as ISO 8601 in UTC, for `<time datetime>`.
pub fn to_iso(ts: Timestamp) -> Option<String> {
    let d = chrono::DateTime::from_timestamp_millis(ts)?.naive_utc();
    Some(format!("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", d.year(), d.month(), d.day(), d.hour(), d.minute(), d.second()))
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
        assert_eq!(iso("Wed, 02 Oct 2002 08:00:00 +0200").as_deref(), Some("2002-10-02T06:00:00Z"));
        assert_eq!(iso("Sun, 6 Sep 09 12:00:00 GMT").as_deref(), Some("2009-09-06T12:00:00Z"), "two-digit years");
        assert_eq!(iso("Mittwoch, 02 Okt 2002 08:00").as_deref(), None, "a month that is not English is unreadable, not wrong");
    }

    #[test]
    fn unreadable_dates_are_none_not_errors() {
        for bad in [
            "",
            "14116-14-09T110:1414:00+00:00",
            "23096-23-09T90:2323:00+00:00",
            "yesterday",
            "2020-13-45",
            "2020-01-01T25:00:00Z",
            "2020-01-01Tjunk",
            "2020-01-01T10:00:00+zz",
            "32 Jan 2020 10:00",
            "1 Jan 2020 10:00 +0100 extra",
        ] {
            assert_eq!(parse_date(bad), None, "{bad:?} must leave the item undated");
        }
    }
}
