#!/usr/bin/env python3
"""Fit crosswire clean's line model on the textclean dev set (needs numpy + scikit-learn).

Steps:
  1. read per-line features dumped by the Rust feature code (crates/clean/examples/dump_features),
     so training and run time share one implementation of every feature;
  2. label each line from the page's truth: content if at least half of the token 4-grams that
     touch the line occur in the truth (the bench's "line oracle");
  3. stage 1: page-level K-fold cross-validation of gradient-boosted trees on the line features,
     giving out-of-fold probabilities p1;
  4. stage 2: context features of the p1 sequence (the same computation as
     crates/clean/src/model.rs::context_features) appended to the line features, K-fold again
     (same folds); out-of-fold stage-2 probabilities are written to --oof so the Rust sequence
     pass can be scored honestly on them (crates/clean/examples/apply_probs);
  5. refit stage 1 on all pages and stage 2 on all pages' out-of-fold p1 (as at run time stage 2
     sees stage-1 outputs on unseen pages), and write both into crates/clean/src/model_data.rs.

usage:
  cargo build --release -p crosswire-clean --example dump_features
  target/release/examples/dump_features DATA/*.raw.txt > feats.jsonl
  python3 bench/train_textclean.py feats.jsonl --truth-dir DATA --oof oof.tsv --write crates/clean/src/model_data.rs
  # whole cleaner (model + sequence rules) under cross-validation:
  cargo build --release -p crosswire-clean --examples   # after --write, for the new threshold
  target/release/examples/apply_probs oof.tsv /tmp/cv DATA/*.raw.txt
  python3 DATA/../score_textclean.py /tmp/cv
  # RULES_OFF=furniture,smoothing,lead_in,continuity,comments apply_probs ... measures each rule.
(Stage-2 CV is slightly optimistic: the stage-1 probabilities of its training rows come from
models that saw the held-out fold; the usual stacking compromise.)
"""
import argparse
import json
import os
import re
import sys
from collections import Counter, defaultdict

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier

WORD = re.compile(r"\w+", re.UNICODE)


def shingles(toks, n=4):
    return Counter(tuple(toks[i:i + n]) for i in range(max(0, len(toks) - n + 1)))


def load(path):
    docs = defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            docs[r["doc"]].append(r)
    return docs


def label_doc(rows, truth_text):
    """Label and weight each line of a page against its truth text."""
    truth = set(shingles(WORD.findall(truth_text)))
    toks, owner = [], []
    for i, r in enumerate(rows):
        t = WORD.findall(r["text"])
        toks.extend(t)
        owner.extend([i] * len(t))
    hit = np.zeros(len(rows))
    tot = np.zeros(len(rows))
    for s in range(max(0, len(toks) - 3)):
        inside = tuple(toks[s:s + 4]) in truth
        for o in set(owner[s:s + 4]):
            tot[o] += 1
            hit[o] += inside
    ntok = np.array([len(WORD.findall(r["text"])) for r in rows], dtype=float)
    labels = (tot > 0) & (hit >= 0.5 * np.maximum(tot, 1))
    weights = ntok / max(ntok.sum(), 1.0)
    return labels.astype(int), weights


def context_features(p, words):
    """Mirror of model.rs::context_features."""
    n = len(p)
    w = np.asarray(words, dtype=float)
    total = float((p * w).sum())
    out = np.zeros((n, 13), dtype=np.float32)
    at = lambda j: p[j] if 0 <= j < n else -1.0
    max_before = np.zeros(n); max_after = np.zeros(n)
    for i in range(1, n):
        max_before[i] = max(max_before[i - 1], p[i - 1])
    for i in range(n - 2, -1, -1):
        max_after[i] = max(max_after[i + 1], p[i + 1])
    since = np.full(n, 20.0); until = np.full(n, 20.0)
    last = None
    for i in range(n):
        since[i] = 20.0 if last is None else min(i - last, 20)
        if p[i] >= 0.5:
            last = i
    last = None
    for i in range(n - 1, -1, -1):
        until[i] = 20.0 if last is None else min(last - i, 20)
        if p[i] >= 0.5:
            last = i

    def window_mean(i, r):
        js = [j for j in range(max(0, i - r), min(n - 1, i + r) + 1) if j != i]
        return float(np.mean([p[j] for j in js])) if js else -1.0

    mass = 0.0
    for i in range(n):
        js = [j for j in range(max(0, i - 5), min(n - 1, i + 5) + 1) if j != i]
        ww = sum(w[j] for j in js)
        ws = sum(p[j] * w[j] for j in js)
        out[i] = [p[i], at(i - 1), at(i - 2), at(i + 1), at(i + 2), window_mean(i, 3),
                  window_mean(i, 10), max_before[i], max_after[i], mass / max(total, 1.0),
                  since[i], until[i], ws / ww if ww > 0 else -1.0]
        mass += p[i] * w[i]
    return out


def fit(X, y, w, args):
    model = GradientBoostingClassifier(
        n_estimators=args.trees, max_depth=args.depth, learning_rate=args.lr,
        subsample=0.8, min_samples_leaf=20, random_state=0)
    model.fit(X, y, sample_weight=w * len(w) / w.sum() + 1e-3)
    return model


def forest(model, feature_count):
    init = model._raw_predict_init(np.zeros((1, feature_count), dtype=np.float32))[0, 0]
    lr = model.learning_rate
    trees = []
    for est in model.estimators_[:, 0]:
        t = est.tree_
        nodes = []
        for i in range(t.node_count):
            if t.children_left[i] == -1:
                nodes.append(f"n(-1, 0.0, 0, 0, {lr * t.value[i][0][0]:.6})")
            else:
                nodes.append(f"n({t.feature[i]}, {t.threshold[i]:.7}, {t.children_left[i]}, {t.children_right[i]}, 0.0)")
        trees.append("    &[" + ", ".join(nodes) + "],")
    return init, trees


def export(model1, model2, n1, n2, threshold, path):
    init, trees = forest(model1, n1)
    init2, trees2 = forest(model2, n2)
    out = ["//! Generated by bench/train_textclean.py from the textclean dev set; do not edit by hand.",
           "//! Gradient-boosted regression trees (learning rate folded into the leaf values).",
           "use crate::model::Node;",
           "",
           "/// Stage 1: prior log-odds of content.",
           f"pub const BASE_SCORE: f32 = {init:.6};",
           "/// Stage 2: prior log-odds of content.",
           f"pub const BASE_SCORE2: f32 = {init2:.6};",
           "/// Content probability at or above which a line is kept (chosen by cross-validation).",
           f"pub const THRESHOLD: f32 = {threshold:.3};",
           "",
           "const fn n(feature: i16, threshold: f32, left: u16, right: u16, value: f32) -> Node {",
           "    Node { feature, threshold, left, right, value }",
           "}",
           "",
           "/// Stage 1 trees over the line features.",
           "pub const TREES: &[&[Node]] = &["] + trees + ["];", "",
           "/// Stage 2 trees over line features + context features.",
           "pub const TREES2: &[&[Node]] = &["] + trees2 + ["];"]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def page_scores(docs, keys, keep_of, truths):
    """The bench metric (mean page P and R, F1 of the means) for per-line keep decisions."""
    ps, rs = [], []
    for k in keys:
        rows = docs[k]
        out = " ".join(r["text"] for r, keep in zip(rows, keep_of[k]) if keep)
        t = shingles(WORD.findall(truths[k]))
        p = shingles(WORD.findall(out))
        tp = sum((t & p).values())
        fp = sum((p - t).values())
        fn = sum((t - p).values())
        ps.append(tp / (tp + fp) if tp + fp else 0.0)
        rs.append(tp / (tp + fn) if tp + fn else 0.0)
    P, R = float(np.mean(ps)), float(np.mean(rs))
    return 2 * P * R / (P + R) if P + R else 0.0, P, R


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("features")
    ap.add_argument("--truth-dir", required=True)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--trees1", type=int, default=150)
    ap.add_argument("--trees2", type=int, default=100)
    ap.add_argument("--depth", type=int, default=3)
    ap.add_argument("--lr", type=float, default=0.1)
    ap.add_argument("--stage1-cache", help="reuse/save stage-1 out-of-fold probabilities (.npy)")
    ap.add_argument("--oof", help="write out-of-fold probabilities (doc, block, p) here")
    ap.add_argument("--write", help="write the full-data model as Rust here")
    args = ap.parse_args()

    docs = load(args.features)
    keys = sorted(docs)
    truths = {}
    for k in keys:
        stem = os.path.basename(k).replace(".raw.txt", "")
        with open(os.path.join(args.truth_dir, stem + ".truth.txt"), encoding="utf-8") as f:
            truths[k] = f.read()
    X, y, w, doc_idx = [], [], [], []
    for di, k in enumerate(keys):
        labels, weights = label_doc(docs[k], truths[k])
        for r, lab, wt in zip(docs[k], labels, weights):
            X.append(r["f"]); y.append(lab); w.append(wt); doc_idx.append(di)
    X = np.array(X, dtype=np.float32); y = np.array(y); w = np.array(w); doc_idx = np.array(doc_idx)
    print(f"{len(keys)} pages, {len(y)} lines, {y.mean():.3f} content lines", file=sys.stderr)

    rng = np.random.RandomState(0)
    fold_of_doc = rng.permutation(len(keys)) % args.folds
    oof = np.zeros(len(y))
    args.trees = args.trees1
    if args.stage1_cache and os.path.exists(args.stage1_cache):
        oof = np.load(args.stage1_cache)
    else:
        for fold in range(args.folds):
            test = fold_of_doc[doc_idx] == fold
            m = fit(X[~test], y[~test], w[~test], args)
            oof[test] = m.predict_proba(X[test])[:, 1]
            print(f"fold {fold} done", file=sys.stderr)
        if args.stage1_cache:
            np.save(args.stage1_cache, oof)

    offsets = np.cumsum([0] + [len(docs[k]) for k in keys])
    words = np.array([r["w"] for k in keys for r in docs[k]], dtype=float)

    def report(p, label):
        best = (0, 0.5)
        for thr in [0.35, 0.4, 0.45, 0.5, 0.55, 0.6]:
            keep_of = {k: p[offsets[i]:offsets[i + 1]] >= thr for i, k in enumerate(keys)}
            f1, P, R = page_scores(docs, keys, keep_of, truths)
            print(f"CV ({label}) thr={thr:.2f}  F1={f1:.4f} P={P:.4f} R={R:.4f}")
            best = max(best, (f1, thr))
        return best

    report(oof, "stage 1 only")
    ctx = np.vstack([context_features(oof[offsets[i]:offsets[i + 1]], words[offsets[i]:offsets[i + 1]])
                     for i in range(len(keys))])
    X2 = np.hstack([X, ctx]).astype(np.float32)
    oof2 = np.zeros(len(y))
    args.trees = args.trees2
    for fold in range(args.folds):
        test = fold_of_doc[doc_idx] == fold
        m = fit(X2[~test], y[~test], w[~test], args)
        oof2[test] = m.predict_proba(X2[test])[:, 1]
        print(f"stage 2 fold {fold} done", file=sys.stderr)
    best = report(oof2, "stage 2")

    if args.oof:
        with open(args.oof, "w", encoding="utf-8") as f:
            for i, k in enumerate(keys):
                for r, p in zip(docs[k], oof2[offsets[i]:offsets[i + 1]]):
                    f.write(f"{k}\t{r['block']}\t{p:.6f}\n")
    if args.write:
        args.trees = args.trees1
        m1 = fit(X, y, w, args)
        args.trees = args.trees2
        m2 = fit(X2, y, w, args)
        export(m1, m2, X.shape[1], X2.shape[1], best[1], args.write)
        imp = sorted(zip(m2.feature_importances_, range(X2.shape[1])), reverse=True)[:15]
        print("stage 2 top features (index, importance):", [(i, round(v, 3)) for v, i in imp], file=sys.stderr)


if __name__ == "__main__":
    main()
