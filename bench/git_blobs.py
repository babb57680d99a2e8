"""Read many files of one commit from a fetched mirror with one ``git cat-file --batch``.

Why: the bench scripts read hundreds of crawled pages or corpus files at a pinned commit; one
process for all of them instead of one per file.
"""

from __future__ import annotations

import subprocess
from pathlib import Path


def read_blobs(git_dir: Path, commit: str, paths: list[str]) -> list[bytes]:
    """The contents of ``commit:path`` for each path, in order."""
    return read_objects(git_dir, [f"{commit}:{p}" for p in paths])


def read_objects(git_dir: Path, names: list[str]) -> list[bytes]:
    """The contents of each named object (a blob id, or ``commit:path``), in order. Blob ids
    are the fast way through a folder of 100,000 files: each ``commit:path`` walks the tree."""
    query = "".join(f"{n}\n" for n in names).encode("utf-8")
    data = subprocess.run(
        ["git", "--git-dir", str(git_dir), "cat-file", "--batch"],
        input=query,
        check=True,
        capture_output=True,
    ).stdout
    out, pos = [], 0
    for _ in names:
        end = data.index(b"\n", pos)
        size = int(data[pos:end].split()[2])
        out.append(data[end + 1 : end + 1 + size])
        pos = end + 1 + size + 1
    return out
