"""A reader's letter closes with its signature ("Độc giả giấu tên (TP.HCM)", "Bạn đọc X"): a
byline, naming the writer only when a name is given. Hand-written one-rule snippets."""

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
