"""Page layouts of the outlets' own sites that change what a line is.

- ``photo_story``: a photo story / e-magazine tells its story under its photos: when most of
  the text's paragraphs carry a photo credit ("... (Ảnh: Hải Long)."), those paragraphs are
  the story, not captions to drop (a video's caption, "(Video: X)", stays a caption).
- ``kicker``: a short label ending in ":" over the headline ("Trung Quốc:") is the headline's
  kicker, not the title.
- ``author_box``: an opinion page closes with its author's box, a titled name ("TS Đinh Văn
  Minh") and maybe a position under it ("nguyên Vụ trưởng Vụ Pháp chế, ..."): the author.
- ``slideshow_captions``: a slideshow splits one caption over its slides ("VAR kiểm tra ...,...",
  "đến Joelinton ...,...", "cho đến ... Ảnh: Sky Sports"): the pieces before a credited caption
  that goes on from them are that caption too.
"""

from __future__ import annotations

import re

from pipeline.cleaning.lines import NOT_REMOVED, Line, Page
from pipeline.cleaning.rules import AUTHOR_POSITION_RE, AUTHOR_TITLE_RE, split_credit
from pipeline.cleaning.text import ends_with_ellipsis, is_prose, is_title_like, words
from pipeline.names import is_person_name

_STORY_MIN_WORDS = 12  # a paragraph of the story, not a one-line label
_STORY_MIN_CREDITED = 5
_STORY_SHARE = 0.6
_STORY_MEDIAN_WORDS = 20  # the story's paragraphs, not one-line captions
_VIDEO_CREDIT_RE = re.compile(r"[(\[]\s*(?:video|clip)\s*:[^()\[\]]*[)\]]\s*\.?$", re.IGNORECASE)


def photo_story(page: Page) -> frozenset[int]:
    """Lines that are the paragraphs of a photo story (see module doc); empty otherwise."""
    first = next((i for i, ln in enumerate(page.lines) if ln.kind is None), None)
    long_lines = [
        i
        for i, ln in enumerate(page.lines)
        if ln.kind is None and i != first and len(words(ln.text)) >= _STORY_MIN_WORDS
    ]
    credited = [
        i
        for i in long_lines
        if split_credit(page[i].text)[1] is not None
        and not _VIDEO_CREDIT_RE.search(page[i].text)
        and len(words(split_credit(page[i].text)[0])) >= _STORY_MIN_WORDS
    ]
    if len(credited) < _STORY_MIN_CREDITED or len(credited) < _STORY_SHARE * len(long_lines):
        return frozenset()
    sizes = sorted(len(words(split_credit(page[i].text)[0])) for i in credited)
    if sizes[len(sizes) // 2] < _STORY_MEDIAN_WORDS:
        return frozenset()  # a gallery of one-line captions ("Du khách dạo chơi ... Ảnh: X")
    return frozenset(credited)


_KICKER_MAX_WORDS = 4


def kicker(page: Page, i: int) -> bool:
    """ "Trung Quốc:" over "Rơi xuống vực vì đi tắt, ...": a short label ending in a colon, a
    clearly longer headline directly under it."""
    t = page[i].text
    if not t.endswith(":") or len(words(t)) > _KICKER_MAX_WORDS or not t[:1].isupper():
        return False
    j = page.next(i)
    if j is None:
        return False
    head = page[j].text
    return (
        is_title_like(head)
        and not head.endswith(":")
        and len(words(head)) >= len(words(t)) + 3
    )


_SLIDE_MAX_WORDS = 40


def slideshow_captions(page: Page) -> None:
    for i, ln in enumerate(page.lines):
        if ln.kind != "photo-caption" or not ln.text[:1].islower():
            continue
        nxt = i
        p = page.prev(i)
        while (
            p is not None
            and page[p].kind is None
            and ends_with_ellipsis(page[p].text)
            and len(words(page[p].text)) <= _SLIDE_MAX_WORDS
            and page[nxt].text[:1].islower()
        ):
            page.decide(p, "photo-caption")
            nxt, p = p, page.prev(p)


_AUTHOR_BOX_KINDS = frozenset({None, "photo-caption", "portrait-caption", "photo-credit"})
_POSITION_MAX_WORDS = 20


def author_box(page: Page) -> str | None:
    """The author named by a closing author box (see module doc), its lines marked; None when
    the page does not close with one."""
    body = [i for i, ln in enumerate(page.lines) if ln.kind is None and is_prose(ln.text)]
    if not body:
        return None
    last = page[len(page) - 1]
    if len(last.parts) == 2 and AUTHOR_TITLE_RE.match(last.text):
        # "nguyên Vụ trưởng ..." opens in lowercase, so it was joined to the name: part again
        (no1, t1), (no2, t2) = last.parts
        page.lines[-1:] = [Line(no1, t1, last.kind), Line(no2, t2, last.kind)]
    tail: list[int] = []  # the page's last lines, after the body (a related box may be between)
    for i in range(len(page) - 1, body[-1], -1):
        if page[i].kind in NOT_REMOVED:
            continue
        if page[i].kind not in _AUTHOR_BOX_KINDS or len(tail) == 2:
            break
        tail.insert(0, i)
    if len(tail) == 2 and not AUTHOR_POSITION_RE.match(page[tail[1]].text):
        tail = tail[1:]  # only the name closes the page
    if not tail:
        return None
    name_line = page[tail[0]].text
    m = AUTHOR_TITLE_RE.match(name_line)
    if not m or not is_person_name(name_line[m.end() :].strip()):
        return None
    if len(tail) == 2:
        pos = page[tail[1]].text
        if len(words(pos)) > _POSITION_MAX_WORDS or not AUTHOR_POSITION_RE.match(pos):
            return None
        page[tail[1]].kind = "author-title"
    page[tail[0]].kind = "byline"
    return name_line
