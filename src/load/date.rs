//! Dates as precise as the sources allow.
//!
//! A source may give a day (`2025-07-03`), only a month (`"2025-09"`) or only a year (`2030`).
//! [`FlexDate`] keeps that precision so the site says "septembre 2025" and never invents a day.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer};

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// Only the year.
    Year,
    /// Year and month.
    Month,
    /// Year, month and day.
    Day,
}

/// A calendar date known to a given precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FlexDate {
    /// Year.
    pub year: i32,
    /// Month, 1–12, when known.
    pub month: Option<u8>,
    /// Day of the month, when known.
    pub day: Option<u8>,
}

impl FlexDate {
    /// Builds a date, checking that the month and day exist (2025-02-29 does not).
    pub fn new(year: i32, month: Option<u8>, day: Option<u8>) -> Result<Self, String> {
        if !(1..=9999).contains(&year) {
            return Err(format!("year {year} is out of range"));
        }
        if let Some(m) = month
            && !(1..=12).contains(&m)
        {
            return Err(format!("month {m} does not exist: months go from 01 to 12"));
        }
        if let (Some(m), Some(d)) = (month, day) {
            let last = days_in_month(year, m);
            if d == 0 || d > last {
                return Err(format!(
                    "day {d} does not exist in {year}-{m:02}: that month has {last} days"
                ));
            }
        }
        if day.is_some() && month.is_none() {
            return Err(String::from("a day needs a month"));
        }
        Ok(Self { year, month, day })
    }

    /// How precisely the date is known.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// A sort key: unknown months and days sort first within their year or month.
    pub fn sort_key(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(0), self.day.unwrap_or(0))
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let invalid = || {
            format!(
                "`{text}` is not a date: write 2025-07-03, or \"2025-07\" or 2025 when only the month or year is known"
            )
        };
        let mut parts = text.split('-');
        let year = parse_part(parts.next(), 4).ok_or_else(invalid)?;
        let month = parts
            .next()
            .map(|p| parse_part(Some(p), 2).ok_or_else(invalid))
            .transpose()?;
        let day = parts
            .next()
            .map(|p| parse_part(Some(p), 2).ok_or_else(invalid))
            .transpose()?;
        if parts.next().is_some() {
            return Err(invalid());
        }
        let to_u8 = |v: u32| u8::try_from(v).map_err(|_| invalid());
        FlexDate::new(
            i32::try_from(year).map_err(|_| invalid())?,
            month.map(to_u8).transpose()?,
            day.map(to_u8).transpose()?,
        )
    }
}

fn parse_part(part: Option<&str>, digits: usize) -> Option<u32> {
    let part = part?;
    (part.len() == digits && part.bytes().all(|b| b.is_ascii_digit()))
        .then(|| part.parse().ok())
        .flatten()
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for FlexDate {
    /// ISO 8601 at the known precision (`2025`, `2025-09`, `2025-09-12`), as used in
    /// `<time datetime>`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The digits by hand, written at once: a build prints tens of thousands of dates,
        // and `write!` with widths cost ten times as much.
        let mut text = [b'-'; 10];
        let mut len = 4;
        match u16::try_from(self.year) {
            Ok(year) if year <= 9999 => put_digits(&mut text[..4], year),
            _ => return self.write_with_widths(f),
        }
        for part in [self.month, self.day].into_iter().flatten() {
            if part > 99 {
                return self.write_with_widths(f);
            }
            put_digits(&mut text[len + 1..len + 3], part.into());
            len += 3;
        }
        f.write_str(std::str::from_utf8(&text[..len]).map_err(|_| fmt::Error)?)
    }
}

impl FlexDate {
    /// [`Display`](fmt::Display) for the years and parts its digits by hand do not fit.
    fn write_with_widths(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        for part in [self.month, self.day].into_iter().flatten() {
            write!(f, "-{part:02}")?;
        }
        Ok(())
    }
}

/// Fills `slot` with the last digits of `n`, leading zeros included.
fn put_digits(slot: &mut [u8], n: u16) {
    let mut rest = n;
    for digit in slot.iter_mut().rev() {
        *digit = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
}

impl<'de> Deserialize<'de> for FlexDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match toml::Value::deserialize(deserializer)? {
            toml::Value::Datetime(datetime) => {
                if datetime.time.is_some() || datetime.offset.is_some() {
                    return Err(de::Error::custom(
                        "a date is expected, without a time: write 2025-07-03",
                    ));
                }
                let date = datetime.date.ok_or_else(|| {
                    de::Error::custom("a date is expected, not a time: write 2025-07-03")
                })?;
                FlexDate::new(i32::from(date.year), Some(date.month), Some(date.day))
                    .map_err(de::Error::custom)
            }
            toml::Value::String(text) => FlexDate::parse(&text).map_err(de::Error::custom),
            toml::Value::Integer(year) => i32::try_from(year)
                .map_err(|_| format!("year {year} is out of range"))
                .and_then(|y| FlexDate::new(y, None, None))
                .map_err(de::Error::custom),
            other => Err(de::Error::custom(format!(
                "a date is expected, found {}: write 2025-07-03, or \"2025-07\" or 2025 when only the month or year is known",
                other.type_str()
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision() {
        assert_eq!(
            FlexDate::parse("2030").unwrap().precision(),
            Precision::Year
        );
        assert_eq!(
            FlexDate::parse("2025-09").unwrap().precision(),
            Precision::Month
        );
        assert_eq!(
            FlexDate::parse("2025-09-12").unwrap().to_string(),
            "2025-09-12"
        );
    }

    #[test]
    fn prints_iso_8601_with_leading_zeros_at_any_year() {
        let date = |year, month, day| FlexDate { year, month, day }.to_string();
        assert_eq!(date(2025, Some(7), Some(3)), "2025-07-03");
        assert_eq!(date(2025, Some(12), None), "2025-12");
        assert_eq!(date(987, None, None), "0987");
        assert_eq!(date(0, Some(1), Some(31)), "0000-01-31");
        assert_eq!(date(9999, Some(9), Some(9)), "9999-09-09");
        assert_eq!(date(12345, Some(1), None), "12345-01");
        assert_eq!(date(-5, None, None), "-005");
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(FlexDate::parse("2025-13").unwrap_err().contains("month 13"));
        assert!(
            FlexDate::parse("2025-02-29")
                .unwrap_err()
                .contains("28 days")
        );
        assert!(FlexDate::parse("2024-02-29").is_ok());
        assert!(FlexDate::parse("25-1-1").is_err());
        assert!(FlexDate::parse("2025-07-03-01").is_err());
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Doc {
        date: FlexDate,
    }

    #[test]
    fn reads_toml_dates_strings_and_years() {
        let doc: Doc = toml::from_str("date = 2025-07-03").unwrap();
        assert_eq!(doc.date.to_string(), "2025-07-03");
        let doc: Doc = toml::from_str("date = \"2025-09\"").unwrap();
        assert_eq!(doc.date.to_string(), "2025-09");
        let doc: Doc = toml::from_str("date = 2030").unwrap();
        assert_eq!(doc.date.to_string(), "2030");
        let error = toml::from_str::<Doc>("date = 2025-07-03T10:00:00").unwrap_err();
        assert!(error.message().contains("without a time"), "{error}");
    }
}
