"""Backend selection, fallbacks and the once-per-process cache."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from models import registry
from models.extractive import ExtractiveSummarizer
from models.learned_extractive import LearnedExtractiveSummarizer
from models.registry import TRANSLATION_DISABLED, get_summarizer, get_translator
from pipeline.config import SummarizerConfig, TranslatorConfig

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def fresh_cache():
    registry.clear_cache()
    yield
    registry.clear_cache()


def test_extractive_backend() -> None:
    summarizer, status = get_summarizer(SummarizerConfig(backend="extractive", sentences=2))
    assert isinstance(summarizer, ExtractiveSummarizer)
    assert summarizer.sentences == 2
    assert (status.requested, status.used, status.fell_back, status.reason) == (
        "extractive",
        "extractive",
        False,
        None,
    )


def test_missing_model_dir_falls_back_to_learned_extractive(tmp_path: Path) -> None:
    cfg = SummarizerConfig(model="./models/vit5")
    summarizer, status = get_summarizer(cfg, tmp_path)
    assert isinstance(summarizer, LearnedExtractiveSummarizer)
    assert status.role == "summarizer"
    assert status.requested == "seq2seq:./models/vit5"
    assert status.used == "learned" and status.fell_back
    assert status.reason == f"model directory {tmp_path / 'models' / 'vit5'} does not exist"


@pytest.mark.slow
def test_offline_hub_model_falls_back_fast(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    start = time.monotonic()
    _, status = get_summarizer(SummarizerConfig(model="vnbrief-tests/not-a-real-model"))
    assert time.monotonic() - start < 5
    assert status.fell_back and "cannot be reached (offline)" in (status.reason or "")


@pytest.mark.slow
def test_seq2seq_summarizer_is_loaded_once(tiny_t5_dir: Path) -> None:
    from models.seq2seq_summarizer import Seq2SeqSummarizer

    cfg = SummarizerConfig(model=str(tiny_t5_dir))
    first, status = get_summarizer(cfg)
    second, _ = get_summarizer(SummarizerConfig(model=str(tiny_t5_dir)))  # equal config
    assert isinstance(first, Seq2SeqSummarizer)
    assert first is second
    assert status.used == f"seq2seq:{tiny_t5_dir}" and not status.fell_back


@pytest.mark.slow
def test_relative_model_dir_resolves_against_base_dir(tiny_marian_dir: Path) -> None:
    cfg = TranslatorConfig(model=f"./{tiny_marian_dir.name}", glossary=None)
    translator, status = get_translator(cfg, tiny_marian_dir.parent)
    assert translator is not None and status.available and status.reason is None


def test_translation_disabled() -> None:
    translator, status = get_translator(TranslatorConfig(backend="none"), ROOT)
    assert translator is None
    assert status.used is None and not status.available and not status.fell_back
    assert status.reason == TRANSLATION_DISABLED


def test_unloadable_translator_is_unavailable_with_reason(tmp_path: Path) -> None:
    translator, status = get_translator(TranslatorConfig(model="./nope"), tmp_path)
    assert translator is None
    assert status.role == "translator" and status.fell_back and status.used is None
    assert status.reason == f"model directory {tmp_path / 'nope'} does not exist"


@pytest.mark.slow
def test_glossary_from_base_dir_and_missing_glossary_only_warns(tiny_mbart_dir: Path) -> None:
    with_glossary, status = get_translator(TranslatorConfig(model=str(tiny_mbart_dir)), ROOT)
    assert with_glossary is not None and with_glossary.glossary is not None
    assert status.used == f"seq2seq:{tiny_mbart_dir}" and status.reason is None

    cfg = TranslatorConfig(model=str(tiny_mbart_dir), glossary="configs/missing.yaml")
    without, status = get_translator(cfg, ROOT)
    assert without is not None and without.glossary is None
    assert status.available and not status.fell_back
    assert status.reason == (
        f"glossary file {ROOT / 'configs' / 'missing.yaml'} does not exist; "
        "translating without glossary"
    )


# --- device and dtype -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("section", "message"),
    [
        ({"device": "gpu"}, "'summarizer.device' must be auto, cpu, cuda, cuda:N or mps"),
        ({"dtype": "fp16"}, "'summarizer.dtype' must be one of auto, float32, float16, bfloat16"),
        ({"device": "cpu", "dtype": "float16"}, "float16 is not supported on device cpu"),
    ],
)
def test_device_and_dtype_are_validated(section: dict, message: str) -> None:
    from pipeline.config import ConfigError, config_from_dict

    with pytest.raises(ConfigError, match=message):
        config_from_dict({"summarizer": section})
    cfg = config_from_dict({"translator": {"device": "cuda:1", "dtype": "bfloat16"}})
    assert (cfg.translator.device, cfg.translator.dtype) == ("cuda:1", "bfloat16")


def test_auto_device_and_dtype_on_this_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    import torch

    from models.base import ModelLoadError
    from models.hf_loading import resolve_device, resolve_dtype

    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert resolve_device("auto") in ("cpu", "mps")
    assert resolve_dtype("auto", "cpu") == torch.float32
    assert resolve_dtype("bfloat16", "cpu") == torch.bfloat16
    with pytest.raises(ModelLoadError, match="CUDA is not available"):
        resolve_device("cuda")
    with pytest.raises(ModelLoadError, match="float16 is not supported on device cpu"):
        resolve_dtype("float16", "cpu")
    # On a GPU: bf16 where supported, else fp16, except T5 (ViT5) which overflows in fp16.
    monkeypatch.setattr(torch.cuda, "is_bf16_supported", lambda: True)
    assert resolve_dtype("auto", "cuda") == torch.bfloat16
    monkeypatch.setattr(torch.cuda, "is_bf16_supported", lambda: False)
    assert resolve_dtype("auto", "cuda:0", "marian") == torch.float16
    assert resolve_dtype("auto", "cuda", "t5") == torch.float32


@pytest.mark.slow
def test_dtype_setting_reaches_the_loaded_model(tiny_t5_dir: Path) -> None:
    import torch

    _, status = get_summarizer(SummarizerConfig(model=str(tiny_t5_dir), dtype="bfloat16"))
    summarizer, _ = get_summarizer(SummarizerConfig(model=str(tiny_t5_dir), dtype="bfloat16"))
    assert not status.fell_back
    assert next(summarizer.model.parameters()).dtype == torch.bfloat16
    assert str(summarizer.model.device) == "cpu"
    _, status = get_summarizer(SummarizerConfig(model=str(tiny_t5_dir), device="cuda"))
    if not torch.cuda.is_available():
        assert status.fell_back and "CUDA is not available" in (status.reason or "")


@pytest.mark.slow
def test_failed_loads_are_retried_after_forget_failures(
    tmp_path: Path, tiny_marian_dir: Path
) -> None:
    import shutil

    cfg = TranslatorConfig(model="./opus-mt", glossary=None)
    first, status = get_translator(cfg, tmp_path)
    assert first is None and status.fell_back
    shutil.copytree(tiny_marian_dir, tmp_path / "opus-mt")
    assert get_translator(cfg, tmp_path)[0] is None  # the failure is cached within a run
    registry.forget_failures()  # what the flow does when a new run starts
    loaded, status = get_translator(cfg, tmp_path)
    assert loaded is not None and status.available and not status.fell_back
    registry.forget_failures()  # successes stay loaded
    assert get_translator(cfg, tmp_path)[0] is loaded


def test_learned_backend_and_its_honest_fallback_when_the_model_file_is_unusable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summarizer, status = get_summarizer(SummarizerConfig(backend="learned"))
    assert isinstance(summarizer, LearnedExtractiveSummarizer)
    assert (status.used, status.fell_back) == ("learned", False)

    registry.clear_cache()
    broken = tmp_path / "model.json"
    broken.write_text("{}", encoding="utf-8")
    monkeypatch.setattr("models.learned_extractive.MODEL_PATH", broken)
    summarizer, status = get_summarizer(SummarizerConfig(backend="learned"))
    assert isinstance(summarizer, ExtractiveSummarizer)
    assert status.used == "extractive" and status.fell_back
    assert f"{broken} is not a" in (status.reason or "")
