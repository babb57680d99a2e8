"""Site chrome of a whole-page scrape: what a scraper that read the whole page keeps around
the article (the page's <title>, then menus, weather, login and ad slots, then the article's
own headline again).

When the title line is printed again further down as the article's headline, the lines
between the two are the site's header: nothing of the story comes before its own headline.
A sapo or a paragraph between them means the repeat is something else (a headline echoed in
the body), so the rule stands back.
"""

from __future__ import annotations

from pipeline.cleaning.lines import BLANK, Page
from pipeline.cleaning.outlets import outlet_name
from pipeline.cleaning.rules import COPYRIGHT_OWNER_RE, VOICE_MENU_RE
from pipeline.cleaning.text import is_prose, words

_HEAD_MIN_LINES = 3  # a header of menus has several lines; one line between is a breadcrumb
_HEAD_MAX_WORDS = 15  # menu rows and widget labels are short; a paragraph is not


def _key(text: str) -> str:
    return " ".join(words(text.casefold())).strip(" .:-–—|")


def head_chrome(page: Page) -> None:
    """Lines between the title and its repeat as the article's headline: "site-chrome"; the
    repeat itself: "duplicate-line"."""
    t = page.title_idx
    if t is None or page.title_is_lead:
        return
    key = _key(page[t].text)
    if len(words(key)) < 4:
        return
    copy = next(
        (j for j in range(t + 1, len(page)) if page[j].kind != BLANK and _key(page[j].text) == key),
        None,
    )
    if copy is None:
        return
    between = [k for k in range(t + 1, copy) if page[k].kind != BLANK]
    if len(between) < _HEAD_MIN_LINES:
        return
    if any(
        page[k].kind is None
        and (is_prose(page[k].text) or len(words(page[k].text)) > _HEAD_MAX_WORDS)
        for k in between
    ):
        return
    for k in between:
        page.decide(k, "site-chrome")
    page.decide(copy, "duplicate-line")


_VOICES_MAX = 8  # a voice menu lists a handful of voices


def voice_menu(page: Page) -> None:
    """The voices listed under a read-aloud player's "Chọn giọng đọc" menu, one short name a
    line: "media-player" (not the writer's byline, which they look like)."""
    for i, ln in enumerate(page.lines):
        if ln.kind is None or not VOICE_MENU_RE.search(ln.text):
            continue
        j, n = page.next(i, undecided=False), 0
        while j is not None and n < _VOICES_MAX and page[j].kind is None:
            toks = words(page[j].text)
            if not 1 <= len(toks) <= 3 or not all(t[:1].isupper() for t in toks):
                break
            page.decide(j, "media-player")
            j, n = page.next(j, undecided=False), n + 1


def footer_outlet(page: Page) -> str | None:
    """The known outlet a removed copyright footer names as the site's owner."""
    for ln in page.lines:
        m = COPYRIGHT_OWNER_RE.search(ln.text) if ln.kind == "copyright-footer" else None
        if m and (name := outlet_name(m["owner"].strip())):
            return name
    return None
