"""What a rerun compares to decide that a brief is still right: everything that shaped it.

The config alone is not enough. A run without the translator (not downloaded yet) writes briefs
without English; once the model arrives the same config must redo them, so the backends really
used (or the fallback) are part of the fingerprint. So are the glossary's content (the file can
change while its path stays) and the code that cleans, summarises, translates and renders.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

from pipeline.config import Config

ROOT = Path(__file__).resolve().parent.parent
# Packages whose source shapes a brief's text: cleaning, segmenting, rendering (pipeline/) and
# input formats, glossary handling and generation (models/). Flows only orchestrate.
CODE_PACKAGES = ("pipeline", "models")
MISSING = "missing"


@functools.cache
def code_version(root: str = str(ROOT), packages: tuple[str, ...] = CODE_PACKAGES) -> str:
    """Hash of the packages' files (sources and packaged data such as the learned summarizer's
    model file, paths and bytes; not bytecode), computed once per process."""
    digest = hashlib.sha256()
    for package in packages:
        for path in sorted((Path(root) / package).rglob("*")):
            if not path.is_file() or "__pycache__" in path.parts or path.suffix == ".pyc":
                continue
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def file_digest(path: Path | None) -> str | None:
    """sha256 of a file's bytes; MISSING when it cannot be read; None when no file is set."""
    if path is None:
        return None
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    except OSError:
        return MISSING


def brief_fingerprint(cfg: Config, used: Iterable[str | None], code: str | None = None) -> str:
    """Config + backends used (e.g. BackendStatus.used of each role) + glossary + code version."""
    glossary = cfg.resolve(cfg.translator.glossary) if cfg.translator.glossary else None
    blob = json.dumps(
        {
            "config": cfg.fingerprint(),
            "used": list(used),
            "glossary": file_digest(glossary),
            "code": code if code is not None else code_version(),
        },
        sort_keys=True,
    ).encode()
    return hashlib.sha256(blob).hexdigest()[:16]
