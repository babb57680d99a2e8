"""Vietnamese sentence and paragraph splitting.

Pure and regex-based (no model, no I/O) because the translator calls it on every paragraph and
the summarizers call it on every article: it must be fast and deterministic.

Splitting is deliberately conservative: a boundary is placed only after sentence punctuation
(". ! ? … ...") that is followed by whitespace and something that can start a sentence (an
uppercase letter or a digit, possibly behind an opening quote or bracket). That one rule already
keeps numbers ("6,21", "1.400", "3.1"), domains ("Baoquocte.vn", "VOV.VN") and lowercase
continuations together; the remaining cases are abbreviations, initials, list markers and short
quotations, handled below. Sentences are never rewritten: joining them with spaces gives the
input back modulo whitespace, so callers can map results back onto the text.
"""

from __future__ import annotations

import re

# Abbreviations whose final period never ends a sentence, matched case-sensitively against the
# token before the period (or against every part of a compound like "PGS.TS."). WHY a closed list:
# a false "abbreviation" silently glues two sentences, so only unambiguous forms are listed.
# fmt: off
ABBREVIATIONS: frozenset[str] = frozenset({
    # titles and degrees (thạc sĩ, tiến sĩ, phó giáo sư, giáo sư, bác sĩ, kỹ sư, ...)
    "ThS", "Th.S", "TS", "PGS", "GS", "BS", "KS", "NCS", "NSND", "NSƯT",
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Jr", "Sr", "St",
    # places: thành phố, quận, phường, huyện, thị xã
    "TP", "Tp", "Q", "P", "H", "TX",
    # references: number, page
    "No", "tr", "Tr",
})
# fmt: on

# Characters that may follow sentence punctuation and still belong to the sentence.
_CLOSERS = "”’\"'»)]"
# Characters that may open a sentence in front of its first letter.
_OPENERS = "“‘\"'«([–—-"
# Candidate boundary: a run of sentence punctuation plus any closing quotes/brackets glued to it.
_CANDIDATE = re.compile(r"[.!?…]+[" + re.escape(_CLOSERS) + r"]*")
# Balanced quotations; boundaries inside a short one are suppressed so a quoted remark of a few
# sentences stays one unit instead of leaving half-quotes at both ends.
_QUOTE_SPANS = (re.compile(r"“[^“”\n]*”"), re.compile(r"\"[^\"\n]*\""))
# WHY 400: a quote longer than this (a whole quoted paragraph) is split anyway, because the
# translator's input limit matters more than balanced quote marks.
MAX_QUOTE_CHARS = 400
# A list marker ("2.", "IV.") opening a sentence or following ":"/";" belongs to the text after it.
_LIST_MARKER = re.compile(r"\(?(?:\d{1,2}|[IVXLC]{1,5})")
_BLANK_LINES = re.compile(r"\s*\n\s*")


def split_paragraphs(text: str) -> list[str]:
    """Non-empty stripped paragraphs: scraped text puts one paragraph per line, blank or not."""
    return [p for p in (part.strip() for part in _BLANK_LINES.split(text)) if p]


def split_sentences(text: str) -> list[str]:
    """Sentences of one paragraph (a newline always ends a sentence), stripped, in order."""
    sentences: list[str] = []
    for line in split_paragraphs(text):
        sentences.extend(_split_line(line))
    return sentences


def _split_line(line: str) -> list[str]:
    quote_spans = [
        (m.start(), m.end())
        for pattern in _QUOTE_SPANS
        for m in pattern.finditer(line)
        if m.end() - m.start() <= MAX_QUOTE_CHARS
    ]
    out: list[str] = []
    start = 0
    for m in _CANDIDATE.finditer(line):
        end = m.end()
        if end >= len(line) or not _is_boundary(line, m, start):
            continue
        if any(s < end < e for s, e in quote_spans):
            continue
        piece = line[start:end].strip()
        if piece:
            out.append(piece)
        start = end
    tail = line[start:].strip()
    if tail:
        out.append(tail)
    return out


def _is_boundary(line: str, m: re.Match[str], sent_start: int) -> bool:
    punct = m.group().rstrip(_CLOSERS)
    end = m.end()
    ellipsis = "…" in punct or ".." in punct
    if not line[end].isspace():
        # Glued text after a period is a domain/number ("VOV.VN", "3.1"); after an ellipsis an
        # uppercase letter is a new sentence ("hạ tầng chiến lược…Qua đó").
        return ellipsis and line[end].isupper()
    if not _starts_sentence(line, end):
        return False
    if _is_list_marker(line, m.start(), sent_start):
        return False
    if punct == ".":
        return not _is_abbreviation(line, m.start())
    return True


def _is_list_marker(line: str, dot: int, sent_start: int) -> bool:
    """A list item ("1. Hợp tác", "gồm: 2. Đầu tư"): the period numbers it, not ends a sentence."""
    before = line[sent_start:dot].rstrip()
    head, _, token = before.rpartition(" ")
    if not _LIST_MARKER.fullmatch(token):
        return False
    head = head.rstrip()
    return not head or head[-1] in ":;"


def _starts_sentence(line: str, pos: int) -> bool:
    """True when the text after the whitespace at `pos` can begin a sentence."""
    n = len(line)
    while pos < n and line[pos].isspace():
        pos += 1
    while pos < n and line[pos] in _OPENERS:
        pos += 1
        while pos < n and line[pos] == " ":  # "- Hai bên ..." style bullets
            pos += 1
    return pos < n and (line[pos].isupper() or line[pos].isdigit())


def _is_abbreviation(line: str, dot: int) -> bool:
    """Whether the period at `dot` belongs to an abbreviation or an initial, not a sentence end."""
    token_start = dot
    while token_start > 0 and not line[token_start - 1].isspace():
        token_start -= 1
    token = line[token_start:dot].lstrip(_OPENERS)
    if not token:
        return False
    if token in ABBREVIATIONS or all(part in ABBREVIATIONS for part in token.split(".")):
        return True
    if len(token) == 1 and token.isupper():
        # An initial ("Nguyễn V. A.") follows a capitalised name or another initial; a capital
        # letter after a lowercase word ("loại A.") ends the sentence.
        previous = line[:token_start].rstrip().rsplit(maxsplit=1)
        return bool(previous) and previous[-1].lstrip(_OPENERS)[:1].isupper()
    return False
