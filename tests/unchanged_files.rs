//! A rebuild keeps the files whose bytes did not change (same inode, not rewritten) and
//! writes the others; the output is the same as a build from scratch.
#![cfg(unix)]

mod common;

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use common::{fixture, snapshot};
use marsad::{BuildOptions, BuildReport};

/// Builds without the search index, whose page numbering may follow the order files are
/// walked: this test is about the writing, not the indexer.
fn build(root: &Path, output: &Path) -> BuildReport {
    let mut options = BuildOptions::new(root);
    options.output = Some(output.to_path_buf());
    options.search = false;
    marsad::build(&options).expect("the fixture builds")
}

fn inode(path: &Path) -> u64 {
    fs::metadata(path).expect("file exists").ino()
}

#[test]
fn a_rebuild_keeps_unchanged_files_and_rewrites_changed_ones() {
    let site = fixture("site");
    let public = site.path().join("public");
    let first = build(site.path(), &public);
    assert_eq!(first.files.unchanged, 0, "nothing to keep on a first build");
    let before = snapshot(&public);
    let home = public.join("fr/index.html");
    let beta = public.join("fr/articles/beta/index.html");
    let (home_inode, beta_inode) = (inode(&home), inode(&beta));

    let again = build(site.path(), &public);
    assert_eq!(again.files.unchanged, again.files.written);
    assert_eq!(snapshot(&public), before, "same bytes");
    assert_eq!(
        inode(&home),
        home_inode,
        "an unchanged page is the same file"
    );

    // Beta's body changes: its page is written again, the home page (which shows its title,
    // not its body) is kept.
    let article = site.path().join("content/articles/beta.fr.md");
    let text = fs::read_to_string(&article).expect("article");
    fs::write(
        &article,
        text.replace("Texte de bêta.", "Texte de bêta, revu."),
    )
    .expect("edit");
    let edited = build(site.path(), &public);
    assert!(edited.files.unchanged > 0 && edited.files.unchanged < edited.files.written);
    assert_ne!(inode(&beta), beta_inode, "a changed page is a new file");
    assert!(
        fs::read_to_string(&beta)
            .expect("page")
            .contains("Texte de bêta, revu.")
    );
    assert_eq!(inode(&home), home_inode);

    // The same sources built from scratch give the same output.
    let fresh = site.path().join("fresh");
    build(site.path(), &fresh);
    assert_eq!(snapshot(&fresh), snapshot(&public));
}
