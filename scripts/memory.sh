#!/usr/bin/env bash
# Peak memory of reading a big matrix, beside its floor: the toml crate's own
# parse of the same file (examples/toml_parse.rs) and the file's size.
#
#   scripts/memory.sh [HYPOTHESES EVIDENCE]     (default 100 20000)
#
# Needs GNU time (/usr/bin/time). Builds the release binary and examples.
set -euo pipefail
cd "$(dirname "$0")/.."
hypotheses=${1:-100}
evidence=${2:-20000}
cargo build --release --quiet --bin ach --example generate_matrix --example toml_parse
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
target/release/examples/generate_matrix "$hypotheses" "$evidence" "$scratch" >/dev/null
matrix=$(ls "$scratch"/hypotheses/*.toml)
bytes=$(stat -c %s "$matrix")
peak() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
score=$(peak target/release/ach score "$matrix")
floor=$(peak target/release/examples/toml_parse "$matrix")
awk -v bytes="$bytes" -v score="$score" -v floor="$floor" -v shape="${hypotheses}x${evidence}" 'BEGIN {
    mb = bytes / 1e6
    printf "| shape | file MB | figure | peak MB | x file |\n|---|---|---|---|---|\n"
    printf "| %s | %.1f | `ach score` | %.0f | %.1f |\n", shape, mb, score / 1000, score * 1000 / bytes
    printf "| %s | %.1f | floor: the toml crate parsing the file | %.0f | %.1f |\n", shape, mb, floor / 1000, floor * 1000 / bytes
}'
