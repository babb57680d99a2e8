"""The cleaner on pages scraped from the outlets' own sites (issue 8, split ``dev3``).

One rule per test on hand-written snippets (never a reported number): the layouts of
``pipeline.cleaning.layouts`` (photo stories, captions split over slides), and the cases the
own-site furniture and related-box rules (``blocks``, ``signals``; their own tests are in
test_clean_related_links.py) must leave alone; then the real ``dev3`` pages (tuned on) when
they have been rebuilt.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from pipeline.clean import clean_text
from tests.clean_snippets import P1, P2, P3, TITLE, lines, reasons

REPO = Path(__file__).resolve().parents[1]
sys.path.append(str(REPO / "bench"))  # after the project: bench/models.py is no package
import clean_real_eval  # noqa: E402

P4 = (
    "Các địa phương cam kết hoàn thành kế hoạch giải ngân trước ngày 31/12 và báo cáo kết quả "
    "về Văn phòng Chính phủ."
)


# --------------------------------------------------------------------------- what stays body


def test_share_buttons_are_no_player_and_a_related_heading_among_them_stays_one() -> None:
    got = reasons(lines(TITLE, P1, P2, P3, "Facebook", "Zalo", "Tin liên quan", "Copy link", T1))
    assert got[7] == "related-heading" and got[5] == got[6] == got[8] == "page-widget"


def test_a_schedule_between_its_times_is_no_player() -> None:
    rows = ["06/04 21:15", "Sevilla 1-2 Atletico Madrid", "SCTV 15", "06/04 23:30"]
    rows += ["Valladolid 0-4 Getafe", "SCTV 15", "07/04 02:00", "Villarreal 0-0 Ath.Bilbao"]
    got = reasons(lines(TITLE, P1, P2, *rows, P3))
    assert all(got.get(n) in (None, "timestamp") for n in range(4, 4 + len(rows)))
    audio = reasons(lines(TITLE, P1, "00:00", "/", "00:00", P2, P3))
    assert audio.get(4) == "markup-debris"  # the "/" between a player's counters


def test_a_lone_player_word_is_a_subheading() -> None:
    for sub in ("Chất lượng", "Tốc độ phát triển", "Độ dài của cây cầu là 2 km và rộng 20 m."):
        assert clean_text(lines(TITLE, P1, sub, P2, P3)).paragraphs == (P1, sub, P2, P3)


def test_comments_heading_without_a_form_is_left_alone() -> None:
    a = clean_text(lines(TITLE, P1, P2, "Bình luận", P3, P4))
    assert a.paragraphs == (P1, P2, P3, P4)


T1 = "Bộ Tài chính đề xuất gia hạn thuế cho doanh nghiệp nhỏ và vừa đến hết năm"
L1 = (
    "Bộ Tài chính vừa trình Chính phủ dự thảo nghị định gia hạn thời hạn nộp thuế giá trị gia tăng."
)
T2 = "Thủ tướng yêu cầu gỡ vướng cho các dự án hạ tầng trọng điểm phía Nam"
L2 = "Thủ tướng giao các bộ, ngành tháo gỡ ngay khó khăn về mặt bằng và vật liệu cho các dự án."


def test_a_unit_named_before_a_dash_inside_a_sentence_is_no_dateline_teaser() -> None:
    unit = (
        "Một lãnh đạo Phòng Cảnh sát hình sự (PC02) - Công an TP Hà Nội cho biết đã bắt nghi phạm."
    )
    assert clean_text(lines(TITLE, P1, unit, P2, P3)).paragraphs == (P1, unit, P2, P3)


def test_body_sections_of_several_paragraphs_are_no_related_box() -> None:
    sections = lines(TITLE, P1, P2, T1, P3, L1, T2, P4, L2)
    assert clean_text(sections).paragraphs == (P1, P2, T1, P3, L1, T2, P4, L2)


# --------------------------------------------------------------------------- photo stories


STORY = [
    f"{s} (Ảnh: Hải Long)."
    for s in (
        "Tối nay, hàng nghìn người dân đổ về khu vực trung tâm thành phố để vui chơi khiến nhiều "
        "tuyến đường ùn tắc kéo dài",
        "Nhiều gia đình đưa con nhỏ đến các khu vui chơi từ sớm, chụp ảnh bên những cây thông "
        "được trang trí rực rỡ",
        "Lực lượng cảnh sát giao thông được tăng cường tại các nút giao lớn để phân luồng và hướng "
        "dẫn người dân đi lại",
        "Các quán cà phê, nhà hàng quanh khu vực đều kín chỗ, nhiều người phải đứng chờ bên ngoài "
        "khá lâu",
        "Đến gần nửa đêm, dòng người vẫn tiếp tục đổ về khu vực quảng trường trung tâm để xem "
        "chương trình biểu diễn",
    )
]


def test_photo_story_paragraphs_with_credits_are_the_story() -> None:
    video = "Người dân xem màn trình diễn ánh sáng (Video: Cao Bách)."
    text = lines(TITLE, P1, *STORY[:3], video, *STORY[3:])
    a = clean_text(text)
    assert a.paragraphs == (P1, *STORY)
    assert reasons(text) == {6: "photo-caption"}


def test_credited_captions_of_an_ordinary_article_go() -> None:
    got = reasons(lines(TITLE, P1, STORY[0], P2, P3, STORY[1], P4))
    assert got == {3: "photo-caption", 6: "photo-caption"}


# --------------------------------------------------------------------------- slideshows


def test_caption_split_over_slides_goes_with_its_credited_piece() -> None:
    slides = [
        "Trọng tài xem lại tình huống để kiểm tra bóng đã ra ngoài chưa,...",
        "đến việc hậu vệ có phạm lỗi với thủ môn hay không,...",
        "cho đến khả năng tiền đạo việt vị trước khi ghi bàn. Ảnh: Sky Sports",
    ]
    got = reasons(lines(TITLE, P1, *slides, P2, P3))
    assert got == {3: "photo-caption", 4: "photo-caption", 5: "photo-caption"}


# --------------------------------------------------------------------------- real pages

DATA = Path("/work/data/issue-8/real")
EXPECTED = json.loads((REPO / "tests" / "clean_real" / "expected.json").read_text("utf-8"))


@pytest.mark.skipif(not DATA.exists(), reason="real pages not rebuilt (bench/clean_real_build.py)")
def test_real_outlet_site_pages_dev3_do_not_regress() -> None:
    m = clean_real_eval.summary(clean_real_eval.evaluate(DATA, "dev3"), EXPECTED)
    assert m["body_kept"] == 1.0 and m["boiler_removed"] >= 0.95
    assert m["title_ok"] == m["pages"] and m["date_ok"] == m["dated"]
