//! The background reader of documents.
//!
//! Reading, decoding and indexing a 50 MB document takes about 100 ms, a
//! 100 MB single line seconds; on the event loop that froze the workbench,
//! `q` included. The loop hands `Effect::LoadDocument` to this thread,
//! which opens the file once, sends the document made of its first chunk
//! (shown at once, marked as still reading) and then the whole document.
//! Opening another document cancels a load still running.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

use super::effects::perform;
use super::msg::{Effect, Msg};
use crate::document::read_in_steps;
use crate::workspace::Workspace;

/// A thread that reads documents, the latest asked for only.
pub struct DocumentReader {
    jobs: Option<Sender<(u64, String)>>,
    results: Receiver<Msg>,
    /// The number of the latest load asked for: a load whose number is
    /// not this one any more stops at its next chunk.
    latest: Arc<AtomicU64>,
    /// Loads asked for and not finished (or given up) yet.
    unfinished: Arc<AtomicUsize>,
    workspace: Workspace,
}

impl DocumentReader {
    /// Starts the reader thread for `workspace`.
    pub fn start(workspace: Workspace) -> Self {
        let (jobs, queue) = channel::<(u64, String)>();
        let (report, results) = channel();
        let latest = Arc::new(AtomicU64::new(0));
        let unfinished = Arc::new(AtomicUsize::new(0));
        let (own, wanted, left) = (workspace.clone(), latest.clone(), unfinished.clone());
        let started = std::thread::Builder::new()
            .name("document reader".to_owned())
            .spawn(move || {
                for (number, path) in queue {
                    let current = || wanted.load(Ordering::SeqCst) == number;
                    if current() {
                        read(&own, path, &report, || !current());
                    }
                    left.fetch_sub(1, Ordering::SeqCst);
                }
            })
            .is_ok();
        DocumentReader {
            jobs: started.then_some(jobs),
            results,
            latest,
            unfinished,
            workspace,
        }
    }

    /// Whether `effect` is the reader's to carry out.
    pub fn takes(effect: &Effect) -> bool {
        matches!(effect, Effect::LoadDocument(_))
    }

    /// Starts loading the document of `effect` (cancelling any load still
    /// running), and waits up to `first` for its first message, which is
    /// returned: the first screen is then drawn on this turn of the loop.
    /// If the thread could not be started (or has gone), loads it here.
    pub fn send(&self, effect: Effect, first: Duration) -> Option<Msg> {
        let Effect::LoadDocument(path) = effect else {
            return Some(perform(effect, &self.workspace));
        };
        let Some(jobs) = &self.jobs else {
            return Some(perform(Effect::LoadDocument(path), &self.workspace));
        };
        let number = self.latest.fetch_add(1, Ordering::SeqCst) + 1;
        self.unfinished.fetch_add(1, Ordering::SeqCst);
        if let Err(returned) = jobs.send((number, path)) {
            self.unfinished.fetch_sub(1, Ordering::SeqCst);
            return Some(perform(Effect::LoadDocument(returned.0.1), &self.workspace));
        }
        self.results.recv_timeout(first).ok()
    }

    /// Whether a load is still running: the loop then looks for its
    /// messages more often than once a tick.
    pub fn busy(&self) -> bool {
        self.unfinished.load(Ordering::SeqCst) > 0
    }

    /// The messages that have arrived since last asked, without waiting.
    pub fn results(&self) -> Vec<Msg> {
        self.results.try_iter().collect()
    }
}

/// Reads the document at `path`, reporting the partial document (if the
/// file is longer than its first chunk) and then the whole one or why it
/// could not be read; nothing once `cancelled`.
fn read(workspace: &Workspace, path: String, report: &Sender<Msg>, cancelled: impl Fn() -> bool) {
    let first = |partial| {
        let _ = report.send(Msg::DocumentLoaded {
            path: path.clone(),
            result: Ok(partial),
        });
    };
    let result = match read_in_steps(workspace, &path, first, cancelled) {
        Ok(None) => return,
        Ok(Some(document)) => Ok(document),
        Err(error) => Err(error.to_string()),
    };
    let _ = report.send(Msg::DocumentLoaded { path, result });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::FIRST_CHUNK;

    fn loaded(msg: &Msg) -> (&str, Option<u64>, usize) {
        match msg {
            Msg::DocumentLoaded {
                path,
                result: Ok(document),
            } => (path, document.still_reading(), document.len()),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn sends_the_first_chunk_then_the_whole_document() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("seeds")).unwrap();
        let text = "One sentence. ".repeat(FIRST_CHUNK / 7);
        std::fs::write(dir.path().join("seeds/big.txt"), &text).unwrap();
        let reader = DocumentReader::start(Workspace::new(dir.path()));
        let first = reader.send(
            Effect::LoadDocument("seeds/big.txt".to_owned()),
            Duration::from_secs(10),
        );
        let first = first.expect("the partial document within 10 s");
        let (path, still_reading, length) = loaded(&first);
        assert_eq!(path, "seeds/big.txt");
        assert_eq!(still_reading, Some(text.len() as u64));
        assert!(length < text.len());
        // Dropping the queue ends the thread once the load is reported.
        let DocumentReader { jobs, results, .. } = reader;
        drop(jobs);
        let rest: Vec<Msg> = results.iter().collect();
        assert_eq!(rest.len(), 1);
        assert_eq!(loaded(&rest[0]), ("seeds/big.txt", None, text.len()));
    }
}
