"""The real-page set's bookkeeping (issue 8) agrees with itself, without running the cleaner.

Why: a held-out split is labelled blind, so nothing may score it before the lead does; these
checks only tie manifest, labels and expected metadata together (and, where the pages were
rebuilt, each label file to its page's line count), and check the build kinds read their record
formats, so a split can be checked on commit.
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
sys.path.append(str(REAL.parents[1] / "bench"))  # never ahead of the models package

import clean_real_build  # noqa: E402
import clean_real_eval  # noqa: E402


def _rows(page_id: str) -> list[list[str]]:
    text = (REAL / "labels" / f"{page_id}.tsv").read_text(encoding="utf-8")
    return [r.split("\t") for r in text.splitlines() if r.strip() and not r.startswith("#")]


def test_every_page_has_a_unique_id_a_known_split_labels_and_expected_metadata() -> None:
    ids = [item["id"] for item in ITEMS]
    assert len(ids) == len(set(ids))
    assert set(clean_real_eval.HELD_OUT) <= set(clean_real_eval.SPLITS)
    for item in ITEMS:
        assert item["split"] in clean_real_eval.SPLITS, item["id"]
        rows = _rows(item["id"])
        assert [int(r[0]) for r in rows] == list(range(1, len(rows) + 1)), item["id"]
        assert {r[1] for r in rows} <= LABELS, item["id"]
        assert set(EXPECTED[item["id"]]) == set(clean_real_eval.META_KEYS), item["id"]


NEW_SPLITS = (
    "test8", "test9", "test10", "test11", "test12", "test13", "test14", "test15", "test16",
    "test17",
)
NEW = [i for i in ITEMS if i["split"] in NEW_SPLITS]


@pytest.mark.parametrize("item", NEW, ids=lambda i: i["id"])
def test_labels_cover_every_line_of_a_built_page_with_one_title(item: dict) -> None:
    rows = _rows(item["id"])
    assert sum(r[1] == "title" for r in rows) == 1
    built = DATA / f"{item['id']}.txt"
    if not built.exists():
        pytest.skip("real pages not rebuilt (bench/clean_real_build.py)")
    assert len(rows) == len(built.read_text(encoding="utf-8").rstrip("\n").split("\n"))


def test_jsonl_row_takes_the_named_fields_of_one_line_in_page_order() -> None:
    raw = "\n".join(
        [
            json.dumps({"title": "A", "description": "B", "content": "x"}),
            json.dumps({"title": "T", "description": "S", "content": "p1\n\n p2 \np3"}),
        ]
    ).encode()
    out = clean_real_build.jsonl_row(raw, 1, ["title", "description", "content"])
    assert out == ["T", "S", "p1", "p2", "p3"]


def test_json_join_takes_the_head_of_the_same_id_then_the_block_list() -> None:
    raw = json.dumps([{"id_content": "7", "test": [" a  b ", "c"]}]).encode()
    heads = json.dumps([{"id": "6", "title": "X"}, {"id": "7", "title": "T", "description": None}])
    item = {
        "index": 0,
        "key": "id_content",
        "head_key": "id",
        "head": ["title", "description"],
        "list": "test",
    }
    assert clean_real_build.json_join(raw, heads.encode(), item) == ["T", "a b", "c"]


def test_csv_pylist_reads_the_list_literals_of_the_named_columns() -> None:
    raw = b"id,t,c\n1,['T'],\"['a\\n\\n b ', 'c']\"\n"
    assert clean_real_build.csv_pylist(raw, 0, ["t", "c"]) == ["T", "a", "b", "c"]


def test_php_array_html_reads_head_fields_then_the_content_blocks() -> None:
    raw = (
        b"[ 'title' => 'T1', 'description' => 'D1', 'content' => '<p>a</p>',\n"
        b"  'title' => 'T2', 'description' => 'D\\'2',"
        b" 'content' => '<p>b</p><p><img src=\"x\"></p><p><em>c</em></p>' ]"
    )
    out = clean_real_build.php_array_html(raw, 1, ["title", "description"], "content")
    assert out == ["T2", "D'2", "b", "c"]


def test_json_html_reads_the_head_fields_then_the_html_field_blocks() -> None:
    raw = json.dumps(
        [
            {"title": "A", "content_html": "<p>x</p>"},
            {"title": " T\n", "content_html": '<div class="s">S</div><div><p>b</p><p>c</p></div>'},
        ]
    ).encode()
    out = clean_real_build.json_html(raw, 1, ["title"], "content_html")
    assert out == ["T", "S", "b", "c"]


def test_sql_post_reads_html_head_fields_as_blocks_when_asked() -> None:
    raw = b"INSERT INTO `a` (`id`, `t`, `c`, `d`) VALUES\n(1, 'T', '<p>x</p>', '<p>S &amp; s</p>');"
    item = {"table": "a", "index": 1, "head": [1, 3], "content": 2}
    assert [*clean_real_build.sql_post(raw, item)] == ["T", "<p>S &amp; s</p>", "x"]
    assert clean_real_build.sql_post(raw, {**item, "head_html": True}) == ["T", "S & s", "x"]


def test_js_var_page_renders_the_nth_object_with_its_template_labels() -> None:
    raw = (
        b'var a = { t: "x" };\nvar a = {\n  t: "T {1}",\n  w: \'K\',\n'
        b'  c: "<p>b</p><p>c</p>",\n};'
    )
    item = {"var": "a", "index": 1, "head": [["", "t"], ["Author: ", "w"]], "content": "c"}
    assert clean_real_build.js_var_page(raw, item) == ["T {1}", "Author: K", "b", "c"]


def test_sql_post_reads_double_quoted_dumps_and_shows_line_breaks_as_breaks() -> None:
    raw = (
        b'INSERT INTO bz_posts VALUES\n("7","T","a \\"b\\"\\nc\\r\\n\\r\\n<p>d</p>"),\n'
        b'("8","U","x");'
    )
    item = {"table": "bz_posts", "quote": '"', "autop": True, "index": 7, "head": [1], "content": 2}
    assert clean_real_build.sql_post(raw, item) == ["T", 'a "b"', "c", "d"]
    assert clean_real_build.sql_rows("insert into t values ('1','it''s');", "t") == [["1", "it's"]]
