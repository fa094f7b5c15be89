//! The `site_build` fuzz target's world and property, shared with the regression tests
//! (`tests/fuzz_regressions.rs` includes this file with `#[path]`).
//!
//! A world is a small site — `tests/fixtures/site` with the repository's theme and interface
//! strings — copied once into a temporary folder and built once. An input is a few edits of
//! that site, in a byte format simple enough to write seeds by hand:
//!
//! ```text
//! input  = flags edit*            flags: bit 0 = build with drafts
//! edit   = op file at:u16le remove:u8 len:u16le bytes[len]   (at most 4 edits)
//! op % 4 = 0 patch:   remove `remove` bytes at `at` (modulo the length), insert `bytes`
//!          1 replace: the file's content becomes `bytes`
//!          2 remove:  the file is deleted
//!          3 add:     the file DIRS[file] / NAMES[at % NAMES.len()] gets `bytes`
//! file   = index (modulo their number) into the site's files: content/, seeds/ and i18n/
//!          in walk order (sorted by name), then observatory.toml
//! ```
//!
//! The site is built into an output that holds the previous successful build, then every
//! edit is undone. The property: no panic; a failed build is `BuildError::Invalid` with at
//! least one error, each renders; the previous output is byte for byte as it was; no staging
//! folder is left beside it.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use marsad::{BuildError, BuildOptions};

/// Folders a new file may be added to (two of them wrong on purpose).
pub const DIRS: &[&str] = &[
    "content/articles",
    "content/pages",
    "content/partners",
    "content/regions",
    "content/mous",
    "content/programmes",
    "content/events",
    "seeds",
    "i18n",
    "content",
    "content/regoins",
];

/// Names a new file may take (some of them wrong on purpose).
pub const NAMES: &[&str] = &[
    "new.fr.md",
    "new.ar.md",
    "alpha.ar.md",
    "new.toml",
    "north-2.toml",
    "Bad Name.toml",
    "x.de.md",
    "notes.txt",
    ".hidden.toml",
    "fr.ftl",
    "a..b.fr.md",
    "new.ftl",
];

/// One edit of the site.
#[derive(Debug)]
pub enum Edit<'a> {
    /// Removes `remove` bytes at `at` (modulo the length) and inserts `insert` there.
    Patch {
        file: u8,
        at: u16,
        remove: u8,
        insert: &'a [u8],
    },
    /// Replaces a file's whole content.
    Replace { file: u8, bytes: &'a [u8] },
    /// Removes a file.
    Remove { file: u8 },
    /// Adds (or overwrites) a file.
    Add { dir: u8, name: u16, bytes: &'a [u8] },
}

/// A decoded input.
#[derive(Debug)]
pub struct Input<'a> {
    pub drafts: bool,
    pub edits: Vec<Edit<'a>>,
}

/// Decodes an input; missing bytes read as zero, a short `bytes` is what is left.
pub fn decode(data: &[u8]) -> Input<'_> {
    let Some((&flags, mut rest)) = data.split_first() else {
        return Input {
            drafts: false,
            edits: Vec::new(),
        };
    };
    let mut edits = Vec::new();
    while !rest.is_empty() && edits.len() < 4 {
        let byte = |rest: &[u8], i: usize| rest.get(i).copied().unwrap_or(0);
        let op = byte(rest, 0) % 4;
        let file = byte(rest, 1);
        let at = u16::from_le_bytes([byte(rest, 2), byte(rest, 3)]);
        let remove = byte(rest, 4);
        let len = usize::from(u16::from_le_bytes([byte(rest, 5), byte(rest, 6)]));
        let body = rest.get(7..).unwrap_or_default();
        let len = len.min(body.len());
        let bytes = &body[..len];
        rest = &body[len..];
        edits.push(match op {
            0 => Edit::Patch {
                file,
                at,
                remove,
                insert: bytes,
            },
            1 => Edit::Replace { file, bytes },
            2 => Edit::Remove { file },
            _ => Edit::Add {
                dir: file,
                name: at,
                bytes,
            },
        });
    }
    Input {
        drafts: flags & 1 == 1,
        edits,
    }
}

/// The site, its output and what the last successful build wrote.
pub struct World {
    _temp: tempfile::TempDir,
    pub root: PathBuf,
    pub output: PathBuf,
    /// Editable files (relative to the root) and their original bytes.
    pub files: Vec<(PathBuf, Vec<u8>)>,
    /// The output of the last successful build: relative path → content hash.
    snapshot: BTreeMap<PathBuf, u128>,
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("readable");
        let target = to.join(entry.path().strip_prefix(from).expect("inside"));
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).expect("create folder");
        } else {
            fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

fn snapshot(output: &Path) -> BTreeMap<PathBuf, u128> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(output).sort_by_file_name() {
        let entry = entry.expect("readable output");
        if entry.file_type().is_file() {
            let bytes = fs::read(entry.path()).expect("read output");
            let relative = entry.path().strip_prefix(output).expect("inside");
            files.insert(relative.to_path_buf(), xxhash_rust::xxh3::xxh3_128(&bytes));
        }
    }
    files
}

impl World {
    /// Copies the fixture site of the repository at `repo` and builds it once.
    pub fn new(repo: &Path) -> World {
        let temp = tempfile::tempdir().expect("temporary folder");
        let root = temp.path().join("site");
        copy_dir(&repo.join("tests/fixtures/site"), &root);
        copy_dir(&repo.join("themes"), &root.join("themes"));
        copy_dir(&repo.join("i18n"), &root.join("i18n"));
        let mut files = Vec::new();
        for dir in ["content", "seeds", "i18n"] {
            for entry in walkdir::WalkDir::new(root.join(dir)).sort_by_file_name() {
                let entry = entry.expect("readable");
                if entry.file_type().is_file() {
                    let bytes = fs::read(entry.path()).expect("read");
                    let relative = entry.path().strip_prefix(&root).expect("inside");
                    files.push((relative.to_path_buf(), bytes));
                }
            }
        }
        let config = PathBuf::from("observatory.toml");
        files.push((
            config.clone(),
            fs::read(root.join(&config)).expect("config"),
        ));
        let output = temp.path().join("public");
        let mut world = World {
            _temp: temp,
            root,
            output,
            files,
            snapshot: BTreeMap::new(),
        };
        marsad::build(&world.options(false)).expect("the fixture site builds");
        world.snapshot = snapshot(&world.output);
        world
    }

    fn options(&self, drafts: bool) -> BuildOptions {
        let mut options = BuildOptions::new(&self.root);
        options.output = Some(self.output.clone());
        options.drafts = drafts;
        // The search index (pagefind) reads only the pages written, and is a large part of
        // a small build's time: left out to keep executions fast.
        options.search = false;
        options
    }

    fn apply(&self, edit: &Edit, added: &mut Vec<PathBuf>) {
        let pick = |file: u8| &self.files[usize::from(file) % self.files.len()].0;
        match *edit {
            Edit::Patch {
                file,
                at,
                remove,
                insert,
            } => {
                let path = self.root.join(pick(file));
                let mut bytes = fs::read(&path).unwrap_or_default();
                let at = usize::from(at) % (bytes.len() + 1);
                let end = (at + usize::from(remove)).min(bytes.len());
                bytes.splice(at..end, insert.iter().copied());
                fs::write(&path, bytes).expect("write");
            }
            Edit::Replace { file, bytes } => {
                fs::write(self.root.join(pick(file)), bytes).expect("write");
            }
            Edit::Remove { file } => {
                let _ = fs::remove_file(self.root.join(pick(file)));
            }
            Edit::Add { dir, name, bytes } => {
                let dir = DIRS[usize::from(dir) % DIRS.len()];
                let name = NAMES[usize::from(name) % NAMES.len()];
                let relative = Path::new(dir).join(name);
                let path = self.root.join(&relative);
                fs::create_dir_all(path.parent().expect("parent")).expect("create folder");
                fs::write(&path, bytes).expect("write");
                if !self.files.iter().any(|(f, _)| *f == relative) {
                    added.push(path);
                }
            }
        }
    }

    fn restore(&self, added: &[PathBuf]) {
        for path in added {
            let _ = fs::remove_file(path);
        }
        let _ = fs::remove_dir_all(self.root.join("content/regoins"));
        for (relative, bytes) in &self.files {
            let path = self.root.join(relative);
            if fs::read(&path).ok().as_deref() != Some(bytes.as_slice()) {
                fs::write(&path, bytes).expect("restore");
            }
        }
    }

    /// Applies the input's edits, builds, undoes the edits and checks the property. Returns
    /// whether the build succeeded.
    pub fn run(&mut self, data: &[u8]) -> bool {
        let input = decode(data);
        let mut added = Vec::new();
        for edit in &input.edits {
            self.apply(edit, &mut added);
        }
        let result = marsad::build(&self.options(input.drafts));
        self.restore(&added);
        let built = match result {
            Ok(_) => {
                self.snapshot = snapshot(&self.output);
                true
            }
            Err(BuildError::Invalid(diagnostics)) => {
                assert!(
                    diagnostics.has_errors() && diagnostics.error_count() >= 1,
                    "a failed build with no error: {diagnostics:?}"
                );
                for diagnostic in diagnostics.sorted() {
                    assert!(!diagnostic.to_string().is_empty());
                }
                assert!(
                    snapshot(&self.output) == self.snapshot,
                    "a failed build changed the previous output"
                );
                false
            }
            Err(other) => panic!("a build failed other than with diagnostics: {other}"),
        };
        let parent = self.output.parent().expect("parent");
        for entry in fs::read_dir(parent).expect("list") {
            let name = entry.expect("entry").file_name();
            let name = name.to_string_lossy();
            assert!(
                !name.contains("staging") && !name.contains(".old"),
                "left beside the output: {name}"
            );
        }
        built
    }
}
