"""Saved article HTML -> the plain text layout that ``pipeline.clean.clean_text`` expects.

trafilatura drops navigation, comments and most page chrome; what it lets through (captions,
bylines, "Tin liên quan" lists) is left for the cleaner, which records every removal. The date is
passed on as a `` date YYYY-MM-DD `` header line because trafilatura reads it from page metadata,
which the text alone no longer carries; the site's name (``og:site_name``, else the suffix of
``<title>``) likewise becomes an `` outlet NAME `` header line.
"""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass

import trafilatura

from pipeline.cleaning.rules import footer_reason, is_breadcrumb
from pipeline.cleaning.text import key
from pipeline.dates import to_iso
from pipeline.htmlmarks import marked_captions
from pipeline.names import is_names_line

_ISO_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_SITE_NAME_RES = (
    re.compile(r"<meta[^>]+property=[\"']og:site_name[\"'][^>]*content=[\"']([^\"']+)", re.I),
    re.compile(r"<meta[^>]+content=[\"']([^\"']+)[\"'][^>]*property=[\"']og:site_name", re.I),
)
_TITLE_TAG_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
_TITLE_SUFFIX_RE = re.compile(r"\s+(?:-|\||–|—)\s+(?P<site>[^-|–—]{2,40})$")


def site_name(html: str, headline: str) -> str | None:
    """The publisher's name from ``og:site_name``, else from "<headline> - <Site>" in <title>."""
    for pattern in _SITE_NAME_RES:
        m = pattern.search(html)
        if m:
            return " ".join(htmllib.unescape(m.group(1)).split()) or None
    m = _TITLE_TAG_RE.search(html)
    if not m:
        return None
    title = " ".join(htmllib.unescape(m.group(1)).split())
    suffix = _TITLE_SUFFIX_RE.search(title)
    if (
        suffix
        and suffix.group("site").strip() != headline
        and len(suffix.group("site").split()) <= 6
    ):
        return suffix.group("site").strip()
    return None


def _iso_date(value: object) -> str | None:
    m = _ISO_RE.match(str(value or ""))
    return to_iso(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def html_to_text(html: str) -> str:
    """Title, blank line, one paragraph per block; prefixed by a date header when known.

    Raises ValueError when trafilatura finds no article text, so callers can report the file
    instead of writing an empty brief.
    """
    doc = trafilatura.bare_extraction(
        html,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        with_metadata=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not body:
        raise ValueError("no article text found in HTML")
    title = " ".join((getattr(doc, "title", None) or "").split())
    paragraphs = [" ".join(p.split()) for p in body.splitlines() if p.strip()]
    if all(footer_reason(p) or is_breadcrumb(p) for p in paragraphs):
        # trafilatura falls back to whatever text the page has, e.g. a lone menu
        raise ValueError("no article text found in HTML")
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]  # the <h1> often comes through twice
    parts: list[str] = []
    published = _iso_date(getattr(doc, "date", None))
    if published:
        parts.append(f" date {published} ")
    site = site_name(html, title)
    if site:
        parts.append(f" outlet {site} ")
    if title:
        parts.append(title)
    parts.extend(paragraphs)
    author = " ".join((getattr(doc, "author", None) or "").split())
    if author and is_names_line(author) and author not in paragraphs:
        parts.append(author)  # closing byline line, so the cleaner records the author
    return "\n\n".join(parts) + "\n"


@dataclass(frozen=True)
class HtmlInput:
    """An HTML page read for the cleaner: its text layout and what its markup says."""

    text: str  # ``html_to_text``
    captions: frozenset[str]  # keys of the lines marked as photo captions (``htmlmarks``)


def read_html(html: str) -> HtmlInput:
    """``html_to_text`` plus the page's marked captions (raises ValueError as it does). The
    headline is never one of them: an outlet that captions the top picture with its headline
    (dropped with the <figure>) would otherwise take the headline away."""
    text = html_to_text(html)
    headline = next((line for line in text.splitlines() if line and not line.startswith(" ")), "")
    return HtmlInput(text, marked_captions(html) - {key(headline)})
