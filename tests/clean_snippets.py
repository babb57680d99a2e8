"""Shared hand-written lines for the cleaner's one-rule tests (never a reported number)."""

from __future__ import annotations

from pipeline.clean import clean_text

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
    """One input line per part, as a scraped page gives them."""
    return "\n".join(parts) + "\n"


def reasons(text: str) -> dict[int, str]:
    """Line number -> the cleaner's reason, for every removed line."""
    return {r.line: r.reason for r in clean_text(text).removed}
