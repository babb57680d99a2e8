"""Captions the HTML marks (pipeline/htmlmarks.py) reach the cleaner when the input is HTML.

Snippets are hand-written and exercise one rule each; the real numbers come from
``bench/clean_real_eval.py --marks`` (pages built from their sources' HTML).
"""

from __future__ import annotations

import json

from flows.cli import main
from pipeline.clean import clean_text
from pipeline.cleaning.text import key
from pipeline.htmlmarks import marked_captions
from pipeline.htmltext import read_html
from tests.test_htmltext import P1, P2, P3, TITLE

SCENE = "Các đại biểu cắt băng khánh thành công trình"
# a caption that reads like a story's sentence: as text alone it stays
STORY_LIKE = "Nhiều doanh nghiệp đã tăng tốc sản xuất trong những tháng cuối năm"
ASKED = "- Còn câu chuyện tình yêu của chị, đến nay đã có hồi kết chưa?"


def story(*blocks: str) -> str:
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>{TITLE} - Báo Tiền Phong</title></head><body><main><article><h1>{TITLE}</h1>
<div class="article__body">{"".join(blocks)}</div></article></main></body></html>"""


def test_each_caption_markup_family_is_read() -> None:
    html = "".join(
        [
            f"<p>{P1}</p>",
            "<figure><img src='a.jpg'><figcaption>Quang cảnh hội nghị</figcaption></figure>",
            "<div class='PhotoCMS_Caption'><p>Ông A phát biểu</p></div>",
            "<table><tr><td><img src='b.jpg'></td></tr><tr><td>Cầu mới thông xe</td></tr></table>",
            f"<p><img src='c.jpg'></p><p><em>{SCENE}</em></p>",
            f"<p>{P2}</p>",
        ]
    )
    assert marked_captions(html) == {
        key("Quang cảnh hội nghị"),
        key("Ông A phát biểu"),
        key("Cầu mới thông xe"),
        key(SCENE),
    }


def test_what_markup_does_not_name_a_caption_is_left_to_the_text() -> None:
    html = "".join(
        [
            # a plain or centred paragraph under a picture: caption or story, the text decides
            f"<p><img src='a.jpg'></p><p>{SCENE}</p>",
            f"<p style='text-align:center'>{SCENE} mới</p>",
            # an interviewer's question in italics under a picture
            f"<p><img src='b.jpg'></p><p><em>{ASKED}</em></p>",
            # a teaser box: a picture and a linked headline
            "<table><tr><td><img src='c.jpg'></td></tr>"
            "<tr><td><a href='/x'>Hà Nội khởi công metro số 5</a></td></tr></table>",
        ]
    )
    assert marked_captions(html) == frozenset()


def test_read_html_hands_the_marks_to_the_cleaner() -> None:
    italic = f"<p><img src='a.jpg'></p><p><em>{STORY_LIKE}</em></p>"
    page = read_html(story(f"<p>{P1}</p>", italic, f"<p>{P2}</p>", f"<p>{P3}</p>"))
    assert key(STORY_LIKE) in page.captions
    assert STORY_LIKE in clean_text(page.text).paragraphs  # text alone cannot tell
    marked = clean_text(page.text, page.captions)
    assert marked.paragraphs == (P1.removeprefix("TPO - "), P2, P3)
    assert {r.text: r.reason for r in marked.removed}[STORY_LIKE] == "photo-caption"


def test_headline_captioning_the_top_picture_stays_the_title() -> None:
    # the top picture's caption repeats the headline: the headline line is not the caption
    text = "\n".join([TITLE, P1, TITLE + ".", P2, P3]) + "\n"
    a = clean_text(text, frozenset({key(TITLE)}))
    assert a.title == TITLE
    assert {r.line: r.reason for r in a.removed}[3] == "photo-caption"


def test_vnbrief_clean_of_an_html_page_uses_its_markup(tmp_path, capsys) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        story(
            f"<p>{P1}</p>",
            f"<p><img src='a.jpg'></p><p><em>{STORY_LIKE}</em></p>",
            f"<p>{P2}</p>",
            f"<p>{P3}</p>",
        ),
        encoding="utf-8",
    )
    assert main(["clean", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert STORY_LIKE not in out["paragraphs"]
    caption = {"text": STORY_LIKE, "reason": "photo-caption"}
    assert any(caption.items() <= r.items() for r in out["removed"])


def test_headline_captioning_the_top_picture_of_an_html_page_stays_the_title() -> None:
    # trafilatura drops the <figure>; its caption, the headline again, must not take the title
    top = f"<figure><img src='a.jpg'><figcaption>{TITLE}</figcaption></figure>"
    page = read_html(story(top, f"<p>{P1}</p>", f"<p>{P2}</p>", f"<p>{P3}</p>"))
    assert key(TITLE) not in page.captions
    assert clean_text(page.text, page.captions).title == TITLE


def test_a_run_cleans_an_html_input_with_its_marks() -> None:
    from flows.brief_flow import clean_document
    from pipeline.ingest import SourceDocument

    html = story(
        f"<p>{P1}</p>",
        f"<p><img src='a.jpg'></p><p><em>{STORY_LIKE}</em></p>",
        f"<p>{P2}</p>",
        f"<p>{P3}</p>",
    )
    doc = SourceDocument("page.html", html, "0" * 64, "utf-8", True, len(html.encode()))
    article = clean_document(doc)
    assert STORY_LIKE not in article.paragraphs and P2 in article.paragraphs
