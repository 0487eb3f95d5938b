#!/usr/bin/env python3
"""Robustness of story clustering to the *form* of a stream: score `crosswire cluster` on the
dev stream rewritten the ways real feeds and datasets differ from it, against the canonical
stream. Each form keeps the words and the gold stories; only the shape changes:

  canonical    the dev stream as given (title-less JSONL, paragraphs separated by blank lines)
  headlines    a headline-like title per item (content words of its first sentence)
  feed-titles  one of three feed names as every item's title ("World News | Daily Planet")
  one-line     paragraphs joined into one line (no paragraph breaks)
  crlf         Windows line ends
  entities     text HTML-escaped (&quot; &#39; &amp;), as scrapers often leave it
  html         each paragraph in <p> tags in a `content` field
  news-please  Common Crawl News records: maintext, date_publish, source_domain
  api          news-API records: body, a `source` object, a Unix timestamp in milliseconds
  copies       a third of the reports carried again, lightly edited, by one or two outlets
               (the copies take their original's gold story)

    python3 bench/run_cluster_forms.py [--bin target/release/crosswire] [--big] [-- cluster args]

--big also scores each form's sub-streams (run_cluster_substreams.py --halves 40 --thin-draws
15 --skewed 30) and prints their means. Reads ../shared/bench/cluster in place; rewritten
streams go to a temporary directory and are deleted afterwards (nothing from the dev data is
written into the repository).
"""
import argparse
import datetime
import html
import json
import os
import random
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.environ.get("CROSSWIRE_BENCH", os.path.join(HERE, "..", "..", "shared", "bench"))
STOP = set("a an the of to in on at for by with from and or but is are was were be been has "
           "have had that this which who said says its it as after before over into about will "
           "would could may might their his her they he she we".split())


def paragraphs(text):
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def headline(text, rng):
    first = paragraphs(text)[0] if paragraphs(text) else text
    first = re.sub(r"^[A-Z][^\n_]{0,60}?(\([A-Za-z]+\))? ?(_|--) ", "", first)
    sentence = re.split(r"(?<=[.!?])\s", first)[0]
    words = [w.strip("\",.;:()`'") for w in sentence.split()]
    words = [w for w in words if w and w.lower() not in STOP]
    return " ".join(words[: rng.randint(6, 10)])


def epoch(date, ms=False):
    t = datetime.datetime.fromisoformat(date + "T12:00:00+00:00").timestamp()
    return int(t * 1000) if ms else int(t)


def forms(docs, labels):
    """name -> (records, labels)"""
    rng = random.Random(5)
    out = {"canonical": (docs, labels)}
    out["headlines"] = ([dict(d, title=headline(d["text"], rng)) for d in docs], labels)
    feeds = ["World News | Daily Planet", "Latest headlines - The Herald", "Breaking News"]
    out["feed-titles"] = ([dict(d, title=rng.choice(feeds)) for d in docs], labels)
    out["one-line"] = ([dict(d, text=" ".join(paragraphs(d["text"]))) for d in docs], labels)
    out["crlf"] = ([dict(d, text=d["text"].replace("\n", "\r\n")) for d in docs], labels)
    out["entities"] = ([dict(d, text=html.escape(d["text"])) for d in docs], labels)
    out["html"] = ([{"id": d["id"], "published": d["published"],
                     "content": "".join("<p>%s</p>" % html.escape(p)
                                        for p in paragraphs(d["text"]))} for d in docs], labels)
    out["news-please"] = ([{"id": d["id"], "title": None, "maintext": d["text"],
                            "date_publish": d["published"] + " 14:20:00",
                            "source_domain": "example.com", "authors": []} for d in docs], labels)
    out["api"] = ([{"id": d["id"], "body": d["text"], "timestamp": epoch(d["published"], True),
                    "source": {"id": None, "name": "Wire"}} for d in docs], labels)
    copies, copy_labels = [], list(labels)
    story = {l["id"]: l for l in labels}
    rng = random.Random(7)
    for d in docs:
        copies.append(d)
        if rng.random() < 0.3:
            for c in range(rng.randint(1, 2)):
                words = d["text"].split(" ")
                for _ in range(max(1, len(words) // 30)):
                    words[rng.randrange(len(words))] = rng.choice(
                        ["the", "a", "reported", "said", "officials"])
                cid = "%s.c%d" % (d["id"], c)
                copies.append(dict(d, id=cid, text=" ".join(words), outlet="outlet%d" % c))
                if d["id"] in story:
                    copy_labels.append(dict(story[d["id"]], id=cid))
    out["copies"] = (copies, copy_labels)
    return out


def write(path, records):
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r) + "\n")


def score(bench_dir, pred, task=None):
    cmd = [sys.executable, os.path.join(bench_dir, "score_cluster.py"), "--json",
           "--labels", os.path.join(bench_dir, "duc2003.labels.jsonl"), pred]
    if task:
        cmd[2:2] = ["--task", str(task)]
    res = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)
    return next(iter(res["systems"].values()))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(HERE, "..", "target", "release", "crosswire"))
    ap.add_argument("--big", action="store_true", help="also the sub-stream means of each form")
    ap.add_argument("args", nargs="*", help="extra arguments for `crosswire cluster`")
    a = ap.parse_args()
    cdir = os.path.join(BENCH, "cluster")
    docs = [json.loads(l) for l in open(os.path.join(cdir, "duc2003.stream.jsonl"))]
    labels = [json.loads(l) for l in open(os.path.join(cdir, "duc2003.labels.jsonl"))]
    with tempfile.TemporaryDirectory() as tmp:
        for name, (records, labs) in forms(docs, labels).items():
            bench = os.path.join(tmp, name, "cluster")
            os.makedirs(bench)
            for f in ("score_cluster.py", "baseline_cluster.py"):
                os.symlink(os.path.join(os.path.abspath(cdir), f), os.path.join(bench, f))
            write(os.path.join(bench, "duc2003.stream.jsonl"), records)
            write(os.path.join(bench, "duc2003.labels.jsonl"), labs)
            pred = os.path.join(tmp, name + ".out.jsonl")
            with open(pred, "w") as out:
                subprocess.run([a.bin, "cluster", *a.args,
                                os.path.join(bench, "duc2003.stream.jsonl")],
                               stdout=out, stderr=subprocess.DEVNULL, check=False)
            full, task2 = score(bench, pred), score(bench, pred, task=2)
            line = "%-12s B3 F1 %.4f  pair F1 %.4f  task 2 %.4f" % (
                name, full["bcubed_f1"], full["pairwise_f1"], task2["bcubed_f1"])
            if a.big:
                sub = subprocess.run(
                    [sys.executable, os.path.join(HERE, "run_cluster_substreams.py"), "--bin",
                     a.bin, "--halves", "40", "--thin-draws", "15", "--skewed", "30", "--",
                     *a.args], capture_output=True, text=True,
                    env=dict(os.environ, CROSSWIRE_BENCH=os.path.join(tmp, name)))
                means = {l.split()[0]: l.split()[3] for l in sub.stdout.splitlines()
                         if l.split()[:1] in (["mean"], ["thinned"], ["skewed"])}
                line += "  | mean %s thinned %s skewed %s" % (
                    means.get("mean"), means.get("thinned"), means.get("skewed"))
            print(line, flush=True)


if __name__ == "__main__":
    main()
