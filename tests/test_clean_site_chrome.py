"""Site chrome of a whole-page scrape (issue 8, split ``test4``): one rule per test on
hand-written snippets (never a reported number)."""

from __future__ import annotations

from pipeline.clean import clean_text
from tests.clean_snippets import P1, P2, P3, TITLE, lines, reasons


def test_lines_between_the_title_and_its_repeat_as_headline_are_site_chrome() -> None:
    text = lines(
        TITLE, "Hà Nội 25 o C", "Podcast Đặt báo Đăng nhập", "Kinh tế", "Đời sống",
        "Tiện ích Bạn cần biết Liên hệ", TITLE, "Ngọc Ánh", P1, P2, P3,
    )  # fmt: skip
    article = clean_text(text)
    got = reasons(text)
    assert article.title == TITLE
    assert article.paragraphs == (P1, P2, P3)
    assert all(got[k] == "site-chrome" for k in (2, 3, 6))
    assert got[7] == "duplicate-line"
    assert article.author == "Ngọc Ánh"


def test_head_chrome_stands_back_when_a_paragraph_comes_before_the_repeat() -> None:
    # the headline echoed after the lead: the lines above it are the story, not the header
    text = lines(TITLE, P1, "Kinh tế", "Đời sống", "Du lịch", TITLE, P2, P3)
    got = reasons(text)
    assert "site-chrome" not in got.values()
    assert P1 in clean_text(text).paragraphs


def test_read_aloud_voices_are_no_byline_and_an_email_byline_names_the_writer() -> None:
    text = lines(
        TITLE, "Ngọc Ánh - ngocanh@example.com", "1.00x Chọn tốc độ đọc",
        "Thảo Trinh Chọn giọng đọc", "Thảo Trinh", "Minh Hoàng", P1, P2, P3,
    )  # fmt: skip
    article = clean_text(text)
    got = reasons(text)
    assert article.author == "Ngọc Ánh"
    assert got[3] == got[4] == "page-widget"
    assert got[5] == got[6] == "media-player"
    assert article.paragraphs == (P1, P2, P3)


def test_page_tail_chrome_event_line_comment_form_and_copyright_owner() -> None:
    text = lines(
        TITLE, P1, P2, P3, "Dòng sự kiện: Hội nghị tăng trưởng", "Bạn cần biết",
        "© 2003-2025 Bản quyền thuộc về Báo Thanh Niên.",
        "Bạn không thể gửi bình luận liên tục. Xin hãy đợi 60 giây nữa.",
    )  # fmt: skip
    article = clean_text(text)
    got = reasons(text)
    assert got[5] == "related-heading"
    assert got[8] == "comment-form"
    assert article.paragraphs == (P1, P2, P3)
    assert article.outlet == "Thanh Niên"


def test_a_headline_shaped_line_over_a_credit_line_stays_body() -> None:
    """A listicle's item heading printed over its photo's credit has the same shape as a caption
    over its credit; removing such lines cost 10 item headings on the HTML-labelled pages
    (bench/clean_auto_captions.py), so the line stays and only the credit goes."""
    heading = "Một quân nhân đứng gác tại vùng biên giới ngày 16.2.2025"
    text = lines(TITLE, P1, heading, "ẢNH: REUTERS", P2, P3)
    got = reasons(text)
    assert got.get(3) is None and got[4] == "photo-caption"
    assert clean_text(text).paragraphs == (P1, heading, P2, P3)
