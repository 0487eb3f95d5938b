#!/usr/bin/env bash
# Facts stage over real stories (DUC 2003 clusters, ../shared/bench/summ): runs
# `crosswire facts -f json` on each cluster and reports wall time and what was found
# (claims, claim groups seen in 2+ outlets, conflicts, statements, entities by kind, dated
# events, share of dates resolved). There is no gold standard for facts: this measures
# speed and coverage, and prints a few random items for eyeballing with --show.
# Dev data lives outside the repo; nothing from it is written into the tree.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bench="${CROSSWIRE_BENCH:-$here/../shared/bench}/summ"
[ -f "$bench/duc2003.clusters.jsonl" ] || { echo "no $bench/duc2003.clusters.jsonl" >&2; exit 2; }
show="${1:-}"
cd "$here"
cargo build --release -q -p crosswire-cli
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
python3 - "$bench/duc2003.clusters.jsonl" "$out" <<'PY'
import json, sys
src, out = sys.argv[1], sys.argv[2]
for line in open(src):
    c = json.loads(line)
    with open(f"{out}/{c['id']}.jsonl", "w") as f:
        for d in c["docs"]:
            f.write(json.dumps(d) + "\n")
PY
start=$(date +%s.%N)
for f in "$out"/*.jsonl; do
  ./target/release/crosswire facts -f json "$f" > "${f%.jsonl}.facts.json" 2>/dev/null || true
done
end=$(date +%s.%N)
python3 - "$out" "$show" <<'PY'
import collections, glob, json, random, sys
out, show = sys.argv[1], sys.argv[2]
n = collections.Counter()
kinds = collections.Counter()
samples = collections.defaultdict(list)
files = sorted(glob.glob(f"{out}/*.facts.json"))
for f in files:
    d = json.load(open(f))
    n["stories"] += 1
    n["claims"] += len(d["claims"])
    n["claims with event"] += sum(1 for c in d["claims"] if c.get("event_class"))
    n["claims with source"] += sum(1 for c in d["claims"] if c.get("source"))
    n["claims with scope"] += sum(1 for c in d["claims"] if c.get("scope"))
    n["claims with inherited source"] += sum(1 for c in d["claims"] if c.get("source_inherited"))
    groups = [g for g in d["claim_groups"] if g.get("event_class")]
    n["event groups"] += len(groups)
    n["event groups in 2+ outlets"] += sum(1 for g in groups if len(g["outlets"]) > 1)
    n["conflicts"] += sum(1 for g in groups if g["agreement"] == "conflict")
    n["statements"] += len(d["statements"])
    n["direct quotes"] += sum(1 for s in d["statements"] if s["direct"])
    n["statements by unnamed speakers"] += sum(1 for s in d["statements"] if s.get("role") == "unnamed source")
    for e in d["entities"]:
        kinds[e["kind"]] += 1
    n["dates"] += len(d["dates"])
    n["dates resolved"] += sum(1 for x in d["dates"] if x.get("resolved"))
    n["timeline events"] += len(d["timeline"])
    n["timeline events in 2+ outlets"] += sum(1 for e in d["timeline"] if len(e["outlets"]) > 1)
    n["timeline counts over a period"] += sum(1 for e in d["timeline"] if e["date"]["granularity"] == "period")
    n["timeline events at day precision"] += sum(1 for e in d["timeline"] if e["date"]["granularity"] == "day")
    n["timeline text words"] += sum(len(e["text"].split()) for e in d["timeline"])
    samples["claim"] += [f"{c['quantity']['text']} | {c['counted']} | {c.get('event')} | {c.get('scope')} | {c.get('source')}" for c in d["claims"]]
    samples["statement"] += [f"{s['speaker']}: {s['text'][:100]}" for s in d["statements"]]
    samples["event"] += [f"{e['date']['iso']} | {e['text']}" for e in d["timeline"]]
for k, v in n.items():
    print(f"{k:32} {v}")
if n["timeline events"]:
    print(f"{'timeline text words (mean)':32} {n['timeline text words'] / n['timeline events']:.1f}")
print(f"{'entities':32} " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
if show:
    random.seed(0)
    for kind, items in samples.items():
        print(f"\n== random {kind}s")
        for s in random.sample(items, min(12, len(items))):
            print("  " + s)
PY
printf 'crosswire facts wall time (%s stories, pipeline included): %.2f s\n' \
  "$(ls "$out"/*.facts.json | wc -l)" "$(echo "$end - $start" | bc)"
# Scaling: every document as one story, half of them without a publication date (so the
# copy-based date inference runs over many pairs).
python3 - "$bench/duc2003.clusters.jsonl" "$out/all.jsonl" <<'PY'
import json, sys
k = 0
with open(sys.argv[2], "w") as out:
    for line in open(sys.argv[1]):
        for d in json.loads(line)["docs"]:
            k += 1
            if k % 2:
                d["published"] = None
            out.write(json.dumps(d) + "\n")
PY
start=$(date +%s.%N)
./target/release/crosswire facts -f json "$out/all.jsonl" > /dev/null 2>&1 || true
end=$(date +%s.%N)
printf 'one story of %s documents, half undated: %.2f s\n' \
  "$(wc -l < "$out/all.jsonl")" "$(echo "$end - $start" | bc)"
