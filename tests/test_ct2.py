"""CTranslate2 backend on tiny real models: converted weights decode exactly like transformers.

float32 conversions are compared with transformers' greedy decoding on the same weights, token
for token (texts decoded from the same ids); int8 (the default) is only checked to load and run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.hf_loading import load_seq2seq
from models.seq2seq_summarizer import Seq2SeqSummarizer
from models.seq2seq_translator import Seq2SeqTranslator
from pipeline.article import CleanArticle
from pipeline.config import SummarizerConfig, TranslatorConfig
from pipeline.segment import split_sentences

pytest.importorskip("ctranslate2")
from models.ct2_backend import CT2Summarizer, CT2Translator, convert, load_ct2  # noqa: E402

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent
GREEDY = {"num_beams": 1, "no_repeat_ngram_size": 0, "max_new_tokens": 12}


def _article(name: str) -> CleanArticle:
    lines = [x.strip() for x in (ROOT / "samples" / name).read_text("utf-8").splitlines()]
    lines = [x for x in lines if x]
    return CleanArticle(title=lines[0], paragraphs=tuple(lines[1:]))


def _sentences() -> list[str]:
    article = _article("vnexpress-to-lam-hoc-vien-lao.txt")
    return [s for p in article.paragraphs for s in split_sentences(p)][:10]


@pytest.fixture(scope="module")
def opus_marian_dir(tmp_path_factory, tiny_spm) -> Path:
    """A tiny Marian in opus-mt's real id layout: <pad> is the LAST vocabulary entry (the decoder
    start), which CTranslate2's Marian converter relies on (it drops that row)."""
    from tests.tiny_models import build_tiny_marian

    return build_tiny_marian(
        tmp_path_factory.mktemp("tiny-opus-marian"), tiny_spm["t5"], pad_last=True
    )


@pytest.fixture(scope="module")
def converted(tmp_path_factory, tiny_t5_dir, opus_marian_dir, tiny_mbart_dir):
    out = tmp_path_factory.mktemp("ct2")
    dirs = {"t5": tiny_t5_dir, "marian": opus_marian_dir, "mbart": tiny_mbart_dir}
    return {name: convert(path, out / f"{name}-f32", "float32") for name, path in dirs.items()}


@pytest.mark.parametrize("family", ["marian", "mbart"])
def test_translator_greedy_output_identical_to_transformers(
    family, converted, opus_marian_dir, tiny_mbart_dir
) -> None:
    source = {"marian": opus_marian_dir, "mbart": tiny_mbart_dir}[family]
    cfg = TranslatorConfig(batch_size=4, glossary=None, **GREEDY)
    tokenizer, model = load_seq2seq(str(source))
    reference = Seq2SeqTranslator(tokenizer, model, cfg, family).translate_sentences(_sentences())
    tok, generator, info = load_ct2(converted[family])
    ct2 = CT2Translator(tok, generator, info, cfg, family)
    assert ct2.translate_sentences(_sentences()) == reference
    assert len(set(reference)) > 3  # outputs depend on the input
    assert ct2.name == f"ctranslate2:{family}"


def test_summarizer_greedy_output_identical_to_transformers(converted, tiny_t5_dir) -> None:
    cfg = SummarizerConfig(max_input_tokens=48, long_articles="chunk", **GREEDY)
    article = _article("baoquocte-giu-lua-hop-tac.txt")
    tokenizer, model = load_seq2seq(str(tiny_t5_dir))
    transformers_summarizer = Seq2SeqSummarizer(tokenizer, model, cfg, "t5")
    reference = transformers_summarizer.summarize(article)
    tok, generator, info = load_ct2(converted["t5"])
    ct2 = CT2Summarizer(tok, generator, info, cfg, "t5")
    summary = ct2.summarize(article)
    assert summary.text == reference.text and summary.text
    assert summary.key_points == reference.key_points
    # The long article was chunked at sentence boundaries by the shared code, the same way.
    assert ct2.last_chunk_count == transformers_summarizer.last_chunk_count > 1


def test_models_convert_int8_then_the_registry_serves_it(tmp_path, tiny_mbart_dir, capsys) -> None:
    """`vnbrief models convert` (int8 default) and `backend: ctranslate2` in the config."""
    from flows.model_commands import models_convert
    from models.registry import clear_cache, get_translator
    from pipeline.config import config_from_dict

    model = {
        "model": str(tiny_mbart_dir),
        "glossary": None,
        "num_beams": 2,
        "no_repeat_ngram_size": 2,
        "max_new_tokens": 8,
    }
    cfg = config_from_dict({"translator": {"backend": "seq2seq", **model}}, tmp_path)
    assert models_convert(cfg, "translator", None, "int8") == 0
    target = tmp_path / "models" / f"{tiny_mbart_dir.name}-ct2-int8"
    assert f"model: {target}" in capsys.readouterr().out
    cfg = config_from_dict(
        {"translator": {"backend": "ctranslate2", **model, "model": str(target)}}, tmp_path
    )
    clear_cache()
    try:
        translator, status = get_translator(cfg.translator, tmp_path)
        assert status.used == f"ctranslate2:{target}" and not status.fell_back
        assert translator.translate(["Xin chào. Cảm ơn."])[0]
    finally:
        clear_cache()


def test_english_vmap_limits_output_to_english_pieces(tmp_path, tiny_mbart_dir) -> None:
    path = convert(tiny_mbart_dir, tmp_path / "mbart-vmap", "float32", english_vmap=True)
    tok, generator, info = load_ct2(path)
    cfg = TranslatorConfig(glossary=None, **GREEDY)
    translator = CT2Translator(tok, generator, info, cfg, "mbart")
    assert translator.use_vmap
    sentences = _sentences()
    outputs = translator.translate_sentences(sentences)
    assert all(outputs)
    assert all(output.isascii() for output in outputs)
    # Without the shortlist the same random model writes Vietnamese letters.
    plain = convert(tiny_mbart_dir, tmp_path / "mbart", "float32")
    unrestricted = CT2Translator(*load_ct2(plain), cfg, "mbart").translate_sentences(sentences)
    assert not all(output.isascii() for output in unrestricted)


def test_not_a_ct2_directory_is_a_clear_load_error(tmp_path) -> None:
    from models.base import ModelLoadError

    with pytest.raises(ModelLoadError, match="vnbrief models convert"):
        load_ct2(tmp_path)


def test_ct2_placement_follows_the_configured_device_and_dtype():
    from models.base import ModelLoadError
    from models.ct2_backend import ct2_placement

    assert ct2_placement("auto", cuda_devices=0) == ("cpu", 0, "default")
    assert ct2_placement("cpu", "bfloat16", "t5", cuda_devices=1) == ("cpu", 0, "default")
    assert ct2_placement("auto", "auto", "mbart", cuda_devices=1) == ("cuda", 0, "int8_float16")
    # T5 overflows in float16: bfloat16 activations unless the config says otherwise.
    assert ct2_placement("cuda:1", "auto", "t5", cuda_devices=2) == ("cuda", 1, "int8_bfloat16")
    assert ct2_placement("cuda", "float32", "t5", cuda_devices=1) == ("cuda", 0, "int8_float32")
    with pytest.raises(ModelLoadError, match="CTranslate2 sees 0 CUDA"):
        ct2_placement("cuda", cuda_devices=0)
    with pytest.raises(ModelLoadError, match="cpu or cuda"):
        ct2_placement("mps")


def test_a_gpu_that_cannot_decode_is_found_at_load(monkeypatch, converted) -> None:
    """CTranslate2 4.x loads CUDA 12's cuBLAS at the first translation, not at load: seen on a
    CUDA 13-only H100. `auto` must then decode on the CPU, an explicit `cuda` fail at load."""
    import ctranslate2

    from models.base import ModelLoadError
    from models.ct2_backend import probe_decoding

    real = ctranslate2.Translator

    class CudaWithoutCublas12:
        def __init__(self, *args, **kwargs) -> None:
            pass

        def translate_batch(self, *args, **kwargs):
            raise RuntimeError("Library libcublas.so.12 is not found or cannot be loaded")

    def translator(path, device="cpu", **kwargs):
        return CudaWithoutCublas12() if device == "cuda" else real(path, device=device, **kwargs)

    monkeypatch.setattr(ctranslate2, "get_cuda_device_count", lambda: 1)
    monkeypatch.setattr(ctranslate2, "Translator", translator)
    tok, generator, info = load_ct2(converted["marian"], device="auto")
    assert info.device == "cpu"
    probe_decoding(generator, tok)  # the CPU translator decodes
    with pytest.raises(ModelLoadError, match="nvidia-cublas-cu12"):
        load_ct2(converted["marian"], device="cuda")
