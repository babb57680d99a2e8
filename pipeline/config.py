"""Typed, validated configuration: a YAML typo must fail loudly with the key's name, not later."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml


class ConfigError(ValueError):
    """One clear line naming the offending key; the CLI prints it and exits 2."""


@dataclass(frozen=True)
class SummarizerConfig:
    backend: str = "seq2seq"  # "seq2seq" (falls back to learned) | "learned" | "extractive"
    model: str = "VietAI/vit5-base-vietnews-summarization"  # hub id or local directory
    sentences: int = 3  # extractive summary length, in sentences
    key_points: int = 4
    max_input_tokens: int | None = None  # None: the model card's (models/families.py), else 1024
    long_articles: str = "truncate"  # "truncate" (first sentences that fit) | "chunk"
    max_new_tokens: int = 256
    num_beams: int = 4
    no_repeat_ngram_size: int = 3
    # Text around every input; null = the model family's preset (models/families.py).
    input_prefix: str | None = None
    input_suffix: str | None = None
    device: str = "auto"  # auto | cpu | cuda | cuda:N | mps
    dtype: str = "auto"  # auto (fp32 on CPU, bf16/fp16 on CUDA) | float32 | float16 | bfloat16


@dataclass(frozen=True)
class TranslatorConfig:
    backend: str = "seq2seq"  # "seq2seq" | "none"
    model: str = "vinai/vinai-translate-vi2en-v2"  # or "Helsinki-NLP/opus-mt-vi-en", or a local dir
    # Language codes; null = the family's own (vi_VN/en_XX mBART, vie_Latn/eng_Latn NLLB, vi/en
    # M2M100, none for Marian). A code the model cannot honour stops loading with the reason.
    src_lang: str | None = None
    tgt_lang: str | None = None
    batch_size: int = 8
    max_input_tokens: int = 512
    max_new_tokens: int = 256
    num_beams: int = 4
    no_repeat_ngram_size: int = 3
    glossary: str | None = "configs/glossary.yaml"
    device: str = "auto"
    dtype: str = "auto"


@dataclass(frozen=True)
class ScheduleConfig:
    cron: str = "0 6 * * *"
    timezone: str = "Asia/Ho_Chi_Minh"


@dataclass(frozen=True)
class RunnerConfig:
    """Where the flow's tasks run; never changes a brief's content (not in the fingerprint)."""

    task_runner: str = "threads"  # "threads" (one process) | "dask" (prefect-dask)
    address: str | None = None  # dask: scheduler of an existing cluster; none = a local cluster
    workers: int = 2  # local Dask cluster: worker processes (each loads each model once)
    chunk_size: int = 250  # articles per task: long enough to be worth scheduling


@dataclass(frozen=True)
class DigestConfig:
    """Story grouping cut-offs for digest.md (defaults measured by bench/digest_eval.py)."""

    same_story: float = 0.12
    related: float = 0.10
    wire_copy: float = 0.45  # dev choice, bench/wire_eval.py (2025 pairs read by hand)


@dataclass(frozen=True)
class Config:
    inbox: str = "samples"
    outputs: str = "outputs"
    max_input_kb: int = 1024  # larger inputs are skipped: no single news article is that big
    summarizer: SummarizerConfig = field(default_factory=SummarizerConfig)
    translator: TranslatorConfig = field(default_factory=TranslatorConfig)
    schedule: ScheduleConfig = field(default_factory=ScheduleConfig)
    runner: RunnerConfig = field(default_factory=RunnerConfig)
    digest: DigestConfig = field(default_factory=DigestConfig)
    base_dir: str = "."  # directory relative paths resolve against; set by load_config, not YAML

    def resolve(self, path: str) -> Path:
        p = Path(path).expanduser()
        return p if p.is_absolute() else Path(self.base_dir) / p

    def fingerprint(self) -> str:
        """Hash of all that shapes a brief's content: a rerun may skip only when it matches."""
        data = dataclasses.asdict(self)
        for key in ("inbox", "outputs", "max_input_kb", "schedule", "digest", "runner", "base_dir"):
            data.pop(key)
        blob = json.dumps(data, sort_keys=True).encode()
        return hashlib.sha256(blob).hexdigest()[:16]


_YAML_ONLY_EXCLUDED = {"base_dir"}


def _type_ok(value: Any, annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return any(_type_ok(value, arg) for arg in typing.get_args(annotation))
    if annotation is type(None):
        return value is None
    if annotation is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if annotation is str:
        return isinstance(value, str)
    if annotation is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, annotation)


def _type_name(annotation: Any) -> str:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_type_name(a) for a in typing.get_args(annotation))
    return "null" if annotation is type(None) else getattr(annotation, "__name__", str(annotation))


def _build(cls: type, data: Any, prefix: str) -> Any:
    if not isinstance(data, dict):
        raise ConfigError(f"config key '{prefix.rstrip('.') or '<root>'}' must be a mapping")
    hints = typing.get_type_hints(cls)
    fields = {f.name for f in dataclasses.fields(cls)} - _YAML_ONLY_EXCLUDED
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        dotted = f"{prefix}{key}"
        if key not in fields:
            allowed = ", ".join(sorted(fields))
            raise ConfigError(f"unknown config key '{dotted}' (allowed: {allowed})")
        annotation = hints[key]
        if dataclasses.is_dataclass(annotation):
            kwargs[key] = _build(annotation, value, f"{dotted}.")
        elif not _type_ok(value, annotation):
            raise ConfigError(
                f"config key '{dotted}' must be {_type_name(annotation)}, got {value!r}"
            )
        else:
            kwargs[key] = value
    return cls(**kwargs)


def _check_values(cfg: Config) -> None:
    if cfg.summarizer.backend not in ("seq2seq", "ctranslate2", "learned", "extractive"):
        raise ConfigError(
            "config key 'summarizer.backend' must be 'seq2seq', 'ctranslate2', "
            f"'learned' or 'extractive', "
            f"got {cfg.summarizer.backend!r}"
        )
    if cfg.translator.backend not in ("seq2seq", "ctranslate2", "none"):
        raise ConfigError(
            f"config key 'translator.backend' must be 'seq2seq', 'ctranslate2' or 'none', "
            f"got {cfg.translator.backend!r}"
        )
    if cfg.summarizer.long_articles not in ("truncate", "chunk"):
        raise ConfigError(
            "config key 'summarizer.long_articles' must be 'truncate' or 'chunk', "
            f"got {cfg.summarizer.long_articles!r}"
        )
    if cfg.runner.task_runner not in ("threads", "dask"):
        raise ConfigError(
            f"config key 'runner.task_runner' must be 'threads' or 'dask', "
            f"got {cfg.runner.task_runner!r}"
        )
    positive = {
        "max_input_kb": cfg.max_input_kb,
        "runner.workers": cfg.runner.workers,
        "runner.chunk_size": cfg.runner.chunk_size,
        "summarizer.sentences": cfg.summarizer.sentences,
        # null: the model card's cap (models/families.py)
        "summarizer.max_input_tokens": 1 if (n := cfg.summarizer.max_input_tokens) is None else n,
        "summarizer.max_new_tokens": cfg.summarizer.max_new_tokens,
        "summarizer.num_beams": cfg.summarizer.num_beams,
        "translator.batch_size": cfg.translator.batch_size,
        "translator.max_input_tokens": cfg.translator.max_input_tokens,
        "translator.max_new_tokens": cfg.translator.max_new_tokens,
        "translator.num_beams": cfg.translator.num_beams,
    }
    for key, value in positive.items():
        if value < 1:
            raise ConfigError(f"config key '{key}' must be at least 1, got {value}")
    for role in ("summarizer", "translator"):
        _check_device(role, getattr(cfg, role))
    for key in ("same_story", "related", "wire_copy"):
        value = getattr(cfg.digest, key)
        if not 0.0 < value <= 1.0:
            raise ConfigError(f"config key 'digest.{key}' must be in (0, 1], got {value}")
    if cfg.summarizer.key_points < 0:
        raise ConfigError("config key 'summarizer.key_points' must be 0 or more")
    if len(cfg.schedule.cron.split()) != 5:
        raise ConfigError(
            f"config key 'schedule.cron' must have 5 fields, got {cfg.schedule.cron!r}"
        )
    _check_cron(cfg.schedule.cron)
    try:
        from zoneinfo import ZoneInfo

        ZoneInfo(cfg.schedule.timezone)
    except Exception as exc:  # ZoneInfoNotFoundError or ValueError for odd names
        raise ConfigError(
            f"config key 'schedule.timezone' is not a known time zone: {cfg.schedule.timezone!r}"
        ) from exc


def _check_cron(expr: str) -> None:
    """croniter (what Prefect's Cron schedule uses) must parse it, and it must fire some day."""
    from croniter import CroniterError, croniter

    if not croniter.is_valid(expr):
        raise ConfigError(
            f"config key 'schedule.cron' is not a valid cron expression: {expr!r} "
            "(minute hour day-of-month month day-of-week, e.g. '0 6 * * *')"
        )
    try:
        croniter(expr).get_next()
    except CroniterError as exc:
        raise ConfigError(f"config key 'schedule.cron' never fires: {expr!r}") from exc


DTYPES = ("auto", "float32", "float16", "bfloat16")
_DEVICE_RE = re.compile(r"auto|cpu|mps|cuda(:\d+)?")


def _check_device(role: str, model_cfg: SummarizerConfig | TranslatorConfig) -> None:
    """device/dtype typos or combinations that cannot run fail at load, not mid-batch."""
    if not _DEVICE_RE.fullmatch(model_cfg.device):
        raise ConfigError(
            f"config key '{role}.device' must be auto, cpu, cuda, cuda:N or mps, "
            f"got {model_cfg.device!r}"
        )
    if model_cfg.dtype not in DTYPES:
        raise ConfigError(
            f"config key '{role}.dtype' must be one of {', '.join(DTYPES)}, got {model_cfg.dtype!r}"
        )
    if model_cfg.device == "cpu" and model_cfg.dtype == "float16":
        raise ConfigError(
            f"config key '{role}.dtype' float16 is not supported on device cpu "
            "(use auto, float32 or bfloat16)"
        )


def config_from_dict(data: dict[str, Any] | None, base_dir: str | Path = ".") -> Config:
    cfg = _build(Config, data or {}, "")
    cfg = dataclasses.replace(cfg, base_dir=str(base_dir))
    _check_values(cfg)
    return cfg


def load_config(path: str | Path) -> Config:
    """Relative paths inside the file resolve against the directory the file's project root.

    A config in `<project>/configs/x.yaml` resolves `samples` as `<project>/samples`, so runs work
    from any working directory.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read config file {path}: {exc.strerror or exc}") from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"config file {path} is not valid YAML: {exc}") from exc
    base = path.resolve().parent
    if base.name == "configs":
        base = base.parent
    return config_from_dict(data, base_dir=base)
