//! Two fact sheets must not describe the same entity: a partner entered twice under two slugs
//! would split its agreements and articles between two pages. Sheets are compared on what
//! identifies them — names in every language, acronyms, web addresses, an agreement's parties
//! and date — after folding case and punctuation.

use std::collections::HashMap;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::Sheet;
use crate::load::schema::{
    EventSheet, Localized, MouSheet, PartnerSheet, ProgrammeSheet, RegionSheet,
};

/// Reports every pair of sheets of one kind that share an identifying key.
pub fn report(
    partners: &[Sheet<PartnerSheet>],
    regions: &[Sheet<RegionSheet>],
    programmes: &[Sheet<ProgrammeSheet>],
    events: &[Sheet<EventSheet>],
    mous: &[Sheet<MouSheet>],
    problems: &mut Diagnostics,
) {
    compare(partners, "partner", problems, |p| {
        let mut keys = names("name", &p.name);
        if let Some(short) = &p.short_name {
            keys.extend(names("short_name", short));
        }
        if let Some(website) = &p.website {
            keys.push((String::from("website"), fold_address(website.get_ref())));
        }
        keys
    });
    compare(regions, "region", problems, |r| names("name", &r.name));
    compare(programmes, "programme", problems, |p| {
        names("name", &p.name)
    });
    compare(events, "event", problems, |e| {
        let mut keys = names("name", &e.name);
        // The same name in another year is another edition, not the same event.
        for key in &mut keys {
            key.1.push_str(&format!("@{}", e.date.get_ref()));
        }
        keys
    });
    compare(mous, "agreement", problems, |m| {
        let mut parties: Vec<&str> = m.partners.iter().map(|p| p.get_ref().as_str()).collect();
        parties.sort_unstable();
        parties.dedup();
        let mut keys = names("title", &m.title);
        keys.push((
            String::from("partners and date"),
            format!("{}@{}", parties.join("+"), m.date.get_ref()),
        ));
        keys
    });
}

/// One key per language of a localized name: `("name (fr)", folded text)`.
fn names(field: &str, text: &Localized) -> Vec<(String, String)> {
    text.get_ref()
        .iter()
        .map(|(lang, value)| (format!("{field} ({lang})"), fold(value)))
        .filter(|(_, folded)| !folded.is_empty())
        .collect()
}

fn compare<T>(
    sheets: &[Sheet<T>],
    noun: &str,
    problems: &mut Diagnostics,
    keys: impl Fn(&T) -> Vec<(String, String)>,
) {
    let mut seen: HashMap<(String, String), &Sheet<T>> = HashMap::new();
    for sheet in sheets {
        let mut reported_against: Vec<&str> = Vec::new();
        for key in keys(&sheet.data) {
            let field = key.0.clone();
            match seen.get(&key) {
                // The same slug twice is already reported as a duplicate slug.
                Some(first) if first.slug != sheet.slug => {
                    if reported_against.contains(&first.slug.as_str()) {
                        continue;
                    }
                    reported_against.push(&first.slug);
                    problems.push(
                        Diagnostic::error(format!(
                            "this {noun} has the same {field} as `{}`",
                            first.slug
                        ))
                        .in_file(&sheet.file.path)
                        .hint(format!(
                            "{} seems to describe the same {noun}: merge the two sheets into one, or tell them apart",
                            first.file.path.display()
                        )),
                    );
                }
                Some(_) => {}
                None => {
                    seen.insert(key, sheet);
                }
            }
        }
    }
}

/// Lowercase letters and digits of any script, words separated by one space.
fn fold(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// `https://www.example.org/` and `http://example.org` are one address.
fn fold_address(url: &str) -> String {
    let url = url.trim().to_lowercase();
    let url = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(&url);
    let url = url.strip_prefix("www.").unwrap_or(url);
    url.trim_end_matches('/').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_punctuation_and_spacing() {
        assert_eq!(fold("Mistral  AI"), fold("mistral-ai"));
        assert_eq!(fold("L'Oriental"), "l oriental");
        assert_eq!(fold("جهة الشرق،"), "جهة الشرق");
        assert_ne!(fold("Mistral AI"), fold("OpenAI"));
    }

    #[test]
    fn addresses_fold_scheme_www_and_trailing_slash() {
        assert_eq!(
            fold_address("https://www.undp.org/"),
            fold_address("http://undp.org")
        );
    }
}
