"""Rerun fingerprint: briefs are redone when what shaped them changes, not only the config."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from pipeline.config import config_from_dict
from pipeline.fingerprint import MISSING, brief_fingerprint, code_version, file_digest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
DAY = "2025-12-01"


def _cfg(tmp_path: Path, glossary: str | None = "glossary.yaml"):
    return config_from_dict({"translator": {"glossary": glossary}}, base_dir=tmp_path)


def test_fingerprint_covers_backends_used(tmp_path: Path) -> None:
    cfg = _cfg(tmp_path)
    without = brief_fingerprint(cfg, ["extractive", None], code="c")
    assert without == brief_fingerprint(cfg, ["extractive", None], code="c")
    assert without != brief_fingerprint(cfg, ["extractive", "seq2seq:m"], code="c")
    assert without != brief_fingerprint(cfg, ["seq2seq:vit5", None], code="c")


def test_fingerprint_covers_glossary_content_and_code(tmp_path: Path) -> None:
    cfg = _cfg(tmp_path)
    used = ["extractive", "seq2seq:m"]
    missing = brief_fingerprint(cfg, used, code="c")
    glossary = tmp_path / "glossary.yaml"
    glossary.write_text("terms:\n  Lào: Laos\n", encoding="utf-8")
    first = brief_fingerprint(cfg, used, code="c")
    glossary.write_text("terms:\n  Lào: Lao PDR\n", encoding="utf-8")
    second = brief_fingerprint(cfg, used, code="c")
    assert len({missing, first, second}) == 3
    assert second != brief_fingerprint(cfg, used, code="d")
    assert file_digest(tmp_path / "gone.yaml") == MISSING
    assert file_digest(None) is None
    no_glossary = _cfg(tmp_path, glossary=None)
    assert brief_fingerprint(no_glossary, used, code="c") != second


def test_code_version_hashes_package_sources(tmp_path: Path) -> None:
    (tmp_path / "pipeline").mkdir()
    module = tmp_path / "pipeline" / "render.py"
    module.write_text("A = 1\n", encoding="utf-8")
    before = code_version(str(tmp_path), ("pipeline",))
    code_version.cache_clear()
    module.write_text("A = 2\n", encoding="utf-8")
    assert code_version(str(tmp_path), ("pipeline",)) != before
    code_version.cache_clear()
    assert len(code_version()) == 16


# --- end to end: a translator that arrives after a run ----------------------------------------


@pytest.mark.slow
def test_brief_without_english_is_redone_when_the_translator_arrives(
    tmp_path, capsys, monkeypatch, prefect_server, tiny_marian_dir
):
    from flows.cli import main
    from models import registry
    from pipeline.render import parse_front_matter
    from tests.prefect_fixtures import point_prefect_console_at_stderr

    point_prefect_console_at_stderr()
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    data = yaml.safe_load((ROOT / "configs" / "default.yaml").read_text(encoding="utf-8"))
    data["summarizer"] = {"backend": "extractive"}
    data["translator"].update(
        model="./models/opus-mt",
        src_lang=None,
        tgt_lang=None,
        glossary=str(ROOT / "configs" / "glossary.yaml"),
        num_beams=1,
        max_new_tokens=8,
    )
    config = tmp_path / "config.yaml"
    config.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "out"
    args = ["run", str(SAMPLES / "vnexpress-to-lam-hoc-vien-lao.txt"), "--config", str(config)]
    args += ["--out", str(out), "--date", DAY]

    def brief_meta() -> dict:
        (brief,) = [p for p in (out / DAY).glob("*.md") if p.name not in ("index.md", "digest.md")]
        return parse_front_matter(brief.read_text(encoding="utf-8"))

    registry.clear_cache()
    assert main(args) == 0
    assert "WRITTEN" in capsys.readouterr().out
    assert brief_meta()["english_unavailable"]

    # Same inputs, same config, still no model: nothing to redo.
    assert main(args) == 0
    assert "UNCHANGED" in capsys.readouterr().out

    # The model is put where the config points; the next run (in the same process, as under
    # `vnbrief serve`) must load it and redo the brief.
    shutil.copytree(tiny_marian_dir, tmp_path / "models" / "opus-mt")
    assert main(args) == 0
    report = capsys.readouterr().out
    assert "WRITTEN" in report and "UNCHANGED" not in report
    meta = brief_meta()
    assert meta["english_unavailable"] is None and meta["title_en"]
    registry.clear_cache()
