//! Feed dates: RFC 3339 and RFC 2822 by chrono, plus the variants real feeds publish.
//! A date that cannot be read leaves the item undated; it never breaks the feed.

use crate::model::Timestamp;
use chrono::{Datelike, NaiveDate, Timelike};

// The shapes are read by hand, with chrono doing the calendar: its strftime-style parser
// and formatter cost the module about 20 KB, this reader a tenth of that.

/// Reads a feed date into milliseconds since the epoch (UTC). Dates without a zone are UTC.
pub fn parse_date(raw: &str) -> Option<Timestamp> {
    match parse_date_quick(raw) {
        Quick::Read(date) => date,
        Quick::Written => parse_written(raw.trim()),
    }
}

/// A date as far as it can be read without the written-date reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quick {
    /// ISO-shaped (`2026-06-26…`, what JSON Feed asks for), or nothing to read: the answer.
    Read(Option<Timestamp>),
    /// Written in words (`Fri, 26 Jun 2026 10:04:03 GMT`): only [`parse_date`] reads it.
    Written,
}

/// A date reader, chosen by type so that a mapper generic over it calls it directly.
pub trait ReadDate {
    fn read(raw: &str) -> Option<Timestamp>;
}

/// Every date [`parse_date`] reads.
pub struct AnyDate;

impl ReadDate for AnyDate {
    fn read(raw: &str) -> Option<Timestamp> {
        parse_date(raw)
    }
}

/// Reads a date without the written-date reader (month names, the US form, asctime, …), which
/// the widget keeps in a later part of its module with RSS and Atom, whose dates are written:
/// a JSON Feed's first teasers then need the ISO reader only.
pub fn parse_date_quick(raw: &str) -> Quick {
    let s = raw.trim();
    if s.is_empty() || s.len() > 64 {
        return Quick::Read(None);
    }
    let sep = s.get(4..5);
    if (sep == Some("-") || sep == Some("/")) && s.starts_with(|ch: char| ch.is_ascii_digit()) {
        Quick::Read(parse_iso(&mut Cursor(s.as_bytes())))
    } else {
        Quick::Written
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
    let sep = c.peek().filter(|b| *b == b'-' || *b == b'/')?;
    let month = c.eat(sep).then(|| c.number(2, 2))??;
    let day = c.eat(sep).then(|| c.number(2, 2))??;
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

/// A date as people write it, in any order a feed uses: RFC 2822 (`Fri, 26 Jun 2026 10:04:03
/// +0200`, two-digit years too), the US form (`Fri, Jun 26 2026 10:04:03 AM`, `June 26, 2026`),
/// asctime (`Fri Jun 26 10:04:03 2026`), a month named in English, French, German, Spanish,
/// Italian, Portuguese or Dutch (`26. Juni 2026 um 10:04`, `26 de junio de 2026`, `26 juin 2026
/// à 10h04`), commas, dots and spaces where they fall, a comment in parentheses. It needs a
/// month name, a day and a year; a day name (any language) may stand first; anything else it
/// does not know makes the date unreadable rather than wrong.
fn parse_written(s: &str) -> Option<Timestamp> {
    let mut d = Written::default();
    tokens(s, |token| d.take(token))?;
    d.finish()
}

enum Token {
    Number(i64, usize),
    Time(i64, i64, i64),
    Zone(i64),
    Word(String),
}

/// Splits a written date into numbers, clock times (`10:04`, `10:04:03.5`, `10h04`), numeric
/// zones after a time, and words (folded: lower case, no accents, no dots), handing each to `take`.
fn tokens(s: &str, mut take: impl FnMut(Token) -> Option<()>) -> Option<()> {
    let mut chars = s.chars().peekable();
    let mut timed = false;
    while let Some(&ch) = chars.peek() {
        if ch.is_ascii_whitespace() || ch == '\u{a0}' || ch == ',' || ch == '/' || (ch == '-' && !timed) {
            chars.next();
        } else if ch == '(' {
            // An RFC 2822 comment, `(UTC)` or `(Pacific Standard Time)`.
            chars.find(|c| *c == ')')?;
        } else if ch.is_ascii_digit() {
            let (n, len) = digits(&mut chars);
            if chars.next_if(|c| *c == ':').is_some() || chars.next_if(|c| *c == 'h').is_some() {
                let (m, m_len) = digits(&mut chars);
                let sec = chars.next_if(|c| *c == ':').map(|_| digits(&mut chars));
                if chars.next_if(|c| *c == '.').is_some() {
                    digits(&mut chars);
                }
                (m_len == 2 && len <= 2 && sec.is_none_or(|(_, l)| l == 2)).then_some(())?;
                take(Token::Time(n, m, sec.map_or(0, |(v, _)| v)))?;
                timed = true;
            } else {
                // `26.` as German writes the day.
                chars.next_if(|c| *c == '.');
                take(Token::Number(n, len))?;
            }
        } else if (ch == '+' || ch == '-') && timed {
            chars.next();
            let (n, len) = digits(&mut chars);
            let minutes = match len {
                4 => n / 100 * 60 + n % 100,
                1 | 2 => n * 60,
                _ => return None,
            };
            take(Token::Zone(if ch == '-' { -minutes } else { minutes }))?;
        } else if is_letter(ch) {
            let mut word = String::new();
            while let Some(c) = chars.next_if(|c| is_letter(*c) || *c == '.') {
                if c != '.' {
                    word.push(c);
                }
            }
            take(Token::Word(crate::text::fold(&word)))?;
        } else {
            return None;
        }
    }
    Some(())
}

/// A letter of a word: ASCII, or any other character of a script (a day name in Cyrillic is a
/// word to pass over). `char::is_alphabetic` would bring Unicode's tables into the module.
fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (!c.is_ascii() && c != '\u{a0}')
}

/// A run of digits: its value (of the first nine) and length.
fn digits(chars: &mut std::iter::Peekable<std::str::Chars>) -> (i64, usize) {
    let (mut n, mut len) = (0, 0);
    while let Some(d) = chars.next_if(char::is_ascii_digit) {
        if len < 9 {
            n = n * 10 + i64::from(d as u8 - b'0');
        }
        len += 1;
    }
    (n, len)
}

/// What a written date has said so far.
#[derive(Default)]
struct Written {
    year: Option<i64>,
    /// The numbers of one or two digits (a day, or a day and a two-digit year), in order.
    small: [i64; 2],
    smalls: usize,
    /// The first month named, with whether it came before any number (where `mar.` is
    /// Tuesday), and the second. Fixed slots, not vectors: each vector type costs the module.
    month: Option<(i64, bool)>,
    month2: Option<i64>,
    time: Option<(i64, i64, i64)>,
    pm: Option<bool>,
    zone: Option<i64>,
}

impl Written {
    fn take(&mut self, token: Token) -> Option<()> {
        let started = self.year.is_some() || self.smalls > 0 || self.month.is_some();
        match token {
            Token::Number(n, 4) if self.year.is_none() => self.year = Some(n),
            Token::Number(n, 1 | 2) => {
                *self.small.get_mut(self.smalls)? = n;
                self.smalls += 1;
            }
            Token::Time(h, m, s) if self.time.is_none() => self.time = Some((h, m, s)),
            Token::Zone(z) if self.zone.is_none() => self.zone = Some(z),
            Token::Word(w) => match w.as_str() {
                "am" | "pm" if self.time.is_some() && self.pm.is_none() => self.pm = Some(w == "pm"),
                _ if month_number(&w).is_some() => match self.month {
                    None => self.month = Some((month_number(&w)?, !started)),
                    Some(_) if self.month2.is_none() => self.month2 = month_number(&w),
                    Some(_) => return None,
                },
                _ if self.time.is_some() && self.zone.is_none() && named_zone(w.as_bytes()).is_some() => {
                    self.zone = named_zone(w.as_bytes());
                }
                // Words that join the parts ("26 de junio de 2026", "26. Juni 2026 um 10:04", "à 10h04")
                // and ordinals' endings ("1er août", "June 26th").
                "de" | "del" | "di" | "a" | "at" | "um" | "le" | "el" | "the" | "of" | "en" | "op" | "er" | "st" | "nd"
                | "rd" | "th" => {}
                // A day name, in any language, before the date.
                _ if !started => {}
                _ => return None,
            },
            _ => return None,
        }
        Some(())
    }

    fn finish(self) -> Option<Timestamp> {
        let month = match (self.month, self.month2) {
            (Some((m, _)), None) => m,
            // "mar" is also Tuesday in Spanish, Italian and French ("mar., 26 jun 2026").
            (Some((3, true)), Some(m)) => m,
            _ => return None,
        };
        let [d, y] = self.small;
        let (day, year) = match (self.year, self.smalls) {
            (Some(year), 1) => (d, year),
            (None, 2) => (d, if y < 50 { 2000 + y } else { 1900 + y }),
            _ => return None,
        };
        let (mut h, m, s) = self.time.unwrap_or((0, 0, 0));
        if let Some(pm) = self.pm {
            (1..=12).contains(&h).then_some(())?;
            h = h % 12 + if pm { 12 } else { 0 };
        }
        timestamp(year, month, day, (h, m, s), self.zone.unwrap_or(0))
    }
}

/// A month's name or abbreviation, folded, in English, French, German, Spanish, Italian,
/// Portuguese or Dutch.
fn month_number(word: &str) -> Option<i64> {
    // One string, a month per `|`: a table of string slices would cost the module a pointer each.
    const MONTHS: &str = "jan janv january janvier januar janner enero ene gennaio gen janeiro januari\
        |feb fev fevr february fevrier februar febrero febbraio fevereiro februari\
        |mar mars march marz mrt marzo marco maart\
        |apr avr april avril abril abr aprile\
        |may mai mei mayo maggio mag maio\
        |jun juin june juni junio giugno giu junho\
        |jul juil july juillet juli julio luglio lug julho\
        |aug aout august agosto ago augustus\
        |sep sept september septembre septiembre set settembre setembro\
        |oct okt october octobre oktober octubre ottobre ott outubro out\
        |nov november novembre noviembre novembro\
        |dec dez dic december decembre dezember diciembre dicembre dezembro";
    MONTHS.split('|').position(|names| names.split(' ').any(|n| n == word)).map(|i| i as i64 + 1)
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
    // `24:00:00` is midnight at the end of that day (ISO 8601; some feeds write it).
    if (h, m, s) == (24, 0, 0) {
        return timestamp(year, month, day, (0, 0, 0), offset_minutes).map(|t| t + 86_400_000);
    }
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

    #[test]
    fn the_quick_reader_reads_iso_and_leaves_written_dates_to_parse_date() {
        assert_eq!(parse_date_quick(" 2025-10-16T09:30:00Z "), Quick::Read(Some(1_760_607_000_000)));
        assert_eq!(parse_date_quick("2025-13-40"), Quick::Read(None), "ISO-shaped but impossible");
        assert_eq!(parse_date_quick("  "), Quick::Read(None));
        for written in ["Thu, 16 Oct 2025 09:30:00 GMT", "16 octobre 2025", "Thu Oct 16 09:30:00 2025", "not a date"] {
            assert_eq!(parse_date_quick(written), Quick::Written, "{written}");
        }
        assert_eq!(parse_date("Thu, 16 Oct 2025 09:30:00 GMT"), Some(1_760_607_000_000));
    }

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
        assert_eq!(iso("Mittwoch, 02 Okt 2002 08:00").as_deref(), Some("2002-10-02T08:00:00Z"), "a German month");
    }

    /// Forms real feeds publish (collected from the real-world feeds beside the checkout,
    /// feedparser's and Rome's date tests), each as a person reads it.
    #[test]
    fn reads_dates_as_feeds_write_them() {
        for (written, meant) in [
            // The US form (contract §5): month first, a 12-hour clock.
            ("Fri, Jun 26 2026 10:04:03 AM", "2026-06-26T10:04:03Z"),
            ("Fri, Jun 26 2026 10:04:03 PM", "2026-06-26T22:04:03Z"),
            ("Jun 26, 2026 12:05 AM", "2026-06-26T00:05:00Z"),
            ("June 26, 2026 12:05 p.m. EDT", "2026-06-26T16:05:00Z"),
            ("Friday, June 26, 2026", "2026-06-26T00:00:00Z"),
            // 24:00:00, midnight at the end of the day.
            ("Fri, 26 Jun 2026 24:00:00 +0000", "2026-06-27T00:00:00Z"),
            ("2026-06-26T24:00:00Z", "2026-06-27T00:00:00Z"),
            ("2026-12-31 24:00", "2027-01-01T00:00:00Z"),
            // asctime, as C and some CMSs print it.
            ("Fri Jun 26 10:04:03 2026", "2026-06-26T10:04:03Z"),
            ("Fri Jun  6 10:04:03 2026", "2026-06-06T10:04:03Z"),
            // RFC 822 without the comma, with odd spacing, a dotted month, a comment, a short zone.
            ("Fri 26 Jun 2026 10:04:03 GMT", "2026-06-26T10:04:03Z"),
            ("Fri,26 Jun 2026 10:04:03 +0200", "2026-06-26T08:04:03Z"),
            ("  Fri,  26   Jun   2026   10:04:03   +0200 ", "2026-06-26T08:04:03Z"),
            ("Fri, 26 Jun. 2026 10:04 +02", "2026-06-26T08:04:00Z"),
            ("Fri, 26 June 2026 10:04:03 -0500 (CDT)", "2026-06-26T15:04:03Z"),
            ("Thu, 26-Jun-2026 10:04:03 GMT", "2026-06-26T10:04:03Z"),
            ("26 Jun 2026", "2026-06-26T00:00:00Z"),
            // ISO 8601 variants.
            ("2026-06-26t10:04:03z", "2026-06-26T10:04:03Z"),
            ("2026-06-26T10:04:03.123456+0200", "2026-06-26T08:04:03Z"),
            ("2026-06-26 10:04:03 +02:00", "2026-06-26T08:04:03Z"),
            ("2026/06/26 10:04", "2026-06-26T10:04:00Z"),
            // Month names in the languages of the widget's readers.
            ("ven., 26 juin 2026 10:04:03 +0200", "2026-06-26T08:04:03Z"),
            ("26 juin 2026 à 10h04", "2026-06-26T10:04:00Z"),
            ("1er août 2026", "2026-08-01T00:00:00Z"),
            ("mer., 2 déc. 2026 08:00", "2026-12-02T08:00:00Z"),
            ("Freitag, 26. Juni 2026 um 10:04", "2026-06-26T10:04:00Z"),
            ("Do, 5 Mär 2026 08:00:00 +0100", "2026-03-05T07:00:00Z"),
            ("vie, 26 jun 2026 10:04:03 +0200", "2026-06-26T08:04:03Z"),
            ("26 de junio de 2026", "2026-06-26T00:00:00Z"),
            ("mar, 26 gen 2026 10:04", "2026-01-26T10:04:00Z"),
            ("26 giugno 2026 10:04", "2026-06-26T10:04:00Z"),
            ("sex, 26 jun 2026 10:04:03 -0300", "2026-06-26T13:04:03Z"),
            ("26 de março de 2026", "2026-03-26T00:00:00Z"),
            ("vr, 26 jun 2026 10:04:03 +0200", "2026-06-26T08:04:03Z"),
            ("26 mrt 2026", "2026-03-26T00:00:00Z"),
            ("Пт, 26 Jun 2026 10:04:03 +0300", "2026-06-26T07:04:03Z"),
            ("26\u{a0}juin\u{a0}2026", "2026-06-26T00:00:00Z"),
        ] {
            assert_eq!(iso(written).as_deref(), Some(meant), "{written:?}");
        }
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
            "06/26/2026",
            "26 Jun",
            "Jun 2026",
            "Jan Feb 26 2026",
            "26 Jun 2026 13:00 PM",
            "26 Jun 2026 25:00",
            "26 Jun 2026 24:01",
            "26 Jun 2026 10:4",
            "26 Jun 2026 10:04 +123",
            "26 Jun 20262",
            "Jun 26 2026 2027",
            "26 Jun 2026 (unclosed",
            "2026-06/26",
            "lorem ipsum 12 dolor",
        ] {
            assert_eq!(parse_date(bad), None, "{bad:?} must leave the item undated");
        }
    }
}
