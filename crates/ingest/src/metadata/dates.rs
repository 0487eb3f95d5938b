//! Absolute dates as they appear in page headers and containers.

use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate};
use regex::Regex;

const MONTH: &str = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b{MONTH}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(\d{{4}})\b"
    ))
    .expect("valid regex")
});
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{MONTH}\.?,?\s+(\d{{4}})\b"
    ))
    .expect("valid regex")
});
static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b").expect("valid regex"));

fn month_number(name: &str) -> Option<u32> {
    let m = name.get(..3)?.to_ascii_lowercase();
    let i = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .position(|&x| x == m)?;
    Some(i as u32 + 1)
}

fn plausible(d: NaiveDate) -> Option<NaiveDate> {
    use chrono::Datelike;
    (1900..=2100).contains(&d.year()).then_some(d)
}

/// The first absolute calendar date written in `s` ("May 21 2019", "May 15,2019",
/// "21 May 2019", "2019-05-21"), with its byte range.
pub fn find_date(s: &str) -> Option<(NaiveDate, std::ops::Range<usize>)> {
    let mut best: Option<(NaiveDate, std::ops::Range<usize>)> = None;
    let mut consider = |d: Option<NaiveDate>, r: std::ops::Range<usize>| {
        if let Some(d) = d.and_then(plausible)
            && best.as_ref().is_none_or(|(_, b)| r.start < b.start)
        {
            best = Some((d, r));
        }
    };
    if let Some(c) = MONTH_DAY_YEAR.captures(s) {
        let d = month_number(&c[1])
            .and_then(|m| NaiveDate::from_ymd_opt(c[3].parse().ok()?, m, c[2].parse().ok()?));
        consider(d, c.get(0).map_or(0..0, |m| m.range()));
    }
    if let Some(c) = DAY_MONTH_YEAR.captures(s) {
        let d = month_number(&c[2])
            .and_then(|m| NaiveDate::from_ymd_opt(c[3].parse().ok()?, m, c[1].parse().ok()?));
        consider(d, c.get(0).map_or(0..0, |m| m.range()));
    }
    if let Some(c) = ISO.captures(s) {
        let d = NaiveDate::from_ymd_opt(
            c[1].parse().unwrap_or(0),
            c[2].parse().unwrap_or(0),
            c[3].parse().unwrap_or(0),
        );
        consider(d, c.get(0).map_or(0..0, |m| m.range()));
    }
    best
}

/// Parse a container's date field: RFC 3339 / ISO 8601, RFC 2822, or any form [`find_date`]
/// understands.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.date_naive());
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return Some(d.date_naive());
    }
    find_date(s).map(|(d, _)| d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn header_forms() {
        assert_eq!(find_date("May 21 2019").unwrap().0, d(2019, 5, 21));
        assert_eq!(
            find_date("By Reuters - May 15,2019 - Last updated at May 15,2019")
                .unwrap()
                .0,
            d(2019, 5, 15)
        );
        assert_eq!(
            find_date("Published: Tuesday, 3rd September 2019")
                .unwrap()
                .0,
            d(2019, 9, 3)
        );
        assert_eq!(
            find_date("Sept. 4, 2018 10:00 am").unwrap().0,
            d(2018, 9, 4)
        );
        assert_eq!(
            find_date("posted 2019-05-14 08:00").unwrap().0,
            d(2019, 5, 14)
        );
        assert!(find_date("May 45 2019").is_none());
        assert!(find_date("in May").is_none());
    }

    #[test]
    fn container_forms() {
        assert_eq!(
            parse_date("2019-05-21T10:00:00+03:00"),
            Some(d(2019, 5, 21))
        );
        assert_eq!(
            parse_date("Tue, 21 May 2019 10:00:00 GMT"),
            Some(d(2019, 5, 21))
        );
        assert_eq!(parse_date("2019-05-21"), Some(d(2019, 5, 21)));
        assert_eq!(parse_date("yesterday"), None);
    }
}
