"""Turn input files into decoded text, or a clear reason why an input cannot be used.

Decoding and checks are pure functions of bytes; `read_source` alone touches disk.
Inputs are only ever read, never modified.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

INPUT_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")

# Letters that only Vietnamese uses among Latin-script languages (plus tone-marked vowels): a
# reliable, dependency-free signal for "is this Vietnamese".
_VI_CHARS = set(
    "ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Share of words carrying Vietnamese letters: ~0.5-0.7 in Vietnamese news, ~0 in English.
MIN_VIETNAMESE_WORD_SHARE = 0.2


class IngestError(Exception):
    """An input that cannot become a brief; the message is the one line the run report shows."""

    def __init__(self, reason: str, *, skip: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.skip = skip  # True: deliberately not processed (e.g. not Vietnamese); False: failure


@dataclass(frozen=True)
class SourceDocument:
    path: str
    text: str
    sha256: str
    encoding: str
    is_html: bool
    size_bytes: int


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters mean an image, PDF or archive, not an article."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(8, len(sample) // 50)


def _vietnamese_share(text: str) -> float:
    words = _WORD.findall(text[:20000].lower())
    if not words:
        return 0.0
    return sum(1 for w in words if any(c in _VI_CHARS for c in w)) / len(words)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, or the legacy Vietnamese code page.

    Scrapes of old Vietnamese sites arrive in Windows-1258; when UTF-8 fails we pick cp1258 or
    latin-1 by which yields more Vietnamese words, so a mislabelled file is still read faithfully.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates: list[tuple[float, str, str]] = []
    for encoding in ("cp1258", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        candidates.append((_vietnamese_share(unicodedata.normalize("NFC", text)), encoding, text))
    if not candidates:
        raise IngestError("cannot decode: not UTF-8, Windows-1258 or Latin-1 text")
    _, encoding, text = max(candidates, key=lambda c: c[0])
    return text, encoding


def check_vietnamese(text: str) -> None:
    share = _vietnamese_share(text)
    if share < MIN_VIETNAMESE_WORD_SHARE:
        raise IngestError(
            f"not Vietnamese text ({share:.0%} of words use Vietnamese letters; "
            f"at least {MIN_VIETNAMESE_WORD_SHARE:.0%} expected)",
            skip=True,
        )


def document_from_bytes(path: str, data: bytes, max_bytes: int) -> SourceDocument:
    """All checks that need no disk: size, binary, decoding. Language is checked after cleaning."""
    if not data.strip():
        raise IngestError("empty file")
    if len(data) > max_bytes:
        raise IngestError(
            f"too large: {len(data) / 1e6:.1f} MB is over the {max_bytes / 1e6:.1f} MB limit "
            "(max_input_kb in the config); a news article is far smaller, so this is "
            "probably not a single article",
            skip=True,
        )
    if looks_binary(data):
        raise IngestError("binary file, not text")
    text, encoding = decode_bytes(data)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return SourceDocument(
        path=path,
        text=text,
        sha256=sha256_hex(data),
        encoding=encoding,
        is_html=Path(path).suffix.lower() in HTML_SUFFIXES,
        size_bytes=len(data),
    )


def read_source(path: str | Path, max_bytes: int) -> SourceDocument:
    path = Path(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError as exc:
        raise IngestError("is a directory, not a file") from exc
    except OSError as exc:
        raise IngestError(f"cannot read file: {exc.strerror or exc}") from exc
    return document_from_bytes(str(path), data, max_bytes)


def discover_inputs(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Expand folders into their article files (sorted, stable); report paths that do not exist.

    Files named explicitly are taken whatever their suffix; folders contribute only files with
    article suffixes, so stray images or notes in an inbox are not mistaken for articles.
    """
    found: list[Path] = []
    missing: list[tuple[Path, str]] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            candidates = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES and not p.name.startswith(".")
            )
        elif path.exists():
            candidates = [path]
        else:
            missing.append((path, "no such file or folder"))
            continue
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found, missing
