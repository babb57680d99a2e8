"""The header zone: a site frame's labelled fields and the section label beside the headline.

Hand-written one-rule snippets (not real pages); the real pages that show each class are in
tests/clean_real (test9, test10) and are scored by bench/clean_real_eval.py.
"""

from __future__ import annotations

import pytest

from pipeline import dates
from pipeline.clean import clean_text
from pipeline.cleaning.fields import field_line, frame_line

TITLE = "Thành phố mở thêm ba tuyến xe buýt điện nối các khu dân cư mới"
LEAD = (
    "Từ tháng sau, ba tuyến xe buýt điện mới sẽ chạy qua các khu dân cư phía đông thành phố, "
    "theo kế hoạch vừa được công bố."
)
P2 = "Mỗi tuyến có khoảng mười xe, chạy từ năm giờ sáng đến mười giờ tối, giá vé không đổi."
P3 = "Sở Giao thông cho biết sẽ lấy ý kiến người dân trước khi điều chỉnh lộ trình các tuyến."


def page(*head: str) -> str:
    return "\n".join([TITLE, *head, LEAD, P2, P3])


def removed(text: str) -> dict[str, str]:
    return {r.text: r.reason for r in clean_text(text).removed}


@pytest.mark.parametrize(
    ("line", "reason", "writer", "when"),
    [
        ("Author: Trần Minh", "byline", "Trần Minh", None),
        ("Tác giả: Trần Minh", "byline", "Trần Minh", None),
        ("Date: 20/04/2019", "timestamp", None, "2019-04-20"),
        ("Ngày đăng: 20/04/2019 08:15", "timestamp", None, "2019-04-20"),
        ("Cập nhật: 08:15 20/04/2019", "timestamp", None, "2019-04-20"),
        ("Trần Minh đăng lúc 20:50 13/04/2019", "byline", "Trần Minh", "2019-04-13"),
        ("Posted by Trần Minh on April 13, 2019", "byline", "Trần Minh", "2019-04-13"),
        ("Tag xe buýt ,giao thông", "tags", None, None),
        ("Từ khóa: xe buýt, giao thông", "tags", None, None),
        ("Chuyên mục: Giao thông", "breadcrumb", None, None),
    ],
)
def test_labelled_fields_in_both_languages(line, reason, writer, when) -> None:
    assert field_line(line) == (reason, writer, when)


@pytest.mark.parametrize(
    "line",
    [
        "Date: sắp tới",  # a date field's value must be a date
        "Tác giả: bài viết này được viết sau nhiều tháng tìm hiểu.",  # a sentence, no name
        "Nguồn: theo báo cáo của Sở, lượng khách đã tăng gấp đôi trong năm nay.",
        "Vụ việc xảy ra lúc 20:50 13/04/2019",  # no writer's name before the stamp
        "Tag theo ông, chuyện này đã rõ.",
    ],
)
def test_prose_after_a_label_is_no_field(line) -> None:
    assert field_line(line) is None


def test_fields_give_the_date_and_the_writer() -> None:
    a = clean_text(page("Author: Trần Minh", "Date: 20/04/2019"))
    assert a.published == "2019-04-20" and a.author == "Trần Minh"
    assert a.paragraphs == (LEAD, P2, P3)


def test_poster_line_and_tag_row_under_a_section_label() -> None:
    text = page("Giao thông", "Trần Minh đăng lúc 20:50 13/04/2019", "Tag xe buýt ,giao thông")
    got = removed(text)
    assert got["Giao thông"] == "breadcrumb"
    assert got["Trần Minh đăng lúc 20:50 13/04/2019"] == "byline"
    assert got["Tag xe buýt ,giao thông"] == "tags"
    a = clean_text(text)
    assert a.title == TITLE and a.published == "2019-04-13" and a.author == "Trần Minh"


def test_a_field_inside_the_body_stays() -> None:
    text = "\n".join([TITLE, LEAD, "Date: 20/04/2019", P2, P3])
    assert "Date: 20/04/2019" in clean_text(text).paragraphs


def test_timestamp_with_clock_first_and_a_trailing_bar() -> None:
    assert dates.is_timestamp_line("17:26 - 18/01/2016 |")
    assert dates.timestamp_date("17:26 - 18/01/2016 |") == "2016-01-18"
    assert not dates.is_timestamp_line("0:00 / 0:00")  # a player's counter states no date
    a = clean_text(page("17:26 - 18/01/2016 |", "Giao thông - Đô thị"))
    assert a.published == "2016-01-18" and a.paragraphs == (LEAD, P2, P3)


def test_a_subheading_under_the_headline_alone_stays() -> None:
    """A page cut mid-article: a short line between the headline and a paragraph, with no
    frame line beside it, is a subheading."""
    text = "\n".join([TITLE, "Lộ trình mới", LEAD, P2, P3])
    assert "Lộ trình mới" in clean_text(text).paragraphs


def test_other_stories_headlines_between_the_lead_and_the_body() -> None:
    one = "Cầu vượt mới ở cửa ngõ phía nam thông xe sau hai năm thi công kéo dài"
    two = "Giá vàng hôm nay tăng mạnh theo thị trường thế giới trong phiên sáng"
    got = removed("\n".join([TITLE, LEAD, one, two, P2, P3]))
    assert got == {one: "related-item", two: "related-item"}


@pytest.mark.parametrize(
    "lead",
    [
        # a document's number before its date: the day it was signed
        "Đó là nội dung tại Thông báo số 12/TB-UBND ngày 24/3/2023 về việc mở thêm tuyến xe.",
        # a span of years closing on this year: an anniversary, not the day of the story
        "Nhân dịp kỷ niệm 50 năm thành lập công ty (19-5-1973 - 19-5-2023), xe mới ra mắt.",
    ],
)
def test_no_published_date_from_a_document_or_a_span(lead) -> None:
    assert clean_text("\n".join([TITLE, lead, P2, P3])).published is None


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("Tác giả: Trần Minh | Ngày đăng: 20/04/2019", ("byline", "Trần Minh", "2019-04-20")),
        ("Người đăng: admin - Ngày đăng: 20/04/2019", ("byline", None, "2019-04-20")),
        ("Date: 20/04/2019 | Lượt xem: 1234", ("timestamp", None, "2019-04-20")),
        ("Đăng bởi: admin", ("byline", None, None)),  # an account: no writer to record
        ("By Trần Minh", ("byline", "Trần Minh", None)),
        ("Tác giả: Trần Minh - Hà Nội", ("byline", "Trần Minh", None)),
    ],
)
def test_several_fields_on_one_line_and_accounts(line, want) -> None:
    assert field_line(line) == want


def test_unlabelled_pieces_alone_make_no_field() -> None:
    assert field_line("Trần Minh | 20/04/2019") is None  # left to the byline step
    assert field_line("By the way, it works") is None


def test_section_label_over_the_writers_name() -> None:
    a = clean_text(page("Giao thông", "Trần Minh"))
    assert a.paragraphs == (LEAD, P2, P3) and a.author == "Trần Minh"
    assert removed(page("Giao thông", "Trần Minh"))["Giao thông"] == "breadcrumb"


@pytest.mark.parametrize(
    ("line", "reason", "author"),
    [
        ("Thể thao | 20/04/2019 08:15", "timestamp", None),
        ("Trần Minh - Thứ Hai, 20/04/2019 08:15", "byline", "Trần Minh"),
        ("20/04/2019 08:15 | Lượt xem: 1.234", "timestamp", None),
        ("Bóng đá trong nước | 20/04/2019", "timestamp", None),  # a section no list holds
    ],
)
def test_frame_line_of_unlabelled_pieces_around_a_stamp(line, reason, author) -> None:
    a = clean_text(page(line))
    assert removed(page(line)) == {line: reason}
    assert a.published == "2019-04-20" and a.author == author and a.paragraphs == (LEAD, P2, P3)


def test_frame_line_needs_a_full_date() -> None:
    assert frame_line("Thể thao | Trần Minh") is None  # no stamp: left to other steps
    assert frame_line("Giá vàng hôm nay | tăng mạnh theo thế giới") is None


@pytest.mark.parametrize(
    "line",
    ["April 20, 2019 at 8:15 am", "Sat, 20 Apr 2019 08:15:00 +0700", "Monday, April 20, 2019"],
)
def test_english_stamps(line) -> None:
    assert dates.is_timestamp_line(line) and dates.timestamp_date(line) == "2019-04-20"
    assert field_line("Published: " + line) == ("timestamp", None, "2019-04-20")


def test_fields_over_the_headline_leave_it_the_title() -> None:
    a = clean_text("\n".join(["Author: Trần Minh", "Date: 20/04/2019", TITLE, LEAD, P2, P3]))
    assert a.title == TITLE and a.paragraphs == (LEAD, P2, P3)
    assert a.published == "2019-04-20" and a.author == "Trần Minh"


@pytest.mark.parametrize(("line", "outlet"), [("TNĐT", "TNĐT"), ("(TTO)", "Tuổi Trẻ")])
def test_outlet_dateline_alone_over_the_lead(line, outlet) -> None:
    a = clean_text(page("20/04/2019 08:15", line))
    assert a.outlet == outlet and a.paragraphs == (LEAD, P2, P3)


def test_a_wire_alone_over_the_lead_names_no_outlet() -> None:
    assert clean_text(page("20/04/2019 08:15", "TTXVN")).outlet is None


@pytest.mark.parametrize(
    ("line", "reason", "author"),
    [
        ("Author: Trần Minh", "byline", "Trần Minh"),
        ("Chuyên mục: Giao thông", "breadcrumb", None),
        ("Tag xe buýt ,giao thông", "tags", None),
    ],
)
def test_labelled_fields_after_the_story(line, reason, author) -> None:
    text = "\n".join([TITLE, LEAD, P2, P3, line])
    assert removed(text) == {line: reason} and clean_text(text).author == author
