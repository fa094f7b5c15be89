//! Deciding what the corpus contains: sources, partners, programmes, events, agreements and
//! articles, with references that all resolve and no two sheets describing the same entity.
//! Each kind of entity draws from its own random stream, so the partners are the same whatever
//! the number of articles.

use std::collections::HashSet;

use crate::lexicon::{
    self, EVENT_KINDS, ORGANISATION_KINDS, PROGRAMMES, PUBLISHERS, STEMS, THEMES,
};
use crate::model::{
    Article, Bi, CodeLanguage, Corpus, Date, Event, Lang, Mou, Partner, Plan, Programme, Refs,
    Region, Source, Target,
};
use crate::rng::Rng;
use crate::text::{Subject, Writer, plain};

/// How many of each fact sheet.
const PARTNERS: usize = 40;
const SOURCES: usize = 8;
const EVENTS: usize = 6;

/// Articles, agreements and events are dated between these two days.
const FIRST_DAY: Date = Date {
    year: 2023,
    month: 1,
    day: 1,
};
const LAST_DAY: Date = Date {
    year: 2026,
    month: 10,
    day: 31,
};

/// The corpus of `articles` articles (in each language) for `seed`.
pub fn corpus(regions: Vec<Region>, articles: usize, seed: u64) -> Corpus {
    let root = Rng::new(seed);
    let sources = sources(&mut root.fork(1));
    let partners = partners(&mut root.fork(2), &sources);
    let programmes = programmes(&mut root.fork(3), &regions, &sources);
    let mut events = events(&mut root.fork(4), &regions, &sources);
    let mous = mous(
        &mut root.fork(5),
        articles / 20,
        &regions,
        &partners,
        &mut events,
    );
    let mut corpus = Corpus {
        regions,
        sources,
        partners,
        programmes,
        events,
        mous,
        articles: Vec::with_capacity(articles),
    };
    for i in 0..articles {
        let article = article(&mut root.fork(1000 + i as u64), &corpus, i, articles);
        corpus.articles.push(article);
    }
    corpus
}

fn day(rng: &mut Rng) -> Date {
    let first = FIRST_DAY.days();
    let last = LAST_DAY.days();
    Date::from_days(first + rng.range(0, (last - first) as usize) as i64)
}

/// Fills `{T}`-style placeholders of a sheet's text (no links in fact sheets).
fn sheet_text(template: &str, values: &[(&str, &str)]) -> String {
    let mut text = template.to_owned();
    for (name, value) in values {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// French sentences start with a capital, even when they start with `l'Université…`.
fn capital(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn sources(rng: &mut Rng) -> Vec<Source> {
    (0..SOURCES)
        .map(|i| {
            let (publisher, language) = PUBLISHERS[i % PUBLISHERS.len()];
            let theme = rng.pick(THEMES);
            Source {
                id: format!("corpus-source-{}", i + 1),
                publisher: publisher.to_owned(),
                date: day(rng),
                language: if language == "ar" { Lang::Ar } else { Lang::Fr },
                url: format!("https://example.org/corpus/source-{}", i + 1),
                title: Bi::new(
                    format!("Dossier de presse sur {} au Maroc ({})", theme.fr, i + 1),
                    format!("ملف صحفي حول {} في المغرب ({})", theme.ar, i + 1),
                ),
                summary: Bi::new(
                    format!(
                        "Article consacré à {}, qui cite des projets dans plusieurs régions et les partenaires qui y participent. Les montants et les calendriers y sont rarement précisés.",
                        theme.fr
                    ),
                    format!(
                        "مقال يتناول {}، ويذكر مشاريع في عدة جهات والشركاء المساهمين فيها، دون أن يحدد في الغالب المبالغ والآجال.",
                        theme.ar
                    ),
                ),
            }
        })
        .collect()
}

fn partners(rng: &mut Rng, sources: &[Source]) -> Vec<Partner> {
    let mut combinations: Vec<(usize, usize)> = (0..STEMS.len())
        .flat_map(|s| (0..ORGANISATION_KINDS.len()).map(move |k| (s, k)))
        .collect();
    for i in (1..combinations.len()).rev() {
        let j = rng.range(0, i);
        combinations.swap(i, j);
    }
    combinations
        .into_iter()
        .take(PARTNERS)
        .map(|(s, k)| {
            let stem = &STEMS[s];
            let kind = &ORGANISATION_KINDS[k];
            let slug = kind.slug.replace("{s}", stem.slug);
            let name = Bi::new(
                kind.fr.replace("{s}", stem.fr),
                kind.ar.replace("{s}", stem.ar),
            );
            let themes = rng.distinct(2, THEMES.len());
            let (t1, t2) = (&THEMES[themes[0]], &THEMES[themes[1]]);
            let description = Bi::new(
                format!(
                    "{} est {}. Ses projets portent notamment sur {} et sur {}.",
                    capital(&format!("{}{}", kind.fr_article, name.fr)),
                    kind.fr_what,
                    t1.fr,
                    t2.fr
                ),
                format!(
                    "{}: {}. ومن مجالات الاشتغال: {} و{}.",
                    name.ar, kind.ar_what, t1.ar, t2.ar
                ),
            );
            Partner {
                website: format!("https://{slug}.example.ma/"),
                slug,
                kind: kind.kind,
                country: kind.country,
                name,
                fr_article: kind.fr_article,
                description,
                sources: vec![rng.range(0, sources.len() - 1)],
            }
        })
        .collect()
}

/// The five programmes of the real observatory, with their real slugs and names (region
/// sheets point at `jazari-root`) and generated facts.
fn programmes(rng: &mut Rng, regions: &[Region], sources: &[Source]) -> Vec<Programme> {
    const UNITS: &[(&str, u64, u64, &str, &str)] = &[
        (
            "jobs",
            1_000,
            50_000,
            "Emplois directs créés",
            "مناصب شغل مباشرة",
        ),
        ("institutes", 2, 12, "Instituts ouverts", "معاهد مفتوحة"),
        (
            "percent",
            20,
            90,
            "Part des démarches administratives numérisées",
            "نسبة الإجراءات الإدارية المرقمنة",
        ),
        ("dirhams", 10, 900, "Montant mobilisé", "المبلغ المعبأ"),
        ("megawatts", 50, 500, "Capacité installée", "القدرة المنشأة"),
    ];
    PROGRAMMES
        .iter()
        .map(|p| {
            let themes = rng.distinct(2, THEMES.len());
            let (t1, t2) = (&THEMES[themes[0]], &THEMES[themes[1]]);
            let summary = Bi::new(
                format!(
                    "{} est présenté par les sources comme un levier pour {} et pour {}. Les documents consultés en donnent les grandes lignes, sans calendrier détaillé.",
                    capital(p.fr_text),
                    t1.fr,
                    t2.fr
                ),
                format!(
                    "تُدرج المصادر {} ضمن أدوات النهوض ب{} و{}. وتعرض الوثائق المتاحة الخطوط العريضة للمشروع دون جدول زمني مفصل.",
                    p.ar_text, t1.ar, t2.ar
                ),
            );
            let target_count = rng.range(1, 2);
            let targets = rng
                .distinct(target_count, UNITS.len())
                .into_iter()
                .map(|u| {
                    let (unit, low, high, fr, ar) = UNITS[u];
                    let mut value = rng.range(low as usize, high as usize) as u64;
                    if unit == "dirhams" {
                        value *= 1_000_000;
                    }
                    Target {
                        value: Some(value),
                        unit: Some(unit),
                        deadline: Some(rng.range(2027, 2030) as i32),
                        source: rng.range(0, sources.len() - 1),
                        label: Bi::new(fr, ar),
                    }
                })
                .collect();
            let partner_count = rng.range(1, 3);
            let region_count = rng.range(0, 3);
            Programme {
                slug: p.slug,
                launched: rng.chance(1, 2).then(|| day(rng)),
                status: "announced",
                partners: rng.distinct(partner_count, PARTNERS),
                regions: rng.distinct(region_count, regions.len()),
                sources: vec![rng.range(0, sources.len() - 1)],
                name: Bi::new(p.fr, p.ar),
                in_text: Bi::new(p.fr_text, p.ar_text),
                summary,
                targets,
            }
        })
        .collect()
}

fn events(rng: &mut Rng, regions: &[Region], sources: &[Source]) -> Vec<Event> {
    let places = rng.distinct(EVENTS, regions.len());
    places
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let region = &regions[r];
            let (kind, fr, ar) = EVENT_KINDS[i % EVENT_KINDS.len()];
            let date = day(rng);
            let themes = rng.distinct(2, THEMES.len());
            let (t1, t2) = (&THEMES[themes[0]], &THEMES[themes[1]]);
            let city = [("C", region.capital.fr.as_str())];
            let city_ar = [("C", region.capital.ar.as_str())];
            let partner_count = rng.range(1, 3);
            let programme_count = rng.range(0, 1);
            Event {
                slug: format!("{kind}-{}-{}", region.slug, date.year),
                date,
                region: r,
                partners: rng.distinct(partner_count, PARTNERS),
                programmes: rng.distinct(programme_count, PROGRAMMES.len()),
                sources: vec![rng.range(0, sources.len() - 1)],
                name: Bi::new(sheet_text(fr, &city), sheet_text(ar, &city_ar)),
                place: region.capital.clone(),
                summary: Bi::new(
                    format!(
                        "Rencontre organisée à {} autour de {} et de {}, avec des chercheurs, des entreprises et des représentants de l'administration.",
                        region.capital.fr, t1.fr, t2.fr
                    ),
                    format!(
                        "لقاء نُظم في {} حول {} و{}، بمشاركة باحثين ومقاولات وممثلين عن الإدارة.",
                        region.capital.ar, t1.ar, t2.ar
                    ),
                ),
                agreements_announced: None,
            }
        })
        .collect()
}

/// `count` agreements between distinct pairs of partners; those signed at an event are
/// counted in its figures (with one more announced at every other event, which the site shows
/// as unidentified).
fn mous(
    rng: &mut Rng,
    count: usize,
    regions: &[Region],
    partners: &[Partner],
    events: &mut [Event],
) -> Vec<Mou> {
    const STATUSES: &[(&str, &str, &str)] = &[
        ("announced", "Partenariat annoncé entre", "شراكة معلنة بين"),
        ("in-discussion", "Discussions entre", "مباحثات بين"),
        ("in-negotiation", "Négociations entre", "مفاوضات بين"),
        ("signed", "Mémorandum d'entente entre", "مذكرة تفاهم بين"),
        (
            "operating",
            "Convention de partenariat entre",
            "اتفاقية شراكة بين",
        ),
    ];
    let mut subjects: HashSet<(usize, usize, usize)> = HashSet::new();
    let mut dated: HashSet<(usize, usize, Date)> = HashSet::new();
    let mut mous = Vec::with_capacity(count);
    while mous.len() < count {
        let pair = rng.distinct(2, partners.len());
        let (a, b) = (pair[0].min(pair[1]), pair[0].max(pair[1]));
        let theme = rng.range(0, THEMES.len() - 1);
        let event = rng.chance(1, 4).then(|| rng.range(0, events.len() - 1));
        let date = event.map_or_else(|| day(rng), |e| events[e].date);
        if !subjects.insert((a, b, theme)) || !dated.insert((a, b, date)) {
            continue;
        }
        let (status, fr_kind, ar_kind) = *rng.pick(STATUSES);
        let (pa, pb) = (&partners[pair[0]], &partners[pair[1]]);
        let t = &THEMES[theme];
        let fr_a = format!("{}{}", pa.fr_article, pa.name.fr);
        let fr_b = format!("{}{}", pb.fr_article, pb.name.fr);
        let mut themes = vec![t.vocabulary];
        let other = rng.pick(THEMES).vocabulary;
        if !themes.contains(&other) {
            themes.push(other);
        }
        let region_count = rng.range(0, 1);
        let programme_count = rng.range(0, 1);
        let index = mous.len();
        mous.push(Mou {
            slug: format!("accord-{}-{}", t.key, index + 1),
            date,
            status,
            partners: [pair[0], pair[1]],
            themes,
            regions: rng.distinct(region_count, regions.len()),
            programmes: rng.distinct(programme_count, PROGRAMMES.len()),
            event,
            sources: vec![pa.sources[0]],
            title: Bi::new(
                format!("{fr_kind} {fr_a} et {fr_b} sur {}", t.fr),
                format!("{ar_kind} {} و{} حول {}", pa.name.ar, pb.name.ar, t.ar),
            ),
            summary: Bi::new(
                format!(
                    "{} et {} ont engagé un rapprochement portant sur {}. Les sources ne précisent ni la durée de l'accord ni les montants engagés.",
                    capital(&fr_a),
                    fr_b,
                    t.fr
                ),
                format!(
                    "يهم هذا التقارب بين {} و{} مجال {}. ولا تحدد المصادر مدة الاتفاق ولا المبالغ المرصودة.",
                    pa.name.ar, pb.name.ar, t.ar
                ),
            ),
        });
    }
    for (e, event) in events.iter_mut().enumerate() {
        let signed = mous
            .iter()
            .filter(|m| m.event == Some(e) && matches!(m.status, "signed" | "operating"))
            .count() as u64;
        if signed > 0 {
            event.agreements_announced = Some(signed + (e as u64 % 2));
        }
    }
    mous
}

/// Article `index`: its references, dates, titles and the plan of its body.
fn article(rng: &mut Rng, corpus: &Corpus, index: usize, total: usize) -> Article {
    let region_count = rng.range(1, 2);
    let partner_count = rng.range(1, 3);
    let regions = rng.distinct(region_count, corpus.regions.len());
    let partners = rng.distinct(partner_count, corpus.partners.len());
    let programme = rng.range(0, corpus.programmes.len() - 1);
    let refs = Refs {
        regions,
        partners,
        mous: if !corpus.mous.is_empty() && rng.chance(3, 10) {
            vec![rng.range(0, corpus.mous.len() - 1)]
        } else {
            Vec::new()
        },
        programmes: if rng.chance(1, 2) {
            vec![programme]
        } else {
            Vec::new()
        },
        events: if rng.chance(1, 5) {
            vec![rng.range(0, corpus.events.len() - 1)]
        } else {
            Vec::new()
        },
        sources: vec![rng.range(0, corpus.sources.len() - 1)],
    };
    let themes = rng.distinct(2, THEMES.len());
    let themes = [themes[0], themes[1]];
    let date = day(rng);
    let updated = rng
        .chance(1, 4)
        .then(|| Date::from_days(date.days() + rng.range(1, 120) as i64));
    let related_count = rng.range(2, 3).min(total.saturating_sub(1));
    let related: Vec<usize> = rng
        .distinct(related_count, total - 1)
        .into_iter()
        .map(|a| if a >= index { a + 1 } else { a })
        .collect();
    let code = rng.chance(1, 5).then(|| {
        if rng.chance(1, 2) {
            CodeLanguage::Json
        } else {
            CodeLanguage::Python
        }
    });
    let slug = format!(
        "{}-{}-{}",
        THEMES[themes[0]].key,
        corpus.regions[refs.regions[0]].slug,
        index + 1
    );
    let seed = rng.next_u64();
    let heads: Vec<(String, String)> = Lang::ALL
        .iter()
        .map(|&lang| {
            let names = &corpus.programmes[programme].in_text;
            let subject = Subject {
                lang,
                regions: &corpus.regions,
                partners: &corpus.partners,
                programme_names: [&names.fr, &names.ar],
                refs: &refs,
                themes,
                programme,
                other_partner: (refs.partners[0] + 1 + index) % corpus.partners.len(),
            };
            // The same stream in both languages: the templates of a title or summary name the
            // same things in the same order, so both translations pick the same template and
            // the same region.
            let mut writer = Writer::new(subject, rng.fork(0), false);
            let (titles, summaries) = match lang {
                Lang::Fr => (lexicon::TITLES_FR, lexicon::SUMMARIES_FR),
                Lang::Ar => (lexicon::TITLES_AR, lexicon::SUMMARIES_AR),
            };
            let title = plain(&writer.fill_one(titles));
            let summary = plain(&writer.fill_one(summaries));
            (title, summary)
        })
        .collect();
    Article {
        slug,
        date,
        updated,
        refs,
        title: Bi::new(heads[0].0.clone(), heads[1].0.clone()),
        summary: Bi::new(heads[0].1.clone(), heads[1].1.clone()),
        plan: Plan {
            themes,
            programme,
            related,
            code,
            seed,
        },
    }
}
