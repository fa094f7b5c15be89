//! Dates and numbers by CLDR rules (ICU4X compiled data), one formatter set per language.
//!
//! The locale comes from `observatory.toml` (`ar-MA`, `fr-MA`): `ar-MA` gives the Moroccan
//! month names (يوليوز، غشت، شتنبر، نونبر، دجنبر) with Latin digits, which hand-written month
//! tables routinely get wrong (CLDR `ar_MA` overrides only seven months of `ar`).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use icu_calendar::{Date, Gregorian};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::{M, Y, YM, YMD};
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_locale::Locale;

use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::load::date::{FlexDate, Precision};

/// The `(code, locale)` of each site language, which a thread's [`Locales`] were made for.
type LanguageLocales = Vec<(String, String)>;

struct Formatters {
    day: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
    month: FixedCalendarDateTimeFormatter<Gregorian, YM>,
    year: FixedCalendarDateTimeFormatter<Gregorian, Y>,
    month_name: FixedCalendarDateTimeFormatter<Gregorian, M>,
    decimal: DecimalFormatter,
}

/// Date and number formatters for every site language.
///
/// ICU4X formatters are not `Sync`, so each rayon worker builds its own set
/// ([`Locales::for_thread`]); building one is cheap (compiled data, no I/O).
pub struct Locales {
    by_lang: HashMap<String, Formatters>,
    /// Dates formatted already, by language: a large site shows the same few hundred days on
    /// tens of thousands of cards and pages, and each ICU formatting costs microseconds.
    dates: RefCell<HashMap<String, HashMap<FlexDate, String>>>,
}

impl Locales {
    /// Builds the formatters of every configured language.
    pub fn new(config: &Config) -> Result<Self, Diagnostic> {
        let mut by_lang = HashMap::new();
        for language in &config.languages {
            let locale: Locale = language.locale.parse().map_err(|_| {
                Diagnostic::error(format!("`{}` is not a CLDR locale", language.locale))
                    .in_file(crate::config::CONFIG_FILE)
            })?;
            let unavailable = |what: &str| {
                Diagnostic::error(format!("no CLDR {what} data for `{}`", language.locale))
                    .in_file(crate::config::CONFIG_FILE)
                    .hint("use a locale CLDR knows, such as fr-MA or ar-MA")
            };
            let formatters = Formatters {
                day: FixedCalendarDateTimeFormatter::try_new(locale.clone().into(), YMD::long())
                    .map_err(|_| unavailable("date"))?,
                month: FixedCalendarDateTimeFormatter::try_new(locale.clone().into(), YM::long())
                    .map_err(|_| unavailable("date"))?,
                year: FixedCalendarDateTimeFormatter::try_new(locale.clone().into(), Y::long())
                    .map_err(|_| unavailable("date"))?,
                month_name: FixedCalendarDateTimeFormatter::try_new(
                    locale.clone().into(),
                    M::medium(),
                )
                .map_err(|_| unavailable("date"))?,
                decimal: DecimalFormatter::try_new(locale.into(), Default::default())
                    .map_err(|_| unavailable("number"))?,
            };
            by_lang.insert(language.code.clone(), formatters);
        }
        Ok(Self {
            by_lang,
            dates: RefCell::default(),
        })
    }

    /// This thread's formatters for `config`'s languages, made on first use and again when
    /// the languages or their locales change. Rendering hands pages to workers in short runs;
    /// a set per thread rather than per run keeps its dates formatted once.
    pub fn for_thread(config: &Config) -> Result<Rc<Locales>, Diagnostic> {
        thread_local! {
            static MADE: RefCell<Option<(LanguageLocales, Rc<Locales>)>> =
                const { RefCell::new(None) };
        }
        let same_languages = |made: &[(String, String)]| {
            made.iter()
                .map(|(code, locale)| (code.as_str(), locale.as_str()))
                .eq(config
                    .languages
                    .iter()
                    .map(|l| (l.code.as_str(), l.locale.as_str())))
        };
        MADE.with(|made| {
            let mut made = made.borrow_mut();
            if let Some((languages, locales)) = made.as_ref()
                && same_languages(languages)
            {
                return Ok(Rc::clone(locales));
            }
            let locales = Rc::new(Locales::new(config)?);
            let languages = config
                .languages
                .iter()
                .map(|l| (l.code.clone(), l.locale.clone()))
                .collect();
            *made = Some((languages, Rc::clone(&locales)));
            Ok(locales)
        })
    }

    /// A date at its known precision: "3 juillet 2025", "septembre 2025", "2030".
    pub fn date(&self, lang: &str, date: FlexDate) -> String {
        if let Some(text) = self.dates.borrow().get(lang).and_then(|d| d.get(&date)) {
            return text.clone();
        }
        let text = self.format_date(lang, date);
        self.dates
            .borrow_mut()
            .entry(lang.to_owned())
            .or_default()
            .insert(date, text.clone());
        text
    }

    fn format_date(&self, lang: &str, date: FlexDate) -> String {
        let Some(f) = self.by_lang.get(lang) else {
            return date.to_string();
        };
        let month = date.month.unwrap_or(1);
        let day = date.day.unwrap_or(1);
        let Ok(value) = Date::try_new_gregorian(date.year, month, day) else {
            return date.to_string();
        };
        match date.precision() {
            Precision::Day => f.day.format(&value).to_string(),
            Precision::Month => f.month.format(&value).to_string(),
            Precision::Year => f.year.format(&value).to_string(),
        }
    }

    /// A month's name as a chart's axis shows it: abbreviated where the locale abbreviates
    /// ("juil."), whole where it does not (يوليوز).
    pub fn month_name(&self, lang: &str, month: u8) -> String {
        let Some(f) = self.by_lang.get(lang) else {
            return month.to_string();
        };
        match Date::try_new_gregorian(2000, month, 1) {
            Ok(value) => f.month_name.format(&value).to_string(),
            Err(_) => month.to_string(),
        }
    }

    /// A number with the locale's grouping and decimal separators.
    pub fn number(&self, lang: &str, value: f64) -> String {
        let Some(f) = self.by_lang.get(lang) else {
            return value.to_string();
        };
        // f64's Display is the shortest text that reads back as the same value.
        match value.to_string().parse::<Decimal>() {
            Ok(decimal) => f.decimal.format(&decimal).to_string(),
            Err(_) => value.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locales() -> Locales {
        Locales::new(&crate::config::test_config()).unwrap()
    }

    #[test]
    fn a_thread_keeps_its_formatters_until_the_locales_change() {
        let mut config = crate::config::test_config();
        let first = Locales::for_thread(&config).unwrap();
        assert!(Rc::ptr_eq(&first, &Locales::for_thread(&config).unwrap()));
        let arabic = config
            .languages
            .iter_mut()
            .find(|l| l.code == "ar")
            .unwrap();
        arabic.locale = String::from("ar-EG");
        let changed = Locales::for_thread(&config).unwrap();
        assert!(!Rc::ptr_eq(&first, &changed));
        // ar-EG writes Arabic-Indic digits where ar-MA keeps Latin ones.
        assert_ne!(
            changed.date("ar", date("2025-07-03")),
            first.date("ar", date("2025-07-03"))
        );
    }

    fn date(text: &str) -> FlexDate {
        FlexDate::parse(text).unwrap()
    }

    #[test]
    fn moroccan_arabic_month_names() {
        let l = locales();
        assert_eq!(l.date("ar", date("2025-07-03")), "3 يوليوز 2025");
        let months: Vec<String> = (1..=12)
            .map(|m| l.date("ar", date(&format!("2025-{m:02}-01"))))
            .collect();
        let expected = [
            "يناير",
            "فبراير",
            "مارس",
            "أبريل",
            "ماي",
            "يونيو",
            "يوليوز",
            "غشت",
            "شتنبر",
            "أكتوبر",
            "نونبر",
            "دجنبر",
        ];
        for (formatted, month) in months.iter().zip(expected) {
            assert_eq!(formatted, &format!("1 {month} 2025"));
        }
    }

    #[test]
    fn french_dates_at_each_precision() {
        let l = locales();
        assert_eq!(l.date("fr", date("2025-07-03")), "3 juillet 2025");
        assert_eq!(l.date("fr", date("2025-09")), "septembre 2025");
        assert_eq!(l.date("fr", date("2030")), "2030");
        assert_eq!(l.date("ar", date("2025-09")), "شتنبر 2025");
    }

    #[test]
    fn month_names_for_chart_axes() {
        let l = locales();
        assert_eq!(l.month_name("fr", 7), "juil.");
        assert_eq!(l.month_name("fr", 5), "mai");
        assert_eq!(l.month_name("ar", 8), "غشت");
    }

    #[test]
    fn numbers_use_locale_grouping() {
        let l = locales();
        // CLDR's fr-MA groups with a dot, like ar-MA (fr-FR would use a narrow space).
        assert_eq!(l.number("fr", 240000.0), "240.000");
        assert_eq!(l.number("ar", 240000.0), "240.000");
        assert_eq!(l.number("fr", 12.5), "12,5");
    }
}
