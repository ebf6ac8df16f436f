//! Results of file effects: a matrix was read (with its lock and any
//! recovered changes), a save finished or was refused.

use std::path::PathBuf;

use chrono::{DateTime, Utc};

use crate::model::Matrix;
use crate::storage::LoadError;
use crate::text::one_line;
use crate::tui::forms::{FormPurpose, NEW_MATRIX_FILE, propose_free_name, save_as_form};
use crate::tui::msg::{
    AfterSave, Effect, ExportFailure, KnownOnDisk, LoadedMatrix, SaveFailure, SavedFile,
};
use crate::tui::state::{Notice, OpenMatrix, Pane, Popup, Question, State};

/// A matrix file was read: open it, or ask first when another workbench
/// has it, or say why it would not load.
pub fn matrix_loaded(
    state: &mut State,
    path: PathBuf,
    result: Result<Box<LoadedMatrix>, LoadError>,
) -> Vec<Effect> {
    match result {
        Ok(loaded) => match &loaded.lock {
            // This workbench holds the lock: the matrix is the open one,
            // reached by another name (a link, a relative path).
            Err(holder) if held_here(holder) && state.matrix.is_some() => {
                state.focus = Pane::Matrix;
            }
            Err(holder) => {
                let text = format!(
                    "{} is already open in another workbench ({}).\nEditing it in both would lose one side's changes.",
                    state.workspace.display_path(&path),
                    one_line(holder)
                );
                state
                    .popups
                    .push(Popup::ask(Question::OpenReadOnly { path, loaded }, text));
            }
            Ok(_) => open_loaded(state, path, *loaded, false),
        },
        Err(error) => {
            let first = error.to_string();
            let first = first.lines().next().unwrap_or_default().to_owned();
            state.notify(Notice::error(format!("Could not open the matrix: {first}")));
        }
    }
    Vec::new()
}

/// Whether a lock holder's line names this process, as
/// `effects::holder` writes it ("pid N since ...").
fn held_here(holder: &str) -> bool {
    holder
        .strip_prefix("pid ")
        .and_then(|rest| rest.split(' ').next())
        .is_some_and(|pid| pid == std::process::id().to_string())
}

/// Makes a loaded matrix the open one and offers any recovered changes.
pub fn open_loaded(state: &mut State, path: PathBuf, loaded: LoadedMatrix, read_only: bool) {
    let LoadedMatrix {
        matrix,
        fingerprint,
        has_comments,
        stamp,
        lock,
        recovery,
        recovery_error,
    } = loaded;
    // The library's entry is summed up from what was just read, so no
    // listing parses the file a second time.
    state
        .library
        .matrix_written(&state.workspace, &path, &matrix);
    open_matrix_now(state, path.clone(), matrix);
    state.focus = Pane::Matrix;
    if let Some(open) = state.matrix.as_mut() {
        open.disk_fingerprint = Some(fingerprint);
        open.disk_known = stamp.map(|stamp| KnownOnDisk {
            stamp,
            has_comments,
        });
        open.lock = lock.ok();
        open.read_only = read_only;
        open.unsaved_comments = has_comments;
    }
    if read_only {
        state.notify(Notice::warning(
            "Opened read-only: another workbench has this matrix (save-as keeps your edits elsewhere)",
        ));
        return;
    }
    if let Some(why) = recovery_error {
        state.notify(Notice::warning(format!(
            "A recovery file was found but cannot be read: {why}"
        )));
    }
    if let Some(recovery) = recovery {
        let changed = if recovery.base == Some(fingerprint) {
            "The matrix file is unchanged since then."
        } else {
            "The matrix file has changed since then: restoring replaces it in the workbench."
        };
        let local = recovery.written.with_timezone(&chrono::Local);
        let text = format!(
            "Unsaved changes to {} were recovered: {} edit{}, last kept at {}.\n{changed}",
            state.workspace.display_path(&path),
            recovery.edits,
            if recovery.edits == 1 { "" } else { "s" },
            local.format("%Y-%m-%d %H:%M:%S"),
        );
        state
            .popups
            .push(Popup::ask(Question::Restore(Box::new(recovery)), text));
        // The conflicts are asked about once the recovery is decided.
        return;
    }
    super::conflicts::offer(state);
}

/// Makes `matrix` the open matrix, with the cursor on its first cell.
pub fn open_matrix_now(state: &mut State, path: PathBuf, matrix: Matrix) {
    let evidence = matrix.evidence().len();
    let hypotheses = matrix.hypotheses().len();
    let name = state.workspace.display_path(&path);
    state.matrix = Some(OpenMatrix::new(path, matrix, None));
    state.notify(Notice::info(format!(
        "Opened {name}: {hypotheses} hypotheses, {evidence} evidence items"
    )));
}

/// A save finished or was refused. Nothing is lost either way: on failure
/// the work stays in memory and the analyst is offered a way out.
pub fn saved(
    state: &mut State,
    path: PathBuf,
    result: Result<SavedFile, SaveFailure>,
    then: AfterSave,
    now: DateTime<Utc>,
) -> Vec<Effect> {
    let shown = state.workspace.display_path(&path);
    let Some(open) = state.matrix.as_mut() else {
        return Vec::new();
    };
    match result {
        Ok(saved) => {
            let mut effects = vec![Effect::RemoveRecovery(open.path.clone())];
            if let Some(lock) = saved.lock {
                // A save-as: the matrix now lives at the new path.
                open.read_only = lock.is_err();
                open.lock = lock.ok();
                open.path = path;
            }
            // The library shows each matrix's counts: the saved one's are
            // in memory, so neither it nor any other file is read again.
            state
                .library
                .matrix_written(&state.workspace, &open.path, &open.matrix);
            open.history.mark_saved();
            open.disk_fingerprint = Some(saved.fingerprint);
            // The writer lays the file out anew and writes no comments.
            open.disk_known = saved.stamp.map(|stamp| KnownOnDisk {
                stamp,
                has_comments: false,
            });
            open.last_saved = Some(now);
            open.recovery_revision = open.revision;
            state.notify(Notice::info(format!("Saved {shown}")));
            match then {
                AfterSave::Stay => {}
                AfterSave::Quit => state.quitting = true,
                AfterSave::Open(next) => effects.push(Effect::LoadMatrix(next)),
            }
            effects
        }
        Err(SaveFailure::ChangedOnDisk) => {
            let text = format!(
                "{shown} has changed on disk since you opened it (another editor, or git).\nSaving now would overwrite those changes."
            );
            state
                .popups
                .push(Popup::ask(Question::ChangedOnDisk { then }, text));
            Vec::new()
        }
        Err(SaveFailure::Exists) => {
            let mut form = save_as_form(&state.workspace, &path, then);
            form.error = Some(format!("{shown} already exists: choose another name"));
            state.popups.push(Popup::Form(form));
            Vec::new()
        }
        Err(SaveFailure::Io(why)) => {
            let text = format!(
                "Could not save: {why}\nThe file on disk is untouched and your changes are still here, unsaved."
            );
            state
                .popups
                .push(Popup::ask(Question::SaveFailed { then }, text));
            state.notify(Notice::error(format!("Could not save: {why}")));
            Vec::new()
        }
    }
}

/// A new matrix file was created: open it (asking first when the open one
/// has unsaved changes), or say why it could not be created, in the form
/// that is still on screen with everything typed in it.
pub fn matrix_created(
    state: &mut State,
    path: PathBuf,
    result: Result<(), ExportFailure>,
) -> Vec<Effect> {
    let shown = state.workspace.display_path(&path);
    let form = match state.popups.last_mut() {
        Some(Popup::Form(form)) if form.purpose == FormPurpose::NewMatrix => Some(form),
        _ => None,
    };
    match (result, form) {
        (Ok(()), Some(_)) => {
            state.popups.pop();
        }
        (Ok(()), None) => {}
        (Err(ExportFailure::Exists), Some(form)) => {
            // On disk but not (yet) in the library: this name and any
            // other the library does not list may be taken too.
            let library = &state.library.library;
            let taken = |file: &str| {
                file == shown
                    || library.matrices.iter().any(|m| m.path == file)
                    || library.skipped.iter().any(|s| s.path == file)
            };
            propose_free_name(form, &shown, taken);
            return vec![Effect::ScanLibrary];
        }
        (Err(why), form) => {
            let why = match why {
                ExportFailure::Exists => format!("{shown} already exists"),
                ExportFailure::Io(why) => why,
            };
            match form {
                Some(form) => {
                    form.refuse(NEW_MATRIX_FILE, format!("Could not create {shown}: {why}"))
                }
                None => state.notify(Notice::error(format!("Could not create the matrix: {why}"))),
            }
            return Vec::new();
        }
    }
    match &state.matrix {
        Some(open) if open.is_dirty() => {
            let text = format!(
                "Created {shown}. {} has unsaved changes: save them before opening the new matrix?",
                open.file_name()
            );
            state
                .popups
                .push(Popup::ask(Question::SwitchMatrixUnsaved(path), text));
            vec![Effect::ScanLibrary]
        }
        // Opening it lists it (`open_loaded`): no scan needed.
        _ => vec![Effect::LoadMatrix(path)],
    }
}
