//! Writing an article's words: sentence templates of [`crate::lexicon`] filled with the
//! article's regions, partners and themes, in French or in Arabic. The first mention of an
//! entity the article references becomes a link to it.

use crate::lexicon::{self, Lead, THEMES};
use crate::model::{
    Block, CodeLanguage, Corpus, Inline, Lang, Link, Partner, Refs, Region, word_count,
};
use crate::rng::Rng;

/// What a piece of text is about.
pub struct Subject<'a> {
    pub lang: Lang,
    pub regions: &'a [Region],
    pub partners: &'a [Partner],
    pub programme_names: [&'a str; 2],
    pub refs: &'a Refs,
    pub themes: [usize; 2],
    pub programme: usize,
    /// A partner to name when the template wants a second one and the article has one only.
    pub other_partner: usize,
}

/// Fills templates for one subject, remembering which entities are already linked.
pub struct Writer<'a> {
    subject: Subject<'a>,
    rng: Rng,
    links: bool,
    linked: Vec<Link>,
    deck: Vec<usize>,
}

impl<'a> Writer<'a> {
    /// A writer; `links` is false for titles and summaries, which are plain text.
    pub fn new(subject: Subject<'a>, rng: Rng, links: bool) -> Self {
        Writer {
            subject,
            rng,
            links,
            linked: Vec::new(),
            deck: Vec::new(),
        }
    }

    fn lang(&self) -> Lang {
        self.subject.lang
    }

    /// A template of `templates` usable for this subject (one that names a second partner
    /// only when the article has two), filled.
    pub fn fill_one(&mut self, templates: &[&str]) -> Vec<Inline> {
        loop {
            let template = *self.rng.pick(templates);
            if self.usable(template) {
                return self.fill(template);
            }
        }
    }

    fn usable(&self, template: &str) -> bool {
        !template.contains("{P2}") || self.subject.refs.partners.len() > 1
    }

    /// The next sentence of running text, drawn from a shuffled deck so that an article
    /// repeats itself as little as the templates allow.
    fn sentence(&mut self) -> Vec<Inline> {
        let templates = match self.lang() {
            Lang::Fr => lexicon::SENTENCES_FR,
            Lang::Ar => lexicon::SENTENCES_AR,
        };
        loop {
            if self.deck.is_empty() {
                self.deck = (0..templates.len()).collect();
                for i in (1..self.deck.len()).rev() {
                    let j = self.rng.range(0, i);
                    self.deck.swap(i, j);
                }
            }
            let template = templates[self.deck.pop().unwrap_or(0)];
            if self.usable(template) {
                return self.fill(template);
            }
        }
    }

    /// A paragraph of `sentences` sentences, or fewer once `budget` words are written.
    fn paragraph(&mut self, sentences: usize, budget: &mut isize) -> Vec<Inline> {
        let mut inlines = Vec::new();
        for i in 0..sentences {
            if i >= 2 && *budget <= 0 {
                break;
            }
            if i > 0 {
                inlines.push(Inline::Text(String::from(" ")));
            }
            let sentence = self.sentence();
            *budget -= words(&sentence) as isize;
            inlines.extend(sentence);
        }
        merge(inlines)
    }

    /// Fills one template's placeholders; French sentences get their capital.
    pub fn fill(&mut self, template: &str) -> Vec<Inline> {
        let lang = self.lang();
        let region =
            self.subject.refs.regions[self.rng.range(0, self.subject.refs.regions.len() - 1)];
        let mut out = Vec::new();
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push(Inline::Text(rest[..open].to_owned()));
            let close = open + rest[open..].find('}').expect("closed placeholder");
            let name = &rest[open + 1..close];
            rest = &rest[close + 1..];
            match name {
                "P" => {
                    let p = self.subject.refs.partners[0];
                    out.extend(self.partner(p));
                }
                "P2" => {
                    let p = self
                        .subject
                        .refs
                        .partners
                        .get(1)
                        .copied()
                        .unwrap_or(self.subject.other_partner);
                    out.extend(self.partner(p));
                }
                "R" => out.extend(self.region(region)),
                "C" => out.push(Inline::Text(
                    self.subject.regions[region].capital.get(lang).to_owned(),
                )),
                "T" => out.push(Inline::Text(theme(self.subject.themes[0], lang).to_owned())),
                "T2" => out.push(Inline::Text(theme(self.subject.themes[1], lang).to_owned())),
                "PR" => out.extend(self.programme()),
                "N" => out.push(Inline::Text((self.rng.range(12, 98) * 10).to_string())),
                "M" => out.push(Inline::Text((self.rng.range(1, 180) * 5).to_string())),
                "Y" => out.push(Inline::Text(self.rng.range(2024, 2030).to_string())),
                "n" => out.push(Inline::Text(self.rng.range(3, 9).to_string())),
                "FEW" => {
                    let few = match lang {
                        Lang::Fr => lexicon::FEW_FR,
                        Lang::Ar => lexicon::FEW_AR,
                    };
                    out.push(Inline::Text((*self.rng.pick(few)).to_owned()));
                }
                other => panic!("unknown placeholder {{{other}}} in {template:?}"),
            }
        }
        out.push(Inline::Text(rest.to_owned()));
        let mut out = merge(out);
        if lang == Lang::Fr {
            capitalize(&mut out);
        }
        out
    }

    /// Links `text` to `to` on its first mention, when links are wanted.
    fn mention(&mut self, text: String, to: Link) -> Inline {
        if self.links && !self.linked.contains(&to) {
            self.linked.push(to);
            Inline::Link { text, to }
        } else {
            Inline::Text(text)
        }
    }

    fn partner(&mut self, p: usize) -> Vec<Inline> {
        let partner = &self.subject.partners[p];
        let name = partner.name.get(self.lang()).to_owned();
        let article = match self.lang() {
            Lang::Fr => partner.fr_article,
            Lang::Ar => "",
        };
        let in_refs = self.subject.refs.partners.contains(&p);
        let name = if in_refs {
            self.mention(name, Link::Partner(p))
        } else {
            Inline::Text(name)
        };
        vec![Inline::Text(article.to_owned()), name]
    }

    fn region(&mut self, r: usize) -> Vec<Inline> {
        let name = self.subject.regions[r].name.get(self.lang());
        match self.lang() {
            Lang::Fr => {
                // « L'Oriental » reads « la région de l'Oriental ».
                let name = match name.strip_prefix("L'") {
                    Some(rest) => format!("l'{rest}"),
                    None => name.to_owned(),
                };
                vec![
                    Inline::Text(String::from("la région de ")),
                    self.mention(name, Link::Region(r)),
                ]
            }
            Lang::Ar => vec![self.mention(name.to_owned(), Link::Region(r))],
        }
    }

    fn programme(&mut self) -> Vec<Inline> {
        let p = self.subject.programme;
        let text = self.subject.programme_names[match self.lang() {
            Lang::Fr => 0,
            Lang::Ar => 1,
        }]
        .to_owned();
        if self.subject.refs.programmes.contains(&p) {
            vec![self.mention(text, Link::Programme(p))]
        } else {
            vec![Inline::Text(text)]
        }
    }

    /// `A, B et C` / `A، B وC`, each linked on first mention.
    fn enumerate(&mut self, items: Vec<Vec<Inline>>) -> Vec<Inline> {
        let (comma, and) = match self.lang() {
            Lang::Fr => (", ", " et "),
            Lang::Ar => ("، ", " و"),
        };
        let count = items.len();
        let mut out = Vec::new();
        for (i, item) in items.into_iter().enumerate() {
            if i > 0 {
                let separator = if i + 1 == count { and } else { comma };
                out.push(Inline::Text(separator.to_owned()));
            }
            out.extend(item);
        }
        out
    }
}

fn theme(index: usize, lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => THEMES[index].fr,
        Lang::Ar => THEMES[index].ar,
    }
}

fn lead(lang: Lang) -> &'static Lead {
    match lang {
        Lang::Fr => &lexicon::LEAD_FR,
        Lang::Ar => &lexicon::LEAD_AR,
    }
}

/// Joins neighbouring plain texts and drops empty ones.
fn merge(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for inline in inlines {
        match (out.last_mut(), inline) {
            (_, Inline::Text(t)) if t.is_empty() => {}
            (Some(Inline::Text(last)), Inline::Text(t)) => last.push_str(&t),
            (_, inline) => out.push(inline),
        }
    }
    out
}

/// Upper-cases the first letter of a sentence.
fn capitalize(inlines: &mut [Inline]) {
    if let Some(first) = inlines.first_mut() {
        let text = match first {
            Inline::Text(text) => text,
            Inline::Link { text, .. } => text,
        };
        let mut chars = text.chars();
        if let Some(c) = chars.next() {
            *text = c.to_uppercase().chain(chars).collect();
        }
    }
}

/// Plain text of inlines (titles, summaries).
pub fn plain(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|i| match i {
            Inline::Text(t) => t.as_str(),
            Inline::Link { text, .. } => text.as_str(),
        })
        .collect()
}

fn words(inlines: &[Inline]) -> usize {
    word_count(&[Block::Paragraph(inlines.to_vec())])
}

/// The subject of article `index` in `lang`.
pub fn subject(corpus: &Corpus, index: usize, lang: Lang) -> Subject<'_> {
    let article = &corpus.articles[index];
    let programme = &corpus.programmes[article.plan.programme];
    Subject {
        lang,
        regions: &corpus.regions,
        partners: &corpus.partners,
        programme_names: [&programme.in_text.fr, &programme.in_text.ar],
        refs: &article.refs,
        themes: article.plan.themes,
        programme: article.plan.programme,
        other_partner: (article.refs.partners[0] + 1 + index) % corpus.partners.len(),
    }
}

/// The body of article `index` in `lang`: an introduction, two to five sections under `##`
/// headings, a bulleted list, a table, sometimes a code block, and links to related articles,
/// 500 to 1,200 words in all. The same article, language and corpus always give the same
/// body.
pub fn body(corpus: &Corpus, index: usize, lang: Lang) -> Vec<Block> {
    let article = &corpus.articles[index];
    let salt = match lang {
        Lang::Fr => 0x4652,
        Lang::Ar => 0x4152,
    };
    let rng = Rng::new(article.plan.seed).fork(salt);
    let mut w = Writer::new(subject(corpus, index, lang), rng, true);
    let lead = lead(lang);
    let target = w.rng.range(560, 1080) as isize;

    // The fixed parts first, so that the sections fill what remains of the target.
    let intro = intro(&mut w, corpus, index, lead);
    let list = list(&mut w, lead);
    let table = table(&mut w, corpus, index, lead);
    let code = article
        .plan
        .code
        .map(|language| code(&mut w, corpus, index, language, lead));
    let closing = closing(&mut w, corpus, index, lead);
    let fixed: usize = [&intro, &list, &table, &closing]
        .iter()
        .map(|blocks| word_count(blocks))
        .sum::<usize>()
        + code.as_ref().map_or(0, |c| word_count(c));

    let headings = match lang {
        Lang::Fr => lexicon::HEADINGS_FR,
        Lang::Ar => lexicon::HEADINGS_AR,
    };
    let wanted = w.rng.range(3, 5);
    let chosen = w.rng.distinct(wanted, headings.len());
    let mut budget = target - fixed as isize;
    let mut sections: Vec<Vec<Block>> = Vec::new();
    let mut in_section = 0;
    let mut per_section = w.rng.range(1, 3);
    while budget > 0 || sections.len() < 2 {
        // A new section when this one has its paragraphs, or at once when the words run
        // out before there are two sections (the table goes in the second).
        let section_done = in_section >= per_section || (budget <= 0 && sections.len() < 2);
        if sections.is_empty() || (section_done && sections.len() < chosen.len()) {
            sections.push(vec![Block::Heading(
                headings[chosen[sections.len()]].to_owned(),
            )]);
            in_section = 0;
            per_section = w.rng.range(1, 3);
        }
        let sentences = w.rng.range(3, 6);
        let paragraph = w.paragraph(sentences, &mut budget);
        sections
            .last_mut()
            .expect("a section")
            .push(Block::Paragraph(paragraph));
        in_section += 1;
    }

    // The list after the first paragraph of the first section, the table after that of the
    // second, the code at the end of the last.
    let last = sections.len() - 1;
    sections[1].splice(2..2, table);
    sections[0].splice(2..2, list);
    if let Some(code) = code {
        sections[last].extend(code);
    }
    let mut blocks = intro;
    blocks.extend(sections.into_iter().flatten());
    blocks.extend(closing);
    blocks
}

/// The opening paragraph: a few sentences, the source, and every region and partner the
/// article references (each linked).
fn intro(w: &mut Writer<'_>, corpus: &Corpus, index: usize, lead: &Lead) -> Vec<Block> {
    let refs = &corpus.articles[index].refs;
    let mut first = w.sentence();
    // "… (source)." at the end of the first sentence.
    if let Some(Inline::Text(last)) = first.last_mut() {
        let trimmed = last.trim_end_matches(['.', '?']).to_owned();
        *last = trimmed;
    }
    first.push(Inline::Text(String::from(" (")));
    first.push(Inline::Link {
        text: lead.source.to_owned(),
        to: Link::Source(refs.sources[0]),
    });
    first.push(Inline::Text(String::from(").")));
    let mut inlines = first;
    let (partners_lead, regions_lead) = match w.lang() {
        Lang::Fr => (" Les acteurs cités sont ", " Le dossier concerne "),
        Lang::Ar => (" ومن الفاعلين المذكورين ", " ويهم الملف "),
    };
    inlines.push(Inline::Text(partners_lead.to_owned()));
    let partners: Vec<Vec<Inline>> = refs.partners.iter().map(|&p| w.partner(p)).collect();
    inlines.extend(w.enumerate(partners));
    inlines.push(Inline::Text(String::from(".")));
    inlines.push(Inline::Text(regions_lead.to_owned()));
    let regions: Vec<Vec<Inline>> = refs.regions.iter().map(|&r| w.region(r)).collect();
    inlines.extend(w.enumerate(regions));
    inlines.push(Inline::Text(String::from(". ")));
    let sentences = w.rng.range(1, 3);
    for _ in 0..sentences {
        inlines.extend(w.sentence());
        inlines.push(Inline::Text(String::from(" ")));
    }
    let mut inlines = merge(inlines);
    if let Some(Inline::Text(last)) = inlines.last_mut() {
        let trimmed = last.trim_end().to_owned();
        *last = trimmed;
    }
    vec![Block::Paragraph(inlines)]
}

/// A sentence, then three to five themes with what is announced for each.
fn list(w: &mut Writer<'_>, lead: &Lead) -> Vec<Block> {
    let count = w.rng.range(3, 5);
    let themes = w.rng.distinct(count, THEMES.len());
    let items = themes
        .iter()
        .enumerate()
        .map(|(i, &t)| {
            let clause = *w.rng.pick(lead.list_clauses);
            let end = match (w.lang(), i + 1 == count) {
                (_, true) => ".",
                (Lang::Fr, false) => " ;",
                (Lang::Ar, false) => "؛",
            };
            let mut item = match w.lang() {
                Lang::Fr => vec![Inline::Text(format!(
                    "{} : {clause}{end}",
                    theme(t, Lang::Fr)
                ))],
                Lang::Ar => vec![Inline::Text(format!(
                    "{}: {clause}{end}",
                    theme(t, Lang::Ar)
                ))],
            };
            capitalize(&mut item);
            item
        })
        .collect();
    vec![
        Block::Paragraph(vec![Inline::Text(lead.list.to_owned())]),
        Block::List(items),
    ]
}

/// A sentence, then a table: figures by year, or the partners and their roles.
fn table(w: &mut Writer<'_>, corpus: &Corpus, index: usize, lead: &Lead) -> Vec<Block> {
    let lang = w.lang();
    let partners = &corpus.articles[index].refs.partners;
    let (header, rows) = if partners.len() > 1 && w.rng.chance(1, 2) {
        let rows = partners
            .iter()
            .map(|&p| {
                let partner = &corpus.partners[p];
                let (kind_fr, kind_ar) = lexicon::kind_label(partner.kind);
                let (role_fr, role_ar) = *w.rng.pick(lexicon::ROLES);
                let (kind, role) = match lang {
                    Lang::Fr => (kind_fr, role_fr),
                    Lang::Ar => (kind_ar, role_ar),
                };
                vec![
                    partner.name.get(lang).to_owned(),
                    kind.to_owned(),
                    role.to_owned(),
                ]
            })
            .collect();
        (lead.table_partners, rows)
    } else {
        let mut projects = w.rng.range(2, 8);
        let mut trained = w.rng.range(5, 30) * 10;
        let rows = (2023..=2026)
            .map(|year| {
                let row = vec![year.to_string(), projects.to_string(), trained.to_string()];
                projects += w.rng.range(1, 6);
                trained += w.rng.range(5, 40) * 10;
                row
            })
            .collect();
        (lead.table_years, rows)
    };
    vec![
        Block::Paragraph(vec![Inline::Text(lead.table.to_owned())]),
        Block::Table {
            header: header.iter().map(|h| (*h).to_owned()).collect(),
            rows,
        },
    ]
}

/// A sentence, then the data as JSON or a few lines of Python.
fn code(
    w: &mut Writer<'_>,
    corpus: &Corpus,
    index: usize,
    language: CodeLanguage,
    lead: &Lead,
) -> Vec<Block> {
    let article = &corpus.articles[index];
    let (language, code) = match language {
        CodeLanguage::Json => {
            let partners: Vec<String> = article
                .refs
                .partners
                .iter()
                .map(|&p| format!("\"{}\"", corpus.partners[p].slug))
                .collect();
            let code = format!(
                "{{\n  \"region\": \"{}\",\n  \"partners\": [{}],\n  \"theme\": \"{}\",\n  \"year\": {},\n  \"projects\": {}\n}}",
                corpus.regions[article.refs.regions[0]].slug,
                partners.join(", "),
                THEMES[article.plan.themes[0]].key,
                article.date.year,
                w.rng.range(2, 40)
            );
            ("json", code)
        }
        CodeLanguage::Python => {
            let a = w.rng.range(5, 30) * 10;
            let b = a + w.rng.range(5, 30) * 10;
            let c = b + w.rng.range(5, 30) * 10;
            let code = format!(
                "# {}\ntrained = {{2023: {a}, 2024: {b}, 2025: {c}}}\ngrowth = (trained[2025] - trained[2023]) / trained[2023]\nprint(f\"{{growth:.0%}}\")",
                lead.code_comment
            );
            ("python", code)
        }
    };
    vec![
        Block::Paragraph(vec![Inline::Text(lead.code.to_owned())]),
        Block::Code { language, code },
    ]
}

/// The agreement and event the article references, and two or three related articles.
fn closing(w: &mut Writer<'_>, corpus: &Corpus, index: usize, lead: &Lead) -> Vec<Block> {
    let lang = w.lang();
    let article = &corpus.articles[index];
    let mut inlines = Vec::new();
    if let Some(&m) = article.refs.mous.first() {
        inlines.push(Inline::Text(lead.mou.0.to_owned()));
        inlines.push(Inline::Link {
            text: corpus.mous[m].title.get(lang).to_owned(),
            to: Link::Mou(m),
        });
        inlines.push(Inline::Text(format!("{} ", lead.mou.1)));
    }
    if let Some(&e) = article.refs.events.first() {
        inlines.push(Inline::Text(lead.event.0.to_owned()));
        inlines.push(Inline::Link {
            text: corpus.events[e].name.get(lang).to_owned(),
            to: Link::Event(e),
        });
        inlines.push(Inline::Text(format!("{} ", lead.event.1)));
    }
    inlines.push(Inline::Text(lead.related.to_owned()));
    let related: Vec<Vec<Inline>> = article
        .plan
        .related
        .iter()
        .map(|&a| {
            vec![Inline::Link {
                text: corpus.articles[a].title.get(lang).to_owned(),
                to: Link::Article(a),
            }]
        })
        .collect();
    inlines.extend(w.enumerate(related));
    inlines.push(Inline::Text(String::from(".")));
    vec![Block::Paragraph(merge(inlines))]
}
