//! Keeping unsaved changes in a recovery file beside the matrix, so a
//! crash or a killed terminal loses at most the last moments of work.

use chrono::{DateTime, TimeDelta, Utc};

use crate::storage::Recovery;
use crate::tui::msg::Effect;
use crate::tui::state::{Notice, State};

/// The recovery file is rewritten at most this often while the analyst
/// keeps editing; with the loop's quarter-second tick, a change reaches it
/// within about a second and a quarter (the promise is two seconds).
const INTERVAL: TimeDelta = TimeDelta::seconds(1);

/// `Tick`: writes the recovery file when there are changes it lacks.
pub fn tick(state: &mut State, now: DateTime<Utc>) -> Vec<Effect> {
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
    if open
        .recovery_written_at
        .is_some_and(|at| now.signed_duration_since(at) < INTERVAL)
    {
        return Vec::new();
    }
    open.recovery_revision = open.revision;
    open.recovery_written_at = Some(now);
    vec![Effect::WriteRecovery {
        path: open.path.clone(),
        recovery: Box::new(Recovery {
            written: now,
            edits: open.history.edits_since_save(),
            base: open.disk_fingerprint,
            matrix: open.matrix.clone(),
        }),
    }]
}

/// The recovery file was written or removed; say so only when it failed.
pub fn written(state: &mut State, result: Result<(), String>) -> Vec<Effect> {
    if let Err(why) = result {
        state.notify(Notice::warning(format!(
            "Could not keep a recovery copy of your changes: {why}"
        )));
    }
    Vec::new()
}
