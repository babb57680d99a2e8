"""Vietnamese -> English translation with a transformers seq2seq model.

Families (Marian, mBART-cc25, mBART-50, NLLB-200, M2M100) and their language codes are data in
models/families.py. Calls into one model are serialised by its lock (models/locking.py).

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
from transformers import LogitsProcessorList

from models.base import ModelLoadError
from models.families import DECODER_START, NO_CODES, TranslatorFamily, translator_family
from models.glossary import Glossary, Slot
from models.locking import model_lock
from models.ngram import PlaceholderSafeNoRepeatNGram
from models.seq2seq_summarizer import model_input_limit
from pipeline.config import TranslatorConfig
from pipeline.segment import split_paragraphs, split_sentences

log = logging.getLogger(__name__)


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
        self._lock = model_lock(model)
        self.family: TranslatorFamily | None = None
        self.target_code_ids: frozenset[int] = frozenset()  # stripped from outputs
        with self._lock:
            self._language_kwargs = self._language_setup()
        self.last_lost_terms = 0  # glossary placeholders the model dropped in the last call

    def _code_id(self, code: str, key: str, family: TranslatorFamily) -> int:
        """Id of a language code, or a load-time error naming the setting and the family."""
        by_code = getattr(self.tokenizer, "lang_code_to_id", None)
        if family.name == "m2m100" and isinstance(by_code, dict):
            found = by_code.get(code)  # M2M100 codes are "vi", tokens "__vi__"
        elif code in self.tokenizer.get_vocab():
            found = self.tokenizer.convert_tokens_to_ids(code)
            found = None if found == self.tokenizer.unk_token_id else found
        else:
            found = None
        if found is None:
            raise ModelLoadError(
                f"translator.{key} '{code}' is not a language code of model '{self.model_name}' "
                f"({family.name} codes look like {family.src_lang} -> {family.tgt_lang})"
            )
        return int(found)

    def _language_setup(self) -> dict[str, int]:
        """generate() arguments that select English; see models/families.py for each family.

        Anything the code cannot honour (codes for a model without them, a code the model does
        not know, a multilingual model of a tokenizer family without a known convention) is a
        ModelLoadError here, never a silent wrong-language run.
        """
        model_type = getattr(getattr(self.model, "config", None), "model_type", None)
        tokenizer_class = type(self.tokenizer).__name__
        family = translator_family(tokenizer_class, model_type)
        if family is None:
            raise ModelLoadError(
                f"model '{self.model_name}' ({model_type}) needs language codes, but vnbrief has "
                f"no convention for its tokenizer {tokenizer_class}"
            )
        self.family = family
        if family.target_code == NO_CODES:
            if self.config.src_lang or self.config.tgt_lang:
                raise ModelLoadError(
                    f"model '{self.model_name}' ({family.name}) takes no language codes: set "
                    "translator.src_lang and translator.tgt_lang to null"
                )
            return {}
        src = self.config.src_lang or family.src_lang
        tgt = self.config.tgt_lang or family.tgt_lang
        assert src is not None and tgt is not None  # every coded family has defaults
        src_id = self._code_id(src, "src_lang", family)
        tgt_id = self._code_id(tgt, "tgt_lang", family)
        self.tokenizer.src_lang = src  # the setter re-templates the special tokens
        if hasattr(self.tokenizer, "tgt_lang"):
            self.tokenizer.tgt_lang = tgt
        if src_id not in self.tokenizer("x")["input_ids"]:
            raise ModelLoadError(
                f"tokenizer of model '{self.model_name}' does not mark the source language {src}"
            )
        self.target_code_ids = frozenset({tgt_id})
        if family.target_code == DECODER_START:
            return {"decoder_start_token_id": tgt_id}
        return {"forced_bos_token_id": tgt_id}

    def generation_kwargs(self) -> dict[str, Any]:
        return {
            "num_beams": self.config.num_beams,
            "no_repeat_ngram_size": self.config.no_repeat_ngram_size,
            "max_new_tokens": self.config.max_new_tokens,
            **self._language_kwargs,
        }

    def translate(self, texts: Sequence[str]) -> list[str]:
        # Layout: for each text, its paragraphs, each a list of indices into `unique`, so a
        # sentence that occurs in several texts (a key point also in the summary) costs once.
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
        """One output per sentence, same order; each distinct sentence is generated once."""
        with self._lock:
            distinct = list(dict.fromkeys(sentences))
            outputs = dict(zip(distinct, self._translate_distinct(distinct), strict=True))
            return [outputs[s] for s in sentences]

    def _translate_distinct(self, sentences: list[str]) -> list[str]:
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
            placeholders = {slot.placeholder for i in batch for slot in slots[i]}
            texts = [sources[i] for i in batch]
            for index, text in zip(batch, self._generate(texts, placeholders), strict=True):
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

    def _generate(self, texts: list[str], placeholders: set[str] | frozenset[str] = frozenset()):
        device = getattr(self.model, "device", "cpu")
        inputs = self.tokenizer(
            texts, return_tensors="pt", padding=True, truncation=True, max_length=self.limit
        ).to(device)
        kwargs = self.generation_kwargs()
        if placeholders and kwargs["no_repeat_ngram_size"]:
            # The built-in blocking would ban every placeholder after the first (models/ngram.py).
            blocker = PlaceholderSafeNoRepeatNGram(
                kwargs["no_repeat_ngram_size"], self.tokenizer, placeholders
            )
            kwargs["no_repeat_ngram_size"] = 0
            kwargs["logits_processor"] = LogitsProcessorList(
                [*kwargs.get("logits_processor", []), blocker]
            )
        with torch.inference_mode():
            generated = self.model.generate(**inputs, **kwargs)
        rows = [
            [t for t in row if t not in self.target_code_ids] for row in generated.tolist()
        ]
        decoded = self.tokenizer.batch_decode(rows, skip_special_tokens=True)
        return [" ".join(text.split()) for text in decoded]
