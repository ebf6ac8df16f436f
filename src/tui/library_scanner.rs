//! The background scanner of the library.
//!
//! Listing the library in full reads every document through (for its word
//! count) and parses every matrix: 30 ms for one 50 MB document, seconds
//! for a big matrix. On the event loop that delayed the first frame and,
//! after each save, the "Saved" message. The loop hands library scans to
//! this thread and takes the listing back as a message on a later turn;
//! meanwhile the Library pane shows what is still being counted.

use std::sync::mpsc::{Receiver, Sender, channel};

use super::effects::perform;
use super::msg::{Effect, Msg};
use crate::workspace::Workspace;

/// A thread that lists the library, one scan at a time, in order.
pub struct LibraryScanner {
    jobs: Option<Sender<Effect>>,
    results: Receiver<Msg>,
    workspace: Workspace,
}

impl LibraryScanner {
    /// Starts the scanner thread for `workspace`.
    pub fn start(workspace: Workspace) -> Self {
        let (jobs, queue) = channel::<Effect>();
        let (report, results) = channel();
        let own = workspace.clone();
        let started = std::thread::Builder::new()
            .name("library scanner".to_owned())
            .spawn(move || {
                for effect in queue {
                    if report.send(perform(effect, &own)).is_err() {
                        break;
                    }
                }
            })
            .is_ok();
        LibraryScanner {
            jobs: started.then_some(jobs),
            results,
            workspace,
        }
    }

    /// Whether `effect` is the scanner's to carry out.
    pub fn takes(effect: &Effect) -> bool {
        matches!(effect, Effect::ScanLibrary | Effect::CompleteLibrary(_))
    }

    /// Queues a scan; if the thread could not be started (or has gone),
    /// carries it out here instead and returns its message.
    pub fn send(&self, effect: Effect) -> Option<Msg> {
        match &self.jobs {
            Some(jobs) => match jobs.send(effect) {
                Ok(()) => None,
                Err(returned) => Some(perform(returned.0, &self.workspace)),
            },
            None => Some(perform(effect, &self.workspace)),
        }
    }

    /// The listings that have arrived since last asked, without waiting.
    pub fn results(&self) -> Vec<Msg> {
        self.results.try_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::{list_library, scan_library};

    #[test]
    fn completes_a_listing_in_the_background() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("seeds")).unwrap();
        let long = "word ".repeat(20_000);
        std::fs::write(dir.path().join("seeds/long.txt"), &long).unwrap();
        let workspace = Workspace::new(dir.path());
        let listed = list_library(&workspace);
        assert_eq!(listed.documents[0].words, None);
        let scanner = LibraryScanner::start(workspace.clone());
        assert!(
            scanner
                .send(Effect::CompleteLibrary(Box::new(listed)))
                .is_none()
        );
        // Dropping the queue ends the thread once the scan is reported.
        let LibraryScanner { jobs, results, .. } = scanner;
        drop(jobs);
        let scanned: Vec<Msg> = results.iter().collect();
        match scanned.as_slice() {
            [Msg::LibraryScanned(library)] => {
                assert_eq!(library.documents[0].words, Some(20_000));
                assert_eq!(*library, scan_library(&workspace));
            }
            other => panic!("{other:?}"),
        }
    }
}
