"""The real-page set's bookkeeping (issue 8) agrees with itself, without running the cleaner.

Why: a held-out split is labelled blind, so nothing may score it before the lead does; these
checks only tie manifest, labels and expected metadata together (and, where the pages were
rebuilt, each label file to its page's line count), so a split can be checked on commit.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REAL = Path(__file__).resolve().parent / "clean_real"
DATA = Path("/work/data/issue-8/real")
ITEMS = json.loads((REAL / "manifest.json").read_text(encoding="utf-8"))
EXPECTED = json.loads((REAL / "expected.json").read_text(encoding="utf-8"))
LABELS = {"title", "body", "boilerplate", "blank"}


def _rows(page_id: str) -> list[list[str]]:
    text = (REAL / "labels" / f"{page_id}.tsv").read_text(encoding="utf-8")
    return [r.split("\t") for r in text.splitlines() if r.strip() and not r.startswith("#")]


def test_every_page_has_a_unique_id_a_known_split_labels_and_expected_metadata() -> None:
    sys.path.append(str(REAL.parents[1] / "bench"))  # never ahead of the models package
    import clean_real_eval

    ids = [item["id"] for item in ITEMS]
    assert len(ids) == len(set(ids))
    assert set(clean_real_eval.HELD_OUT) <= set(clean_real_eval.SPLITS)
    for item in ITEMS:
        assert item["split"] in clean_real_eval.SPLITS, item["id"]
        assert (REAL / "labels" / f"{item['id']}.tsv").exists(), item["id"]
        assert set(EXPECTED[item["id"]]) == set(clean_real_eval.META_KEYS), item["id"]


@pytest.mark.parametrize("item", [i for i in ITEMS if i["split"] == "test8"], ids=lambda i: i["id"])
def test_test8_labels_number_every_line_once_with_one_title(item: dict) -> None:
    rows = _rows(item["id"])
    assert [int(r[0]) for r in rows] == list(range(1, len(rows) + 1))
    assert all(r[1] in LABELS for r in rows)
    assert sum(r[1] == "title" for r in rows) == 1
    page = DATA / f"{item['id']}.txt"
    if page.exists():  # rebuilt from the mirrors: one label per line of the page
        assert len(rows) == len(page.read_text(encoding="utf-8").splitlines())
