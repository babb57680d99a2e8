"""Title, date and outlet rules from test14/test15's misses, one rule per test, on hand-written
snippets shaped like the real pages (a <title> line's section tail, an aggregator's stamp line,
a caps section label, a headline with a full stop, a paper's closing name)."""

from __future__ import annotations

import pytest

from pipeline import dates
from pipeline.clean import clean_text
from pipeline.cleaning.fields import aggregator_stamp
from pipeline.cleaning.metadata import credit_parts, known_paper, section_tail

LEAD = (
    "Sáng nay, giá xăng trong nước giảm mạnh theo điều chỉnh của liên Bộ Công Thương - Tài "
    "chính, mức giảm hơn 500 đồng mỗi lít so với kỳ trước."
)
MORE = "Đoạn thứ hai của bài viết có thêm thông tin chi tiết cho người đọc quan tâm tới giá cả."
HEAD = "Giá xăng giảm mạnh chiều nay"


def _page(*head: str, tail: tuple[str, ...] = ()) -> str:
    return "\n".join([*head, LEAD, MORE, *tail]) + "\n"


@pytest.mark.parametrize("tail", ["Thời sự", "Thế Giới", "Bóng đá Quốc tế", "Theo dòng thời sự"])
def test_section_after_a_bar_is_cut_and_names_no_outlet(tail: str) -> None:
    a = clean_text(_page(f"{HEAD} | {tail}"))
    assert a.title == HEAD
    assert a.outlet is None


@pytest.mark.parametrize("tail", ["Kỳ 2", "'Sốc' giá", "Báo Gia Lai", "Nguyễn Văn An"])
def test_tail_that_is_no_section_is_no_section(tail: str) -> None:
    assert not section_tail(tail)


def test_aggregator_stamp_with_counters_and_tags_dates_the_page() -> None:
    a = clean_text(_page("PHÁP LUẬT", HEAD, "21/07/22 GMT+7 89 liên quan Gốc Long An"))
    assert a.title == HEAD
    assert a.published == "2022-07-21"
    assert all("liên quan" not in p for p in a.paragraphs)


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("02/08/22 07:23 GMT+7 33 liên quan Gốc", "2022-08-02"),
        ("31/07/2022 8 liên quan Gốc", "2022-07-31"),
        ("1 giờ 1 liên quan", None),  # a related story's age: no date stated
        ("21/07 89 liên quan Gốc", None),  # no year: never guessed
        ("21/07/22 89 liên quan Gốc về giá xăng tăng.", None),  # a sentence after it
    ],
)
def test_aggregator_stamp_shapes(line: str, iso: str | None) -> None:
    assert aggregator_stamp(line) == iso


def test_two_digit_year_stamp_alone_is_a_stamp_but_a_fraction_is_not() -> None:
    assert dates.is_timestamp_line("21/07/22")
    assert not dates.is_timestamp_line("3/4/56")


def test_caps_section_over_a_stamped_headline_is_no_title() -> None:
    a = clean_text(_page("KHÁM PHÁ THẾ GIỚI", HEAD, "31/07/2022 8 liên quan Gốc"))
    assert a.title == HEAD


def test_short_headline_with_a_full_stop_is_the_headline() -> None:
    a = clean_text(_page(f"{HEAD}."))
    assert a.title == f"{HEAD}."
    assert a.title_source == "headline"


def test_paper_name_closing_the_page_names_the_outlet() -> None:
    a = clean_text(_page(HEAD, tail=("Phạm Nghĩa", "[ad_2]", "Báo Người Lao Động")))
    assert a.outlet == "Người Lao Động"


def test_known_paper_drops_the_word_bao() -> None:
    assert known_paper("Báo Thanh Niên") == "Thanh Niên"
    assert known_paper("Báo Quảng Nam") is None  # no list knows it: kept as credited elsewhere


def test_credited_channel_acronym_is_the_outlet() -> None:
    a = clean_text(_page(HEAD, tail=("Thu Hà (Theo CNN)",)))
    assert a.outlet == "CNN"
    assert credit_parts("MXH") == (None, None)  # "(Nguồn: MXH)": social media, no outlet


@pytest.mark.parametrize("tail", ["Hình sự", "Đầu tư - Quy hoạch", "Ô tô-Xe máy"])
def test_desk_label_in_sentence_case_after_a_bar_is_a_section(tail: str) -> None:
    assert section_tail(tail)
    assert clean_text(_page(f"{HEAD} | {tail}")).title == HEAD


@pytest.mark.parametrize("tail", ["Hà Nội", "PLO", "Sức khỏe & Đời sống", "Dân trí"])
def test_names_after_a_bar_are_no_desk(tail: str) -> None:
    assert not section_tail(tail)
