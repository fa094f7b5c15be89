//! Open data: the fact base published as JSON and CSV under `/data/`, and what the
//! documentation page (`/fr/data/`, `/ar/data/`) says about each file.
//!
//! Every file is one flat table. Lists that sheets nest (a region's institutes, a programme's
//! targets, an event's figures) are files of their own whose records point back by slug, so
//! the JSON and the CSV of a kind have the same fields and a spreadsheet needs no nesting.
//! References are the ones the sheet itself writes (a partner's agreements are found in
//! `mous`, which names its parties), so no fact is published twice.
//!
//! Each kind has a record struct, serialized as is to JSON, and a [`Field`] list in the same
//! order. A CSV row is read back from the record's JSON value, field by field, following the
//! list: the two formats cannot drift apart, and a unit test holds every record's keys to its
//! list. The documentation page is drawn from the same lists.
//!
//! Output is deterministic (no generation date): the same site gives the same bytes, so
//! `marsad serve` rewrites only the files that changed.

use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::ser::SerializeMap;

use crate::diagnostics::Diagnostic;
use crate::link::model::{Site, Text};
use crate::load::date::FlexDate;
use crate::load::schema::{PartnerKind, Status, Theme, Unit};

use super::context::Views;
use super::deps::{Aspect, Dep, Entity};
use super::urls::Urls;

/// The output folder of the data files, outside every language's folder.
pub const FOLDER: &str = "data";

/// What joins the values of a multi-valued field in a CSV cell.
pub const SEPARATOR: &str = ";";

/// The type of a field, as the documentation page names it (`data-type-<type>` in the
/// `.ftl` files).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FieldType {
    /// A slug or id: lowercase ASCII words joined by hyphens.
    Slug,
    /// A text in every language: `{ "fr": …, "ar": … }`, one CSV column per language.
    Text,
    /// A list of texts in every language; in CSV one column per language, items joined.
    TextList,
    /// A plain string (a code, a name as the document gives it).
    String,
    /// A list of plain strings; in CSV joined.
    StringList,
    /// An ISO 8601 date as precise as the sources: `2025`, `2025-09` or `2025-09-12`.
    Date,
    /// A date per language (articles).
    Dates,
    /// A number.
    Number,
    /// An external web address.
    Url,
    /// The address of a page of this site, per language.
    PageUrl,
    /// A reference to one record of another file; in JSON its slug and page URLs, in CSV its
    /// slug.
    Reference,
    /// References to records of another file; in CSV slugs joined.
    References,
}

impl FieldType {
    /// True when the field has one CSV column per language.
    fn per_language(self) -> bool {
        matches!(
            self,
            FieldType::Text | FieldType::TextList | FieldType::Dates | FieldType::PageUrl
        )
    }

    /// The name used in message ids (`data-type-text-list`).
    pub fn as_str(self) -> &'static str {
        match self {
            FieldType::Slug => "slug",
            FieldType::Text => "text",
            FieldType::TextList => "text-list",
            FieldType::String => "string",
            FieldType::StringList => "string-list",
            FieldType::Date => "date",
            FieldType::Dates => "dates",
            FieldType::Number => "number",
            FieldType::Url => "url",
            FieldType::PageUrl => "page-url",
            FieldType::Reference => "reference",
            FieldType::References => "references",
        }
    }
}

/// One field of a data file.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// Its JSON key, and the stem of its CSV column(s).
    pub name: &'static str,
    /// Its type.
    pub ty: FieldType,
    /// What it means: the message `data-field-<about>`, shared by fields that mean the same.
    pub about: &'static str,
    /// The closed list of values it takes, if any.
    pub values: Option<fn() -> Vec<&'static str>>,
}

const fn field(name: &'static str, ty: FieldType, about: &'static str) -> Field {
    Field {
        name,
        ty,
        about,
        values: None,
    }
}

const fn vocabulary(
    name: &'static str,
    about: &'static str,
    values: fn() -> Vec<&'static str>,
) -> Field {
    Field {
        name,
        ty: FieldType::String,
        about,
        values: Some(values),
    }
}

impl Field {
    /// Its CSV columns: `name`, or `name_fr`, `name_ar` for a field given per language.
    pub fn columns(&self, langs: &[&str]) -> Vec<String> {
        if self.ty.per_language() {
            langs
                .iter()
                .map(|lang| format!("{}_{lang}", self.name))
                .collect()
        } else {
            vec![self.name.to_owned()]
        }
    }
}

fn statuses() -> Vec<&'static str> {
    Status::ALL.iter().map(|v| v.as_str()).collect()
}
fn units() -> Vec<&'static str> {
    Unit::ALL.iter().map(|v| v.as_str()).collect()
}
fn themes() -> Vec<&'static str> {
    Theme::ALL.iter().map(|v| v.as_str()).collect()
}
fn partner_kinds() -> Vec<&'static str> {
    PartnerKind::ALL.iter().map(|v| v.as_str()).collect()
}

use FieldType as T;

const REGION_FIELDS: &[Field] = &[
    field("slug", T::Slug, "region-slug"),
    field("url", T::PageUrl, "url"),
    field("iso_code", T::String, "region-iso-code"),
    field("name", T::Text, "region-name"),
    field("capital", T::Text, "region-capital"),
    field("summary", T::Text, "region-summary"),
    field("focus", T::TextList, "region-focus"),
    field("institutes", T::References, "region-institutes"),
    field("sources", T::References, "sources"),
];

const INSTITUTE_FIELDS: &[Field] = &[
    field("slug", T::Slug, "institute-slug"),
    field("url", T::PageUrl, "institute-url"),
    field("name", T::Text, "institute-name"),
    field("description", T::Text, "institute-description"),
    field("region", T::Reference, "institute-region"),
    field("programme", T::Reference, "institute-programme"),
    vocabulary("status", "status", statuses),
    field("sources", T::References, "sources"),
];

const PARTNER_FIELDS: &[Field] = &[
    field("slug", T::Slug, "partner-slug"),
    field("url", T::PageUrl, "url"),
    field("name", T::Text, "partner-name"),
    field("short_name", T::Text, "partner-short-name"),
    vocabulary("kind", "partner-kind", partner_kinds),
    field("country", T::String, "partner-country"),
    field("website", T::Url, "partner-website"),
    field("description", T::Text, "partner-description"),
    field("sources", T::References, "sources"),
];

const MOU_FIELDS: &[Field] = &[
    field("slug", T::Slug, "mou-slug"),
    field("url", T::PageUrl, "url"),
    field("title", T::Text, "mou-title"),
    field("date", T::Date, "mou-date"),
    vocabulary("status", "status", statuses),
    Field {
        name: "themes",
        ty: T::StringList,
        about: "mou-themes",
        values: Some(themes),
    },
    field("summary", T::Text, "mou-summary"),
    field("unknowns", T::Text, "unknowns"),
    field("event", T::Reference, "mou-event"),
    field("partners", T::References, "mou-partners"),
    field("regions", T::References, "mou-regions"),
    field("programmes", T::References, "refs-programmes"),
    field("sources", T::References, "sources"),
];

const PROGRAMME_FIELDS: &[Field] = &[
    field("slug", T::Slug, "programme-slug"),
    field("url", T::PageUrl, "url"),
    field("name", T::Text, "programme-name"),
    field("launched", T::Date, "programme-launched"),
    vocabulary("status", "status", statuses),
    field("summary", T::Text, "programme-summary"),
    field("unknowns", T::Text, "unknowns"),
    field("partners", T::References, "refs-partners"),
    field("regions", T::References, "refs-regions"),
    field("sources", T::References, "sources"),
];

const TARGET_FIELDS: &[Field] = &[
    field("programme", T::Reference, "target-programme"),
    field("label", T::Text, "target-label"),
    field("value", T::Number, "target-value"),
    vocabulary("unit", "unit", units),
    field("deadline", T::Date, "target-deadline"),
    field("source", T::Reference, "stated-by"),
    field("progress_value", T::Number, "target-progress-value"),
    field("progress_as_of", T::Date, "target-progress-as-of"),
    field("progress_source", T::Reference, "target-progress-source"),
];

const EVENT_FIELDS: &[Field] = &[
    field("slug", T::Slug, "event-slug"),
    field("url", T::PageUrl, "url"),
    field("name", T::Text, "event-name"),
    field("date", T::Date, "event-date"),
    field("region", T::Reference, "event-region"),
    field("place", T::Text, "event-place"),
    field("summary", T::Text, "event-summary"),
    field("unknowns", T::Text, "unknowns"),
    field("partners", T::References, "event-partners"),
    field("programmes", T::References, "refs-programmes"),
    field("sources", T::References, "sources"),
];

const FIGURE_FIELDS: &[Field] = &[
    field("event", T::Reference, "figure-event"),
    field("label", T::Text, "figure-label"),
    field("value", T::Number, "figure-value"),
    vocabulary("unit", "unit", units),
    field("source", T::Reference, "stated-by"),
];

const SOURCE_FIELDS: &[Field] = &[
    field("slug", T::Slug, "source-slug"),
    field("url", T::PageUrl, "source-url"),
    field("title", T::Text, "source-title"),
    field("summary", T::Text, "source-summary"),
    field("date", T::Date, "source-date"),
    field("language", T::String, "source-language"),
    field("publisher", T::String, "source-publisher"),
    field("author", T::String, "source-author"),
    field("original_title", T::String, "source-original-title"),
    field("document_url", T::Url, "source-document-url"),
];

const ARTICLE_FIELDS: &[Field] = &[
    field("slug", T::Slug, "article-slug"),
    field("url", T::PageUrl, "article-url"),
    field("languages", T::StringList, "article-languages"),
    field("title", T::Text, "article-title"),
    field("summary", T::Text, "article-summary"),
    field("date", T::Dates, "article-date"),
    field("updated", T::Dates, "article-updated"),
    field("regions", T::References, "refs-regions"),
    field("partners", T::References, "refs-partners"),
    field("mous", T::References, "refs-mous"),
    field("programmes", T::References, "refs-programmes"),
    field("events", T::References, "refs-events"),
    field("sources", T::References, "sources"),
];

/// One data file: a kind of record, its fields, how many records the site has and how to
/// encode them.
pub struct Dataset {
    /// The file stem (`partners` → `/data/partners.json`, `/data/partners.csv`); also the
    /// suffix of its messages (`data-file-partners`).
    pub name: &'static str,
    /// Its fields, in file order.
    pub fields: &'static [Field],
    /// How many records `site` gives it.
    pub count: fn(&Site) -> usize,
    encode: fn(&Encoder) -> Result<Encoded, Diagnostic>,
}

impl std::fmt::Debug for Dataset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dataset").field("name", &self.name).finish()
    }
}

impl Dataset {
    /// The site path of its JSON file.
    pub fn json_path(&self) -> String {
        format!("/{FOLDER}/{}.json", self.name)
    }

    /// The site path of its CSV file.
    pub fn csv_path(&self) -> String {
        format!("/{FOLDER}/{}.csv", self.name)
    }
}

/// Every data file, in the order the documentation page lists them.
pub const DATASETS: &[Dataset] = &[
    Dataset {
        name: "regions",
        fields: REGION_FIELDS,
        count: |site| site.regions.len(),
        encode: |e| e.encode(REGION_FIELDS, e.regions()),
    },
    Dataset {
        name: "institutes",
        fields: INSTITUTE_FIELDS,
        count: |site| site.institutes.len(),
        encode: |e| e.encode(INSTITUTE_FIELDS, e.institutes()),
    },
    Dataset {
        name: "partners",
        fields: PARTNER_FIELDS,
        count: |site| site.partners.len(),
        encode: |e| e.encode(PARTNER_FIELDS, e.partners()),
    },
    Dataset {
        name: "mous",
        fields: MOU_FIELDS,
        count: |site| site.mous.len(),
        encode: |e| e.encode(MOU_FIELDS, e.mous()),
    },
    Dataset {
        name: "programmes",
        fields: PROGRAMME_FIELDS,
        count: |site| site.programmes.len(),
        encode: |e| e.encode(PROGRAMME_FIELDS, e.programmes()),
    },
    Dataset {
        name: "programme-targets",
        fields: TARGET_FIELDS,
        count: |site| site.programmes.iter().map(|p| p.targets.len()).sum(),
        encode: |e| e.encode(TARGET_FIELDS, e.targets()),
    },
    Dataset {
        name: "events",
        fields: EVENT_FIELDS,
        count: |site| site.events.len(),
        encode: |e| e.encode(EVENT_FIELDS, e.events()),
    },
    Dataset {
        name: "event-figures",
        fields: FIGURE_FIELDS,
        count: |site| site.events.iter().map(|e| e.figures.len()).sum(),
        encode: |e| e.encode(FIGURE_FIELDS, e.figures()),
    },
    Dataset {
        name: "sources",
        fields: SOURCE_FIELDS,
        count: |site| site.sources.len(),
        encode: |e| e.encode(SOURCE_FIELDS, e.sources()),
    },
    Dataset {
        name: "articles",
        fields: ARTICLE_FIELDS,
        count: |site| site.articles.len(),
        encode: |e| e.encode(ARTICLE_FIELDS, e.articles()),
    },
];

/// A value per site language, serialized as `{ "fr": …, "ar": … }` in the configured order;
/// `null` where a language has none (an article not translated, an optional text absent).
#[derive(Debug, Clone, PartialEq)]
pub struct Localized(Vec<(String, Option<String>)>);

impl Serialize for Localized {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (lang, value) in &self.0 {
            map.serialize_entry(lang, value)?;
        }
        map.end()
    }
}

/// A number as the sheet gives it: integral values print without a decimal point
/// (`240000`, not `240000.0`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Amount(pub f64);

impl Serialize for Amount {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Integers up to 2^53 are exact in an f64.
        const EXACT: f64 = 9_007_199_254_740_992.0;
        if self.0.fract() == 0.0 && self.0.abs() <= EXACT {
            serializer.serialize_i64(self.0 as i64)
        } else {
            serializer.serialize_f64(self.0)
        }
    }
}

/// A reference to a record of another file: its slug, and its page in every language.
#[derive(Debug, Serialize)]
struct Reference {
    slug: String,
    url: Localized,
}

#[derive(Debug, Serialize)]
struct RegionRecord {
    slug: String,
    url: Localized,
    iso_code: String,
    name: Localized,
    capital: Localized,
    summary: Localized,
    focus: Vec<Localized>,
    institutes: Vec<Reference>,
    sources: Vec<Reference>,
}

#[derive(Debug, Serialize)]
struct InstituteRecord {
    slug: String,
    url: Localized,
    name: Localized,
    description: Localized,
    region: Reference,
    programme: Option<Reference>,
    status: &'static str,
    sources: Vec<Reference>,
}

#[derive(Debug, Serialize)]
struct PartnerRecord {
    slug: String,
    url: Localized,
    name: Localized,
    short_name: Localized,
    kind: &'static str,
    country: Option<String>,
    website: Option<String>,
    description: Localized,
    sources: Vec<Reference>,
}

#[derive(Debug, Serialize)]
struct MouRecord {
    slug: String,
    url: Localized,
    title: Localized,
    date: String,
    status: &'static str,
    themes: Vec<&'static str>,
    summary: Localized,
    unknowns: Localized,
    event: Option<Reference>,
    partners: Vec<Reference>,
    regions: Vec<Reference>,
    programmes: Vec<Reference>,
    sources: Vec<Reference>,
}

#[derive(Debug, Serialize)]
struct ProgrammeRecord {
    slug: String,
    url: Localized,
    name: Localized,
    launched: Option<String>,
    status: Option<&'static str>,
    summary: Localized,
    unknowns: Localized,
    partners: Vec<Reference>,
    regions: Vec<Reference>,
    sources: Vec<Reference>,
}

#[derive(Debug, Serialize)]
struct TargetRecord {
    programme: Reference,
    label: Localized,
    value: Option<Amount>,
    unit: Option<&'static str>,
    deadline: Option<String>,
    source: Reference,
    progress_value: Option<Amount>,
    progress_as_of: Option<String>,
    progress_source: Option<Reference>,
}

#[derive(Debug, Serialize)]
struct EventRecord {
    slug: String,
    url: Localized,
    name: Localized,
    date: String,
    region: Option<Reference>,
    place: Localized,
    summary: Localized,
    unknowns: Localized,
    partners: Vec<Reference>,
    programmes: Vec<Reference>,
    sources: Vec<Reference>,
}

#[derive(Debug, Serialize)]
struct FigureRecord {
    event: Reference,
    label: Localized,
    value: Amount,
    unit: Option<&'static str>,
    source: Reference,
}

#[derive(Debug, Serialize)]
struct SourceRecord {
    slug: String,
    url: Localized,
    title: Localized,
    summary: Localized,
    date: String,
    language: String,
    publisher: Option<String>,
    author: Option<String>,
    original_title: Option<String>,
    document_url: Option<String>,
}

#[derive(Debug, Serialize)]
struct ArticleRecord {
    slug: String,
    url: Localized,
    languages: Vec<String>,
    title: Localized,
    summary: Localized,
    date: Localized,
    updated: Localized,
    regions: Vec<Reference>,
    partners: Vec<Reference>,
    mous: Vec<Reference>,
    programmes: Vec<Reference>,
    events: Vec<Reference>,
    sources: Vec<Reference>,
}

/// The JSON file: a small header, then the records.
#[derive(Debug, Serialize)]
struct JsonFile<'a, R> {
    /// The file stem.
    dataset: &'a str,
    /// The site's address.
    site: String,
    /// The documentation page in every language.
    documentation: Localized,
    /// The languages of localized values, in order.
    languages: &'a [&'a str],
    /// How many records follow.
    count: usize,
    records: &'a [R],
}

/// The two files of a dataset, encoded.
struct Encoded {
    json: Vec<u8>,
    csv: Vec<u8>,
}

/// Turns the site model into records.
struct Encoder<'a> {
    site: &'a Site,
    urls: super::urls::Urls,
    langs: Vec<&'a str>,
    /// The dataset being encoded, for messages.
    name: &'static str,
}

impl Encoder<'_> {
    fn localized(&self, value: impl Fn(&str) -> Option<String>) -> Localized {
        Localized(
            self.langs
                .iter()
                .map(|&lang| (lang.to_owned(), value(lang)))
                .collect(),
        )
    }

    fn text(&self, text: &Text) -> Localized {
        self.localized(|lang| text.0.get(lang).cloned())
    }

    /// An optional text keeps its shape: `{ "fr": null, "ar": null }` when absent, so a
    /// localized field is always an object.
    fn optional_text(&self, text: Option<&Text>) -> Localized {
        self.localized(|lang| text.and_then(|t| t.0.get(lang).cloned()))
    }

    fn page(&self, path: impl Fn(&str) -> String) -> Localized {
        self.localized(|lang| Some(self.urls.absolute(&path(lang))))
    }

    fn reference(&self, slug: &str, path: impl Fn(&str) -> String) -> Reference {
        Reference {
            slug: slug.to_owned(),
            url: self.page(path),
        }
    }

    fn region(&self, index: usize) -> Reference {
        let slug = &self.site.regions[index].slug;
        self.reference(slug, |lang| Urls::region(lang, slug))
    }

    fn regions_of(&self, indexes: &[usize]) -> Vec<Reference> {
        indexes.iter().map(|&i| self.region(i)).collect()
    }

    fn institute(&self, index: usize) -> Reference {
        let institute = &self.site.institutes[index];
        let region = &self.site.regions[institute.region].slug;
        self.reference(&institute.id, |lang| {
            Urls::institute(lang, region, &institute.id)
        })
    }

    fn partners_of(&self, indexes: &[usize]) -> Vec<Reference> {
        indexes
            .iter()
            .map(|&i| {
                let slug = &self.site.partners[i].slug;
                self.reference(slug, |lang| Urls::partner(lang, slug))
            })
            .collect()
    }

    fn mous_of(&self, indexes: &[usize]) -> Vec<Reference> {
        indexes
            .iter()
            .map(|&i| {
                let slug = &self.site.mous[i].slug;
                self.reference(slug, |lang| Urls::mou(lang, slug))
            })
            .collect()
    }

    fn programme(&self, index: usize) -> Reference {
        let slug = &self.site.programmes[index].slug;
        self.reference(slug, |lang| Urls::programme(lang, slug))
    }

    fn programmes_of(&self, indexes: &[usize]) -> Vec<Reference> {
        indexes.iter().map(|&i| self.programme(i)).collect()
    }

    fn event(&self, index: usize) -> Reference {
        let slug = &self.site.events[index].slug;
        self.reference(slug, |lang| Urls::event(lang, slug))
    }

    fn events_of(&self, indexes: &[usize]) -> Vec<Reference> {
        indexes.iter().map(|&i| self.event(i)).collect()
    }

    fn source(&self, index: usize) -> Reference {
        let slug = &self.site.sources[index].slug;
        self.reference(slug, |lang| Urls::source(lang, slug))
    }

    fn sources_of(&self, indexes: &[usize]) -> Vec<Reference> {
        indexes.iter().map(|&i| self.source(i)).collect()
    }

    fn regions(&self) -> Vec<RegionRecord> {
        self.site
            .regions
            .iter()
            .map(|r| RegionRecord {
                slug: r.slug.clone(),
                url: self.page(|lang| Urls::region(lang, &r.slug)),
                iso_code: r.iso_code.clone(),
                name: self.text(&r.name),
                capital: self.text(&r.capital),
                summary: self.text(&r.summary),
                focus: r.focus.iter().map(|f| self.text(f)).collect(),
                institutes: r.institutes.iter().map(|&i| self.institute(i)).collect(),
                sources: self.sources_of(&r.sources),
            })
            .collect()
    }

    fn institutes(&self) -> Vec<InstituteRecord> {
        (0..self.site.institutes.len())
            .map(|index| {
                let i = &self.site.institutes[index];
                InstituteRecord {
                    url: self.institute(index).url,
                    slug: i.id.clone(),
                    name: self.text(&i.name),
                    description: self.optional_text(i.description.as_ref()),
                    region: self.region(i.region),
                    programme: i.programme.map(|p| self.programme(p)),
                    status: i.status.as_str(),
                    sources: self.sources_of(&i.sources),
                }
            })
            .collect()
    }

    fn partners(&self) -> Vec<PartnerRecord> {
        self.site
            .partners
            .iter()
            .map(|p| PartnerRecord {
                slug: p.slug.clone(),
                url: self.page(|lang| Urls::partner(lang, &p.slug)),
                name: self.text(&p.name),
                short_name: self.optional_text(p.short_name.as_ref()),
                kind: p.kind.as_str(),
                country: p.country.clone(),
                website: p.website.clone(),
                description: self.text(&p.description),
                sources: self.sources_of(&p.sources),
            })
            .collect()
    }

    fn mous(&self) -> Vec<MouRecord> {
        self.site
            .mous
            .iter()
            .map(|m| MouRecord {
                slug: m.slug.clone(),
                url: self.page(|lang| Urls::mou(lang, &m.slug)),
                title: self.text(&m.title),
                date: m.date.to_string(),
                status: m.status.as_str(),
                themes: m.themes.iter().map(|t| t.as_str()).collect(),
                summary: self.text(&m.summary),
                unknowns: self.optional_text(m.unknowns.as_ref()),
                event: m.event.map(|e| self.event(e)),
                partners: self.partners_of(&m.refs.partners),
                regions: self.regions_of(&m.refs.regions),
                programmes: self.programmes_of(&m.refs.programmes),
                sources: self.sources_of(&m.refs.sources),
            })
            .collect()
    }

    fn programmes(&self) -> Vec<ProgrammeRecord> {
        self.site
            .programmes
            .iter()
            .map(|p| ProgrammeRecord {
                slug: p.slug.clone(),
                url: self.page(|lang| Urls::programme(lang, &p.slug)),
                name: self.text(&p.name),
                launched: p.launched.as_ref().map(FlexDate::to_string),
                status: p.status.map(Status::as_str),
                summary: self.text(&p.summary),
                unknowns: self.optional_text(p.unknowns.as_ref()),
                partners: self.partners_of(&p.refs.partners),
                regions: self.regions_of(&p.refs.regions),
                sources: self.sources_of(&p.refs.sources),
            })
            .collect()
    }

    fn targets(&self) -> Vec<TargetRecord> {
        let mut records = Vec::new();
        for (index, programme) in self.site.programmes.iter().enumerate() {
            for target in &programme.targets {
                records.push(TargetRecord {
                    programme: self.programme(index),
                    label: self.text(&target.label),
                    value: target.value.map(Amount),
                    unit: target.unit.map(Unit::as_str),
                    deadline: target.deadline.as_ref().map(FlexDate::to_string),
                    source: self.source(target.source),
                    progress_value: target.progress.map(|p| Amount(p.value)),
                    progress_as_of: target.progress.map(|p| p.as_of.to_string()),
                    progress_source: target.progress.map(|p| self.source(p.source)),
                });
            }
        }
        records
    }

    fn events(&self) -> Vec<EventRecord> {
        self.site
            .events
            .iter()
            .map(|e| EventRecord {
                slug: e.slug.clone(),
                url: self.page(|lang| Urls::event(lang, &e.slug)),
                name: self.text(&e.name),
                date: e.date.to_string(),
                region: e.region.map(|r| self.region(r)),
                place: self.optional_text(e.place.as_ref()),
                summary: self.text(&e.summary),
                unknowns: self.optional_text(e.unknowns.as_ref()),
                partners: self.partners_of(&e.refs.partners),
                programmes: self.programmes_of(&e.refs.programmes),
                sources: self.sources_of(&e.refs.sources),
            })
            .collect()
    }

    fn figures(&self) -> Vec<FigureRecord> {
        let mut records = Vec::new();
        for (index, event) in self.site.events.iter().enumerate() {
            for figure in &event.figures {
                records.push(FigureRecord {
                    event: self.event(index),
                    label: self.text(&figure.label),
                    value: Amount(figure.value),
                    unit: figure.unit.map(Unit::as_str),
                    source: self.source(figure.source),
                });
            }
        }
        records
    }

    fn sources(&self) -> Vec<SourceRecord> {
        self.site
            .sources
            .iter()
            .map(|s| SourceRecord {
                slug: s.slug.clone(),
                url: self.page(|lang| Urls::source(lang, &s.slug)),
                title: self.text(&s.title),
                summary: self.text(&s.summary),
                date: s.date.to_string(),
                language: s.language.clone(),
                publisher: s.publisher.clone(),
                author: s.author.clone(),
                original_title: s.original_title.clone(),
                document_url: s.url.clone(),
            })
            .collect()
    }

    fn articles(&self) -> Vec<ArticleRecord> {
        self.site
            .articles
            .iter()
            .map(|a| {
                let of = |value: &dyn Fn(&crate::link::model::Translation) -> Option<String>| {
                    self.localized(|lang| a.translations.get(lang).and_then(value))
                };
                ArticleRecord {
                    slug: a.slug.clone(),
                    url: self.localized(|lang| {
                        a.translations
                            .contains_key(lang)
                            .then(|| self.urls.absolute(&Urls::article(lang, &a.slug)))
                    }),
                    languages: self
                        .langs
                        .iter()
                        .filter(|lang| a.translations.contains_key(lang))
                        .map(|lang| (*lang).to_owned())
                        .collect(),
                    title: of(&|t| Some(t.title.clone())),
                    summary: of(&|t| Some(t.summary.clone())),
                    date: of(&|t| Some(t.date.to_string())),
                    updated: of(&|t| t.updated.as_ref().map(FlexDate::to_string)),
                    regions: self.regions_of(&a.refs.regions),
                    partners: self.partners_of(&a.refs.partners),
                    mous: self.mous_of(&a.refs.mous),
                    programmes: self.programmes_of(&a.refs.programmes),
                    events: self.events_of(&a.refs.events),
                    sources: self.sources_of(&a.refs.sources),
                }
            })
            .collect()
    }

    /// The file of a dataset's name, relative to the output, for messages.
    fn shown(&self, extension: &str) -> PathBuf {
        Path::new(FOLDER).join(format!("{}.{extension}", self.name))
    }

    /// Encodes `records` as JSON and as CSV.
    fn encode<R: Serialize + Sync>(
        &self,
        fields: &[Field],
        records: Vec<R>,
    ) -> Result<Encoded, Diagnostic> {
        use rayon::prelude::*;
        let failed = |extension: &str, error: &dyn std::fmt::Display| {
            Diagnostic::error(format!("cannot encode the open data file: {error}"))
                .in_file(self.shown(extension))
        };
        let file = JsonFile {
            dataset: self.name,
            site: self.urls.absolute(&Urls::root()),
            documentation: self.page(Urls::data),
            languages: &self.langs,
            count: records.len(),
            records: &records,
        };
        // The JSON file and the CSV rows are made side by side, the rows in parallel: the
        // articles dataset of a large site has tens of thousands of them, and `serve` makes it
        // again after every title edit.
        let (json, rows) = rayon::join(
            || {
                // Compact (the files are for programs; a browser's viewer indents them), with
                // `<`, `>` and `&` as `\u` escapes, which JSON readers take as the same text.
                super::meta::markup_safe_json(&file, JSON_BYTES_PER_RECORD * records.len())
                    .map_err(|e| failed("json", &e))
            },
            || {
                records
                    .par_iter()
                    .map(|record| {
                        let value = serde_json::to_value(record).map_err(|e| e.to_string())?;
                        csv_row(fields, &value, &self.langs)
                    })
                    .collect::<Result<Vec<Vec<String>>, String>>()
                    .map_err(|e| failed("csv", &e))
            },
        );
        let mut json = json?;
        json.push(b'\n');

        let rows = rows?;
        let mut csv = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::with_capacity(CSV_BYTES_PER_RECORD * rows.len()));
        let header: Vec<String> = fields.iter().flat_map(|f| f.columns(&self.langs)).collect();
        csv.write_record(&header).map_err(|e| failed("csv", &e))?;
        for row in rows {
            csv.write_record(&row).map_err(|e| failed("csv", &e))?;
        }
        let csv = csv.into_inner().map_err(|e| failed("csv", &e))?;
        Ok(Encoded { json, csv })
    }
}

/// About the size of an article's record (the largest kind) in the JSON and CSV files: their
/// buffers are sized once rather than doubled and copied through the 20 MB of a large site's
/// articles.
const JSON_BYTES_PER_RECORD: usize = 2048;
const CSV_BYTES_PER_RECORD: usize = 1024;

/// The CSV cells of one record, from its JSON value, in the order of `fields`.
fn csv_row(
    fields: &[Field],
    record: &serde_json::Value,
    langs: &[&str],
) -> Result<Vec<String>, String> {
    let mut row = Vec::new();
    for field in fields {
        let value = record
            .get(field.name)
            .ok_or_else(|| format!("a record has no field `{}`", field.name))?;
        let items = || value.as_array().map(Vec::as_slice).unwrap_or_default();
        match field.ty {
            FieldType::Text | FieldType::Dates | FieldType::PageUrl => {
                row.extend(langs.iter().map(|lang| scalar(&value[*lang])));
            }
            FieldType::TextList => {
                row.extend(langs.iter().map(|lang| {
                    let each: Vec<String> = items().iter().map(|i| scalar(&i[*lang])).collect();
                    each.join(SEPARATOR)
                }));
            }
            FieldType::Reference => row.push(scalar(&value["slug"])),
            FieldType::References => {
                let slugs: Vec<String> = items().iter().map(|r| scalar(&r["slug"])).collect();
                row.push(slugs.join(SEPARATOR));
            }
            FieldType::StringList => {
                let each: Vec<String> = items().iter().map(scalar).collect();
                row.push(each.join(SEPARATOR));
            }
            FieldType::Slug
            | FieldType::String
            | FieldType::Date
            | FieldType::Number
            | FieldType::Url => {
                if value.is_array() || value.is_object() {
                    return Err(format!("field `{}` is not a single value", field.name));
                }
                row.push(scalar(value));
            }
        }
    }
    if row.len() != fields.iter().map(|f| f.columns(langs).len()).sum::<usize>() {
        return Err(String::from("a record does not fill every column"));
    }
    Ok(row)
}

/// A JSON scalar as a CSV cell: `null` (and a missing key) is an empty cell.
fn scalar(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A file to write: its path relative to the output and its bytes.
pub type DataFile = (PathBuf, Vec<u8>);

/// Every data file, JSON then CSV for each dataset in [`DATASETS`] order.
pub fn data_files(site: &Site) -> Result<Vec<DataFile>, Diagnostic> {
    use rayon::prelude::*;
    let encoded: Vec<Result<[DataFile; 2], Diagnostic>> = DATASETS
        .par_iter()
        .map(|dataset| {
            let encoder = Encoder {
                site,
                urls: Urls::new(&site.config),
                langs: site.config.language_codes().collect(),
                name: dataset.name,
            };
            let Encoded { json, csv } = (dataset.encode)(&encoder)?;
            Ok([
                (Urls::output_file(&dataset.json_path()), json),
                (Urls::output_file(&dataset.csv_path()), csv),
            ])
        })
        .collect();
    let mut files = Vec::with_capacity(DATASETS.len() * 2);
    for pair in encoded {
        files.extend(pair?);
    }
    Ok(files)
}

/// A field as the documentation page shows it.
#[derive(Debug, Serialize)]
pub struct FieldView {
    name: &'static str,
    columns: Vec<String>,
    #[serde(rename = "type")]
    ty: &'static str,
    about: &'static str,
    values: Vec<&'static str>,
}

/// A data file as the documentation page shows it.
#[derive(Debug, Serialize)]
pub struct DatasetView {
    name: &'static str,
    json: String,
    json_file: String,
    csv: String,
    csv_file: String,
    count: usize,
    fields: Vec<FieldView>,
}

/// What the documentation page shows.
#[derive(Debug, Serialize)]
pub struct DataPage {
    files: Vec<DatasetView>,
    separator: &'static str,
    languages: Vec<String>,
}

/// The documentation page's data. It shows how many records each file has, so it reads the
/// list of every kind and the cards that count institutes, targets and figures.
pub fn page(views: &Views) -> DataPage {
    let site = views.site;
    for entity in Entity::ALL {
        views.deps.read(Dep::Collection(entity));
    }
    for index in 0..site.regions.len() {
        views.deps.entity(Entity::Region, index, Aspect::Card);
    }
    for index in 0..site.programmes.len() {
        views.deps.entity(Entity::Programme, index, Aspect::Card);
    }
    for index in 0..site.events.len() {
        views.deps.entity(Entity::Event, index, Aspect::Card);
    }
    let langs: Vec<&str> = site.config.language_codes().collect();
    let file_name = |path: &str| path.rsplit('/').next().unwrap_or(path).to_owned();
    DataPage {
        files: DATASETS
            .iter()
            .map(|dataset| DatasetView {
                name: dataset.name,
                json: views.urls.href(&dataset.json_path()),
                json_file: file_name(&dataset.json_path()),
                csv: views.urls.href(&dataset.csv_path()),
                csv_file: file_name(&dataset.csv_path()),
                count: (dataset.count)(site),
                fields: dataset
                    .fields
                    .iter()
                    .map(|f| FieldView {
                        name: f.name,
                        columns: f.columns(&langs),
                        ty: f.ty.as_str(),
                        about: f.about,
                        values: f.values.map(|values| values()).unwrap_or_default(),
                    })
                    .collect(),
            })
            .collect(),
        separator: SEPARATOR,
        languages: langs.iter().map(|l| (*l).to_owned()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_open_data_json_is_escaped_and_reads_back_the_same() {
        let text = "<script>alert(1)</script> & \"é\"";
        let escaped = super::super::meta::markup_safe_json(&[text], 0).unwrap();
        let shown = String::from_utf8(escaped.clone()).unwrap();
        assert!(!shown.contains('<') && !shown.contains('&'), "{shown}");
        let back: Vec<String> = serde_json::from_slice(&escaped).unwrap();
        assert_eq!(back, [text]);
    }
    use serde_json::{Value, json};

    fn repository_site() -> Site {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        match crate::build::load_site(root, None, false) {
            Ok(checked) => checked.site,
            Err(problems) => panic!("the repository's site does not load: {problems:?}"),
        }
    }

    #[test]
    fn amounts_keep_integers_integral() {
        assert_eq!(serde_json::to_string(&Amount(240_000.0)).unwrap(), "240000");
        assert_eq!(serde_json::to_string(&Amount(2.5)).unwrap(), "2.5");
        assert_eq!(serde_json::to_string(&Amount(-3.0)).unwrap(), "-3");
    }

    #[test]
    fn localized_values_keep_the_configured_language_order() {
        let text = Localized(vec![
            ("fr".into(), Some("Rabat".into())),
            ("ar".into(), None),
        ]);
        assert_eq!(
            serde_json::to_string(&text).unwrap(),
            r#"{"fr":"Rabat","ar":null}"#
        );
    }

    #[test]
    fn csv_cells_flatten_languages_references_and_lists() {
        let fields = [
            field("slug", T::Slug, "x"),
            field("name", T::Text, "x"),
            field("focus", T::TextList, "x"),
            field("value", T::Number, "x"),
            field("event", T::Reference, "x"),
            field("partners", T::References, "x"),
            field("themes", T::StringList, "x"),
        ];
        let record = json!({
            "slug": "a",
            "name": {"fr": "Nom, \"cité\"", "ar": null},
            "focus": [{"fr": "x", "ar": "س"}, {"fr": "y", "ar": "ص"}],
            "value": 240000,
            "event": null,
            "partners": [{"slug": "p1", "url": {}}, {"slug": "p2", "url": {}}],
            "themes": ["ethics", "skills"],
        });
        let row = csv_row(&fields, &record, &["fr", "ar"]).unwrap();
        assert_eq!(
            row,
            [
                "a",
                "Nom, \"cité\"",
                "",
                "x;y",
                "س;ص",
                "240000",
                "",
                "p1;p2",
                "ethics;skills"
            ]
        );
        let header: Vec<String> = fields
            .iter()
            .flat_map(|f| f.columns(&["fr", "ar"]))
            .collect();
        assert_eq!(header.len(), row.len());
        assert_eq!(header[1..3], ["name_fr", "name_ar"]);
    }

    #[test]
    fn a_field_missing_from_a_record_is_an_error_not_an_empty_column() {
        let fields = [field("slug", T::Slug, "x"), field("name", T::Text, "x")];
        let error = csv_row(&fields, &json!({"slug": "a"}), &["fr"]).unwrap_err();
        assert!(error.contains("`name`"), "{error}");
    }

    /// Every record of every file has exactly the fields its list documents, in that order,
    /// and the CSV header is that list with localized fields split per language.
    #[test]
    fn records_have_exactly_the_documented_fields() {
        let site = repository_site();
        let files = data_files(&site).unwrap();
        assert_eq!(files.len(), DATASETS.len() * 2);
        for (dataset, pair) in DATASETS.iter().zip(files.chunks(2)) {
            let json: Value = serde_json::from_slice(&pair[0].1).unwrap();
            let records = json["records"].as_array().unwrap();
            assert_eq!(records.len(), (dataset.count)(&site), "{}", dataset.name);
            assert_eq!(json["count"], records.len(), "{}", dataset.name);
            let names: Vec<&str> = dataset.fields.iter().map(|f| f.name).collect();
            for record in records {
                let mut keys: Vec<&str> = record
                    .as_object()
                    .unwrap()
                    .keys()
                    .map(String::as_str)
                    .collect();
                let mut expected = names.clone();
                keys.sort_unstable();
                expected.sort_unstable();
                assert_eq!(keys, expected, "{}", dataset.name);
            }
            // Key order in the file follows the field list.
            let text = String::from_utf8(pair[0].1.clone()).unwrap();
            if let Some(first) = text.find("\"records\": [") {
                let positions: Vec<usize> = names
                    .iter()
                    .filter_map(|n| text[first..].find(&format!("\"{n}\": ")))
                    .collect();
                if !records.is_empty() {
                    assert!(positions.is_sorted(), "{}: {positions:?}", dataset.name);
                }
            }
            let csv = String::from_utf8(pair[1].1.clone()).unwrap();
            let header = csv.lines().next().unwrap();
            let expected: Vec<String> = dataset
                .fields
                .iter()
                .flat_map(|f| f.columns(&["fr", "ar"]))
                .collect();
            assert_eq!(header, expected.join(","), "{}", dataset.name);
        }
    }

    #[test]
    fn the_same_site_gives_the_same_bytes() {
        let site = repository_site();
        assert_eq!(data_files(&site).unwrap(), data_files(&site).unwrap());
    }

    #[test]
    fn dates_keep_their_precision() {
        let site = repository_site();
        let files = data_files(&site).unwrap();
        let (_, bytes) = files
            .iter()
            .find(|(path, _)| path == Path::new("data/sources.json"))
            .unwrap();
        let json: Value = serde_json::from_slice(bytes).unwrap();
        for (record, source) in json["records"]
            .as_array()
            .unwrap()
            .iter()
            .zip(&site.sources)
        {
            assert_eq!(record["date"], source.date.to_string());
        }
        let precisions: std::collections::HashSet<usize> = json["records"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["date"].as_str().unwrap().len())
            .collect();
        assert!(
            precisions.iter().all(|len| [4, 7, 10].contains(len)),
            "{precisions:?}"
        );
    }
}
