//! Bad input: each case breaks a valid site in one way. The build must fail with a diagnostic
//! naming file, line and column, quoting the line and giving a hint — and leave the previous
//! `public/` exactly as it was.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::{build_errors, build_ok, fixture, snapshot};

/// Replaces `from` with `to` in a fixture file, checking the text was there.
fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = fs::read_to_string(&path).expect("fixture file");
    assert!(text.contains(from), "{file} does not contain {from:?}");
    fs::write(&path, text.replacen(from, to, 1)).expect("write fixture");
}

/// Builds once, breaks the site, and returns the diagnostics of the failed rebuild after
/// checking that the previous output is untouched.
fn diagnostics_after(break_site: impl FnOnce(&Path)) -> Vec<String> {
    let site = fixture("site");
    build_ok(site.path());
    let before = snapshot(&site.path().join("public"));
    break_site(site.path());
    let errors = build_errors(site.path());
    let after = snapshot(&site.path().join("public"));
    assert!(before == after, "the failed build changed public/");
    let leftovers: Vec<_> = fs::read_dir(site.path())
        .expect("site folder")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("staging"))
        .collect();
    assert!(leftovers.is_empty(), "staging folder left behind");
    errors
}

/// Asserts that one diagnostic contains every expected fragment.
fn expect(errors: &[String], fragments: &[&str]) {
    let found = errors
        .iter()
        .any(|e| fragments.iter().all(|f| e.contains(f)));
    assert!(
        found,
        "no diagnostic contains all of {fragments:?}; got:\n{}",
        errors.join("\n")
    );
}

#[test]
fn malformed_toml_in_a_fact_sheet() {
    let errors = diagnostics_after(|root| {
        edit(
            root,
            "content/partners/acme.toml",
            "kind = \"company\"",
            "kind = company",
        )
    });
    expect(
        &errors,
        &[
            "error: invalid TOML",
            "--> content/partners/acme.toml:1:8",
            "1 | kind = company",
            "help:",
        ],
    );
}

#[test]
fn unterminated_front_matter() {
    let errors = diagnostics_after(|root| {
        edit(
            root,
            "content/articles/gamma.fr.md",
            "sources = [\"source-b\"]\n+++",
            "sources = [\"source-b\"]\n",
        )
    });
    expect(
        &errors,
        &[
            "the front matter is never closed",
            "--> content/articles/gamma.fr.md:1:1",
            "help: add a line `+++`",
        ],
    );
}

#[test]
fn article_without_front_matter() {
    let errors = diagnostics_after(|root| {
        fs::write(root.join("content/articles/gamma.fr.md"), "# Gamma\n").expect("write")
    });
    expect(
        &errors,
        &[
            "does not start with front matter",
            "content/articles/gamma.fr.md:1:1",
            "1 | # Gamma",
        ],
    );
}

#[test]
fn missing_required_field() {
    let errors = diagnostics_after(|root| {
        edit(
            root,
            "content/articles/gamma.fr.md",
            "summary = \"Gamma.\"\n",
            "",
        )
    });
    expect(
        &errors,
        &[
            "missing required key `summary`",
            "content/articles/gamma.fr.md:",
            "help: add `summary = …`",
        ],
    );
}

#[test]
fn unknown_key_with_did_you_mean() {
    let errors = diagnostics_after(|root| {
        edit(
            root,
            "content/articles/gamma.fr.md",
            "title = \"Gamma\"",
            "titel = \"Gamma\"",
        )
    });
    expect(
        &errors,
        &[
            "unknown key `titel`",
            "--> content/articles/gamma.fr.md:2:1",
            "2 | titel = \"Gamma\"",
            "did you mean `title`?",
        ],
    );
}

#[test]
fn unknown_enum_value_with_did_you_mean() {
    let errors = diagnostics_after(|root| {
        edit(
            root,
            "content/mous/talks-2025.toml",
            "\"in-discussion\"",
            "\"in-discusion\"",
        )
    });
    expect(
        &errors,
        &[
            "`in-discusion` is not an allowed value",
            "content/mous/talks-2025.toml:2:10",
            "did you mean `in-discussion`?",
        ],
    );
}

#[test]
fn unknown_reference_with_did_you_mean() {
    let errors = diagnostics_after(|root| {
        edit(
            root,
            "content/articles/beta.fr.md",
            "regions = [\"north\"]",
            "regions = [\"nrth\"]",
        )
    });
    expect(
        &errors,
        &[
            "unknown region `nrth`",
            "--> content/articles/beta.fr.md:5:12",
            "5 | regions = [\"nrth\"]",
            "did you mean `north`?",
        ],
    );
}

#[test]
fn unknown_reference_in_a_fact_sheet() {
    let errors = diagnostics_after(|root| {
        edit(
            root,
            "content/mous/acme-2025.toml",
            "partners = [\"acme\", \"ministry\"]",
            "partners = [\"acme\", \"ministery\"]",
        )
    });
    expect(
        &errors,
        &[
            "unknown partner `ministery`",
            "content/mous/acme-2025.toml:3:21",
            "did you mean `ministry`?",
        ],
    );
}

#[test]
fn broken_internal_link_in_markdown() {
    let errors = diagnostics_after(|root| {
        edit(
            root,
            "content/articles/gamma.fr.md",
            "Gamma.\n",
            "Voir [ici](@/partners/acmee).\n",
        )
    });
    expect(
        &errors,
        &[
            "unknown partner `acmee`",
            "--> content/articles/gamma.fr.md:9:6",
            "[ici](@/partners/acmee)",
            "help: internal links look like",
        ],
    );
}

#[test]
fn duplicate_slug() {
    let errors = diagnostics_after(|root| {
        fs::create_dir_all(root.join("content/partners/more")).expect("folder");
        fs::copy(
            root.join("content/partners/acme.toml"),
            root.join("content/partners/more/acme.toml"),
        )
        .expect("copy");
    });
    expect(
        &errors,
        &[
            "two partners have the slug `acme`",
            "content/partners/",
            "rename or remove one of them",
        ],
    );
}

#[test]
fn duplicate_article_translation() {
    let errors = diagnostics_after(|root| {
        fs::create_dir_all(root.join("content/articles/old")).expect("folder");
        fs::copy(
            root.join("content/articles/gamma.fr.md"),
            root.join("content/articles/old/gamma.fr.md"),
        )
        .expect("copy");
    });
    expect(
        &errors,
        &["two fr files for the article `gamma`", "remove one"],
    );
}

#[test]
fn fact_sheet_field_in_one_language_only() {
    let errors = diagnostics_after(|root| {
        edit(
            root,
            "content/partners/acme.toml",
            "ar = \"شركة ذكاء اصطناعي.\"\n",
            "",
        )
    });
    expect(
        &errors,
        &[
            "`description` has no ar text",
            "--> content/partners/acme.toml:8:1",
            "8 | [description]",
            "add `ar = \"…\"`",
        ],
    );
}

#[test]
fn unknown_language_in_a_localized_field() {
    let errors = diagnostics_after(|root| {
        edit(
            root,
            "content/partners/acme.toml",
            "ar = \"أكمي\"",
            "ar = \"أكمي\"\nen = \"Acme\"",
        )
    });
    expect(
        &errors,
        &[
            "`en` in `name` is not a site language",
            "content/partners/acme.toml:",
        ],
    );
}

#[test]
fn file_that_is_not_utf8() {
    let errors = diagnostics_after(|root| {
        let mut bytes = fs::read(root.join("seeds/source-b.toml")).expect("read");
        let at = bytes.iter().position(|&b| b == b'R').expect("an R");
        bytes[at] = 0xFF;
        fs::write(root.join("seeds/source-b.toml"), bytes).expect("write");
    });
    expect(
        &errors,
        &[
            "this file is not valid UTF-8 text",
            "--> seeds/source-b.toml:",
            "help: save the file with the UTF-8 encoding",
        ],
    );
}

#[test]
fn invalid_slug_in_a_file_name() {
    let errors = diagnostics_after(|root| {
        fs::rename(
            root.join("content/partners/acme.toml"),
            root.join("content/partners/Acme AI.toml"),
        )
        .expect("rename");
    });
    expect(
        &errors,
        &[
            "`Acme AI` is not a valid slug",
            "content/partners/Acme AI.toml",
            "e.g. `acme-ai`",
        ],
    );
}

#[test]
fn impossible_date() {
    let errors = diagnostics_after(|root| {
        edit(
            root,
            "content/mous/talks-2025.toml",
            "date = \"2025-09\"",
            "date = \"2025-13\"",
        )
    });
    expect(
        &errors,
        &[
            "month 13 does not exist",
            "content/mous/talks-2025.toml:1:8",
        ],
    );
}

#[test]
fn progress_of_a_target_without_a_figure() {
    let errors = diagnostics_after(|root| {
        edit(
            root,
            "content/programmes/network.toml",
            "fr = \"Services dématérialisés\"\nar = \"خدمات لامادية\"",
            "fr = \"Services dématérialisés\"\nar = \"خدمات لامادية\"\n[targets.progress]\nvalue = 3\nas_of = \"2025-06\"\nsource = \"source-a\"",
        )
    });
    expect(
        &errors,
        &[
            "progress is reported for a target without a figure",
            "--> content/programmes/network.toml:28:9",
            "28 | value = 3",
            "give the target its `value`",
        ],
    );
}

#[test]
fn translations_that_disagree_on_references() {
    let errors = diagnostics_after(|root| {
        edit(
            root,
            "content/articles/alpha.ar.md",
            "partners = [\"acme\"]",
            "partners = []",
        )
    });
    expect(
        &errors,
        &[
            "versions of `alpha` list different `partners`",
            "content/articles/alpha.ar.md:6:1",
        ],
    );
}

#[test]
fn a_typo_in_one_translation_is_one_error_not_two() {
    let errors = diagnostics_after(|root| {
        edit(
            root,
            "content/articles/alpha.fr.md",
            "regions = [\"north\"]",
            "regions = [\"nort\"]",
        )
    });
    assert_eq!(errors.len(), 1, "{}", errors.join("\n"));
    expect(&errors, &["unknown region `nort`", "did you mean `north`?"]);
}

#[test]
fn missing_interface_string() {
    let errors = diagnostics_after(|root| edit(root, "i18n/ar.ftl", "nav-regions = الجهات\n", ""));
    expect(
        &errors,
        &[
            "message `nav-regions` has no ar translation",
            "--> i18n/fr.ftl:",
            "add `nav-regions = …` to i18n/ar.ftl",
        ],
    );
}

#[test]
fn template_calling_an_unknown_function() {
    let errors = diagnostics_after(|root| {
        edit(
            root,
            "themes/observatory/templates/404.html",
            "{{ \"not-found-text\" | t }}",
            "{{ translate(key=\"not-found-text\") }}",
        )
    });
    expect(
        &errors,
        &[
            "template error: Unknown function `translate`",
            "--> themes/observatory/templates/404.html:4:20",
            "translate(key=",
        ],
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let errors = diagnostics_after(|root| {
        edit(
            root,
            "content/partners/acme.toml",
            "kind = \"company\"",
            "kind = company",
        );
        edit(
            root,
            "content/articles/beta.fr.md",
            "regions = [\"north\"]",
            "regions = [\"nrth\"]",
        );
        edit(
            root,
            "content/articles/gamma.fr.md",
            "title = \"Gamma\"",
            "titel = \"Gamma\"",
        );
        edit(
            root,
            "content/regions/south.toml",
            "ar = \"جهة الجنوب\"\n",
            "",
        );
        edit(
            root,
            "themes/observatory/templates/404.html",
            "{% endblock content %}",
            "{% endblock %}{% endif %}",
        );
    });
    assert_eq!(errors.len(), 5, "{}", errors.join("\n"));
    // alpha references the partner whose file is broken: that is not a second problem.
    assert!(
        !errors.iter().any(|e| e.contains("unknown partner `acme`")),
        "{}",
        errors.join("\n")
    );
    expect(&errors, &["themes/observatory/templates/404.html:"]);
}

#[test]
fn the_cli_exits_non_zero_and_prints_positions() {
    let site = fixture("site");
    let binary = env!("CARGO_BIN_EXE_marsad");
    let ok = Command::new(binary)
        .args(["build", "--root"])
        .arg(site.path())
        .output()
        .expect("run marsad");
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(String::from_utf8_lossy(&ok.stderr).contains("built "));
    let before = snapshot(&site.path().join("public"));

    edit(
        site.path(),
        "content/articles/gamma.fr.md",
        "title = \"Gamma\"",
        "titel = \"Gamma\"",
    );
    let failed = Command::new(binary)
        .args(["build", "--root"])
        .arg(site.path())
        .output()
        .expect("run marsad");
    let stderr = String::from_utf8_lossy(&failed.stderr);
    assert_eq!(failed.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("--> content/articles/gamma.fr.md:2:1"),
        "{stderr}"
    );
    assert!(stderr.contains("the build failed with 1 error"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(before == snapshot(&site.path().join("public")));
}

#[test]
fn duplicate_slug_is_found_whatever_the_sort_order() {
    // Agreements are sorted by date, so two `talks-2025` with different dates are not
    // neighbours once sorted.
    let errors = diagnostics_after(|root| {
        fs::create_dir_all(root.join("content/mous/old")).expect("folder");
        let text = fs::read_to_string(root.join("content/mous/talks-2025.toml")).expect("read");
        fs::write(
            root.join("content/mous/old/talks-2025.toml"),
            text.replace("\"2025-09\"", "2023-01-01"),
        )
        .expect("write");
    });
    expect(&errors, &["two agreements have the slug `talks-2025`"]);
}

#[test]
fn script_urls_are_refused_in_sheets_and_articles() {
    let errors = diagnostics_after(|root| {
        edit(
            root,
            "content/partners/acme.toml",
            "https://acme.example",
            "javascript:alert(1)",
        );
        edit(
            root,
            "content/articles/gamma.fr.md",
            "Gamma.\n",
            "[clic](javascript:alert(2))\n",
        );
    });
    expect(
        &errors,
        &[
            "`website` must be an http(s) address",
            "content/partners/acme.toml:3:11",
        ],
    );
    expect(
        &errors,
        &[
            "`javascript:alert(2)` is not an allowed link",
            "content/articles/gamma.fr.md:9:1",
        ],
    );
}

#[test]
fn source_language_needs_a_label() {
    let errors = diagnostics_after(|root| {
        edit(
            root,
            "seeds/source-b.toml",
            "language = \"fr\"",
            "language = \"es\"",
        )
    });
    assert_eq!(errors.len(), 1, "{}", errors.join("\n"));
    expect(
        &errors,
        &[
            "`es` is not a language the site can name",
            "--> seeds/source-b.toml:2:12",
            "language-es",
        ],
    );
}

#[test]
fn non_finite_figures_are_refused() {
    let errors = diagnostics_after(|root| {
        edit(
            root,
            "content/programmes/network.toml",
            "value = 240000",
            "value = nan",
        )
    });
    expect(
        &errors,
        &[
            "a figure must be a finite number",
            "content/programmes/network.toml:15:9",
        ],
    );
}

#[test]
fn institute_without_sources_is_pointed_at() {
    let errors = diagnostics_after(|root| {
        edit(
            root,
            "content/regions/north.toml",
            "status = \"announced\"\nsources = [\"source-a\"]",
            "status = \"announced\"\nsources = []",
        )
    });
    expect(
        &errors,
        &[
            "this institute cites no source",
            "content/regions/north.toml:16:6",
            "id = \"north-institute\"",
        ],
    );
}

#[test]
fn a_misspelt_source_is_one_error() {
    let errors = diagnostics_after(|root| {
        edit(
            root,
            "content/partners/ministry.toml",
            "sources = [\"source-b\"]",
            "sources = [\"sourceb\"]",
        )
    });
    assert_eq!(errors.len(), 1, "{}", errors.join("\n"));
    expect(
        &errors,
        &["unknown source `sourceb`", "did you mean `source-b`?"],
    );
}

#[test]
fn an_unreadable_sheet_is_one_error() {
    let errors = diagnostics_after(|root| {
        let path = root.join("content/partners/acme.toml");
        let mut bytes = fs::read(&path).expect("read");
        bytes.push(0xFF);
        fs::write(&path, bytes).expect("write");
    });
    assert_eq!(
        errors.len(),
        1,
        "references to acme are not reported again:\n{}",
        errors.join("\n")
    );
}

#[test]
fn an_invalid_country_code_is_one_error() {
    let errors = diagnostics_after(|root| {
        edit(
            root,
            "content/partners/acme.toml",
            "country = \"FR\"",
            "country = \"fr\"",
        )
    });
    assert_eq!(errors.len(), 1, "{}", errors.join("\n"));
    expect(
        &errors,
        &[
            "`fr` is not an ISO 3166-1 country code",
            "content/partners/acme.toml:2:11",
        ],
    );
}

#[test]
fn a_fluent_syntax_error_is_one_error_at_its_message() {
    let errors = diagnostics_after(|root| {
        edit(
            root,
            "i18n/ar.ftl",
            "status-signed = موقَّع",
            "status-signed = { $x",
        )
    });
    assert_eq!(errors.len(), 1, "{}", errors.join("\n"));
    expect(
        &errors,
        &[
            "Fluent syntax error",
            "i18n/ar.ftl:",
            "status-signed = { $x",
        ],
    );
}

#[test]
fn an_unknown_message_in_a_template_is_reported_once_where_it_is_written() {
    let errors = diagnostics_after(|root| {
        edit(
            root,
            "themes/observatory/templates/base.html",
            "\"footer-sources\" | t",
            "\"footer-source\" | t",
        )
    });
    assert_eq!(errors.len(), 1, "{}", errors.join("\n"));
    expect(
        &errors,
        &[
            "message `footer-source`, which no .ftl file defines",
            "themes/observatory/templates/base.html:",
            "did you mean `footer-sources`?",
        ],
    );
}

#[test]
fn every_template_syntax_error_is_reported() {
    let errors = diagnostics_after(|root| {
        edit(
            root,
            "themes/observatory/templates/mou.html",
            "{% endblock content %}",
            "{% endblock content %}{% endif %}",
        );
        edit(
            root,
            "themes/observatory/templates/region.html",
            "{% endblock content %}",
            "{% endblock content %}{% endfor %}",
        );
    });
    expect(
        &errors,
        &[
            "template syntax error",
            "themes/observatory/templates/mou.html:",
        ],
    );
    expect(
        &errors,
        &[
            "template syntax error",
            "themes/observatory/templates/region.html:",
        ],
    );
}

#[test]
fn a_fragment_on_a_region_must_name_one_of_its_institutes() {
    let errors = diagnostics_after(|root| {
        edit(
            root,
            "content/articles/gamma.fr.md",
            "Gamma.\n",
            "[i](@/regions/north#nowhere)\n",
        )
    });
    expect(
        &errors,
        &[
            "region `north` has no institute `nowhere`",
            "content/articles/gamma.fr.md:9:1",
        ],
    );
}

#[test]
fn an_empty_base_url_override_is_refused() {
    let site = fixture("site");
    let mut options = marsad::BuildOptions::new(site.path());
    options.base_url = Some(String::new());
    match marsad::build(&options) {
        Err(marsad::BuildError::Invalid(diagnostics)) => {
            let text: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
            assert!(
                text[0].contains("--base-url must be an absolute http(s) URL"),
                "{text:?}"
            );
        }
        other => panic!("expected a diagnostic, got {other:?}"),
    }
}

#[test]
fn an_article_about_no_region_and_no_partner() {
    let errors = diagnostics_after(|root| {
        edit(
            root,
            "content/articles/gamma.fr.md",
            "partners = [\"ministry\"]\n",
            "",
        );
        edit(
            root,
            "content/articles/gamma.ar.md",
            "partners = [\"ministry\"]\n",
            "",
        );
    });
    expect(
        &errors,
        &[
            "this article names no region and no partner",
            "--> content/articles/gamma.fr.md:1:1",
            "help: add the regions or partners it is about",
        ],
    );
}

#[test]
fn more_agreements_at_an_event_than_its_sources_announce() {
    let errors = diagnostics_after(|root| {
        edit(
            root,
            "content/events/forum-2025.toml",
            "value = 3",
            "value = 0",
        );
    });
    expect(
        &errors,
        &[
            "more signed agreements name this event (1) than its sources count (0)",
            "--> content/events/forum-2025.toml:",
            "value = 0",
            "acme-2025",
        ],
    );
}

#[test]
fn a_count_of_agreements_is_a_whole_number() {
    let errors = diagnostics_after(|root| {
        edit(
            root,
            "content/events/forum-2025.toml",
            "value = 3",
            "value = 2.5",
        );
    });
    expect(
        &errors,
        &["a number of agreements is a whole number", "value = 2.5"],
    );
}

#[test]
fn two_sheets_describing_the_same_partner() {
    let errors = diagnostics_after(|root| {
        let acme = fs::read_to_string(root.join("content/partners/acme.toml")).expect("acme");
        fs::write(root.join("content/partners/acme-corp.toml"), acme).expect("write");
    });
    expect(
        &errors,
        &[
            "this partner has the same name (ar) as `acme`",
            "content/partners/acme-corp.toml",
            "content/partners/acme.toml seems to describe the same partner",
        ],
    );
    assert_eq!(
        errors
            .iter()
            .filter(|e| e.contains("content/partners/acme-corp.toml"))
            .count(),
        1,
        "one error per pair of sheets, not one per matching name: {errors:?}"
    );
}

#[test]
fn an_agreement_naming_an_unknown_event() {
    let errors = diagnostics_after(|root| {
        edit(
            root,
            "content/mous/acme-2025.toml",
            "event = \"forum-2025\"",
            "event = \"forum-2052\"",
        );
    });
    expect(
        &errors,
        &[
            "unknown event `forum-2052`",
            "--> content/mous/acme-2025.toml:8:9",
            "did you mean `forum-2025`?",
        ],
    );
}

#[test]
fn a_page_cannot_take_a_section_name() {
    let errors = diagnostics_after(|root| {
        fs::rename(
            root.join("content/pages/notes.fr.md"),
            root.join("content/pages/regions.fr.md"),
        )
        .expect("rename");
    });
    expect(
        &errors,
        &[
            "`regions` is taken by a section of the site",
            "content/pages/regions.fr.md",
            "rename the file",
        ],
    );
}

#[test]
fn one_translation_without_partners_is_one_error() {
    let errors = diagnostics_after(|root| {
        edit(
            root,
            "content/articles/gamma.fr.md",
            "partners = [\"ministry\"]\n",
            "",
        );
    });
    assert_eq!(errors.len(), 1, "{errors:#?}");
    expect(
        &errors,
        &["the ar and fr versions of `gamma` list different `partners`"],
    );
}

#[test]
fn a_page_needs_a_title() {
    let errors = diagnostics_after(|root| {
        edit(
            root,
            "content/pages/about.fr.md",
            "title = \"À propos\"",
            "title = \"  \"",
        );
    });
    expect(
        &errors,
        &["`title` is empty", "--> content/pages/about.fr.md:2:1"],
    );
}

#[test]
fn a_stylesheet_url_to_a_missing_theme_file() {
    let style = "themes/observatory/static/style.css";
    let mut position = (0, 0);
    let errors = diagnostics_after(|root| {
        edit(
            root,
            style,
            "url(fonts/noto-naskh-arabic.woff2)",
            "url(fonts/noto-naskh-arbic.woff2)",
        );
        let text = fs::read_to_string(root.join(style)).expect("stylesheet");
        let at = text.find("fonts/noto-naskh-arbic").expect("edited");
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        position = (
            text[..at].matches('\n').count() + 1,
            text[line_start..at].chars().count() + 1,
        );
    });
    let (line, column) = position;
    expect(
        &errors,
        &[
            "`fonts/noto-naskh-arbic.woff2` is not a file of the theme",
            &format!("{style}:{line}:{column}"),
            "no such file in themes/observatory/static",
            "fix the path",
        ],
    );
}
