"""Caption notes after a caption's last sentence and who-is-where words (issue 8, caprules).

One-rule snippets written for these tests (never a reported number)."""

from __future__ import annotations

import pytest

from pipeline.cleaning.rules import CAPTION_POSITION_RE, line_reason


@pytest.mark.parametrize(
    "line",
    [
        "Con tàu cập cảng sau ba tuần trên biển. Ảnh:",  # the credit's name was lost
        "Con tàu cập cảng sau ba tuần trên biển.Ảnh:",
        "Nhà máy có công suất 500 MW. Trong ảnh: Mô hình nhà máy",
        "Các khách mời tại buổi lễ. Từ trái qua phải: ông A, bà B, ông C",
        "Từ trái sang phải: ông A, bà B và ông C tại buổi lễ",
        "Con tàu cập cảng sau ba tuần trên biển. Ảnh - Tư liệu gia đình",
        "Mô phỏng con tàu trên quỹ đạo - Ảnh đồ họa từ một tạp chí",
        "Cậu bé tưới rau trong vườn. Ảnh chụp từ clip của gia đình.",
        "Minh họa: ABC.",
    ],
)
def test_caption_notes_mark_the_line_a_caption(line: str) -> None:
    assert line_reason(line) == "photo-caption"


@pytest.mark.parametrize(
    "line",
    [
        "Ảnh hưởng của cơn bão kéo dài nhiều ngày - Ảnh hưởng lớn nhất là nông nghiệp.",
        "Ông nói rằng trong ảnh của mình có nhiều người.",
        "Anh đưa cho tôi xem một tấm ảnh. Trong ảnh là ngôi nhà cũ của gia đình.",
        "Minh họa cho điều này là con số tăng trưởng: 7%.",
    ],
)
def test_body_sentences_mentioning_pictures_stay(line: str) -> None:
    assert line_reason(line) is None


def test_who_is_where_in_the_picture() -> None:
    assert CAPTION_POSITION_RE.search("Hai phóng viên (bìa trái ảnh) phỏng vấn người dân.")
    assert CAPTION_POSITION_RE.search("Anh Nam (thứ 2, bên trái) nhận giải.")
    assert CAPTION_POSITION_RE.search("Đội chủ nhà (áo đỏ) trong trận đấu.")
    assert not CAPTION_POSITION_RE.search("Đội chủ nhà mặc áo đỏ trong trận đấu.")


def test_chart_credits() -> None:
    assert line_reason("Số liệu: ABC, XYZ") == "photo-caption"
    assert line_reason("Tỷ lệ sút trúng đích của hai đội. Số liệu: ABC.") == "photo-caption"
    assert line_reason("Theo báo cáo, sản lượng tăng mạnh. Số liệu: Tổng cục ABC.") is None
    assert line_reason("Số liệu: sản lượng tăng 5%") is None


def test_short_label_naming_the_picture_between_paragraphs() -> None:
    from pipeline.cleaning.captions import _label_caption

    assert _label_caption("Lăng Khải Định.")
    assert _label_caption("Logo của mạng xã hội Facebook.")
    assert not _label_caption("Thoát cửa tử thần.")  # names nothing: a section heading
    assert not _label_caption("Kính thưa Hội nghị.")  # an address in a speech
    assert not _label_caption("Gió Đông Bắc cấp 2.")  # a number: a forecast's line
    assert not _label_caption("Nhưng Hà Nội không.")
    assert not _label_caption("Lăng Khải Định")  # no full stop: left to the other signals
