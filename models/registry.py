"""Configured backends, loaded once per process, with an honest status of what is really used.

Loading a seq2seq model takes seconds and hundreds of MB, and a flow asks for its backends per
article, so results are cached on the (frozen, hashable) config plus base directory. Failures
are cached as well: a model that could not load at 06:00 is not retried for every article of
the batch, and every brief of the run reports the same fallback reason.

Glossary decision: a missing or malformed glossary does NOT disable translation. A translation
without house terms is still far more useful to an editor than none, so the translator runs
without the glossary and the status reason says so (it appears in briefs and reports).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from models.base import ModelLoadError, Summarizer, Translator
from models.extractive import ExtractiveSummarizer
from models.glossary import Glossary, GlossaryError
from models.hf_loading import load_seq2seq, resolve_model_ref
from pipeline.article import BackendStatus
from pipeline.config import SummarizerConfig, TranslatorConfig

TRANSLATION_DISABLED = "translation disabled in config (translator.backend: none)"


_cache: dict[tuple[Any, ...], tuple[Any, BackendStatus]] = {}
_cache_lock = threading.Lock()  # one load per key even when tasks ask at the same time


def _cached(key: tuple[Any, ...], load: Callable[[], tuple[Any, BackendStatus]]):
    with _cache_lock:
        if key not in _cache:
            _cache[key] = load()
        return _cache[key]


def get_summarizer(
    cfg: SummarizerConfig, base_dir: Path | str | None = None
) -> tuple[Summarizer, BackendStatus]:
    """The configured summarizer, or the extractive one with the reason it had to be used."""
    base = None if base_dir is None else str(base_dir)
    return _cached(("summarizer", cfg, base), lambda: _summarizer(cfg, base))


def get_translator(
    cfg: TranslatorConfig, base_dir: Path | str = "."
) -> tuple[Translator | None, BackendStatus]:
    """The configured translator, or None with the reason translation is unavailable."""
    return _cached(("translator", cfg, str(base_dir)), lambda: _translator(cfg, str(base_dir)))


def clear_cache() -> None:
    """Forget loaded backends (tests; a long-lived server after a config change)."""
    with _cache_lock:
        _cache.clear()


def forget_failures() -> None:
    """Let the next request retry backends that could not load (a model may have arrived).

    Called once at the start of a run, before its statuses are taken, so a long-lived
    `vnbrief serve` picks up a model put in place since yesterday, while every brief of one
    run still reports the same backends.
    """
    with _cache_lock:
        for key in [k for k, (_, status) in _cache.items() if status.fell_back]:
            del _cache[key]


def _embedded(cfg: SummarizerConfig) -> tuple[Summarizer, str | None]:
    """The learned extractive summarizer, or the heuristic one (and why) if its file is unusable."""
    from models.learned_extractive import LearnedExtractiveSummarizer, ModelFileError

    try:
        return LearnedExtractiveSummarizer(key_points=cfg.key_points), None
    except ModelFileError as err:
        return ExtractiveSummarizer(sentences=cfg.sentences, key_points=cfg.key_points), str(err)


def _summarizer(cfg: SummarizerConfig, base_dir: str | None) -> tuple[Summarizer, BackendStatus]:
    if cfg.backend == "learned":
        summarizer, problem = _embedded(cfg)
        status = BackendStatus(
            role="summarizer",
            requested="learned",
            used="extractive" if problem else "learned",
            fell_back=problem is not None,
            reason=problem,
        )
        return summarizer, status
    if cfg.backend == "extractive":
        extractive = ExtractiveSummarizer(sentences=cfg.sentences, key_points=cfg.key_points)
        status = BackendStatus(
            role="summarizer", requested="extractive", used="extractive", fell_back=False
        )
        return extractive, status
    requested = f"{cfg.backend}:{cfg.model}"
    if cfg.backend not in ("seq2seq", "ctranslate2"):
        reason = f"unknown summarizer backend {cfg.backend!r}"
        return _fallback(cfg, requested, reason)
    try:
        if cfg.backend == "ctranslate2":
            from models.ct2_backend import CT2Summarizer, load_ct2

            tokenizer, generator, info = load_ct2(
                resolve_model_ref(cfg.model, base_dir), device=cfg.device, dtype=cfg.dtype
            )
            summarizer = CT2Summarizer(tokenizer, generator, info, cfg, cfg.model)
        else:
            from models.seq2seq_summarizer import Seq2SeqSummarizer

            tokenizer, model = load_seq2seq(
                resolve_model_ref(cfg.model, base_dir), cfg.device, dtype=cfg.dtype
            )
            summarizer = Seq2SeqSummarizer(tokenizer, model, cfg, cfg.model)
    except ModelLoadError as err:
        return _fallback(cfg, requested, str(err))
    status = BackendStatus(
        role="summarizer", requested=requested, used=summarizer.name, fell_back=False
    )
    return summarizer, status


def _fallback(
    cfg: SummarizerConfig, requested: str, reason: str
) -> tuple[Summarizer, BackendStatus]:
    """The embedded summarizer in place of a model that could not be used, saying why."""
    summarizer, problem = _embedded(cfg)
    if problem:
        reason = f"{reason}; {problem}"
    used = "extractive" if problem else "learned"
    status = BackendStatus(
        role="summarizer", requested=requested, used=used, fell_back=True, reason=reason
    )
    return summarizer, status


def _translator(cfg: TranslatorConfig, base_dir: str) -> tuple[Translator | None, BackendStatus]:
    if cfg.backend == "none":
        status = BackendStatus(
            role="translator",
            requested="none",
            used=None,
            fell_back=False,
            reason=TRANSLATION_DISABLED,
        )
        return None, status
    requested = f"{cfg.backend}:{cfg.model}"
    if cfg.backend not in ("seq2seq", "ctranslate2"):
        return None, _unavailable(requested, f"unknown translator backend {cfg.backend!r}")

    glossary: Glossary | None = None
    note: str | None = None
    if cfg.glossary:
        path = Path(cfg.glossary).expanduser()
        if not path.is_absolute():
            path = Path(base_dir) / path
        try:
            glossary = Glossary.from_yaml(path)
        except GlossaryError as err:
            note = f"{err}; translating without glossary"

    try:
        if cfg.backend == "ctranslate2":
            from models.ct2_backend import CT2Translator, load_ct2

            tokenizer, generator, info = load_ct2(
                resolve_model_ref(cfg.model, base_dir), device=cfg.device, dtype=cfg.dtype
            )
            translator = CT2Translator(tokenizer, generator, info, cfg, cfg.model, glossary)
        else:
            from models.seq2seq_translator import Seq2SeqTranslator

            tokenizer, model = load_seq2seq(
                resolve_model_ref(cfg.model, base_dir), cfg.device, dtype=cfg.dtype
            )
            translator = Seq2SeqTranslator(tokenizer, model, cfg, cfg.model, glossary)
    except ModelLoadError as err:
        return None, _unavailable(requested, str(err))
    status = BackendStatus(
        role="translator", requested=requested, used=translator.name, fell_back=False, reason=note
    )
    return translator, status


def _unavailable(requested: str, reason: str) -> BackendStatus:
    return BackendStatus(
        role="translator", requested=requested, used=None, fell_back=True, reason=reason
    )
