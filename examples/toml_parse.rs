//! The floor of reading a matrix file: the toml crate's own parse of it,
//! into nothing (serde's `IgnoredAny`), for `scripts/memory.sh` to set
//! beside `ach score`'s peak memory on the same file.
//!
//! `cargo run --release --example toml_parse -- FILE`

fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .ok_or_else(|| anyhow::anyhow!("usage: toml_parse FILE"))?;
    let text = std::fs::read_to_string(&path)?;
    let _: serde::de::IgnoredAny = toml::from_str(&text)?;
    Ok(())
}
