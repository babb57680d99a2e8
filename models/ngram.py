"""n-gram blocking that spares glossary placeholders.

`no_repeat_ngram_size=3` bans any token that would repeat a 3-token sequence already generated.
A real vocabulary has never seen the placeholders (`ZXQ0`, `ZXQ1`…) and splits them into pieces
such as `▁Z X Q 0`, so every placeholder after the first repeats `▁Z X Q` and is banned: the
model is forced to mangle it and the protected term is lost. This processor bans exactly what
transformers' NoRepeatNGramLogitsProcessor bans, except n-grams whose text is part of one of
the batch's placeholders; ordinary repetition (the reason for the setting) is still blocked.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import torch
from transformers import LogitsProcessor

_SPACE_MARKERS = ("▁", "Ġ")  # SentencePiece / byte-level BPE word-start markers


class PlaceholderSafeNoRepeatNGram(LogitsProcessor):
    """Drop-in for `no_repeat_ngram_size=n` that never bans a placeholder's own pieces."""

    def __init__(self, ngram_size: int, tokenizer: Any, placeholders: Iterable[str]) -> None:
        if ngram_size < 1:
            raise ValueError(f"ngram_size must be at least 1, got {ngram_size}")
        self.ngram_size = ngram_size
        self.tokenizer = tokenizer
        # Matched case-insensitively and with the word-start space, as models copy them.
        self.placeholders = tuple(f" {p.lower()}" for p in placeholders)
        self._texts: dict[int, str] = {}

    def _text(self, token_id: int) -> str:
        text = self._texts.get(token_id)
        if text is None:
            piece = self.tokenizer.convert_ids_to_tokens(token_id) or ""
            for marker in _SPACE_MARKERS:
                piece = piece.replace(marker, " ")
            text = self._texts[token_id] = piece.lower()
        return text

    def spares(self, ngram: Iterable[int]) -> bool:
        """True when the n-gram spells part of a placeholder (e.g. `▁Z X Q` of ` ZXQ1`)."""
        text = "".join(self._text(t) for t in ngram)
        if not text.strip():
            return False
        return any(text in p for p in self.placeholders)

    def __call__(self, input_ids: torch.LongTensor, scores: torch.FloatTensor) -> torch.FloatTensor:
        n = self.ngram_size
        cur_len = input_ids.shape[-1]
        if cur_len < n:
            return scores
        # Same matching as transformers' processor: windows whose first n-1 tokens equal the
        # current suffix ban their last token.
        prefix = input_ids[:, cur_len + 1 - n :]
        windows = input_ids.unfold(dimension=1, size=n, step=1)
        matches = (windows[..., :-1] == prefix.unsqueeze(1)).all(dim=-1)
        rows, cols = torch.nonzero(matches, as_tuple=True)
        if rows.numel() == 0:
            return scores
        vocab_size = scores.shape[-1]
        banned: set[tuple[int, int]] = set()
        for row, col in zip(rows.tolist(), cols.tolist(), strict=True):
            token = int(windows[row, col, -1])
            if token < vocab_size:
                banned.add((row, token))
        prefixes = prefix.tolist()
        for row, token in banned:
            if not self.spares([*prefixes[row], token]):
                scores[row, token] = -float("inf")
        return scores
