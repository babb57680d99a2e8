"""The two interfaces every backend implements, and how a backend reports that it could not load.

What they return and how a backend's state is shown (``Summary``, ``BackendStatus``) are data
the pure stages render, so those types live in ``pipeline.article``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from pipeline.article import CleanArticle, Summary


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
