//! Writes the benchmarks' generated matrix as a workspace on disk, for the
//! pty benchmark (`scripts/pty-bench.py`) and anyone measuring by hand:
//!
//! `cargo run --release --example generate_matrix -- 50 5000 DIR`
//!
//! makes `DIR/hypotheses/generated-50x5000.toml` and the document its
//! passages point into, `DIR/seeds/big.txt` (1 MB), and prints the
//! matrix's path. The matrix is the one `benches/` measure, made by the
//! same deterministic generator.

use std::path::PathBuf;

use ach_workbench::storage::matrix_to_toml;
use generated_matrix::{Random, Shape, generated_matrix};

#[path = "../benches/support/generated_matrix.rs"]
#[allow(dead_code)]
mod generated_matrix;

const DOCUMENT: &str = "seeds/big.txt";
const DOCUMENT_BYTES: usize = 1_000_000;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [hypotheses, evidence, dir] = args.as_slice() else {
        anyhow::bail!("usage: generate_matrix HYPOTHESES EVIDENCE DIR");
    };
    let (hypotheses, evidence): (usize, usize) = (hypotheses.parse()?, evidence.parse()?);
    let dir = PathBuf::from(dir);
    std::fs::create_dir_all(dir.join("hypotheses"))?;
    std::fs::create_dir_all(dir.join("seeds"))?;
    let document = dir.join(DOCUMENT);
    if !document.exists() {
        // Paragraphs of generated words: the passages fall inside it.
        let mut random = Random(0x2545_F491_4F6C_DD1D);
        let mut text = String::with_capacity(DOCUMENT_BYTES + 1024);
        text.push_str("Generated report\n\n");
        while text.len() < DOCUMENT_BYTES {
            text.push_str(&random.text(600));
            text.push_str(".\n\n");
        }
        std::fs::write(&document, text)?;
    }
    let matrix = generated_matrix(&Shape {
        hypotheses,
        evidence,
        title_bytes: 30,
        document: DOCUMENT,
        document_bytes: DOCUMENT_BYTES,
        analyst: "examples/generate_matrix.rs",
    });
    let path = dir.join(format!("hypotheses/generated-{hypotheses}x{evidence}.toml"));
    std::fs::write(&path, matrix_to_toml(&matrix))?;
    println!("{}", path.display());
    Ok(())
}
