//! The background writer of recovery files.
//!
//! Serialising and writing a 100 × 20,000 matrix takes a few hundred
//! milliseconds; done on the event loop, it stalled the keystroke that
//! happened to land on a recovery tick. The loop hands recovery effects to
//! this thread instead and reads the results back as messages on a later
//! turn. Writes and removals go through one queue, in the order they were
//! asked for, so a removal after a save can never be overtaken by an older
//! copy still being written.

use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;

use super::effects::perform_recovery;
use super::msg::{Effect, Msg};

/// A thread that writes recovery files, one at a time, in order.
pub struct RecoveryWriter {
    jobs: Option<Sender<Effect>>,
    results: Receiver<Msg>,
    thread: Option<JoinHandle<()>>,
}

impl RecoveryWriter {
    /// Starts the writer thread.
    pub fn start() -> Self {
        let (jobs, queue) = channel::<Effect>();
        let (report, results) = channel();
        let thread = std::thread::Builder::new()
            .name("recovery writer".to_owned())
            .spawn(move || {
                for effect in queue {
                    if let Some(msg) = perform_recovery(effect)
                        && report.send(msg).is_err()
                    {
                        break;
                    }
                }
            })
            .ok();
        RecoveryWriter {
            jobs: thread.as_ref().map(|_| jobs),
            results,
            thread,
        }
    }

    /// Whether `effect` is the writer's to carry out.
    pub fn takes(effect: &Effect) -> bool {
        matches!(
            effect,
            Effect::WriteRecovery { .. } | Effect::RemoveRecovery(_)
        )
    }

    /// Queues a recovery effect; if the thread could not be started (or has
    /// gone), carries it out here instead and returns its message.
    pub fn send(&self, effect: Effect) -> Option<Msg> {
        match &self.jobs {
            Some(jobs) => match jobs.send(effect) {
                Ok(()) => None,
                Err(returned) => perform_recovery(returned.0),
            },
            None => perform_recovery(effect),
        }
    }

    /// The results that have arrived since last asked, without waiting.
    pub fn results(&self) -> Vec<Msg> {
        self.results.try_iter().collect()
    }

    /// Waits until every queued effect is carried out and returns the
    /// results not yet read: the workbench does this before it exits.
    pub fn finish(mut self) -> Vec<Msg> {
        drop(self.jobs.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        self.results.try_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Matrix;
    use crate::storage::{RecoveryCopy, matrix_to_toml, read_recovery, recovery_path};

    fn write(path: &std::path::Path, revision: u64, title: &str) -> Effect {
        Effect::WriteRecovery {
            path: path.to_owned(),
            revision,
            recovery: Box::new(RecoveryCopy {
                written: chrono::DateTime::from_timestamp(1_770_000_000, 0).unwrap(),
                edits: 1,
                base: None,
                matrix: matrix_to_toml(&Matrix::new(title)),
            }),
        }
    }

    #[test]
    fn writes_in_order_and_reports_each_result() {
        let dir = tempfile::tempdir().unwrap();
        let matrix = dir.path().join("m.toml");
        let writer = RecoveryWriter::start();
        assert!(writer.send(write(&matrix, 1, "first")).is_none());
        assert!(writer.send(write(&matrix, 2, "second")).is_none());
        let results = writer.finish();
        let revisions: Vec<u64> = results
            .iter()
            .map(|msg| match msg {
                Msg::RecoveryKept {
                    revision, result, ..
                } => {
                    assert_eq!(result, &Ok(()));
                    *revision
                }
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(revisions, [1, 2]);
        let kept = read_recovery(&matrix).unwrap().unwrap();
        assert_eq!(kept.matrix.title, "second");
    }

    #[test]
    fn a_removal_after_a_write_is_not_overtaken() {
        let dir = tempfile::tempdir().unwrap();
        let matrix = dir.path().join("m.toml");
        let writer = RecoveryWriter::start();
        writer.send(write(&matrix, 1, "copy"));
        writer.send(Effect::RemoveRecovery(matrix.clone()));
        writer.finish();
        assert!(!recovery_path(&matrix).exists());
    }
}
