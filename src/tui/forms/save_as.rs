//! The save-as form: where to write the matrix when its own file cannot
//! (or should not) be written.

use std::path::{Path, PathBuf};

use super::{Field, Form, FormPurpose};
use crate::tui::msg::AfterSave;
use crate::workspace::Workspace;

/// A form asking for a new file name, prefilled with `current` plus
/// `-copy`.
pub fn save_as_form(workspace: &Workspace, current: &Path, then: AfterSave) -> Form {
    let shown = workspace.display_path(current);
    let suggestion = match shown.strip_suffix(".toml") {
        Some(stem) => format!("{stem}-copy.toml"),
        None => format!("{shown}-copy.toml"),
    };
    Form::new(
        "Save as",
        FormPurpose::SaveAs(then),
        vec![Field::text_input(
            "File",
            &suggestion,
            "a new file, relative to the workspace; .toml is added if missing",
        )],
    )
}

/// The path the form names, resolved against the workspace root.
pub fn save_as_path(form: &Form, workspace: &Workspace) -> Result<PathBuf, String> {
    let text = form.text(0);
    if text.is_empty() {
        return Err("give the file a name".to_owned());
    }
    let mut path = workspace.root().join(text);
    if path.extension().is_none_or(|extension| extension != "toml") {
        path.as_mut_os_string().push(".toml");
    }
    Ok(path)
}
