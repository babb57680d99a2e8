"""Output files: modes follow the umask, leftovers of a killed run are removed by the next."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from pipeline.store import atomic_write_text, run_lock

ROOT = Path(__file__).resolve().parent.parent


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_atomic_write_respects_the_umask(tmp_path):
    mask = os.umask(0)
    os.umask(mask)
    target = tmp_path / "brief.md"
    atomic_write_text(target, "x")
    assert _mode(target) == 0o666 & ~mask


def test_another_umask_gives_other_modes(tmp_path):
    """A fresh process with umask 027 writes 0640 files (not mkstemp's 0600)."""
    code = (
        "import sys; from pathlib import Path; from pipeline.store import atomic_write_text; "
        "atomic_write_text(Path(sys.argv[1]), 'x')"
    )
    target = tmp_path / "out" / "index.md"
    subprocess.run(
        [sys.executable, "-c", code, str(target)],
        check=True, cwd=ROOT, preexec_fn=lambda: os.umask(0o027),
    )
    assert _mode(target) == 0o640


def test_next_run_removes_temp_files_a_killed_run_left(tmp_path):
    day = tmp_path / "2025-12-01"
    (tmp_path / "reports").mkdir(parents=True)
    day.mkdir()
    leftovers = [
        day / ".slug.md.abc123.tmp",
        tmp_path / ".vnbrief-manifest.json.x1y2.tmp",
        tmp_path / "reports" / ".2025-12-01-120000.md.q.tmp",
    ]
    kept = [day / "slug.md", day / "notes.tmp", tmp_path / ".vnbrief-manifest.json"]
    for path in leftovers + kept:
        path.write_text("x", encoding="utf-8")
    with run_lock(tmp_path):
        pass
    assert [p for p in leftovers if p.exists()] == []
    assert all(p.exists() for p in kept)
