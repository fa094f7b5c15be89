//! Reverse indexes: from each region, partner, programme, agreement, event and source to everything
//! that refers to it. Computed once after linking so pages receive their lists ready-made.

use super::model::Site;

/// Fills every reverse list of `site` from the forward references.
pub fn compute(site: &mut Site) {
    from_articles(site);
    from_mous(site);
    from_programmes(site);
    from_institutes(site);
    from_events(site);
    from_sheets_to_sources(site);
    derive_partner_regions(site);
    for region in &mut site.regions {
        normalise(&mut region.articles);
        normalise(&mut region.mous);
        normalise(&mut region.signed_here);
        normalise(&mut region.events);
        normalise(&mut region.programmes);
        normalise(&mut region.partners);
    }
    for partner in &mut site.partners {
        normalise(&mut partner.articles);
        normalise(&mut partner.mous);
        normalise(&mut partner.programmes);
        normalise(&mut partner.events);
        normalise(&mut partner.regions);
    }
    for event in &mut site.events {
        normalise(&mut event.mous);
        normalise(&mut event.articles);
    }
    for programme in &mut site.programmes {
        normalise(&mut programme.articles);
        normalise(&mut programme.mous);
    }
    for source in &mut site.sources {
        normalise(&mut source.articles);
        normalise(&mut source.cited_by.partners);
        normalise(&mut source.cited_by.regions);
        normalise(&mut source.cited_by.mous);
        normalise(&mut source.cited_by.programmes);
        normalise(&mut source.cited_by.events);
    }
}

/// Sorted (so in the model's order: articles newest first, agreements oldest first) and
/// without repeats.
fn normalise(list: &mut Vec<usize>) {
    list.sort_unstable();
    list.dedup();
}

fn from_articles(site: &mut Site) {
    for (a, article) in site.articles.iter().enumerate() {
        for &r in &article.refs.regions {
            site.regions[r].articles.push(a);
        }
        for &p in &article.refs.partners {
            site.partners[p].articles.push(a);
        }
        for &m in &article.refs.mous {
            site.mous[m].articles.push(a);
        }
        for &p in &article.refs.programmes {
            site.programmes[p].articles.push(a);
        }
        for &e in &article.refs.events {
            site.events[e].articles.push(a);
        }
        for &s in &article.refs.sources {
            site.sources[s].articles.push(a);
        }
    }
}

fn from_mous(site: &mut Site) {
    for (m, mou) in site.mous.iter().enumerate() {
        for &p in &mou.refs.partners {
            site.partners[p].mous.push(m);
        }
        for &r in &mou.refs.regions {
            site.regions[r].mous.push(m);
            site.regions[r].partners.extend(&mou.refs.partners);
        }
        for &p in &mou.refs.programmes {
            site.programmes[p].mous.push(m);
        }
    }
}

fn from_programmes(site: &mut Site) {
    for (p, programme) in site.programmes.iter().enumerate() {
        for &partner in &programme.refs.partners {
            site.partners[partner].programmes.push(p);
        }
        for &r in &programme.refs.regions {
            site.regions[r].programmes.push(p);
            site.regions[r].partners.extend(&programme.refs.partners);
        }
    }
}

fn from_institutes(site: &mut Site) {
    for (i, institute) in site.institutes.iter().enumerate() {
        if let Some(p) = institute.programme {
            site.programmes[p].institutes.push(i);
            let region = &mut site.regions[institute.region];
            region.programmes.push(p);
            region.partners.extend(&site.programmes[p].refs.partners);
        }
    }
}

/// An event lists the agreements signed or discussed there; the region it was held in lists
/// the event, its organisers among its partners, and the agreements signed there. The parties
/// to those agreements are not the region's partners: a venue is not a place of activity.
fn from_events(site: &mut Site) {
    for (m, mou) in site.mous.iter().enumerate() {
        if let Some(e) = mou.event {
            site.events[e].mous.push(m);
        }
    }
    for (e, event) in site.events.iter().enumerate() {
        for &p in &event.refs.partners {
            site.partners[p].events.push(e);
        }
        let Some(r) = event.region else {
            continue;
        };
        let region = &mut site.regions[r];
        region.events.push(e);
        region.partners.extend(&event.refs.partners);
        let signed = event
            .mous
            .iter()
            .filter(|&&m| site.mous[m].status.is_concluded());
        region.signed_here.extend(signed);
    }
}

fn from_sheets_to_sources(site: &mut Site) {
    for (i, partner) in site.partners.iter().enumerate() {
        for &s in &partner.sources {
            site.sources[s].cited_by.partners.push(i);
        }
    }
    for (i, region) in site.regions.iter().enumerate() {
        for &s in &region.sources {
            site.sources[s].cited_by.regions.push(i);
        }
    }
    for institute in &site.institutes {
        for &s in &institute.sources {
            site.sources[s].cited_by.regions.push(institute.region);
        }
    }
    for (i, mou) in site.mous.iter().enumerate() {
        for &s in &mou.refs.sources {
            site.sources[s].cited_by.mous.push(i);
        }
    }
    for (i, event) in site.events.iter().enumerate() {
        let figure_sources = event.figures.iter().map(|f| f.source);
        for s in event.refs.sources.iter().copied().chain(figure_sources) {
            site.sources[s].cited_by.events.push(i);
        }
    }
    for (i, programme) in site.programmes.iter().enumerate() {
        let target_sources = programme
            .targets
            .iter()
            .flat_map(|t| std::iter::once(t.source).chain(t.progress.map(|p| p.source)));
        for s in programme.refs.sources.iter().copied().chain(target_sources) {
            site.sources[s].cited_by.programmes.push(i);
        }
    }
}

/// A partner's regions are the regions of its agreements and programmes — the mirror of a
/// region's partners.
fn derive_partner_regions(site: &mut Site) {
    for (r, region) in site.regions.iter().enumerate() {
        for &p in &region.partners {
            site.partners[p].regions.push(r);
        }
    }
}
