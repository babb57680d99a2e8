"""Abstractive summaries from a transformers seq2seq model (ViT5 by default).

News articles regularly exceed the model's input window (ViT5: 1024 tokens), and plain
truncation would summarise only the opening. Articles are therefore cut into chunks at sentence
boundaries, each chunk is summarised, and the partial summaries are joined (and summarised
again, a bounded number of times, while the join is still too long for one pass).

Key points are never generated: they are the extractive summarizer's picks, i.e. the article's
own sentences, so a bullet in a brief can always be traced back to the source text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import torch

from models.base import Summary
from models.extractive import ExtractiveSummarizer
from pipeline.article import CleanArticle
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


def input_format(model_name: str) -> tuple[str, str]:
    """Prefix and suffix the model was fine-tuned with (ViT5 vietnews: see its model card)."""
    if "vit5" in model_name.lower():
        return "vietnews: ", " </s>"
    return "", ""


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
        self.prefix, self.suffix = input_format(name)
        self.limit = model_input_limit(config.max_input_tokens, tokenizer, model)
        self._extractive = ExtractiveSummarizer(
            sentences=config.sentences, key_points=config.key_points
        )
        # Tokens the prefix, suffix and special tokens take from every chunk's budget.
        with_frame = tokenizer(self.prefix + "x" + self.suffix)["input_ids"]
        bare = tokenizer("x", add_special_tokens=False)["input_ids"]
        self._overhead = max(0, len(with_frame) - len(bare))
        self.budget = max(1, self.limit - self._overhead)
        self.last_chunk_count = 0  # chunks of the last article's first pass, for reports/tests
        self.last_passes = 0

    def summarize(self, article: CleanArticle) -> Summary:
        # Also raises ValueError for an article without body text, like the extractive backend.
        key_points = self._extractive.summarize(article).key_points
        sentences = [s for p in article.paragraphs for s in split_sentences(p)]
        self.last_chunk_count = 0
        self.last_passes = 0
        text = self._summarize_sentences(sentences, 0)
        return Summary(text=text, key_points=key_points, method=self.name)

    def _count_tokens(self, sentences: Sequence[str]) -> list[int]:
        encoded = self.tokenizer(list(sentences), add_special_tokens=False)["input_ids"]
        return [len(ids) for ids in encoded]

    def _summarize_sentences(self, sentences: list[str], depth: int) -> str:
        chunks = chunk_sentences(sentences, self._count_tokens(sentences), self.budget)
        if depth == 0:
            self.last_chunk_count = len(chunks)
        self.last_passes = depth + 1
        partials = self._generate([" ".join(chunk) for chunk in chunks])
        combined = " ".join(p for p in partials if p)
        if len(chunks) == 1 or depth + 1 >= MAX_PASSES or not combined:
            return combined
        if sum(self._count_tokens([combined])) <= self.budget:
            return combined
        return self._summarize_sentences(split_sentences(combined) or [combined], depth + 1)

    def _generate(self, texts: list[str]) -> list[str]:
        outputs: list[str] = []
        device = getattr(self.model, "device", "cpu")
        for start in range(0, len(texts), CHUNK_BATCH):
            batch = [self.prefix + t + self.suffix for t in texts[start : start + CHUNK_BATCH]]
            inputs = self.tokenizer(
                batch,
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
            outputs.extend(" ".join(text.split()) for text in decoded)
        return outputs
