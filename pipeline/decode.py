"""Bytes to text for scraped articles, with every repair counted so the report can say so.

The order matters and each step uses a library, not a hand-written table:
1. a byte-order mark names the encoding (UTF-8, UTF-16, UTF-32; Python's codecs);
2. UTF-8 that is valid, or valid but for a few stray bytes (a truncated scrape): the stray bytes
   become U+FFFD and are counted, instead of reading the whole file as Latin-1;
3. otherwise a legacy code page, chosen by charset-normalizer among those Vietnamese sites used
   (Windows-1258 first), with the share of Vietnamese letters breaking ties;
4. mojibake (UTF-8 read as Latin-1/cp1252 somewhere upstream) repaired by ftfy;
5. text that still looks like mojibake is refused: no brief may carry it.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import ftfy
import ftfy.bad_codecs  # noqa: F401 - registers sloppy-windows-1252 (what browsers decode)
from charset_normalizer import from_bytes
from ftfy.badness import badness

from pipeline.unicode_forms import nfc

# Longest BOM first: the UTF-32-LE mark begins with the UTF-16-LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Code pages Vietnamese text has been published in; charset-normalizer picks among these only, so
# it cannot wander off to, say, a Cyrillic page for a short file.
LEGACY_ENCODINGS = ("cp1258", "cp1252", "latin_1")
# A few stray bytes in otherwise valid UTF-8 are damage, not a different encoding: up to this
# share of the non-ASCII bytes (and at least this many valid multi-byte characters) is repaired.
MAX_BAD_UTF8_SHARE = 0.02
MIN_GOOD_UTF8_CHARS = 20
# ftfy's badness counts sequences typical of mojibake. Real Vietnamese text scores 0 (all 19
# articles in samples/ and tests/, 1,000 lines of lingua-py's Vietnamese test data), so any left
# after repair means garbled text.
# More replacement characters than this share of letters: too much is lost to brief it honestly.
MAX_REPLACEMENT_SHARE = 0.01

_VI_LETTERS = frozenset("ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")
_WORD = re.compile(r"[^\W\d_]+")
_NON_ASCII_TOKEN = re.compile(r"\S*[^\x00-\x7f]\S*")


def _as_cp1252(byte_values: range) -> str:
    return "".join(bytes([b]).decode("sloppy-windows-1252") for b in byte_values)


# A UTF-8 lead byte followed by a continuation byte, as cp1252 shows them: every misread
# multi-byte character starts so. Derived from the codec; only a fast pre-check (the decision is
# the strict round trip in _token_roundtrip).
_MISREAD_UTF8 = re.compile(
    f"[{re.escape(_as_cp1252(range(0xC2, 0xF5)))}][{re.escape(_as_cp1252(range(0x80, 0xC0)))}]"
)


class DecodeError(ValueError):
    """Bytes that cannot become trustworthy text; the message is the report's one line."""


@dataclass(frozen=True)
class Decoded:
    text: str  # NFC, newlines normalised
    encoding: str
    replaced_bytes: int = 0  # undecodable bytes turned into U+FFFD
    repairs: tuple[str, ...] = ()  # what was repaired, e.g. mojibake

    @property
    def notes(self) -> list[str]:
        """Human-readable repairs for the run report (empty when the bytes were clean)."""
        notes = []
        if self.replaced_bytes:
            noun = "byte" if self.replaced_bytes == 1 else "bytes"
            notes.append(f"{self.replaced_bytes} undecodable {noun} replaced")
        notes.extend(self.repairs)
        return notes


def vietnamese_word_share(text: str) -> float:
    """Share of words with a letter only Vietnamese uses among Latin scripts (~0.5-0.7 in news)."""
    words = _WORD.findall(text[:20000].lower())
    if not words:
        return 0.0
    return sum(1 for w in words if not _VI_LETTERS.isdisjoint(w)) / len(words)


_ESCAPED_BYTES = re.compile("[\udc80-\udcff]+")


def _count_bad_utf8(data: bytes) -> tuple[str, int, int]:
    """UTF-8 with each run of undecodable bytes as one U+FFFD: text, bad bytes, runs.

    surrogateescape marks every bad byte, so this needs no global error handler (articles are
    decoded in parallel threads).
    """
    text = data.decode("utf-8", errors="surrogateescape")
    bad = sum(len(m) for m in _ESCAPED_BYTES.findall(text))
    text, runs = _ESCAPED_BYTES.subn("\ufffd", text)
    return text, bad, runs


def has_bom(data: bytes) -> bool:
    return data.startswith(tuple(bom for bom, _ in BOMS))


def _from_bom(data: bytes) -> tuple[str, str] | None:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", "") + " with BOM"
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"cannot decode: {encoding} byte-order mark, but {exc.reason}"
                ) from exc
    return None


def _legacy(data: bytes) -> tuple[str, str]:
    """Pick a legacy code page: charset-normalizer's ranking, Vietnamese letters as tie-break."""
    best = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
    candidates = []
    for rank, encoding in enumerate(LEGACY_ENCODINGS):
        try:
            text = nfc(data.decode(encoding))
        except UnicodeDecodeError:
            continue
        preferred = best is not None and best.encoding == encoding
        candidates.append((vietnamese_word_share(text), preferred, -rank, encoding, text))
    if not candidates:
        raise DecodeError("cannot decode: not UTF-8, Windows-1258 or Windows-1252 text")
    *_, encoding, text = max(candidates)
    return text, encoding


def _utf8(data: bytes) -> tuple[str, int, int] | None:
    """Valid UTF-8, or UTF-8 with a few stray bytes: text, bad bytes, U+FFFD put in their place.
    None when it is some other encoding."""
    text, bad, runs = _count_bad_utf8(data)
    if not bad:
        return text, 0, 0
    non_ascii = sum(1 for b in data if b > 0x7F)
    good_chars = sum(1 for c in text if ord(c) > 0x7F and c != "\ufffd")
    if good_chars >= MIN_GOOD_UTF8_CHARS and bad <= MAX_BAD_UTF8_SHARE * non_ascii:
        return text, bad, runs
    return None


def _fix_mojibake(text: str) -> tuple[str, dict[int, str]]:
    """ftfy line by line (a scrape may mix clean and garbled paragraphs): text, {line: how}."""
    lines = text.split("\n")
    how: dict[int, str] = {}
    for n, line in enumerate(lines):
        if line.isascii():
            continue
        fixed, explanation = ftfy.fix_encoding_and_explain(line)
        if fixed != line:
            lines[n] = fixed
            steps = explanation or ()
            how[n] = next((s.parameter for s in steps if s.action == "encode"), "a code page")
    return "\n".join(lines), how


def _token_roundtrip(token: str) -> str | None:
    """The token's UTF-8 reading when it is UTF-8 bytes misread as cp1252/Latin-1, else None.

    ftfy judges whole lines; a line garbled only partly can keep tokens like 'Phá»§' (ủ) that it
    will not touch alone. Strict UTF-8 decoding of the token's bytes is specific enough: real
    Vietnamese, French or German words never form valid multi-byte UTF-8 in these code pages.
    """
    if "\ufffd" in token:  # already lost; counted elsewhere
        return None
    for codec in ("sloppy-windows-1252", "latin-1"):
        try:
            fixed = token.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if fixed != token:
            return fixed
    return None


def _fix_mojibake_tokens(text: str) -> tuple[str, int]:
    if not _MISREAD_UTF8.search(text):
        return text, 0
    count = 0

    def fix(match: re.Match[str]) -> str:
        nonlocal count
        fixed = _token_roundtrip(match.group())
        if fixed is None:
            return match.group()
        count += 1
        return fixed

    return _NON_ASCII_TOKEN.sub(fix, text), count


def mojibake_score(text: str) -> int:
    """Mojibake-like sequences left: ftfy's badness plus words that are misread UTF-8.

    Counted per line; each U+FFFD excuses one sequence in its line: a stray byte can turn its
    neighbour into an odd letter ('đÐ�'), which is that replaced byte's damage (counted and
    reported on its own), not a misdecoded text.
    """
    score = 0
    for line in text.split("\n"):
        if line.isascii():
            continue
        clean = line.replace("\ufffd", "")
        bad = badness(clean)
        if _MISREAD_UTF8.search(clean):
            bad += sum(1 for m in _NON_ASCII_TOKEN.finditer(clean) if _token_roundtrip(m.group()))
        score += max(0, bad - line.count("\ufffd"))
    return score


def decode_article(data: bytes) -> Decoded:
    """Decode, repair and vet one article's bytes; DecodeError when the result is untrustworthy."""
    replaced = marks = 0  # bad bytes, and the U+FFFD that stand for them
    bom = _from_bom(data)
    if bom is not None:
        text, encoding = bom
    elif (utf8 := _utf8(data)) is not None:
        text, replaced, marks = utf8
        encoding = "utf-8"
    else:
        text, encoding = _legacy(data)
    text = nfc(text.replace("\r\n", "\n").replace("\r", "\n"))

    repairs: list[str] = []
    fixed, how = _fix_mojibake(text)
    if how:
        noun = "line" if len(how) == 1 else "lines"
        repairs.append(
            f"mojibake repaired in {len(how)} {noun} (UTF-8 text that had been read as "
            f"{', '.join(sorted(set(how.values())))})"
        )
        text = nfc(fixed)

    text, tokens = _fix_mojibake_tokens(text)
    if tokens:
        repairs.append(f"mojibake repaired in {tokens} word(s) of partly garbled lines")
        text = nfc(text)
    lost = text.count("\ufffd") - marks
    if lost > 0:
        repairs.append(f"{lost} character(s) already lost upstream (shown as \ufffd)")
    letters = sum(1 for c in text if c.isalpha())
    if text.count("\ufffd") > MAX_REPLACEMENT_SHARE * max(letters, 1):
        raise DecodeError(
            f"garbled text: {text.count(chr(0xFFFD))} unreadable characters (decoded as {encoding})"
        )
    remaining = mojibake_score(text)
    if remaining:
        raise DecodeError(
            f"garbled text: {remaining} mojibake sequence(s) left after repair "
            f"(decoded as {encoding}); refusing to brief it"
        )
    return Decoded(text=text, encoding=encoding, replaced_bytes=replaced, repairs=tuple(repairs))
