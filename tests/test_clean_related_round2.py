"""Related-link shapes of round 2 (issue 8): one-rule snippets (hand-written lines, never a
reported number). Each test pairs the shape that goes with the body line that must stay."""

from __future__ import annotations

from pipeline.clean import clean_text
from pipeline.cleaning.blocks import _spaced_headline
from pipeline.cleaning.rules import (
    is_read_more,
    is_related_heading,
    is_teaser_tag,
    strip_trailing_label,
)
from tests.clean_snippets import P1, P2, P3, TITLE, lines, reasons

P4 = (
    "Các địa phương được yêu cầu báo cáo kết quả thực hiện trước ngày 15/12 để tổng hợp, "
    "trình Chính phủ xem xét."
)


def test_read_more_label_glued_after_a_quote_or_question_mark() -> None:
    for head in ("Doanh nghiệp có lãi vẫn 'bán mình'", "Thành phố nào có nhiều nhà siêu sang?"):
        assert is_read_more(head + "ĐỌC NGAY")
        assert strip_trailing_label(head + "ĐỌC NGAY") == head
    assert not is_read_more('Ông nói: "Tôi sẽ đọc thêm tài liệu trước khi quyết định."')


def test_related_headings_by_shape() -> None:
    for heading in ("Tham khảo thêm", "Tìm hiểu thêm", "Nhận định bóng đá mới nhất",
                    "Tin thế giới liên quan", "Video cùng chuyên mục"):  # fmt: skip
        assert is_related_heading(heading), heading
    # a subheading about the story's latest turn is no list heading
    for heading in ("Diễn biến mới nhất", "Thông tin mới nhất về vụ cháy", "Tham khảo ý kiến"):
        assert not is_related_heading(heading), heading


def test_capitalised_media_tag_is_a_teaser() -> None:
    assert is_teaser_tag("VIDEO Highlight: Hà Nội 2-1 Hải Phòng")
    assert not is_teaser_tag("Video cho thấy chiếc xe lao qua dải phân cách rồi dừng lại.")
    assert not is_teaser_tag("VIDEO ghi lại toàn bộ vụ việc đã được trích xuất.")


def test_inline_related_heading_takes_its_one_headline_and_the_body_resumes() -> None:
    sub = "Cần thêm sản phẩm mới"
    other = "Trình Quốc hội xem xét kéo dài thị thực lên 90 ngày"
    text = lines(TITLE, P1, P2, "Tham khảo thêm", other, sub, P3, P4)
    got = reasons(text)
    assert got.get(4) == "related-heading" and got.get(5) == "related-item"
    assert clean_text(text).paragraphs == (P1, P2, sub, P3, P4)


def test_closing_headline_run_into_its_lead_with_a_space() -> None:
    glued = (
        "Ác nhân quậy nát thành phố trong trò chơi GTA V Với bản mod mới, ác nhân có thể "
        "quậy nát cả thành phố trong trò chơi nổi tiếng."
    )
    got = reasons(lines(TITLE, P1, P2, P3, P4, glued))
    assert got.get(6) == "related-item"


def test_a_sentence_with_a_title_case_noun_is_no_seam() -> None:
    """ "... cho rằng Chính phủ ...", "... Bắc Kinh từ ...": a title or a name inside one
    sentence, and a head that the tail does not restate."""
    last = (
        "Lãnh đạo thành phố đề nghị các sở ngành phối hợp chặt chẽ với Tổ công tác để "
        "hoàn thành dự án trước tháng 12."
    )
    assert _spaced_headline(last, set(), {"tổ", "công", "tác"}) is None
    assert 6 not in reasons(lines(TITLE, P1, P2, P3, P4, last))


def test_question_headline_and_lead_over_read_on_links() -> None:
    head = "Hé lộ số tiền tập đoàn nước ngoài bỏ ra để mua lại hãng bút bi, cao hay thấp?"
    lead = "Theo thông tin từ tập đoàn, họ sẽ chi gần 4.700 tỉ đồng để mua lại hơn 65% cổ phần."
    got = reasons(lines(TITLE, P1, P2, P3, P4, head, lead, "Đọc tiếp Về trang Chủ đề"))
    assert got.get(6) == "related-item" and got.get(7) == "related-item"


def test_teaser_lead_printed_again_inside_its_box_goes() -> None:
    """A related box that repeats its cards: the repeated lead (here run on by a broken
    scrape) sits between the box's lines and goes; the story's own paragraph stays."""
    head = "Bài viết của tác giả góp phần làm rõ nhiều vấn đề lý luận quan trọng"
    lead = (
        "(ĐTCK) Trong khi nhân sự các ngành khác phải làm việc tại nhà để đảm bảo an toàn "
        "trước dịch bệnh thì nhân viên các doanh nghiệp vẫn đến văn phòng."
    )
    garbled = lead[:100] + "à để đảm bảo an toàn trước dịch bệnh"
    text = lines(TITLE, P1, P2, P3, P4, head, lead, head, garbled, head, lead, head, lead)
    got = reasons(text)
    assert clean_text(text).paragraphs == (P1, P2, P3, P4)
    assert got.get(9) == "related-item"


def test_two_other_headlines_under_the_lead_go() -> None:
    links = (
        "Dự án gần 600 tỷ đồng ở miền Trung có dấu hiệu rút ruột công trình",
        "Hải Phòng: Lập đoàn kiểm tra liên ngành an toàn thực phẩm dịp Tết",
    )
    text = lines(TITLE, P1, *links, P2, P3, P4)
    got = reasons(text)
    assert got.get(3) == "related-item" and got.get(4) == "related-item"
    assert clean_text(text).paragraphs == (P1, P2, P3, P4)


def test_headlines_under_the_lead_about_the_story_stay() -> None:
    """Two subheading-like lines that take up the story's own words are its text."""
    own = (
        "Thủ tướng yêu cầu đẩy nhanh giải ngân vốn đầu tư công trong tháng cuối năm",
        "Tăng trưởng kinh tế quý IV dự kiến đạt mức cao nhất trong năm nay",
    )
    text = lines(TITLE, P1, *own, P2, P3, P4)
    assert not {3, 4} & set(reasons(text))


def test_read_more_label_glued_to_the_start_of_a_headline() -> None:
    for line in ("XEM THÊMVẻ đẹp bên trong các hang động ở Quảng Bình",
                 "Tin liên quanHà Nội cấm xe máy ở nội đô từ năm 2030",
                 "Đọc thêm Những hang động đẹp nhất miền Trung"):  # fmt: skip
        assert is_read_more(line), line
    for line in ("Đọc thêm sách giúp trẻ phát triển trí tuệ.",
                 "Xem thêm Phụ lục 2 kèm theo quyết định này."):  # fmt: skip
        assert not is_read_more(line), line


def test_a_box_of_cards_each_run_into_its_lead_goes() -> None:
    first = (
        "Bắt giữ người phụ trách nhóm tu bị tố cáo tại Đà LạtÔng Nguyễn Văn A bị cáo buộc "
        "nhiều lần vi phạm pháp luật trong thời gian dài."
    )
    second = (
        "Ác nhân quậy nát thành phố trong trò chơi GTA V Với bản mod mới, ác nhân có thể "
        "quậy nát cả thành phố trong trò chơi nổi tiếng."
    )
    got = reasons(lines(TITLE, P1, P2, P3, P4, first, second))
    assert got.get(6) == "related-item" and got.get(7) == "related-item"
