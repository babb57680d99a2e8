"""How each supported model family wants its input and its languages, as data.

Every family was fine-tuned with one exact input convention; a model fed anything else still
produces fluent text, only worse (or in the wrong language), so nothing downstream notices.
The conventions below follow the model cards and the transformers 5 tokenizer sources:

- ViT5 (T5): the tokenizer appends the one `</s>` itself. The cards show a literal `" </s>"`
  appended as well, which with transformers' tokenizer makes two end tokens; we send one.
  The large vietnews model's card prefixes `"vietnews: "`; the base card says "No prefix needed".
- mBART-cc25 tokenizers (vinai-translate v2, MBartTokenizer): source `text </s> vi_VN`, and
  decoding starts FROM the target code (`decoder_start_token_id = en_XX`, as in VinAI's card).
- mBART-50 (MBart50Tokenizer): source `vi_VN text </s>`, decoding starts from `</s>` and the
  target code is forced as the first generated token (`forced_bos_token_id = en_XX`).
- NLLB-200 (NllbTokenizer, model type m2m_100): source `vie_Latn text </s>`, forced BOS
  `eng_Latn`.
- M2M100 (M2M100Tokenizer): source `__vi__ text </s>`, forced BOS `__en__`.
- Marian (opus-mt-vi-en) and BARTpho-based summarizers: one language pair, no codes.

Input length: the ViT5 vietnews fine-tunes were trained on the first 1,024 input tokens of each
article (vietai/ViT5 finetunning/vietnews.py, commit 1f7530d1: sequence_length inputs 1024,
targets 256); BARTpho has 1,024 learned positions. That is the preset's input cap; a longer
article is cut after the last whole sentence that fits (`summarizer.long_articles`).
"""

from __future__ import annotations

from dataclasses import dataclass

# Language-code styles: where the target code goes when generating.
DECODER_START = "decoder_start"  # generation starts from the target code (mBART-cc25)
FORCED_BOS = "forced_bos"  # target code forced as the first generated token
NO_CODES = "none"


@dataclass(frozen=True)
class TranslatorFamily:
    name: str
    src_lang: str | None  # default codes when the config leaves them null
    tgt_lang: str | None
    target_code: str  # DECODER_START | FORCED_BOS | NO_CODES


# Keyed by tokenizer class name: model_type alone cannot tell NLLB from M2M100 (both m2m_100)
# nor mBART-50 from mBART-cc25 (both mbart).
TRANSLATOR_FAMILIES: dict[str, TranslatorFamily] = {
    "MBartTokenizer": TranslatorFamily("mbart-cc25", "vi_VN", "en_XX", DECODER_START),
    "MBart50Tokenizer": TranslatorFamily("mbart-50", "vi_VN", "en_XX", FORCED_BOS),
    "NllbTokenizer": TranslatorFamily("nllb-200", "vie_Latn", "eng_Latn", FORCED_BOS),
    "M2M100Tokenizer": TranslatorFamily("m2m100", "vi", "en", FORCED_BOS),
    "MarianTokenizer": TranslatorFamily("marian", None, None, NO_CODES),
}
# Model types whose checkpoints need language codes: a tokenizer of another class with one of
# these models cannot be set up correctly, so loading stops instead of guessing.
MULTILINGUAL_MODEL_TYPES = frozenset({"mbart", "m2m_100"})


def translator_family(tokenizer_class: str, model_type: str | None) -> TranslatorFamily | None:
    """The family of a loaded translator; None when the code has no convention for it."""
    name = tokenizer_class.removesuffix("Fast")
    family = TRANSLATOR_FAMILIES.get(name)
    if family is not None:
        return family
    if model_type in MULTILINGUAL_MODEL_TYPES:
        return None
    return TranslatorFamily(f"{model_type or 'unknown'}", None, None, NO_CODES)


@dataclass(frozen=True)
class InputFormat:
    """Text put around every summarizer input (end tokens are the tokenizer's job)."""

    prefix: str = ""
    suffix: str = ""
    max_input_tokens: int | None = None  # the input length the model was fine-tuned on


# Summarizer presets by model name (hub id or directory name), first match wins.
SUMMARIZER_PRESETS: tuple[tuple[str, InputFormat], ...] = (
    ("vit5-large-vietnews-summarization", InputFormat(prefix="vietnews: ", max_input_tokens=1024)),
    ("vit5-base-vietnews-summarization", InputFormat(max_input_tokens=1024)),
    ("bartpho", InputFormat(max_input_tokens=1024)),
)


def summarizer_input_format(
    model_name: str, prefix: str | None = None, suffix: str | None = None
) -> InputFormat:
    """Configured prefix/suffix win; otherwise the preset for the model's name; else none."""
    preset = InputFormat()
    lowered = model_name.lower()
    for key, fmt in SUMMARIZER_PRESETS:
        if key in lowered:
            preset = fmt
            break
    return InputFormat(
        prefix=preset.prefix if prefix is None else prefix,
        suffix=preset.suffix if suffix is None else suffix,
        max_input_tokens=preset.max_input_tokens,
    )
