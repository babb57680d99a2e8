"""Markdown for briefs and the daily index: pure functions from data to text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from pipeline.article import BackendStatus, CleanArticle, Summary
from pipeline.digest_sketch import body_sketch, encode
from pipeline.unicode_forms import strip_diacritics

SLUG_MAX_WORDS = 10
SLUG_MAX_CHARS = 70
# The day's digest beside the briefs; each brief links to its own anchor there (see digest_render).
DIGEST_NAME = "digest.md"


@dataclass(frozen=True)
class English:
    """The English side of a brief; `unavailable` says why it is missing instead of faking it."""

    title: str | None = None
    summary: str | None = None
    key_points: tuple[str, ...] = ()
    unavailable: str | None = None


@dataclass(frozen=True)
class Brief:
    slug: str
    input_file: str
    input_sha256: str
    article: CleanArticle
    summary: Summary
    english: English
    summarizer: BackendStatus
    translator: BackendStatus
    generated_at: str  # ISO 8601 with offset


def ascii_fold(text: str) -> str:
    """Vietnamese to ASCII ('Đông Dương' -> 'Dong Duong'); đ has no Unicode decomposition."""
    return strip_diacritics(text, compatibility=True).encode("ascii", "ignore").decode()


def slugify(title: str, sha256: str) -> str:
    """Readable, filesystem-safe and unique: folded title words plus a short content hash.

    The hash makes two articles with the same headline distinct, and the same article always
    gets the same slug; only [a-z0-9-] survive, so no slug can escape the output folder.
    """
    words = re.findall(r"[a-z0-9]+", ascii_fold(title).lower())[:SLUG_MAX_WORDS]
    stem = "-".join(words)[:SLUG_MAX_CHARS].strip("-") or "article"
    return f"{stem}-{sha256[:8]}"


def _status_dict(status: BackendStatus) -> dict[str, Any]:
    return {
        "requested": status.requested,
        "used": status.used or "none",
        "fell_back": status.fell_back,
        "reason": status.reason,
    }


def front_matter(brief: Brief) -> dict[str, Any]:
    art = brief.article
    return {
        "title_vi": art.title,
        "title_en": brief.english.title,
        "title_source": art.title_source,  # "lead": no headline on the page (see the note)
        "source": art.outlet,
        "published": art.published,
        "author": art.author,
        "input_file": brief.input_file,
        "input_sha256": brief.input_sha256,
        "summary_method": brief.summary.method,
        "models": {
            "summarizer": _status_dict(brief.summarizer),
            "translator": _status_dict(brief.translator),
        },
        "english_unavailable": brief.english.unavailable,
        "generated_at": brief.generated_at,
        # Fingerprint of the body for the digest's wire-copy check (pipeline/digest_sketch.py).
        "wire_sketch": encode(body_sketch(art.body)),
    }


def _unavailable(brief: Brief) -> str:
    """The reason is said once: in the note under the title when the translator is missing."""
    if not brief.translator.available:
        return "_English translation unavailable (see the note under the title)._"
    return f"_English translation unavailable: {brief.english.unavailable}_"


def _model_line(status: BackendStatus) -> str:
    """Short: the full reason is already in the note under the title."""
    if not status.available:
        return f"not available ({status.requested}; see the note under the title)"
    line = status.used or ""
    if status.fell_back:
        line += f" (fallback for {status.requested}; see the note under the title)"
    elif status.reason:
        line += f" ({status.reason})"
    return line


def _sentence(text: str | None) -> str:
    text = (text or "unknown reason").rstrip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _model_notes(brief: Brief) -> list[str]:
    """A visible note under the title whenever a configured model was not used, and when the
    title was not a headline of the page (taken from the lead)."""
    notes = []
    if brief.summarizer.fell_back:
        notes.append(
            f"> **Note:** summary made by the {brief.summarizer.used} fallback: "
            f"{brief.summarizer.requested} could not be loaded. "
            f"{_sentence(brief.summarizer.reason)}"
        )
    if not brief.translator.available:
        notes.append(f"> **Note:** no English translation: {_sentence(brief.translator.reason)}")
    if brief.article.title_source == "lead":
        notes.append(
            "> **Note:** the page has no headline line; the title is taken from its lead (its"
            " first sentence, or that sentence's main clause)."
        )
    return [*"\n>\n".join(notes).split("\n"), ""] if notes else []


def render_brief(brief: Brief) -> str:
    art, en = brief.article, brief.english
    meta = yaml.safe_dump(front_matter(brief), allow_unicode=True, sort_keys=False, width=1000)
    lines = ["---", meta.rstrip("\n"), "---", "", f"# {art.title}", ""]
    lines += _model_notes(brief)
    lines += ["## English title", "", en.title if en.title else _unavailable(brief), ""]
    lines += ["## Tóm tắt", "", brief.summary.text, ""]
    if brief.summary.note:  # said once, here: e.g. the model read only the first sentences
        lines += [f"_Note: {_sentence(brief.summary.note)}_", ""]
    lines += ["## Summary", "", en.summary if en.summary else _unavailable(brief), ""]
    lines += ["## Key points", ""]
    if not brief.summary.key_points:
        lines.append("_The article is short: the summary covers all of it._")
    for i, point in enumerate(brief.summary.key_points):
        lines.append(f"- {point}")
        if i < len(en.key_points) and en.key_points[i]:
            lines.append(f"  - _EN:_ {en.key_points[i]}")
    lines += ["", "## Source", ""]
    lines.append(f"- Outlet: {art.outlet or 'unknown'}")
    lines.append(f"- Published: {art.published or 'unknown'}")
    lines.append(f"- Author: {art.author or 'unknown'}")
    lines.append(f"- Input: `{brief.input_file}` (sha256 `{brief.input_sha256[:16]}…`)")
    lines.append(f"- Summarizer: {_model_line(brief.summarizer)}")
    lines.append(f"- Translator: {_model_line(brief.translator)}")
    lines.append(f"- Generated: {brief.generated_at}")
    lines.append(f"- Story: [its story in the day's digest]({DIGEST_NAME}#{brief.slug})")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class IndexEntry:
    slug: str
    title_vi: str
    title_en: str | None
    outlet: str | None
    published: str | None


def parse_front_matter(markdown: str) -> dict[str, Any]:
    """Read back a brief's front matter, so the index is rebuilt from what is on disk."""
    if not markdown.startswith("---\n"):
        return {}
    end = markdown.find("\n---\n", 4)
    if end < 0:
        return {}
    data = yaml.safe_load(markdown[4:end])
    return data if isinstance(data, dict) else {}


def render_index(day: str, entries: list[IndexEntry]) -> str:
    lines = [f"# Bản tin / Daily brief — {day}", ""]
    lines += [f"The same briefs grouped by story: [{DIGEST_NAME}]({DIGEST_NAME}).", ""]
    if not entries:
        lines.append("_No briefs for this day._")
    for e in sorted(entries, key=lambda x: (x.title_vi.lower(), x.slug)):
        lines.append(f"- [{e.title_vi}]({e.slug}.md)")
        lines.append(f"  - EN: {e.title_en or '_(English title unavailable)_'}")
        details = [d for d in (e.outlet, e.published) if d]
        if details:
            lines.append(f"  - {' · '.join(details)}")
    lines.append("")
    lines.append(f"{len(entries)} brief(s).")
    return "\n".join(lines) + "\n"
