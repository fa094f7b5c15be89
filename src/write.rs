//! Stage 4, **write**: pages go to a staging directory beside the output, which replaces the
//! output only once the whole build has succeeded.
//!
//! Zola, Hugo and mdBook clean the output and write in place, so a failure halfway leaves a
//! half site. Here a failed or interrupted build leaves the previous `public/` exactly as it
//! was. On Linux the swap is one `renameat2(RENAME_EXCHANGE)`: at no instant is there no
//! `public/`. Elsewhere it is two renames.

use std::ffi::OsString;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Where rendered files go: a [`Staging`] folder for `build`, the [`LiveOutput`] for `serve`.
pub trait Output: Sync {
    /// Writes `bytes` at `relative` inside the output.
    fn write(&self, relative: &Path, bytes: &[u8]) -> io::Result<()>;
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
        })
    }

    /// The staging directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes `bytes` at `relative` inside the staging directory.
    pub fn write(&self, relative: &Path, bytes: &[u8]) -> io::Result<()> {
        let path = self.dir.join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(path, bytes)
    }

    /// Copies a file into the staging directory.
    pub fn copy(&self, from: &Path, relative: &Path) -> io::Result<()> {
        let path = self.dir.join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::copy(from, path).map(|_| ())
    }

    /// Makes the staged site the output, and removes the previous one.
    pub fn commit(mut self) -> io::Result<()> {
        if self.target.exists() {
            if !self.target.is_dir() {
                return Err(io::Error::other(format!(
                    "{} exists and is not a directory",
                    self.target.display()
                )));
            }
            exchange(&self.dir, &self.target)?;
            // `self.dir` now holds the previous output.
            self.committed = true;
            fs::remove_dir_all(&self.dir)?;
        } else {
            fs::rename(&self.dir, &self.target)?;
            self.committed = true;
        }
        Ok(())
    }
}

impl Output for Staging {
    fn write(&self, relative: &Path, bytes: &[u8]) -> io::Result<()> {
        Staging::write(self, relative, bytes)
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
    fn write(&self, relative: &Path, bytes: &[u8]) -> io::Result<()> {
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

/// Removes staging and swap directories left by builds that were killed.
fn remove_leftovers(target: &Path) -> io::Result<()> {
    let Some(name) = target.file_name().and_then(|n| n.to_str()) else {
        return Ok(());
    };
    let prefixes = [format!(".{name}.staging-"), format!(".{name}.old-")];
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
        if !entry.path().is_dir() || pid.parse().is_ok_and(is_running) {
            continue;
        }
        match fs::remove_dir_all(entry.path()) {
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
        let leftovers: Vec<_> = fs::read_dir(temp.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(leftovers, vec![OsString::from("public")]);
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
        let running = temp
            .path()
            .join(format!(".public.staging-{}", parent_pid()));
        fs::create_dir_all(&running).unwrap();
        let staging = Staging::create(&target).unwrap();
        assert!(!temp.path().join(".public.staging-2147483646").exists());
        assert!(
            running.exists(),
            "a running build's staging folder is left alone"
        );
        staging.commit().unwrap();
        assert!(target.is_dir());
    }
}
