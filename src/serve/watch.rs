//! Watching the site's sources with notify, and turning an editor's save (which may be
//! several file system events: write a temporary file, rename it over the old one) into one
//! batch of changed paths.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use notify::event::{EventKind, ModifyKind};
use notify::{RecommendedWatcher, RecursiveMode, Watcher};

/// The folders under the root that hold sources, watched recursively.
const SOURCE_FOLDERS: [&str; 4] = ["content", "seeds", "i18n", "themes"];

/// How long the sources must stay quiet before a batch is rebuilt. Editors write a save
/// within a millisecond or two; longer would be felt as lag.
pub const QUIET: Duration = Duration::from_millis(10);

/// A batch never waits longer than this, even while events keep coming (a `git checkout`).
pub const LONGEST_WAIT: Duration = Duration::from_millis(300);

/// What the rebuild loop waits for.
#[derive(Debug)]
pub enum Signal {
    /// A file system event (or the watcher's error).
    Fs(notify::Result<notify::Event>),
    /// Serving is over.
    Stop,
}

/// Watches the site's source folders and files.
pub struct SourceWatcher {
    watcher: RecommendedWatcher,
    root: PathBuf,
    ignored: PathBuf,
}

impl SourceWatcher {
    /// Watches `content/`, `seeds/`, `i18n/` and `themes/` under `root` recursively, and
    /// the root itself (for `observatory.toml`) without descending. Events under `output`
    /// are ignored.
    pub fn new(root: &Path, output: &Path, signals: Sender<Signal>) -> notify::Result<Self> {
        let mut watcher = notify::recommended_watcher(move |event| {
            // The receiver is gone only when serve is stopping.
            let _ = signals.send(Signal::Fs(event));
        })?;
        for folder in SOURCE_FOLDERS {
            let path = root.join(folder);
            if path.is_dir() {
                watcher.watch(&path, RecursiveMode::Recursive)?;
            }
        }
        watcher.watch(root, RecursiveMode::NonRecursive)?;
        Ok(SourceWatcher {
            watcher,
            root: root.to_path_buf(),
            ignored: output.to_path_buf(),
        })
    }

    /// Waits for the next batch of changed paths; `None` when serving stops.
    pub fn next_batch(&mut self, signals: &Receiver<Signal>) -> Option<Vec<PathBuf>> {
        let mut batch = Vec::new();
        // Wait as long as it takes for the first relevant event.
        while batch.is_empty() {
            match signals.recv().ok()? {
                Signal::Fs(event) => self.collect(event, &mut batch),
                Signal::Stop => return None,
            };
        }
        let started = Instant::now();
        let mut quiet_until = Instant::now() + QUIET;
        loop {
            let now = Instant::now();
            let deadline = quiet_until.min(started + LONGEST_WAIT);
            if now >= deadline {
                break;
            }
            match signals.recv_timeout(deadline - now) {
                Ok(Signal::Fs(event)) => {
                    if self.collect(event, &mut batch) {
                        quiet_until = Instant::now() + QUIET;
                    }
                }
                Ok(Signal::Stop) => return None,
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => break,
            }
        }
        batch.sort();
        batch.dedup();
        self.rewatch_source_folders(&batch);
        Some(batch)
    }

    /// A source folder created after serve started, or deleted and created again (a `git
    /// checkout`), is watched from now on; its files are read by the rebuild of this batch.
    fn rewatch_source_folders(&mut self, batch: &[PathBuf]) {
        for path in batch {
            let is_source_folder = path.parent() == Some(self.root.as_path())
                && path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| SOURCE_FOLDERS.contains(&n));
            if is_source_folder && path.is_dir() {
                // Watching a folder already watched only renews the watch.
                let _ = self.watcher.watch(path, RecursiveMode::Recursive);
            }
        }
    }

    /// Adds the event's relevant paths to `batch`; true if there were any.
    fn collect(&self, event: notify::Result<notify::Event>, batch: &mut Vec<PathBuf>) -> bool {
        let Ok(event) = event else {
            // The watcher lost track (an overflow, a folder gone): reload everything, which a
            // change to the configuration does.
            batch.push(self.root.join(crate::config::CONFIG_FILE));
            return true;
        };
        let relevant_kind = match event.kind {
            EventKind::Create(_) | EventKind::Remove(_) => true,
            EventKind::Modify(ModifyKind::Metadata(_)) => false,
            EventKind::Modify(_) => true,
            EventKind::Any | EventKind::Other => true,
            EventKind::Access(_) => false,
        };
        if !relevant_kind {
            return false;
        }
        let before = batch.len();
        batch.extend(event.paths.into_iter().filter(|path| self.is_source(path)));
        batch.len() > before
    }

    /// Editor swap files, backups and the output itself never trigger a rebuild.
    fn is_source(&self, path: &Path) -> bool {
        if path.starts_with(&self.ignored) {
            return false;
        }
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let editor_litter = name.starts_with('.')
            || name.ends_with('~')
            || name.starts_with('#')
            || name.ends_with(".swp")
            || name.ends_with(".swx")
            || name.ends_with(".tmp")
            || name == "4913";
        if editor_litter {
            return false;
        }
        // At the root, only the configuration and the source folders matter (not public/,
        // target/, the README, …).
        if path.parent() == Some(self.root.as_path()) {
            return matches!(
                name,
                crate::config::CONFIG_FILE | "content" | "seeds" | "i18n" | "themes"
            );
        }
        true
    }
}
