"""Markup debris and template code: lines with no letter and no digit (">", "»", "***"), and a
template's or a page's code printed as text ("{{ $post->title }}", "@endif", "</div>"), are
never body, and no step reads them as a neighbour. Hand-written one-rule snippets."""

import pytest

from pipeline.clean import clean_text
from pipeline.cleaning.rules import is_markup_debris, is_template_code, line_reason
from tests.clean_snippets import P1, P2, P3, TITLE, lines


@pytest.mark.parametrize("text", [">", "')}}>", "»", "|", "*", "---", "* * *", '"">', "…"])
def test_lines_without_a_letter_or_digit_are_debris(text: str) -> None:
    assert is_markup_debris(text)
    assert line_reason(text) == "markup-debris"


@pytest.mark.parametrize("text", ["11.", "0912 345 678", "(1)", "A.", "5%"])
def test_a_letter_or_a_digit_is_text(text: str) -> None:
    assert not is_markup_debris(text)


@pytest.mark.parametrize(
    "text",
    [
        "{{ $post->title }}",
        "image }}>",
        "{!! $news->content !!}",
        "{% endif %}",
        "<?php echo $a; ?>",
        "${news.title}",
        "@endif",
        "@foreach ($posts as $post)",
        "endforeach",
        "</div>",
        '<p class="lead">',
        '<img src="{{ asset(\'a.jpg\') }}" alt="">',
        "&nbsp; &nbsp;",
        "undefined",
        "[[${news.title}]]",
        "Ngày đăng: ${news.date}",  # a field whose value was never filled in
    ],
)
def test_template_and_markup_code(text: str) -> None:
    assert line_reason(text) == "template-code"


@pytest.mark.parametrize(
    "text",
    [
        "Ông A cho biết <b>giá</b> tăng mạnh",  # a sentence with a stray tag keeps its words
        "<b>Covid 19</b>",  # words between tags are text
        "<<Tin liên quan>>",
        "Hà Nội -> TP HCM",
        "$100",
        "Else",
        "Email: a@b.com",
        "C++",
        "Tin &amp; bài",
        "Tác giả: Nguyễn Văn A",
    ],
)
def test_text_is_no_template_code(text: str) -> None:
    assert not is_template_code(text)


def test_debris_lines_are_removed_and_change_nothing_else() -> None:
    plain = lines(TITLE, P1, P2, P3)
    noisy = lines(">", TITLE, ">", P1, "')}}>", P2, "@endif", P3, "</div>")
    got, want = clean_text(noisy), clean_text(plain)
    assert got.title == want.title == TITLE
    assert got.paragraphs == want.paragraphs
    debris = {r.line: r.reason for r in got.removed}
    assert debris == {
        1: "markup-debris",
        3: "markup-debris",
        5: "markup-debris",
        7: "template-code",
        9: "template-code",
    }


def test_a_rule_line_still_breaks_hard_wrapped_text() -> None:
    # a section rule between two wrapped lines is a break: the lines are not joined over it
    left = "Cán bộ, đảng viên và nhân dân trong tỉnh đã tích cực hưởng ứng phong trào thi đua"
    right = "yêu nước, góp phần hoàn thành các chỉ tiêu kinh tế - xã hội của năm nay, theo báo cáo."
    article = clean_text(lines(TITLE, P1, P2, left, "***", right, P3))
    assert left in article.paragraphs and right in article.paragraphs
    assert (5, "***", "markup-debris") in {(r.line, r.text, r.reason) for r in article.removed}


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Toggle navigation", "page-widget"),
        ("Next", "page-widget"),
        ("Đăng nhập | Đăng ký", "page-widget"),
        ("Designed by Colorlib", "copyright-footer"),
        ("Powered by WordPress.", "copyright-footer"),
    ],
)
def test_a_site_templates_controls_and_credit(text: str, reason: str) -> None:
    assert line_reason(text) == reason
    assert line_reason("Powered by passion, the team won the final.") is None  # a sentence


def test_a_site_templates_sidebar_box_of_other_stories_goes() -> None:
    box = ["Bài viết gần đây", "Giá vàng tăng mạnh", "Thời tiết Hà Nội chuyển lạnh"]
    a = clean_text(lines(TITLE, P1, P2, P3, *box))
    assert a.paragraphs == (P1, P2, P3)
    assert line_reason("Recent posts") == "related-heading"
