"""CTranslate2 backend: the seq2seq summarizer and translator, decoded by CTranslate2 (int8).

On this 2-core CPU an int8 CTranslate2 model decodes 2.7-3x faster than transformers on the same
weights (PLATFORM.md), so `backend: ctranslate2` reuses everything the transformers backends do
(sentence chunking, glossary, length-sorted batches, language codes) and swaps only the
generate() call. `vnbrief models convert` makes the model directory:

    <dir>/model.bin, config.json, shared_vocabulary.json   CTranslate2's own files
    <dir>/hf/                                              the transformers tokenizer and config

The tokenizer must stay the transformers one, so tokens going in and out are exactly those the
transformers backend would use (greedy output is token-identical in float32; tests check it).
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import tempfile
from pathlib import Path
from typing import Any

from models.base import ModelLoadError
from models.seq2seq_summarizer import Seq2SeqSummarizer
from models.seq2seq_translator import Seq2SeqTranslator

logger = logging.getLogger(__name__)

HF_SUBDIR = "hf"
QUANTIZATIONS = ("int8", "int8_float32", "int16", "float32", "float16", "bfloat16")


class ModelInfo:
    """Stands in for the transformers model where the shared code reads `model.config`."""

    def __init__(self, config: Any, generation_config: Any = None, path: str | None = None):
        self.config = config
        self.generation_config = generation_config
        self.device = "cpu"
        self.path = path


def _forced_eos(info: ModelInfo) -> bool:
    for source in (info.generation_config, info.config):
        if getattr(source, "forced_eos_token_id", None) is not None:
            return True
    return False


# CUDA compute types by config dtype: int8 weights (what `convert` makes) with float activations.
# T5 overflows in float16 (as in hf_loading), so with dtype auto it gets bfloat16 activations.
_CUDA_COMPUTE = {"float16": "int8_float16", "bfloat16": "int8_bfloat16", "float32": "int8_float32"}
_NO_FP16_MODEL_TYPES = frozenset({"t5", "mt5"})


def ct2_placement(
    device: str, dtype: str = "auto", model_type: str | None = None, cuda_devices: int = 0
) -> tuple[str, int, str]:
    """(device, device index, compute_type) for ctranslate2.Translator from the config.

    CPU keeps the type the model was converted to ("default": int8 unless converted otherwise);
    float32 there was slower than transformers (PLATFORM.md). CUDA uses int8 weights with
    float16 activations (int8_float16), bfloat16 ones for T5 or with `dtype: bfloat16`.
    """
    if device == "auto":
        device = "cuda" if cuda_devices > 0 else "cpu"
    if device == "cpu":
        return "cpu", 0, "default"
    if not device.startswith("cuda"):
        raise ModelLoadError(f"backend ctranslate2 runs on cpu or cuda, not {device}")
    index = int(device.partition(":")[2] or 0)
    if index >= cuda_devices:
        raise ModelLoadError(
            f"device {device} requested but CTranslate2 sees {cuda_devices} CUDA device(s)"
        )
    if dtype == "auto":
        dtype = "bfloat16" if model_type in _NO_FP16_MODEL_TYPES else "float16"
    return "cuda", index, _CUDA_COMPUTE[dtype]


def load_ct2(
    path: str | Path, threads: int = 0, device: str = "cpu", dtype: str = "auto"
) -> tuple[Any, Any, ModelInfo]:
    """(tokenizer, ctranslate2.Translator, ModelInfo) from a `vnbrief models convert` directory."""
    directory = Path(path).expanduser()
    if not (directory / "model.bin").is_file():
        raise ModelLoadError(
            f"{directory} is not a CTranslate2 model directory (no model.bin); make one with "
            "`vnbrief models convert`"
        )
    try:
        import ctranslate2
        from transformers import AutoConfig, AutoTokenizer, GenerationConfig
    except ImportError as exc:
        raise ModelLoadError(f"backend ctranslate2 needs the ctranslate2 package: {exc}") from exc
    hf = directory / HF_SUBDIR
    try:
        tokenizer = AutoTokenizer.from_pretrained(hf, local_files_only=True)
        config = AutoConfig.from_pretrained(hf, local_files_only=True)
        generation = None
        if (hf / "generation_config.json").is_file():
            generation = GenerationConfig.from_pretrained(hf, local_files_only=True)
    except Exception as exc:
        raise ModelLoadError(f"cannot load CTranslate2 model from {directory}: {exc}") from exc
    kind, index, compute_type = ct2_placement(
        device, dtype, getattr(config, "model_type", None), ctranslate2.get_cuda_device_count()
    )
    try:
        # oneDNN is used on this CPU: do not set CT2_USE_MKL (int8 collapses with it, PLATFORM.md).
        generator = ctranslate2.Translator(
            str(directory),
            device=kind,
            device_index=index,
            compute_type=compute_type,
            inter_threads=1,
            intra_threads=threads,
        )
    except Exception as exc:
        raise ModelLoadError(f"cannot load CTranslate2 model from {directory}: {exc}") from exc
    if kind == "cuda":
        try:
            probe_decoding(generator, tokenizer)
        except Exception as exc:
            # WHY: CTranslate2 4.x's CUDA build loads CUDA 12's cuBLAS on the first translation,
            # not at load; seen on a CUDA 13-only H100 (bench/results/model_speed_gpu_h100.txt).
            reason = (
                f"CTranslate2 cannot decode on cuda:{index}: {exc} (its CUDA build needs CUDA 12's "
                "cuBLAS: `pip install nvidia-cublas-cu12`, or set the model's device: cpu)"
            )
            if device != "auto":
                raise ModelLoadError(reason) from exc
            logger.warning("%s; decoding on the CPU instead", reason)
            return load_ct2(directory, threads, "cpu", dtype)
    info = ModelInfo(config, generation, str(directory))
    info.device = kind if kind == "cpu" else f"cuda:{index}"
    return tokenizer, generator, info


def probe_decoding(generator: Any, tokenizer: Any) -> None:
    """One-step decoding of a one-token source: fails now, at load, where the device cannot run."""
    token = tokenizer.convert_ids_to_tokens([tokenizer.eos_token_id])
    generator.translate_batch([token], max_decoding_length=1, beam_size=1)


def _decode(tokenizer: Any, results: list[Any]) -> list[str]:
    ids = [tokenizer.convert_tokens_to_ids(r.hypotheses[0]) for r in results]
    decoded = tokenizer.batch_decode(ids, skip_special_tokens=True)
    return [" ".join(text.split()) for text in decoded]


def _source_tokens(tokenizer: Any, texts: list[str], limit: int) -> list[list[str]]:
    encoded = tokenizer(texts, truncation=True, max_length=limit)["input_ids"]
    return [tokenizer.convert_ids_to_tokens(ids) for ids in encoded]


def decode_options(info: ModelInfo, num_beams: int, no_repeat: int, max_new: int) -> dict:
    """CTranslate2 options that decode like transformers' generate() with the same settings.

    transformers forces </s> at the last position when the model config has forced_eos_token_id,
    so at most max_new - 1 real tokens come out; CTranslate2 has no such switch, so it is asked
    for one token fewer (the </s> is dropped from the text either way).
    """
    return {
        "beam_size": num_beams,
        "no_repeat_ngram_size": no_repeat,
        "max_decoding_length": max(1, max_new - (1 if _forced_eos(info) else 0)),
    }


class CT2Summarizer(Seq2SeqSummarizer):
    """Seq2SeqSummarizer (chunking, key points, input format) decoding with CTranslate2."""

    def __init__(self, tokenizer: Any, generator: Any, info: ModelInfo, config: Any, name: str):
        super().__init__(tokenizer, info, config, name)
        self.generator = generator
        self.name = f"ctranslate2:{name}"

    def _generate(self, texts: list[str], *args: Any, **kwargs: Any) -> list[str]:
        if not texts:
            return []
        source = _source_tokens(
            self.tokenizer, [self.prefix + t + self.suffix for t in texts], self.limit
        )
        options = decode_options(
            self.model,
            self.config.num_beams,
            self.config.no_repeat_ngram_size,
            self.config.max_new_tokens,
        )
        results = self.generator.translate_batch(source, max_batch_size=4, **options)
        return _decode(self.tokenizer, results)


class CT2Translator(Seq2SeqTranslator):
    """Seq2SeqTranslator (sentences, glossary, language codes) decoding with CTranslate2."""

    def __init__(
        self,
        tokenizer: Any,
        generator: Any,
        info: ModelInfo,
        config: Any,
        name: str,
        glossary: Any = None,
    ) -> None:
        super().__init__(tokenizer, info, config, name, glossary)
        self.generator = generator
        self.name = f"ctranslate2:{name}"
        # An English output shortlist made by `vnbrief models convert --english-vmap`.
        self.use_vmap = bool(info.path and (Path(info.path) / VMAP_NAME).is_file())

    def _generate(self, texts: list[str], *args: Any, **kwargs: Any) -> list[str]:
        if not texts:
            return []
        source = _source_tokens(self.tokenizer, texts, self.limit)
        language = self.generation_kwargs()
        # mBART: the target language code starts the output (as decoder start token for
        # mBART-cc25, forced first token for mBART-50): for CTranslate2 both are a target prefix.
        start = language.get("decoder_start_token_id", language.get("forced_bos_token_id"))
        prefix = None
        if start is not None:
            prefix = [[self.tokenizer.convert_ids_to_tokens(int(start))]] * len(texts)
        options = decode_options(
            self.model,
            self.config.num_beams,
            self.config.no_repeat_ngram_size,
            self.config.max_new_tokens,
        )
        results = self.generator.translate_batch(
            source,
            target_prefix=prefix,
            max_batch_size=self.config.batch_size,
            use_vmap=self.use_vmap,
            **options,
        )
        return _decode(self.tokenizer, results)


VMAP_NAME = "vmap.txt"


def _is_english_piece(token: str) -> bool:
    text = token.replace("\u2581", "")  # SentencePiece's word-start mark
    return text.isascii() and (not text or text.isprintable())


def write_english_vmap(ct2_dir: Path, keep: list[str]) -> int:
    """An output-vocabulary shortlist for a multilingual translator whose output is English.

    CTranslate2 (`use_vmap`) then scores only the shortlist instead of all 250k mBART pieces:
    every ASCII piece (English words, digits, punctuation, glossary placeholders) plus `keep`
    (special tokens, the target language code). The set is the same for every input: with
    per-source entries CTranslate2 4.8.5 failed (vector range check) when a call's candidate
    set was smaller than the previous call's. Names with Vietnamese letters still reach the
    English text through the glossary's placeholders; other words lose their diacritics, as in
    English-language news. Returns the shortlist size.
    """
    import json

    vocabulary = json.loads((ct2_dir / "shared_vocabulary.json").read_text(encoding="utf-8"))
    fixed = [t for t in vocabulary if _is_english_piece(t) and not any(c.isspace() for c in t)]
    fixed += [t for t in keep if t in vocabulary and t not in fixed]
    (ct2_dir / VMAP_NAME).write_text("\t" + " ".join(fixed) + "\n", encoding="utf-8")
    return len(fixed)


def convert(
    model_dir: str | Path, out: str | Path, quantization: str = "int8", english_vmap: bool = False
) -> Path:
    """Convert a local transformers seq2seq directory to a CTranslate2 directory at `out`.

    mBART configs lack the two flags the converter reads (mBART is pre-norm with an embedding
    layer norm), so they are set on the loaded model. Written to a temp dir and renamed, so a
    failed conversion never leaves a half model behind.
    """
    import ctranslate2.converters
    from transformers import AutoConfig, AutoTokenizer, GenerationConfig

    if quantization not in QUANTIZATIONS:
        raise ValueError(f"quantization must be one of {', '.join(QUANTIZATIONS)}")

    from ctranslate2.converters import transformers as ct2_transformers

    class _MBartLoader(ct2_transformers.MBartLoader):
        def get_vocabulary(self, model: Any, tokenizer: Any) -> list[str]:
            # By id, as the tokenizer maps them: get_vocab() can miss an id (fairseq offsets).
            known = min(len(tokenizer), model.config.vocab_size)
            tokens = tokenizer.convert_ids_to_tokens(list(range(known)))
            unused = [f"<vnbrief_unused_{i}>" for i in range(known, model.config.vocab_size)]
            return [*tokens, *unused]

    class _Converter(ctranslate2.converters.TransformersConverter):
        def load_model(self, model_class: Any, model_name_or_path: str, **kwargs: Any) -> Any:
            model = super().load_model(model_class, model_name_or_path, **kwargs)
            if model.config.model_type == "mbart":
                model.config.normalize_before = True
                model.config.normalize_embedding = True
            return model

    source = Path(model_dir)
    target = Path(out).expanduser()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    loaders = ct2_transformers._MODEL_LOADERS
    original = loaders["MBartConfig"]
    loaders["MBartConfig"] = _MBartLoader()
    try:
        _Converter(str(source)).convert(str(tmp / "ct2"), quantization=quantization, force=True)
        final = tmp / "ct2"
        tokenizer = AutoTokenizer.from_pretrained(source)
        tokenizer.save_pretrained(final / HF_SUBDIR)
        if english_vmap:
            keep = [*tokenizer.all_special_tokens, "en_XX"]
            write_english_vmap(final, keep)
        AutoConfig.from_pretrained(source).save_pretrained(final / HF_SUBDIR)
        # Without generation_config.json the model config holds the decoding defaults.
        with contextlib.suppress(OSError):
            GenerationConfig.from_pretrained(source).save_pretrained(final / HF_SUBDIR)
        if target.exists():
            shutil.rmtree(target)
        final.rename(target)
    finally:
        loaders["MBartConfig"] = original
        shutil.rmtree(tmp, ignore_errors=True)
    return target
