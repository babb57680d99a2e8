"""Sentence splitting: each case is a real Vietnamese news pattern a naive splitter gets wrong."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from pipeline.segment import split_paragraphs, split_sentences

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.txt"))


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize(
    "text",
    [
        "Ông đến TP. Hà Nội hôm qua.",
        "Ông đến TP. HCM hôm qua.",
        "Sở Y tế Tp. Hồ Chí Minh cho biết.",
        "Theo ThS. Nguyễn Văn An, giá sẽ tăng.",
        "Theo Th.S Nguyễn Văn An, giá sẽ tăng.",
        "Theo TS. Lê Thị Bình, giá sẽ tăng.",
        "Theo PGS. Trần Văn Cường, giá sẽ tăng.",
        "Theo GS. Phạm Minh Đức, giá sẽ tăng.",
        "Theo BS. Hoàng Thu Hà, bệnh nhân đã ổn định.",
        "Theo PGS.TS. Trần Văn Cường, giá sẽ tăng.",
        "Đoàn đã tới St. Petersburg vào tháng trước.",
        "Trụ sở ở Q. Ba Đình, P. Điện Biên, Hà Nội.",
        "Ông gặp Mr. Smith và Dr. Brown tại Hà Nội.",
        "Văn bản No. 12 được ban hành hôm qua.",
        "Xem tr. 15 của báo cáo năm nay.",
        "Dự án ở H. Củ Chi đã hoàn thành.",
        "Ông Nguyễn V. A. Trần là người phát ngôn.",
        "Các mặt hàng rau, củ, quả v.v. đều tăng giá.",
    ],
)
def test_abbreviations_do_not_end_sentences(text: str) -> None:
    assert split_sentences(text) == [text]


def test_abbreviation_then_real_sentence_end() -> None:
    text = "Ông sống ở TP. HCM. Bà sống ở Hà Nội."
    assert split_sentences(text) == ["Ông sống ở TP. HCM.", "Bà sống ở Hà Nội."]


def test_single_capital_after_lowercase_word_ends_sentence() -> None:
    # Only a capital after a capitalised name is an initial; "nhóm A." ends the sentence.
    assert split_sentences("Đội tuyển đứng đầu nhóm A. Trận sau diễn ra hôm nay.") == [
        "Đội tuyển đứng đầu nhóm A.",
        "Trận sau diễn ra hôm nay.",
    ]


def test_vv_followed_by_capital_ends_sentence() -> None:
    # "v.v." closes an enumeration; before a capitalised word it also closes the sentence.
    assert split_sentences("Giá rau, củ, quả v.v. Giá xăng cũng tăng.") == [
        "Giá rau, củ, quả v.v.",
        "Giá xăng cũng tăng.",
    ]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Lạm phát là 6,21 phần trăm.", "Đây là mức cao."),
        ("Anh đi bộ 1.400 km.", "Sau đó anh về quê."),
        ("Có 12.187 sinh viên Lào.", "Họ học tại Việt Nam."),
        ("Sáng 1/12, hai bên hội đàm.", "Sau đó họ họp báo."),
        ("Chuyến thăm (24-26/11) thành công.", "Hai bên ký kết văn kiện."),
        ("Tuyến số 3.1 chạy đúng giờ.", "Hành khách hài lòng."),
        ("Kim ngạch đạt 5 tỷ USD vào năm 2025.", "12 văn kiện đã được ký."),
    ],
)
def test_numbers_stay_inside_sentences(first: str, second: str) -> None:
    assert split_sentences(f"{first} {second}") == [first, second]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Theo dõi Baoquocte.vn trên mạng.", ["Theo dõi Baoquocte.vn trên mạng."]),
        ("Theo VnExpress.net, giá tăng.", ["Theo VnExpress.net, giá tăng."]),
        ("Nguồn tin VOV.VN cho biết vậy.", ["Nguồn tin VOV.VN cho biết vậy."]),
        ("Tin từ VnExpress.net. Ông ấy nói vậy.", ["Tin từ VnExpress.net.", "Ông ấy nói vậy."]),
    ],
)
def test_domains(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_ellipsis_before_lowercase_is_not_a_boundary() -> None:
    assert split_sentences("Ông ngập ngừng... rồi nói tiếp.") == ["Ông ngập ngừng... rồi nói tiếp."]
    assert split_sentences("Ông ngập ngừng… rồi nói tiếp.") == ["Ông ngập ngừng… rồi nói tiếp."]


def test_ellipsis_before_capital_is_a_boundary() -> None:
    assert split_sentences("Chờ mãi... Cuối cùng ông đến.") == ["Chờ mãi...", "Cuối cùng ông đến."]
    assert split_sentences("Chờ mãi… Cuối cùng ông đến.") == ["Chờ mãi…", "Cuối cùng ông đến."]


def test_glued_ellipsis_in_sample() -> None:
    line = (
        (Path(SAMPLES[0]).parent / "hoi-dam-to-lam-thongloun.txt")
        .read_text(encoding="utf-8")
        .splitlines()[22]
    )
    first, second = split_sentences(line)
    assert first.endswith("hạ tầng chiến lược…")
    assert second.startswith("Qua đó, tạo nền tảng pháp lý")


def test_period_after_closing_quote() -> None:
    text = "Ông nói “cao hơn núi, thơm nhất”. Mọi người vỗ tay."
    assert split_sentences(text) == ["Ông nói “cao hơn núi, thơm nhất”.", "Mọi người vỗ tay."]


def test_closing_quote_stays_with_its_sentence() -> None:
    text = "Ông nói: “Hợp tác vì hòa bình thế giới.” Sau đó ông rời đi."
    assert split_sentences(text) == [
        "Ông nói: “Hợp tác vì hòa bình thế giới.”",
        "Sau đó ông rời đi.",
    ]
    text = 'Ông nói: "Hợp tác vì hòa bình thế giới." Sau đó ông rời đi.'
    assert split_sentences(text) == [
        'Ông nói: "Hợp tác vì hòa bình thế giới."',
        "Sau đó ông rời đi.",
    ]
    text = "Ông gọi đó là 'điểm sáng.' Sau đó ông rời đi."
    assert split_sentences(text) == ["Ông gọi đó là 'điểm sáng.'", "Sau đó ông rời đi."]


def test_multi_sentence_quote_is_not_split() -> None:
    text = "Ông nói: “Chúng tôi rất vui. Đây là thành công lớn!” Sau đó ông rời đi."
    assert split_sentences(text) == [
        "Ông nói: “Chúng tôi rất vui. Đây là thành công lớn!”",
        "Sau đó ông rời đi.",
    ]


def test_long_quote_is_split_without_orphan_quote_marks() -> None:
    body = " ".join(f"Đây là câu thứ {i} trong lời phát biểu rất dài của ông." for i in range(12))
    sentences = split_sentences(f"Ông nói: “{body}” Sau đó ông rời đi.")
    assert len(sentences) == 13
    assert sentences[-1] == "Sau đó ông rời đi."
    assert sentences[-2].endswith(".”")
    assert all(s.strip("“”\"'‘’ ") for s in sentences)
    assert not any(s[0] in "”’" for s in sentences)


def test_question_and_exclamation_end_sentences() -> None:
    assert split_sentences("Vì sao giá tăng? Chuyên gia trả lời! Thật vậy.") == [
        "Vì sao giá tăng?",
        "Chuyên gia trả lời!",
        "Thật vậy.",
    ]


def test_question_inside_quote_followed_by_speaker() -> None:
    assert split_sentences("“Vì sao vậy?”, ông hỏi. Không ai trả lời.") == [
        "“Vì sao vậy?”, ông hỏi.",
        "Không ai trả lời.",
    ]


def test_period_before_lowercase_is_not_a_boundary() -> None:
    assert split_sentences("Hạng mục A. được ưu tiên hơn cả.") == [
        "Hạng mục A. được ưu tiên hơn cả."
    ]


def test_newline_always_ends_a_sentence() -> None:
    assert split_sentences("Sự mẫu mực hiếm có\nChỉ ít thời gian nữa thôi.\n\nHết") == [
        "Sự mẫu mực hiếm có",
        "Chỉ ít thời gian nữa thôi.",
        "Hết",
    ]


def test_list_markers_stay_with_their_item() -> None:
    assert split_sentences("Gồm hai việc: 1. Hợp tác kinh tế. 2. Đầu tư hạ tầng.") == [
        "Gồm hai việc: 1. Hợp tác kinh tế.",
        "2. Đầu tư hạ tầng.",
    ]
    assert split_sentences("Tăng trưởng năm 2017. Năm sau giảm.") == [
        "Tăng trưởng năm 2017.",
        "Năm sau giảm.",
    ]


def test_empty_and_whitespace() -> None:
    assert split_sentences("") == []
    assert split_sentences("  \n\n ") == []
    assert split_paragraphs("") == []


def test_split_paragraphs() -> None:
    text = "  Đoạn một. Câu hai.\n\n\n  Đoạn hai\r\nĐoạn ba.  \n \n"
    assert split_paragraphs(text) == ["Đoạn một. Câu hai.", "Đoạn hai", "Đoạn ba."]


def _sample_lines() -> list[tuple[str, str]]:
    return [
        (f"{path.name}:{n}", line)
        for path in SAMPLES
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if line.strip()
    ]


def test_samples_found() -> None:
    assert len(SAMPLES) >= 3
    assert len(_sample_lines()) > 100


def test_join_reproduces_every_sample_line() -> None:
    for where, line in _sample_lines():
        sentences = split_sentences(line)
        assert sentences, where
        assert all(s == s.strip() and s for s in sentences), where
        assert _squash(" ".join(sentences)) == _squash(line), where
        # no sentence that is only punctuation / quote marks, none opening with a closing quote
        assert all(re.search(r"\w", s) for s in sentences), where
        assert not any(s[0] in "”’)]»" for s in sentences), where


def test_sample_sentence_counts() -> None:
    """Spot checks on real lines, so a splitter that never splits cannot pass the join test."""
    text = {p.name: p.read_text(encoding="utf-8").splitlines() for p in SAMPLES}
    baoquocte = text["baoquocte-giu-lua-hop-tac.txt"]
    assert len(split_sentences(baoquocte[2])) == 3  # "(24-26/11)" and "XII." inside
    assert len(split_sentences(baoquocte[34])) == 3  # "12.187", "2011-2020;"
    assert len(split_sentences(baoquocte[25])) == 1  # ends with: nhất”.
    assert len(split_sentences(baoquocte[32])) == 2  # caption + "(Nguồn: VOV)"
    hoi_dam = text["hoi-dam-to-lam-thongloun.txt"]
    assert split_sentences(hoi_dam[12])[-1] == "Ảnh: Nguyên Minh"
    assert len(split_sentences(hoi_dam[0])) == 1  # "Sáng 1/12, ..."


def test_fast() -> None:
    text = "\n".join(line for _, line in _sample_lines())
    start = time.perf_counter()
    for _ in range(20):
        split_sentences(text)
    assert time.perf_counter() - start < 1.0  # ~20 KB x 20; measured ~0.05 s
