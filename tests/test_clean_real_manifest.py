"""The real-page sets stay consistent: every manifest page has labels and expected metadata, the
labels cover each built page line for line, and the build kinds read their record formats."""

import json
import sys
from pathlib import Path

import pytest

REAL = Path(__file__).parent / "clean_real"
DATA = Path("/work/data/issue-8/real")
ITEMS = json.loads((REAL / "manifest.json").read_text(encoding="utf-8"))
sys.path.append(str(REAL.parents[1] / "bench"))  # never ahead of the models package

import clean_real_build  # noqa: E402


def _label_rows(page: str) -> list[list[str]]:
    text = (REAL / "labels" / f"{page}.tsv").read_text(encoding="utf-8")
    return [row.split("\t") for row in text.splitlines() if row.strip() and not row.startswith("#")]


def test_every_page_has_a_unique_id_labels_and_expected_metadata() -> None:
    expected = json.loads((REAL / "expected.json").read_text(encoding="utf-8"))
    ids = [item["id"] for item in ITEMS]
    assert len(ids) == len(set(ids))
    for page in ids:
        rows = _label_rows(page)
        assert [int(r[0]) for r in rows] == list(range(1, len(rows) + 1)), page
        assert {r[1] for r in rows} <= {"title", "body", "boilerplate", "blank"}, page
        assert page in expected and set(expected[page]) >= {"title", "published"}, page


@pytest.mark.parametrize("item", [i for i in ITEMS if i["split"] == "test9"], ids=lambda i: i["id"])
def test_labels_cover_every_line_of_a_built_page(item: dict) -> None:
    built = DATA / f"{item['id']}.txt"
    if not built.exists():
        pytest.skip("real pages not rebuilt (bench/clean_real_build.py)")
    lines = built.read_text(encoding="utf-8").rstrip("\n").split("\n")
    assert len(lines) == len(_label_rows(item["id"]))


def test_jsonl_row_takes_the_named_fields_of_one_line_in_page_order() -> None:
    raw = "\n".join(
        [
            json.dumps({"title": "A", "description": "B", "content": "x"}),
            json.dumps({"title": "T", "description": "S", "content": "p1\n\n p2 \np3"}),
        ]
    ).encode()
    out = clean_real_build.jsonl_row(raw, 1, ["title", "description", "content"])
    assert out == ["T", "S", "p1", "p2", "p3"]


def test_php_array_html_reads_head_fields_then_the_content_blocks() -> None:
    raw = (
        b"[ 'title' => 'T1', 'description' => 'D1', 'content' => '<p>a</p>',\n"
        b"  'title' => 'T2', 'description' => 'D\\'2',"
        b" 'content' => '<p>b</p><p><img src=\"x\"></p><p><em>c</em></p>' ]"
    )
    out = clean_real_build.php_array_html(raw, 1, ["title", "description"], "content")
    assert out == ["T2", "D'2", "b", "c"]
