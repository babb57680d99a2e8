"""Turn input files into decoded text, or a clear reason why an input cannot be used.

Decoding and checks are pure functions of bytes; `read_source` alone touches disk.
Inputs are only ever read, never modified.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pipeline.decode import DecodeError, decode_article, has_bom
from pipeline.language import describe_skip, identify

INPUT_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")


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
    notes: tuple[str, ...] = ()  # repairs made while decoding, for the run report


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters mean an image, PDF or archive, not an article."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(8, len(sample) // 50)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Text and encoding name (see pipeline.decode for the steps and the repairs counted)."""
    try:
        decoded = decode_article(data)
    except DecodeError as exc:
        raise IngestError(str(exc)) from exc
    return decoded.text, decoded.encoding


def check_vietnamese(text: str) -> None:
    """Only Vietnamese with its diacritics is briefed; anything else is SKIPPED, language named."""
    guess = identify(text)
    if not guess.is_vietnamese:
        raise IngestError(describe_skip(guess), skip=True)


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
    if not has_bom(data) and looks_binary(data):  # UTF-16/32 text is full of NUL bytes
        raise IngestError("binary file, not text")
    try:
        decoded = decode_article(data)
    except DecodeError as exc:
        raise IngestError(str(exc)) from exc
    return SourceDocument(
        path=path,
        text=decoded.text,
        sha256=sha256_hex(data),
        encoding=decoded.encoding,
        is_html=Path(path).suffix.lower() in HTML_SUFFIXES,
        size_bytes=len(data),
        notes=tuple(decoded.notes),
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


def _unusable(path: Path) -> IngestError | None:
    """Why a path found in a folder, or named, cannot be read (None when it is a plain file)."""
    if path.is_symlink() and not path.exists():
        target = os.readlink(path)
        return IngestError(f"broken symbolic link (points to {target}, which is missing)")
    if not path.exists():
        return IngestError("no such file or folder")
    return None


def _folder_inputs(folder: Path) -> list[Path]:
    """Article files under a folder, hidden ones and broken links included so each gets a line."""
    return sorted(
        p
        for p in folder.rglob("*")
        if p.suffix.lower() in INPUT_SUFFIXES and (p.is_file() or not p.exists())
    )


def _hidden(path: Path, folder: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(folder).parts)


def discover_inputs(
    paths: Iterable[str | Path],
) -> tuple[list[Path], list[tuple[Path, IngestError]]]:
    """Expand folders into their article files (sorted, stable); every other path gets a reason.

    Files named explicitly are taken whatever their suffix; folders contribute only files with
    article suffixes, so stray images or notes in an inbox are not mistaken for articles. Hidden
    files (editor drafts, `.name.txt`) and broken links in a folder are not briefed, but each is
    reported, so no input disappears silently.
    """
    found: list[Path] = []
    problems: list[tuple[Path, IngestError]] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw).expanduser()
        candidates = _folder_inputs(path) if path.is_dir() else [path]
        for candidate in candidates:
            key = candidate.absolute()
            if key in seen:
                continue
            seen.add(key)
            error = _unusable(candidate)
            if error is None and path.is_dir() and _hidden(candidate, path):
                error = IngestError("hidden file (name starts with '.'): not briefed", skip=True)
            if error is None:
                found.append(candidate)
            else:
                problems.append((candidate, error))
    return found, problems
