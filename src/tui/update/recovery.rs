//! Keeping unsaved changes in a recovery file beside the matrix, so a
//! crash or a killed terminal loses at most the last moments of work.
//!
//! A change counts as kept only once its copy has been written: the
//! revision the recovery file holds moves forward when the writer reports
//! success, so a failed write (a full disk, a directory in the way) is
//! simply tried again on a later tick.

use std::path::Path;

use chrono::{DateTime, TimeDelta, Utc};

use crate::storage::RecoveryCopy;
use crate::tui::msg::Effect;
use crate::tui::state::{Notice, State};

/// The recovery file is rewritten at most this often while the analyst
/// keeps editing; with the loop's quarter-second tick, a change reaches it
/// within about a second and a quarter (the promise is two seconds).
const INTERVAL: TimeDelta = TimeDelta::seconds(1);

/// `Tick`: writes the recovery file when there are changes it lacks.
pub fn tick(state: &mut State, now: DateTime<Utc>) -> Vec<Effect> {
    let Some(open) = state.matrix.as_ref() else {
        return Vec::new();
    };
    if open.recovery_in_flight.is_some()
        || open
            .recovery_written_at
            .is_some_and(|at| now.signed_duration_since(at) < INTERVAL)
    {
        return Vec::new();
    }
    flush(state, now)
}

/// Writes (or removes) the recovery file now if it lacks changes, without
/// waiting for the interval: what the workbench does when it is told to
/// end (SIGTERM, SIGHUP), so every edit made before is kept.
pub fn flush(state: &mut State, now: DateTime<Utc>) -> Vec<Effect> {
    let Some(open) = state.matrix.as_mut() else {
        return Vec::new();
    };
    if open.read_only || open.revision == open.recovery_revision {
        return Vec::new();
    }
    if !open.is_dirty() {
        // Undone back to what is saved: nothing to recover.
        open.recovery_revision = open.revision;
        return vec![Effect::RemoveRecovery(open.path.clone())];
    }
    open.recovery_in_flight = Some(open.revision);
    open.recovery_written_at = Some(now);
    vec![Effect::WriteRecovery {
        path: open.path.clone(),
        revision: open.revision,
        // The text from the open matrix's writer, which formats only the
        // items edited since it last wrote: cheaper on the loop than a copy
        // of the matrix for the background writer to format.
        recovery: Box::new(RecoveryCopy {
            written: now,
            edits: open.history.edits_since_save(),
            base: open.disk_fingerprint,
            matrix: open.writer.write(&open.matrix),
        }),
    }]
}

/// A recovery copy of the changes up to `revision` was written, or not.
pub fn kept(
    state: &mut State,
    path: &Path,
    revision: u64,
    result: Result<(), String>,
) -> Vec<Effect> {
    let Some(open) = state.matrix.as_mut() else {
        return Vec::new();
    };
    open.recovery_in_flight = None;
    if open.path != path {
        // Saved under another name (or closed) meanwhile: the copy is moot.
        return Vec::new();
    }
    match result {
        Ok(()) => {
            // A save may have moved past this copy while it was written.
            open.recovery_revision = open.recovery_revision.max(revision);
            if std::mem::take(&mut open.recovery_failing) {
                state.notify(Notice::info(
                    "Your changes are kept in a recovery copy again",
                ));
            }
        }
        Err(why) => {
            if !std::mem::replace(&mut open.recovery_failing, true) {
                state.notify(Notice::warning(format!(
                    "Could not keep a recovery copy of your changes (trying again): {why}"
                )));
            }
        }
    }
    Vec::new()
}

/// The recovery file was removed; say so only when it failed.
pub fn written(state: &mut State, result: Result<(), String>) -> Vec<Effect> {
    if let Err(why) = result {
        state.notify(Notice::warning(format!(
            "Could not keep a recovery copy of your changes: {why}"
        )));
    }
    Vec::new()
}
