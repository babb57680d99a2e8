"""Classes of the 2014 baomoi story pages of split ``test6`` (outlets no rule was tuned to),
one rule per test. Credit and label lines are real lines of those pages; the paragraphs are
the shared hand-written snippets (never a reported number)."""

from __future__ import annotations

from pipeline.clean import clean_text
from pipeline.cleaning.bylines import parse_byline
from pipeline.cleaning.metadata import credit_parts
from pipeline.cleaning.outlets import is_brand_name
from pipeline.cleaning.rules import footer_reason, is_related_heading
from tests.clean_snippets import P1, P2, P3, TITLE, lines


def test_a_pen_name_with_its_outlets_in_parentheses_is_a_byline() -> None:
    assert parse_byline("Min (Depplus/MASK)") == ("Min", "Depplus/MASK")
    assert parse_byline("Duchp123 (TTTĐ)") == ("Duchp123", "TTTĐ")
    # a person and a country, a word and a place: no outlet credited
    assert parse_byline("Messi (Argentina)") is None
    assert parse_byline("Hà (TP.HCM)") is None


def test_writer_slash_outlet_and_vietnamese_acronyms_name_the_outlet() -> None:
    assert parse_byline("Theo Hương Nguyễn/VietQ") == ("Hương Nguyễn", "VietQ")
    assert credit_parts("TTTĐ") == ("TTTĐ", None)
    assert credit_parts("RT") == (None, None)  # a foreign source, as the dev labels have it
    assert is_brand_name("BizLIVE") and is_brand_name("VietQ") and not is_brand_name("Depplus")


def test_a_closing_pen_name_credit_gives_author_and_outlet() -> None:
    a = clean_text(lines(TITLE, P1, P2, P3, "Duchp123 (TTTĐ)"))
    assert a.author == "Duchp123" and a.outlet == "TTTĐ"
    assert list(a.paragraphs) == [P1, P2, P3]


def test_a_short_headline_ending_in_a_full_stop_over_the_time_is_the_title() -> None:
    head = "Các phương pháp nhận biết mang thai sớm."
    a = clean_text(lines(head, "01/04/2014 12:00", P1, P2))
    assert a.title == head and a.title_source == "headline"
    assert list(a.paragraphs) == [P1, P2]


def test_a_street_number_is_no_hashtag() -> None:
    assert footer_reason("#51 Sawyer Road, Suite 200 Waltham, MA 02453-3448, USA") is None
    assert footer_reason("#Covid19 #HaNoi") == "tags"


CONTACTS = (
    "Xem thông tin chi tiết tại:",
    "www.butthuthaiabon.com",
    "Facebook: ABON - Sẻ Chia Niềm Vui",
    "Hệ thống phân phối:",
    "CN Tại TP HCM CTCP ARMEPHACO",
    "08 38379138",
    "www.Armephaco.com.vn",
    "www.ytequandoi.vn",
    "Nhà sản xuất:",
    "ABON Biopharm (Hangzhou) Co., Ltd., TQ",
)


def test_web_addresses_among_contact_lines_are_the_text() -> None:
    a = clean_text(lines(TITLE, P1, P2, P3, *CONTACTS))
    assert list(a.paragraphs) == [P1, P2, P3, *CONTACTS]


def test_a_web_address_closing_the_story_is_still_removed() -> None:
    text = lines(TITLE, P1, P2, P3, "www.butthuthaiabon.com")
    assert list(clean_text(text).paragraphs) == [P1, P2, P3]


def test_names_heading_a_listicle_s_sections_are_no_byline() -> None:
    text = lines(TITLE, P1, "Nathan Lee", P2, "Chí Thiện", P3, "Phi Thanh Vân", P1 + " Vân.")
    a = clean_text(text)
    assert "Nathan Lee" in a.paragraphs and a.author is None


def test_a_name_under_the_lead_alone_is_still_the_byline() -> None:
    a = clean_text(lines(TITLE, P1, "Nguyễn Văn Nam", P2, P3))
    assert a.author == "Nguyễn Văn Nam" and "Nguyễn Văn Nam" not in a.paragraphs


def test_a_subheading_printed_twice_stays() -> None:
    text = lines(TITLE, P1, "Ưu điểm", P2, "Ưu điểm", P3)
    assert "Ưu điểm" in clean_text(text).paragraphs


def test_a_video_box_heading_and_its_blurb_close_the_page() -> None:
    assert is_related_heading("VIDEO ĐANG ĐƯỢC QUAN TÂM")
    a = clean_text(lines(TITLE, P1, P2, "VIDEO ĐANG ĐƯỢC QUAN TÂM", P3 + " " + P1))
    assert list(a.paragraphs) == [P1, P2]


BEER = (
    "Bia không chỉ là đồ uống ưa thích của giới mày râu mà còn là sản phẩm chăm sóc tóc hiệu "
    "quả cho phái đẹp"
)


LONG1, LONG2 = P1 + " " + P2, P2 + " " + P3  # paragraphs of two sentences


def test_a_line_closing_a_numbered_section_is_its_picture_s_caption() -> None:
    second = "2. Khắc phục tóc khô với bơ"
    text = lines(TITLE, LONG1, "1. Mái tóc suôn thẳng với bia", LONG2, BEER, second, LONG1)
    a = clean_text(text)
    assert BEER not in a.paragraphs and second in a.paragraphs


def test_the_list_s_own_heading_over_its_first_item_stays() -> None:
    head = "Top 10+ điểm Du lịch Hà Giang du khách không thể bỏ qua"
    items = ("1. Núi Đôi Quản Bạ", LONG2, "2. Thung Lũng Sủng Là", LONG1)
    text = lines(TITLE, LONG1, head, *items)
    assert head in clean_text(text).paragraphs


def test_an_x_and_y_masthead_under_the_closing_byline_is_the_outlet() -> None:
    a = clean_text(lines(TITLE, P1, P2, P3, "Trần Tuấn", "Thể thao & Văn hóa"))
    assert a.author == "Trần Tuấn" and a.outlet == "Thể thao & Văn hóa"
    assert list(a.paragraphs) == [P1, P2, P3]
