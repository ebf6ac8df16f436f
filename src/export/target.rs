//! Every kind of file a matrix exports to: the text reports, the Excel
//! workbook and the PARC ACH 2.0 project. One list, so `ach export` and the
//! workbench's export menu offer the same choices and write the same bytes.

use std::path::{Path, PathBuf};

use super::{ExportContext, Format, export, export_xlsx};
use crate::model::Matrix;

/// What a matrix can be exported as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Report(Format),
    Xlsx,
    Achz,
}

/// An export's bytes, with what of the matrix the format could not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub lost: Vec<String>,
}

impl Target {
    /// Every target, in the order they are offered.
    pub const ALL: [Target; 7] = [
        Target::Report(Format::Markdown),
        Target::Report(Format::Html),
        Target::Report(Format::Csv),
        Target::Report(Format::Json),
        Target::Report(Format::Brief),
        Target::Xlsx,
        Target::Achz,
    ];

    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Target::Report(format) => format.name(),
            Target::Xlsx => "xlsx",
            Target::Achz => "achz",
        }
    }

    /// What the file is for, in a line.
    pub fn description(self) -> &'static str {
        match self {
            Target::Report(format) => format.description(),
            Target::Xlsx => "Excel workbook: coloured ratings, scores as numbers",
            Target::Achz => "PARC ACH 2.0 project, for the reference tool (see ach import)",
        }
    }

    /// The file name ending, without its dot.
    pub fn extension(self) -> &'static str {
        match self {
            Target::Report(format) => format.extension(),
            Target::Xlsx => "xlsx",
            Target::Achz => "achz",
        }
    }

    /// The file an export of the matrix at `matrix` goes to by default: next
    /// to it, with the matrix's extension replaced by [`Target::extension`]
    /// (`hypotheses/a.toml` → `hypotheses/a.html`).
    pub fn path_beside(self, matrix: &Path) -> PathBuf {
        let mut name = matrix.file_stem().unwrap_or_default().to_owned();
        name.push(".");
        name.push(self.extension());
        matrix.with_file_name(name)
    }

    /// The target whose extension ends `path` (in any case), if any.
    pub fn from_path(path: &Path) -> Option<Target> {
        let named = |ending: &str| {
            path.extension()
                .is_some_and(|ext| ext.eq_ignore_ascii_case(ending))
        };
        if named("achz") {
            return Some(Target::Achz);
        }
        if named("xlsx") {
            return Some(Target::Xlsx);
        }
        Format::from_path(path).map(Target::Report)
    }

    /// The export of `matrix`. Fails only where the workbook cannot hold a
    /// text (Excel's 32,767 characters a cell).
    pub fn render(self, matrix: &Matrix, context: &ExportContext<'_>) -> Result<Rendered, String> {
        let whole = |bytes| Rendered {
            bytes,
            lost: Vec::new(),
        };
        match self {
            Target::Report(format) => Ok(whole(export(matrix, format, context).into_bytes())),
            Target::Xlsx => export_xlsx(matrix, context)
                .map(whole)
                .map_err(|error| format!("cannot export as xlsx: {error}")),
            Target::Achz => {
                let written = crate::parc::write(matrix);
                Ok(Rendered {
                    bytes: written.bytes,
                    lost: written.lost,
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_target_has_its_own_name_and_file() {
        let matrix = Path::new("hypotheses/q.toml");
        let mut names: Vec<&str> = Target::ALL.iter().map(|t| t.name()).collect();
        names.dedup();
        assert_eq!(names.len(), Target::ALL.len());
        for target in Target::ALL {
            let path = target.path_beside(matrix);
            assert_eq!(Target::from_path(&path), Some(target), "{path:?}");
        }
        assert_eq!(Target::from_path(Path::new("x.pdf")), None);
        assert_eq!(Target::from_path(Path::new("X.XLSX")), Some(Target::Xlsx));
    }
}
