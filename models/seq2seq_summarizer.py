"""Abstractive summaries from a transformers seq2seq model (ViT5 by default).

News articles regularly exceed the model's input window (ViT5: 1024 tokens; the cap follows
the model card, models/families.py). With `long_articles: truncate` (default) the model gets the
article's first whole sentences that fit, which is what it was fine-tuned on (VietNews inputs cut
at 1,024 tokens), never half a sentence, and the summary says the rest was not read. With
`chunk` the article is cut into chunks at sentence boundaries, each chunk is summarised, and the
partial summaries are joined (and summarised again, a bounded number of times, while the join is
still too long for one pass): the whole article is read, at a multiple of the cost.

Key points are never generated: they are the extractive summarizer's picks, i.e. the article's
own sentences, so a bullet in a brief can always be traced back to the source text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import torch

from models.base import ModelLoadError
from models.extractive import ExtractiveSummarizer
from models.families import summarizer_input_format
from models.locking import model_lock
from pipeline.article import CleanArticle, Summary
from pipeline.config import SummarizerConfig
from pipeline.segment import split_sentences

# Re-summarising partial summaries converges fast (each pass shrinks the text by about
# max_input_tokens / max_new_tokens); the bound only guards configs where it cannot shrink.
MAX_PASSES = 3
# Chunks summarised per generate() call: batching chunks is faster, but beam search memory grows
# with batch x beams x length, so keep batches small.
CHUNK_BATCH = 4
# Tokenizers without a real limit report a huge sentinel (1e30) as model_max_length.
_SANE_MODEL_MAX = 100_000
# Input cap for a model without a preset or configured value.
DEFAULT_INPUT_TOKENS = 1024


def model_input_limit(configured: int, tokenizer: Any, model: Any) -> int:
    """The smallest of the configured limit, the tokenizer's limit and the position table.

    A config asking for 1024 tokens on a model with 512 learned positions would crash in
    generate(); T5-style relative positions have no table, so only real limits count.
    """
    limit = configured
    tokenizer_max = getattr(tokenizer, "model_max_length", None)
    if isinstance(tokenizer_max, int) and 0 < tokenizer_max < _SANE_MODEL_MAX:
        limit = min(limit, tokenizer_max)
    positions = getattr(getattr(model, "config", None), "max_position_embeddings", None)
    if isinstance(positions, int) and positions > 0:
        limit = min(limit, positions)
    return limit


def chunk_sentences(
    sentences: Sequence[str], token_counts: Sequence[int], budget: int
) -> list[list[str]]:
    """Greedy packing of consecutive sentences into chunks of at most `budget` tokens.

    A single sentence longer than the budget gets a chunk of its own (and is truncated by the
    tokenizer): cutting inside a sentence would hand the model half a clause either way.
    """
    chunks: list[list[str]] = []
    current: list[str] = []
    used = 0
    for sentence, count in zip(sentences, token_counts, strict=True):
        if current and used + count > budget:
            chunks.append(current)
            current, used = [], 0
        current.append(sentence)
        used += count
    if current:
        chunks.append(current)
    return chunks


class Seq2SeqSummarizer:
    """Summarizer backed by a loaded (tokenizer, model) pair; see the module docstring."""

    def __init__(self, tokenizer: Any, model: Any, config: SummarizerConfig, name: str) -> None:
        self.tokenizer = tokenizer
        self.model = model
        self.config = config
        self.model_name = name
        self.name = f"seq2seq:{name}"
        fmt = summarizer_input_format(name, config.input_prefix, config.input_suffix)
        self.prefix, self.suffix = fmt.prefix, fmt.suffix
        eos = getattr(tokenizer, "eos_token", None)
        if eos and (eos in self.prefix or eos in self.suffix):
            raise ModelLoadError(
                f"summarizer input_prefix/input_suffix contain the end token {eos}: the tokenizer "
                "adds it itself, and two end tokens are not what the model was trained on"
            )
        configured = config.max_input_tokens or fmt.max_input_tokens or DEFAULT_INPUT_TOKENS
        self.limit = model_input_limit(configured, tokenizer, model)
        self.truncate = config.long_articles == "truncate"
        self._lock = model_lock(model)
        self._extractive = ExtractiveSummarizer(
            sentences=config.sentences, key_points=config.key_points
        )
        # Tokens the prefix, suffix and special tokens take from every chunk's budget.
        with_frame = tokenizer(self.prefix + "x" + self.suffix)["input_ids"]
        bare = tokenizer("x", add_special_tokens=False)["input_ids"]
        self._overhead = max(0, len(with_frame) - len(bare))
        self.budget = max(1, self.limit - self._overhead)
        # Chunks of each article's first pass and passes used, of the last call (reports/tests).
        self.last_chunk_counts: list[int] = []
        self.last_passes_each: list[int] = []

    @property
    def last_chunk_count(self) -> int:
        return self.last_chunk_counts[0] if self.last_chunk_counts else 0

    @property
    def last_passes(self) -> int:
        return self.last_passes_each[0] if self.last_passes_each else 0

    def summarize(self, article: CleanArticle) -> Summary:
        return self.summarize_batch([article])[0]

    def summarize_batch(self, articles: Sequence[CleanArticle]) -> list[Summary]:
        """Summaries of several articles, their chunks sharing generate() calls.

        Same results as one article at a time: each article's chunking and passes do not depend
        on the others; only which chunks share a padded batch does.
        """
        with self._lock:
            # Also raises ValueError for an article without body text, like the extractive one.
            key_points = [self._extractive.summarize(a).key_points for a in articles]
            pending = {
                i: [s for p in a.paragraphs for s in split_sentences(p)]
                for i, a in enumerate(articles)
            }
            texts: dict[int, str] = {}
            self.last_chunk_counts = [0] * len(articles)
            self.last_passes_each = [0] * len(articles)
            depth = 0
            notes: dict[int, str] = {}
            if self.truncate:
                for i, sents in pending.items():
                    pending[i], notes[i] = self._fit(sents)
            while pending:
                plans = {
                    i: chunk_sentences(sents, self._count_tokens(sents), self.budget)
                    for i, sents in pending.items()
                }
                owners = [i for i, chunks in plans.items() for _ in chunks]
                partials = self._generate(
                    [" ".join(chunk) for chunks in plans.values() for chunk in chunks]
                )
                joined: dict[int, list[str]] = {i: [] for i in plans}
                for i, partial in zip(owners, partials, strict=True):
                    if partial:
                        joined[i].append(partial)
                pending = {}
                for i, chunks in plans.items():
                    if depth == 0:
                        self.last_chunk_counts[i] = len(chunks)
                    self.last_passes_each[i] = depth + 1
                    combined = " ".join(joined[i])
                    if (
                        len(chunks) <= 1
                        or depth + 1 >= MAX_PASSES
                        or not combined
                        or sum(self._count_tokens([combined])) <= self.budget
                    ):
                        texts[i] = combined
                    else:
                        pending[i] = split_sentences(combined) or [combined]
                depth += 1
            return [
                Summary(texts[i], key_points[i], method=self.name, note=notes.get(i))
                for i in range(len(articles))
            ]

    def _fit(self, sentences: list[str]) -> tuple[list[str], str | None]:
        """The first whole sentences within the token budget (at least one), and a note if cut.

        One sentence longer than the whole budget is still sent (the tokenizer cuts it): the
        alternative is no summary at all.
        """
        counts = self._count_tokens(sentences)
        kept, used = 0, 0
        for count in counts:
            if kept and used + count > self.budget:
                break
            kept, used = kept + 1, used + count
        if kept == len(sentences):
            return sentences, None
        note = (
            f"summary of the first {kept} of {len(sentences)} sentences: the rest is past the "
            f"{self.limit}-token input of {self.model_name}"
        )
        return sentences[:kept], note

    def _count_tokens(self, sentences: Sequence[str]) -> list[int]:
        if not sentences:
            return []
        encoded = self.tokenizer(list(sentences), add_special_tokens=False)["input_ids"]
        return [len(ids) for ids in encoded]

    def _generate(self, texts: list[str]) -> list[str]:
        """Outputs in input order; inputs sorted by length so each batch pads little."""
        outputs: list[str] = [""] * len(texts)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]), reverse=True)
        device = getattr(self.model, "device", "cpu")
        for start in range(0, len(order), CHUNK_BATCH):
            batch = order[start : start + CHUNK_BATCH]
            inputs = self.tokenizer(
                [self.prefix + texts[i] + self.suffix for i in batch],
                return_tensors="pt",
                padding=True,
                truncation=True,
                max_length=self.limit,
            ).to(device)
            with torch.inference_mode():
                generated = self.model.generate(
                    **inputs,
                    num_beams=self.config.num_beams,
                    no_repeat_ngram_size=self.config.no_repeat_ngram_size,
                    max_new_tokens=self.config.max_new_tokens,
                )
            decoded = self.tokenizer.batch_decode(generated, skip_special_tokens=True)
            for i, text in zip(batch, decoded, strict=True):
                outputs[i] = " ".join(text.split())
        return outputs
