"""The embedded summarizer that learned from real sapos: sentence features + boosted trees.

Why: on Vietnamese news the editor's sapo is the reference summary, and hand-set weights
(models/extractive.py) do not beat the first sentence on ROUGE-L. Here each sentence gets the
same cheap features the heuristic uses (position, length, centrality, title overlap, openers,
quotes, numbers) and a gradient-boosted regressor, trained on articles whose sapo was removed,
predicts how much of the sapo the sentence alone would recover (its ROUGE against the sapo: a
soft oracle label). Sentences are then taken best first, skipping near-duplicates, until the
summary reaches the typical sapo length in syllables (learned from the training split), so the
summary is whole sentences of about the length editors write. Key points come next in the
same ranking, never repeating the summary or each other.

The model is a small JSON file (trees as arrays: no pickle, no downloaded weights) read with
the standard library, so it loads offline and fast. Train it with
`vnbrief models train-extractive --train TRAIN.jsonl` (scikit-learn is needed only then).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from models.extractive import (
    _QUOTED,
    _article_sentences,
    _cosine,
    _duplicate,
    _eligible,
    _features,
    _mmr,
    _Sentence,
    _tfidf,
    centrality,
    opens_anaphorically,
)
from pipeline.article import CleanArticle, Summary
from pipeline.stopwords import STOPWORDS

MODEL_PATH = Path(__file__).resolve().parent / "data" / "learned_extractive.json"
FORMAT = "vnbrief-learned-extractive/2"
# Feature order is part of the model file's contract (checked when loading). No paragraph
# features: the training sources lost the paragraphs (VietNews keeps one sentence a line, KTLAB
# one line a body), so such features would learn an artefact that real inputs do not have.
FEATURES = (
    "rank",
    "rel_pos",
    "n_candidates",
    "syllables",
    "centrality",
    "centrality_rel",
    "title_sim",
    "title_sim_rel",
    "has_number",
    "anaphoric",
    "quoted_share",
    "question",
    "stop_share",
    "caps_share",
)
# WHY: the sentence-level label mixes unigram recall of content and bigram phrasing, as the
# summary metric does.
LABEL_WEIGHTS = {"rouge1": 0.4, "rouge2": 0.3, "rougeL": 0.3}
# WHY 0.5 (the summary uses no MMR weight, only the duplicate filter): on dev, key-point
# redundancy (max pairwise ROUGE-2) fell from 18.2 at 0.75 to 16.7, with bullets still taken
# from the best-ranked sentences.
KEY_POINT_MMR_LAMBDA = 0.5


class ModelFileError(RuntimeError):
    """The model file is missing or not one this code can read; the message says which."""


@dataclass(frozen=True)
class _Tree:
    feature: tuple[int, ...]
    threshold: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    value: tuple[float, ...]
    leaf: tuple[bool, ...]

    def predict(self, x: Sequence[float]) -> float:
        node = 0
        while not self.leaf[node]:
            node = (
                self.left[node]
                if x[self.feature[node]] <= self.threshold[node]
                else self.right[node]
            )
        return self.value[node]


@dataclass(frozen=True)
class LearnedModel:
    baseline: float
    trees: tuple[_Tree, ...]
    target_syllables: int
    meta: dict

    def score(self, x: Sequence[float]) -> float:
        return self.baseline + sum(t.predict(x) for t in self.trees)

    @classmethod
    def load(cls, path: str | Path | None = None) -> LearnedModel:
        path = MODEL_PATH if path is None else path
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise ModelFileError(f"cannot read learned summarizer model {path}: {err}") from err
        if data.get("format") != FORMAT or tuple(data.get("features", ())) != FEATURES:
            raise ModelFileError(f"{path} is not a {FORMAT} model with this code's features")
        trees = tuple(
            _Tree(
                tuple(t["feature"]),
                tuple(t["threshold"]),
                tuple(t["left"]),
                tuple(t["right"]),
                tuple(t["value"]),
                tuple(bool(v) for v in t["leaf"]),
            )
            for t in data["trees"]
        )
        return cls(data["baseline"], trees, int(data["target_syllables"]), data.get("meta", {}))


def sentence_features(article: CleanArticle) -> tuple[list[_Sentence], list[list[float]], list]:
    """Eligible sentences of the article, their feature rows, and their TF-IDF vectors."""
    all_sentences = _article_sentences(article)
    cands = [s for s in all_sentences if _eligible(s)] or all_sentences
    if not cands:
        return [], [], []
    *vecs, title_vec = _tfidf([s.features for s in cands], _features(article.title))
    central = centrality(vecs)
    titled = [_cosine(v, title_vec) for v in vecs]
    max_c, max_t = max(central) or 1.0, max(titled) or 1.0
    n = len(cands)
    rows = []
    for i, s in enumerate(cands):
        words = s.text.split()
        syl = max(1, s.syllables)
        rows.append(
            [
                float(i),
                i / n,
                float(n),
                float(s.syllables),
                central[i],
                central[i] / max_c,
                titled[i],
                titled[i] / max_t,
                float(s.has_number),
                float(opens_anaphorically(s.text)),
                sum(len(q) for q in _QUOTED.findall(s.text)) / max(1, len(s.text)),
                float(s.text.rstrip("”’\"'»)] ").endswith("?")),
                sum(w.lower() in STOPWORDS for w in words) / syl,
                sum(w[:1].isupper() for w in words[1:]) / syl,
            ]
        )
    return cands, rows, vecs


class LearnedExtractiveSummarizer:
    """Best-scored whole sentences up to the typical sapo length; distinct key points after."""

    name = "learned"

    def __init__(
        self, model: LearnedModel | None = None, key_points: int = 4, length_scale: float = 1.0
    ) -> None:
        if key_points < 0:
            raise ValueError(f"key_points must not be negative, got {key_points}")
        self.model = model or LearnedModel.load()
        self.key_points = key_points
        self.budget = max(1, round(self.model.target_syllables * length_scale))

    def summarize_batch(self, articles: Sequence[CleanArticle]) -> list[Summary]:
        return [self.summarize(article) for article in articles]

    def summarize(self, article: CleanArticle) -> Summary:
        cands, rows, vecs = sentence_features(article)
        if not cands:
            raise ValueError(
                f"cannot summarize an article with no body text (title: {article.title!r})"
            )
        scores = [self.model.score(r) for r in rows]
        order = sorted(range(len(cands)), key=lambda i: (-scores[i], i))
        summary: list[int] = []
        length = 0
        for i in order:
            if length >= self.budget:
                break
            if any(_duplicate(cands[i], cands[j], _cosine(vecs[i], vecs[j])) for j in summary):
                continue
            grown = length + cands[i].syllables
            # whole sentences only: add one if that ends nearer the budget than stopping here
            if summary and abs(grown - self.budget) > abs(length - self.budget):
                break
            summary.append(i)
            length = grown
        # key points: the same ranking, with Maximal Marginal Relevance against the summary and
        # each other, so bullets add facts instead of restating the lead
        floor = min(scores)
        shifted = [v - floor + 1e-6 for v in scores]
        points = _mmr(cands, vecs, shifted, self.key_points, summary, KEY_POINT_MMR_LAMBDA)
        return Summary(
            text=" ".join(cands[i].text for i in sorted(summary)),
            key_points=tuple(cands[i].text for i in sorted(points)),
            method="learned-extractive",
        )


def sentence_labels(cands: Sequence[_Sentence], reference: str) -> list[float]:
    """Soft oracle label per sentence: weighted ROUGE F1 of the sentence alone vs the sapo."""
    from pipeline.metrics import rouge_per_item

    scores = rouge_per_item([s.text for s in cands], [reference] * len(cands))
    return [sum(w * sc[k] for k, w in LABEL_WEIGHTS.items()) / 100.0 for sc in scores]


def train(
    records: Iterable[dict],
    out: str | Path = MODEL_PATH,
    max_iter: int = 120,
    max_leaf_nodes: int = 15,
    seed: int = 0,
) -> dict:
    """Fit the regressor on (text, summary[, title]) records and write the JSON model file."""
    import statistics

    from sklearn.ensemble import HistGradientBoostingRegressor

    from pipeline.metrics import syllables
    from pipeline.segment import split_paragraphs

    X: list[list[float]] = []
    y: list[float] = []
    ref_lengths: list[int] = []
    n_articles = 0
    for rec in records:
        article = CleanArticle(rec.get("title", ""), tuple(split_paragraphs(rec["text"])))
        cands, rows, _ = sentence_features(article)
        if not cands:
            continue
        n_articles += 1
        X.extend(rows)
        y.extend(sentence_labels(cands, rec["summary"]))
        ref_lengths.append(len(syllables(rec["summary"])))
    if not X:
        raise ValueError("no training sentences")
    model = HistGradientBoostingRegressor(
        max_iter=max_iter, max_leaf_nodes=max_leaf_nodes, learning_rate=0.1, random_state=seed
    )
    model.fit(X, y)
    trees = []
    for (predictor,) in model._predictors:
        nodes = predictor.nodes
        trees.append(
            {
                "feature": [int(v) for v in nodes["feature_idx"]],
                "threshold": [float(v) for v in nodes["num_threshold"]],
                "left": [int(v) for v in nodes["left"]],
                "right": [int(v) for v in nodes["right"]],
                "value": [float(v) for v in nodes["value"]],
                "leaf": [int(v) for v in nodes["is_leaf"]],
            }
        )
    data = {
        "format": FORMAT,
        "features": list(FEATURES),
        "baseline": float(model._baseline_prediction[0][0]),
        "target_syllables": int(statistics.median(ref_lengths)),
        "trees": trees,
        "meta": {
            "articles": n_articles,
            "sentences": len(X),
            "label": LABEL_WEIGHTS,
            "max_iter": max_iter,
            "max_leaf_nodes": max_leaf_nodes,
            "sklearn": __import__("sklearn").__version__,
        },
    }
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    # the exported trees must reproduce scikit-learn's predictions
    loaded = LearnedModel.load(out)
    worst = max(
        abs(loaded.score(x) - p) for x, p in zip(X[:2000], model.predict(X[:2000]), strict=True)
    )
    if worst > 1e-4:
        raise RuntimeError(f"exported model disagrees with scikit-learn by {worst}")
    return data["meta"] | {
        "target_syllables": data["target_syllables"],
        "bytes": out.stat().st_size,
    }
