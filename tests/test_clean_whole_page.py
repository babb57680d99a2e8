"""Whole-page scrapes from sites nobody tuned to (issue 8, split test6's `tagged-text` pages):
the <title> line's site suffix, a headline printed again under share labels, a contents list
with a heading no list knows, a breadcrumb one entry a line, glued menus and date pickers.
Lines are real lines of seen pages (VnExpress, Harper's Bazaar Việt Nam, Báo Hà Giang, Kenh14,
Lào Cai Online), kept short; the real pages themselves are scored by bench/clean_real_eval.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.clean import clean_text
from pipeline.cleaning.metadata import site_outlet
from pipeline.cleaning.rules import glued_menu, is_date_picker
from tests.clean_snippets import P1, P2, P3, TITLE, lines, reasons

KG1 = (
    "Kiên Giang thuộc vùng Đồng bằng sông Cửu Long, là tỉnh có diện tích lớn nhất vùng Tây Nam "
    "Bộ và lớn thứ hai ở Nam Bộ. Kiên Giang có ba thành phố là Rạch Giá, Hà Tiên và Phú Quốc."
)
KG2 = "Ngày nay, Rạch Giá có thêm nhiều khu phố mới, cầu tình yêu, cầu vòng, nhiều điểm check in cho khách du lịch."  # noqa: E501
KG3 = (
    "Khách sạn và khu nghỉ dưỡng ở Kiên Giang tập trung nhiều ở các thành phố lớn nhưHà Tiên, "
    "Rạch Giá vàPhú Quốc."
)


def test_title_suffix_after_a_bar_names_the_site_and_its_printed_name_goes() -> None:
    text = lines(
        "Ăn gì ở Cao Bằng? 8 nhà hàng ngon không thể bỏ lỡ | Harper's Bazaar Việt Nam",
        P1, P2, P3, "Harper’s Bazaar Việt Nam",
    )  # fmt: skip
    art = clean_text(text)
    assert art.title == "Ăn gì ở Cao Bằng? 8 nhà hàng ngon không thể bỏ lỡ"
    assert art.outlet == "Harper’s Bazaar Việt Nam"  # as the page prints it
    assert reasons(text)[5] == "outlet-name"


def test_title_suffix_confirmed_by_the_headline_printed_again() -> None:
    head = "Du lịch Hà Giang có gì? Top 10+ điểm du lịch du khách không thể bỏ qua"
    text = lines(f"{head} - Báo Hà Giang điện tử", "Facebook", "Zalo", head, P1, P2, P3)
    art = clean_text(text)
    assert art.title == head
    assert art.outlet == "Báo Hà Giang"  # the e-paper's name, without "điện tử"
    assert reasons(text)[4] == "duplicate-line"  # the headline under the share labels
    assert art.paragraphs[0] == P1


def test_site_outlet_finds_a_known_outlet_before_its_section() -> None:
    assert site_outlet("Báo VnExpress Du lịch") == "VnExpress"
    assert site_outlet("Lào Cai Online") == "Lào Cai Online"
    assert site_outlet("Tuổi Trẻ Thủ Đô") == "Tuổi Trẻ Thủ Đô"  # not Tuổi Trẻ: no section after


@pytest.mark.parametrize(
    "title",
    [
        "Khởi công cao tốc Hà Nội - Hải Phòng",  # a route, no site
        "Messi - Ronaldo: cuộc đua chưa có hồi kết",
    ],
)
def test_a_dash_inside_a_headline_is_no_site_suffix(title: str) -> None:
    art = clean_text(lines(title, P1, P2, P3, "Hải Phòng", "Ronaldo"))  # a menu's entries
    assert art.title == title
    assert art.outlet is None


def test_contents_list_with_unknown_heading_and_breadcrumb_under_the_headline() -> None:
    text = lines(
        "Cẩm nang Du lịch Kiên Giang 2024, top 15 địa điểm phải trải nghiệm",
        "Du lịch", "Cẩm nang", "Kiên Giang", "Trở lại Du lịch",
        "Điều hướng nhanh", "Di chuyển", "Lưu trú", "Tham quan",
        KG1, "Di chuyển", P2, "Lưu trú", KG3, "Tham quan", KG2, "Tâm Anh",
    )  # fmt: skip
    art = clean_text(text)
    got = reasons(text)
    assert all(got.get(n) == "breadcrumb" for n in (2, 3, 4))
    assert all(got.get(n) == "table-of-contents" for n in range(6, 10))
    assert not any(n in got for n in range(10, 17))  # the subheadings and paragraphs stay
    assert art.paragraphs[:2] == (KG1, "Di chuyển")
    assert art.author == "Tâm Anh"  # not the breadcrumb's "Kiên Giang"


def test_a_list_printed_twice_as_a_block_is_no_contents_list() -> None:
    items = ("Không gian sang trọng", "Phòng VIP riêng tư", "Thực đơn đa dạng")
    text = lines(TITLE, P1, *items, P2, *items, P3)
    assert not any(r == "table-of-contents" for r in reasons(text).values())


def test_glued_menus() -> None:
    assert glued_menu("CinéPhim chiếu rạpPhim Việt NamSeries truyền hìnhHoa ngữ - Hàn Quốc")
    assert glued_menu("Tek-LifeMetaverseHow-ToWow2-Mall")
    assert not glued_menu(KG3)  # prose that lost a space before a link
    assert not glued_menu("iPhone và TikTok")  # brands' inner capitals


def test_date_pickers() -> None:
    assert is_date_picker("Ngày12345678910111213141516171819202122232425262728293031")
    assert is_date_picker("202020212022202320242025")
    assert not is_date_picker("Hotline 19001234")
    assert not is_date_picker("12345")
    assert not is_date_picker("Năm 2024")


def test_time_under_another_storys_headline_is_not_the_date() -> None:
    text = lines(
        TITLE, P1, P2, P3, "Xem Nhiều",
        "Lào Cai có hai học sinh, một tập thể đoạt giải cuộc thi viết thư quốc tế UPU 2025",
        "17:27 16/05/2025",
        "Phường Sa Pả gìn giữ bản sắc văn hóa Mông qua nhạc cụ đàn Nhị",
        "15:34 16/05/2025",
    )  # fmt: skip
    assert clean_text(text).published is None


def test_place_then_dash_and_lowercase_is_the_subject_not_a_dateline() -> None:
    lead = (
        "Khánh Hòa - mảnh đất hội tụ giữa biển cả và núi non, có một món ăn không chỉ làm say "
        "lòng du khách."
    )
    assert clean_text(lines(TITLE, lead, P2, P3)).paragraphs[0] == lead


DATA = Path("/work/data/issue-8/real")


@pytest.mark.skipif(
    not (DATA / "t6-kenh14-1.txt").exists(), reason="real pages not built (clean_real_build)"
)
def test_real_kenh14_whole_page_header_and_closing_menus() -> None:
    text = (DATA / "t6-kenh14-1.txt").read_text(encoding="utf-8")
    art = clean_text(text)
    got = {r.line: r.reason for r in art.removed}
    assert art.title == "Chạm vào tinh hoa ẩm thực Khánh Hòa"
    assert all(n in got for n in range(2, 93))  # the header, its glued menus, the headline again
    assert all(n in got for n in range(124, 139))  # the header's menu closing the page
    assert all(got.get(n) == "related-item" for n in (94, 95, 96))  # a link box in the story
    assert art.paragraphs[0].startswith("Khánh Hòa - mảnh đất")


BOX = (
    "Giá xoài Úc giảm còn 1.000 - 5.000 đồng/kg, nông dân Khánh Hoà để rụng đầy vườn",
    'Bức ảnh nước biển "xanh như ngọc" khiến nhiều du khách trầm trồ: Không phải ở Nha Trang '
    "hay Phú Quốc",
    'Thành phố đứng đầu bảng "Du lịch chậm tại Việt Nam": Có gì mà khiến du khách "luỵ" tới mức '
    "muốn dọn đến ở luôn?",
)


def test_link_box_inside_the_story_but_not_a_list_it_announces() -> None:
    got = reasons(lines(TITLE, P1, *BOX, P2, P3))
    assert all(got.get(n) == "related-item" for n in (3, 4, 5))
    announced = P1[:-1] + ":"
    assert not any(n in reasons(lines(TITLE, announced, *BOX, P2, P3)) for n in (3, 4, 5))


@pytest.mark.skipif(
    not (DATA / "t6-kenh14-1.txt").exists(), reason="real pages not built (clean_real_build)"
)
@pytest.mark.parametrize(
    ("page", "headline"),
    [
        ("t6-kenh14-1", "Chạm vào tinh hoa ẩm thực Khánh Hòa"),  # a header of glued menus
        ("t6-vnexpress-2", "9 điểm đến nhất định phải check-in ở Khánh Hòa"),  # a breadcrumb
    ],
)
def test_real_whole_pages_without_their_title_line(page: str, headline: str) -> None:
    """A scraper of <body> gives no <title> line: the header above the headline must go."""
    text = (DATA / f"{page}.txt").read_text(encoding="utf-8").split("\n", 1)[1]
    assert clean_text(text).title == headline


def test_label_printed_after_each_section_with_nothing_under_it_is_a_dropped_video() -> None:
    text = lines(
        TITLE, P1, "Trailer phim", "Oculus (Ngày phát hành: 11/4 )", P2, "Trailer phim",
        "Rio 2 (Ngày phát hành: 11/4)", P3, "Trailer phim",
    )  # fmt: skip
    got = reasons(text)
    assert all(got.get(n) == "media-label" for n in (3, 6, 9))
    assert not any(n in got for n in (4, 7))  # the films' headings stay


def test_subheading_repeated_with_its_paragraph_under_it_stays() -> None:
    text = lines(TITLE, P1, "Cách làm", P2, "Cách làm", P3, "Cách làm", P1)
    assert not any(r == "media-label" for r in reasons(text).values())
