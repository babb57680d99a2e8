"""The learned caption-line signal (pipeline/cleaning/caption_model.py, issue 8).

Real lines come from the committed fixtures (tests/clean_real/fixtures, labels beside them);
the snippets are hand-written and exercise one rule each (never a reported number: the real
numbers come from bench/train_caption_model.py and bench/clean_real_eval.py).
"""

from __future__ import annotations

import json
import textwrap
from importlib import resources
from pathlib import Path

import pytest

from pipeline import clean
from pipeline.cleaning import caption_model, captions
from pipeline.cleaning.caption_model import LineContext, features, shipped_model
from tests.clean_snippets import P1, P2, P3, TITLE
from tests.test_clean_more_families import Q1, Q2, Q3, lines, reasons

REAL = Path(__file__).parent / "clean_real"
LONG = (
    Q2 + " Nhiều địa phương đề xuất tháo gỡ vướng mắc về mặt bằng, nguồn vốn và thủ tục đầu tư "
    "để đẩy nhanh tiến độ các dự án."
)


def _pages(text: str) -> list:
    """The page as the learned step sees it (every other step already decided)."""
    seen: list = []
    original = captions.decide_learned
    captions.decide_learned = lambda page, model=None: seen.append(page)
    try:
        clean.clean_text(text)
    finally:
        captions.decide_learned = original
    return seen


def _fixture_scores(name: str) -> dict[int, tuple[str, float]]:
    """Line number -> (label, probability) for every labelled line of a committed fixture."""
    text = (REAL / "fixtures" / f"{name}.txt").read_text(encoding="utf-8")
    labels = {}
    for row in (REAL / "labels" / f"{name}.tsv").read_text(encoding="utf-8").splitlines():
        if row.strip() and not row.startswith("#"):
            cols = row.split("\t")
            labels[int(cols[0])] = cols[1]
    (page,) = _pages(text)
    model = shipped_model()
    return {
        ln.no: (labels[ln.no], model.probability(captions.learned_context(page, i)))
        for i, ln in enumerate(page.lines)
        if ln.no in labels and ln.kind != "blank"
    }


# --------------------------------------------------------------------------- shipped weights


def test_shipped_weights_load_as_plain_json_and_score_deterministically() -> None:
    raw = resources.files("pipeline.cleaning").joinpath("data", caption_model.MODEL_FILE)
    data = json.loads(raw.read_text(encoding="utf-8"))
    assert {"weights", "threshold", "C", "min_outlets", "source"} <= set(data)
    model = shipped_model()
    assert 0.5 < model.threshold < 1.0 and model.threshold == data["threshold"]
    assert len(model.weights) == len(data["weights"]) > 100 and "bias" in model.weights
    ctx = LineContext(
        text="Lực lượng cứu hộ tìm kiếm người mất tích tại hiện trường.",
        above=P1,
        below=P2,
        title=TITLE,
        position=0.5,
    )
    first = model.probability(ctx)
    assert 0.0 < first < 1.0
    assert model.probability(ctx) == first == caption_model.model_from_json(data).probability(ctx)
    assert features(ctx) == features(ctx)


def test_features_are_named_and_read_words_shape_and_context() -> None:
    f = features(
        LineContext(text="Quang cảnh hội nghị.", above=Q1, below=Q2, title=TITLE, position=0.4)
    )
    assert f["w=quang"] == f["b=quang_cảnh"] == f["first2=quang_cảnh"] == 1.0
    assert f["end=period"] == f["caption_opening"] == f["between_longer"] == 1.0
    assert f["above:prose"] == f["below:prose"] == 1.0 and f["position"] == 0.4


# --------------------------------------------------------------------------- real lines


def test_real_captions_of_the_fixtures_score_as_captions_and_body_as_body() -> None:
    threshold = shipped_model().threshold
    gia = _fixture_scores("baomoi-giadinhnet-1")
    ngoi = _fixture_scores("baomoi-ngoisao-1")
    # "Nhà trường khuyến cáo, phụ huynh và học sinh cần đề cao cảnh giác hơn nữa (ảnh minh
    # họa)", "Anh Thúy (Mây Trắng) gây xôn xao tại X-Factor khi giả danh Huyền Minh" (no
    # full stop: ranked far above the body, judged under the threshold of such lines)
    assert gia[7][0] == "boilerplate" and gia[7][1] >= threshold
    assert ngoi[11][0] == "boilerplate" and ngoi[11][1] >= 0.7
    for scores in (gia, ngoi):
        body = [p for label, p in scores.values() if label == "body"]
        assert len(body) >= 8 and max(body) < 0.5


def test_fixture_body_lines_are_never_learned_captions() -> None:
    for name in ("baomoi-giadinhnet-1", "baomoi-ngoisao-1"):
        text = (REAL / "fixtures" / f"{name}.txt").read_text(encoding="utf-8")
        got = [r for r in clean.clean_text(text).removed if r.reason == "learned-caption"]
        assert got == [], name


DATA = Path("/work/data/issue-8/real")  # bench/clean_real_build.py rebuilds the seen pages


@pytest.mark.skipif(not DATA.exists(), reason="real pages not rebuilt (bench/clean_real_build.py)")
def test_operating_point_removes_short_scene_captions_of_seen_real_pages() -> None:
    """At the operating point of bench/train_caption_model.py (CV body loss about 0.1%, 9 of
    10 removals captions) these real captions with no credit go; they stayed under the old,
    stricter one. Their pages' body lines all stay."""
    for page, no, text in (
        ("bm25-khanhhoa-1", 6, "Xe mô tô phân khối lớn bị gãy làm đôi."),
        ("bm25t3-ninhbinh-2", 9, "Thi đấu môn kéo co."),
        ("bm25t3-vnca-1", 6, "Bình minh trên sông Hằng."),
        ("bm25t3-baovephapluat-1", 5, "Các bức tranh đều được sáng tác bởi những họa sĩ trẻ."),
    ):
        raw = (DATA / f"{page}.txt").read_text(encoding="utf-8")
        assert raw.split("\n")[no - 1] == text
        a = clean.clean_text(raw)
        assert {r.line: r.reason for r in a.removed}.get(no) == captions.LEARNED_REASON, page
        labels = (REAL / "labels" / f"{page}.tsv").read_text(encoding="utf-8").splitlines()
        body = {int(r.split("\t")[0]) for r in labels if "\tbody" in r and not r.startswith("#")}
        assert not body & {r.line for r in a.removed}, page


# --------------------------------------------------------------------------- one rule each


def test_scene_line_between_paragraphs_is_a_learned_caption() -> None:
    cap = "Nhiều tuyến đường ở trung tâm thành phố ngập sâu, xe máy chết máy hàng loạt."
    assert reasons(lines(TITLE, Q1, LONG, cap, Q3)) == {4: "learned-caption"}
    assert reasons(lines(TITLE, Q1, Q2, cap, LONG, Q3)) == {4: "learned-caption"}


def test_short_body_sentences_stay_body() -> None:
    for body in (
        "Hội nghị sẽ tiếp tục thảo luận các giải pháp vào tuần tới.",
        "Các bộ, ngành cho biết đã hoàn thành 80% kế hoạch giải ngân vốn năm nay.",
    ):
        assert reasons(lines(TITLE, Q1, LONG, body, Q3)) == {}, body


def test_learned_signal_stands_only_where_captions_can() -> None:
    cap = "Nhiều tuyến đường ở trung tâm thành phố ngập sâu, xe máy chết máy hàng loạt."
    # every line one sentence: a short line is no evidence
    assert reasons(lines(TITLE, P1, P2, cap, P3)) == {}
    # the lead is never a caption, nor a line opening on the time of what it tells
    assert reasons(lines(TITLE, cap, Q1, Q2, Q3)) == {}
    timed = "Sáng 2/11, " + cap[0].lower() + cap[1:]
    assert reasons(lines(TITLE, Q1, LONG, timed, Q3)) == {}
    # rows of a list in the body
    rows = [f"- {cap}", f"- {cap.replace('xe máy', 'ô tô')}", f"- {cap.replace('sâu', 'nặng')}"]
    assert reasons(lines(TITLE, Q1, LONG, *rows, Q3)) == {}


def test_lines_speaking_to_the_reader_and_hard_wrapped_text_are_left_alone() -> None:
    advice = "Bạn có thể nhờ người thân đưa đón con vào những ngày mưa lớn, ngập sâu."
    (page,) = _pages(lines(TITLE, Q1, LONG, advice, Q3))
    assert not any(page[i].text == advice for i in captions.learned_candidates(page))
    cap = "Nhiều tuyến đường ở trung tâm thành phố ngập sâu, xe máy chết máy hàng loạt."
    wrapped = [w for p in (Q1, LONG) for w in [*textwrap.wrap(p, 70), ""]]
    (page,) = _pages(lines(TITLE, "", *wrapped, cap, "", *textwrap.wrap(Q3, 70)))
    assert page.hard_wrapped and captions.learned_candidates(page) == []


def test_caption_without_full_stop_is_judged_under_its_own_threshold() -> None:
    # a scene between paragraphs: a caption that dropped its full stop
    cap = "Nhiều tuyến đường ở trung tâm thành phố ngập sâu, xe máy chết máy hàng loạt"
    model = shipped_model()

    def prob(line: str) -> float:
        (page,) = _pages(lines(TITLE, Q1, LONG, line, Q3))
        (i,) = [i for i in captions.learned_candidates(page) if page[i].text == line]
        return model.probability(captions.learned_context(page, i))

    # scored by the open-lines weights (learned from such lines alone): the scene ranks far
    # above a subheading (a short topic), which stays, as does a 3-syllable line
    assert model.weights_open is not None
    assert prob(cap) > 0.6 > 0.3 > prob("Giải ngân vốn đầu tư công")
    for sub in ("Giải ngân vốn đầu tư công", "Cần thêm giải pháp"):
        assert reasons(lines(TITLE, Q1, LONG, sub, Q3)) == {}, sub
    assert model.threshold_open is not None and 0.5 < model.threshold_open < 1.0
    assert model.threshold_for("Quang cảnh hội nghị.") == model.threshold
    assert model.threshold_for("Quang cảnh hội nghị") == model.threshold_open
    # with its full stop the same scene is a caption (the main weights, their threshold)
    assert reasons(lines(TITLE, Q1, LONG, cap + ".", Q3)) == {4: "learned-caption"}


def test_short_sentences_count_only_where_some_paragraph_has_two() -> None:
    cap = "Nhiều tuyến đường ở trung tâm thành phố ngập sâu, xe máy chết máy hàng loạt."
    # P1..P3 hold one sentence each: a short sentence among them is no candidate, but a line
    # with no full stop still is (no body sentence drops its stop)
    (page,) = _pages(lines(TITLE, P1, P2, cap, P3))
    assert not any(page[i].text == cap for i in captions.learned_candidates(page))
    (page,) = _pages(lines(TITLE, P1, P2, cap.rstrip("."), P3))
    assert any(page[i].text == cap.rstrip(".") for i in captions.learned_candidates(page))


def test_a_run_of_captions_between_paragraphs_are_all_candidates() -> None:
    run = [
        "Già làng thực hiện nghi lễ cúng lúa mới bên nhà rông của thôn.",
        "Người dân trong thôn, cả già lẫn trẻ, cùng nhảy múa quanh cây nêu giữa sân.",
        "Đội cồng chiêng của thôn biểu diễn chào mừng quan khách.",
    ]
    (page,) = _pages(lines(TITLE, Q1, LONG, *run, Q3))
    for ln in page.lines[3:6]:  # as if no rule had judged them: this tests the run alone
        ln.kind = None
    got = {page[i].text for i in captions.learned_candidates(page)}
    assert set(run) <= got


def test_a_quoted_name_is_no_quotation_but_speech_is() -> None:
    named = "Ban tổ chức tuyên dương các bạn trẻ “Green Hero Leader” của phường."
    named_end = "Ban tổ chức tuyên dương và khen thưởng các bạn trẻ “Green Hero Leader”."
    speech = [
        "Ông Nguyễn Văn An nói: “Chúng tôi sẽ làm”.",
        "“Chúng tôi sẽ làm tốt hơn”, ông An nói.",
        "Ông An cho rằng “đây là việc rất quan trọng mà tất cả chúng ta cần phải cùng làm”.",
    ]
    for t in (named, named_end):
        (page,) = _pages(lines(TITLE, Q1, LONG, t, Q3))
        assert any(page[i].text == t for i in captions.learned_candidates(page)), t
    for t in speech:
        (page,) = _pages(lines(TITLE, Q1, LONG, t, Q3))
        assert not any(page[i].text == t for i in captions.learned_candidates(page)), t


def test_lines_without_full_stop_under_the_lead_or_naming_a_person_are_left_to_the_rules() -> None:
    cap = "Nhiều tuyến đường ở trung tâm thành phố ngập sâu, xe máy chết máy hàng loạt"
    # right under the lead: the top picture's caption, but also a second lead or the first
    # section's subheading; the model judges it knowing the place, and a subheading stays
    (page,) = _pages(lines(TITLE, Q1, cap, LONG, Q3))
    (i,) = [i for i in captions.learned_candidates(page) if page[i].text == cap]
    assert captions.learned_context(page, i).under_lead
    for sub in ("Giải ngân vốn đầu tư công", "Cần thêm giải pháp tháo gỡ vướng mắc"):
        assert reasons(lines(TITLE, Q1, sub, LONG, Q3)) == {}, sub
    # a name and titles alone: a speaker's label or a portrait, judged by the portrait rules
    name = "Nghệ nhân nhân dân Lê Minh Tâm"
    (page,) = _pages(lines(TITLE, Q1, LONG, name, Q3))
    assert not any(page[i].text == name for i in captions.learned_candidates(page))


def test_a_statement_is_told_not_shown() -> None:
    # a person speaking out, warning, declining to comment: no picture shows that
    shown = (
        "Đồng chí Phó Bí thư Tỉnh ủy Nguyễn Mạnh Sơn phát biểu tại Ngày hội Đại đoàn kết "
        "thôn Đồng Bưng"
    )
    assert reasons(lines(TITLE, Q1, shown, Q2, Q3)) == {3: "photo-caption"}
    for told in (
        "Ông Nguyễn Văn An lên tiếng sau khi hàng trăm hộ dân bị ảnh hưởng vì mưa lũ kéo dài",
        "Người phát ngôn của công ty từ chối bình luận về những lời chỉ trích.",
    ):
        assert reasons(lines(TITLE, Q1, Q2, told, Q3)) == {}, told


def test_an_item_of_the_list_above_is_its_section_heading() -> None:
    item = "Loại tên lửa mới giúp lục quân chống lại các đợt tấn công bằng UAV"
    other = "Hải quân thử nghiệm tàu ngầm không người lái tại vùng biển phía bắc"
    listing = f"Tin quân sự hôm nay: {item}; {other}; nhiều nước tăng chi tiêu quốc phòng."
    got = reasons(lines(TITLE, Q1, listing, item, Q2, Q3))
    assert 4 not in got or got[4] != "photo-caption"
    # the same words as a caption that repeats a sentence (not an item) above it
    assert captions._announced_item(item, f"{item} trong năm nay.") is False
    assert captions._announced_item(item + ".", listing) is False


# --------------------------------------------------------------------------- 2014 training pages


def test_2014_crawl_records_label_a_photo_tables_text_as_caption() -> None:
    import sys

    saved = list(sys.path)
    sys.path.append(str(REAL.parents[1] / "bench"))  # after the project: no bench package
    try:
        import caption_pages_2014 as pages_2014
    finally:
        sys.path[:] = saved  # it puts bench first for its own imports: never ahead of models

    # the crawl's other format: lower-case keys, a trailing comma (hand-written record)
    raw = (
        '{\n\t"title": "Mưa lớn gây ngập",\n\t"content": "<p>Đoạn một của bài.</p>'
        "<table><tr><td><span class='storyInlinePhoto'><img src='http://x.vn/a.jpg'></span>"
        "</td></tr><tr><td>Đường phố ngập sâu.</td></tr></table>"
        "<p><strong>Một tiêu đề phụ</strong></p><p><img src='http://x.vn/b.jpg'></p>"
        '<p>Dòng dưới ảnh không có chú thích.</p><p>Đoạn cuối.</p>",\n}'
    )
    record = pages_2014.lenient_record(raw)
    assert record is not None and record["Title"] == "Mưa lớn gây ngập"
    roles = pages_2014._roles(record["Content"])
    assert roles == {
        "Đường phố ngập sâu.": "caption",
        "Đoạn một của bài.": "body",
        "Một tiêu đề phụ": "subheading",
        "Dòng dưới ảnh không có chú thích.": "unsure",  # may be a caption written as text
        "Đoạn cuối.": "body",
    }
    # a page whose photos sit outside captioned tables labels nothing
    assert (
        pages_2014._roles("<p>Đoạn.</p><p><img src='http://x.vn/b.jpg'></p><p>Chú thích</p>") == {}
    )
    assert all(m == m.casefold() for m in pages_2014.HELD_OUT_MARKS)


def test_outlet_html_marks_caption_body_subheading_and_author_by_markup_alone() -> None:
    import sys

    saved = list(sys.path)
    sys.path.append(str(REAL.parents[1] / "bench"))  # after the project: no bench package
    try:
        import caption_pages_html as html_pages
    finally:
        sys.path[:] = saved

    # hand-written story HTML, one caption markup each (never a reported number)
    content = (
        "<p>Đoạn một của bài viết.</p>"
        "<figure><img src='http://x.vn/a.jpg'><figcaption>Cảnh đường phố ngập.</figcaption>"
        "</figure>"
        "<div class='VCSortableInPreviewMode noCaption'><img src='http://x.vn/b.jpg'></div>"
        "<p>Dòng dưới ảnh không có chú thích.</p>"
        "<p><strong>Một tiêu đề phụ</strong></p>"
        "<table><tr><td><img src='http://x.vn/c.jpg'></td></tr>"
        "<tr><td>Người dân dọn dẹp sau mưa.</td></tr></table>"
        "<p class='img_chu_thich_0407'>Xe cộ chết máy giữa đường.</p>"
        "<p data-placeholder='[nhập chú thích]'>Nước rút chậm</p>"
        "<p><img src='http://x.vn/d.jpg'></p><p><em>Trẻ em chơi đùa.</em></p>"
        "<div class='box-related'><p>Tin liên quan khác.</p></div>"
        "<p>Đoạn cuối của bài viết.</p>"
        "<p style='text-align: right'>Nguyễn Văn A</p>"
    )
    assert html_pages.roles(content) == {
        "Đoạn một của bài viết.": "body",
        "Cảnh đường phố ngập.": "caption",
        "Dòng dưới ảnh không có chú thích.": "unsure",  # may be a caption written as text
        "Một tiêu đề phụ": "subheading",
        "Người dân dọn dẹp sau mưa.": "caption",
        "Xe cộ chết máy giữa đường.": "caption",
        "Nước rút chậm": "caption",
        "Trẻ em chơi đùa.": "caption",  # all in italics right under a picture
        "Đoạn cuối của bài viết.": "body",
        "Nguyễn Văn A": "author",
    }
    # a sapo the story repeats has no role; a closing short line is the writer's
    lines = ["Tiêu đề", "Đoạn một của bài.", "Đoạn một của bài.", "Hai.", "Ba.", "Lan Anh"]
    role_of = dict.fromkeys(lines[1:], "body")
    assert html_pages._page_roles(lines, role_of) == [None, None, None, "body", "body", "author"]
    assert html_pages.outlet_of("<img src='https://cdn.tuoitre.vn/a.jpg'>") == "Tuổi Trẻ"
    assert html_pages.outlet_of("<img src='https://photo-cms-tpo.zadn.vn/a.jpg'>") == (
        "Báo Tiền Phong"  # the crawl's name: one outlet, one cross-validation group
    )


# --------------------------------------------------------------------------- illustration tails


def test_illustration_tails_are_credits_in_every_outlets_wording() -> None:
    from pipeline.cleaning.rules import is_caption_only, split_credit

    for line, credit in (
        ("Bộ ghế sofa nhỏ gọn màu trắng sáng. Hình minh họa", "Hình minh họa"),
        ("Người dân đi chợ - Hình minh hoạ", "Hình minh hoạ"),
        ("Người dân đi chợ. (Hình ảnh minh họa)", "Hình ảnh minh họa"),
        ("Người dân đi chợ. Ảnh mang tính minh họa", "Ảnh mang tính minh họa"),
        ("Người dân đi chợ (Ảnh mang tính chất minh họa).", "Ảnh mang tính chất minh họa"),
    ):
        assert split_credit(line)[1] == credit, line
    # the words inside a sentence are no credit
    for body in ("Cuốn sách có nhiều ảnh minh họa", "Các bức tranh được dùng làm hình minh họa."):
        assert split_credit(body)[1] is None, body
    assert is_caption_only("Hình ảnh minh họa") and is_caption_only("Hình ảnh minh hoạ.")
    assert not is_caption_only("Hình ảnh")
    cap = "Bộ ghế sofa nhỏ gọn màu trắng sáng. Hình minh họa"
    assert reasons(lines(TITLE, Q1, Q2, cap, Q3)) == {4: "photo-caption"}


# --------------------------------------------------------------------------- repeated list items


def test_a_numbered_items_words_again_without_its_number_are_its_caption() -> None:
    item = "2. Nấu nước vỏ cam với gừng tươi để uống giúp ấm bụng, dễ tiêu hóa sau bữa ăn."
    copy = "Nấu nước vỏ cam với gừng tươi để uống giúp ấm bụng, dễ tiêu hóa"
    first = "1. Phơi khô vỏ cam rồi đặt trong tủ lạnh để khử mùi thức ăn lâu ngày."
    third = "3. Chà vỏ cam lên mặt bếp để tẩy vết dầu mỡ bám lâu ngày trên bề mặt."
    got = reasons(lines(TITLE, P1, first, item, copy, third))
    assert got.get(5) == "photo-caption" and 4 not in got
    above = reasons(lines(TITLE, P1, first, copy, item, third))
    assert above.get(4) == "photo-caption" and 5 not in above
    # a subheading naming the item is shorter than a copy; a paragraph opening on it longer
    assert not captions._copies_item("Nấu nước vỏ cam", item)
    assert not captions._copies_item(item[3:] + " Nên uống khi còn ấm, mỗi ngày một cốc.", item)
    assert not captions._copies_item(copy, copy)  # no number: no list item


# --------------------------------------------------------------------------- caption rhythm

_RHYTHM_PARAGRAPHS = (
    "Ứng dụng có thể gọi điện và gửi tin nhắn rảnh tay, rất hữu ích cho tài xế ô tô.",
    "Trợ lý còn nhắc việc, báo thức, hẹn giờ và dự báo thời tiết mỗi sáng cho người dùng.",
    "Người dùng cũng có thể yêu cầu dịch thuật trực tiếp bằng giọng nói sang nhiều thứ tiếng.",
    "Với các thiết bị nhà thông minh, trợ lý bật đèn, mở ổ cắm và xem camera giám sát.",
)
_RHYTHM_CAPTIONS = (
    "Gọi điện và gửi tin nhắn rảnh tay",
    "Nhắc việc, báo thức và hẹn giờ",
    "Dịch thuật bằng giọng nói",
)


def test_lines_taking_their_words_from_the_paragraph_above_on_every_picture_are_captions() -> None:
    p = _RHYTHM_PARAGRAPHS
    c = _RHYTHM_CAPTIONS
    got = reasons(lines(TITLE, P1, p[0], c[0], p[1], c[1], p[2], c[2], p[3]))
    assert {got.get(n) for n in (4, 6, 8)} == {"photo-caption"}
    assert not {3, 5, 7, 9} & set(got)
    # two such lines are no layout yet
    two = reasons(lines(TITLE, P1, p[0], c[0], p[1], c[1], p[2], p[3]))
    assert two.get(4) != "photo-caption" or two.get(6) != "photo-caption"
    # a subheading introduces the paragraph under it: the same lines above their paragraphs
    subheads = reasons(lines(TITLE, P1, c[0], p[0], c[1], p[1], c[2], p[2], p[3]))
    assert not {n for n, r in subheads.items() if r == "photo-caption" and n > 2}


def test_a_report_of_what_has_just_happened_is_no_learned_caption() -> None:
    cap = "Nhiều tuyến đường ở trung tâm thành phố ngập sâu, xe máy chết máy hàng loạt."
    news = "UBND thành phố vừa ban hành kế hoạch chống ngập giai đoạn 2022 - 2025."
    assert reasons(lines(TITLE, Q1, LONG, cap, Q3)) == {4: "learned-caption"}
    (page,) = _pages(lines(TITLE, Q1, LONG, news, Q3))
    assert not any(page[i].text == news for i in captions.learned_candidates(page))
    both = "Vừa biểu diễn vừa giảng dạy, nghệ sĩ truyền lửa cho thế hệ trẻ."
    assert not captions._reports_news(both)


def test_a_line_under_a_zoom_control_is_where_the_picture_stood() -> None:
    cap = "Khu vực hồ nơi xảy ra vụ việc."
    got = reasons(lines(TITLE, Q1, Q2, "Nhấn để phóng to ảnh", cap, Q3))
    assert got.get(5) == "photo-caption"
    assert captions.IMAGE_ZOOM_RE.match("Click to enlarge")
    assert not captions.IMAGE_ZOOM_RE.match("Nhấn để xem")


def test_a_figure_title_over_its_credit_alone_is_a_caption() -> None:
    title = "Biến động chỉ số chứng khoán trong phiên"
    got = reasons(lines(TITLE, Q1, Q2, title, "Nguồn: https://chart.example.vn/", Q3))
    assert got.get(4) == "photo-caption" and got.get(5) == "photo-caption"
    (page,) = _pages(lines(TITLE, Q1, Q2, title, "Nguồn: VietstockFinance", Q3))
    assert captions._titles_credited_figure(page, 3)
    # a numbered section heading, a byline's name, a video's title: not a figure's title
    for above, credit in (
        ("2. Biến động chỉ số chứng khoán trong phiên", "Nguồn: VietstockFinance"),
        ("Mi Lê", "Nguồn: The Guardian, Bloomberg"),
        ("Xe tải chuyển làn ép xe con vào thành cầu", "(Nguồn video: HLX)"),
    ):
        (page,) = _pages(lines(TITLE, Q1, Q2, above, credit, Q3))
        assert not captions._titles_credited_figure(page, 3), above


def test_an_outlets_domain_glued_to_the_last_full_stop_is_a_credit() -> None:
    from pipeline.cleaning.rules import split_credit

    text = "Cô có được vẻ ngoài tươi trẻ, rạng rỡ.VietBao.vn"
    assert split_credit(text) == ("Cô có được vẻ ngoài tươi trẻ, rạng rỡ.", "VietBao.vn")
    for plain in ("www.Armephaco.com.vn", "Truy cập Tuoitre.vn", "Xem tại.Vn"):
        assert split_credit(plain)[1] is None, plain


def test_a_short_line_between_two_captions_is_a_caption() -> None:
    a = "Quang cảnh buổi lễ tại hội trường. Ảnh: TTXVN"
    b = "Lãnh đạo tỉnh tặng hoa các đại biểu. Ảnh: TTXVN"
    mid = "Tỉnh khen thưởng các tập thể có thành tích xuất sắc."
    got = reasons(lines(TITLE, Q1, Q2, a, mid, b, Q3))
    assert got == {4: "photo-caption", 5: "photo-caption", 6: "photo-caption"}
    told = "Sau buổi lễ, đoàn đến thắp hương tại nghĩa trang liệt sĩ tỉnh."
    assert reasons(lines(TITLE, Q1, Q2, a, told, b, Q3)).get(5) is None
