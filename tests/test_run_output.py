"""A real `vnbrief run` on awkward inputs: one report line each, a calm terminal, no garbage.

Runs the installed console script (a fresh process, as a user would), so stderr is exactly what
a terminal shows.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401 - sloppy-windows-1252, what browsers decode with
import pytest
import yaml

from pipeline.clean import clean_text
from pipeline.decode import mojibake_score
from pipeline.render import parse_front_matter
from tests.test_language import REAL

ROOT = Path(__file__).resolve().parent.parent
VNBRIEF = Path(sys.executable).parent / "vnbrief"
SAMPLES = ROOT / "samples"
DAY = "2025-12-01"

pytestmark = pytest.mark.slow


def test_awkward_inputs_each_get_one_line_and_no_brief_holds_garbage(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    a, b, c = texts
    (inbox / "mojibake.txt").write_bytes(a.encode().decode("sloppy-windows-1252").encode())
    stray = b.encode()
    (inbox / "stray-byte.txt").write_bytes(stray[:200] + b"\xe1" + stray[200:])
    (inbox / "utf16.txt").write_bytes(c.encode("utf-16"))
    (inbox / "french.txt").write_text("\n\n".join([REAL["French"]] * 3), encoding="utf-8")
    (inbox / "spanish.txt").write_text("\n\n".join([REAL["Spanish"]] * 3), encoding="utf-8")
    (inbox / ".draft.txt").write_text(a, encoding="utf-8")
    (inbox / "gone.txt").symlink_to(inbox / "deleted.txt")
    (inbox / "empty.txt").write_bytes(b"")
    config = tmp_path / "config.yaml"
    config.write_text(
        yaml.safe_dump(
            {"summarizer": {"backend": "extractive"}, "translator": {"backend": "none"}}
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = subprocess.run(
        [str(VNBRIEF), "run", str(inbox), "--config", str(config), "--out", str(out),
         "--date", DAY],
        capture_output=True, text=True, timeout=300,
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
        preexec_fn=lambda: os.umask(0o022),
    )
    assert result.returncode == 1, result.stderr

    lines = {}
    for line in result.stdout.splitlines():
        match = re.match(r"  (WRITTEN|UNCHANGED|SKIPPED|FAILED)\s+(\S+): (.*)$", line)
        if match:
            name = Path(match.group(2)).name
            assert name not in lines, f"two report lines for {name}"
            lines[name] = (match.group(1), match.group(3))
    names = {p.name for p in inbox.iterdir()}
    assert set(lines) == names  # every input, hidden files and broken links included

    assert lines["mojibake.txt"][0] == "WRITTEN" and "mojibake repaired" in lines["mojibake.txt"][1]
    assert lines["stray-byte.txt"][0] == "WRITTEN"
    assert "(1 undecodable byte replaced)" in lines["stray-byte.txt"][1]
    assert lines["utf16.txt"][0] == "WRITTEN"
    assert lines["french.txt"] == ("SKIPPED", "not Vietnamese: detected French (100% confidence)")
    assert lines["spanish.txt"][0] == "SKIPPED" and "detected Spanish" in lines["spanish.txt"][1]
    assert lines[".draft.txt"] == ("SKIPPED", "hidden file (name starts with '.'): not briefed")
    assert lines["gone.txt"][0] == "FAILED" and "broken symbolic link" in lines["gone.txt"][1]
    assert lines["empty.txt"] == ("FAILED", "empty file")

    day_files = sorted((out / DAY).glob("*.md"))
    briefs = [p for p in day_files if p.name not in ("index.md", "digest.md")]
    assert len(briefs) == 3
    titles = {parse_front_matter(p.read_text(encoding="utf-8"))["title_vi"] for p in briefs}
    assert titles == {clean_text(t).title for t in texts}  # as from the clean UTF-8 originals
    for path in [*day_files, *(out / "reports").iterdir()]:
        text = path.read_text(encoding="utf-8")
        assert mojibake_score(text) == 0, path
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path  # umask 022, not mkstemp's 0600

    err = result.stderr
    assert "Traceback" not in err and "ERROR" not in err, err
    assert "translated" not in err  # translation is off: nothing was translated
    assert "Error flushing events" not in err and "Error logging to API" not in err
    # One line per article and stage for the three Vietnamese inputs and the two skipped ones
    # (cleaned), plus the run's own two lines.
    assert len(err.strip().splitlines()) <= 2 + 5 + 3, err
