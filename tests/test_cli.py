"""The command line without Prefect: clean, models list/pull, argument errors."""

import json
from pathlib import Path

import pytest

from flows.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "hoi-dam-to-lam-thongloun.txt"


def test_clean_json_reports_metadata_paragraphs_and_removed_lines(capsys):
    assert main(["clean", str(SAMPLE), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {
        "title",
        "title_source",
        "published",
        "outlet",
        "wire",
        "author",
        "paragraphs",
        "removed",
    }
    assert data["title_source"] == "lead"  # the page has no headline line
    assert data["author"] == "Hòa Bình"
    removed = {r["line"]: r["reason"] for r in data["removed"]}
    assert removed[4] == "photo-caption" and removed[24] == "byline"
    assert not any("Ảnh:" in p for p in data["paragraphs"])


def test_clean_plain_prints_title_then_body(capsys):
    assert main(["clean", str(SAMPLE)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Tổng Bí thư Tô Lâm đã hội đàm")  # the lead's main clause
    assert "Quang cảnh cuộc hội đàm" not in out


def test_clean_of_missing_file_is_one_error_line(capsys, tmp_path):
    assert main(["clean", str(tmp_path / "nope.txt")]) == 1
    err = capsys.readouterr().err.strip()
    assert "nope.txt: cannot read file" in err and "\n" not in err


def test_bad_date_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as info:
        main(["run", "--date", "25/11/2026"])
    assert info.value.code == 2
    assert "not a date in YYYY-MM-DD form" in capsys.readouterr().err


def test_models_list_and_pull_offline(capsys, monkeypatch, tiny_t5_dir, tmp_path):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    config = tmp_path / "c.yaml"
    config.write_text(
        f"summarizer:\n  model: {tiny_t5_dir}\ntranslator:\n  model: Helsinki-NLP/opus-mt-vi-en\n",
        encoding="utf-8",
    )
    assert main(["models", "list", "--config", str(config)]) == 0
    out = capsys.readouterr().out
    assert f"summarizer  {tiny_t5_dir}" in out and "local dir" in out
    translator_line = next(line for line in out.splitlines() if "opus-mt-vi-en" in line)
    assert "hub (not cached)" in translator_line and translator_line.rstrip().endswith("NO")
    assert main(["models", "pull", "--config", str(config)]) == 1
    captured = capsys.readouterr()
    assert "summarizer: ready at" in captured.out
    assert "cannot pull 'Helsinki-NLP/opus-mt-vi-en'" in captured.err
