"""`vnbrief models list|pull`: where each configured model loads from, and fetching them."""

from __future__ import annotations

import sys
from pathlib import Path

from models.base import ModelLoadError
from models.hf_loading import is_local_ref, locate_model, pull_model, resolve_model_ref
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


def _local_dir(ref: str) -> Path:
    """The directory holding a configured model's files: the local dir, or its HF cache copy."""
    if is_local_ref(ref):
        path = Path(ref).expanduser()
        if not path.is_dir():
            raise ModelLoadError(f"model directory {path} does not exist")
        return path
    try:
        from huggingface_hub import snapshot_download

        return Path(snapshot_download(repo_id=ref, local_files_only=True))
    except Exception as exc:
        raise ModelLoadError(
            f"'{ref}' is not in the local Hugging Face cache: run `vnbrief models pull` first"
        ) from exc


def models_convert(
    cfg: Config, role: str | None, out: str | None, quantization: str, english_vmap: bool = False
) -> int:
    """Convert the configured transformers model(s) to CTranslate2 directories (int8 default)."""
    from models.ct2_backend import convert

    models = [(r, ref) for r, ref in configured_models(cfg) if role in (None, r)]
    if not models:
        print("no transformers (backend: seq2seq) model configured for that role; nothing to do")
        return 1
    if out and len(models) > 1:
        print("vnbrief: error: --out needs --role (one model per folder)", file=sys.stderr)
        return 2
    failures = 0
    for model_role, ref in models:
        target = (
            Path(out)
            if out
            else Path(cfg.base_dir) / "models" / (f"{Path(ref).name}-ct2-{quantization}")
        )
        print(f"{model_role}: converting {ref} to CTranslate2 ({quantization}) ...", flush=True)
        try:
            vmap = english_vmap and model_role == "translator"
            path = convert(_local_dir(ref), target, quantization, english_vmap=vmap)
        except Exception as err:  # converter errors are many kinds; report each in one line
            failures += 1
            print(f"vnbrief: error: {model_role}: {err}", file=sys.stderr)
            continue
        print(
            f"{model_role}: written to {path}\n  use it with:  {model_role}:\n"
            f"                  backend: ctranslate2\n                  model: {path}"
        )
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
