//! Stage 4, **write**: pages go to a staging directory beside the output, which replaces the
//! output only once the whole build has succeeded.
//!
//! Zola, Hugo and mdBook clean the output and write in place, so a failure halfway leaves a
//! half site. Here a failed or interrupted build leaves the previous `public/` exactly as it
//! was. On Linux the swap is one `renameat2(RENAME_EXCHANGE)`: at no instant is there no
//! `public/`. Elsewhere it is two renames.
//!
//! A file whose bytes did not change since the previous build is not written again: the
//! staging folder gets a hard link to the previous output's file, which keeps its inode and
//! modification time (tools that sync by date see nothing to do, and the disk is not written).
//! What the previous build wrote is recorded in a manifest beside the output
//! (`.public.manifest`: content hash, size, inode and modification time per file); a file is
//! reused only when the manifest's hash matches and the file on disk is still the one recorded,
//! so an output edited or replaced by hand is written afresh.

use std::collections::HashMap;
use std::ffi::OsString;
use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

/// Hash of a file's bytes, to tell whether it changed (128 bits: a collision would publish
/// a stale file).
pub type ContentHash = u128;

/// Hash of a file's bytes.
pub fn content_hash(bytes: &[u8]) -> ContentHash {
    xxhash_rust::xxh3::xxh3_128(bytes)
}

/// Where rendered files go: a [`Staging`] folder for `build`, the [`LiveOutput`] for `serve`.
pub trait Output: Sync {
    /// Writes `bytes`, whose [`content_hash`] is `hash`, at `relative` inside the output
    /// (callers have the hash already: they record it).
    fn write(&self, relative: &Path, bytes: &[u8], hash: ContentHash) -> io::Result<()>;
    /// Copies a file to `relative` inside the output.
    fn copy(&self, from: &Path, relative: &Path) -> io::Result<()>;
    /// The folder written into (for messages).
    fn dir(&self) -> &Path;
}

/// An output directory being written.
#[derive(Debug)]
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    committed: bool,
    /// What the previous build wrote into `target`, by relative path.
    previous: HashMap<PathBuf, Recorded>,
    /// What this build wrote, for the next one.
    written: Mutex<Vec<(PathBuf, Recorded)>>,
    /// Files linked from the previous output instead of written.
    unchanged: AtomicUsize,
}

/// A file as the manifest records it: enough to tell its bytes and that it is still the same
/// file on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Recorded {
    hash: ContentHash,
    len: u64,
    inode: u64,
    modified_ns: i128,
}

impl Recorded {
    fn of(hash: ContentHash, metadata: &fs::Metadata) -> Self {
        let (inode, modified_ns) = identity(metadata);
        Recorded {
            hash,
            len: metadata.len(),
            inode,
            modified_ns,
        }
    }

    /// True when `metadata` describes the file this record was made of (never where files
    /// have no inode to tell them apart).
    fn is(&self, metadata: &fs::Metadata) -> bool {
        cfg!(unix)
            && metadata.is_file()
            && metadata.len() == self.len
            && identity(metadata) == (self.inode, self.modified_ns)
    }
}

/// Inode and modification time (nanoseconds since the epoch).
#[cfg(unix)]
fn identity(metadata: &fs::Metadata) -> (u64, i128) {
    use std::os::unix::fs::MetadataExt;
    let modified = i128::from(metadata.mtime()) * 1_000_000_000 + i128::from(metadata.mtime_nsec());
    (metadata.ino(), modified)
}

/// Without inodes a file cannot be told from its replacement: nothing is reused.
#[cfg(not(unix))]
fn identity(_: &fs::Metadata) -> (u64, i128) {
    (0, 0)
}

impl Staging {
    /// Creates a fresh staging directory beside `target` (so the final rename stays on one
    /// file system), first removing leftovers of interrupted builds.
    pub fn create(target: &Path) -> io::Result<Staging> {
        let parent = parent_of(target);
        fs::create_dir_all(&parent)?;
        remove_leftovers(target)?;
        // Unique within the process too: two builds may run at once in one process (`serve`
        // rebuilding while a test builds).
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let number = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir = sibling(target, &format!("staging-{}-{number}", std::process::id()));
        if dir.exists() {
            fs::remove_dir_all(&dir)?;
        }
        fs::create_dir(&dir)?;
        Ok(Staging {
            dir,
            target: target.to_path_buf(),
            committed: false,
            // The manifest describes the output it sits beside: without that output (a first
            // build, or one removed by hand) there is nothing to keep.
            previous: if target.is_dir() {
                read_manifest(&manifest_path(target))
            } else {
                HashMap::new()
            },
            written: Mutex::new(Vec::new()),
            unchanged: AtomicUsize::new(0),
        })
    }

    /// The staging directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Puts `bytes` at `relative` inside the staging directory: a link to the previous
    /// output's file when that file holds these bytes, otherwise a new file.
    pub fn write(&self, relative: &Path, bytes: &[u8]) -> io::Result<()> {
        self.write_hashed(relative, bytes, content_hash(bytes))
    }

    /// Like [`Staging::write`], for bytes whose [`content_hash`] is `hash`.
    pub fn write_hashed(&self, relative: &Path, bytes: &[u8], hash: ContentHash) -> io::Result<()> {
        let path = self.dir.join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        if let Some(kept) = self.link_unchanged(relative, &path, hash, bytes.len()) {
            self.record(relative, kept);
            self.unchanged.fetch_add(1, Ordering::Relaxed);
            return Ok(());
        }
        let mut file = fs::File::create(&path)?;
        file.write_all(bytes)?;
        let metadata = file.metadata()?;
        self.record(relative, Recorded::of(hash, &metadata));
        Ok(())
    }

    /// Links the previous output's `relative` to `path` if it is the file the manifest
    /// recorded with these bytes.
    fn link_unchanged(
        &self,
        relative: &Path,
        path: &Path,
        hash: ContentHash,
        len: usize,
    ) -> Option<Recorded> {
        let recorded = self.previous.get(relative)?;
        if recorded.hash != hash || recorded.len != len as u64 {
            return None;
        }
        let old = self.target.join(relative);
        let metadata = fs::symlink_metadata(&old).ok()?;
        if !recorded.is(&metadata) {
            return None;
        }
        fs::hard_link(&old, path).ok()?;
        Some(*recorded)
    }

    fn record(&self, relative: &Path, recorded: Recorded) {
        if let Ok(mut written) = self.written.lock() {
            written.push((relative.to_path_buf(), recorded));
        }
    }

    /// How many files were kept from the previous output because their bytes had not changed.
    pub fn unchanged(&self) -> usize {
        self.unchanged.load(Ordering::Relaxed)
    }

    /// How many files were put in the staging directory through [`Staging::write`].
    pub fn written(&self) -> usize {
        self.written.lock().map_or(0, |w| w.len())
    }

    /// Copies a file into the staging directory.
    pub fn copy(&self, from: &Path, relative: &Path) -> io::Result<()> {
        let path = self.dir.join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::copy(from, path).map(|_| ())
    }

    /// Makes the staged site the output, records what it holds for the next build, and
    /// removes the previous one.
    pub fn commit(mut self) -> io::Result<()> {
        let had_output = self.target.exists();
        if had_output {
            if !self.target.is_dir() {
                return Err(io::Error::other(format!(
                    "{} exists and is not a directory",
                    self.target.display()
                )));
            }
            exchange(&self.dir, &self.target)?;
        } else {
            fs::rename(&self.dir, &self.target)?;
        }
        self.committed = true;
        // Only saves the next build work: without a manifest it writes every file.
        let written = std::mem::take(self.written.get_mut().unwrap_or_else(|e| e.into_inner()));
        let _ = write_manifest(&manifest_path(&self.target), &written);
        if had_output {
            // `self.dir` now holds the previous output.
            remove_tree(&self.dir)?;
        }
        Ok(())
    }
}

impl Output for Staging {
    fn write(&self, relative: &Path, bytes: &[u8], hash: ContentHash) -> io::Result<()> {
        Staging::write_hashed(self, relative, bytes, hash)
    }
    fn copy(&self, from: &Path, relative: &Path) -> io::Result<()> {
        Staging::copy(self, from, relative)
    }
    fn dir(&self) -> &Path {
        Staging::dir(self)
    }
}

/// The output folder of `serve`, updated file by file after each change. Every file is
/// written beside its final name and renamed over it, so a reader (the dev server, a
/// browser) always gets the old page or the new one, never half of one.
#[derive(Debug, Clone)]
pub struct LiveOutput {
    dir: PathBuf,
}

impl LiveOutput {
    /// The output folder at `dir` (which a full build created).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        LiveOutput { dir: dir.into() }
    }

    /// Removes a page that no longer exists, and the folders it leaves empty.
    pub fn remove(&self, relative: &Path) -> io::Result<()> {
        let path = self.dir.join(relative);
        match fs::remove_file(&path) {
            Err(error) if error.kind() != io::ErrorKind::NotFound => return Err(error),
            _ => {}
        }
        let mut folder = path.parent();
        while let Some(dir) = folder {
            if dir == self.dir || !dir.starts_with(&self.dir) || fs::remove_dir(dir).is_err() {
                break;
            }
            folder = dir.parent();
        }
        Ok(())
    }

    /// Puts `fill`'s file at `relative`, through a temporary file renamed into place.
    fn replace(
        &self,
        relative: &Path,
        fill: impl FnOnce(&Path) -> io::Result<()>,
    ) -> io::Result<()> {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let path = self.dir.join(relative);
        let parent = parent_of(&path);
        fs::create_dir_all(&parent)?;
        let number = NEXT.fetch_add(1, Ordering::Relaxed);
        let temporary = parent.join(format!(".marsad-write-{}-{number}.tmp", std::process::id()));
        let result = fill(&temporary).and_then(|()| fs::rename(&temporary, &path));
        if result.is_err() {
            let _ = fs::remove_file(&temporary);
        }
        result
    }
}

impl Output for LiveOutput {
    fn write(&self, relative: &Path, bytes: &[u8], _: ContentHash) -> io::Result<()> {
        self.replace(relative, |temporary| fs::write(temporary, bytes))
    }
    fn copy(&self, from: &Path, relative: &Path) -> io::Result<()> {
        self.replace(relative, |temporary| fs::copy(from, temporary).map(|_| ()))
    }
    fn dir(&self) -> &Path {
        &self.dir
    }
}

impl Drop for Staging {
    /// An abandoned build removes its staging directory; the output is untouched.
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

fn parent_of(target: &Path) -> PathBuf {
    match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// `.public.<suffix>` beside `public`.
fn sibling(target: &Path, suffix: &str) -> PathBuf {
    let name = target.file_name().map(OsString::from).unwrap_or_default();
    let mut sibling = OsString::from(".");
    sibling.push(name);
    sibling.push(".");
    sibling.push(suffix);
    parent_of(target).join(sibling)
}

/// `.public.manifest` beside `public`: what the last build wrote there.
fn manifest_path(target: &Path) -> PathBuf {
    sibling(target, "manifest")
}

/// One line per file: hash, size, inode, modification time, then the path (last, so it may
/// hold spaces). A missing or damaged manifest only means every file is written again.
fn read_manifest(path: &Path) -> HashMap<PathBuf, Recorded> {
    let Ok(text) = fs::read_to_string(path) else {
        return HashMap::new();
    };
    text.lines()
        .filter_map(|line| {
            let mut fields = line.splitn(5, ' ');
            let recorded = Recorded {
                hash: ContentHash::from_str_radix(fields.next()?, 16).ok()?,
                len: fields.next()?.parse().ok()?,
                inode: fields.next()?.parse().ok()?,
                modified_ns: fields.next()?.parse().ok()?,
            };
            Some((PathBuf::from(fields.next()?), recorded))
        })
        .collect()
}

/// Writes the manifest through a temporary file renamed over it, so it is whole or absent.
fn write_manifest(path: &Path, written: &[(PathBuf, Recorded)]) -> io::Result<()> {
    let mut text = String::with_capacity(written.len() * 100);
    for (relative, r) in written {
        let Some(relative) = relative.to_str().filter(|r| !r.contains('\n')) else {
            continue;
        };
        use std::fmt::Write as _;
        let _ = writeln!(
            text,
            "{:032x} {} {} {} {relative}",
            r.hash, r.len, r.inode, r.modified_ns
        );
    }
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let number = NEXT.fetch_add(1, Ordering::Relaxed);
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(format!("-{}-{number}", std::process::id()));
    let temporary = PathBuf::from(temporary);
    let written = fs::write(&temporary, text).and_then(|()| fs::rename(&temporary, path));
    if written.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    written
}

/// Removes a directory tree, its subfolders in parallel: the previous output of a large site
/// holds tens of thousands of files, and removing them one by one would leave a core idle.
fn remove_tree(dir: &Path) -> io::Result<()> {
    let entries: Vec<fs::DirEntry> = fs::read_dir(dir)?.collect::<io::Result<_>>()?;
    entries.par_iter().try_for_each(|entry| {
        // Not followed: a link to a folder is removed as a link.
        if entry.file_type()?.is_dir() {
            remove_tree(&entry.path())
        } else {
            fs::remove_file(entry.path())
        }
    })?;
    fs::remove_dir(dir)
}

/// Removes staging and swap directories left by builds that were killed.
fn remove_leftovers(target: &Path) -> io::Result<()> {
    let Some(name) = target.file_name().and_then(|n| n.to_str()) else {
        return Ok(());
    };
    let prefixes = [
        format!(".{name}.staging-"),
        format!(".{name}.old-"),
        format!(".{name}.manifest-"),
    ];
    for entry in fs::read_dir(parent_of(target))?.flatten() {
        let file_name = entry.file_name();
        let Some(file_name) = file_name.to_str() else {
            continue;
        };
        let Some(suffix) = prefixes
            .iter()
            .find_map(|p| file_name.strip_prefix(p.as_str()))
        else {
            continue;
        };
        // `<pid>-<n>`: another build running at the same time keeps its own, and so do the
        // other builds of this process.
        let pid = suffix.split('-').next().unwrap_or_default();
        if pid.parse().is_ok_and(is_running) {
            continue;
        }
        let removed = if entry.path().is_dir() {
            fs::remove_dir_all(entry.path())
        } else {
            // A manifest being written when its build was killed.
            fs::remove_file(entry.path())
        };
        match removed {
            Err(error) if error.kind() != io::ErrorKind::NotFound => return Err(error),
            _ => {}
        }
    }
    Ok(())
}

/// True when a process with this id exists, this one included. Elsewhere than on Unix this
/// cannot be asked, and only this process's folders are kept.
#[cfg(unix)]
fn is_running(pid: i32) -> bool {
    if pid == std::process::id() as i32 {
        return true;
    }
    if pid <= 0 {
        return false;
    }
    // SAFETY: signal 0 only checks that the process exists; nothing is sent.
    let result = unsafe { libc::kill(pid, 0) };
    result == 0 || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(not(unix))]
fn is_running(pid: i32) -> bool {
    pid == std::process::id() as i32
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a_c = CString::new(a.as_os_str().as_bytes())?;
    let b_c = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both paths are valid NUL-terminated strings that outlive the call.
    let result = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a_c.as_ptr(),
            libc::AT_FDCWD,
            b_c.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if result == 0 {
        return Ok(());
    }
    let error = io::Error::last_os_error();
    // File systems without RENAME_EXCHANGE (some network mounts) fall back to two renames.
    match error.raw_os_error() {
        Some(libc::EINVAL | libc::ENOSYS | libc::EOPNOTSUPP) => exchange_by_renames(a, b),
        _ => Err(error),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    exchange_by_renames(a, b)
}

/// Swaps two directories with three renames through a temporary name.
fn exchange_by_renames(a: &Path, b: &Path) -> io::Result<()> {
    let old = sibling(b, &format!("old-{}-swap", std::process::id()));
    fs::rename(b, &old)?;
    if let Err(error) = fs::rename(a, b) {
        fs::rename(&old, b)?;
        return Err(error);
    }
    fs::rename(&old, a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_replaces_and_abandon_keeps_the_previous_output() {
        let temp = tempfile::tempdir().unwrap();
        let target = temp.path().join("public");
        fs::create_dir(&target).unwrap();
        fs::write(target.join("old.html"), "old").unwrap();

        let abandoned = Staging::create(&target).unwrap();
        abandoned.write(Path::new("new.html"), b"new").unwrap();
        let staging_dir = abandoned.dir().to_path_buf();
        drop(abandoned);
        assert!(!staging_dir.exists());
        assert_eq!(fs::read_to_string(target.join("old.html")).unwrap(), "old");

        let staging = Staging::create(&target).unwrap();
        staging.write(Path::new("fr/index.html"), b"new").unwrap();
        staging.commit().unwrap();
        assert!(!target.join("old.html").exists());
        assert_eq!(
            fs::read_to_string(target.join("fr/index.html")).unwrap(),
            "new"
        );
        let mut leftovers: Vec<_> = fs::read_dir(temp.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        leftovers.sort();
        assert_eq!(
            leftovers,
            vec![OsString::from(".public.manifest"), OsString::from("public")]
        );
    }

    #[cfg(unix)]
    fn inode(path: &Path) -> u64 {
        use std::os::unix::fs::MetadataExt;
        fs::metadata(path).unwrap().ino()
    }

    fn build(target: &Path, files: &[(&str, &str)]) -> usize {
        let staging = Staging::create(target).unwrap();
        for (name, text) in files {
            staging.write(Path::new(name), text.as_bytes()).unwrap();
        }
        let unchanged = staging.unchanged();
        staging.commit().unwrap();
        unchanged
    }

    #[cfg(unix)]
    #[test]
    fn unchanged_files_are_kept_and_changed_ones_written() {
        let temp = tempfile::tempdir().unwrap();
        let target = temp.path().join("public");
        let files = [("fr/a.html", "a"), ("fr/b.html", "b"), ("c.html", "c")];
        assert_eq!(build(&target, &files), 0);
        let (a, b) = (
            inode(&target.join("fr/a.html")),
            inode(&target.join("fr/b.html")),
        );

        let files = [("fr/a.html", "a"), ("fr/b.html", "B"), ("c.html", "c")];
        assert_eq!(build(&target, &files), 2);
        assert_eq!(
            inode(&target.join("fr/a.html")),
            a,
            "an unchanged file is kept"
        );
        assert_ne!(inode(&target.join("fr/b.html")), b, "a changed file is new");
        assert_eq!(fs::read_to_string(target.join("fr/b.html")).unwrap(), "B");
        assert_eq!(fs::read_to_string(target.join("fr/a.html")).unwrap(), "a");
    }

    #[cfg(unix)]
    #[test]
    fn an_output_changed_by_hand_is_written_again() {
        let temp = tempfile::tempdir().unwrap();
        let target = temp.path().join("public");
        let files = [("a.html", "same"), ("b.html", "same")];
        build(&target, &files);
        // Replaced by another file, and edited in place (same size, later time).
        fs::remove_file(target.join("a.html")).unwrap();
        fs::write(target.join("a.html"), "same").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(10));
        fs::write(target.join("b.html"), "SAME").unwrap();

        assert_eq!(build(&target, &files), 0);
        assert_eq!(fs::read_to_string(target.join("b.html")).unwrap(), "same");

        // A damaged manifest is no manifest.
        fs::write(temp.path().join(".public.manifest"), "not a manifest\n").unwrap();
        assert_eq!(build(&target, &files), 0);
        assert_eq!(build(&target, &files), 2);
    }

    #[test]
    fn two_builds_of_one_process_do_not_share_a_staging_folder() {
        let temp = tempfile::tempdir().unwrap();
        let target = temp.path().join("public");
        let first = Staging::create(&target).unwrap();
        let second = Staging::create(&target).unwrap();
        assert_ne!(first.dir(), second.dir());
        assert!(
            first.dir().is_dir(),
            "the second build kept the first one's folder"
        );
        first.write(Path::new("a.html"), b"a").unwrap();
        first.commit().unwrap();
        second.write(Path::new("b.html"), b"b").unwrap();
        second.commit().unwrap();
        assert!(target.join("b.html").exists());
    }

    fn parent_pid() -> i32 {
        // SAFETY: getppid has no preconditions.
        unsafe { libc::getppid() }
    }

    #[test]
    fn leftovers_of_killed_builds_are_removed() {
        let temp = tempfile::tempdir().unwrap();
        let target = temp.path().join("public");
        // No process has this id (Linux caps ids at 2^22).
        fs::create_dir_all(temp.path().join(".public.staging-2147483646/fr")).unwrap();
        let half_manifest = temp.path().join(".public.manifest-2147483646-0");
        fs::write(&half_manifest, "0 1 2").unwrap();
        let manifest = temp.path().join(".public.manifest");
        fs::write(&manifest, "").unwrap();
        let running = temp
            .path()
            .join(format!(".public.staging-{}", parent_pid()));
        fs::create_dir_all(&running).unwrap();
        let staging = Staging::create(&target).unwrap();
        assert!(!temp.path().join(".public.staging-2147483646").exists());
        assert!(
            !half_manifest.exists(),
            "a killed build's half manifest is removed"
        );
        assert!(manifest.exists(), "the manifest is kept");
        assert!(
            running.exists(),
            "a running build's staging folder is left alone"
        );
        staging.commit().unwrap();
        assert!(target.is_dir());
    }
}
