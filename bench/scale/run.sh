#!/usr/bin/env bash
# Scale benchmark: ingest a long synthetic stream (ingest + clean + dedup + cluster + SQLite)
# and report articles/second and resident memory over time.
#
#   bench/scale/run.sh 100000            # built-in synthetic vocabulary
#   SEED_JSONL=../shared/bench/cluster/duc2003.stream.jsonl bench/scale/run.sh 100000
#   CROSSWIRE_PROFILE=1 bench/scale/run.sh 100000   # + CPU time per store phase
#
# Work files go to $SCALE_DIR (default /tmp/crosswire-scale); the stream is generated once
# per size and reused. Memory goal: flat in stream length (< 2 GB at 1M articles); speed
# goal: >= 2,000 articles/s per core.
set -euo pipefail
n="${1:?usage: run.sh N_ARTICLES}"
here="$(cd "$(dirname "$0")/../.." && pwd)"
work="${SCALE_DIR:-/tmp/crosswire-scale}"
mkdir -p "$work"
seed_args=()
tag="synthetic"
if [ -n "${SEED_JSONL:-}" ]; then seed_args=(--seed-jsonl "$SEED_JSONL"); tag="seeded"; fi
stream="$work/stream-$tag-$n.jsonl"
if [ ! -s "$stream" ]; then
  echo "generating $n articles -> $stream" >&2
  python3 "$here/bench/scale/gen_stream.py" "$n" "${seed_args[@]}" > "$stream.tmp"
  mv "$stream.tmp" "$stream"
fi
(cd "$here" && cargo build --release -q -p crosswire-cli)
db="$work/store-$tag-$n.db"
rm -f "$db" "$db-wal" "$db-shm"
rsslog="$work/rss-$tag-$n.log"
: > "$rsslog"

/usr/bin/time -v -o "$work/time-$tag-$n.txt" \
  "$here/target/release/crosswire" ingest --quiet --db "$db" "$stream" 2> "$work/ingest-$tag-$n.err" &
timer=$!
# Sample the ingest process's resident memory every 2 s: "seconds rss_mb".
(
  start=$(date +%s)
  while kill -0 "$timer" 2>/dev/null; do
    pid=$(pgrep -P "$timer" -x crosswire || true)
    if [ -n "$pid" ] && [ -r "/proc/$pid/status" ]; then
      rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status" 2>/dev/null || echo 0)
      echo "$(( $(date +%s) - start )) $rss" >> "$rsslog"
    fi
    sleep 2
  done
) &
sampler=$!
wait "$timer"
wait "$sampler" 2>/dev/null || true

wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time-$tag-$n.txt")
peak=$(awk -F': ' '/Maximum resident set size/ {print int($2/1024)}' "$work/time-$tag-$n.txt")
user=$(awk -F': ' '/User time/ {print $2}' "$work/time-$tag-$n.txt")
sys=$(awk -F': ' '/System time/ {print $2}' "$work/time-$tag-$n.txt")
secs=$(echo "$wall" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
cpu=$(echo "$user + $sys" | bc)
echo "== scale benchmark: $n articles ($tag)"
cat "$work/ingest-$tag-$n.err"
echo "wall ${secs}s, cpu ${cpu}s"
echo "articles/s (wall): $(echo "$n / $secs" | bc)"
echo "articles/s per core (cpu time): $(echo "$n / $cpu" | bc)"
echo "peak RSS: ${peak} MB"
echo "store size: $(du -m "$db" | cut -f1) MB (+ WAL $(du -m "$db-wal" 2>/dev/null | cut -f1 || echo 0) MB)"
start_list=$(date +%s.%N)
"$here/target/release/crosswire" stories --db "$db" > /dev/null
echo "stories listing: $(echo "$(date +%s.%N) - $start_list" | bc | awk '{printf "%.2f", $1}')s"
echo "RSS over time (s MB), 10 samples:"
total=$(wc -l < "$rsslog")
step=$(( total / 10 > 0 ? total / 10 : 1 ))
awk -v s="$step" 'NR % s == 0 {printf "  %6ss %6s MB\n", $1, $2}' "$rsslog"
