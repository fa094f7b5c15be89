//! The typed shape of everything editors write: article front matter and fact sheets.
//!
//! Every struct denies unknown keys, so a misspelt key is an error with a "did you mean"
//! rather than a value silently ignored. References to other entities are kept with their
//! spans so the link stage can point at the exact slug that does not resolve.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::date::FlexDate;

/// True for an absolute http(s) URL, as the site's base URL and fact sheets' web addresses
/// must be.
pub fn is_http_url(url: &str) -> bool {
    url.starts_with("https://") || url.starts_with("http://")
}

/// True for URLs editors may link to: relative paths and fragments, and http, https and
/// mailto addresses. Anything else (`javascript:`, `data:`, …) could run code in readers'
/// browsers.
pub fn is_safe_url(url: &str) -> bool {
    let url = url.trim();
    let scheme_end = url.find(':');
    let path_start = url.find(['/', '?', '#']);
    match (scheme_end, path_start) {
        (Some(colon), Some(path)) if path < colon => true,
        (Some(colon), _) => {
            let scheme = url[..colon].to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto")
        }
        (None, _) => true,
    }
}

/// A text given once per site language: `[name]` then `fr = "…"` and `ar = "…"`.
/// Which languages are required is checked against the configuration when linking.
pub type Localized = Spanned<BTreeMap<String, String>>;

/// A reference to another entity by slug, with its position for error messages.
pub type Ref = Spanned<String>;

/// Defines a closed vocabulary: a kebab-case serde enum whose every value has an interface
/// label in the `.ftl` files under `<prefix>-<value>`.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident, $prefix:literal, { $($variant:ident => $key:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
        pub enum $name {
            $(
                #[allow(missing_docs)]
                #[serde(rename = $key)]
                $variant,
            )+
        }

        impl $name {
            /// Every value of the vocabulary.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value as written in content files.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $key,)+
                }
            }

            /// The `.ftl` message that labels this value.
            pub fn message_id(self) -> String {
                [$prefix, "-", self.as_str()].concat()
            }

            /// The `.ftl` message ids of every value.
            pub fn all_message_ids() -> impl Iterator<Item = String> {
                Self::ALL.iter().map(|v| v.message_id())
            }
        }
    };
}

vocabulary!(
    /// What kind of organisation a partner is.
    PartnerKind, "partner-kind", {
        Company => "company",
        InternationalOrganisation => "international-organisation",
        Ministry => "ministry",
        PublicInstitution => "public-institution",
        University => "university",
        Bank => "bank",
        Initiative => "initiative",
        BusinessAssociation => "business-association",
        Government => "government",
    }
);

vocabulary!(
    /// Where an agreement or an institute stands.
    Status, "status", {
        Announced => "announced",
        InDiscussion => "in-discussion",
        InNegotiation => "in-negotiation",
        Signed => "signed",
        Operating => "operating",
        Position => "position",
    }
);

vocabulary!(
    /// Subjects an agreement covers.
    Theme, "theme", {
        Education => "education",
        Employment => "employment",
        Energy => "energy",
        DataCentres => "data-centres",
        RuralInclusion => "rural-inclusion",
        Research => "research",
        Skills => "skills",
        Ethics => "ethics",
        Infrastructure => "infrastructure",
        Startups => "startups",
        Sovereignty => "sovereignty",
        PublicServices => "public-services",
        Health => "health",
        Languages => "languages",
        Sport => "sport",
        Telecoms => "telecoms",
        Finance => "finance",
        Agriculture => "agriculture",
        Tourism => "tourism",
    }
);

vocabulary!(
    /// Units of programme targets.
    Unit, "unit", {
        Jobs => "jobs",
        Dirhams => "dirhams",
        Megawatts => "megawatts",
        Regions => "regions",
        Institutes => "institutes",
        Percent => "percent",
        Agreements => "agreements",
    }
);

impl Status {
    /// True once an agreement is concluded (signed, or working): what counts as "signed".
    pub fn is_concluded(self) -> bool {
        matches!(self, Status::Signed | Status::Operating)
    }
}

/// `seeds/<id>.toml`: one source document.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceSheet {
    /// Who published it, when the document shows it.
    pub publisher: Option<String>,
    /// Who wrote it, when the document shows it.
    pub author: Option<String>,
    /// The document's own title, when it has one.
    pub original_title: Option<String>,
    /// Publication date, as precise as known.
    pub date: Spanned<FlexDate>,
    /// Language of the document.
    pub language: Spanned<String>,
    /// Where it can be read, when known.
    pub url: Option<Spanned<String>>,
    /// The archived file this record describes.
    pub file: Option<String>,
    /// A descriptive title in the observatory's words.
    pub title: Localized,
    /// A short summary in the observatory's words.
    pub summary: Localized,
}

/// `content/partners/<slug>.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartnerSheet {
    /// What kind of organisation it is.
    pub kind: PartnerKind,
    /// ISO 3166-1 alpha-2 country code, if it has one.
    pub country: Option<Spanned<String>>,
    /// Official website.
    pub website: Option<Spanned<String>>,
    /// Sources for what the sheet says.
    pub sources: Vec<Ref>,
    /// Full name.
    pub name: Localized,
    /// Acronym or usual short name.
    pub short_name: Option<Localized>,
    /// What it is and does.
    pub description: Localized,
}

/// `content/regions/<slug>.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionSheet {
    /// ISO 3166-2:MA code, e.g. `MA-02`.
    pub iso_code: Spanned<String>,
    /// Sources for what the sheet says.
    #[serde(default)]
    pub sources: Vec<Ref>,
    /// Name of the region.
    pub name: Localized,
    /// Its capital city.
    pub capital: Localized,
    /// What the sources say happens there.
    pub summary: Localized,
    /// Focus areas.
    #[serde(default)]
    pub focus: Vec<Localized>,
    /// Institutes located in the region.
    #[serde(default)]
    pub institutes: Vec<InstituteSheet>,
}

/// An institute, declared inside its region's sheet.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstituteSheet {
    /// Stable id, unique across the site (used as an anchor).
    pub id: Spanned<String>,
    /// The programme it belongs to.
    pub programme: Option<Ref>,
    /// Where it stands.
    pub status: Status,
    /// Sources.
    pub sources: Vec<Ref>,
    /// Its name.
    pub name: Localized,
    /// What it does.
    pub description: Option<Localized>,
}

/// `content/mous/<slug>.toml`: an agreement or talks towards one.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MouSheet {
    /// Date of signing or announcement, as precise as known.
    pub date: Spanned<FlexDate>,
    /// Where it stands.
    pub status: Status,
    /// Every party with a fact sheet.
    pub partners: Vec<Ref>,
    /// Subjects covered.
    #[serde(default)]
    pub themes: Vec<Theme>,
    /// Regions concerned.
    #[serde(default)]
    pub regions: Vec<Ref>,
    /// Programmes it serves.
    #[serde(default)]
    pub programmes: Vec<Ref>,
    /// Sources.
    pub sources: Vec<Ref>,
    /// Short title.
    pub title: Localized,
    /// What it says.
    pub summary: Localized,
    /// The event where it was signed or announced (slug of `content/events/`).
    pub event: Option<Ref>,
    /// What the sources leave open.
    pub unknowns: Option<Localized>,
}

/// `content/events/<slug>.toml`: a conference, summit or meeting.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventSheet {
    /// Date (the last day for an event of several days), as precise as known.
    pub date: Spanned<FlexDate>,
    /// The Moroccan region it took place in.
    pub region: Option<Ref>,
    /// Organisers and notable participants.
    #[serde(default)]
    pub partners: Vec<Ref>,
    /// Programmes it served.
    #[serde(default)]
    pub programmes: Vec<Ref>,
    /// Sources.
    pub sources: Vec<Ref>,
    /// Name.
    pub name: Localized,
    /// City and country, when the sources give them.
    pub place: Option<Localized>,
    /// What happened.
    pub summary: Localized,
    /// What the sources leave open.
    pub unknowns: Option<Localized>,
    /// Figures the sources state about it.
    #[serde(default)]
    pub figures: Vec<FigureSheet>,
}

/// A figure stated by a source (a count, an amount), with that source.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureSheet {
    /// The figure.
    pub value: Spanned<f64>,
    /// Its unit. A figure in `agreements` is checked against the agreements naming the event.
    pub unit: Option<Unit>,
    /// The source stating it.
    pub source: Ref,
    /// What is counted.
    pub label: Localized,
}

/// `content/programmes/<slug>.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgrammeSheet {
    /// Launch date, as precise as known.
    pub launched: Option<Spanned<FlexDate>>,
    /// Where it stands, when the sources say.
    pub status: Option<Status>,
    /// Partners involved.
    #[serde(default)]
    pub partners: Vec<Ref>,
    /// Regions concerned.
    #[serde(default)]
    pub regions: Vec<Ref>,
    /// Sources.
    pub sources: Vec<Ref>,
    /// Name.
    pub name: Localized,
    /// What it is.
    pub summary: Localized,
    /// What the sources leave open.
    pub unknowns: Option<Localized>,
    /// Its stated targets.
    #[serde(default)]
    pub targets: Vec<TargetSheet>,
}

/// One stated target of a programme. Every target names its source.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetSheet {
    /// The figure, absent for a qualitative target.
    pub value: Option<Spanned<f64>>,
    /// Unit of the figure.
    pub unit: Option<Unit>,
    /// When it is due.
    pub deadline: Option<Spanned<FlexDate>>,
    /// The source stating it.
    pub source: Ref,
    /// What is targeted.
    pub label: Localized,
    /// What a source reports done towards it, when one does.
    pub progress: Option<ProgressSheet>,
}

/// Progress towards a target, as a source reports it: `[targets.progress]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgressSheet {
    /// The figure reached, in the target's unit.
    pub value: Spanned<f64>,
    /// When it stood there.
    pub as_of: Spanned<FlexDate>,
    /// The source reporting it.
    pub source: Ref,
}

/// The TOML front matter of `content/articles/<slug>.<lang>.md`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleFrontMatter {
    /// Headline.
    pub title: String,
    /// Date of the event reported, or of publication.
    pub date: Spanned<FlexDate>,
    /// Date of the last substantial revision.
    pub updated: Option<Spanned<FlexDate>>,
    /// One or two sentences shown in lists and feeds.
    pub summary: String,
    /// Drafts are left out unless the build is run with `--drafts`.
    #[serde(default)]
    pub draft: bool,
    /// Regions concerned.
    #[serde(default)]
    pub regions: Vec<Ref>,
    /// Partners concerned.
    #[serde(default)]
    pub partners: Vec<Ref>,
    /// Agreements concerned.
    #[serde(default)]
    pub mous: Vec<Ref>,
    /// Programmes concerned.
    #[serde(default)]
    pub programmes: Vec<Ref>,
    /// Events concerned.
    #[serde(default)]
    pub events: Vec<Ref>,
    /// Sources.
    pub sources: Vec<Ref>,
}

/// The TOML front matter of `content/pages/<slug>.<lang>.md` (about, methodology, …).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageFrontMatter {
    /// Title.
    pub title: String,
    /// One or two sentences, for search engines and social previews.
    pub summary: String,
    /// Date of the last substantial revision.
    pub updated: Option<Spanned<FlexDate>>,
    /// Drafts are left out unless the build is run with `--drafts`.
    #[serde(default)]
    pub draft: bool,
    /// Sources the page relies on.
    #[serde(default)]
    pub sources: Vec<Ref>,
}
