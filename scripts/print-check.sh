#!/usr/bin/env bash
# Prints the HTML export of the sample matrix cut to 3, 5 and 8 hypotheses
# to PDF in headless Chromium, and renders each page to PNG to look at:
# the bottom line first, the matrix on a page of its own with its legend,
# the evidence column readable. CI does not run it (no Chromium there).
#
#   apt-get install chromium poppler-utils
#   cargo build --release && scripts/print-check.sh [OUT_DIR]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$repo/target/print-check}
ach=$repo/target/release/ach
rm -rf "$out" && mkdir -p "$out/hypotheses"
cp -r "$repo/seeds" "$out/seeds"
python3 - "$repo/hypotheses/iran-azerbaijan-escalation.toml" "$out/hypotheses" <<'PY'
import re, sys
source, target = sys.argv[1], sys.argv[2]
text = open(source).read()
titles = ["Frozen conflict with periodic border incidents",
          "Russian-brokered settlement that sidelines Tehran entirely",
          "Azerbaijani regime change after domestic unrest",
          "Iranian internal collapse ends the rivalry"]
codes = ["C", "I", "N", "II", "CC", "NA"]
def cut(n):
    if n == 3:
        s = re.sub(r'\[\[hypotheses\]\]\nid = "H4".*?(?=\n\[\[)', '', text, flags=re.S)
        return re.sub(r', H4 = "[A-Z]+"', '', s)
    extra = "".join(f'[[hypotheses]]\nid = "H{k}"\ntitle = "{titles[k - 5]}"\n\n'
                    for k in range(5, n + 1))
    s = text.replace('[[evidence]]', extra + '[[evidence]]', 1)
    row = iter(range(10**6))
    def more(m):
        i = next(row)
        added = "".join(f', H{k} = "{codes[(i + k) % 6]}"' for k in range(5, n + 1))
        return m.group(0)[:-2] + added + " }"
    return re.sub(r'ratings = \{[^}]*\}', more, s)
for n in (3, 5, 8):
    open(f"{target}/m{n}.toml", "w").write(cut(n))
PY
cd "$out"
for n in 3 5 8; do
  "$ach" export "hypotheses/m$n.toml" -o "m$n.html" --date 2026-12-03
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$out/profile-$n" --no-pdf-header-footer \
    --print-to-pdf="m$n.pdf" "file://$out/m$n.html" 2>/dev/null
  pdftoppm -r 60 -png "m$n.pdf" "m$n-page"
done
ls "$out"/*.png
