"""Scraper and CMS furniture: a WordPress crawler's shortcode markers ("[ad_1]"), an ad slot's
label, an aggregator's date stamp with its counts and topic, a keyword row split by pipes, a
closing story card opened by an outlet's dateline, a writer's two-letter code closing the page.
Hand-written one-rule snippets."""

import pytest

from pipeline.clean import clean_text
from pipeline.cleaning.outlets import strip_dateline
from pipeline.cleaning.rules import is_aggregator_meta, is_shortcode, line_reason
from tests.clean_snippets import P1, P2, P3, TITLE, lines, reasons


@pytest.mark.parametrize(
    "text", ["[ad_1]", "[ad_2]", "[/caption]", "[vc_row]", '[gallery ids="1,2"]', "[embed]"]
)
def test_shortcodes_alone_on_their_line(text: str) -> None:
    assert is_shortcode(text)
    assert line_reason(text) == "template-code"


@pytest.mark.parametrize("text", ["[1]", "[Video]", "[tin tức]", "[Ảnh minh họa]", "Giá [2021]"])
def test_bracketed_text_is_no_shortcode(text: str) -> None:
    assert not is_shortcode(text)


def test_shortcode_markers_around_the_body_go_and_change_nothing_else() -> None:
    plain = clean_text(lines(TITLE, P1, P2, P3))
    marked = clean_text(lines(TITLE, "[ad_1]", P1, P2, P3, "[ad_2]"))
    assert marked.paragraphs == plain.paragraphs
    assert {r.line: r.reason for r in marked.removed} == {2: "template-code", 6: "template-code"}


def test_a_caption_inside_its_shortcode() -> None:
    line = '[caption id="attachment_7" align="aligncenter"]Toàn cảnh hội nghị[/caption]'
    assert line_reason(line) == "photo-caption"


@pytest.mark.parametrize("text", ["ADVERTISING", "iTVC from Admicro", "Ads by Google"])
def test_ad_slot_labels(text: str) -> None:
    assert line_reason(text) == "page-widget"


@pytest.mark.parametrize(
    "text",
    [
        "21/07/22 GMT+7 89 liên quan Gốc Long An",
        "02/08/22 07:23 GMT+7 33 liên quan Gốc",
        "31/07/2022 8 liên quan Gốc",
    ],
)
def test_an_aggregators_date_stamp_with_its_counts(text: str) -> None:
    assert is_aggregator_meta(text)


def test_a_sentence_opening_on_a_date_is_no_aggregator_stamp() -> None:
    assert not is_aggregator_meta("21/07/2022 ông A cho biết có 3 liên quan đến vụ việc.")


def test_a_keyword_row_split_by_pipes() -> None:
    assert line_reason("bào chữa | viện kiểm sát | luật sư | TAND huyện Đức Hòa") == "tags"
    assert line_reason("Giá vàng | 56,5 | 57,0 | 57,2") is None  # a table's row has figures
    assert line_reason("Hà Nội | TP.HCM") is None  # two items: no row of keywords


def test_a_keyword_row_is_not_joined_to_the_writers_name_above_it() -> None:
    got = reasons(
        lines(TITLE, P1, P2, P3, "NGUYỄN VĂN AN", "giá vàng | ngân hàng | tỷ giá | lãi suất")
    )
    assert got == {5: "byline", 6: "tags"}


def test_a_closing_card_opened_by_an_outlets_dateline_is_another_story() -> None:
    head = "Bộ Công an đề xuất đăng ký thường trú, tạm trú qua mạng"
    lead = "(PLO)- Bộ Công an đã đề xuất thêm một hình thức tiếp nhận hồ sơ đăng ký thường trú."
    a = clean_text(lines(TITLE, P1, P2, P3, head, lead))
    assert a.paragraphs == (P1, P2, P3)
    # the page's own lead with the dateline stays
    own = clean_text(lines(TITLE, "(PLO)- " + P1, P2, P3))
    assert len(own.paragraphs) == 3


def test_a_two_letter_code_closing_the_page_signs_it() -> None:
    assert reasons(lines(TITLE, P1, P2, P3, "CN")) == {5: "byline"}


def test_a_last_paragraph_missing_its_full_stop_is_no_closing_link() -> None:
    last = "Ngày nay, ngôi nhà bị bỏ hoang trông rất kỳ quái, giống như một ngôi nhà ma trong phim"
    a = clean_text(lines(TITLE, P1, P2, P3, last, "NGUYỄN VĂN AN"))
    assert last in a.paragraphs


def test_a_note_opening_on_an_asterisk_has_no_dateline() -> None:
    assert strip_dateline("*TP HCM - Sài Gòn FC: 19h15 thứ Sáu.")[2] is False
    assert strip_dateline("HÀ NỘI - Sáng nay ông A nói.")[2] is True


def test_a_caption_noting_the_picture_was_cut_from_a_clip() -> None:
    line = "Chiếc xe dừng lại đón khách bên đường. (Hình ảnh cắt từ clip)"
    assert line_reason(line) == "photo-caption"
    assert line_reason("Ông A trả lời phóng viên. (Ảnh chụp từ video)") == "photo-caption"


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        ("Hiện trường vụ cháy tại quận Hoàn Kiếm", True),
        ("Tang vật trong chuyên án.", True),
        ("Một số hình ảnh trong trò chơi", True),
        ("Hiện nay giá xăng tăng mạnh", False),
    ],
)
def test_scene_and_gallery_captions(line: str, caption: bool) -> None:
    from pipeline.cleaning.captions import _scene_caption

    assert bool(_scene_caption(line)) is caption


def test_two_captions_of_one_series_between_paragraphs() -> None:
    pair = [
        "Trao thưởng cho các tác phẩm đoạt giải Nhì",
        "Trao thưởng cho các tác phẩm đoạt giải Ba",
    ]
    got = reasons(lines(TITLE, P1, P2, *pair, P3))
    assert got == {4: "photo-caption", 5: "photo-caption"}
    # the story's subject opening two lines is no series of pictures
    subject = ["Honda Civic giảm giá sâu ở đại lý", "Honda Civic bán chạy trong tháng"]
    assert reasons(lines(TITLE, P1, P2, *subject, P3)) == {}
