"""One-rule snippets for the cleaner families widened on the second real set's dev half (dev2).

Each test exercises one rule on hand-written lines (never a reported number); the real-page
numbers come from bench/clean_real_eval.py.
"""

from __future__ import annotations

from pipeline.clean import clean_text
from pipeline.cleaning.rules import is_aggregator_meta

TITLE = "Thủ tướng chủ trì hội nghị thúc đẩy tăng trưởng"
P1 = (
    "Sáng 1/12, Thủ tướng Phạm Minh Chính chủ trì hội nghị trực tuyến với các địa phương về "
    "thúc đẩy tăng trưởng kinh tế."
)
P2 = (
    "Theo báo cáo của Bộ Kế hoạch và Đầu tư, tăng trưởng GDP quý IV dự kiến đạt khoảng 7,5%, "
    "cao nhất trong năm."
)
P3 = (
    "Thủ tướng yêu cầu các bộ, ngành đẩy nhanh giải ngân vốn đầu tư công, tháo gỡ vướng mắc "
    "cho doanh nghiệp."
)


def lines(*parts: str) -> str:
    return "\n".join(parts) + "\n"


def reasons(text: str) -> dict[int, str]:
    return {r.line: r.reason for r in clean_text(text).removed}


def test_aggregator_meta_line_of_several_items() -> None:
    for line in ("1 đăng lại 259 liên quan Gốc", "1614 liên quan Gốc", "3 đăng lại · 12 tin bài"):
        assert is_aggregator_meta(line), line
    assert not is_aggregator_meta("2 năm tù giam")
    got = reasons(lines(TITLE, "23/10/2025", "5 đăng lại 31 liên quan Gốc", P1, P2, P3))
    assert got == {2: "timestamp", 3: "aggregator-meta"}


def test_byline_with_role_and_trailing_source_names_writer_outlet_and_wire() -> None:
    a = clean_text(lines(TITLE, P1, P2, P3, "Kiều Anh/VOV.VN (biên dịch) Theo: Tass"))
    assert (a.author, a.outlet, a.wire) == ("Kiều Anh", "VOV", "TASS")
    assert a.paragraphs == (P1, P2, P3)


def test_closing_writer_with_source_credit_is_a_byline_not_a_caption() -> None:
    a = clean_text(lines(TITLE, P1, P2, P3, "Vân Bình (Nguồn: Reuters)"))
    assert (a.author, a.wire) == ("Vân Bình", "Reuters")
    assert {r.line: r.reason for r in a.removed} == {5: "byline"}


def test_every_closing_credit_is_read_after_the_first() -> None:
    a = clean_text(lines(TITLE, P1, P2, P3, "Theo TTXVN", "Hoàng Cường"))
    assert (a.author, a.wire) == ("Hoàng Cường", "TTXVN")
    assert reasons(lines(TITLE, P1, P2, P3, "Theo TTXVN", "Hoàng Cường")) == {
        5: "byline",
        6: "byline",
    }


def test_publisher_over_the_timestamp_is_the_outlet_not_the_writer() -> None:
    body = P1.replace("Thủ tướng", "Chính phủ", 1)
    a = clean_text(lines(TITLE, "Chính Phủ", "12 giờ trước", body, P2, P3))
    assert (a.outlet, a.author) == ("Chính Phủ", None)
    a = clean_text(lines(TITLE, "Bnews", "5 giờ trước", P1, P2, P3))
    assert a.outlet == "BNEWS"
    a = clean_text(lines(TITLE, "Minh Thu", "12 giờ trước", P1, P2, P3))
    assert (a.outlet, a.author) == (None, "Minh Thu")  # a writer's name is no phrase of the story


def test_credit_naming_a_publication_no_list_knows() -> None:
    assert clean_text(lines(TITLE, P1, P2, P3, "Theo Phụ Nữ Số")).outlet == "Phụ Nữ Số"
    assert clean_text(lines(TITLE, P1, P2, P3, "Theo Đài KTTV tỉnh")).outlet is None
    assert clean_text(lines(TITLE, P1, P2, P3, "Theo Đài PT-TH Vĩnh Long")).outlet == (
        "Đài PT-TH Vĩnh Long"
    )
