"""Closing related boxes in shapes met on unlabelled pages (bench/clean_unlabelled.py):
one-rule snippets (hand-written lines, never a reported number)."""

from __future__ import annotations

from pipeline.clean import clean_text
from pipeline.cleaning.blocks import _glued_headline
from tests.clean_snippets import P1, P2, P3, TITLE, lines, reasons

P4 = (
    "Các địa phương được yêu cầu báo cáo kết quả thực hiện trước ngày 15/12 để tổng hợp, "
    "trình Chính phủ xem xét."
)
LEAD_A = (
    "Với sự hỗ trợ của chương trình và doanh nghiệp liên kết, mô hình trồng gia vị hữu cơ "
    "đã tạo sinh kế bền vững cho nông dân các xã vùng cao."
)
LEAD_B = (
    "Nhiều năm nay, cây thuốc lá được gọi vui là cây xóa đói giảm nghèo ở huyện miền núi, "
    "giúp người dân tăng thu nhập."
)


def test_closing_box_of_headlines_sharing_a_first_word_goes() -> None:
    """Two full headlines over their leads above the byline are other stories even when both
    open with the same word (a list's rows share their opening; headlines may too)."""
    titles = (
        "Cây gia vị tốt nhất thế giới tạo sinh kế cho dân vùng cao Lục khu",
        "Cây có hương vị đặc biệt giúp người dân vùng cao ‘hái ra tiền’",
    )
    text = lines(TITLE, P1, P2, P3, P4, titles[0], LEAD_A, titles[1], LEAD_B, "Bình Minh")
    got = reasons(text)
    assert [got.get(n) for n in (6, 7, 8, 9)] == ["related-item"] * 4
    assert clean_text(text).paragraphs == (P1, P2, P3, P4)


def test_writer_position_under_the_name_does_not_hide_the_box() -> None:
    """"Nhà báo" under the writer's name closes the page: the teasers above still go."""
    titles = (
        "Giấc mơ làm công an của hai chị em và những ngày vượt nắng mưa tập luyện",
        "Khám xét trụ sở công ty của hai người nổi tiếng trên mạng xã hội hôm nay",
    )
    text = lines(TITLE, P1, P2, P3, P4, titles[0], LEAD_A, titles[1], LEAD_B, "Đàm Đệ", "Nhà báo")
    assert clean_text(text).paragraphs == (P1, P2, P3, P4)


def test_headline_glued_to_its_lead_above_the_byline_goes() -> None:
    glued = (
        "Bắt giữ người phụ trách nhóm tu bị tố cáo tại Đà LạtÔng Nguyễn Văn A bị cáo buộc "
        "nhiều lần vi phạm pháp luật trong thời gian dài."
    )
    got = reasons(lines(TITLE, P1, P2, P3, P4, glued, "Xuân Ngọc"))
    assert got[6] == "related-item"


def test_question_headline_glued_to_its_lead() -> None:
    glued = (
        "Tỉnh sẽ còn bao nhiêu xã, phường sau sắp xếp?Tỉnh hiện có 77 đơn vị hành chính cấp "
        "xã, gồm 29 phường, 6 thị trấn và 42 xã."
    )
    assert _glued_headline(glued) is not None


def test_camel_case_brand_or_a_seam_inside_the_body_stays() -> None:
    brand = (
        "Đoạn video được chia sẻ rộng rãi trên TikTok và thu hút hàng triệu lượt xem chỉ sau "
        "vài giờ đăng tải."
    )
    assert _glued_headline(brand) is None
    glued = (
        "Bắt giữ người phụ trách nhóm tu bị tố cáo tại Đà LạtÔng Nguyễn Văn A bị cáo buộc "
        "nhiều lần vi phạm pháp luật trong thời gian dài."
    )
    # not the closing line: left to the body ("when in doubt, keep")
    got = reasons(lines(TITLE, P1, glued, P2, P3, P4, "Xuân Ngọc"))
    assert 3 not in got
