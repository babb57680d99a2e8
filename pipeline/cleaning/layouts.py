"""Page layouts of the outlets' own sites that change what a line is.

- ``photo_story``: a photo story / e-magazine tells its story under its photos: when most of
  the text's paragraphs carry a photo credit ("... (Ảnh: Hải Long)."), those paragraphs are
  the story, not captions to drop (a video's caption, "(Video: X)", stays a caption).
- ``slideshow_captions``: a slideshow splits one caption over its slides ("VAR kiểm tra ...,...",
  "đến Joelinton ...,...", "cho đến ... Ảnh: Sky Sports"): the pieces before a credited caption
  that goes on from them are that caption too.
- ``story_copies``: a photo story's paragraph printed twice in a row (the photo's text and the
  caption layer under it, both scraped) is told once: the second copy is a duplicate.
"""

from __future__ import annotations

import re

from pipeline.cleaning.lines import Page
from pipeline.cleaning.rules import split_credit
from pipeline.cleaning.text import ends_with_ellipsis, key, words

_STORY_MIN_WORDS = 12  # a paragraph of the story, not a one-line label
_STORY_MIN_CREDITED = 5
_STORY_SHARE = 0.6
_STORY_MEDIAN_WORDS = 20  # the story's paragraphs, not one-line captions
_VIDEO_CREDIT_RE = re.compile(r"[(\[]\s*(?:video|clip)\s*:[^()\[\]]*[)\]]\s*\.?$", re.IGNORECASE)


def photo_story(page: Page) -> frozenset[int]:
    """Lines that are the paragraphs of a photo story (see module doc); empty otherwise."""
    first = page.first_open()
    long_lines = [
        i
        for i, ln in enumerate(page.lines)
        if ln.kind is None and i != first and len(words(ln.text)) >= _STORY_MIN_WORDS
    ]
    story_words: dict[int, int] = {}  # credited line -> words of its text before the credit
    for i in long_lines:
        text, credit = split_credit(page[i].text)
        n = len(words(text))
        video = _VIDEO_CREDIT_RE.search(page[i].text)
        if credit is not None and n >= _STORY_MIN_WORDS and not video:
            story_words[i] = n
    credited = list(story_words)
    if len(credited) < _STORY_MIN_CREDITED or len(credited) < _STORY_SHARE * len(long_lines):
        return frozenset()
    sizes = sorted(story_words.values())
    if sizes[len(sizes) // 2] < _STORY_MEDIAN_WORDS:
        return frozenset()  # a gallery of one-line captions ("Du khách dạo chơi ... Ảnh: X")
    return frozenset(credited)


def story_copies(page: Page) -> None:
    """The second of two identical photo-story paragraphs in a row: "duplicate-line" (decided
    before the caption rules, which would take the first for a caption repeating a line)."""
    for i in sorted(page.story):
        p = page.prev(i)
        if p in page.story and page[p].kind is None and key(page[p].text) == key(page[i].text):
            page.decide(i, "duplicate-line")


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
