//! Keys that land on a recovery tick, and cursor moves on big matrices.
//!
//! The `tui` bench's "rate a cell" never sends the tick, so it missed the
//! stall of writing the recovery file on the event loop. Here every
//! iteration rates a cell, then sends a `Tick` two seconds later than the
//! last (so each one is due to write), then draws a frame, carrying out the
//! recovery effect as the event loop does: handed to the background
//! writer. Beside it, the floor (the recovery write alone, which the loop
//! no longer waits for) and the old way (the write done on the loop).
//!
//! Run short on a shared machine:
//! `cargo bench --bench recovery -- --warm-up-time 1 --measurement-time 3`
//! (`ACH_BENCH_BIG=1` adds 100 x 20,000).

use std::hint::black_box;

use ach_workbench::model::Rating;
use ach_workbench::storage::{Recovery, write_recovery};
use ach_workbench::tui::action::Action;
use ach_workbench::tui::effects::perform;
use ach_workbench::tui::msg::Msg;
use ach_workbench::tui::recovery_writer::RecoveryWriter;
use ach_workbench::tui::state::{LibraryState, Pane, State};
use ach_workbench::tui::update::{open_matrix_now, update};
use ach_workbench::tui::view::draw;
use ach_workbench::workspace::{Library, Workspace};
use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use generated_matrix::Shape;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[path = "support/generated_matrix.rs"]
mod generated_matrix;

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;

/// How the recovery effect is carried out.
#[derive(Clone, Copy)]
enum Writer {
    Background,
    OnTheLoop,
}

struct Bench {
    state: State,
    terminal: Terminal<TestBackend>,
    clock: DateTime<Utc>,
    writer: RecoveryWriter,
    _dir: tempfile::TempDir,
}

impl Bench {
    fn new(hypotheses: usize, evidence: usize) -> Self {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("hypotheses")).unwrap();
        let matrix = generated_matrix::generated_matrix(&Shape {
            hypotheses,
            evidence,
            title_bytes: 30,
            document: "seeds/big.txt",
            document_bytes: 1_000_000,
            analyst: "benches/recovery.rs",
        });
        let workspace = Workspace::new(dir.path());
        let mut state = State::new(
            workspace,
            LibraryState::from(Library::default()),
            WIDTH,
            HEIGHT,
        );
        open_matrix_now(
            &mut state,
            dir.path().join("hypotheses/generated.toml"),
            matrix,
        );
        state.focus = Pane::Matrix;
        let mut bench = Bench {
            state,
            terminal: Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap(),
            clock: Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).unwrap(),
            writer: RecoveryWriter::start(),
            _dir: dir,
        };
        for action in [Action::Down, Action::Down, Action::Right] {
            bench.send(Msg::Action(action), Writer::OnTheLoop);
        }
        bench
    }

    /// Applies a message and its effects, as `tui::app` does.
    fn send(&mut self, msg: Msg, writer: Writer) {
        let mut queue = std::collections::VecDeque::from([msg]);
        while let Some(msg) = queue.pop_front() {
            for effect in update(&mut self.state, msg, self.clock) {
                let done = match writer {
                    Writer::Background if RecoveryWriter::takes(&effect) => {
                        self.writer.send(effect)
                    }
                    _ => Some(perform(effect, &self.state.workspace)),
                };
                queue.extend(done);
            }
        }
    }

    fn draw(&mut self) {
        let state = &self.state;
        let frame = self.terminal.draw(|frame| draw(frame, state)).unwrap();
        black_box(frame.buffer);
    }

    /// One key on a recovery tick: rate, tick two seconds on, frame.
    fn rate_on_a_tick(&mut self, rating: Rating, writer: Writer) {
        for msg in self.writer.results() {
            self.send(msg, writer);
        }
        self.send(Msg::Action(Action::Rate(Some(rating))), writer);
        self.clock += TimeDelta::seconds(2);
        self.send(Msg::Tick, writer);
        self.draw();
    }
}

fn shapes() -> Vec<(usize, usize)> {
    let mut shapes = vec![(50, 5_000)];
    if std::env::var_os("ACH_BENCH_BIG").is_some() {
        shapes.push((100, 20_000));
    }
    shapes
}

fn rate_on_a_tick(c: &mut Criterion) {
    for (hypotheses, evidence) in shapes() {
        let mut group = c.benchmark_group(format!(
            "rate a cell on a recovery tick {hypotheses}x{evidence}"
        ));
        group.sample_size(20);
        let mut bench = Bench::new(hypotheses, evidence);
        let mut ratings = [Rating::Inconsistent, Rating::VeryInconsistent]
            .into_iter()
            .cycle();
        let open = bench.state.matrix.as_ref().unwrap();
        let path = open.path.clone();
        let recovery = Recovery {
            written: bench.clock,
            edits: 1,
            base: None,
            matrix: open.matrix.clone(),
        }
        .copy();
        // Interleaved in one run, so the shared machine's load hits all three.
        group.bench_function("floor: the recovery write alone", |b| {
            b.iter(|| write_recovery(&path, black_box(&recovery)).unwrap())
        });
        group.bench_function("rate + tick + frame, background writer", |b| {
            b.iter(|| bench.rate_on_a_tick(ratings.next().unwrap(), Writer::Background))
        });
        group.bench_function("rate + tick + frame, write on the loop (before)", |b| {
            b.iter(|| bench.rate_on_a_tick(ratings.next().unwrap(), Writer::OnTheLoop))
        });
        group.finish();
    }
}

/// `j`/`k` on a big matrix: the scores come from the cache, not a rescan.
fn cursor_moves(c: &mut Criterion) {
    for (hypotheses, evidence) in shapes() {
        let mut group = c.benchmark_group(format!("j/k + frame {hypotheses}x{evidence}"));
        group.sample_size(30);
        let mut bench = Bench::new(hypotheses, evidence);
        let mut down = true;
        group.bench_function("j or k + frame", |b| {
            b.iter(|| {
                let action = if down { Action::Down } else { Action::Up };
                down = !down;
                bench.send(Msg::Action(action), Writer::OnTheLoop);
                bench.draw();
            })
        });
        let matrix = bench.state.matrix.as_ref().unwrap().matrix.clone();
        group.bench_function("before: scoring from scratch (each frame did this)", |b| {
            b.iter(|| black_box(ach_workbench::scoring::score(&matrix)))
        });
        group.finish();
    }
}

/// A rating, then Ctrl-s to the frame that says "Saved", beside the write
/// alone (the same bytes written atomically: temporary file, flush,
/// rename) and the same write keeping the `.bak` as a save does. The goal
/// is the save within twice the write.
fn save(c: &mut Criterion) {
    for (hypotheses, evidence) in shapes() {
        let mut group = c.benchmark_group(format!("Ctrl-s to Saved {hypotheses}x{evidence}"));
        group.sample_size(20);
        let mut bench = Bench::new(hypotheses, evidence);
        let open = bench.state.matrix.as_ref().unwrap();
        let path = open.path.clone();
        let contents = ach_workbench::storage::matrix_to_toml(&open.matrix);
        std::fs::write(&path, &contents).unwrap();
        // As if opened from that file, so the save finds it unchanged.
        bench.state.matrix.as_mut().unwrap().disk_fingerprint =
            Some(ach_workbench::storage::fingerprint(contents.as_bytes()));
        let mut ratings = [Rating::Inconsistent, Rating::VeryInconsistent]
            .into_iter()
            .cycle();
        let floor = path.with_extension("floor");
        group.bench_function("floor: the write alone", |b| {
            b.iter(|| {
                ach_workbench::storage::write_atomically_without_backup(&floor, contents.as_bytes())
                    .unwrap()
            })
        });
        group.bench_function("the write keeping a .bak", |b| {
            b.iter(|| {
                ach_workbench::storage::write_atomically(&floor, contents.as_bytes()).unwrap()
            })
        });
        // Each save follows a rating (not timed), so there is something
        // to save.
        group.bench_function("Ctrl-s + frame, after a rating", |b| {
            b.iter_custom(|iterations| {
                let mut spent = std::time::Duration::ZERO;
                for _ in 0..iterations {
                    let rating = Msg::Action(Action::Rate(Some(ratings.next().unwrap())));
                    bench.send(rating, Writer::Background);
                    bench.draw();
                    let start = std::time::Instant::now();
                    bench.send(Msg::Action(Action::Save), Writer::Background);
                    bench.draw();
                    spent += start.elapsed();
                    assert!(
                        !bench.state.matrix.as_ref().unwrap().history.is_dirty(),
                        "saved"
                    );
                }
                spent
            })
        });
        group.finish();
    }
}

criterion_group!(benches, rate_on_a_tick, cursor_moves, save);
criterion_main!(benches);
