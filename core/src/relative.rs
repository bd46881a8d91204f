//! Relative-time arithmetic: which unit and count describe an age. The words come from the
//! browser's `Intl.RelativeTimeFormat`, so every language is covered with no table here.

use crate::model::Timestamp;

/// The units `Intl.RelativeTimeFormat` accepts, as its own names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

impl Unit {
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Second => "second",
            Unit::Minute => "minute",
            Unit::Hour => "hour",
            Unit::Day => "day",
            Unit::Week => "week",
            Unit::Month => "month",
            Unit::Year => "year",
        }
    }
}

/// An age ready for `Intl.RelativeTimeFormat.format(value, unit)`: negative in the past.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Relative {
    pub value: i64,
    pub unit: Unit,
}

const SECOND: i64 = 1000;
const MINUTE: i64 = 60 * SECOND;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;

/// Describes `date` as seen at `now`: "3 days ago" is `{ value: -3, unit: Day }`.
/// Ages under 45 seconds are `{ 0, Second }`, which `Intl` with `numeric: "auto"` says as "now".
pub fn relative(date: Timestamp, now: Timestamp) -> Relative {
    let diff = date.saturating_sub(now);
    let age = diff.saturating_abs();
    let sign = if diff < 0 { -1 } else { 1 };
    let (value, unit) = match age {
        a if a < 45 * SECOND => (0, Unit::Second),
        a if a < 45 * MINUTE => (round(a, MINUTE), Unit::Minute),
        a if a < 22 * HOUR => (round(a, HOUR), Unit::Hour),
        a if a < 7 * DAY => (round(a, DAY).max(1), Unit::Day),
        a if a < 30 * DAY => (a / (7 * DAY), Unit::Week),
        a if a < 365 * DAY => ((a / (30 * DAY)).max(1), Unit::Month),
        a => (a / (365 * DAY), Unit::Year),
    };
    Relative { value: sign * value, unit }
}

fn round(age: i64, unit: i64) -> i64 {
    (age + unit / 2) / unit
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rel(age: i64) -> (i64, Unit) {
        let r = relative(1_000_000_000_000 - age, 1_000_000_000_000);
        (r.value, r.unit)
    }

    #[test]
    fn the_seed_pages_ages() {
        assert_eq!(rel(14 * DAY), (-2, Unit::Week), "En Ligne 2 semaines");
        assert_eq!(rel(3 * DAY), (-3, Unit::Day), "En Ligne 3 jours");
        assert_eq!(rel(7 * DAY), (-1, Unit::Week), "En Ligne 1 semaine");
        assert_eq!(rel(4 * DAY + 2 * HOUR), (-4, Unit::Day), "En Ligne 4 jours");
    }

    #[test]
    fn small_large_and_future_ages() {
        assert_eq!(rel(10 * SECOND), (0, Unit::Second));
        assert_eq!(rel(5 * MINUTE), (-5, Unit::Minute));
        assert_eq!(rel(3 * HOUR), (-3, Unit::Hour));
        assert_eq!(rel(23 * HOUR), (-1, Unit::Day));
        assert_eq!(rel(40 * DAY), (-1, Unit::Month));
        assert_eq!(rel(800 * DAY), (-2, Unit::Year));
        assert_eq!(rel(-2 * HOUR), (2, Unit::Hour), "a date in the future reads 'in 2 hours'");
        assert_eq!(relative(i64::MIN, i64::MAX).unit, Unit::Year, "no overflow at the extremes");
    }
}
