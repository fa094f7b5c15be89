//! `marsad serve` against every kind of change: sequences of edits after which the served
//! output must be byte for byte a fresh `marsad build` of the same sources, plus watcher,
//! HTTP and output-folder edge cases. Tests marked "regression" pin bugs found in review.

mod common;

use std::fs;
use std::time::Duration;

use common::serving::{Served, built, describe, failed, request};
use marsad::serve::{Report, ServeArgs, Server};
use tempfile::TempDir;

// ---------------------------------------------------------------------------------------
// Incremental correctness: fact sheets, pages, translations, drafts, dates, templates, ftl.
// ---------------------------------------------------------------------------------------

/// Regression (found in review): an event card's agreement count reads the event's list of
/// agreements (`event.mous`, fingerprinted only at `Aspect::Whole`) but `event_card` records
/// `Aspect::Card`. A new signed agreement naming the event leaves every list of event cards
/// (the events index, article pages, partner pages) with the old count.
#[test]
fn a_new_signed_agreement_updates_event_cards() {
    let served = Served::start();
    built(served.write(
        "content/mous/extra-2025.toml",
        r#"date = 2025-07-04
status = "signed"
partners = ["ministry"]
sources = ["source-a"]
event = "forum-2025"
[title]
fr = "Accord supplémentaire"
ar = "اتفاقية إضافية"
[summary]
fr = "Un autre accord."
ar = "اتفاقية أخرى."
"#,
    ));
    served.assert_same_as_full_build("adding a signed agreement signed at an event");
}

/// Same bug, through an existing agreement that moves to an event.
#[test]
fn an_agreement_signed_at_an_event_updates_event_cards() {
    let served = Served::start();
    let text = served.read("content/mous/talks-2025.toml");
    built(
        served.write(
            "content/mous/talks-2025.toml",
            &text
                .replace("status = \"in-discussion\"", "status = \"signed\"")
                .replace(
                    "sources = [\"source-b\"]",
                    "sources = [\"source-b\"]\nevent = \"forum-2025\"",
                ),
        ),
    );
    served.assert_same_as_full_build("an agreement now signed at an event");
}

/// Regression (found in review): `base.html` shows the other languages' names with
/// `"language-name" | t(lang=other.lang)`, so French pages read `ar.ftl`. Only the pages of
/// the language whose `.ftl` changed are rendered again.
#[test]
fn an_ftl_message_shown_in_other_languages_pages() {
    let served = Served::start();
    built(served.edit(
        "i18n/ar.ftl",
        "language-name = العربية",
        "language-name = عربي",
    ));
    served.assert_same_as_full_build("editing language-name in ar.ftl");
}

/// Regression (found in review): `reload` (and the fast path) commit the new site model,
/// templates and fingerprints before rendering; when rendering then fails (a template runtime
/// error), the pages that the change touched are never rendered again once the template is
/// fixed.
#[test]
fn a_change_made_while_a_template_fails_to_render_is_not_lost() {
    let served = Served::start();
    // Compiles, but fails when a partner page renders.
    failed(served.edit(
        "themes/observatory/templates/partner.html",
        "{% block content %}",
        "{% block content %}{{ page.no_such_field.x }}",
    ));
    // While the theme is broken, an editor renames the partner: fails again (partner pages).
    failed(served.edit(
        "content/partners/acme.toml",
        "fr = \"Acme IA\"",
        "fr = \"Acme Nouveau\"",
    ));
    // Fixing the template re-renders only partner pages: the home page, the article pages,
    // the agreements… still say "Acme IA".
    built(served.edit(
        "themes/observatory/templates/partner.html",
        "{{ page.no_such_field.x }}",
        "",
    ));
    served.assert_same_as_full_build("a content change made while a template failed");
}

/// Same root cause through the fast path: an article edit whose pages fail to render.
#[test]
fn an_article_edit_made_while_a_template_fails_to_render_is_not_lost() {
    let served = Served::start();
    failed(served.edit(
        "themes/observatory/templates/article.html",
        "{% block content %}",
        "{% block content %}{{ page.no_such_field.x }}",
    ));
    // Fixing the template first, then the title edit would be fine; here the title changes
    // while article pages cannot render.
    failed(served.edit(
        "content/articles/alpha.fr.md",
        "title = \"Article alpha\"",
        "title = \"Article alpha renommé\"",
    ));
    built(served.edit(
        "themes/observatory/templates/article.html",
        "{{ page.no_such_field.x }}",
        "",
    ));
    served.assert_same_as_full_build("an article title change made while a template failed");
}

/// Walks through one edit of every kind of fact sheet and source, comparing with a full build
/// after each, so the first edit that goes wrong is named.
#[test]
fn every_kind_of_fact_sheet_edit_matches_a_full_build() {
    let served = Served::start();
    let steps: Vec<(&str, &str, &str, &str)> = vec![
        (
            "mou status",
            "content/mous/acme-2025.toml",
            "status = \"signed\"",
            "status = \"announced\"",
        ),
        (
            "mou title",
            "content/mous/talks-2025.toml",
            "fr = \"Discussions\"",
            "fr = \"Pourparlers\"",
        ),
        (
            "mou date (order)",
            "content/mous/talks-2025.toml",
            "date = \"2025-09\"",
            "date = \"2025-01\"",
        ),
        (
            "event figure",
            "content/events/forum-2025.toml",
            "value = 3",
            "value = 4",
        ),
        (
            "event place",
            "content/events/forum-2025.toml",
            "fr = \"Sudville\"",
            "fr = \"Sud-ville\"",
        ),
        (
            "event region",
            "content/events/forum-2025.toml",
            "region = \"south\"",
            "region = \"north\"",
        ),
        (
            "programme target",
            "content/programmes/network.toml",
            "value = 240000",
            "value = 250000",
        ),
        (
            "programme name",
            "content/programmes/network.toml",
            "fr = \"Réseau d'instituts\"",
            "fr = \"Réseau\"",
        ),
        (
            "source title",
            "seeds/source-a.toml",
            "fr = \"Source A\"",
            "fr = \"Source Alpha\"",
        ),
        (
            "source date (order)",
            "seeds/source-b.toml",
            "date = \"2025-09\"",
            "date = \"2024-01\"",
        ),
        (
            "institute name",
            "content/regions/north.toml",
            "fr = \"Institut du Nord\"",
            "fr = \"Institut N\"",
        ),
        (
            "institute status",
            "content/regions/north.toml",
            "status = \"announced\"",
            "status = \"operating\"",
        ),
        (
            "region capital",
            "content/regions/south.toml",
            "fr = \"Sudville\"",
            "fr = \"Sud\"",
        ),
        (
            "partner country",
            "content/partners/acme.toml",
            "country = \"FR\"",
            "country = \"US\"",
        ),
        (
            "partner short name",
            "content/partners/ministry.toml",
            "[description]",
            "[short_name]\nfr = \"MN\"\nar = \"و ر\"\n[description]",
        ),
    ];
    for (what, file, from, to) in steps {
        built(served.edit(file, from, to));
        served.assert_same_as_full_build(what);
    }
}

/// Articles and pages: translations added, drafts toggled, dates changed, pages added and
/// removed, bodies that link to them.
#[test]
fn every_kind_of_article_and_page_edit_matches_a_full_build() {
    let served = Served::start();
    // A translation for beta, which had French only (alpha's Arabic body links to beta).
    let beta = served.read("content/articles/beta.fr.md");
    built(
        served.write(
            "content/articles/beta.ar.md",
            &beta
                .replace("Article bêta, en français seulement", "بيتا")
                .replace("Bêta n'a pas de traduction.", "ملخص بيتا.")
                .replace("Texte de bêta.", "نص بيتا."),
        ),
    );
    served.assert_same_as_full_build("adding beta.ar.md");

    built(served.edit(
        "content/articles/draft.fr.md",
        "draft = true",
        "draft = false",
    ));
    served.assert_same_as_full_build("publishing a draft");
    built(served.edit(
        "content/articles/draft.fr.md",
        "draft = false",
        "draft = true",
    ));
    served.assert_same_as_full_build("un-publishing it");

    built(served.edit(
        "content/articles/gamma.fr.md",
        "date = 2025-10-01",
        "date = 2025-01-01",
    ));
    served.assert_same_as_full_build(
        "gamma's French date (the default language's: the order changes)",
    );
    built(served.edit(
        "content/articles/gamma.ar.md",
        "date = 2025-10-01",
        "date = 2025-01-02",
    ));
    served.assert_same_as_full_build("gamma's Arabic date");

    built(served.edit(
        "content/articles/alpha.fr.md",
        "updated = 2025-07-05",
        "updated = 2025-08-05",
    ));
    served.assert_same_as_full_build("alpha's updated date");

    built(served.edit(
        "content/pages/notes.fr.md",
        "title = \"Notes de méthode\"",
        "title = \"Notes\"",
    ));
    served.assert_same_as_full_build("a page title (shown in every page's navigation)");
    built(served.edit("content/pages/about.fr.md", "## Méthode", "## Méthodes"));
    served.assert_same_as_full_build("a page body");
    built(served.write(
        "content/pages/notes.ar.md",
        "+++\ntitle = \"ملاحظات\"\nsummary = \"ملاحظات.\"\n+++\nملاحظات.\n",
    ));
    served.assert_same_as_full_build("a page translation added (about.ar links to notes)");
    built(served.remove("content/pages/notes.ar.md"));
    served.assert_same_as_full_build("that translation removed");
    built(served.write(
        "content/pages/legal.fr.md",
        "+++\ntitle = \"Mentions\"\nsummary = \"Mentions légales.\"\n+++\nTexte.\n",
    ));
    served.assert_same_as_full_build("a page added");
    built(served.remove("content/pages/legal.fr.md"));
    served.assert_same_as_full_build("a page removed");

    built(served.edit(
        "themes/observatory/templates/partials/event-cards.html",
        "<p class=\"meta\">",
        "<p class=\"meta\" data-x>",
    ));
    served.assert_same_as_full_build("a partial");
    built(served.edit("i18n/fr.ftl", "nav-regions = ", "nav-regions = R "));
    served.assert_same_as_full_build("fr.ftl");
    built(served.write("themes/observatory/static/img/logo.svg", "<svg/>"));
    served.assert_same_as_full_build("a theme image in a new subfolder");
    // The stylesheet's name carries its hash: every page links the new one, the old is gone.
    let home = || fs::read_to_string(served.server.output().join("fr/index.html")).expect("home");
    let before = home();
    built(served.edit("themes/observatory/static/style.css", "}", "} "));
    served.assert_same_as_full_build("style.css");
    assert_ne!(before, home(), "pages link the new name");
}

/// The stylesheet names the font by its fingerprinted name: a new font is a new font name,
/// so a new stylesheet name, which every page links; the old font and stylesheet go.
#[test]
fn changing_the_font_renames_the_stylesheet_that_names_it() {
    let served = Served::start();
    let output = served.server.output().to_path_buf();
    let linked = || {
        let home = fs::read_to_string(output.join("ar/index.html")).expect("home");
        let at = home
            .find("rel=\"stylesheet\" href=\"")
            .expect("stylesheet link");
        let rest = &home[at + "rel=\"stylesheet\" href=\"".len()..];
        rest[..rest.find('"').expect("end")].to_owned()
    };
    let before = linked();
    let font = served
        .root()
        .join("themes/observatory/static/fonts/noto-naskh-arabic.woff2");
    let mut bytes = fs::read(&font).expect("font");
    bytes.push(0);
    fs::write(&font, bytes).expect("write font");
    built(served.next_report());
    let _ = served.settle(Duration::from_millis(300));
    served.assert_same_as_full_build("a new font");
    let after = linked();
    assert_ne!(before, after, "pages link a new stylesheet");
    let css = fs::read_to_string(output.join(after.trim_start_matches('/'))).expect("new css");
    let start = css.find("url(fonts/").expect("font url") + "url(".len();
    let font_url = &css[start..start + css[start..].find(')').expect(")")];
    assert!(output.join("assets").join(font_url).is_file(), "{font_url}");
    assert!(
        !output.join(before.trim_start_matches('/')).exists(),
        "old stylesheet gone"
    );
}

/// Regression (found in review): `Workspace::apply` drops changed paths that no longer exist
/// and have no extension (meant for `sed -i` temporaries), so deleting an extensionless theme
/// file (`CNAME`, `_redirects`, a font without extension) leaves it in the output.
#[test]
fn deleting_a_theme_file_without_extension_removes_it() {
    let served = Served::start();
    built(served.write("themes/observatory/static/CNAME", "marsad.example\n"));
    let published = |served: &Served| -> Vec<String> {
        fs::read_dir(served.server.output().join("assets"))
            .expect("assets")
            .filter_map(|entry| entry.ok())
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .filter(|name| name.starts_with("CNAME."))
            .collect()
    };
    assert_eq!(
        published(&served).len(),
        1,
        "CNAME is published, fingerprinted"
    );
    fs::remove_file(served.root().join("themes/observatory/static/CNAME")).expect("remove");
    // No rebuild report is even sent for the deletion alone... or an empty one is.
    let _ = served.settle(Duration::from_millis(800));
    served.assert_same_as_full_build("deleting static/CNAME");
}

/// Same root cause: a folder moved out of the site is one event, for a path that no longer
/// exists and has no extension.
#[test]
fn moving_a_theme_folder_out_of_the_site_removes_its_files() {
    let served = Served::start();
    built(served.write("themes/observatory/static/img/logo.svg", "<svg/>"));
    let elsewhere = TempDir::new().expect("temp");
    fs::rename(
        served.root().join("themes/observatory/static/img"),
        elsewhere.path().join("img"),
    )
    .expect("move");
    let _ = served.settle(Duration::from_millis(800));
    served.assert_same_as_full_build("moving static/img out of the site");
}

/// Fact sheets added, renamed and removed; a region added (regions index, home).
#[test]
fn fact_sheets_added_renamed_and_removed_match_a_full_build() {
    let served = Served::start();
    let partner = "kind = \"university\"\nsources = [\"source-b\"]\n[name]\nfr = \"Université\"\nar = \"جامعة\"\n[description]\nfr = \"Une université.\"\nar = \"جامعة.\"\n";
    built(served.write("content/partners/extra.toml", partner));
    served.assert_same_as_full_build("a partner added");
    fs::rename(
        served.root().join("content/partners/extra.toml"),
        served.root().join("content/partners/extra-two.toml"),
    )
    .expect("rename");
    let _ = served.settle(Duration::from_millis(800));
    served.assert_same_as_full_build("a partner renamed");
    built(served.remove("content/partners/extra-two.toml"));
    served.assert_same_as_full_build("a partner removed");
    let region = served
        .read("content/regions/south.toml")
        .replace("MA-12", "MA-05")
        .replace("Région Sud", "Région Est")
        .replace("جهة الجنوب", "جهة الشرق")
        .replace("fr = \"Sudville\"", "fr = \"Estville\"")
        .replace("ar = \"مدينة الجنوب\"", "ar = \"مدينة الشرق\"");
    built(served.write("content/regions/east.toml", &region));
    served.assert_same_as_full_build("a region added");
    built(served.remove("content/regions/east.toml"));
    served.assert_same_as_full_build("a region removed");
}

/// A fast-path edit that breaks a link, then its fix; and a fast-path edit with an unknown key.
#[test]
fn fast_path_failures_recover() {
    let served = Served::start();
    failed(served.edit(
        "content/articles/alpha.fr.md",
        "[bêta](@/articles/beta)",
        "[bêta](@/articles/betta)",
    ));
    failed(served.edit(
        "content/articles/alpha.fr.md",
        "title = \"Article alpha\"",
        "title = \"Article alpha 2\"",
    ));
    built(served.edit(
        "content/articles/alpha.fr.md",
        "[bêta](@/articles/betta)",
        "[bêta](@/articles/beta)",
    ));
    served.assert_same_as_full_build("a broken link fixed");
    failed(served.edit(
        "content/articles/alpha.fr.md",
        "+++\nVoir",
        "titel = \"x\"\n+++\nVoir",
    ));
    failed(served.edit(
        "content/articles/alpha.fr.md",
        "title = \"",
        "title = \"   \" #",
    ));
    let text = served.read("content/articles/alpha.fr.md");
    built(
        served.write(
            "content/articles/alpha.fr.md",
            &text
                .replace("titel = \"x\"\n", "")
                .replace("title = \"   \" #", "title = \""),
        ),
    );
    served.assert_same_as_full_build("unknown key and empty title fixed");
    // References that now disagree with the Arabic version: the full build refuses them.
    failed(served.edit(
        "content/articles/alpha.fr.md",
        "regions = [\"north\"]",
        "regions = [\"north\", \"south\"]",
    ));
}

/// Editors' ways of saving: write a temporary file and rename it over the original, files
/// moved in from elsewhere, new subfolders.
#[test]
fn atomic_saves_moved_in_files_and_new_subfolders_are_seen() {
    let served = Served::start();
    // An atomic save through a temporary file in the same folder.
    let text = served.read("content/articles/gamma.fr.md");
    fs::write(
        served.root().join("content/articles/.gamma.fr.md.swp-save"),
        text.replace("Gamma.\n", "Gamma, révisé.\n"),
    )
    .expect("write");
    fs::rename(
        served.root().join("content/articles/.gamma.fr.md.swp-save"),
        served.root().join("content/articles/gamma.fr.md"),
    )
    .expect("rename");
    let _ = served.settle(Duration::from_millis(800));
    served.assert_same_as_full_build("an atomic save");
    // A file moved in from outside the site.
    let outside = TempDir::new().expect("temp");
    let beta = served.read("content/articles/beta.fr.md");
    fs::write(
        outside.path().join("iota.fr.md"),
        beta.replace("Article bêta, en français seulement", "Iota"),
    )
    .expect("write");
    fs::rename(
        outside.path().join("iota.fr.md"),
        served.root().join("content/articles/iota.fr.md"),
    )
    .expect("move in");
    let _ = served.settle(Duration::from_millis(800));
    served.assert_same_as_full_build("a file moved in");
    // A new subfolder of articles, then an edit inside it.
    fs::create_dir_all(served.root().join("content/articles/2026")).expect("mkdir");
    fs::write(
        served.root().join("content/articles/2026/kappa.fr.md"),
        beta.replace("Article bêta, en français seulement", "Kappa"),
    )
    .expect("write");
    let _ = served.settle(Duration::from_millis(800));
    served.assert_same_as_full_build("an article in a new subfolder");
    fs::write(
        served.root().join("content/articles/2026/kappa.fr.md"),
        beta.replace("Article bêta, en français seulement", "Kappa révisé"),
    )
    .expect("write");
    let _ = served.settle(Duration::from_millis(800));
    served.assert_same_as_full_build("an edit in the new subfolder");
}

/// With `--drafts`: a draft edited on the fast path, then published.
#[test]
fn drafts_mode_matches_a_full_build_with_drafts() {
    let served = Served::start_on(common::fixture("site"), true);
    let check = |what: &str| {
        let differences = served.differences_from_a_full_build(true);
        assert!(
            differences.is_empty(),
            "after {what}:\n{}",
            differences.join("\n")
        );
    };
    check("the first build");
    built(served.edit(
        "content/articles/draft.fr.md",
        "title = \"Brouillon\"",
        "title = \"Brouillon 2\"",
    ));
    check("a draft's title");
    built(served.edit(
        "content/articles/draft.fr.md",
        "draft = true",
        "draft = false",
    ));
    check("a draft published");
}

/// Regression (found in review): the fast path finds the edited translation by slug and
/// language only, not by file. A second `kappa.fr.md` (copied next to the one in a subfolder)
/// is patched in as if it were an edit of the first, while the full build refuses two French
/// files for one article.
#[test]
fn a_second_file_for_the_same_translation_is_an_error_not_an_edit() {
    let served = Served::start();
    let beta = served.read("content/articles/beta.fr.md");
    fs::create_dir_all(served.root().join("content/articles/2025")).expect("mkdir");
    fs::write(
        served.root().join("content/articles/2025/kappa.fr.md"),
        beta.replace("Article bêta, en français seulement", "Kappa"),
    )
    .expect("write");
    let _ = served.settle(Duration::from_millis(800));
    served.assert_same_as_full_build("an article in a subfolder");
    let report = served.write(
        "content/articles/kappa.fr.md",
        &beta.replace("Article bêta, en français seulement", "Kappa, copie"),
    );
    assert!(
        matches!(report, Report::Failed { .. }),
        "two kappa.fr.md files: {}",
        describe(&report)
    );
}

/// Regression (found in review): Tera 2 components are global (a template uses one defined in
/// another file without any `include` or `import`), so `rebuild::templates::changed` does not
/// see that editing the file that defines a component changes the pages of the templates that
/// call it.
#[test]
fn editing_a_component_rerenders_the_pages_that_call_it() {
    let served = Served::start();
    built(served.write(
        "themes/observatory/templates/components.html",
        "{% component marker() %}<b>marker one</b>{% endcomponent marker %}",
    ));
    built(served.edit(
        "themes/observatory/templates/region.html",
        "{% block content %}",
        "{% block content %}{{ <marker /> }}",
    ));
    served.assert_same_as_full_build("a component used");
    built(served.edit(
        "themes/observatory/templates/components.html",
        "marker one",
        "marker two",
    ));
    served.assert_same_as_full_build("a component edited");
}

// ---------------------------------------------------------------------------------------
// The watcher.
// ---------------------------------------------------------------------------------------

/// Regression (found in review): the source folders are watched recursively only if they exist
/// when serve starts, and the root is watched without descending: a source folder deleted and
/// created again (a `git checkout`, `rm -r seeds && cp -r …`) is never watched again.
#[test]
fn a_source_folder_deleted_and_created_again_is_still_watched() {
    let served = Served::start();
    let saved = TempDir::new().expect("temp");
    common::copy_dir(&served.root().join("seeds"), saved.path());
    fs::remove_dir_all(served.root().join("seeds")).expect("remove");
    let _ = served.settle(Duration::from_millis(800));
    common::copy_dir(saved.path(), &served.root().join("seeds"));
    let _ = served.settle(Duration::from_millis(800));
    // Now an ordinary edit of a source.
    let text = served.read("seeds/source-a.toml");
    fs::write(
        served.root().join("seeds/source-a.toml"),
        text.replace("fr = \"Source A\"", "fr = \"Source Alpha\""),
    )
    .expect("write");
    let _ = served.settle(Duration::from_millis(800));
    served.assert_same_as_full_build("editing a source after seeds/ was re-created");
}

/// A subfolder renamed inside a watched folder, then a file in it edited.
#[test]
fn edits_inside_a_renamed_subfolder_are_seen() {
    let served = Served::start();
    let beta = served.read("content/articles/beta.fr.md");
    fs::create_dir_all(served.root().join("content/articles/old")).expect("mkdir");
    fs::write(
        served.root().join("content/articles/old/kappa.fr.md"),
        beta.replace("Article bêta, en français seulement", "Kappa"),
    )
    .expect("write");
    let _ = served.settle(Duration::from_millis(800));
    fs::rename(
        served.root().join("content/articles/old"),
        served.root().join("content/articles/new"),
    )
    .expect("rename");
    let _ = served.settle(Duration::from_millis(800));
    served.assert_same_as_full_build("a subfolder renamed");
    fs::write(
        served.root().join("content/articles/new/kappa.fr.md"),
        beta.replace("Article bêta, en français seulement", "Kappa révisé"),
    )
    .expect("write");
    let _ = served.settle(Duration::from_millis(800));
    served.assert_same_as_full_build("an edit in the renamed subfolder");
    // The fast path after that: an article in the renamed folder (not the fast path's
    // folder), then a top-level one.
    built(served.edit("content/articles/gamma.fr.md", "Gamma.\n", "Gamma bis.\n"));
    served.assert_same_as_full_build("a top-level article edit");
}

// ---------------------------------------------------------------------------------------
// HTTP.
// ---------------------------------------------------------------------------------------

/// Regression (found in review): `//fr` is redirected to `//fr/`, which browsers read as the
/// host `fr`.
#[test]
fn a_double_slash_path_does_not_redirect_off_site() {
    let served = Served::start();
    let response = request(served.server.address(), "GET", "//fr");
    let location = response
        .headers
        .get("location")
        .cloned()
        .unwrap_or_default();
    assert!(
        !location.starts_with("//"),
        "{} redirects to {location:?}, another host",
        response.status
    );
}

// ---------------------------------------------------------------------------------------
// Output folder safety.
// ---------------------------------------------------------------------------------------

/// Regression (found in review): `marsad build` refuses an output that is the site or one of
/// its source folders (`check_output_is_safe`), but `serve` swaps its first build into whatever
/// `--output` names and deletes what was there: `--output content` deletes the articles.
#[test]
fn serve_refuses_an_output_that_would_replace_the_sources() {
    let site = common::fixture("site");
    let args = ServeArgs {
        root: site.path().to_path_buf(),
        output: Some(site.path().join("content")),
        interface: [127, 0, 0, 1].into(),
        port: 0,
        drafts: false,
    };
    let started = Server::start(&args, |_: &Report| {});
    let articles_left = site.path().join("content/articles/alpha.fr.md").exists();
    drop(started);
    assert!(articles_left, "serve --output content deleted content/");
}
