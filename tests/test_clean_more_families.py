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
