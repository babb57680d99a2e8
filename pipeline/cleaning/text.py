"""Small text predicates shared by every cleaner family (one line at a time, no context)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.segment import split_sentences
from pipeline.stopwords import STOPWORDS
from pipeline.unicode_forms import nfc, strip_diacritics

_ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACE_RE = re.compile(r"\s+")
ELLIPSIS_END_RE = re.compile(r"(?:\.\.\.|…)\s*[\"”’')\]]?$")
_TERMINAL = tuple(".!?;:")
CLOSING_QUOTES = ("”", '"', "»", "’")
# "- item", "+ item", "• item", "1. item", "2) item", "a) item": a row of a list
LIST_ITEM_RE = re.compile(r"^(?:[-+•*–]|\d{1,2}[.)]|[a-zđ][.)])\s")


def normalize(text: str) -> str:
    """NFC, no zero-width characters, whitespace runs collapsed, stripped.

    Body paragraphs are compared and emitted in this form, so tests and editors see stable text.
    """
    text = nfc(text)
    text = _ZERO_WIDTH_RE.sub("", text)
    return _SPACE_RE.sub(" ", text).strip()


def alternation(phrases: Iterable[str]) -> str:
    """A regex group for any of ``phrases`` (plain words: no regex syntax), longest first, so
    a phrase is read whole before a shorter one it opens on ("báo điện tử" before "báo").
    Word lists stay data; the patterns that read them are built with this."""
    return "(?:" + "|".join(sorted(set(phrases), key=lambda p: (-len(p), p))) + ")"


def words(text: str) -> list[str]:
    """Whitespace tokens; in Vietnamese one token is one syllable."""
    return text.split()


def fold(text: str) -> str:
    """Lowercase ASCII without diacritics, so a URL slug can be matched against a title."""
    return re.sub(r"[^a-z0-9]+", " ", strip_diacritics(text).lower()).strip()


def has_vietnamese(text: str) -> bool:
    """True when the text carries Vietnamese letters (any non-ASCII letter counts)."""
    return any(ord(c) > 127 and c.isalpha() for c in text)


def key(text: str) -> str:
    """Comparison key: casefolded, punctuation-insensitive."""
    return " ".join(re.findall(r"\w+", text.casefold()))


def word_share(a: str, b: str) -> float:
    """Share of a's words (``key`` form) found in b: how much of one line another repeats."""
    wa, wb = key(a).split(), set(key(b).split())
    return sum(w in wb for w in wa) / len(wa) if wa else 0.0


def ends_with_ellipsis(text: str) -> bool:
    return bool(ELLIPSIS_END_RE.search(text))


def is_sentence(text: str, min_words: int = 8) -> bool:
    """A prose line: ends like a sentence (not with a teaser's "...") and is long enough."""
    bare = text.rstrip("”\"’')]» ")
    return (
        len(words(text)) >= min_words and bare.endswith(_TERMINAL) and not ends_with_ellipsis(text)
    )


def is_prose(text: str) -> bool:
    """A body paragraph's shape: a sentence of six words or more, or a closing quotation."""
    return is_sentence(text, 6) or (text.endswith(CLOSING_QUOTES) and len(words(text)) >= 6)


def is_title_like(text: str, max_words: int = 30) -> bool:
    """Headline form: short and without sentence-final punctuation (teasers, subheadings, names)."""
    return 0 < len(words(text)) <= max_words and not text.endswith((".", ":", ";", "…"))


def quoted_headline(text: str) -> bool:
    """A headline closing on a quotation ("... khẳng định: "Không tiếc 16 triệu đã bỏ ra mua"",
    "... tha hồ "đựng cả thế giới""): nothing ends the sentence inside the closing quote, and the
    quote opens inside the line. ``is_prose`` takes it for a quoted paragraph, which ends on a
    full stop before its quote mark (or opens with the quote)."""
    bare = text.rstrip(" " + "".join(CLOSING_QUOTES))
    return (
        bare != text
        and bare[-1:].isalnum()
        and is_title_like(bare)
        and not text.startswith(("“", '"', "«", "‘", "'"))
    )


def is_quote(text: str) -> bool:
    """A quoted paragraph: ends with a closing quote (maybe then a period) or opens with one."""
    return text.rstrip(" .").endswith(CLOSING_QUOTES) or text.startswith(("“", '"', "«"))


def sentences(text: str) -> list[str]:
    """The project's one sentence splitter (``pipeline.segment``), applied to one line."""
    return split_sentences(text)


_PARAGRAPH_MIN_WORDS = 20  # a line this long is a paragraph even with no end punctuation
_TRAILING_PARAGRAPH_MIN_WORDS = 10  # "... kê cao đồ đạc ..." trails off but is text


def is_paragraph(text: str) -> bool:
    """A paragraph of text: prose, a line long enough to be one ("... George Lopez…"), or one
    that trails off in "..." (some sapos and paragraphs do)."""
    n = len(words(text))
    return (
        is_prose(text)
        or n >= _PARAGRAPH_MIN_WORDS
        or (ends_with_ellipsis(text) and n >= _TRAILING_PARAGRAPH_MIN_WORDS)
    )


def sentence_count(text: str) -> int:
    return max(1, len(sentences(text)))


def topic_words(text: str) -> set[str]:
    """Content syllables of a line (no function words, no numbers): what it is about."""
    return {w for w in key(text).split() if len(w) > 1 and w not in STOPWORDS and not w.isdigit()}


def coherence(text: str, reference: set[str]) -> float:
    """Share of a line's topic words that also occur in the headline and lead (a general
    signal: a teaser of another story shares little with them)."""
    own = topic_words(text)
    return len(own & reference) / len(own) if own else 0.0


def same_opening(texts: list[str]) -> bool:
    """Two thirds of the lines open with the same word ("Đài ... có chương trình ...", "Kính thưa
    ..."): the rows of a list or a salutation, which other stories' titles never share."""
    firsts = [words(t)[0].casefold() for t in texts if words(t)]
    if len(firsts) < 2:
        return False
    top = max(firsts.count(f) for f in set(firsts))
    return top >= 2 and top * 3 >= len(firsts) * 2
