#!/usr/bin/env python3
"""Generate a long synthetic news stream (JSONL, stream order) for the scale benchmark.

Each line is {"id", "title", "url", "published", "outlet", "text"}. The stream mixes:
  * new stories (a fresh event with its own key words),
  * follow-ups (new text on a running event, reusing some of its sentences),
  * re-publications (an earlier article of the event carried by another outlet, with word
    edits, dropped or added paragraphs),
  * outlet boilerplate lines (newsletter, share, copyright) added to many articles.
Events age: most follow-ups go to recent events, so the active set stays bounded like real
news. About 2,000 articles make a day.

Seed text: with --seed-jsonl FILE (e.g. a DUC stream from ../shared, read at run time and
never copied into the repo) events start from real articles' sentences; without it, from a
built-in synthetic vocabulary, so the benchmark runs anywhere.

usage: gen_stream.py N [--seed-jsonl FILE] [--seed 1] > stream.jsonl
"""
import argparse
import datetime
import json
import random
import re
import sys

OUTLETS = ["wire-a", "daily-b", "herald-c", "post-d", "times-e", "news-f", "tribune-g", "star-h"]
BOILERPLATE = [
    "Subscribe to our newsletter for the day's top stories.",
    "Share this article on social media.",
    "Copyright {outlet}. All rights reserved.",
    "Follow {outlet} for breaking news and analysis.",
    "Click here to read more stories like this.",
    "Advertisement",
]
SYLLABLES = ["ka", "lo", "mi", "ten", "ra", "su", "vo", "del", "an", "pe", "ri", "gu", "sha",
             "mor", "ti", "ne", "bar", "qui", "zo", "el"]
FUNCTION = ["the", "of", "and", "to", "in", "a", "said", "on", "for", "that", "with", "was",
            "by", "at", "from", "officials", "after", "would", "has", "have"]


def synthetic_word(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


class Vocabulary:
    def __init__(self, rng, size=30000):
        self.words = list({synthetic_word(rng) for _ in range(size)})

    def sentence(self, rng, keys):
        n = rng.randint(12, 24)
        out = []
        for i in range(n):
            r = rng.random()
            if r < 0.35:
                out.append(rng.choice(keys))
            elif r < 0.65:
                out.append(rng.choice(FUNCTION))
            else:
                out.append(rng.choice(self.words))
        out[0] = out[0].capitalize()
        return " ".join(out) + "."


def seed_sentences(path):
    """Sentence lists of real articles (paragraph-split, then naive sentence split)."""
    docs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            try:
                text = json.loads(line).get("text") or ""
            except ValueError:
                continue
            sents = [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) > 5]
            if len(sents) >= 4:
                docs.append(sents)
    return docs


class Event:
    def __init__(self, eid, rng, vocab, seeds):
        self.id = eid
        if seeds:
            base = rng.choice(seeds)
            self.sentences = list(base)
            self.keys = [w for w in " ".join(base).split() if w[:1].isupper()][:30] or ["Event"]
        else:
            self.keys = [synthetic_word(rng).capitalize() for _ in range(8)] + \
                [synthetic_word(rng) for _ in range(22)]
            self.sentences = [vocab.sentence(rng, self.keys) for _ in range(12)]
        self.title_words = rng.sample(self.keys, min(5, len(self.keys)))
        self.articles = []  # paragraphs lists of earlier articles

    def fresh(self, rng, vocab):
        """A follow-up: some of the event's sentences plus new ones."""
        k = rng.randint(3, 6)
        old = rng.sample(self.sentences, min(len(self.sentences), k))
        new = [vocab.sentence(rng, self.keys) for _ in range(rng.randint(3, 6))]
        self.sentences.extend(new[:2])
        if len(self.sentences) > 60:
            del self.sentences[:10]
        sents = old + new
        rng.shuffle(sents)
        return [" ".join(sents[i:i + 2]) for i in range(0, len(sents), 2)]

    def republish(self, rng, vocab):
        """An earlier article with edits: words replaced, a paragraph dropped or added."""
        paras = list(rng.choice(self.articles))
        edited = []
        for p in paras:
            words = p.split()
            for _ in range(max(1, len(words) // 25)):
                i = rng.randrange(len(words))
                words[i] = rng.choice(vocab.words)
            edited.append(" ".join(words))
        if len(edited) > 2 and rng.random() < 0.4:
            del edited[rng.randrange(len(edited))]
        if rng.random() < 0.4:
            edited.append(vocab.sentence(rng, self.keys))
        return edited


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int)
    ap.add_argument("--seed-jsonl")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-day", type=int, default=2000)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    vocab = Vocabulary(rng)
    seeds = seed_sentences(a.seed_jsonl) if a.seed_jsonl else []
    events = []
    next_event = 0
    start = datetime.date(2024, 1, 1)
    out = sys.stdout
    for i in range(a.n):
        day = start + datetime.timedelta(days=i // a.per_day)
        r = rng.random()
        if not events or r < 0.25:
            ev = Event(next_event, rng, vocab, seeds)
            next_event += 1
            events.append(ev)
            if len(events) > 400:  # old events stop getting articles
                events.pop(0)
            paras = ev.fresh(rng, vocab)
        else:
            # Recent events get most of the coverage.
            ev = events[-1 - min(len(events) - 1, int(rng.expovariate(1 / 40)))]
            if ev.articles and rng.random() < 0.35:
                paras = ev.republish(rng, vocab)
            else:
                paras = ev.fresh(rng, vocab)
        ev.articles.append(paras)
        if len(ev.articles) > 8:
            ev.articles.pop(0)
        outlet = rng.choice(OUTLETS)
        body = list(paras)
        if rng.random() < 0.6:
            for b in rng.sample(BOILERPLATE, rng.randint(1, 3)):
                body.append(b.format(outlet=outlet))
        title = " ".join(rng.sample(ev.title_words, min(len(ev.title_words), 4))).capitalize()
        rec = {
            "id": f"s{a.seed}-{i}",
            "title": title,
            "url": f"https://{outlet}.example/{a.seed}/{i}",
            "published": day.isoformat(),
            "outlet": outlet,
            "text": "\n\n".join(body),
        }
        out.write(json.dumps(rec) + "\n")


if __name__ == "__main__":
    main()
