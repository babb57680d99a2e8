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


def test_leads_under_the_closing_byline_go() -> None:
    """"Hoài Linh" closes the story; the paragraph under it is another story's lead."""
    p5 = "Hội nghị cũng thống nhất lịch làm việc của các tổ công tác trong quý tới."
    lead = "Một vụ nổ lớn đã xảy ra ở nhà kho tại cảng, làm ít nhất 70 người thiệt mạng."
    text = lines(TITLE, P1, P2, P3, P4, p5, "Hoài Linh", lead)
    got = reasons(text)
    assert got[8] == "related-item" and got[7] == "byline"
    assert clean_text(text).paragraphs == (P1, P2, P3, P4, p5)


def test_names_as_subheadings_are_no_byline() -> None:
    """A list of people, each name over a paragraph: the last paragraph stays."""
    p5 = "Cô là nữ tay đua trẻ nhất từng giành chức vô địch giải đua xe trong khu vực."
    p6 = "Cô hiện điều hành một kênh video về ô tô với hơn một triệu người theo dõi."
    text = lines(TITLE, P1, P2, P3, "Sophia Floersch", p5, "Sonja Reid", p6)
    assert p6 in clean_text(text).paragraphs


def test_embed_fallback_video_label_and_reader_invite() -> None:
    from pipeline.cleaning.rules import line_reason

    assert line_reason("browser not support iframe.") == "media-player"
    assert line_reason("Xem highlights Quảng Nam 3-3 Sài Gòn FC:") == "video-label"
    invite = (
        "Trân trọng mời bạn đọc cộng tác, gửi tin bài, video về Ban Ô tô xe máy theo email: "
        "otoxemay@example.vn"
    )
    assert line_reason(invite) == "reader-invite"
    # a story about a browser, or quoting a call without a mailbox, stays
    browser = "Trình duyệt không hỗ trợ tính năng này nên người dùng phải cập nhật."
    assert line_reason(browser) is None
    assert line_reason("Ban tổ chức mời bạn đọc tham gia cuộc thi viết về quê hương.") is None


def test_player_labels_are_not_joined_as_a_wrapped_sentence() -> None:
    """"Duration 1:58" / "auto" / "1080p 720p auto": a player's lines, each on its own, all
    removed (a lowercase "auto" once joined the duration as the rest of its sentence)."""
    text = lines(TITLE, P1, P2, "Current Time 0:00", "/", "Duration 1:58", "auto",
                 "1080p 720p 480p 360p auto", P3)
    assert clean_text(text).paragraphs == (P1, P2, P3)


def test_labelled_writer_under_the_lead_is_the_byline() -> None:
    """"Tác giả: NCS TS X" under the sapo: the label names the writer (titles and all)."""
    text = lines(TITLE, "12 giờ trước", P1, "Tác giả: NCS TS Trần Văn Hiếu", P2, P3, P4)
    got = reasons(text)
    assert got[4] == "byline"
    assert clean_text(text).paragraphs == (P1, P2, P3, P4)


def test_closing_box_in_text_wrapped_at_a_fixed_width_goes() -> None:
    """Text hard-wrapped at 60 columns: each paragraph is joined first, and the closing box
    (headlines over leads) goes as it does unwrapped; wrapped lines are not verse."""
    import textwrap

    titles = (
        "Cây gia vị tốt nhất thế giới tạo sinh kế cho dân vùng cao Lục khu",
        "Cây có hương vị đặc biệt giúp người dân vùng cao ‘hái ra tiền’",
    )
    paras = (TITLE, P1, P2, P3, P4, titles[0], LEAD_A, titles[1], LEAD_B, "Bình Minh")
    text = "\n\n".join(textwrap.fill(p, 60) for p in paras) + "\n"
    assert clean_text(text).paragraphs == (P1, P2, P3, P4)
