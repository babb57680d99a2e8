"""Round 3 tail classes (test11/test12, seen): desk bylines and sign-offs, a closing box of
other stories under any all-caps heading, bracketed source credits, glued topic links, place
subheadings, bold runs split out of a sentence, and no lead date when the headline names
another day. Hand-written one-rule snippets (no real article text)."""

from pipeline.clean import clean_text
from pipeline.cleaning.bylines import parse_byline
from pipeline.names import person_title_parts

_LONG = (
    "Chỉ số chung giảm nhẹ trong phiên hôm nay khi lực bán gia tăng ở nhóm cổ phiếu lớn, "
    "thanh khoản thấp hơn mức trung bình của hai mươi phiên gần nhất."
)


def _removed(text: str) -> dict[str, str]:
    return {r.text: r.reason for r in clean_text(text).removed}


def test_desk_credit_is_a_byline() -> None:
    desk = "Bộ phận Phân tích Kỹ thuật, Phòng Tư vấn Công ty"
    assert parse_byline(desk) == (desk, None)
    assert parse_byline("Ban Tổ chức cho biết") is None  # a sentence, not a desk


def test_desk_byline_sign_off_and_all_caps_box_after_it() -> None:
    page = "\n".join(
        [
            "Nhận định thị trường ngày 12/08: Thận trọng",
            _LONG,
            _LONG.replace("hôm nay", "sáng nay"),
            _LONG.replace("hôm nay", "chiều nay"),
            "Bộ phận Phân tích Kỹ thuật, Phòng Tư vấn Công ty",
            "ABCD",
            "CÁC KÊNH KHÁC",
            "Góc nhìn 12/08: Dao động quanh ngưỡng cũ?",
            "Giá vàng thế giới tăng nhẹ trước tin lạm phát",
        ]
    )
    article = clean_text(page)
    removed = {r.text: r.reason for r in article.removed}
    assert removed["Bộ phận Phân tích Kỹ thuật, Phòng Tư vấn Công ty"] == "byline"
    assert removed["ABCD"] in ("page-furniture", "byline")  # the desk's sign-off
    assert removed["CÁC KÊNH KHÁC"] == "related-heading"
    assert removed["Góc nhìn 12/08: Dao động quanh ngưỡng cũ?"] == "related-item"
    assert article.author == "Bộ phận Phân tích Kỹ thuật, Phòng Tư vấn Công ty"


def test_numbered_section_heading_before_a_desk_byline_is_kept() -> None:
    page = "\n".join(
        ["Nhận định thị trường: Thận trọng", _LONG, _LONG.replace("hôm nay", "sáng nay"),
         "II. THỐNG KÊ THỊ TRƯỜNG", "Bộ phận Phân tích Kỹ thuật, Phòng Tư vấn Công ty"]
    )  # fmt: skip
    assert "II. THỐNG KÊ THỊ TRƯỜNG" in clean_text(page).paragraphs


def test_bracketed_source_over_the_byline_is_a_credit() -> None:
    page = "\n".join(["Mẹo chăm sóc da mùa hè", _LONG, _LONG, "(Tạp chí Khỏe).", "Minh Anh"])
    assert _removed(page).get("(Tạp chí Khỏe).") == "byline"


def test_topic_link_under_a_glued_topic_label_is_tags() -> None:
    page = "\n".join(
        ["Mẹo phối đồ công sở", "Lời mở đầu ngắn về cách phối đồ đi làm.Sự kiện:",
         "Tư vấn thời trang", _LONG, _LONG]
    )  # fmt: skip
    assert _removed(page).get("Tư vấn thời trang") == "tags"


def test_place_heading_with_its_province_is_no_portrait() -> None:
    assert person_title_parts("Đảo Phú Quý, Bình Thuận") is None
    assert person_title_parts("Biển Phước Hải, Bà Rịa – Vũng Tàu") is None
    assert person_title_parts("Ông Nguyễn Văn An, Giám đốc Sở Y tế") is not None


def test_bold_run_split_out_of_its_sentence_is_joined_back() -> None:
    lead = "Chuyến thăm lần này nhằm công bố gói hỗ trợ dành cho người dân vùng lũ với tổng trị giá"
    page = "\n".join(
        ["Công bố gói hỗ trợ", _LONG, lead, "120 triệu USD", "cho ba tỉnh miền Trung."]
    )
    assert f"{lead} 120 triệu USD cho ba tỉnh miền Trung." in clean_text(page).paragraphs


def test_lead_date_of_another_day_than_the_headline_is_no_publication_date() -> None:
    lead = "Trong phiên giao dịch ngày 11/08/2021, chỉ số chung giảm nhẹ khi lực bán gia tăng."
    page = "\n".join(["Nhận định ngày 12/08/2021: Thận trọng", lead, _LONG])
    assert clean_text(page).published is None
    same = "\n".join(["Nhận định ngày 11/08/2021: Thận trọng", lead, _LONG])
    assert clean_text(same).published == "2021-08-11"
