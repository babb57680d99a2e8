"""The learned extractive summarizer: packaged model, whole verbatim sentences, sapo-sized
summaries, distinct key points, and a training run that reproduces its file exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.baselines import real_sentences
from models.learned_extractive import (
    FEATURES,
    LearnedExtractiveSummarizer,
    LearnedModel,
    ModelFileError,
    sentence_features,
    train,
)
from pipeline.clean import clean_text
from pipeline.metrics import redundancy, syllables

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))


@pytest.fixture(scope="module")
def articles():
    return [clean_text(p.read_text(encoding="utf-8")) for p in SAMPLES]


def test_packaged_model_loads_offline_and_is_small():
    model = LearnedModel.load()
    assert model.trees and 15 <= model.target_syllables <= 80
    assert (ROOT / "models" / "data" / "learned_extractive.json").stat().st_size < 400_000


def test_summaries_are_whole_article_sentences_in_order_near_sapo_length(articles):
    summarizer = LearnedExtractiveSummarizer(key_points=4)
    for article in articles:
        sents = real_sentences(article)
        summary = summarizer.summarize(article)
        picked = [s for s in sents if s in summary.text]
        assert " ".join(picked) == summary.text  # verbatim, whole, in article order
        length = len(syllables(summary.text))
        longest = max(len(syllables(s)) for s in picked)
        assert length <= summarizer.budget + longest
        # key points: article sentences, none in the summary, no two near-identical
        assert len(summary.key_points) == 4
        assert all(p in sents and p not in picked for p in summary.key_points)
        assert redundancy([summary.text, *summary.key_points]) < 60


def test_no_body_is_an_error_not_an_empty_summary():
    from pipeline.article import CleanArticle

    with pytest.raises(ValueError, match="no body text"):
        LearnedExtractiveSummarizer().summarize(CleanArticle("Tiêu đề", ()))


def test_feature_rows_match_the_declared_features(articles):
    cands, rows, vecs = sentence_features(articles[0])
    assert len(cands) == len(rows) == len(vecs) > 5
    assert all(len(r) == len(FEATURES) for r in rows)


def test_unreadable_or_foreign_model_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "m.json"
    bad.write_text(json.dumps({"format": "other"}), encoding="utf-8")
    with pytest.raises(ModelFileError, match="is not a"):
        LearnedModel.load(bad)
    with pytest.raises(ModelFileError, match="cannot read"):
        LearnedModel.load(tmp_path / "missing.json")


def test_training_is_reproducible_and_exported_trees_match(articles, tmp_path):
    # labels by construction: each sample's first real sentence is its "sapo", removed from text
    records = []
    for article in articles:
        sents = real_sentences(article)
        body = [p for p in article.paragraphs if sents[0] not in p]
        records.append({"title": article.title, "text": "\n\n".join(body), "summary": sents[0]})
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    meta = train(records, first, max_iter=5, max_leaf_nodes=4)  # checks export == sklearn
    train(records, second, max_iter=5, max_leaf_nodes=4)
    assert first.read_bytes() == second.read_bytes()
    assert meta["articles"] == len(records) and meta["sentences"] > 30
    model = LearnedModel.load(first)
    summary = LearnedExtractiveSummarizer(model).summarize(articles[0])
    assert summary.text
