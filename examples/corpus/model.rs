//! What the corpus is, independently of how a site generator stores it: entities, their
//! references (as indexes into [`Corpus`]), and article bodies as blocks whose links name an
//! entity rather than a URL. A writer ([`crate::marsad`]) turns this into files.

use std::fmt;

/// The two languages of the observatory, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Fr,
    Ar,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::Ar];

    /// The language code (file names, TOML keys).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::Ar => "ar",
        }
    }
}

/// A text in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bi {
    pub fr: String,
    pub ar: String,
}

impl Bi {
    pub fn new(fr: impl Into<String>, ar: impl Into<String>) -> Self {
        Bi {
            fr: fr.into(),
            ar: ar.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::Ar => &self.ar,
        }
    }
}

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// The date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    pub fn days(self) -> i64 {
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let yoe = year - era * 400;
        let month = i64::from(self.month);
        let doy = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5
            + i64::from(self.day)
            - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// `YYYY-MM`, for sources known to the month.
    pub fn month_text(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// One of the twelve real regions, read from the repository.
#[derive(Debug, Clone)]
pub struct Region {
    pub slug: String,
    pub name: Bi,
    pub capital: Bi,
}

/// A source document (fictional).
#[derive(Debug, Clone)]
pub struct Source {
    pub id: String,
    pub publisher: String,
    pub date: Date,
    pub language: Lang,
    pub url: String,
    pub title: Bi,
    pub summary: Bi,
}

/// A partner organisation (fictional).
#[derive(Debug, Clone)]
pub struct Partner {
    pub slug: String,
    pub kind: &'static str,
    pub country: Option<&'static str>,
    pub website: String,
    pub name: Bi,
    /// The French article used before the name in running text (`l'`, `la `, or nothing).
    pub fr_article: &'static str,
    pub description: Bi,
    pub sources: Vec<usize>,
}

/// A programme target.
#[derive(Debug, Clone)]
pub struct Target {
    pub value: Option<u64>,
    pub unit: Option<&'static str>,
    pub deadline: Option<i32>,
    pub source: usize,
    pub label: Bi,
}

/// One of the five programmes, with the real slug and names.
#[derive(Debug, Clone)]
pub struct Programme {
    pub slug: &'static str,
    pub launched: Option<Date>,
    pub status: &'static str,
    pub partners: Vec<usize>,
    pub regions: Vec<usize>,
    pub sources: Vec<usize>,
    pub name: Bi,
    /// How running text names it (`la stratégie Maroc Digital 2030`).
    pub in_text: Bi,
    pub summary: Bi,
    pub targets: Vec<Target>,
}

/// A conference or forum.
#[derive(Debug, Clone)]
pub struct Event {
    pub slug: String,
    pub date: Date,
    pub region: usize,
    pub partners: Vec<usize>,
    pub programmes: Vec<usize>,
    pub sources: Vec<usize>,
    pub name: Bi,
    pub place: Bi,
    pub summary: Bi,
    /// How many agreements the sources say were signed there, when they say.
    pub agreements_announced: Option<u64>,
}

/// An agreement between two partners.
#[derive(Debug, Clone)]
pub struct Mou {
    pub slug: String,
    pub date: Date,
    pub status: &'static str,
    pub partners: [usize; 2],
    pub themes: Vec<&'static str>,
    pub regions: Vec<usize>,
    pub programmes: Vec<usize>,
    pub event: Option<usize>,
    pub sources: Vec<usize>,
    pub title: Bi,
    pub summary: Bi,
}

/// What an article is about, the same in every language.
#[derive(Debug, Clone, Default)]
pub struct Refs {
    pub regions: Vec<usize>,
    pub partners: Vec<usize>,
    pub mous: Vec<usize>,
    pub programmes: Vec<usize>,
    pub events: Vec<usize>,
    pub sources: Vec<usize>,
}

/// An article in both languages. Its body is not stored: [`crate::text::body`] writes it
/// from [`Plan`] whenever it is needed, the same every time, so a corpus of ten thousand
/// articles stays small in memory and its bodies can be written in parallel.
#[derive(Debug, Clone)]
pub struct Article {
    pub slug: String,
    pub date: Date,
    pub updated: Option<Date>,
    pub refs: Refs,
    pub title: Bi,
    pub summary: Bi,
    pub plan: Plan,
}

/// What an article's body will contain, decided once for both languages.
#[derive(Debug, Clone)]
pub struct Plan {
    /// Its main and secondary themes (indexes into [`crate::lexicon::THEMES`]).
    pub themes: [usize; 2],
    /// The programme its text mentions (linked only if it is among its references).
    pub programme: usize,
    /// Other articles it links to.
    pub related: Vec<usize>,
    /// A code block, in one article of five.
    pub code: Option<CodeLanguage>,
    /// Seeds the body's words (one stream per language).
    pub seed: u64,
}

/// The language of a code block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeLanguage {
    Json,
    Python,
}

/// A block of an article body.
#[derive(Debug, Clone)]
pub enum Block {
    /// A second-level heading.
    Heading(String),
    Paragraph(Vec<Inline>),
    /// A bulleted list.
    List(Vec<Vec<Inline>>),
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// A fenced code block.
    Code {
        language: &'static str,
        code: String,
    },
}

/// Running text: plain, or a link to an entity of the corpus.
#[derive(Debug, Clone)]
pub enum Inline {
    Text(String),
    Link { text: String, to: Link },
}

/// What a link leads to (an index into the corpus).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    Article(usize),
    Region(usize),
    Partner(usize),
    Programme(usize),
    Mou(usize),
    Event(usize),
    Source(usize),
}

/// The whole synthetic observatory.
#[derive(Debug, Clone)]
pub struct Corpus {
    pub regions: Vec<Region>,
    pub sources: Vec<Source>,
    pub partners: Vec<Partner>,
    pub programmes: Vec<Programme>,
    pub events: Vec<Event>,
    pub mous: Vec<Mou>,
    pub articles: Vec<Article>,
}

/// Words of running text (what a reader reads: code is left out).
pub fn word_count(body: &[Block]) -> usize {
    let words = |text: &str| {
        text.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
    };
    let inline_words = |inlines: &[Inline]| -> usize {
        inlines
            .iter()
            .map(|i| match i {
                Inline::Text(t) => words(t),
                Inline::Link { text, .. } => words(text),
            })
            .sum()
    };
    body.iter()
        .map(|block| match block {
            Block::Heading(text) => words(text),
            Block::Paragraph(inlines) => inline_words(inlines),
            Block::List(items) => items.iter().map(|i| inline_words(i)).sum(),
            Block::Table { header, rows } => header
                .iter()
                .chain(rows.iter().flatten())
                .map(|c| words(c))
                .sum(),
            Block::Code { .. } => 0,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip() {
        assert_eq!(Date::from_days(0).to_string(), "1970-01-01");
        for days in [-1, 0, 59, 19_723, 19_782, 20_000, 20_758] {
            assert_eq!(Date::from_days(days).days(), days);
        }
        assert_eq!(Date::from_days(19_782).to_string(), "2024-02-29");
    }
}
