"""What closes a story: a reader's letter's signature ("Độc giả giấu tên (TP.HCM)", "Bạn đọc X")
is a byline, naming the writer only when a name is given; contact lines a paragraph announces
("... địa chỉ của lương y:" then "Địa chỉ: ...") are the text. Hand-written one-rule snippets."""

from pipeline.clean import clean_text
from pipeline.cleaning.bylines import parse_byline
from tests.clean_snippets import P1, P2, P3, TITLE, lines


def test_reader_signatures_are_bylines() -> None:
    assert parse_byline("Độc giả giấu tên (TP.HCM)") == (None, None)
    assert parse_byline("Bạn đọc Nguyễn Minh Anh (Hà Nội)") == ("Nguyễn Minh Anh", None)
    assert parse_byline("Bạn đọc hỏi về chính sách thuế") is None


def test_an_anonymous_readers_signature_closing_the_letter_goes() -> None:
    a = clean_text(lines(TITLE, P1, P2, P3, "Độc giả giấu tên (TP.HCM)"))
    assert a.paragraphs == (P1, P2, P3) and a.author is None


def test_contact_lines_the_text_announces_stay() -> None:
    intro = "Để bạn đọc tiện liên hệ, tòa soạn xin cung cấp địa chỉ và số điện thoại của lương y:"
    contact = ["Địa chỉ: Thôn Phú Vinh, xã An Khánh, Hà Nội.", "Điện thoại: 0900.000.000"]
    a = clean_text(lines(TITLE, P1, P2, intro, *contact))
    assert a.paragraphs == (P1, P2, intro, *contact)
    footer = clean_text(lines(TITLE, P1, P2, P3, *contact))  # the site's own footer goes
    assert footer.paragraphs == (P1, P2, P3)
