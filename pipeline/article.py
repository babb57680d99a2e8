"""Data passed between the pure stages, kept free of I/O so every stage can be tested on text."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RemovedLine:
    """One input line the cleaner dropped, kept so editors can audit every removal."""

    line: int  # 1-based line number in the input text
    text: str
    reason: str  # short machine-friendly family name, e.g. "photo-caption", "related-item"


@dataclass(frozen=True)
class CleanArticle:
    """An article reduced to its body paragraphs plus the metadata the brief shows."""

    title: str
    paragraphs: tuple[str, ...]
    published: str | None = None  # YYYY-MM-DD
    outlet: str | None = None
    author: str | None = None
    removed: tuple[RemovedLine, ...] = field(default_factory=tuple)
    wire: str | None = None  # news agency that supplied the story ("TTXVN"), not the outlet
    # "headline": a headline line of the page; "lead": the page has none, so the title is taken
    # from the lead (said in the brief, never passed off as the outlet's headline)
    title_source: str = "headline"

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True)
class Summary:
    """A Vietnamese summary plus key points, which are always sentences of the article itself."""

    text: str
    key_points: tuple[str, ...]
    method: str  # e.g. "extractive" or "seq2seq:VietAI/vit5-base-vietnews-summarization"
    note: str | None = None  # said once in the brief, e.g. the input was cut to fit the model


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
