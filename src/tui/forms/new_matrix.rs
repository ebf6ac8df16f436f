//! The new-matrix form: a title, a question, and where to keep the file.

use std::path::PathBuf;

use super::{Field, Form, FormPurpose};
use crate::model::Matrix;
use crate::workspace::Workspace;

const TITLE: usize = 0;
const QUESTION: usize = 1;
const FILE: usize = 2;

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
                "File",
                "",
                "optional: hypotheses/NAME.toml; made from the title when empty",
            ),
        ],
    )
}

/// The matrix the form describes and the file to create for it.
pub fn new_matrix_from(form: &Form, workspace: &Workspace) -> Result<(PathBuf, Matrix), String> {
    let title = form.text(TITLE);
    if title.is_empty() {
        return Err("the matrix needs a title".to_owned());
    }
    let file = match form.text(FILE) {
        "" => format!("hypotheses/{}.toml", slug(title)),
        given if given.ends_with(".toml") => given.to_owned(),
        given => format!("{given}.toml"),
    };
    let mut matrix = Matrix::new(title);
    matrix.question = form.optional_text(QUESTION);
    matrix.analyst = crate::tui::settings::analyst().map(str::to_owned);
    Ok((workspace.root().join(file), matrix))
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
}
