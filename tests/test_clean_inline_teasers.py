"""Another story's headline alone between two paragraphs (an inline related link whose label
the scraper dropped) goes; a subheading, a signature and a sentence stay. Hand-written one-rule
snippets."""

from pipeline.clean import clean_text
from tests.clean_snippets import P1, P2, P3, TITLE, lines, reasons

_P4 = (
    "Các địa phương cần rà soát từng dự án chậm tiến độ, làm rõ trách nhiệm của người đứng "
    "đầu và báo cáo kết quả trước ngày 15/12."
)


def test_a_headline_naming_what_the_story_never_mentions_goes() -> None:
    link = "Ca sĩ Mỹ Tâm mở bán vé đêm nhạc cuối năm, khán giả xếp hàng từ sáng sớm"
    got = reasons(lines(TITLE, P1, P2, link, P3, _P4))
    assert got == {4: "related-item"}


def test_a_subheading_in_the_storys_words_stays() -> None:
    sub = "Đẩy nhanh giải ngân vốn đầu tư công cho các bộ, ngành và địa phương"
    page = lines(TITLE, P1, P2, sub, P3, _P4)
    assert clean_text(page).paragraphs == (P1, P2, sub, P3, _P4)


def test_a_signature_and_a_sentence_stay() -> None:
    sign = "TS Nguyễn Văn Bình - Học viện Chính sách và Phát triển Quốc gia"
    told = "Theo ông Trần Văn Hùng, nhiều doanh nghiệp tại Long An vẫn chờ hướng dẫn mới"
    for line in (sign, told):
        page = lines(TITLE, P1, P2, line, P3, _P4)
        assert line in clean_text(page).paragraphs


def test_a_headline_under_a_link_cue_or_arrow_is_a_read_more_link() -> None:
    head = "Ca sĩ Mỹ Tâm mở bán vé đêm nhạc cuối năm, khán giả xếp hàng từ sáng sớm"
    for line in (f"➤ {head}", f"{head} >>", f"(Xem thêm: {head})", f"Mời xem thêm: {head}"):
        assert reasons(lines(TITLE, P1, P2, line, P3)) == {4: "read-more"}
    kept = "Nhiệt độ ngày mai 30 → 35 độ C ở nhiều nơi."  # an arrow inside a sentence
    assert kept in clean_text(lines(TITLE, P1, P2, kept, P3)).paragraphs
