"""The flow's chunk tasks, called as plain functions: batching across articles changes no output,
and one bad article in a chunk fails alone. Tiny real models from tests/tiny_models.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.brief_flow import Work, clean_chunk, ingest_chunk, summarize_chunk, translate_chunk
from models.registry import clear_cache
from pipeline.article import CleanArticle
from pipeline.config import config_from_dict
from pipeline.report import FAILED, SKIPPED

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted(str(p) for p in (ROOT / "samples").glob("*.txt"))
GENERATION = {"max_new_tokens": 8, "num_beams": 2, "no_repeat_ngram_size": 2}


@pytest.fixture(autouse=True)
def fresh_models():
    clear_cache()
    yield
    clear_cache()


def _cleaned(paths: list[str]) -> list[Work]:
    return clean_chunk.fn(ingest_chunk.fn(paths, max_bytes=1 << 20))


def test_bad_inputs_fail_alone_inside_a_chunk(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    english = tmp_path / "english.txt"
    english.write_text("Vietnam and Laos agree to deepen ties\n\nThe two leaders met.\n", "utf-8")
    paths = [SAMPLES[0], str(empty), str(english), SAMPLES[1]]
    cfg = config_from_dict(
        {"summarizer": {"backend": "extractive"}, "translator": {"backend": "none"}}, ROOT
    )
    works = summarize_chunk.fn(_cleaned(paths), cfg)
    assert [w.path for w in works] == paths  # order kept
    assert works[1].outcome.status == FAILED and "empty file" in works[1].outcome.detail
    assert works[2].outcome.status == SKIPPED and "not Vietnamese" in works[2].outcome.detail
    assert works[0].summary and works[3].summary and not works[0].outcome


def test_an_article_that_spoils_the_batch_is_isolated() -> None:
    """The batched call raises; the chunk is redone one by one and only that article fails."""
    cfg = config_from_dict(
        {"summarizer": {"backend": "extractive"}, "translator": {"backend": "none"}}, ROOT
    )
    works = _cleaned(SAMPLES[:2])
    no_body = Work("no-body.txt", article=CleanArticle(title="Tiêu đề", paragraphs=()))
    out = summarize_chunk.fn([works[0], no_body, works[1]], cfg)
    assert out[1].outcome.status == FAILED
    assert out[1].outcome.detail.startswith("summarized: ValueError: cannot summarize")
    assert out[0].summary and out[2].summary


@pytest.mark.slow
def test_chunk_translation_and_summaries_match_one_article_at_a_time(
    tiny_t5_dir: Path, tiny_marian_dir: Path
) -> None:
    cfg = config_from_dict(
        {
            "summarizer": {
                "backend": "seq2seq",
                "model": str(tiny_t5_dir),
                "max_input_tokens": 48,
                "long_articles": "chunk",  # many chunks per article, batched across articles
                **GENERATION,
            },
            "translator": {
                "backend": "seq2seq",
                "model": str(tiny_marian_dir),
                "batch_size": 4,
                **GENERATION,
            },
        },
        ROOT,
    )
    works = _cleaned(SAMPLES)
    together = translate_chunk.fn(summarize_chunk.fn(works, cfg), cfg)
    alone = [translate_chunk.fn(summarize_chunk.fn([w], cfg), cfg)[0] for w in works]
    assert [w.summary for w in together] == [w.summary for w in alone]
    assert [w.english for w in together] == [w.english for w in alone]
    assert all(w.english.title and w.english.summary for w in together)
    assert not any(w.outcome for w in together)
    # Outputs depend on the input, or the comparison above would prove nothing.
    assert len({w.english.summary for w in together}) == len(works)


def test_a_worker_whose_model_fell_back_fails_its_articles_instead_of_mislabelling() -> None:
    """On a Dask worker models load again; a fallback there must not produce briefs that claim
    the model the run reported."""
    cfg = config_from_dict(
        {"summarizer": {"backend": "extractive"}, "translator": {"backend": "none"}}, ROOT
    )
    works = summarize_chunk.fn(_cleaned(SAMPLES[:2]), cfg, expected="seq2seq:some/model")
    assert all(w.outcome.status == FAILED for w in works)
    assert (
        "summarizer on this worker is extractive, not seq2seq:some/model" in works[0].outcome.detail
    )
    assert all(w.summary for w in summarize_chunk.fn(_cleaned(SAMPLES[:2]), cfg, "extractive"))


def test_runner_settings_are_validated_and_never_change_the_fingerprint() -> None:
    from pipeline.config import ConfigError

    with pytest.raises(ConfigError, match="runner.task_runner' must be 'threads' or 'dask'"):
        config_from_dict({"runner": {"task_runner": "ray"}})
    with pytest.raises(ConfigError, match="runner.chunk_size' must be at least 1"):
        config_from_dict({"runner": {"chunk_size": 0}})
    dask = config_from_dict({"runner": {"task_runner": "dask", "address": "tcp://h:8786"}})
    assert dask.fingerprint() == config_from_dict({}).fingerprint()


def test_dask_chunks_give_every_worker_a_share_threads_keep_the_configured_size() -> None:
    from flows.brief_flow import chunk_size_for
    from pipeline.config import RunnerConfig

    threads = RunnerConfig(chunk_size=250)
    assert [chunk_size_for(threads, n) for n in (3, 300, 1000)] == [250, 250, 250]
    dask = RunnerConfig(task_runner="dask", workers=2, chunk_size=250)
    assert [chunk_size_for(dask, n) for n in (0, 3, 300, 1000)] == [250, 2, 150, 250]
