#!/usr/bin/env bash
# Benchmark `crosswire clean` on the textclean dev set (see /work/shared/bench/README.md §4):
# builds release, cleans the 400 pages, scores them next to the return-everything baseline
# computed in the same run, and reports the CPU time of the cleaning run. Also scores the
# ingest/digest path on the same pages (title and metadata lines taken out first, then the
# cleaner): what the store keeps.
#
# usage: bench/run_textclean.sh [BENCH_DIR]   (default: ../shared/bench/textclean next to the repo)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BENCH="${1:-$ROOT/../shared/bench/textclean}"
[ -d "$BENCH/data" ] || { echo "no textclean bench at $BENCH" >&2; exit 2; }
cargo build --release -q --manifest-path "$ROOT/Cargo.toml" -p crosswire-cli 2>/dev/null \
  || cargo build --release -q --manifest-path "$ROOT/Cargo.toml"
BIN="$ROOT/target/release/crosswire"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/all" "$TMP/clean"
for f in "$BENCH"/data/*.raw.txt; do cp "$f" "$TMP/all/$(basename "$f" .raw.txt).txt"; done
/usr/bin/time -f "%U %S" -o "$TMP/time" "$BIN" clean --out-dir "$TMP/clean" "$BENCH"/data/*.raw.txt
read -r user sys < "$TMP/time"
python3 "$BENCH/score_textclean.py" --json "$TMP/all" > "$TMP/all.json"
python3 "$BENCH/score_textclean.py" --json --per-page "${PER_PAGE:-$TMP/per_page.tsv}" "$TMP/clean" > "$TMP/clean.json"
# The pipeline path: the pages as one digest batch; each article's kept paragraphs.
mkdir -p "$TMP/pipeline"
"$BIN" digest --with-articles --format json "$TMP/all" 2>/dev/null | python3 -c '
import json, sys
for a in json.load(sys.stdin)["articles"]:
    open(sys.argv[1] + "/" + a["id"] + ".txt", "w").write("\n".join(a["paragraphs"]))
' "$TMP/pipeline"
python3 "$BENCH/score_textclean.py" --json "$TMP/pipeline" > "$TMP/pipeline.json"
python3 - "$TMP/all.json" "$TMP/clean.json" "$user" "$sys" "$TMP/pipeline.json" <<'PY'
import json, sys
def row(name, path):
    m = next(iter(json.load(open(path))["systems"].values()))
    print(f"{name:<22} F1={m['f1']:.4f} ±{m.get('f1_std', 0):.3f}  P={m['precision']:.4f}  R={m['recall']:.4f}  pages={m.get('pages')}")
row("return-everything", sys.argv[1])
row("crosswire clean", sys.argv[2])
row("ingest/digest path", sys.argv[5])
print(f"crosswire clean CPU: {float(sys.argv[3]) + float(sys.argv[4]):.2f}s (user+sys, whole process incl. I/O)")
PY
