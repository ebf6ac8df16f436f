//! A merged matrix's conflicts, resolved in the workbench: one question
//! per conflict (o keeps ours, t takes theirs, v types a new value in a
//! one-field form). Each answer is settled on the matrix's text by
//! `merge::resolve`, as `ach resolve` does; the matrix read back from the
//! text replaces the open one as one edit, unsaved until Ctrl-s.

use crate::edit::Edit;
use crate::merge::{Resolution, resolve};
use crate::storage::{matrix_from_str, matrix_to_toml};
use crate::tui::forms::{conflict_value, conflict_value_form};
use crate::tui::questions::Answer;
use crate::tui::state::{Notice, Popup, Question, Resolving, State};

/// Asks about the open matrix's conflicts, when it has some and may be
/// edited (on opening it, and after its recovery question).
pub fn offer(state: &mut State) {
    let Some(open) = &state.matrix else {
        return;
    };
    if open.read_only || open.matrix.conflicts.is_empty() {
        return;
    }
    if let Some(resolving) = Resolving::start(matrix_to_toml(&open.matrix)) {
        ask(state, resolving);
    }
}

/// `R` in the matrix: ask again about the conflicts left.
pub fn start(state: &mut State) {
    if state
        .matrix
        .as_ref()
        .is_some_and(|open| open.matrix.conflicts.is_empty())
    {
        state.notify(Notice::info("This matrix has no merge conflicts"));
        return;
    }
    offer(state);
}

fn ask(state: &mut State, resolving: Resolving) {
    let file = state
        .matrix
        .as_ref()
        .map(|open| state.workspace.display_path(&open.path))
        .unwrap_or_default();
    let text = resolving.question_text(&file);
    state.popups.push(Popup::ask(
        Question::ResolveConflict(Box::new(resolving)),
        text,
    ));
}

/// The analyst answered the question about the next conflict.
pub fn answer(state: &mut State, answer: Answer, resolving: Resolving) {
    let resolution = match answer {
        Answer::Ours => Resolution::Ours,
        Answer::Theirs => Resolution::Theirs,
        _ => {
            state
                .popups
                .push(Popup::Form(conflict_value_form(resolving)));
            return;
        }
    };
    match settle(&resolving, &resolution) {
        Ok(text) => carry_on(state, text, resolving.resolved + 1),
        Err(why) => {
            state.notify(Notice::error(format!("Could not resolve it: {why}")));
            ask(state, resolving);
        }
    }
}

/// The new-value form was submitted: settle the conflict with what was
/// typed, or say at the field why it cannot be.
pub fn submit_value(state: &mut State) {
    let Some(Popup::Form(form)) = state.popups.last_mut() else {
        return;
    };
    let crate::tui::forms::FormPurpose::ConflictValue(resolving) = &form.purpose else {
        return;
    };
    let resolving = (**resolving).clone();
    let typed = conflict_value(form);
    let settled = if typed.is_empty() {
        Err("type the value the field should have".to_owned())
    } else {
        settle(&resolving, &Resolution::typed(&typed))
    };
    match settled {
        Err(why) => form.refuse(0, why),
        Ok(text) => {
            state.popups.pop();
            carry_on(state, text, resolving.resolved + 1);
        }
    }
}

/// `Esc` on the new-value form: back to the question it came from.
pub fn back_to_question(state: &mut State, resolving: Resolving) {
    ask(state, resolving);
}

/// `Esc` on the question: the answers so far become one edit, the rest
/// stay in the file for later.
pub fn back_out(state: &mut State, resolving: Resolving) {
    if resolving.resolved == 0 {
        state.notify(Notice::warning(
            "The merge conflicts stay in the matrix: R resolves them, ach check reports them",
        ));
        return;
    }
    if replace(state, &resolving.text) {
        state.notify(Notice::info(format!(
            "Resolved {} of {} merge conflicts (u undoes them); {} left: R asks again",
            resolving.resolved,
            resolving.resolved + resolving.left,
            resolving.left
        )));
    }
}

/// The text with the next conflict settled, checked to load as a matrix.
fn settle(resolving: &Resolving, resolution: &Resolution) -> Result<String, String> {
    let text = resolve(&resolving.text, 0, resolution).map_err(|error| error.to_string())?;
    if let Err(diagnostics) = matrix_from_str(&text) {
        let why = diagnostics
            .into_iter()
            .map(|diagnostic| diagnostic.message)
            .collect::<Vec<_>>()
            .join("; ");
        return Err(format!("the matrix would not load: {why}"));
    }
    Ok(text)
}

/// After an answer: the next question, or the resolved matrix.
fn carry_on(state: &mut State, text: String, resolved: usize) {
    if let Some(next) = Resolving::after(text.clone(), resolved) {
        ask(state, next);
        return;
    }
    if replace(state, &text) {
        let file = state
            .matrix
            .as_ref()
            .map(|open| state.workspace.display_path(&open.path))
            .unwrap_or_default();
        state.notify(Notice::info(format!(
            "Resolved {resolved} merge conflict{}: unsaved until Ctrl-s (u undoes it); \
             then run `git add {file}` to tell git it is resolved",
            if resolved == 1 { "" } else { "s" },
        )));
    }
}

/// Replaces the open matrix with the one `text` holds, as one edit.
fn replace(state: &mut State, text: &str) -> bool {
    let Some(open) = state.matrix.as_mut() else {
        return false;
    };
    match matrix_from_str(text) {
        Ok(after) => {
            let before = Box::new(open.matrix.clone());
            open.apply(Edit::ReplaceMatrix {
                before,
                after: Box::new(after),
            });
            true
        }
        Err(diagnostics) => {
            let why = diagnostics
                .first()
                .map_or_else(String::new, |d| d.message.clone());
            state.notify(Notice::error(format!(
                "Could not resolve the conflicts: {why}"
            )));
            false
        }
    }
}
