"""The two interfaces every backend implements, and how a backend reports that it could not load."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from pipeline.article import CleanArticle


@dataclass(frozen=True)
class Summary:
    """A Vietnamese summary plus key points, which are always sentences of the article itself."""

    text: str
    key_points: tuple[str, ...]
    method: str  # e.g. "extractive" or "seq2seq:VietAI/vit5-base-vietnews-summarization"
    note: str | None = None  # said once in the brief, e.g. the input was cut to fit the model


class Summarizer(Protocol):
    name: str

    def summarize(self, article: CleanArticle) -> Summary: ...

    def summarize_batch(self, articles: Sequence[CleanArticle]) -> list[Summary]:
        """Summaries in input order; backends that can share model calls override this."""
        return [self.summarize(article) for article in articles]


class Translator(Protocol):
    name: str

    def translate(self, texts: Sequence[str]) -> list[str]:
        """Translate each text (which may hold several paragraphs) keeping order and breaks."""
        ...


class ModelLoadError(RuntimeError):
    """A configured model could not be loaded; the message is shown to users as the reason."""


@dataclass(frozen=True)
class BackendStatus:
    """What was asked for, what is used, and why they differ: shown in briefs and reports."""

    role: str  # "summarizer" | "translator"
    requested: str  # e.g. "seq2seq:vinai/vinai-translate-vi2en-v2"
    used: str | None  # None when nothing could be used (translator unavailable)
    fell_back: bool
    reason: str | None = None

    @property
    def available(self) -> bool:
        return self.used is not None
