//! The new-matrix form: a title, a question, the analyst, and where to
//! keep the file.

use std::path::PathBuf;

use super::{Field, Form, FormPurpose};
use crate::model::Matrix;
use crate::workspace::Workspace;

const TITLE: usize = 0;
const QUESTION: usize = 1;
const ANALYST: usize = 2;
/// The File field's position, where a taken name is reported.
pub const FILE: usize = 3;

/// A form for a new, empty matrix in `hypotheses/`.
pub fn new_matrix_form() -> Form {
    Form::new(
        "New matrix",
        FormPurpose::NewMatrix,
        vec![
            Field::text_input("Title", "", "the analysis in a few words"),
            Field::text_input(
                "Question",
                "",
                "optional: the question the hypotheses answer",
            ),
            Field::text_input(
                "Analyst",
                crate::tui::settings::analyst().unwrap_or(""),
                "optional: who does the analysis (analyst = in the settings file fills it)",
            ),
            Field::text_input(
                "File",
                "",
                "hypotheses/NAME.toml; made from the title while left empty",
            ),
        ],
    )
}

/// The workspace-relative file the form will write: the File field as
/// given (`.toml` added), or one made from the title while it is empty.
pub fn planned_file(form: &Form) -> String {
    match form.text(FILE).as_str() {
        "" => format!("hypotheses/{}.toml", slug(&form.text(TITLE))),
        given if given.ends_with(".toml") => given.to_owned(),
        given => format!("{given}.toml"),
    }
}

/// The matrix the form describes and the file to create for it, or `None`
/// when the form is refused (it then says why, at the field). `taken` says
/// whether a workspace-relative file already exists; a taken name is
/// refused at the File field, which then holds a free one to accept.
pub fn new_matrix_from(
    form: &mut Form,
    workspace: &Workspace,
    taken: impl Fn(&str) -> bool,
) -> Option<(PathBuf, Matrix)> {
    let title = form.text(TITLE);
    if title.is_empty() {
        form.refuse(TITLE, "the matrix needs a title");
        return None;
    }
    let file = planned_file(form);
    if taken(&file) {
        propose_free_name(form, &file, taken);
        return None;
    }
    let mut matrix = Matrix::new(title);
    matrix.question = form.optional_text(QUESTION);
    matrix.analyst = form.optional_text(ANALYST);
    Some((workspace.root().join(file), matrix))
}

/// Refuses `file` at the File field and puts a free name in it
/// (`NAME-2.toml`, `NAME-3.toml`, ...), so Enter accepts the proposal.
pub fn propose_free_name(form: &mut Form, file: &str, taken: impl Fn(&str) -> bool) {
    let stem = file.strip_suffix(".toml").unwrap_or(file);
    let free = (2..)
        .map(|n| format!("{stem}-{n}.toml"))
        .find(|candidate| !taken(candidate))
        .expect("some numbered name is free");
    form.fields[FILE] = Field::text_input("File", &free, form.fields[FILE].hint);
    form.refuse(
        FILE,
        format!("{file} already exists: Enter creates {free} instead, or type another name"),
    );
}

/// A file name from a title: lower-case ASCII letters and digits joined by
/// single dashes ("US–Azerbaijan: why?" → "us-azerbaijan-why").
fn slug(title: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    if words.is_empty() {
        "matrix".to_owned()
    } else {
        words.join("-").chars().take(60).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keep_letters_and_digits() {
        assert_eq!(
            slug("US–Azerbaijan: why, in 2026?"),
            "us-azerbaijan-why-in-2026"
        );
        assert_eq!(slug("漢字"), "matrix");
    }

    #[test]
    fn a_taken_name_is_refused_at_the_file_field_with_a_free_one_proposed() {
        let mut form = new_matrix_form();
        form.fields[TITLE] = Field::text_input("Title", "Memo", "");
        let taken = |file: &str| ["hypotheses/memo.toml", "hypotheses/memo-2.toml"].contains(&file);
        let workspace = Workspace::new("/w");
        assert!(new_matrix_from(&mut form, &workspace, taken).is_none());
        assert_eq!(form.error_field, Some(FILE));
        assert_eq!(form.text(FILE), "hypotheses/memo-3.toml");
        assert_eq!(form.text(TITLE), "Memo", "what was typed is kept");
        let (path, matrix) = new_matrix_from(&mut form, &workspace, taken).unwrap();
        assert_eq!(path, PathBuf::from("/w/hypotheses/memo-3.toml"));
        assert_eq!(matrix.title, "Memo");
    }
}
