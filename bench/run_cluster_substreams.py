#!/usr/bin/env python3
"""Robustness check for story clustering: score `crosswire cluster` on the full dev stream
and on sub-streams cut from it (task-2 stories only, task-3 stories only, and random halves
of the stories), so that a change tuned to one stream shows whether it holds on others.

Those sub-streams keep every story whole (about ten reports each). Thinned streams keep a
random fraction of *every* story's reports (`--thin`, default 50% and 30%, two draws each),
so that a method tuned to ten-report stories shows itself: a density- or neighbour-count
rule can score 0.95 on the 7 streams and 0.41 on a 30% thinning. Skewed streams
(`--skewed`, three draws) give each story its own share of its reports, u² for u uniform
in (0, 1], at least one: like a real stream, many stories of one to three reports beside a
few big ones. Thinned and skewed scores are reported apart, under their own means.

    python3 bench/run_cluster_substreams.py [--bin target/release/crosswire] [-- cluster args]

Reads ../shared/bench/cluster in place; sub-streams are written to a temporary directory
and deleted afterwards (nothing from the dev data is written into the repository).
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.environ.get("CROSSWIRE_BENCH", os.path.join(HERE, "..", "..", "shared", "bench"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(HERE, "..", "target", "release", "crosswire"))
    ap.add_argument("--halves", type=int, default=4, help="random halves of the stories")
    ap.add_argument("--baseline", action="store_true",
                    help="also score the bench's TF-IDF baseline on every stream")
    ap.add_argument("--thin", default="0.5,0.3",
                    help="fractions of each story's reports to keep ('' for none)")
    ap.add_argument("--thin-draws", type=int, default=2,
                    help="random draws per thinning fraction")
    ap.add_argument("--skewed", type=int, default=3,
                    help="streams whose stories keep a random share u^2 of their reports")
    ap.add_argument("args", nargs="*", help="extra arguments for `crosswire cluster`")
    a = ap.parse_args()
    cdir = os.path.join(BENCH, "cluster")
    labels = [json.loads(l) for l in open(os.path.join(cdir, "duc2003.labels.jsonl"))]
    stream = [l for l in open(os.path.join(cdir, "duc2003.stream.jsonl"))]
    ids = [json.loads(l)["id"] for l in stream]
    stories = sorted({d["story"] for d in labels if d["story"]})
    subsets = {"full": None}
    for task in (2, 3):
        subsets[f"task{task}"] = {d["id"] for d in labels if d["task"] == task}
    for seed in range(a.halves):
        half = set(random.Random(seed).sample(stories, len(stories) // 2))
        subsets[f"half{seed}"] = {d["id"] for d in labels if d["story"] in half}
    thinned = set()
    for frac in [float(f) for f in a.thin.split(",") if f.strip()]:
        for seed in range(a.thin_draws):
            draw = random.Random(1000 + seed)
            name = f"thin{frac:g}-{seed}"
            subsets[name] = {i for i in ids if draw.random() < frac}
            thinned.add(name)
    skewed = set()
    by_story = {}
    for d in labels:
        if d["story"]:
            by_story.setdefault(d["story"], []).append(d["id"])
    for seed in range(a.skewed):
        draw = random.Random(2000 + seed)
        keep = set()
        for story in stories:
            members = by_story[story]
            k = max(1, round(len(members) * (1.0 - draw.random()) ** 2))
            keep.update(draw.sample(members, k))
        name = f"skew-{seed}"
        subsets[name] = keep
        skewed.add(name)
    groups = {"whole": [], "thinned": [], "skewed": []}
    peers = {"whole": [], "thinned": [], "skewed": []}
    with tempfile.TemporaryDirectory() as tmp:
        for name, keep in subsets.items():
            s_path = os.path.join(tmp, f"{name}.jsonl")
            l_path = os.path.join(tmp, f"{name}.labels.jsonl")
            with open(s_path, "w") as o:
                o.writelines(l for l, i in zip(stream, ids) if keep is None or i in keep)
            with open(l_path, "w") as o:
                for d in labels:
                    if keep is None or d["id"] in keep:
                        o.write(json.dumps(d) + "\n")
            out = os.path.join(tmp, f"{name}.out.jsonl")

            def scored(command):
                """Run a clusterer on this stream and score its output."""
                with open(out, "w") as o:
                    subprocess.run([*command, s_path], stdout=o, stderr=subprocess.DEVNULL,
                                   check=True)
                res = subprocess.run([sys.executable, os.path.join(cdir, "score_cluster.py"),
                                      "--labels", l_path, "--json", out],
                                     capture_output=True, text=True, check=True)
                return next(iter(json.loads(res.stdout)["systems"].values()))

            group = "thinned" if name in thinned else "skewed" if name in skewed else "whole"
            s = scored([a.bin, "cluster", *a.args])
            groups[group].append(s["bcubed_f1"])
            peer = ""
            if a.baseline:
                b = scored([sys.executable, os.path.join(cdir, "baseline_cluster.py")])["bcubed_f1"]
                peers[group].append(b)
                peer = f"  | baseline {b:.4f}"
            print(f"{name:9s} B3 F1 {s['bcubed_f1']:.4f}  P {s['bcubed_p']:.3f}  "
                  f"R {s['bcubed_r']:.3f}  pair F1 {s['pairwise_f1']:.3f}  "
                  f"stories {s['pred_clusters']}/{s['gold_clusters']}{peer}")
    def mean(xs):
        return sum(xs) / len(xs)

    labels_of = {"whole": "mean", "thinned": "thinned", "skewed": "skewed"}
    for group, xs in groups.items():
        if not xs:
            continue
        peer = f"  | baseline {mean(peers[group]):.4f}" if peers[group] else ""
        print(f"{labels_of[group]:9s} B3 F1 {mean(xs):.4f} over {len(xs)} streams{peer}")

if __name__ == "__main__":
    main()
