//! `ach export --format xlsx`, read back the way spreadsheets read it:
//! calamine for the cell values and types, the workbook's own XML (via
//! zip) for the frozen panes and the rating styles.

use std::io::{Cursor, Read};

use ach_workbench::export::CSV_EVIDENCE_COLUMNS;
use assert_cmd::Command;
use calamine::{Data, Reader, Xlsx};

/// The sheet's column of the first hypothesis: after the CSV's item columns.
const FIRST_RATING: u32 = CSV_EVIDENCE_COLUMNS.len() as u32;

fn xlsx_of(toml: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let matrix = dir.path().join("m.toml");
    std::fs::write(&matrix, toml).unwrap();
    let out = dir.path().join("m.xlsx");
    Command::new(env!("CARGO_BIN_EXE_ach"))
        .arg("export")
        .arg(&matrix)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(0);
    std::fs::read(out).unwrap()
}

const HOSTILE: &str = r#"schema = 1
title = "Formulas stay text"

[[hypotheses]]
id = "H1"
title = "=1+1"

[[hypotheses]]
id = "H2"
title = "Second"

[[evidence]]
id = "E1"
summary = "=HYPERLINK(\"http://evil\",\"click\")"
credibility = "high"
notes = "@SUM(A1:A2)"
ratings = { H1 = "CC", H2 = "I" }

[[evidence]]
id = "E2"
summary = "+cmd|' /C calc'!A0"
ratings = { H1 = "II" }
"#;

#[test]
fn text_is_never_a_formula_and_scores_are_numbers() {
    let bytes = xlsx_of(HOSTILE);
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let sheet = workbook.worksheet_range("Matrix").unwrap();
    assert_eq!(sheet.get_value((0, 0)), Some(&Data::String("id".into())));
    assert_eq!(
        sheet.get_value((0, FIRST_RATING)),
        Some(&Data::String("H1: =1+1".into()))
    );
    assert_eq!(
        sheet.get_value((1, 1)),
        Some(&Data::String(
            "=HYPERLINK(\"http://evil\",\"click\")".into()
        ))
    );
    assert_eq!(
        sheet.get_value((1, 9)),
        Some(&Data::String("@SUM(A1:A2)".into()))
    );
    assert_eq!(
        sheet.get_value((2, 1)),
        Some(&Data::String("+cmd|' /C calc'!A0".into()))
    );
    assert_eq!(
        sheet.get_value((1, FIRST_RATING)),
        Some(&Data::String("CC".into()))
    );
    // Diagnosticity and every score are numbers.
    assert!(matches!(sheet.get_value((1, 10)), Some(Data::Float(_))));
    let rank_row = 4;
    assert_eq!(
        sheet.get_value((rank_row, 0)),
        Some(&Data::String("rank".into()))
    );
    assert!(matches!(
        sheet.get_value((rank_row, FIRST_RATING)),
        Some(Data::Float(_))
    ));
    let formulas = workbook.worksheet_formula("Matrix").unwrap();
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "no cell holds a formula"
    );
}

fn part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn the_header_and_evidence_columns_are_frozen_and_ratings_coloured() {
    let bytes = xlsx_of(HOSTILE);
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(
        sheet.contains(r#"xSplit="2""#) && sheet.contains(r#"ySplit="1""#),
        "{sheet}"
    );
    assert!(sheet.contains(r#"state="frozen""#), "{sheet}");
    let styles = part(&bytes, "xl/styles.xml");
    // CC's and II's fills, the HTML export's colours.
    assert!(
        styles.contains("FF1A7F37") && styles.contains("FFA40E26"),
        "{styles}"
    );
    // The strong ratings are bold too: a cue besides hue.
    // (Fonts are shared: CC and II are both bold white.)
    let bold_white = styles
        .split("<font>")
        .any(|font| font.contains("<b/>") && font.contains(r#"rgb="FFFFFFFF""#));
    assert!(bold_white, "{styles}");
    // The inconsistent ones are underlined: C and I differ in grey print.
    assert!(styles.contains("<u/>"), "{styles}");
}

const SET_ASIDE: &str = r#"schema = 1
title = "Set aside, not deleted"

[[hypotheses]]
id = "H1"
title = "Kept"

[[hypotheses]]
id = "H2"
title = "Doubted"
set_aside = true
set_aside_reason = "merged into H1"

[[evidence]]
id = "E1"
summary = "A ledger"
ratings = { H1 = "C", H2 = "I" }

[[evidence]]
id = "E2"
summary = "A letter"
set_aside = true
set_aside_reason = "forged"
ratings = { H1 = "II" }
"#;

/// The column of the sheet headed `name`.
fn column_headed(sheet: &calamine::Range<Data>, name: &str) -> u32 {
    (0..sheet.width() as u32)
        .find(|&column| sheet.get_value((0, column)) == Some(&Data::String(name.into())))
        .unwrap_or_else(|| panic!("no column {name}"))
}

/// The row of the sheet whose first cell is `label`.
fn row_labelled(sheet: &calamine::Range<Data>, label: &str) -> u32 {
    (0..sheet.height() as u32)
        .find(|&row| sheet.get_value((row, 0)) == Some(&Data::String(label.into())))
        .unwrap_or_else(|| panic!("no row {label}"))
}

#[test]
fn items_and_hypotheses_set_aside_are_marked_with_their_reasons() {
    let bytes = xlsx_of(SET_ASIDE);
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let sheet = workbook.worksheet_range("Matrix").unwrap();
    let text = |at: (u32, u32)| match sheet.get_value(at) {
        Some(Data::String(text)) => text.clone(),
        Some(Data::Empty) | None => String::new(),
        other => panic!("{at:?} holds {other:?}"),
    };
    let (mark, reason) = (
        column_headed(&sheet, "set_aside"),
        column_headed(&sheet, "set_aside_reason"),
    );
    assert_eq!((text((1, mark)), text((1, reason))), ("".into(), "".into()));
    assert_eq!(
        (text((2, mark)), text((2, reason))),
        ("yes".into(), "forged".into())
    );
    let (row, why) = (
        row_labelled(&sheet, "set aside"),
        row_labelled(&sheet, "set aside reason"),
    );
    let h2 = FIRST_RATING + 1;
    assert_eq!(text((row, FIRST_RATING)), "");
    assert_eq!(
        (text((row, h2)), text((why, h2))),
        ("yes".into(), "merged into H1".into())
    );
}
