"""Vietnamese -> English translation with a transformers seq2seq model (mBART-style or Marian).

Sentence-level on purpose: both supported model families were trained on sentence pairs and
degrade (drop clauses, loop) on whole paragraphs, and sentences make efficient, evenly sized
batches. All sentences of all texts of one call are translated together, sorted by length so a
batch pads little, and then put back in their exact places.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import torch

from models.base import ModelLoadError
from models.glossary import Glossary, Slot
from models.seq2seq_summarizer import model_input_limit
from pipeline.config import TranslatorConfig
from pipeline.segment import split_paragraphs, split_sentences

log = logging.getLogger(__name__)

_MBART_TYPES = ("mbart",)


class Seq2SeqTranslator:
    """Translator backed by a loaded (tokenizer, model) pair; see the module docstring."""

    def __init__(
        self,
        tokenizer: Any,
        model: Any,
        config: TranslatorConfig,
        name: str,
        glossary: Glossary | None = None,
    ) -> None:
        self.tokenizer = tokenizer
        self.model = model
        self.config = config
        self.model_name = name
        self.name = f"seq2seq:{name}"
        self.glossary = glossary
        self.limit = model_input_limit(config.max_input_tokens, tokenizer, model)
        self._language_kwargs = self._language_setup()
        self.last_lost_terms = 0  # glossary placeholders the model dropped in the last call

    def _is_multilingual(self) -> bool:
        model_type = getattr(getattr(self.model, "config", None), "model_type", None)
        has_codes = bool(getattr(self.tokenizer, "lang_code_to_id", None))
        tgt = self.config.tgt_lang
        return model_type in _MBART_TYPES or has_codes or (tgt is not None and self._has_token(tgt))

    def _has_token(self, token: str) -> bool:
        if token not in self.tokenizer.get_vocab():
            return False
        return self.tokenizer.convert_tokens_to_ids(token) != self.tokenizer.unk_token_id

    def _language_setup(self) -> dict[str, int]:
        """generate() arguments that select English on mBART-style models; none for Marian.

        The two mBART conventions differ: mBART-cc25 tokenizers (vinai-translate, MBartTokenizer)
        write the language code after the source and the model was trained to decode starting
        FROM the target code, so it becomes decoder_start_token_id (as in VinAI's model card);
        mBART-50 tokenizers put the code first and keep </s> as decoder start, so the target
        code is forced as the first generated token (forced_bos_token_id).
        """
        if not self._is_multilingual():
            return {}
        src, tgt = self.config.src_lang, self.config.tgt_lang
        if not tgt:
            raise ModelLoadError(
                f"model '{self.model_name}' is multilingual (mBART-style) but translator.tgt_lang "
                "is not set (use en_XX)"
            )
        for key, code in (("src_lang", src), ("tgt_lang", tgt)):
            if code is not None and not self._has_token(code):
                raise ModelLoadError(
                    f"translator.{key} '{code}' is not a language code of model '{self.model_name}'"
                )
        if src is not None and hasattr(self.tokenizer, "src_lang"):
            self.tokenizer.src_lang = src  # the setter re-templates the special tokens
        tgt_id = int(self.tokenizer.convert_tokens_to_ids(tgt))
        src_id = self.tokenizer.convert_tokens_to_ids(src) if src else None
        prefix = list(getattr(self.tokenizer, "prefix_tokens", []) or [])
        if src_id is not None and src_id in prefix:
            return {"forced_bos_token_id": tgt_id}
        return {"decoder_start_token_id": tgt_id}

    def generation_kwargs(self) -> dict[str, Any]:
        return {
            "num_beams": self.config.num_beams,
            "no_repeat_ngram_size": self.config.no_repeat_ngram_size,
            "max_new_tokens": self.config.max_new_tokens,
            **self._language_kwargs,
        }

    def translate(self, texts: Sequence[str]) -> list[str]:
        # Layout: for each text, its paragraphs, each a list of indices into `unique`.
        unique: dict[str, int] = {}
        layout: list[list[list[int]]] = []
        for text in texts:
            paragraphs: list[list[int]] = []
            for paragraph in split_paragraphs(text or ""):
                indices = [unique.setdefault(s, len(unique)) for s in split_sentences(paragraph)]
                if indices:
                    paragraphs.append(indices)
            layout.append(paragraphs)
        translated = self.translate_sentences(list(unique))
        return [
            "\n\n".join(" ".join(translated[i] for i in para) for para in paragraphs)
            for paragraphs in layout
        ]

    def translate_sentences(self, sentences: Sequence[str]) -> list[str]:
        """One output per sentence, same order; batching and sorting are internal."""
        self.last_lost_terms = 0
        if not sentences:
            return []
        slots: list[tuple[Slot, ...]] = []
        sources: list[str] = []
        for sentence in sentences:
            if self.glossary is not None:
                protected, sentence_slots = self.glossary.protect(sentence)
            else:
                protected, sentence_slots = sentence, ()
            sources.append(protected)
            slots.append(sentence_slots)

        encoded = self.tokenizer(sources, add_special_tokens=False)["input_ids"]
        lengths = [len(ids) for ids in encoded]
        order = sorted(range(len(sources)), key=lambda i: lengths[i], reverse=True)
        outputs: list[str] = [""] * len(sources)
        size = self.config.batch_size
        for start in range(0, len(order), size):
            batch = order[start : start + size]
            for index, text in zip(batch, self._generate([sources[i] for i in batch]), strict=True):
                outputs[index] = text

        if self.glossary is not None:
            for i, sentence_slots in enumerate(slots):
                if sentence_slots:
                    outputs[i], lost = self.glossary.restore_report(outputs[i], sentence_slots)
                    self.last_lost_terms += len(lost)
            if self.last_lost_terms:
                log.warning(
                    "translator %s dropped %d glossary term(s)/name(s) in %d sentence(s)",
                    self.model_name,
                    self.last_lost_terms,
                    len(sentences),
                )
        return outputs

    def _generate(self, texts: list[str]) -> list[str]:
        device = getattr(self.model, "device", "cpu")
        inputs = self.tokenizer(
            texts, return_tensors="pt", padding=True, truncation=True, max_length=self.limit
        ).to(device)
        with torch.inference_mode():
            generated = self.model.generate(**inputs, **self.generation_kwargs())
        decoded = self.tokenizer.batch_decode(generated, skip_special_tokens=True)
        return [" ".join(text.split()) for text in decoded]
