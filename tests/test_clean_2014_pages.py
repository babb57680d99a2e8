"""Classes the cleaner got wrong on the 2014 baomoi crawl pages (split ``test4``), one rule
per test.

Hand-written snippets (never a reported number): an invitation line announcing the related
stories ("Xem thêm tin bài liên quan hấp dẫn tại đây:") and the stories listed under it.
"""

from __future__ import annotations

from pipeline.clean import clean_text
from pipeline.cleaning.rules import is_related_heading
from tests.clean_snippets import P1, P2, P3, TITLE, lines, reasons

INVITE = "Xem thêm tin bài liên quan hấp dẫn tại đây:"
STORIES = (
    "Hà Nội khởi công cầu vượt mới ở nút giao phía tây",
    "Giá xăng giảm lần thứ ba liên tiếp",
    "Sân bay Long Thành đón chuyến bay thử đầu tiên",
)


def test_an_invitation_naming_related_stories_heads_a_related_block() -> None:
    assert is_related_heading(INVITE)
    assert is_related_heading("Đọc thêm các bài liên quan:")
    # a sentence of the story that only mentions "liên quan" is not a heading
    assert not is_related_heading("Xem thêm các quy định liên quan đến thuế thu nhập cá nhân.")
    assert not is_related_heading("Cơ quan chức năng đang xem xét các vấn đề liên quan:")


def test_the_stories_under_the_invitation_are_removed_and_the_body_kept() -> None:
    text = lines(TITLE, P1, P2, P3, INVITE, *STORIES)
    a = clean_text(text)
    assert list(a.paragraphs) == [P1, P2, P3]
    r = reasons(text)
    assert all(r.get(n) for n in range(5, 9)), r


CAPTION = "Hệ thống phanh dưới gầm xe tải hạng nặng"


def test_a_short_line_printed_twice_between_paragraphs_is_a_repeated_caption() -> None:
    text = lines(TITLE, P1, CAPTION, P2, CAPTION, P3)
    a = clean_text(text)
    assert list(a.paragraphs) == [P1, P2, P3]
    r = reasons(text)
    assert r[3] == "repeated-caption" and r[5] == "duplicate-line"


def test_a_subheading_said_once_stays() -> None:
    text = lines(TITLE, P1, CAPTION, P2, P3)
    assert CAPTION in clean_text(text).paragraphs


P4 = "Công trình dự kiến hoàn thành vào cuối năm sau, giúp giảm ùn tắc cho cửa ngõ phía tây."
INVITE_PHOTOS = "Mời các bạn xem loạt ảnh chụp lại buổi lễ khởi công."
PHOTO_LINES = (
    "Các đại biểu cắt băng khánh thành",
    "Công nhân bắt đầu thi công",
    "Toàn cảnh công trường",
)


def test_short_lines_under_an_invitation_to_view_photos_are_their_captions() -> None:
    text = lines(TITLE, P1, P2, INVITE_PHOTOS, *PHOTO_LINES, P3, P4)
    a = clean_text(text)
    assert list(a.paragraphs) == [P1, P2, INVITE_PHOTOS, P3, P4]
    r = reasons(text)
    assert [r.get(n) for n in (5, 6, 7)] == ["series-caption"] * 3


def test_one_short_line_under_the_invitation_may_be_a_subheading() -> None:
    text = lines(TITLE, P1, INVITE_PHOTOS, "Ý kiến chuyên gia", P2, P3)
    assert "Ý kiến chuyên gia" in clean_text(text).paragraphs


def test_the_label_of_a_lost_video_is_removed() -> None:
    label = "Video toàn cảnh lễ khởi công cầu vượt:"
    text = lines(TITLE, P1, P2, P3, label)
    assert reasons(text)[5] == "video-label"
    assert list(clean_text(text).paragraphs) == [P1, P2, P3]


def test_a_paragraph_announcing_a_list_is_no_video_label() -> None:
    from pipeline.cleaning.rules import is_video_label

    assert is_video_label("Xem lại diễn biến trận đấu:")
    assert not is_video_label("Video được chia sẻ trên mạng xã hội cho thấy, hai người đàn ông:")
    assert not is_video_label("Theo đoạn video, các nghi phạm đã:")


def test_a_source_line_naming_the_writer_and_the_outlet_is_the_byline() -> None:
    text = lines(TITLE, P1, P2, P3, "Nguồn: Minh Quân (Autovina)")
    a = clean_text(text)
    assert a.author == "Minh Quân"
    assert reasons(text)[5] == "byline"
    assert list(a.paragraphs) == [P1, P2, P3]


def test_a_closing_line_announcing_pictures_that_are_gone_is_removed() -> None:
    label = "Hình ảnh người dân cùng nhau dựng lại ngôi nhà:"
    text = lines(TITLE, P1, P2, P3, label)
    assert reasons(text)[5] == "video-label"
    # the same words with the story going on under them stay body
    assert label in clean_text(lines(TITLE, P1, P2, label, P3)).paragraphs
