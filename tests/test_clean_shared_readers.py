"""The readers and tables that several cleaner steps share (one place for each piece of
knowledge): the aggregator stamp reader, the outlet-name openers, the tag and writer labels and
``Page.stamped``. Lines are hand-written, one shape each."""

from __future__ import annotations

import re

from pipeline.cleaning.bylines import labelled_byline
from pipeline.cleaning.fields import aggregator_stamp, field_line
from pipeline.cleaning.lines import BLANK, HEADER, Line, Page
from pipeline.cleaning.outlets import E_PAPERS, name_openers
from pipeline.cleaning.rules import (
    FIELD_LABELS,
    TAG_WORDS,
    WRITER_LABELS,
    footer_reason,
    is_aggregator_meta,
    read_aggregator_stamp,
)
from pipeline.cleaning.text import alternation


def test_one_stamp_reader_two_acceptances() -> None:
    line = "21/07/22 GMT+7 89 liên quan Gốc Long An"
    for bare in (True, False):
        read = read_aggregator_stamp(line, bare=bare)
        assert read is not None
        assert (read.stamp, read.when) == ("21/07/22 GMT+7", "2022-07-21")
        assert read.splits[0] == ("89 liên quan Gốc", "Long An")
    assert is_aggregator_meta(line) and aggregator_stamp(line) == "2022-07-21"


def test_the_rule_wants_a_bare_stamp_the_header_any_stamp() -> None:
    # a weekday before the date: the header reads its date, the line rule leaves the line
    line = "Thứ Hai, 21/07/2022 8 liên quan Gốc"
    assert read_aggregator_stamp(line, bare=True) is None
    assert aggregator_stamp(line) == "2022-07-21"
    assert not is_aggregator_meta(line)


def test_the_header_wants_few_tags_the_rule_one_topic() -> None:
    # six words of topic: one topic to the rule, more tags than a stamp line prints to the header
    line = "31/07/2022 8 liên quan Gốc Một hai ba bốn năm sáu"
    assert is_aggregator_meta(line)
    assert aggregator_stamp(line) is None


def test_openers_are_read_longest_first() -> None:
    paper = re.compile(rf"^{name_openers('paper', e_papers=E_PAPERS)}\s+(?P<rest>.+)$", re.I)
    m = paper.match("Báo điện tử Đảng Cộng sản")
    assert m is not None and m["rest"] == "Đảng Cộng sản"
    assert alternation(["a", "abc", "ab"]) == "(?:abc|ab|a)"


def test_tag_words_label_a_tag_row_and_a_tags_field() -> None:
    assert set(TAG_WORDS) <= set(FIELD_LABELS["tags"])
    assert footer_reason("Thẻ: giá vàng, thị trường") == "tags"
    found = field_line("Từ khoá: giá vàng")
    assert found is not None and found[0] == "tags"


def test_writer_labels_are_field_labels_and_byline_labels() -> None:
    assert set(WRITER_LABELS) <= set(FIELD_LABELS["author"])
    assert labelled_byline("Tác giả: Nguyễn Văn An")
    found = field_line("Người viết: Nguyễn Văn An")
    assert found is not None and found[0] == "byline"


def _page(*kinds: str | None) -> Page:
    return Page([Line(n, f"dòng {n}", kind) for n, kind in enumerate(kinds, 1)])


def test_stamped_looks_past_blanks_under_and_over() -> None:
    page = _page(None, BLANK, "timestamp", None)
    assert page.stamped(0) and page.stamped(0, above=False)
    assert page.stamped(3) and not page.stamped(3, above=False)
    assert not page.stamped(3, below=False, above=False)


def test_stamped_over_skips_a_header_under_does_not() -> None:
    page = _page("timestamp", HEADER, None, HEADER, "timestamp")
    assert page.stamped(2, below=False)
    assert not page.stamped(2, above=False)


def test_stamped_by_text_before_the_stamp_steps() -> None:
    page = Page([Line(1, "Tiêu đề bài báo"), Line(2, "01/04/2014 11:53")])
    assert not page.stamped(0)
    assert page.stamped(0, is_stamp=lambda t: t[:1].isdigit())
