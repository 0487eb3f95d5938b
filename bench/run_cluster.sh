#!/usr/bin/env bash
# Story clustering benchmark (DUC 2003 stream, ../shared/bench/cluster): crosswire cluster
# against the reference single-pass TF-IDF baseline, all documents and task 2 (TDT events).
# Dev data lives outside the repo; nothing from it is written into the tree.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bench="${CROSSWIRE_BENCH:-$here/../shared/bench}/cluster"
[ -f "$bench/duc2003.stream.jsonl" ] || { echo "no $bench/duc2003.stream.jsonl" >&2; exit 2; }
cd "$here"
cargo build --release -q -p crosswire-cli
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
start=$(date +%s.%N)
./target/release/crosswire cluster "$@" "$bench/duc2003.stream.jsonl" > "$out/crosswire.jsonl"
end=$(date +%s.%N)
python3 "$bench/baseline_cluster.py" "$bench/duc2003.stream.jsonl" > "$out/baseline.jsonl"
echo "== all scored documents"
python3 "$bench/score_cluster.py" "crosswire=$out/crosswire.jsonl" "baseline=$out/baseline.jsonl"
echo "== task 2 (TDT events)"
python3 "$bench/score_cluster.py" --task 2 "crosswire=$out/crosswire.jsonl" "baseline=$out/baseline.jsonl"
printf 'crosswire cluster wall time: %.2f s\n' "$(echo "$end - $start" | bc)"
