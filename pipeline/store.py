"""The output folder: atomic writes, a run lock, and the manifest that makes reruns skip work.

This is the edge of the pipeline that touches disk; everything here is small and explicit so a
crash can never leave a half-written brief and two runs can never interleave their writes.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.render import IndexEntry, parse_front_matter

MANIFEST_NAME = ".vnbrief-manifest.json"
LOCK_NAME = ".vnbrief.lock"
TEMP_SUFFIX = ".tmp"  # atomic writes use ".<name>.<random>.tmp" beside the target


def _read_umask() -> int:
    """The process umask (os.umask can only be read by setting it; done once, at import)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# mkstemp creates 0600 files; outputs are meant to be shared like any file the user writes.
FILE_MODE = 0o666 & ~_read_umask()


class LockTimeout(RuntimeError):
    pass


def atomic_write_text(path: Path, text: str) -> None:
    """Write via a temp file in the same folder and rename: readers see old or new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            os.fchmod(handle.fileno(), FILE_MODE)
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError) and exc.filename is None:
            exc.filename = str(path)  # a failed write() names no file; the user needs it
        raise


def ensure_writable_dir(path: Path) -> None:
    """Create the folder if needed and prove a file can be written and synced there.

    Raises the OSError the OS gives (EACCES/EROFS not writable, ENOTDIR/EEXIST a file is in the
    way, ENOSPC disk full) before any work starts, so the run can stop in a second with one line.
    """
    path.mkdir(parents=True, exist_ok=True)
    fd, probe = tempfile.mkstemp(prefix=".vnbrief-probe.", suffix=TEMP_SUFFIX, dir=path)
    try:
        os.write(fd, b"probe\n")
        os.fsync(fd)
    finally:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(probe)


def remove_stale_temp_files(out_dir: Path) -> list[Path]:
    """Delete temp files that a killed run left behind (call only while holding run_lock).

    Only names atomic_write_text makes (hidden, ending in .tmp) in the output folder, its day
    folders and reports/ are touched; inputs and other files never are.
    """
    removed = []
    for folder in [out_dir, *(p for p in out_dir.iterdir() if p.is_dir())]:
        for path in folder.glob(f".*{TEMP_SUFFIX}"):
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


@contextlib.contextmanager
def run_lock(out_dir: Path, timeout_s: float = 600.0, on_wait=None) -> Iterator[None]:
    """Exclusive lock on the output folder for the duration of a run.

    A second run (say the daily schedule firing while an editor runs by hand) waits rather than
    interleaving writes to the same manifest and index. The OS releases it if the process dies.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    handle = open(out_dir / LOCK_NAME, "a+")  # noqa: SIM115 - held open for the lock's lifetime
    try:
        deadline = time.monotonic() + timeout_s
        announced = False
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() > deadline:
                    raise LockTimeout(
                        f"another vnbrief run still holds {out_dir / LOCK_NAME} "
                        f"after {timeout_s:.0f} s"
                    ) from exc
                if not announced and on_wait is not None:
                    on_wait(f"waiting for another vnbrief run writing to {out_dir} to finish")
                    announced = True
                time.sleep(0.2)
        remove_stale_temp_files(out_dir)  # no other run writes now: any temp file is a leftover
        yield
    finally:
        handle.close()


@dataclass(frozen=True)
class ManifestEntry:
    sha256: str
    config: str
    brief: str  # path relative to the output folder, e.g. "2026-11-25/slug.md"
    input_file: str


class Manifest:
    """What has been briefed: input sha256 -> config fingerprint and brief path."""

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / MANIFEST_NAME
        self.out_dir = out_dir
        self.entries: dict[str, ManifestEntry] = {}
        if self.path.exists():
            try:
                raw = json.loads(self.path.read_text(encoding="utf-8"))
                self.entries = {k: ManifestEntry(**v) for k, v in raw.get("briefs", {}).items()}
            except (ValueError, TypeError) as exc:
                # A damaged manifest only costs recomputation; never block a run on it.
                self.entries = {}
                self.damaged = str(exc)

    def unchanged(self, sha256: str, config_fp: str) -> ManifestEntry | None:
        """The earlier brief for this exact input and config, if it still exists on disk."""
        entry = self.entries.get(sha256)
        if entry and entry.config == config_fp and (self.out_dir / entry.brief).exists():
            return entry
        return None

    def record(self, entry: ManifestEntry) -> None:
        self.entries[entry.sha256] = entry

    def save(self) -> None:
        data = {"briefs": {k: vars(v) for k, v in sorted(self.entries.items())}}
        atomic_write_text(self.path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def index_entries(day_dir: Path) -> list[IndexEntry]:
    """Every brief of the day on disk, including those written by earlier runs that day."""
    entries = []
    for path in sorted(day_dir.glob("*.md")):
        if path.name == "index.md" or path.name.startswith("run-report"):
            continue
        meta = parse_front_matter(path.read_text(encoding="utf-8"))
        if not meta.get("title_vi"):
            continue
        entries.append(
            IndexEntry(
                slug=path.stem,
                title_vi=str(meta["title_vi"]),
                title_en=meta.get("title_en"),
                outlet=meta.get("source"),
                published=str(meta["published"]) if meta.get("published") else None,
            )
        )
    return entries
