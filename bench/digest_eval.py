"""Story grouping on labelled real articles: pairwise precision/recall, dev sweep, held-out test.

Data: VMDS (real Baomoi clusters; see bench/digest_labels/README.md), rebuilt by
`bench/digest_data.py`. Each article goes through the same steps as a brief (the embedded extractive
summarizer gives its summary and key points), then pipeline.digest groups one split at a time as if
it were one (very busy) day: 300 articles from ~95 events, far more distractors than a real day.

Pairs (i, j) of articles of one split are scored:
- same story: gold = same `event`; predicted = same cluster (of the event similarity).
- related: among pairs of different gold events, gold = same `topic`; predicted = their clusters
  are linked as related by topic similarity (pairs already in one predicted story are not
  counted here).
- wire copy: gold = `wire_pairs.tsv`; predicted = one is marked a copy of the other.
Thresholds are chosen on `dev` per-day pools (same story: the best recall at precision >= 0.9;
related and wire copy: the best F1) and reported on `test`, per day and as one pool per split.

    .venv/bin/python bench/digest_eval.py            # sweep on dev, report test at the defaults
"""

from __future__ import annotations

import itertools
import json
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the project, not bench/models.py, provides `models`

from models.extractive import ExtractiveSummarizer  # noqa: E402
from pipeline.article import CleanArticle  # noqa: E402
from pipeline.config import DigestConfig  # noqa: E402
from pipeline.digest import (  # noqa: E402
    DigestItem,
    actor_similarity,
    cluster,
    event_similarity,
    related_stories,
    similarity,
    wire_copies,
)
from pipeline.digest_sketch import body_sketch  # noqa: E402
from pipeline.segment import split_paragraphs  # noqa: E402

LABELS = Path(__file__).with_name("digest_labels")
DATA = Path("/work/data/11/vmds_articles.jsonl")
SAME_GRID = [round(0.10 + 0.01 * k, 2) for k in range(31)]
MIN_PRECISION = 0.9  # same story: a false merge hides a story, a missed one only repeats it
RELATED_GRID = [round(0.04 + 0.02 * k, 2) for k in range(10)]
WIRE_GRID = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]


def signature() -> str:
    """What the numbers depend on, so a reader can tell whether they can reproduce them."""
    import hashlib

    import sklearn

    from pipeline.digest import DF_TABLE

    def sha(path: Path) -> str:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:12]

    return (
        f"data {DATA.name} sha256:{sha(DATA)} | labels sha256:{sha(LABELS / 'articles.tsv')}"
        f"+{sha(LABELS / 'wire_pairs.tsv')} | df table sha256:{sha(DF_TABLE)} | "
        f"scikit-learn {sklearn.__version__} | NFC, syllables, brief = extractive 3 + 4 points\n"
    )


def load_labels() -> dict[str, dict[str, str]]:
    rows = {}
    for line in (LABELS / "articles.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        doc_id, cluster_id, event, topic, split, outlet, published = line.split("\t")
        rows[doc_id] = {"event": event, "topic": topic, "split": split, "outlet": outlet}
    return rows


def load_wire_pairs() -> set[frozenset[str]]:
    pairs = set()
    for line in (LABELS / "wire_pairs.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        a, b, _ = line.split("\t", 2)
        pairs.add(frozenset((a, b)))
    return pairs


def brief_items(docs: list[dict]) -> list[DigestItem]:
    """What a brief of each article would hold: headline, extractive summary and key points."""
    summarizer = ExtractiveSummarizer(sentences=3, key_points=4)
    items = []
    for doc in docs:
        article = CleanArticle(
            title=doc["title"],
            paragraphs=tuple(split_paragraphs(doc["body"])),
            outlet=doc["outlet"],
        )
        summary = summarizer.summarize(article)
        items.append(
            DigestItem(
                slug=doc["doc_id"],
                title_vi=doc["title"],
                summary_vi=summary.text,
                key_points=summary.key_points,
                outlet=doc["outlet"],
                published=doc["published"],
                sketch=body_sketch(article.body),  # as render_brief stores it
            )
        )
    return items


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def count_same(labels, gold) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for i, j in itertools.combinations(range(len(gold)), 2):
        g, p = gold[i]["event"] == gold[j]["event"], labels[i] == labels[j]
        tp += g and p
        fp += p and not g
        fn += g and not p
    return tp, fp, fn


def count_related(labels, related, gold) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for i, j in itertools.combinations(range(len(gold)), 2):
        if gold[i]["event"] == gold[j]["event"] or labels[i] == labels[j]:
            continue
        g = bool(gold[i]["topic"]) and gold[i]["topic"] == gold[j]["topic"]
        p = (min(labels[i], labels[j]), max(labels[i], labels[j])) in related
        tp += g and p
        fp += p and not g
        fn += g and not p
    return tp, fp, fn


def count_wire(items, copies, wire_gold) -> tuple[int, int, int]:
    ids = [it.slug for it in items]
    predicted = {frozenset((ids[c], ids[o])) for c, o in copies.items()}
    gold = {p for p in wire_gold if p <= set(ids)}
    tp = len(predicted & gold)
    return tp, len(predicted - gold), len(gold - predicted)


class Pool:
    """Articles grouped together: one publication day (as the digest runs) or a whole split."""

    def __init__(self, items, gold):
        self.items, self.gold = items, gold
        self.sim = similarity(items)  # topic: related stories
        self.event_sim = event_similarity(items, topic=self.sim)  # event: same story
        self.actors = actor_similarity(items)  # names shared: related stories


def evaluate(pools, settings, wire_gold) -> dict[str, tuple[int, int, int]]:
    totals = {"same story": [0, 0, 0], "related": [0, 0, 0], "wire copy": [0, 0, 0]}
    for pool in pools:
        lab = cluster(pool.event_sim, settings.same_story)
        counts = {
            "same story": count_same(lab, pool.gold),
            "related": count_related(
                lab, related_stories(pool.sim, lab, settings.related, pool.actors), pool.gold
            ),
            "wire copy": count_wire(
                pool.items, wire_copies(pool.items, lab, settings.wire_copy), wire_gold
            ),
        }
        for name, c in counts.items():
            totals[name] = [a + b for a, b in zip(totals[name], c, strict=True)]
    return {k: tuple(v) for k, v in totals.items()}


def row(label: str, counts: tuple[int, int, int]) -> str:
    p, r, f = prf(*counts)
    return f"| {label} | {p:.3f} | {r:.3f} | {f:.3f} | {counts[0] + counts[2]} |"


def best(rows, min_precision: float | None = None):
    """Dev choice: with `min_precision`, the best recall among thresholds reaching it; otherwise
    (or if none does) the best F1. Ties go to the higher precision, then the lower threshold."""
    ok = [r for r in rows if min_precision is not None and r[1] >= min_precision]
    if ok:
        return max(ok, key=lambda r: (round(r[2], 4), round(r[1], 4), -r[0]))
    return max(rows, key=lambda r: (round(r[3], 4), round(r[1], 4), -r[0]))


def by_day(items, gold) -> list[Pool]:
    days: dict[str, list[int]] = {}
    for i, it in enumerate(items):
        days.setdefault((it.published or "?")[:10], []).append(i)
    return [Pool([items[i] for i in ix], [gold[i] for i in ix]) for ix in days.values()]


def sweep(name, grid, field_name, pools, settings, wire_gold, min_precision=None):
    print(
        f"\n{name} (dev sweep, per-day pools)\n| threshold | precision | recall | F1 | gold pairs |"
    )
    print("|---|---|---|---|---|")
    rows = []
    for t in grid:
        counts = evaluate(pools, replace(settings, **{field_name: t}), wire_gold)[name]
        rows.append((t, *prf(*counts)))
        print(row(f"{t:.2f}", counts))
    return replace(settings, **{field_name: best(rows, min_precision)[0]})


def main() -> None:
    labels = load_labels()
    wire_gold = load_wire_pairs()
    docs = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    docs = [d for d in docs if d["doc_id"] in labels]
    defaults = DigestConfig()
    print(signature())
    days, whole = {}, {}
    for split in ("dev", "test"):
        part = [d for d in docs if labels[d["doc_id"]]["split"] == split]
        items = brief_items(part)
        gold = [labels[d["doc_id"]] for d in part]
        days[split], whole[split] = by_day(items, gold), [Pool(items, gold)]
        n_events = len({g["event"] for g in gold})
        sizes = sorted(len(p.items) for p in days[split])
        print(
            f"{split}: {len(items)} articles, {n_events} events, {len(sizes)} days "
            f"(articles per day: median {sizes[len(sizes) // 2]}, max {sizes[-1]})"
        )

    chosen = sweep(
        "same story", SAME_GRID, "same_story", days["dev"], defaults, wire_gold, MIN_PRECISION
    )
    chosen = sweep("related", RELATED_GRID, "related", days["dev"], chosen, wire_gold)
    chosen = sweep("wire copy", WIRE_GRID, "wire_copy", days["dev"], chosen, wire_gold)
    print(f"\ndev choice: {chosen}\ndefaults:   {defaults}")
    if chosen != defaults:
        print("NOTE: the defaults (pipeline/config.py DigestConfig) differ from the dev choice")

    print("\nresults at the defaults (dev = tuned on, test = held out)")
    print("| split, pools | relation | precision | recall | F1 | gold pairs |")
    print("|---|---|---|---|---|---|")
    for split in ("dev", "test"):
        for pools_name, pools in (("per day", days[split]), ("whole split", whole[split])):
            for name, counts in evaluate(pools, defaults, wire_gold).items():
                print(row(f"{split}, {pools_name} | {name}", counts))


if __name__ == "__main__":
    sys.exit(main())
