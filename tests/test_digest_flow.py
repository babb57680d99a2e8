"""The digest through the real flow: two runs in one day give one digest covering both."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flows.cli import main
from tests.prefect_fixtures import point_prefect_console_at_stderr

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
DAY = "2025-12-01"

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("prefect_server")]


@pytest.fixture(autouse=True)
def quiet_offline(monkeypatch):
    """No hub here (fallbacks are immediate); Prefect must not write to a closed capture buffer."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    point_prefect_console_at_stderr()


def test_two_runs_in_one_day_give_one_digest_covering_both(tmp_path):
    out = tmp_path / "out"
    first, *rest = sorted(SAMPLES.glob("*.txt"))
    assert main(["run", str(first), "--out", str(out), "--date", DAY]) == 0
    day_dir = out / DAY
    after_first = json.loads((day_dir / "digest.json").read_text(encoding="utf-8"))
    assert sum(len(s["briefs"]) for s in after_first["stories"]) == 1

    assert main(["run", *map(str, rest), "--out", str(out), "--date", DAY]) == 0
    digest = json.loads((day_dir / "digest.json").read_text(encoding="utf-8"))
    briefs = sorted(p.stem for p in day_dir.glob("*.md") if p.stem not in ("index", "digest"))
    listed = sorted(b["slug"] for s in digest["stories"] for b in s["briefs"])
    assert len(briefs) == 3 and listed == briefs  # both runs, each brief once
    inputs = {Path(b["input_file"]).name for s in digest["stories"] for b in s["briefs"]}
    assert inputs == {p.name for p in SAMPLES.glob("*.txt")}

    md = (day_dir / "digest.md").read_text(encoding="utf-8")
    assert md.count("no English translation") == 1  # offline: said once, plainly
    for slug in briefs:
        assert f'<a id="{slug}"></a>' in md
        brief = (day_dir / f"{slug}.md").read_text(encoding="utf-8")
        assert f"(digest.md#{slug})" in brief
    assert "digest.md" in (day_dir / "index.md").read_text(encoding="utf-8")
    # The talks and the speech of one visit are separate stories, linked as related.
    ids = {s["id"] for s in digest["stories"]}
    assert all(set(s["related"]) <= ids for s in digest["stories"])
    story = {Path(b["input_file"]).name: s for s in digest["stories"] for b in s["briefs"]}
    talks = story["hoi-dam-to-lam-thongloun.txt"]
    speech = story["vnexpress-to-lam-hoc-vien-lao.txt"]
    assert talks["id"] != speech["id"] and speech["id"] in talks["related"]
    # The feature on an earlier visit (another Tổng Bí thư) is a story of its own, and the
    # talks' story keeps the talks' headline.
    feature = story["baoquocte-giu-lua-hop-tac.txt"]
    assert len(digest["stories"]) == 3 and feature["id"] not in (talks["id"], speech["id"])
    # (the page has no headline line: the cleaner takes the lead's main clause, the talks)
    assert talks["headline_vi"].startswith("Tổng Bí thư Tô Lâm đã hội đàm")
    assert "3 stories from 3 briefs" in md


def test_digest_is_published_as_a_prefect_artifact(tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    assert main(["run", str(SAMPLES), "--out", str(tmp_path / "out"), "--date", DAY]) == 0

    async def latest():
        async with get_client() as client:
            found = await client.read_artifacts(
                artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["daily-digest"]))
            )
            return found

    import asyncio

    artifacts = asyncio.run(latest())
    assert artifacts and "Daily digest — 2025-12-01" in artifacts[-1].data
