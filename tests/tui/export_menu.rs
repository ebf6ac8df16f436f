//! The export menu offers every format `ach export` writes, the Excel
//! workbook and the PARC ACH project included, each read back here by
//! what reads it in the world: calamine for the workbook, the project
//! reader `ach import` uses for the `.achz`.

use std::io::Cursor;

use ach_workbench::export::Target;
use ach_workbench::storage::load_matrix;
use calamine::{Data, Reader, Xlsx};

use super::support::Bench;

const ATTACK: &str = "hypotheses/azerbaijan-armenia-attack.toml";

/// `X`, then down to `target` in the menu's order, then Enter.
fn export(bench: &mut Bench, target: Target) {
    let steps = Target::ALL.iter().position(|&t| t == target).unwrap();
    bench.keys(&format!("X{}<Enter>", "j".repeat(steps)));
}

#[test]
fn the_workbook_is_written_beside_the_matrix_and_opens_in_a_spreadsheet_reader() {
    let mut bench = Bench::new(100, 30);
    bench.open_matrix(ATTACK);
    export(&mut bench, Target::Xlsx);
    let path = bench.path("hypotheses/azerbaijan-armenia-attack.xlsx");
    let bytes = std::fs::read(&path).expect("the workbook is written");
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let sheet = workbook.worksheet_range("Matrix").unwrap();
    let matrix = load_matrix(&bench.path(ATTACK)).unwrap();
    // A header row, then one row per evidence item, by id.
    for (row, evidence) in matrix.evidence().iter().enumerate() {
        assert_eq!(
            sheet.get_value((1 + row as u32, 0)),
            Some(&Data::String(evidence.id.clone()))
        );
    }
    let notice = &bench.state.notice.as_ref().unwrap().text;
    assert!(
        notice.starts_with("Exported xlsx to hypotheses/azerbaijan-armenia-attack.xlsx"),
        "{notice}"
    );
}

#[test]
fn the_parc_project_is_written_and_what_it_cannot_hold_is_logged() {
    let mut bench = Bench::new(100, 30);
    bench.open_matrix(ATTACK);
    export(&mut bench, Target::Achz);
    let path = bench.path("hypotheses/azerbaijan-armenia-attack.achz");
    let bytes = std::fs::read(&path).expect("the project is written");
    let imported = ach_workbench::parc::read(&bytes).unwrap();
    let matrix = load_matrix(&bench.path(ATTACK)).unwrap();
    assert_eq!(imported.matrix.title, matrix.title);
    assert_eq!(
        imported.matrix.hypotheses().len(),
        matrix.hypotheses().len()
    );
    assert_eq!(imported.matrix.evidence().len(), matrix.evidence().len());
    let written = ach_workbench::parc::write(&matrix);
    assert!(
        !written.lost.is_empty(),
        "the sample has what PARC cannot hold"
    );
    let logged: Vec<&str> = bench
        .state
        .log
        .iter()
        .map(|logged| logged.notice.text.as_str())
        .filter(|text| text.starts_with("Not in the achz export: "))
        .collect();
    assert_eq!(logged.len(), written.lost.len(), "{:?}", bench.state.log);
    // A second export asks before replacing the file.
    export(&mut bench, Target::Achz);
    assert!(bench.screen().contains("already exists"));
}
