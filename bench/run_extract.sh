#!/usr/bin/env bash
# HTML main-content extraction: crosswire vs trafilatura on the dev set, same run.
#
#   bench/run_extract.sh [PAGES_DIR]
#
# Scores both with the bench scorer (snippet P/R/F1), plus crosswire-clean: what ingest and
# digest keep (`crosswire extract --clean`: extraction + the text-level cleaner). Compares
# pages per CPU-second: for crosswire the CPU time of decoding + extraction (`crosswire extract --timing`, files
# read beforehand), for trafilatura the CPU time of its `extract()` calls alone
# (time.process_time around each call). Peers live in a venv outside the repo:
#   python3 -m venv ~/peers && ~/peers/bin/pip install trafilatura
# Set SKIP_PEER=1 to run crosswire only.
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH=${BENCH:-../shared/bench/extract}
PAGES=${1:-$BENCH/pages}
PY=${PEER_PY:-$HOME/peers/bin/python}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

cargo build --release -q -p crosswire-cli
shopt -s nullglob
files=("$PAGES"/*.html.gz "$PAGES"/*.html)
echo "pages: ${#files[@]}"

cw_timing=$(./target/release/crosswire extract --timing --out-dir "$OUT/crosswire" "${files[@]}" 2>&1 >/dev/null | grep 'extract timing' || true)
echo "crosswire: $cw_timing"
cw_rate=$(sed -n 's/.*(\([0-9.]*\) pages per CPU-second).*/\1/p' <<<"$cw_timing")
# The ingest/digest path: extraction, metadata and the text-level cleaner, pages as one batch.
./target/release/crosswire extract --clean --out-dir "$OUT/crosswire-clean" "${files[@]}" 2>/dev/null || true

tf_rate=""
if [[ -z "${SKIP_PEER:-}" && -x "$PY" ]]; then
  tf_rate=$("$PY" - "$OUT/trafilatura" "${files[@]}" <<'PYEOF'
import gzip, os, sys, time
import trafilatura
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
cpu = 0.0
n = 0
for path in sys.argv[2:]:
    raw = open(path, "rb").read()
    if path.endswith(".gz"):
        raw = gzip.decompress(raw)
    name = os.path.basename(path)
    for suf in (".gz", ".html", ".htm"):
        if name.endswith(suf):
            name = name[: -len(suf)]
    t0 = time.process_time()
    text = trafilatura.extract(raw)
    cpu += time.process_time() - t0
    n += 1
    with open(os.path.join(out, name + ".txt"), "w", encoding="utf-8") as f:
        f.write(text or "")
print(f"{n / cpu:.1f}")
PYEOF
)
  echo "trafilatura $("$PY" -c 'import trafilatura; print(trafilatura.__version__)'): $tf_rate pages per CPU-second (extract() calls only)"
else
  echo "trafilatura: skipped (SKIP_PEER set or $PY missing)"
fi

echo
if [[ -n "$tf_rate" ]]; then
  (cd "$OUT" && python3 "$OLDPWD/$BENCH/score_extract.py" crosswire crosswire-clean trafilatura)
  python3 -c "import sys; c, t = float(sys.argv[1]), float(sys.argv[2]); print(f'speed: crosswire {c:.0f} vs trafilatura {t:.1f} pages per CPU-second = {c / t:.1f}x')" "$cw_rate" "$tf_rate"
else
  (cd "$OUT" && python3 "$OLDPWD/$BENCH/score_extract.py" crosswire crosswire-clean)
fi
