"""Photo captions judged in context, and repeated lines.

A caption with a credit ("... Ảnh: TTXVN") is found by the one-line rules; here are the ones
that need their neighbours: an uncredited line under an image placeholder, a caption repeated
elsewhere on the page, a credited line that repeats a body paragraph, a portrait caption that is
only a person and their titles. Rows of a list or a table (``page.rows``) carry no caption
evidence of their own and stay body.
"""

from __future__ import annotations

import re

from pipeline.cleaning.lines import IMAGE_REASONS, Page
from pipeline.cleaning.rules import PROSE_START_RE, REPORTING_RE, split_credit
from pipeline.cleaning.text import is_quote, is_sentence, key, sentence_count, words
from pipeline.names import person_title_parts


def caption_after_image(text: str) -> bool:
    """An uncredited line under an image placeholder that reads like a caption, not prose."""
    n = len(words(text))
    if n > 45 or sentence_count(text) > 2 or not text[:1].isupper():
        return False
    if re.search(r"[“”\";]", text) or REPORTING_RE.search(text) or PROSE_START_RE.match(text):
        return False
    return text.endswith(".") or n >= 12 or person_title_parts(text) is not None


def _containment(a: str, b: str) -> float:
    """Share of a's words found in b."""
    wa, wb = key(a).split(), set(key(b).split())
    return sum(w in wb for w in wa) / len(wa) if wa else 0.0


def decide_captions(page: Page) -> None:
    for i, ln in enumerate(page.lines):
        if ln.kind is not None:
            continue
        p = page.prev(i)
        under_image = p is not None and page[p].kind in IMAGE_REASONS
        if under_image and i not in page.rows and caption_after_image(ln.text):
            page.decide(i, "photo-caption")
    # long lines ending in a credit: a caption when they repeat another paragraph
    for i, ln in enumerate(page.lines):
        if ln.kind is not None:
            continue
        before, credit = split_credit(ln.text)
        if credit is None:
            continue
        for j, other in enumerate(page.lines):
            if j != i and other.kind is None and _containment(before, other.text) >= 0.8:
                page.decide(i, "photo-caption")
                break
    caption_keys = {
        key(split_credit(ln.text)[0]) for ln in page.lines if ln.kind == "photo-caption"
    }
    caption_keys.discard("")
    for i, ln in enumerate(page.lines):
        if ln.kind is not None or len(words(ln.text)) > 45 or i in page.rows:
            continue  # a row of a list or table is body, whatever its words
        k = key(split_credit(ln.text)[0])
        if k in caption_keys:
            page.decide(i, "photo-caption")
            continue
        parts = person_title_parts(ln.text)
        if parts is None:
            continue
        p = page.prev(i)
        if p is not None and page[p].text.rstrip(" ”\"»").endswith(("?", ":")):
            continue  # "PV: ...?" then "Ông Nguyễn Văn A": who answers; "...là:": announced
        after_quote = p is not None and is_quote(page[p].text)
        if after_quote or ln.text[:1] in "-–—":
            page.decide(i, "quote-attribution")
        elif parts[1] or (p is not None and page[p].kind in IMAGE_REASONS):
            # a portrait caption names the person and their titles ("Ông X, Giám đốc Sở Y");
            # a bare "Ông X" needs an image above it (else: a speaker's label, a subheading)
            page.decide(i, "portrait-caption")


def decide_duplicates(page: Page, title_idx: int | None) -> None:
    """Keep the first of repeated lines (consecutive ones always, others when 6+ words)."""
    seen: dict[str, int] = {}
    if title_idx is not None:
        seen[key(page[title_idx].text)] = title_idx
    for i, ln in enumerate(page.lines):
        if ln.kind is not None or i == title_idx or i in page.rows:
            continue  # a table repeats its cells ("18 tháng tù treo" on two rows)
        k = key(ln.text)
        if not k:
            continue
        p = page.prev(i)
        consecutive = p is not None and key(page[p].text) == k
        # a sentence the article says twice (a sapo quoting the body, one sentence per line)
        # is the article's own; a repeated headline, caption or link is not
        repeated = k in seen and len(words(ln.text)) >= 6 and not is_sentence(ln.text, 6)
        if consecutive or repeated:
            page.decide(i, "duplicate-line")
            continue
        seen.setdefault(k, i)
