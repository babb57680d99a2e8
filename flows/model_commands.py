"""`vnbrief models list|pull`: where each configured model loads from, and fetching them."""

from __future__ import annotations

import sys
from pathlib import Path

from models.base import ModelLoadError
from models.hf_loading import locate_model, pull_model, resolve_model_ref
from pipeline.config import Config


def configured_models(cfg: Config) -> list[tuple[str, str]]:
    """(role, resolved model ref) for every role that uses transformers weights."""
    base = Path(cfg.base_dir)
    models = []
    if cfg.summarizer.backend == "seq2seq":
        models.append(("summarizer", resolve_model_ref(cfg.summarizer.model, base)))
    if cfg.translator.backend == "seq2seq":
        models.append(("translator", resolve_model_ref(cfg.translator.model, base)))
    return models


def models_list(cfg: Config) -> int:
    print(f"{'role':11} {'model':45} {'loads from':24} available")
    print(f"{'summarizer':11} {'learned (embedded, models/data)':45} {'built in':24} yes")
    any_missing = False
    for role, ref in configured_models(cfg):
        where, available = locate_model(ref)
        any_missing = any_missing or not available
        print(f"{role:11} {ref:45} {where:24} {'yes' if available else 'NO'}")
    if cfg.translator.backend == "none":
        print(f"{'translator':11} {'none (translator.backend: none)':45} {'-':24} -")
    if any_missing:
        print(
            "\nUnavailable models are replaced at run time (summarizer -> learned; translator "
            "-> briefs say English is unavailable). Fetch them with `vnbrief models pull`."
        )
    return 0


def models_pull(cfg: Config) -> int:
    failures = 0
    models = configured_models(cfg)
    for role, ref in models:
        print(f"{role}: pulling {ref} ...", flush=True)
        try:
            print(f"{role}: ready at {pull_model(ref)}")
        except ModelLoadError as err:
            failures += 1
            print(f"vnbrief: error: {role}: {err}", file=sys.stderr)
    if not models:
        print("no transformers models configured (both backends are embedded or disabled)")
    return 1 if failures else 0


def train_extractive(train_path: str, out: str | None) -> int:
    """Fit the learned extractive summarizer on JSONL (text, summary, title) and save it."""
    import json

    from models.learned_extractive import MODEL_PATH, train

    with open(train_path, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    meta = train(records, out or MODEL_PATH)
    print(f"trained on {meta['articles']} articles ({meta['sentences']} sentences); "
          f"summary length {meta['target_syllables']} syllables; {meta['bytes']} bytes "
          f"-> {out or MODEL_PATH}")
    return 0
