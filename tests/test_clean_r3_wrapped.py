"""Round 3 on split test7 (seen, dev-kind): wide-column guides, header tag rows.

Real lines cut from VnExpress travel guides (provenance: ``clean_real/fixtures/README.md``).
"""

from pathlib import Path

from pipeline.clean import clean_text
from pipeline.cleaning.bylines import parse_byline
from pipeline.cleaning.outlets import outlet_name
from pipeline.cleaning.rules import is_read_more, strip_trailing_label

FIXTURES = Path(__file__).parent / "clean_real" / "fixtures" / "r3"


def _removed(name: str) -> dict[str, str]:
    article = clean_text((FIXTURES / f"{name}.txt").read_text(encoding="utf-8"))
    return {r.text: r.reason for r in article.removed}


def test_place_subheading_glued_into_its_paragraph_is_no_photo_credit() -> None:
    # "Hồ Cốc" over "...Vũng Tàu,Hồ Cốclà ...": the link text glued to the words around it
    assert "Hồ Cốc" not in _removed("r3-vnexpress-hococ")
    assert "Chùa Bái Đính" not in _removed("r3-vnexpress-baidinh")


def test_wide_column_wrapped_line_is_no_caption() -> None:
    # a line as long as the page's longest that ends mid-sentence is a piece of a paragraph
    removed = _removed("r3-vnexpress-phongnha")
    assert not any(t.startswith("Động Phong Nha được hình thành") for t in removed)
    # the line under a full line ending in "," goes on with its list of homestays
    assert not any(t.startswith("Diep's House") for t in _removed("r3-vnexpress-homestays"))


def test_header_keyword_row_next_to_the_timestamp_is_tags() -> None:
    # section, title, writer, "Cao tốc Nội Bài - Lào Cai, hư hỏng mặt đường, VEC", time, lead
    removed = _removed("r3-vov-head")
    assert removed.get("Cao tốc Nội Bài - Lào Cai, hư hỏng mặt đường, VEC") == "tags"
    assert removed.get("Phi Long") == "byline"


def test_domain_dateline_spelling_d_for_dj_names_the_outlet() -> None:
    # "ANTD.VN - Hai đại diện Đông Nam Á ..." (t7-antd-1): the domain spells ANTĐ with a D
    assert outlet_name("ANTD.VN") == "An ninh Thủ đô"
    assert outlet_name("VOV.VN") == "VOV"
    assert outlet_name("ABCD.VN") is None


def test_breadcrumb_under_a_title_line_opening_the_page() -> None:
    # <title> line, then "Du lịch" / "Cẩm nang" / "Quảng Bình" / "Trở lại Du lịch" / contents
    removed = _removed("r3-vnexpress-head")
    assert removed.get("Du lịch") == removed.get("Cẩm nang") == "breadcrumb"
    assert removed.get("Quảng Bình") == "breadcrumb"  # a section named by its place, no byline


def test_link_button_glued_to_a_number_closing_a_headline() -> None:
    # an inline related story on a Tuổi Trẻ post (t7-tuoitre-4): "...World Cup 2026ĐỌC NGAY"
    line = (
        "Lịch thi đấu của Brazil, Đức, Argentina, Anh, Pháp, Tây Ban Nha ở World Cup 2026ĐỌC NGAY"
    )
    assert is_read_more(line)
    assert strip_trailing_label(line).endswith("World Cup 2026")


def test_writers_widget_glued_names_the_first_writer() -> None:
    # a Tuổi Trẻ post's writers box as innerText prints it (t7-tuoitre-1)
    assert parse_byline("TIẾN LONGvà 1 tác giả khácTIẾN LONGTHÀNH CHUNG") == ("TIẾN LONG", None)


def test_rest_of_an_inline_related_box_after_a_taken_link() -> None:
    removed = _removed("r3-tuoitre-post")
    assert removed.get("Giảm thuế giá trị gia tăng đã dài hơi") == "related-item"
    assert removed.get("Doanh nghiệp trần ai đợi hoàn thuế giá trị gia tăng") == "related-item"


def test_hyphenated_place_is_one_breadcrumb_entry() -> None:
    # "Du lịch" / "Cẩm nang" / "Bà Rịa - Vũng Tàu": a dash is no word of a menu label
    removed = _removed("r3-vnexpress-head2")
    assert removed.get("Bà Rịa - Vũng Tàu") == "breadcrumb"
