"""End to end through `vnbrief run` (in process, one Prefect test server for the module)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
import yaml

from flows.cli import main
from pipeline.render import parse_front_matter
from tests.prefect_fixtures import point_prefect_console_at_stderr

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
DAY = "2025-12-01"

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("prefect_server")]


@pytest.fixture(autouse=True)
def prefect_logs_to_real_stderr():
    point_prefect_console_at_stderr()
    yield


@pytest.fixture(autouse=True)
def offline_hub(monkeypatch):
    """This machine has no hub access; say so up front so fallbacks are immediate."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


def write_config(tmp_path: Path, **overrides) -> Path:
    data = yaml.safe_load((ROOT / "configs" / "default.yaml").read_text(encoding="utf-8"))
    for key, value in overrides.items():
        if isinstance(value, dict):
            data.setdefault(key, {}).update(value)
        else:
            data[key] = value
    data["translator"]["glossary"] = str(ROOT / "configs" / "glossary.yaml")
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def run(*args: str) -> int:
    return main(["run", *args])


def briefs_in(day_dir: Path) -> list[Path]:
    return sorted(p for p in day_dir.glob("*.md") if p.name not in ("index.md", "digest.md"))


def test_samples_become_briefs_with_plain_fallback_notes(tmp_path, capsys):
    out = tmp_path / "out"
    config = write_config(tmp_path)
    assert run(str(SAMPLES), "--config", str(config), "--out", str(out), "--date", DAY) == 0
    report = capsys.readouterr().out
    briefs = briefs_in(out / DAY)
    assert len(briefs) == 3
    assert report.count("WRITTEN") == 3
    vit5 = "seq2seq:VietAI/vit5-base-vietnews-summarization"
    assert f"summarizer: learned (FALLBACK: {vit5} could not be loaded" in report
    assert "translator: NOT AVAILABLE" in report

    by_input = {}
    for path in briefs:
        meta = parse_front_matter(path.read_text(encoding="utf-8"))
        by_input[Path(meta["input_file"]).name] = (path, meta)
    path, meta = by_input["vnexpress-to-lam-hoc-vien-lao.txt"]
    text = path.read_text(encoding="utf-8")
    raw = (SAMPLES / "vnexpress-to-lam-hoc-vien-lao.txt").read_bytes()
    assert meta["input_sha256"] == hashlib.sha256(raw).hexdigest()
    assert meta["title_vi"].startswith("Tổng Bí thư Tô Lâm")
    assert meta["models"]["summarizer"]["used"] == "learned"
    assert meta["models"]["summarizer"]["fell_back"] is True
    assert meta["models"]["translator"]["used"] == "none"
    assert "not in the local Hugging Face cache" in meta["english_unavailable"]
    tom_tat = text.split("## Tóm tắt\n\n", 1)[1].split("\n\n## ", 1)[0]
    assert tom_tat.startswith("Tổng Bí thư Tô Lâm")
    assert "Ảnh: TTXVN" not in text  # the photo caption never reaches the brief
    _, meta = by_input["hoi-dam-to-lam-thongloun.txt"]
    assert meta["author"] == "Hòa Bình"

    index = (out / DAY / "index.md").read_text(encoding="utf-8")
    for path in briefs:
        assert f"]({path.name})" in index
    assert list((out / "reports").glob(f"{DAY}-*.md"))

    # The run report and the day's briefs are Prefect Markdown artifacts (one each per run: an
    # API call per brief cost more than briefing the article).
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[f"briefs-{DAY}"]))
        )
    assert artifacts and artifacts[0].type == "markdown"
    assert all(f"]({p.name})" in artifacts[0].data for p in briefs)


def test_rerun_skips_unchanged_redoes_changed_and_force_redoes_all(tmp_path, capsys):
    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLES, inbox)
    out = tmp_path / "out"
    config = write_config(
        tmp_path, summarizer={"backend": "extractive"}, translator={"backend": "none"}
    )
    args = (str(inbox), "--config", str(config), "--out", str(out), "--date", DAY)
    assert run(*args) == 0
    capsys.readouterr()
    assert run(*args) == 0
    assert capsys.readouterr().out.count("UNCHANGED") == 3

    changed = inbox / "vnexpress-to-lam-hoc-vien-lao.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nThêm một đoạn mới.\n", "utf-8")
    assert run(*args) == 0
    report = capsys.readouterr().out
    assert report.count("UNCHANGED") == 2 and report.count("WRITTEN") == 1

    assert run(*args, "--force") == 0
    assert capsys.readouterr().out.count("WRITTEN") == 3


def test_bad_inputs_never_stop_the_batch_and_are_never_modified(tmp_path, capsys):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    good = inbox / "good.txt"
    shutil.copy(SAMPLES / "vnexpress-to-lam-hoc-vien-lao.txt", good)
    shutil.copy(good, inbox / "good-copy.txt")
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    (inbox / "english.txt").write_text(
        "Vietnam and Laos agree to deepen ties\n\nThe two leaders held talks in Vientiane on "
        "Monday and agreed to raise trade to 5 billion dollars.\n",
        encoding="utf-8",
    )
    legacy = (SAMPLES / "hoi-dam-to-lam-thongloun.txt").read_text(encoding="utf-8")
    from tests.test_ingest import _cp1258

    (inbox / "legacy-cp1258.txt").write_bytes(_cp1258(legacy))
    big = (legacy + "\n") * (5 * 1000 * 1000 // len(legacy.encode()) + 1)
    (inbox / "huge.txt").write_text(big, encoding="utf-8")
    before = {p.name: p.read_bytes() for p in inbox.iterdir()}

    out = tmp_path / "out"
    config = write_config(tmp_path, translator={"backend": "none"})
    code = run(
        str(inbox),
        str(tmp_path / "missing.txt"),
        "--config",
        str(config),
        "--out",
        str(out),
        "--date",
        DAY,
    )
    report = capsys.readouterr().out
    assert code == 1
    lines = {name: line for line in report.splitlines() for name in before if f"/{name}:" in line}
    first, copy = lines["good-copy.txt"], lines["good.txt"]  # folders are read in name order
    assert "WRITTEN" in first
    assert "UNCHANGED" in copy and "duplicate of" in copy and "good-copy.txt" in copy
    assert "FAILED" in lines["empty.txt"] and "empty file" in lines["empty.txt"]
    assert "FAILED" in lines["image.txt"] and "binary file" in lines["image.txt"]
    assert "SKIPPED" in lines["english.txt"] and "not Vietnamese" in lines["english.txt"]
    assert "WRITTEN" in lines["legacy-cp1258.txt"]
    assert "SKIPPED" in lines["huge.txt"] and "too large" in lines["huge.txt"]
    assert "FAILED" in report and "missing.txt: no such file or folder" in report
    assert {p.name: p.read_bytes() for p in inbox.iterdir()} == before
    assert len(briefs_in(out / DAY)) == 2
    assert not [p for p in (out / DAY).iterdir() if p.name.endswith(".tmp")]


def test_config_error_is_one_line_and_exit_2(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("summarizer:\n  beams: 4\n", encoding="utf-8")
    assert run(str(SAMPLES), "--config", str(bad)) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert "unknown config key 'summarizer.beams'" in err


def test_real_transformers_path_end_to_end_with_tiny_models(
    tmp_path, capsys, tiny_t5_dir, tiny_marian_dir, tiny_mbart_dir
):
    """Random weights give nonsense text, but every step is the real loading and generate() code."""
    from models.registry import get_summarizer

    generation = {"max_new_tokens": 8, "num_beams": 2, "no_repeat_ngram_size": 2}
    out = tmp_path / "out"
    config = write_config(
        tmp_path,
        summarizer={
            "backend": "seq2seq",
            "model": str(tiny_t5_dir),
            "max_input_tokens": 48,
            **generation,
        },
        translator={
            "backend": "seq2seq",
            "model": str(tiny_marian_dir),
            "batch_size": 3,
            **generation,
        },
    )
    long_article = SAMPLES / "baoquocte-giu-lua-hop-tac.txt"
    args = ("--config", str(config), "--out", str(out), "--date", DAY)
    assert run(str(long_article), *args) == 0
    report = capsys.readouterr().out
    assert f"summarizer: seq2seq:{tiny_t5_dir}" in report and "FALLBACK" not in report
    assert f"translator: seq2seq:{tiny_marian_dir}" in report
    (brief,) = briefs_in(out / DAY)
    meta = parse_front_matter(brief.read_text(encoding="utf-8"))
    assert meta["summary_method"] == f"seq2seq:{tiny_t5_dir}"
    assert meta["models"]["summarizer"]["fell_back"] is False
    assert meta["models"]["translator"]["used"] == f"seq2seq:{tiny_marian_dir}"
    assert meta["title_en"] and meta["english_unavailable"] is None
    assert "English translation unavailable" not in brief.read_text(encoding="utf-8")

    # The long article did not fit 48 tokens: the one summarizer instance the run loaded (models
    # are loaded once per process) read its first whole sentences, and the brief and the run
    # report say so, once each.
    from pipeline.config import load_config

    cfg = load_config(config)
    summarizer, _ = get_summarizer(cfg.summarizer, cfg.base_dir)
    assert summarizer.last_chunk_count == 1
    text = brief.read_text(encoding="utf-8")
    assert text.count("the rest is past the 48-token input") == 1
    assert "_Note: summary of the first " in text
    assert report.count("the rest is past the 48-token input") == 1

    # mBART-style translator (vinai-translate family) through the same command.
    config = write_config(
        tmp_path,
        summarizer={"backend": "extractive"},
        translator={"backend": "seq2seq", "model": str(tiny_mbart_dir), **generation},
    )
    assert run(str(SAMPLES / "vnexpress-to-lam-hoc-vien-lao.txt"), *args) == 0
    assert f"translator: seq2seq:{tiny_mbart_dir}" in capsys.readouterr().out


def _brief_texts(day_dir: Path) -> dict[str, str]:
    """Brief bodies by file name, without the run's timestamp."""
    return {
        p.name: "\n".join(
            line
            for line in p.read_text(encoding="utf-8").splitlines()
            if not line.startswith(("generated_at:", "- Generated:"))
        )
        for p in briefs_in(day_dir)
    }


def test_dask_runner_and_chunking_give_the_same_briefs_as_the_default(tmp_path, capsys):
    """runner.task_runner: dask (a local cluster of 2 worker processes), chunks of one article."""
    base = {"summarizer": {"backend": "extractive"}, "translator": {"backend": "none"}}
    outputs = {}
    for name, runner in (
        ("threads", {"chunk_size": 50}),
        ("dask", {"task_runner": "dask", "workers": 2, "chunk_size": 1}),
    ):
        work = tmp_path / name
        work.mkdir()
        config = write_config(work, **base, runner=runner)
        out = work / "out"
        assert run(str(SAMPLES), "--config", str(config), "--out", str(out), "--date", DAY) == 0
        assert capsys.readouterr().out.count("WRITTEN") == 3
        outputs[name] = _brief_texts(out / DAY)
    assert len(outputs["dask"]) == 3
    assert outputs["dask"] == outputs["threads"]
