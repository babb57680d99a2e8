"""What a page's HTML says about its lines that the plain text no longer can: photo captions.

Why: a caption with no credit reads like a body sentence once the picture is gone, and the
cleaner's text signals find only part of them (``bench/caption_model_classes.py``). The markup
still knows: ``<figcaption>``, a caption class, a photo box, the text cell of a picture's table,
a line all in italics right under a picture. When the input is HTML, those lines are handed to
the cleaner (``clean_text(..., marked_captions=...)``) as captions by markup.

Only markup that names a caption counts. A plain or centred paragraph under a picture is left
to the text signals: many outlets write captions that way, but a story's paragraphs stand
there too.

``blocks`` renders HTML as the scraped plain-text form (one line per block, like innerText);
the evaluation's page builder (``bench/clean_real_build.py``) renders with it too, so a marked
caption's lines are the page's lines.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable

import lxml.etree
import lxml.html

from pipeline.cleaning.text import key

_DROP = frozenset(
    {
        "script", "style", "noscript", "svg", "iframe", "form", "button", "input", "select",
        "textarea", "template", "video", "audio", "source", "picture", "img",
    }
)  # fmt: skip
_BLOCK = frozenset(
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "figcaption", "figure",
        "blockquote", "div", "section", "article", "header", "footer", "aside", "nav", "table",
        "tr", "td", "th", "tbody", "thead", "dl", "dt", "dd", "pre", "main", "time", "hr",
    }
)  # fmt: skip

# Caption markup, by family. A class token naming a caption ("chú thích" is Vietnamese for
# caption; "noCaption" marks a picture without one); a CMS's caption field ("nhập chú thích":
# "type the caption"); a photo or video box (``type="Photo"``), whose text blocks are captions.
CAPTION_CLASS_RE = re.compile(
    r"(?i)^(?!nocaption$)(?:.*caption.*|.*chu[_-]?thich.*|expnoedit|image_desc|desc_cation|image)$"
)
CAPTION_FIELD_RE = re.compile(r"(?i)chú thích|caption")
MEDIA_TYPE_RE = re.compile(r"(?i)^(?:photo|video|videostream|image)$")
# a picture's table or figure holds its caption cells; a bigger one is a table of content
FRAME_MAX_PICTURES, FRAME_MAX_CHARS = 2, 600
_ITALICS = ".//em|.//i"
_DOCUMENT_RE = re.compile(r"(?i)<html|<body|<!doctype")
_ASKED_RE = re.compile(r"^\s*[-–—]|\?[\s”\"»]*$")  # a dialogue turn or a question


def blocks(element: lxml.html.HtmlElement) -> list[str]:
    """innerText-like: one line per block element, inline text joined, <br> breaks a line."""
    lines: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        text = " ".join("".join(buf).split())
        if text:
            lines.append(text)
        buf.clear()

    def walk(el: lxml.html.HtmlElement) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _DROP or not tag:
            if el.tail:
                buf.append(el.tail)
            return
        block = tag in _BLOCK
        if block or tag == "br":
            flush()
        if el.text and tag != "br":
            buf.append(el.text)
        for child in el:
            walk(child)
        if block:
            flush()
        if el.tail:
            buf.append(el.tail)

    walk(element)
    flush()
    return lines


def element_lines(el: lxml.html.HtmlElement) -> list[str]:
    """The element's own lines as ``blocks`` renders them (its tail left out)."""
    c = copy.deepcopy(el)
    c.tail = None
    return blocks(c)


def classes(el: lxml.html.HtmlElement) -> list[str]:
    return (el.get("class") or "").split()


def has_picture(el: lxml.html.HtmlElement) -> bool:
    return el.tag == "img" or bool(el.xpath(".//img"))


def inside(el: lxml.html.HtmlElement, tags: set[str]) -> bool:
    return any(a.tag in tags for a in el.iterancestors())


def is_caption_element(el: lxml.html.HtmlElement) -> bool:
    """``figcaption``, a caption class, a CMS caption field, or a text block of a photo or
    video box."""
    if el.tag == "figcaption" or CAPTION_FIELD_RE.search(el.get("data-placeholder") or ""):
        return True
    if el.tag in ("p", "div") and any(
        MEDIA_TYPE_RE.match(a.get("type") or "") for a in el.iterancestors()
    ):
        return not el.xpath(".//div|.//p")
    return any(CAPTION_CLASS_RE.match(c) for c in classes(el))


def all_inside(el: lxml.html.HtmlElement, tags: str) -> bool:
    """The element's whole text sits inside the given inline tags (bold, italics)."""
    text = " ".join(el.text_content().split())
    inner = " ".join(" ".join(x.text_content() for x in el.xpath(tags)).split())
    return bool(text) and inner == text


def follows_picture(el: lxml.html.HtmlElement) -> bool:
    """The nearest earlier sibling with something in it is a picture (empty ones skipped)."""
    for prev in el.itersiblings(preceding=True):
        if not isinstance(prev.tag, str):  # a comment
            continue
        if " ".join(prev.text_content().split()):
            return False
        if has_picture(prev):
            return True
    return False


def frame_captions(el: lxml.html.HtmlElement) -> list[str] | None:
    """A picture's table or figure: the lines of its cells that hold no picture (None when the
    element is no such frame, [] when it is one too big to be a picture's)."""
    if el.tag not in ("table", "figure") or not has_picture(el):
        return None
    cells = [
        c
        for c in el.xpath(".//td|.//figcaption|.//p")
        if not has_picture(c) and not c.xpath(".//td|.//p") and not all_inside(c, ".//a")
    ]  # a cell that is all link is a teaser's headline (a related box), not a caption
    lines = [x for c in cells for x in element_lines(c)]
    small = len(el.xpath(".//img")) <= FRAME_MAX_PICTURES
    return lines if small and sum(len(x) for x in lines) <= FRAME_MAX_CHARS else []


def caption_lines(root: lxml.html.HtmlElement) -> list[str]:
    """Every line the markup marks as a photo caption, in document order."""
    out: list[str] = []
    done: set = set()
    for el in root.iter():
        if not isinstance(el.tag, str) or el in done:
            continue
        framed = frame_captions(el)
        if framed is not None:
            out += framed
            done.update(el.iterdescendants())
        elif is_caption_element(el) and not has_picture(el):
            out += element_lines(el)
            done.update(el.iterdescendants())
        elif (
            el.tag == "p"
            and not inside(el, {"li", "table", "blockquote", "figure"})
            and follows_picture(el)
            and all_inside(el, _ITALICS)
        ):
            # an interviewer's question is set in italics too ("- Còn ...?"): not a caption
            out += [x for x in element_lines(el) if not _ASKED_RE.search(x)]
    return out


def marked_captions(html: str | Iterable[str]) -> frozenset[str]:
    """Comparison keys (``cleaning.text.key``) of the lines the HTML marks as photo captions;
    a page or a story's HTML fragment, or several fragments (a record's fields)."""
    fragments = [html] if isinstance(html, str) else list(html)
    keys: set[str] = set()
    for fragment in fragments:
        if not fragment or "<" not in fragment:
            continue
        whole_page = _DOCUMENT_RE.search(fragment[:4000]) is not None
        try:
            if whole_page:
                root = lxml.html.document_fromstring(fragment)
            else:
                root = lxml.html.fromstring(f"<div>{fragment}</div>")
        except (ValueError, lxml.etree.ParserError):
            continue
        keys.update(k for line in caption_lines(root) if (k := key(line)))
    return frozenset(keys)
