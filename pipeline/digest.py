"""Story grouping for the daily digest: which briefs report one event, which copy a wire text.

Why this design:
- Each brief is a bag of syllable uni+bigrams (most Vietnamese words are one or two syllables)
  from its headline (counted twice: the editor's own summary), summary and key points, weighted by
  TF-IDF. The document frequencies come from a fixed reference table (`digest_df.tsv`, built from
  real news by `bench/digest_build_df.py`), not from the day's briefs: a day with three briefs
  cannot estimate which words are common, and a threshold measured on a large set then means the
  same on a small day.
- Two similarities, one per level. The *topic* similarity compares whole briefs (headline,
  summary, key points): articles of one running topic (the visit, the storm) share most of their
  words and names even when they report different happenings. The *event* similarity asks what
  the article reports today: it averages the topic similarity with the similarity of the leads
  alone (headline + first summary sentence, where outlets state the happening), and cuts it when
  the two leads place the happening in different venues ("tại Phủ Chủ tịch" vs "tại Học viện
  ..."): one happening has one place. Measured on the dev part, this separates the talks from
  the speech of one visit and raises recall at the same precision (bench/digest_eval.py).
  It is also cut when the two briefs name different holders of one office and neither mentions
  the other's ("Tổng Bí thư Tô Lâm" vs "Tổng Bí thư Nguyễn Phú Trọng": another visit), and set to
  zero for reports published more than 3 days apart (digest_signals).
- Stories are the clusters of average-linkage agglomerative clustering (scikit-learn) over the
  event similarity, cut at `same_story`. Average linkage keeps one loose article from chaining
  two events together, which single linkage would do.
- Two stories are *related* (one running topic: same actors, same occasion) when the average
  topic similarity between their articles reaches `related`, a lower bar, and their names
  (`actor_similarity`) overlap: shared words of politics or markets alone link nothing.
- A *wire copy* is a member whose body's word 5-grams lie mostly inside another member's body
  (estimated from the sketch each brief carries, see digest_sketch; not the headline, which
  outlets rewrite): containment, not Jaccard, because outlets often trim the wire text.
The thresholds are measured, not guessed: `bench/digest_eval.py` picks them on labelled real
articles and reports precision/recall on a held-out part.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.preprocessing import normalize as l2_normalize

from pipeline.clean_rules import normalize
from pipeline.config import DigestConfig
from pipeline.digest_signals import MAX_EVENT_DAYS, actor_conflict, days_apart, time_anchored
from pipeline.digest_sketch import Sketch, shingles, syllables
from pipeline.digest_sketch import containment as sketch_containment
from pipeline.segment import split_sentences

DF_TABLE = Path(__file__).with_name("digest_df.tsv")
# WHY: a headline states the event in a few words; weighting it twice makes it count like the lead.
TITLE_WEIGHT = 2
# WHY 2: measured on the dev part: names counted twice lift recall at the same precision.
NAME_WEIGHT = 2
# WHY 0.3: leads naming different venues are one event only by exception (an outlet naming the
# city, another the building); measured on the dev part: 0.3 keeps recall, 0.0 loses 1.3 points.
VENUE_CONFLICT = 0.3
# WHY 0.3 (as for venues): two briefs naming different holders of one office ("Tổng Bí thư Tô
# Lâm" / "... Nguyễn Phú Trọng") report two occasions. Neutral on the dev part (the 6 dev pairs it
# fires on are all different events, already apart at any factor 0-1); on the samples it splits
# the feature on an earlier visit (event similarity 0.185) from the talks.
ACTOR_CONFLICT = 0.3
# WHY 0.05: related stories must share names (same actors/places); measured on the dev part with
# completed topic labels, at the topic bar 0.10: precision 0.70 -> 0.91 at the same recall 0.57
# (bench/digest_eval.py); 0.08 or more loses half the recall.
RELATED_ACTORS = 0.05
# WHY 2: a single capitalised word counts as a name only when at most 2 of the 326 reference
# documents have it; on the dev part this keeps the precision of runs-only names (0.91) while a
# bar of 5 or 10 lets "Syria", "Israel" through (0.75).
RARE_SINGLE_NAME_DF = 2
# WHY: the wire_copy cut was measured on body sketches (bench/wire_eval.py); a brief without a
# sketch compares a few summary sentences, where two leads paraphrasing one press release share
# half their 5-grams, so that fallback keeps the stricter cut it had before (0.7).
SUMMARY_WIRE_COPY = 0.7
# A venue: the capitalised words in the few words after "tại" (at), up to punctuation.
_VENUE_WINDOW = 6
_TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True)
class DigestItem:
    """One brief as read back from disk: all the digest needs, nothing model-specific."""

    slug: str
    title_vi: str
    summary_vi: str
    key_points: tuple[str, ...] = ()
    key_points_en: tuple[str | None, ...] = ()
    title_en: str | None = None
    summary_en: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    input_file: str | None = None
    summary_method: str | None = None  # how the brief's summary was made ("learned-extractive")
    sketch: Sketch | None = None  # of the article body (digest_sketch); None for older briefs
    title_from_lead: bool = False  # the page had no headline; the cleaner took it from the lead

    @property
    def body_text(self) -> str:
        return " ".join((self.summary_vi, *self.key_points))


@dataclass(frozen=True)
class Grouping:
    """Story label per item, wire-copy pairs (copy, original) and related story pairs."""

    labels: tuple[int, ...]
    wire_copies: Mapping[int, int] = field(default_factory=dict)  # copy index -> original index
    related: frozenset[tuple[int, int]] = frozenset()  # (label a, label b) with a < b
    similarity: np.ndarray | None = None  # topic similarity
    event_similarity: np.ndarray | None = None

    def members(self, label: int) -> list[int]:
        return [i for i, lab in enumerate(self.labels) if lab == label]


def names(text: str) -> list[str]:
    """Runs of two or more capitalised syllables ("Phnom Penh", "Võ Nguyên Giáp"): who and where.

    Events differ by their actors and places far more than by their common words, so each name
    is one extra term (counted `NAME_WEIGHT` times) on top of its syllables.
    """
    tokens = syllables(text, lower=False)
    return ["name:" + " ".join(run) for run, _ in _capitalised_runs(tokens) if len(run) >= 2]


def _capitalised_runs(tokens: Sequence[str]) -> Iterator[tuple[list[str], str]]:
    """Each run of capitalised tokens (lowercased) with the token just before it."""
    run: list[str] = []
    before = prev = ""
    for tok in [*tokens, ""]:
        if tok[:1].isupper() and tok[0].isalpha():
            if not run:
                before = prev
            run.append(tok.lower())
        else:
            if run:
                yield run, before
            run = []
        prev = tok


def _terms(text: str) -> list[str]:
    syl = syllables(text)
    bigrams = [f"{a} {b}" for a, b in zip(syl, syl[1:], strict=False)]
    return syl + bigrams + names(text) * NAME_WEIGHT


@cache
def reference_df(path: Path = DF_TABLE) -> tuple[int, dict[str, int]]:
    """(documents, term -> document frequency); terms in fewer than 2 documents are left out."""
    lines = path.read_text(encoding="utf-8").splitlines()
    n_docs = int(lines[0].split("\t")[1])
    table = {}
    for line in lines[1:]:
        term, df = line.rsplit("\t", 1)
        table[term] = int(df)
    return n_docs, table


def tfidf_matrix(
    texts: Sequence[str], df: tuple[int, Mapping[str, int]] | None = None, analyzer=_terms
):
    """L2-normalised sublinear TF-IDF rows; unseen terms count as seen once (rare = telling)."""
    n_docs, table = df or reference_df()
    counts = CountVectorizer(analyzer=analyzer).fit(texts)
    tf = counts.transform(texts).astype(float)
    tf.data = 1.0 + np.log(tf.data)
    vocab = counts.get_feature_names_out()
    idf = np.array([math.log((1 + n_docs) / (1 + table.get(t, 1))) + 1.0 for t in vocab])
    return l2_normalize(tf.multiply(idf[None, :]).tocsr(), norm="l2")


def item_texts(items: Sequence[DigestItem]) -> list[str]:
    return [" ".join([it.title_vi] * TITLE_WEIGHT + [it.body_text]) for it in items]


def _cosines(texts: Sequence[str], df=None, analyzer=_terms) -> np.ndarray:
    if not texts:
        return np.zeros((0, 0))
    try:
        matrix = tfidf_matrix(texts, df, analyzer)
    except ValueError:  # no term at all (e.g. no names): nothing in common
        return np.eye(len(texts))
    return np.asarray((matrix @ matrix.T).todense())


def similarity(items: Sequence[DigestItem], df=None) -> np.ndarray:
    """Topic similarity: whole briefs (headline twice, summary, key points)."""
    return _cosines(item_texts(items), df)


def actor_terms(text: str, table: Mapping[str, int]) -> list[str]:
    """Names (`names`) plus single capitalised words inside a sentence that are rare in the
    reference table ("bão Kalmaegi", "theo NSA"): common ones ("Mỹ", "Nga") say too little."""
    found = []
    for run, before in _capitalised_runs(_TOKEN.findall(normalize(text))):
        if len(run) >= 2:
            found.append("name:" + " ".join(run))
        elif before[:1].islower() and table.get(run[0], 1) <= RARE_SINGLE_NAME_DF:
            found.append("name:" + run[0])
    return found


def actor_similarity(items: Sequence[DigestItem], df=None) -> np.ndarray:
    """Similarity of the names alone (people, places, bodies): who and where, not what."""
    table = (df or reference_df())[1]
    return _cosines(item_texts(items), df, analyzer=lambda text: actor_terms(text, table))


def lead_text(item: DigestItem) -> str:
    """Headline and first summary sentence: where an outlet says what happened, where, when."""
    first = split_sentences(item.summary_vi)
    return " ".join([item.title_vi, first[0] if first else ""])


def hard_news(item: DigestItem) -> bool:
    """Hard news anchors the happening in time in its opening ("Sáng 1/12", "hôm nay"): the
    headline, the summary or the first key point (the summary may be the outlet's timeless
    sapo). A feature, interview or analysis does not."""
    return time_anchored(" ".join((item.title_vi, item.summary_vi, *item.key_points[:1])))


def actor_text(item: DigestItem) -> str:
    """Headline and whole summary: who acts (a feature may name its actor a sentence on)."""
    return " ".join((item.title_vi, item.summary_vi))


def venues(text: str) -> frozenset[str]:
    """Capitalised words right after "tại" ("tại Phủ Chủ tịch" -> {phủ, chủ}): where it happened."""
    tokens = _TOKEN.findall(normalize(text))
    found = set()
    for pos, tok in enumerate(tokens[:-1]):
        if tok.lower() != "tại" or not tokens[pos + 1][:1].isupper():
            continue
        for word in tokens[pos + 1 : pos + 1 + _VENUE_WINDOW]:
            if not word[0].isalnum():
                break
            if word[:1].isupper():
                found.add(word.lower())
    return frozenset(found)


def event_similarity(
    items: Sequence[DigestItem], df=None, topic: np.ndarray | None = None
) -> np.ndarray:
    """Mean of the topic and lead similarities, cut where the leads name disjoint venues or
    different holders of one office, and zero for reports published days apart."""
    if topic is None:
        topic = similarity(items, df)
    leads = [lead_text(it) for it in items]
    texts = item_texts(items)
    heads = [actor_text(it) for it in items]
    sim = (topic + _cosines(leads, df)) / 2.0
    places = [venues(text) for text in leads]
    for i, j in zip(*np.triu_indices(len(items), 1), strict=True):
        factor = 1.0
        if places[i] and places[j] and not places[i] & places[j]:
            factor *= VENUE_CONFLICT
        if actor_conflict(heads[i], heads[j], texts[i], texts[j]):
            factor *= ACTOR_CONFLICT
        gap = days_apart(items[i].published, items[j].published)
        if gap is not None and gap > MAX_EVENT_DAYS:
            factor = 0.0
        sim[i, j] *= factor
        sim[j, i] *= factor
    return sim


def cluster(sim: np.ndarray, threshold: float) -> tuple[int, ...]:
    """Average-linkage clusters whose mean pairwise similarity is at least `threshold`."""
    n = sim.shape[0]
    if n < 2:
        return tuple(range(n))
    model = AgglomerativeClustering(
        n_clusters=None,
        metric="precomputed",
        linkage="average",
        distance_threshold=1.0 - threshold + 1e-9,
    )
    raw = model.fit_predict(np.clip(1.0 - sim, 0.0, 2.0))
    # Renumber in order of first appearance so labels are stable for the same input order.
    order: dict[int, int] = {}
    return tuple(order.setdefault(int(lab), len(order)) for lab in raw)


def containment(a: frozenset, b: frozenset) -> float:
    """Share of the smaller set inside the other: a trimmed copy is still a copy."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def wire_copies(
    items: Sequence[DigestItem], labels: Sequence[int], threshold: float
) -> dict[int, int]:
    """Copy index -> original index, within a story: the earlier member it lies most inside.

    Bodies are compared through their sketches; a brief without one (written before sketches)
    falls back to its own summary and key points, held to at least `SUMMARY_WIRE_COPY`."""
    sets = [shingles(it.body_text) for it in items]

    def contained(i: int, j: int) -> float:
        a, b = items[i].sketch, items[j].sketch
        if a is not None and b is not None:
            return sketch_containment(a, b)
        share = containment(sets[i], sets[j])
        return share if share >= SUMMARY_WIRE_COPY else 0.0

    copies: dict[int, int] = {}
    by_story: dict[int, list[int]] = {}
    for i, lab in enumerate(labels):
        by_story.setdefault(lab, []).append(i)
    for members in by_story.values():
        ordered = sorted(members, key=lambda i: (items[i].published or "~", items[i].slug))
        for pos, i in enumerate(ordered):
            # The earlier member it lies most inside (itself a copy or not), not the first above
            # the cut: with a loose cut a copy also half-overlaps other reports of one press text.
            shares = [(contained(i, j), j) for j in ordered[:pos]]
            best = max(shares, key=lambda x: x[0], default=(0.0, -1))
            if best[0] >= threshold:
                copies[i] = best[1]
    return copies


def related_stories(
    sim: np.ndarray,
    labels: Sequence[int],
    threshold: float,
    actors: np.ndarray | None = None,
) -> frozenset[tuple[int, int]]:
    """Story pairs of one running topic: their articles are, on average, similar enough in topic
    (`threshold`) and, when `actors` is given, share enough names (`RELATED_ACTORS`): the same
    people and places, not just the vocabulary of politics or markets."""
    groups = Counter(labels)
    index = {lab: [i for i, x in enumerate(labels) if x == lab] for lab in groups}
    pairs = set()
    stories = sorted(index)
    for pos, a in enumerate(stories):
        for b in stories[pos + 1 :]:
            block = np.ix_(index[a], index[b])
            if sim[block].mean() < threshold:
                continue
            if actors is not None and actors[block].mean() < RELATED_ACTORS:
                continue
            pairs.add((a, b))
    return frozenset(pairs)


def group(items: Sequence[DigestItem], settings: DigestConfig | None = None, df=None) -> Grouping:
    """Stories, wire copies and related stories of one day's briefs."""
    settings = settings or DigestConfig()
    sim = similarity(items, df)
    event = event_similarity(items, df, sim)
    labels = cluster(event, settings.same_story)
    return Grouping(
        labels=labels,
        wire_copies=wire_copies(items, labels, settings.wire_copy),
        related=related_stories(sim, labels, settings.related, actor_similarity(items, df)),
        similarity=sim,
        event_similarity=event,
    )
