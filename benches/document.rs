//! The Reader's budgets on a ~50 MB document: load and index well under
//! 100 ms, the first screen under 150 ms, a scroll step under 2 ms; and a
//! single 20 MB line, whose first screen must not wrap the whole line.

use std::hint::black_box;
use std::path::Path;

use ach_workbench::document::{Document, Layout, Position, Sentences, read_document, search};
use ach_workbench::workspace::{Workspace, scan_library};
use criterion::{Criterion, criterion_group, criterion_main};
use seeds::seeds;

#[path = "support/seeds.rs"]
mod seeds;

const WIDTH: usize = 200;
const ROWS: usize = 60;

fn repeated(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len() + 1)
}

fn big_document(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.txt");
    std::fs::write(&file, repeated(&seeds(), 50_000_000)).unwrap();

    let mut group = c.benchmark_group("50MB");
    group.sample_size(20);
    group.bench_function("load+index", |b| {
        b.iter_with_large_drop(|| read_document(black_box(&file), "seeds/big.txt").unwrap())
    });
    // The two halves of loading: the read (the kernel's copy and the page
    // faults of a fresh 50 MB buffer) and this crate's work on the bytes.
    group.bench_function("read file only", |b| {
        b.iter_with_large_drop(|| std::fs::read(black_box(&file)).unwrap())
    });
    group.bench_function("index only (bytes in memory)", |b| {
        b.iter_batched(
            || std::fs::read(&file).unwrap(),
            |bytes| Document::from_bytes("seeds/big.txt", bytes).unwrap(),
            criterion::BatchSize::LargeInput,
        )
    });
    let doc = read_document(&file, "seeds/big.txt").unwrap();
    eprintln!(
        "50MB document: {} bytes, {} paragraphs, {} words",
        doc.len(),
        doc.paragraph_count(),
        doc.word_count()
    );

    group.bench_function("first screen", |b| {
        b.iter(|| Layout::new(WIDTH).lines(&doc, Position::TOP, ROWS))
    });

    let mut layout = Layout::new(WIDTH);
    let middle = layout.position_of(&doc, doc.len() / 2);
    let mut top = middle;
    group.bench_function("scroll step", |b| {
        b.iter(|| {
            top = layout.scroll(&doc, top, 1);
            layout.lines(&doc, top, ROWS)
        })
    });
    group.bench_function("page down (cold layout)", |b| {
        b.iter(|| {
            let mut layout = Layout::new(WIDTH);
            let next = layout.scroll(&doc, middle, ROWS as isize);
            layout.lines(&doc, next, ROWS)
        })
    });
    group.bench_function("jump to end", |b| {
        b.iter(|| {
            let mut layout = Layout::new(WIDTH);
            let top = layout.last_screen(&doc, ROWS);
            layout.lines(&doc, top, ROWS)
        })
    });
    group.bench_function("search \"azerbaijan\"", |b| {
        b.iter(|| search(doc.text(), black_box("azerbaijan")).unwrap().count())
    });
    group.bench_function("search \"Vance\"", |b| {
        b.iter(|| search(doc.text(), black_box("Vance")).unwrap().count())
    });
    eprintln!(
        "matches: azerbaijan {}, Vance {}",
        search(doc.text(), "azerbaijan").unwrap().count(),
        search(doc.text(), "Vance").unwrap().count()
    );
    group.bench_function("next sentence (cold)", |b| {
        b.iter(|| Sentences::new().next(&doc, doc.len() / 2))
    });
    group.finish();
}

fn huge_line(c: &mut Criterion) {
    let line = seeds().replace(['\n', '\r'], " ");
    let doc = Document::from_text("seeds/line.txt", repeated(&line, 20_000_000));
    let mut group = c.benchmark_group("20MB line");
    group.sample_size(10);
    group.bench_function("first screen", |b| {
        b.iter(|| Layout::new(WIDTH).lines(&doc, Position::TOP, ROWS))
    });
    group.bench_function("jump to end (wraps it all)", |b| {
        b.iter(|| {
            let mut layout = Layout::new(WIDTH);
            let top = layout.last_screen(&doc, ROWS);
            layout.lines(&doc, top, ROWS)
        })
    });
    group.bench_function("first sentence", |b| {
        b.iter(|| Sentences::new().at(&doc, 0))
    });
    group.bench_function("sentence at the end (cold)", |b| {
        b.iter(|| Sentences::new().at(&doc, doc.len()))
    });
    group.finish();
}

fn library(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let seeds_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let sources: Vec<(String, Vec<u8>)> = std::fs::read_dir(&seeds_dir)
        .unwrap()
        .map(|entry| {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect();
    let mut documents = 0;
    for folder in 0..400 {
        let folder = dir.path().join(format!("seeds/batch{folder:03}"));
        std::fs::create_dir_all(&folder).unwrap();
        for (name, bytes) in &sources {
            std::fs::write(folder.join(name), bytes).unwrap();
            documents += 1;
        }
    }
    let workspace = Workspace::new(dir.path());
    let mut group = c.benchmark_group("library");
    group.sample_size(10);
    group.bench_function(format!("scan {documents} documents"), |b| {
        b.iter(|| scan_library(&workspace).documents.len())
    });
    group.finish();
}

criterion_group!(benches, big_document, huge_line, library);
criterion_main!(benches);
