//! The workbench's frame budgets on a 200 × 60 terminal, measured through
//! `update` and `view::draw` as the event loop runs them (the terminal is a
//! `TestBackend`: the diff against the previous frame is counted, writing
//! escape codes to a real terminal is not).
//!
//! Targets:
//! - a full frame of a 50 hypotheses × 500 evidence matrix, every cell
//!   rated: under 2 ms, split, zoomed (all the columns that fit), and zoomed
//!   with the evidence by diagnosticity. The same state is redrawn, so this
//!   is the cost of building the frame and finding nothing changed;
//! - rating a cell to the next frame (update, rescore, draw): under 5 ms,
//!   also with the probability rows shown (their reading updated by the
//!   edit, not recomputed), and at 50 × 5,000, where the live sensitivity
//!   (critical items and fragile cells, recomputed on every edit) costs most.
//!   Each iteration changes the cell (I, II, I, …) and adds an edit to the
//!   undo history, as typing does; the growth is printed after the run;
//! - a 50 MB document (the seeds, repeated): the first screen under 150 ms
//!   (`Document::from_bytes` of the bytes in memory, `Msg::DocumentLoaded`,
//!   the first frame), with `from_bytes` alone as the floor; each scroll
//!   frame (`Down` or `PageDown` in the reader, then a frame) under 2 ms,
//!   also with the 50 × 500 matrix open beside the reader.
//!
//! Run with `cargo bench --bench tui`. On a machine busy with other work
//! (two cores shared with compilers), `ACH_BENCH_CLOCK=cpu cargo bench
//! --bench tui` times the benchmark thread's CPU time instead of the wall
//! clock, so the figures are not inflated by waiting for a core; the groups
//! are then suffixed "(cpu)" so the two clocks' baselines never mix.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use ach_workbench::config::{AfterRating, Theme};
use ach_workbench::document::Document;
use ach_workbench::edit::Edit;
use ach_workbench::model::{Matrix, Rating};
use ach_workbench::tui::action::Action;
use ach_workbench::tui::keymap::KEYMAP;
use ach_workbench::tui::msg::Msg;
use ach_workbench::tui::settings::Settings;
use ach_workbench::tui::state::{EvidenceOrder, LibraryState, MatrixRow, Pane, State};
use ach_workbench::tui::update::{open_matrix_now, update};
use ach_workbench::tui::view::draw;
use ach_workbench::workspace::{Library, Workspace, scan_library};
use chrono::{DateTime, TimeZone, Utc};
use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use criterion::{BatchSize, Criterion, SamplingMode, criterion_group};
use generated_matrix::Shape;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use seeds::seeds;

#[path = "support/generated_matrix.rs"]
mod generated_matrix;
#[path = "support/seeds.rs"]
mod seeds;

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;
const HYPOTHESES: usize = 50;
const EVIDENCE: usize = 500;
const DOCUMENT_BYTES: usize = 50_000_000;
const DOCUMENT_PATH: &str = "seeds/big.txt";

/// The benchmark matrix: every cell rated, passages into the 50 MB
/// document so the reader has attached passages to underline.
fn generated_matrix() -> Matrix {
    generated_matrix_of(EVIDENCE)
}

/// The benchmark matrix with `evidence` items.
fn generated_matrix_of(evidence: usize) -> Matrix {
    generated_matrix::generated_matrix(&Shape {
        hypotheses: HYPOTHESES,
        evidence,
        title_bytes: 30,
        document: DOCUMENT_PATH,
        document_bytes: DOCUMENT_BYTES,
        analyst: "benches/tui.rs",
    })
}

/// The seed documents, concatenated, repeated to at least `bytes`.
fn big_text(bytes: usize) -> String {
    let unit = seeds();
    unit.repeat(bytes / unit.len() + 1)
}

/// The clock every update runs at.
fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).unwrap()
}

/// A scratch workspace holding a copy of the seeds: a small library.
struct Fixture {
    dir: tempfile::TempDir,
    library: Library,
}

impl Fixture {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        std::fs::create_dir(dir.path().join("seeds")).unwrap();
        std::fs::create_dir(dir.path().join("hypotheses")).unwrap();
        for entry in std::fs::read_dir(&seeds).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(
                entry.path(),
                dir.path().join("seeds").join(entry.file_name()),
            )
            .unwrap();
        }
        let library = scan_library(&Workspace::new(dir.path()));
        Fixture { dir, library }
    }

    /// A fresh workbench on the fixture, nothing open.
    fn workbench(&self) -> Workbench {
        let workspace = Workspace::new(self.dir.path());
        let library = LibraryState::from(self.library.clone());
        Workbench {
            state: State::new(workspace, library, WIDTH, HEIGHT),
            terminal: Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap(),
        }
    }

    /// A workbench with `matrix` open, focused on it.
    fn with_matrix(&self, matrix: Matrix) -> Workbench {
        let mut bench = self.workbench();
        let path = self.dir.path().join("hypotheses/generated.toml");
        open_matrix_now(&mut bench.state, path, matrix);
        bench.state.focus = Pane::Matrix;
        // Let `update` place the cursors, as after any message.
        bench.send(Msg::Resize {
            width: WIDTH,
            height: HEIGHT,
        });
        bench
    }
}

/// The state and a terminal, driven as the event loop drives them.
struct Workbench {
    state: State,
    terminal: Terminal<TestBackend>,
}

impl Workbench {
    /// Applies a message; nothing benchmarked here asks for file work.
    fn send(&mut self, msg: Msg) {
        let effects = update(&mut self.state, msg, now());
        debug_assert!(effects.is_empty(), "unexpected effects: {effects:?}");
        black_box(effects);
    }

    fn draw(&mut self) {
        let state = &self.state;
        let frame = self.terminal.draw(|frame| draw(frame, state)).unwrap();
        black_box(frame.buffer);
    }

    /// The last frame drawn, as text.
    fn screen(&self) -> String {
        let buffer = self.terminal.backend().buffer();
        buffer.content().iter().map(|cell| cell.symbol()).collect()
    }

    /// Whether the reader shows the document's last tenth: time to start
    /// again so scrolling never stalls at the end.
    fn reader_near_end(&self) -> bool {
        let open = self
            .state
            .reader
            .document
            .as_ref()
            .expect("a document is open");
        let shown = open.visible.last().map_or(0, |line| line.bytes.end);
        shown > open.document.len() / 10 * 9
    }
}

fn matrix_frames<M: Clock>(c: &mut Criterion<M>) {
    let fixture = Fixture::new();
    let matrix = generated_matrix();
    let mut group = c.benchmark_group(format!("matrix 50x500 frame{}", M::SUFFIX));
    group
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));

    let views: [(&str, bool, EvidenceOrder); 3] = [
        ("split", false, EvidenceOrder::File),
        ("zoomed", true, EvidenceOrder::File),
        (
            "zoomed, by diagnosticity",
            true,
            EvidenceOrder::Diagnosticity,
        ),
    ];
    for (name, zoomed, order) in views {
        // Set up on first use, so a filtered run skips what it does not time.
        let mut workbench = None;
        group.bench_function(name, |b| {
            let bench = workbench.get_or_insert_with(|| {
                let mut bench = fixture.with_matrix(matrix.clone());
                bench.state.zoomed = zoomed;
                bench.state.matrix.as_mut().unwrap().order = order;
                bench.send(Msg::Resize {
                    width: WIDTH,
                    height: HEIGHT,
                });
                bench.draw();
                let screen = bench.screen();
                assert!(
                    screen.contains("Generated: 50 hypotheses"),
                    "{name}: the matrix is drawn"
                );
                assert!(
                    screen.contains(order.label()),
                    "{name}: in {}",
                    order.label()
                );
                bench
            });
            b.iter(|| bench.draw())
        });
    }
    group.finish();
}

fn rating<M: Clock>(c: &mut Criterion<M>) {
    rating_at(c, EVIDENCE, "");
    // The sensitivity (critical items, fragile cells) is recomputed on
    // every edit: its cost grows with the items, so measure 5,000 too.
    rating_at(c, 5_000, " 50x5000");
}

fn rating_at<M: Clock>(c: &mut Criterion<M>, evidence: usize, shape: &str) {
    let fixture = Fixture::new();
    let matrix = generated_matrix_of(evidence);
    let mut group = c.benchmark_group(format!("rate a cell + frame{shape}{}", M::SUFFIX));
    group
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));

    for (name, zoomed, order, probability) in [
        ("split", false, EvidenceOrder::File, false),
        (
            "zoomed, by diagnosticity",
            true,
            EvidenceOrder::Diagnosticity,
            false,
        ),
        // The probability rows (`p`) kept current edit by edit.
        ("split, probability rows", false, EvidenceOrder::File, true),
    ] {
        let mut ratings = [Rating::Inconsistent, Rating::VeryInconsistent]
            .into_iter()
            .cycle();
        let mut workbench = None;
        group.bench_function(name, |b| {
            let bench = workbench.get_or_insert_with(|| {
                let mut bench = fixture.with_matrix(matrix.clone());
                bench.state.zoomed = zoomed;
                bench.state.matrix.as_mut().unwrap().order = order;
                if probability {
                    bench.send(Msg::Action(Action::ToggleProbability));
                    bench.draw();
                    assert!(
                        bench.screen().contains("Model posterior"),
                        "{name}: the probability rows are drawn"
                    );
                }
                // A cell in the middle of the screen, not the first one.
                for action in [
                    Action::Down,
                    Action::Down,
                    Action::Down,
                    Action::Right,
                    Action::Right,
                ] {
                    bench.send(Msg::Action(action));
                }
                let open = bench.state.matrix.as_ref().unwrap();
                let MatrixRow::Evidence(row) = open.row else {
                    panic!("the cursor is on an evidence row");
                };
                let column = open.column;
                // Every iteration changes the cell: check it on the first two.
                for _ in 0..2 {
                    let rating = ratings.next().unwrap();
                    bench.send(Msg::Action(Action::Rate(Some(rating))));
                    let open = bench.state.matrix.as_ref().unwrap();
                    assert_eq!(
                        open.matrix.rating(row, column),
                        Some(rating),
                        "{name}: the cell is rated"
                    );
                }
                bench
            });
            b.iter(|| {
                let rating = ratings.next().unwrap();
                bench.send(Msg::Action(Action::Rate(Some(black_box(rating)))));
                bench.draw();
            })
        });
        if let Some(bench) = workbench {
            // Each iteration adds an edit to the undo history (as typing a
            // rating does): report how much that grew.
            let edits = bench.state.matrix.as_ref().unwrap().history.undo_depth();
            eprintln!(
                "rate a cell + frame{}/{name}: {edits} edits in the undo history, ~{} KiB at {} bytes each",
                M::SUFFIX,
                edits * std::mem::size_of::<Edit>() / 1024,
                std::mem::size_of::<Edit>(),
            );
        }
    }
    group.finish();
}

/// The 50 MB document, as bytes and decoded, made on first use.
struct BigDocument {
    bytes: Vec<u8>,
    document: Document,
}

impl BigDocument {
    fn new() -> Self {
        let bytes = big_text(DOCUMENT_BYTES).into_bytes();
        let document = Document::from_bytes(DOCUMENT_PATH, bytes.clone()).unwrap();
        eprintln!(
            "50 MB document: {} bytes, {} paragraphs (longest {} bytes), {} words",
            document.len(),
            document.paragraph_count(),
            (0..document.paragraph_count())
                .map(|p| document.paragraph_range(p).len())
                .max()
                .unwrap_or(0),
            document.word_count()
        );
        BigDocument { bytes, document }
    }
}

fn loaded(document: Document) -> Msg {
    Msg::DocumentLoaded {
        path: DOCUMENT_PATH.to_owned(),
        result: Ok(document),
    }
}

fn big_document<M: Clock>(c: &mut Criterion<M>) {
    let fixture = Fixture::new();
    let big = std::cell::OnceCell::new();
    let big = || big.get_or_init(BigDocument::new);

    let mut group = c.benchmark_group(format!("50MB document{}", M::SUFFIX));
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    group.bench_function("floor: Document::from_bytes", |b| {
        let bytes = &big().bytes;
        b.iter_batched(
            || bytes.clone(),
            |bytes| Document::from_bytes(DOCUMENT_PATH, black_box(bytes)).unwrap(),
            BatchSize::PerIteration,
        )
    });
    group.bench_function("first screen: from_bytes + DocumentLoaded + frame", |b| {
        let bytes = &big().bytes;
        b.iter_batched(
            || (fixture.workbench(), bytes.clone()),
            |(mut bench, bytes)| {
                let document = Document::from_bytes(DOCUMENT_PATH, black_box(bytes)).unwrap();
                bench.send(loaded(document));
                bench.draw();
                bench
            },
            BatchSize::PerIteration,
        )
    });

    group
        .sampling_mode(SamplingMode::Auto)
        .sample_size(30)
        .measurement_time(Duration::from_secs(4));
    let scrolls: [(&str, Action, bool); 3] = [
        ("scroll frame: Down", Action::Down, false),
        ("scroll frame: PageDown", Action::PageDown, false),
        ("scroll frame: Down, 50x500 matrix open", Action::Down, true),
    ];
    for (name, action, with_matrix) in scrolls {
        let mut workbench = None;
        group.bench_function(name, |b| {
            let document = &big().document;
            let bench = workbench.get_or_insert_with(|| {
                let mut bench = if with_matrix {
                    fixture.with_matrix(generated_matrix())
                } else {
                    fixture.workbench()
                };
                bench.send(loaded(document.clone()));
                assert_eq!(bench.state.focus, Pane::Reader);
                bench.draw();
                assert!(
                    bench.screen().contains(document.title()),
                    "{name}: the document is shown"
                );
                bench
            });
            b.iter_custom(|iterations| {
                let clock = M::CLOCK;
                let mut total = clock.zero();
                for _ in 0..iterations {
                    if bench.reader_near_end() {
                        // Open it afresh (untimed): scrolling goes on
                        // through a layout that has not wrapped it yet.
                        bench.send(loaded(document.clone()));
                    }
                    let start = clock.start();
                    bench.send(Msg::Action(black_box(action)));
                    bench.draw();
                    total = clock.add(&total, &clock.end(start));
                }
                total
            })
        });
    }
    group.finish();
}

/// A criterion measurement the benchmarks can also read themselves (the
/// scroll benchmarks time single iterations).
trait Clock: Measurement + 'static {
    const CLOCK: Self;
    /// Appended to group names, so each clock keeps its own baselines.
    const SUFFIX: &'static str;
}

impl Clock for WallTime {
    const CLOCK: Self = WallTime;
    const SUFFIX: &'static str = "";
}

/// CPU time of the benchmark thread (`CLOCK_THREAD_CPUTIME_ID`), user and
/// system: what the work itself costs, whatever else the machine runs.
struct ThreadCpuTime;

impl ThreadCpuTime {
    #[cfg(target_os = "linux")]
    fn now() -> Duration {
        #[repr(C)]
        struct Timespec {
            seconds: std::ffi::c_long,
            nanoseconds: std::ffi::c_long,
        }
        unsafe extern "C" {
            fn clock_gettime(clock: std::ffi::c_int, time: *mut Timespec) -> std::ffi::c_int;
        }
        const CLOCK_THREAD_CPUTIME_ID: std::ffi::c_int = 3;
        let mut time = Timespec {
            seconds: 0,
            nanoseconds: 0,
        };
        // SAFETY: `time` is a valid, writable `struct timespec` (two
        // `long`s on Linux), and this clock id exists on every Linux.
        let status = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut time) };
        assert_eq!(status, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID)");
        Duration::new(time.seconds as u64, time.nanoseconds as u32)
    }

    #[cfg(not(target_os = "linux"))]
    fn now() -> Duration {
        panic!("ACH_BENCH_CLOCK=cpu is only implemented on Linux")
    }
}

impl Measurement for ThreadCpuTime {
    type Intermediate = Duration;
    type Value = Duration;

    fn start(&self) -> Duration {
        Self::now()
    }

    fn end(&self, start: Duration) -> Duration {
        Self::now().saturating_sub(start)
    }

    fn add(&self, a: &Duration, b: &Duration) -> Duration {
        *a + *b
    }

    fn zero(&self) -> Duration {
        Duration::ZERO
    }

    fn to_f64(&self, value: &Duration) -> f64 {
        value.as_nanos() as f64
    }

    fn formatter(&self) -> &dyn ValueFormatter {
        // Durations are durations: show them as the wall clock does.
        static WALL: WallTime = WallTime;
        WALL.formatter()
    }
}

impl Clock for ThreadCpuTime {
    const CLOCK: Self = ThreadCpuTime;
    const SUFFIX: &'static str = " (cpu)";
}

criterion_group!(wall_clock, matrix_frames, rating, big_document);
criterion_group! {
    name = cpu_clock;
    config = Criterion::default().with_measurement(ThreadCpuTime);
    targets = matrix_frames, rating, big_document
}

fn main() {
    // The cursor stays on the cell it rates, so each iteration of "rate a
    // cell" re-rates one cell (I, II, I, …) instead of walking the row.
    Settings {
        keymap: KEYMAP.to_vec(),
        theme: Theme::default(),
        analyst: None,
        after_rating: AfterRating::Stay,
    }
    .install();
    match std::env::var("ACH_BENCH_CLOCK").as_deref() {
        Ok("cpu") => cpu_clock(),
        Ok("wall") | Err(_) => wall_clock(),
        Ok(other) => panic!("ACH_BENCH_CLOCK={other}: expected `cpu` or `wall`"),
    }
    Criterion::default().configure_from_args().final_summary();
}
