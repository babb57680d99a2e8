"""Title and date pickers on header shapes the automatic title check (bench/clean_title_check.py)
found misread: one rule per test, on hand-written snippets shaped like the real pages."""

from __future__ import annotations

import pytest

from pipeline import dates
from pipeline.clean import clean_text

LEAD = (
    "Sáng nay, giá xăng trong nước giảm mạnh theo điều chỉnh của liên Bộ Công Thương - Tài "
    "chính, mức giảm hơn 500 đồng mỗi lít so với kỳ trước."
)
MORE = "Đoạn thứ hai của bài viết có thêm thông tin chi tiết cho người đọc quan tâm tới giá cả."


def _page(*head: str) -> str:
    return "\n".join([*head, LEAD, MORE]) + "\n"


def test_short_headline_between_trail_and_stamp_is_the_title() -> None:
    text = _page(
        "Tin tức > Kinh tế > Thị trường",
        "Giá xăng giảm mạnh",
        "01/04/2014 12:47",
        "(ABC) - Giá xăng giảm hơn 500 đồng mỗi lít từ chiều nay theo điều chỉnh mới",
    )
    a = clean_text(text)
    assert a.title == "Giá xăng giảm mạnh"
    assert a.published == "2014-04-01"


def test_headline_under_trail_and_stamp_is_the_title() -> None:
    a = clean_text(_page("Tin tức > Kinh tế", "01/04/2014 12:47", "Giá xăng giảm mạnh"))
    assert a.title == "Giá xăng giảm mạnh"


def test_hot_label_headline_after_a_trail_is_the_title() -> None:
    a = clean_text(_page("Tin tức > Kinh tế", "NÓNG: Giá xăng giảm mạnh", "01/04/2014 11:53"))
    assert a.title == "NÓNG: Giá xăng giảm mạnh"
    assert a.published == "2014-04-01"


def test_clip_headline_over_the_stamp_is_the_title() -> None:
    a = clean_text(_page("Clip: Giá xăng giảm mạnh chiều nay", "3 giờ trước"))
    assert a.title == "Clip: Giá xăng giảm mạnh chiều nay"


def test_url_section_slug_is_no_headline() -> None:
    a = clean_text(_page("kinh-te", "Giá xăng giảm"))
    assert a.title == "Giá xăng giảm"


def test_label_over_a_stamped_headline_is_a_section() -> None:
    a = clean_text(_page("Dân sinh", "Giá xăng giảm mạnh", "15:00 - 05/09/2022"))
    assert a.title == "Giá xăng giảm mạnh"
    a = clean_text(_page("Dân sinh", "15:00 - 05/09/2022", "Giá xăng giảm mạnh"))
    assert a.title == "Giá xăng giảm mạnh"


def test_long_headline_with_no_end_mark_is_not_cut() -> None:
    head = " ".join(["Giá xăng giảm mạnh"] * 8) + " cầu kỳ"  # 34 words, no end mark
    a = clean_text(_page(head))
    assert a.title == head


def test_headline_with_full_stop_under_the_stamp_keeps_it() -> None:
    a = clean_text(_page("01/04/2014 12:00", "Giá xăng giảm mạnh."))
    assert a.title == "Giá xăng giảm mạnh."


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("12/09/2022 14:30 Long An", "2022-09-12"),
        ("Thứ hai 12/09/2022 - 14:30 Hà Nội", "2022-09-12"),
        ("ngày 12 tháng 9 năm 2022", "2022-09-12"),
        ("12/09/22 14:30", "2022-09-12"),
    ],
)
def test_date_line_shapes_are_stamps_and_date_the_page(line: str, iso: str) -> None:
    assert dates.is_timestamp_line(line)
    a = clean_text(_page("Giá xăng giảm mạnh", line))
    assert a.title == "Giá xăng giảm mạnh"
    assert a.published == iso
    assert line not in a.paragraphs


def test_sentence_ending_on_names_is_no_stamp() -> None:
    assert not dates.is_timestamp_line("Ngày 12/09/2022 ông Nguyễn Văn A")


@pytest.mark.parametrize(
    "line",
    [
        "Giá xăng giảm mạnh chiều nay - Quân đội nhân dân",
        "Giá xăng giảm mạnh chiều nay - Chuyên trang Sinh viên Việt Nam - Báo Tiền Phong",
        "Giá xăng giảm mạnh chiều nay - Sức khỏe & Đời sống",
        "Giá xăng giảm mạnh chiều nay | Báo Gia Lai",
    ],
)
def test_site_name_after_the_headline_is_cut(line: str) -> None:
    assert clean_text(_page(line)).title == "Giá xăng giảm mạnh chiều nay"


def test_short_headline_before_a_known_outlet_is_cut() -> None:
    assert clean_text(_page("Khởi đầu - Znews")).title == "Khởi đầu"


def test_long_headline_glued_to_its_site_is_no_lead() -> None:
    head = " ".join(["Giá xăng giảm mạnh"] * 7) + " cầu kỳ"  # 30 words, 34 with the site
    a = clean_text(_page(f"{head} | Báo Gia Lai", head))
    assert a.title == head


@pytest.mark.parametrize(
    "line",
    [
        "Giá xăng giảm mạnh chiều nay - 12/09/2022",
        "Giá xăng giảm mạnh chiều nay | 12/09/2022 14:30",
        "Giá xăng giảm mạnh chiều nay - Thứ Hai, 12/9/2022 - 14:30",
        "Giá xăng giảm mạnh chiều nay - Báo Gia Lai - 12/09/2022",
    ],
)
def test_date_glued_after_the_headline_is_cut_and_dates_the_page(line: str) -> None:
    a = clean_text(_page(line))
    assert a.title == "Giá xăng giảm mạnh chiều nay"
    assert a.published == "2022-09-12"


def test_section_and_date_line_over_the_headline_stays_a_frame_line() -> None:
    a = clean_text(_page("Kinh tế | 12/09/2022", "Giá xăng giảm mạnh"))
    assert a.title == "Giá xăng giảm mạnh"
    assert a.published == "2022-09-12"


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Đăng ngày 19.12.2019 bởi admin", None),
        ("Posted on 19/12/2019 by admin", None),
        ("Tác giả: Nguyễn Văn An - 19/12/2019", "Nguyễn Văn An"),
        ("[19/12/2019]", None),
        ("T5, 19/12/2019 16:14", None),
    ],
)
def test_header_date_shapes_are_removed_and_date_the_page(line: str, author: str | None) -> None:
    a = clean_text(_page("Giá xăng giảm mạnh chiều nay", line))
    assert a.published == "2019-12-19"
    assert a.author == author
    assert line not in a.paragraphs


def test_short_headline_over_a_two_sentence_sapo_is_the_title() -> None:
    sapo = "Vài năm trở lại đây, giá xăng liên tục biến động. Vì sao giá xăng giảm mạnh?"
    assert clean_text(_page("Giá xăng giảm", sapo)).title == "Giá xăng giảm"


def test_acronym_section_over_the_headline_is_no_title() -> None:
    assert clean_text(_page("THPT", "Thí sinh lưu ý gì khi thi tốt nghiệp")).title == (
        "Thí sinh lưu ý gì khi thi tốt nghiệp"
    )


def test_tagged_headline_loses_its_site_name() -> None:
    a = clean_text(_page("[Chùm ảnh] Giải chạy hưởng ứng ngày môi trường - Báo Đồng Nai"))
    assert a.title == "[Chùm ảnh] Giải chạy hưởng ứng ngày môi trường"


def test_person_after_a_dash_stays_in_the_headline() -> None:
    line = "Thảm đỏ liên hoan phim: nữ diễn viên át cả đôi nữ thần Suzy - Krystal"
    assert clean_text(_page(line)).title == line


def test_headline_with_a_credit_shape_over_the_lead_is_the_title() -> None:
    line = "HỌC SINH BỊ ĐÁNH, BẮT QUAY CLIP: KIỂM ĐIỂM BAN GIÁM HIỆU"
    assert clean_text(_page(line)).title == line


def test_site_name_holding_a_dash_is_cut_but_not_a_quote_word() -> None:
    a = clean_text(_page("Giá xăng giảm mạnh chiều nay - Tạp chí Nhà Quản Trị - TheLEADER"))
    assert a.title == "Giá xăng giảm mạnh chiều nay"
    line = "Giá xăng giảm mạnh chiều nay - Báo giá xăng - Petrolimex"
    assert clean_text(_page(line)).title == line
