//! The scale targets for a team on one question, each beside its
//! floor:
//!
//! - the team view's frame at 50 analysts on 50 x 500 (target ≤ 16 ms),
//!   drawn into a TestBackend through `tui::view::draw` as the event loop
//!   does, alone and after a cursor key (which refreshes "me against the
//!   team");
//! - `ach team` over the 50 files (target ≤ 2x parsing them): the library
//!   work (`team::load_team` + `team::compare`) and the whole command
//!   (`cli::run`, text and `--brief`, output to a sink), beside the floor of
//!   `storage::load_matrix` on each of the 50 files;
//! - `ach merge` of two 50 x 5,000 files (target ≤ 3x one parse):
//!   `merge::merge` on the three texts and the whole command on files,
//!   beside the floor of one `storage::matrix_from_str`.
//!
//! Run short on a shared machine:
//! `cargo bench --bench team -- --warm-up-time 1 --measurement-time 3`
//! (or `-- --quick`).

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use ach_workbench::cli::{Cli, Outcome, run};
use ach_workbench::merge::{Labels, merge};
use ach_workbench::model::{Evidence, Matrix, Rating};
use ach_workbench::storage::{load_matrix, matrix_from_str, matrix_to_toml};
use ach_workbench::team::{compare, load_team, team_files};
use ach_workbench::tui::action::Action;
use ach_workbench::tui::msg::Msg;
use ach_workbench::tui::state::{LibraryState, State, TeamView};
use ach_workbench::tui::update::{open_matrix_now, update};
use ach_workbench::tui::view::draw;
use ach_workbench::workspace::{Library, Workspace};
use chrono::{TimeZone, Utc};
use clap::Parser;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use generated_matrix::{Random, Shape};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[path = "support/generated_matrix.rs"]
mod generated_matrix;

const ANALYSTS: usize = 50;
const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;

fn matrix(evidence: usize) -> Matrix {
    generated_matrix::generated_matrix(&Shape {
        hypotheses: 50,
        evidence,
        title_bytes: 40,
        document: "seeds/report.txt",
        document_bytes: 50_000,
        analyst: "benches/team.rs",
    })
}

/// Rerates `cells` random cells of `rows`, as one analyst's judgement
/// differs from another's.
fn rerate(matrix: &mut Matrix, random: &mut Random, rows: std::ops::Range<usize>, cells: usize) {
    let columns = matrix.hypotheses().len();
    for _ in 0..cells {
        let row = rows.start + random.below(rows.len());
        let column = random.below(columns);
        matrix.set_rating(row, column, Some(random.pick(&Rating::ALL)));
    }
}

/// Fifty analysts' copies of one 50 x 500 matrix, each rerating a fifth
/// of the cells, written to `dir/hypotheses/team/`.
fn team_folder(dir: &Path) -> (PathBuf, Vec<PathBuf>) {
    let folder = dir.join("hypotheses/team");
    std::fs::create_dir_all(&folder).unwrap();
    let base = matrix(500);
    let mut random = Random(0x5EED_7EA4);
    for n in 1..=ANALYSTS {
        let mut copy = base.clone();
        copy.analyst = Some(format!("analyst{n:02}"));
        rerate(&mut copy, &mut random, 0..500, 5_000);
        std::fs::write(
            folder.join(format!("analyst{n:02}.toml")),
            matrix_to_toml(&copy),
        )
        .unwrap();
    }
    let files = team_files(std::slice::from_ref(&folder)).unwrap();
    assert_eq!(files.len(), ANALYSTS);
    (folder, files)
}

/// Runs `ach ARGS...` in-process, output to a sink.
fn ach(args: &[&str]) {
    let cli = Cli::try_parse_from(std::iter::once("ach").chain(args.iter().copied())).unwrap();
    let outcome = run(cli, &mut std::io::sink(), &mut std::io::sink()).unwrap();
    assert!(matches!(outcome, Outcome::Success));
}

fn team_view(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let (_, files) = team_folder(dir.path());
    let copies = load_team(&files).unwrap();
    let mut state = State::new(
        Workspace::new(dir.path()),
        LibraryState::from(Library::default()),
        WIDTH,
        HEIGHT,
    );
    // As `ach open FIRST --team FOLDER`: the first analyst's matrix open,
    // so "me against the team" follows its (live) ratings.
    open_matrix_now(&mut state, files[0].clone(), copies[0].matrix.clone());
    state.team = Some(TeamView::new(files.clone(), &copies));
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
    let clock = Utc.with_ymd_and_hms(2026, 12, 3, 23, 0, 0).unwrap();
    let mut group = c.benchmark_group("team view: 50 analysts on 50 x 500");
    group.bench_function("frame", |b| {
        b.iter(|| {
            let frame = terminal.draw(|frame| draw(frame, &state)).unwrap();
            black_box(frame.buffer.area);
        })
    });
    let mut down = true;
    group.bench_function("cursor key + frame", |b| {
        b.iter(|| {
            let action = if down { Action::Down } else { Action::Up };
            down = !down;
            let effects = update(&mut state, Msg::Action(action), clock);
            black_box(effects);
            let frame = terminal.draw(|frame| draw(frame, &state)).unwrap();
            black_box(frame.buffer.area);
        })
    });
    group.finish();
}

fn team_command(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let (folder, files) = team_folder(dir.path());
    let folder = folder.to_str().unwrap().to_owned();
    let mut group = c.benchmark_group("ach team: 50 analysts on 50 x 500");
    group.sample_size(10);
    group.bench_function("floor: load_matrix x 50", |b| {
        b.iter(|| {
            for file in &files {
                black_box(load_matrix(file).unwrap());
            }
        })
    });
    group.bench_function("load_team + compare", |b| {
        b.iter(|| black_box(compare(&load_team(&files).unwrap())))
    });
    group.bench_function("ach team FOLDER (cli::run)", |b| {
        b.iter(|| ach(&["team", &folder]))
    });
    group.bench_function("ach team FOLDER --brief (cli::run)", |b| {
        b.iter(|| ach(&["team", &folder, "--brief", "--date", "2026-12-03"]))
    });
    group.finish();
}

/// Base, ours and theirs of one 50 x 5,000 matrix: ours rerates cells in
/// the first half and edits a summary, theirs rerates the second half and
/// adds an item, so the merge is clean and touches both sides.
fn merge_texts() -> (String, String, String) {
    let base = matrix(5_000);
    let mut random = Random(0x3E26_E000);
    let mut ours = base.clone();
    rerate(&mut ours, &mut random, 0..2_500, 500);
    ours.evidence_mut()[10].summary.push_str(" (checked)");
    let mut theirs = base.clone();
    rerate(&mut theirs, &mut random, 2_500..5_000, 500);
    theirs.push_evidence(Evidence::new("E5001", "A late report"));
    (
        matrix_to_toml(&base),
        matrix_to_toml(&ours),
        matrix_to_toml(&theirs),
    )
}

fn merge_command(c: &mut Criterion) {
    let (base, ours, theirs) = merge_texts();
    let merged = merge(&base, &ours, &theirs, &Labels::default()).unwrap();
    assert!(
        merged.conflicts.is_empty(),
        "the bench merge must be clean: {:?}",
        merged.conflicts
    );
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).to_str().unwrap().to_owned();
    let (base_file, ours_file, theirs_file) =
        (path("base.toml"), path("ours.toml"), path("theirs.toml"));
    std::fs::write(&base_file, &base).unwrap();
    std::fs::write(&theirs_file, &theirs).unwrap();
    let mut group = c.benchmark_group("ach merge: two 50 x 5,000");
    group.sample_size(10);
    group.bench_function("floor: matrix_from_str (one parse)", |b| {
        b.iter(|| black_box(matrix_from_str(&base).unwrap()))
    });
    group.bench_function("merge::merge", |b| {
        b.iter(|| black_box(merge(&base, &ours, &theirs, &Labels::default()).unwrap()))
    });
    // The driver replaces OURS with the result: put ours back, untimed.
    group.bench_function("ach merge BASE OURS THEIRS (cli::run)", |b| {
        b.iter_batched(
            || std::fs::write(&ours_file, &ours).unwrap(),
            |()| ach(&["merge", &base_file, &ours_file, &theirs_file]),
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = team_view, team_command, merge_command
}
criterion_main!(benches);
