//! Plain-text tables for the terminal, aligned by display width.

use crate::text::{display_width, fit_to_width, one_line};

/// How a column's cells line up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A column: its header, alignment and the widest it may grow.
pub struct Column {
    pub header: &'static str,
    pub align: Align,
    pub max_width: usize,
}

/// Renders rows under headers, two spaces between columns, each cell made
/// one line and inert, then cut to its column's maximum width.
pub fn render(columns: &[Column], rows: &[Vec<String>]) -> String {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| row.iter().map(|cell| one_line(cell).into_owned()).collect())
        .collect();
    let widths: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(n, column)| {
            cells
                .iter()
                .map(|row| display_width(&row[n]))
                .chain([display_width(column.header)])
                .max()
                .unwrap_or(0)
                .min(column.max_width)
        })
        .collect();
    let mut out = String::new();
    let headers: Vec<String> = columns.iter().map(|c| c.header.to_owned()).collect();
    for row in std::iter::once(&headers).chain(&cells) {
        let line: Vec<String> = row
            .iter()
            .zip(columns.iter().zip(&widths))
            .map(|(cell, (column, &width))| {
                let fitted = fit_to_width(cell, width);
                match column.align {
                    Align::Left => fitted,
                    Align::Right => {
                        let text = fitted.trim_end();
                        format!("{}{text}", " ".repeat(width - display_width(text)))
                    }
                }
            })
            .collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_by_display_width() {
        let columns = [
            Column {
                header: "Id",
                align: Align::Left,
                max_width: 10,
            },
            Column {
                header: "N",
                align: Align::Right,
                max_width: 10,
            },
        ];
        let rows = vec![
            vec!["漢字".to_owned(), "1".to_owned()],
            vec!["a".to_owned(), "10".to_owned()],
        ];
        assert_eq!(render(&columns, &rows), "Id     N\n漢字   1\na     10\n");
    }

    #[test]
    fn long_cells_are_cut_and_controls_made_inert() {
        let columns = [Column {
            header: "T",
            align: Align::Left,
            max_width: 5,
        }];
        let rows = vec![vec!["abc\u{1b}[2Jdefgh".to_owned()]];
        assert_eq!(render(&columns, &rows), "T\nabc␛…\n");
    }
}
