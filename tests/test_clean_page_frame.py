"""The frame of a whole-page scrape (site header above the headline, site footer below the
story), found by general signals (``chrome.page_frame``): one rule per test on hand-written
snippets (never a reported number), and the real Thanh Niên page without its <title> line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.clean import clean_text
from pipeline.cleaning.rules import is_menu_line, menu_items
from tests.clean_snippets import P1, P2, P3, TITLE, lines, reasons

HEADER = (
    "Đăng nhập", "Hà Nội 25 o C", "Thời sự", "Thế giới", "Kinh tế", "Giải trí", "Thể thao",
    "Tiện ích Bạn cần biết Liên hệ",
)  # fmt: skip
FOOTER = (
    "Chính trị Thời sự Thế giới Kinh tế", "Giấy phép xuất bản số 110/GP - BTTTT",
    "Tổng biên tập: Nguyễn Văn An", "Hotline 0906 645 777", "© 2003-2025 Bản quyền thuộc về Báo X.",
)  # fmt: skip


def test_a_whole_page_without_its_title_line_opens_on_its_headline() -> None:
    text = lines(*HEADER, "Thế giới", TITLE, "Ngọc Ánh", P1, P2, P3)
    article = clean_text(text)
    got = reasons(text)
    assert article.title == TITLE
    assert article.paragraphs == (P1, P2, P3)
    assert article.author == "Ngọc Ánh"
    assert {got[k] for k in range(1, len(HEADER) + 1)} <= {
        "site-menu",
        "site-chrome",
        "page-widget",
    }
    assert got[3] == "site-menu" and got[2] == "site-chrome"  # a section; the weather


def test_the_header_rule_stands_back_without_a_menu_above_the_headline() -> None:
    # three short lines naming no site section: a poem's opening or a dedication, not a menu
    text = lines("Gửi mẹ", "Mùa thu Hà Nội", "Nhớ người xa", TITLE, P1, P2, P3)
    assert not {"site-menu", "site-chrome"} & set(reasons(text).values())
    assert clean_text(text).title == "Gửi mẹ"  # as before: the first line


def test_the_header_rule_stands_back_when_a_sentence_stands_above_the_headline() -> None:
    text = lines(*HEADER, P3, TITLE, P1, P2)
    assert not {"site-menu", "site-chrome"} & set(reasons(text).values())


def test_a_headline_asking_a_question_is_no_paragraph() -> None:
    question = "Nếu ngân sách không đủ, dự án đường sắt sẽ ra sao?"
    article = clean_text(lines(*HEADER, question, P1, P2, P3))
    assert article.title == question
    assert article.paragraphs == (P1, P2, P3)


def test_a_related_heading_in_the_menu_stops_at_the_headline() -> None:
    # "Video" is a related heading on its own; inside the menu it must not take the lead
    sapo = "Tăng trưởng quý IV được dự báo cao nhất năm nhờ xuất khẩu và đầu tư công phục hồi"
    text = lines(*HEADER, "Video", "Podcast", TITLE, sapo, P1, P2, P3)
    article = clean_text(text)
    assert article.title == TITLE
    assert article.paragraphs == (sapo, P1, P2, P3)


def test_a_site_footer_of_contact_and_licence_lines_and_its_menus() -> None:
    text = lines(TITLE, P1, P2, P3, "Ngọc Ánh", "Podcast Bạn đọc", *FOOTER)
    article = clean_text(text)
    got = reasons(text)
    assert article.paragraphs == (P1, P2, P3)
    assert article.author == "Ngọc Ánh"
    assert got[6] == "site-footer"  # a label between the byline and the footer's menus
    assert got[7] == "site-menu"
    assert {got[k] for k in range(8, 12)} <= {"site-footer", "copyright-footer"}


def test_the_footer_never_takes_a_numbered_row_or_a_sentence_above_it() -> None:
    row = "Trận 3 : PR vs Empire - XEM REPLAY"
    text = lines(TITLE, P1, P2, P3, row, "Nhận định chung", *FOOTER)
    got = reasons(text)
    assert 5 not in got  # a row of the story's list
    assert got.get(6) == "site-footer"
    assert P3 in clean_text(text).paragraphs


def test_menu_lines_glued_with_spaces() -> None:
    assert menu_items("Chính trị Thời sự Thế giới Kinh tế") == [
        "Chính trị", "Thời sự", "Thế giới", "Kinh tế",
    ]  # fmt: skip
    assert is_menu_line("Chính trị Thời sự Thế giới Kinh tế")
    assert is_menu_line("Đặt báo Quảng cáo RSS Tòa soạn Chính sách bảo mật")
    assert not is_menu_line("Kinh tế Việt Nam tăng trưởng mạnh trong quý IV")
    assert not is_menu_line("Hà Nội: Mưa lớn ở Cầu Giấy")
    assert not is_menu_line("Thế giới ghi nhận 3 ca mắc mới")


DATA = Path("/work/data/issue-8/real")
CASES = Path(__file__).parent / "clean_real"


@pytest.mark.skipif(
    not (DATA / "site-thanhnien-1.txt").exists(), reason="real pages not built (clean_real_build)"
)
def test_real_thanh_nien_page_without_its_title_line() -> None:
    """test4's whole Thanh Niên page as a scraper of <body> gets it (no <title> line): the
    headline is found under the site's header, every body line kept (seen split: tuned on)."""
    raw = (DATA / "site-thanhnien-1.txt").read_text(encoding="utf-8").split("\n")
    labels = {}
    for row in (CASES / "labels" / "site-thanhnien-1.tsv").read_text(encoding="utf-8").splitlines():
        if row.strip() and not row.startswith("#"):
            cols = row.split("\t")
            labels[int(cols[0])] = cols[1]
    article = clean_text("\n".join(raw[1:]))
    removed = {r.line + 1 for r in article.removed}
    expected = json.loads((CASES / "expected.json").read_text(encoding="utf-8"))
    assert article.title == expected["site-thanhnien-1"]["title"]
    body = [n for n, lab in labels.items() if lab == "body"]
    assert all(raw[n - 1].strip() in article.paragraphs for n in body)
    boiler = [n for n, lab in labels.items() if lab == "boilerplate" and n > 1]
    assert sum(n in removed for n in boiler) / len(boiler) >= 0.95
    header = range(2, 51)  # every line of the site's header above the headline
    assert all(n in removed for n in header if raw[n - 1].strip())


def test_section_menus_closing_the_page_one_a_line() -> None:
    sitemap = ("Thời sự", "Thế giới", "World Cup 2022", "Giải trí", "Sống xanh")
    text = lines(TITLE, P1, P2, P3, *sitemap)
    got = reasons(text)
    assert all(got.get(k) == "site-menu" for k in range(5, 10))
    assert clean_text(text).paragraphs == (P1, P2, P3)


def test_a_list_the_story_announces_is_no_closing_menu() -> None:
    intro = "Các môn thi đấu chính thức của đại hội gồm:"
    text = lines(TITLE, P1, P2, P3, intro, "Thể thao", "Giải trí", "Du lịch")
    assert "site-menu" not in reasons(text).values()


def test_a_cookie_banner_in_the_header_does_not_stop_the_header_rule() -> None:
    banner = "Chúng tôi sử dụng cookie để cải thiện trải nghiệm của bạn trên trang web này."
    text = lines(banner, "Đồng ý", *HEADER, TITLE, P1, P2, P3)
    article = clean_text(text)
    assert article.title == TITLE
    assert article.paragraphs == (P1, P2, P3)
    assert reasons(text)[1] == "page-banner"


def test_a_paragraph_about_cookies_in_the_story_stays() -> None:
    about = "Nhiều trang web sử dụng cookie để theo dõi người dùng mà họ không hề hay biết."
    text = lines(TITLE, P1, about, P2, P3)
    assert clean_text(text).paragraphs == (P1, about, P2, P3)


def test_a_long_menu_glued_into_one_line_is_no_paragraph() -> None:
    glued = (
        "Chính trị Thời sự Thế giới Kinh tế Đời sống Sức khoẻ Giới trẻ Giáo dục Du lịch Văn hoá "
        "Giải trí Thể thao Công nghệ Xe Thời trang trẻ Video Podcast Bạn đọc Rao vặt"
    )
    text = lines("Đăng nhập", glued, "Thế giới", TITLE, P1, P2, P3)
    article = clean_text(text)
    assert article.title == TITLE
    assert article.paragraphs == (P1, P2, P3)
    assert reasons(text)[2] == "site-menu"


def test_the_header_menu_printed_again_below_the_story() -> None:
    own = ("Rao vặt", "Nhà đẹp", "Chợ online")  # the site's own sections, in no list
    text = lines(*HEADER, *own, TITLE, P1, P2, P3, *own)
    got = reasons(text)
    n = len(HEADER) + len(own) + 4
    assert all(got.get(k) == "site-menu" for k in range(n + 1, n + 4))
    assert clean_text(text).paragraphs == (P1, P2, P3)


def test_short_lines_naming_no_section_are_no_header_however_many() -> None:
    verse = ("Mẹ ơi", "Con về", "Phố cũ", "Mưa bay", "Gió lạnh", "Đêm dài")
    text = lines(*verse, TITLE, P1, P2, P3)
    assert not {"site-menu", "site-chrome"} & set(reasons(text).values())


def test_one_or_two_labels_over_the_headline_stay_a_breadcrumb() -> None:
    text = lines("Thời sự", "Chính trị", TITLE, P1, P2, P3)
    got = reasons(text)
    assert got[1] == got[2] == "breadcrumb"
    assert clean_text(text).title == TITLE


def test_contact_lines_inside_the_story_are_no_footer() -> None:
    hotlines = ("Các số hỗ trợ người dân", "Hà Nội 0243 825 1234", "TP.HCM 0283 822 5678")
    text = lines(TITLE, P1, *hotlines, P2, P3)
    assert clean_text(text).paragraphs == (P1, *hotlines, P2, P3)
