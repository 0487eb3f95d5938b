#!/usr/bin/env bash
# HTML ingest throughput: CPU seconds (user+sys) of `crosswire ingest` on a WARC of pages,
# median of RUNS runs, and pages per CPU-second.
#
#   bench/html_ingest.sh WARC [RUNS]
#
# The WARC lives outside the repo (e.g. one built from the extraction dev pages). Each run
# starts from an empty database. Compare builds by running this before and after a change
# (or set CROSSWIRE=path/to/other/binary).
set -euo pipefail
cd "$(dirname "$0")/.."
WARC=${1:?usage: bench/html_ingest.sh WARC [RUNS]}
RUNS=${2:-3}
BIN=${CROSSWIRE:-./target/release/crosswire}
[[ -n "${CROSSWIRE:-}" ]] || cargo build --release -q -p crosswire-cli
DB=$(mktemp -d)
trap 'rm -rf "$DB"' EXIT

cpus=()
for _ in $(seq "$RUNS"); do
  rm -f "$DB/ingest.db"
  /usr/bin/time -o "$DB/time" -f "%U %S" "$BIN" ingest --quiet --db "$DB/ingest.db" "$WARC" >/dev/null 2>&1
  cpus+=("$(awk '{print $1 + $2}' "$DB/time")")
done
pages=$(sqlite3 "$DB/ingest.db" "select count(*) from articles" 2>/dev/null || echo 0)
python3 - "$pages" "${cpus[@]}" <<'PY'
import statistics, sys
pages = int(sys.argv[1]); cpus = [float(x) for x in sys.argv[2:]]
med = statistics.median(cpus)
print(f"articles stored: {pages}; CPU-s per run: {' '.join(f'{c:.2f}' for c in cpus)}")
print(f"median {med:.2f} CPU-s = {pages / med:.0f} pages per CPU-second")
PY
