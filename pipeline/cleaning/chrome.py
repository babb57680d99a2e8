"""Site chrome of a whole-page scrape: what a scraper that read the whole page keeps around
the article (the page's <title>, menus, weather, login, banners and ad slots above it; menus,
contact, licence and copyright lines below it).

General signals, no site's phrase list (``page_frame``, run before the title is picked):

- the article is the densest run of text (Body Text Extraction: paragraphs score their words,
  other lines a small penalty), opened by its headline: the topmost headline-shaped line over
  that run, past its byline and time;
- above the headline, when every line there is short, no sentence (a cookie or app banner
  excepted), three or more of them, and they read as a menu (two known section names or site
  links among them): the site's header ("site-menu", "site-chrome", "page-banner");
- below the story, a run of short lines holding two or more contact, licence or copyright
  lines is the site's footer ("site-footer"), and menu entries closing the page are its menus
  ("site-menu");
- when the title line is printed again as the headline, the lines between are the header
  (``head_chrome``). A sapo or a paragraph between them means the repeat is something else (a
  headline echoed in the body), so that rule stands back.

Everything inside the run (title, sapo, subheadings, list items, short quoted lines) is never
a candidate; each signal stands back when in doubt.
"""

from __future__ import annotations

from itertools import pairwise

from pipeline.cleaning.bylines import byline_like
from pipeline.cleaning.lines import BLANK, LINK_REASONS, Page
from pipeline.cleaning.outlets import is_location, outlet_name
from pipeline.cleaning.rules import (
    COPYRIGHT_OWNER_RE,
    FOOTER_CONTACT_RE,
    VOICE_MENU_RE,
    glued_menu,
    is_banner,
    is_breadcrumb,
    is_menu_line,
    known_labels,
    menu_items,
)
from pipeline.cleaning.text import (
    CLOSING_QUOTES,
    LIST_ITEM_RE,
    is_prose,
    is_sentence,
    is_title_like,
    words,
)

_HEAD_MIN_LINES = 3  # a header of menus has several lines; one line between is a breadcrumb
_HEAD_MAX_WORDS = 15  # menu rows and widget labels are short; a paragraph is not


def _key(text: str) -> str:
    return " ".join(words(text.casefold())).strip(" .:-–—|")


def head_chrome(page: Page) -> None:
    """Lines between the title and its repeat as the article's headline: "site-menu" for its
    menu entries, "site-chrome" for the rest; the repeat itself: "duplicate-line"."""
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
    if any(
        page[k].kind is None
        and (is_prose(page[k].text) or len(words(page[k].text)) > _HEAD_MAX_WORDS)
        and not glued_menu(page[k].text)  # a menu's links glued by innerText in one line
        for k in between
    ):
        return
    if len(between) >= _HEAD_MIN_LINES:
        for k in between:
            page.decide(k, "site-menu" if _menu_like(page[k].text) else "site-chrome")
        page_tail_menu(page)  # the header's menu entries, printed again closing the page
    elif any(page[k].kind is None for k in between):
        return  # one or two open labels between: a kicker and a headline echoed, not a repeat
    page.decide(copy, "duplicate-line")  # only chrome between: the headline printed again


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


# --------------------------------------------------------------------------- page frame
# A scraper that reads a whole page (``<body>`` innerText) keeps the site's header above the
# article and its footer below it. Where the article is does not depend on any site: it is the
# dense run of prose (in the spirit of Body Text Extraction and jusText), opened by its headline
# and the lines printed with it (byline, time, share bar). The signals below only ever act
# OUTSIDE that run, so the title, sapo, subheadings, list items and quoted lines inside the
# body are never candidates; and each stands back unless the lines it takes look like a menu.

_PROSE_MIN_WORDS = 6
_NON_PROSE_PENALTY = 3  # a menu label, a widget: one short line weighs like three words
_LONG_TEXT_WORDS = 25  # a sapo with no full stop is text; a headline is seldom this long
_HEADLINE_GAP = 6  # open lines (byline, share labels) allowed between the headline and the lead
_HEADLINE_MIN_WORDS, _HEADLINE_MAX_WORDS = 5, 40
_MENU_ITEM_MAX_WORDS = 4
_MENU_MIN_KNOWN = 2  # known section names among the header's items
_FOOTER_MIN_SHAPES = 2  # contact, licence or copyright lines that make a run a site footer
_FOOTER_MAX_WORDS = 15
# what a footer's lines are found to be one by one
_FOOTER_KINDS = frozenset(
    {"copyright-footer", "page-widget", "follow-us", "site-menu", "site-footer", BLANK}
)


def _weight(text: str) -> int:
    """A line's weight in the article's text: a sentence (not a headline's question) or a
    long line counts its words, any other line a small penalty."""
    n = len(words(text))
    bare = text.rstrip("”\"’') ")
    if is_sentence(text, _PROSE_MIN_WORDS) and not bare.endswith(("?", "!")):
        return n
    long_text = n > _LONG_TEXT_WORDS and not is_menu_line(text)  # not a menu glued in a line
    return n if long_text else -_NON_PROSE_PENALTY


def _body_start(page: Page) -> int | None:
    """The first paragraph of the article: where the densest run of text begins (Body Text
    Extraction: each paragraph scores its words, every other open line a small penalty, and
    the run with the highest sum is the article's text)."""
    best, best_start, total, start = 0, None, 0, None
    for i in page.open_indices():
        w = _weight(page[i].text)
        if w > 0 and total <= 0:
            total, start = 0, i
        total += w
        if total > best:
            best, best_start = total, start
    return best_start


def _section_label(text: str) -> bool:
    """A menu's or a breadcrumb's line: every entry a known section or site link, or three
    or more short entries glued, one of them known ("Tiện ích Bạn cần biết Liên hệ")."""
    items = menu_items(text)
    known = known_labels(items)
    glued = (
        len(items) >= 3
        and known >= 1
        and all(_menu_item(x) and len(words(x)) <= 3 for x in items)
        and not any(c.isdigit() for c in text)
    )
    return (
        is_breadcrumb(text) or is_menu_line(text) or glued or (bool(items) and known == len(items))
    )


def _word_count(text: str) -> int:
    """Words with a letter or digit: a dash is no word ("Hồ sơ - Phân tích", "Bà Rịa - Vũng
    Tàu")."""
    return sum(any(c.isalnum() for c in w) for w in words(text))


def _headline_shape(text: str, short: bool = False) -> bool:
    """A headline: title-like, 5-40 words, no byline, no menu entry; with ``short``, also 3-4
    words that a menu entry cannot be (a number, a closing "!"/"?": "Phù sa văn hóa!", "Xem
    & nghe 4.4.2014")."""
    n = _word_count(text)
    size = _HEADLINE_MIN_WORDS <= n <= _HEADLINE_MAX_WORDS
    return (
        (size or (short and n >= 3 and not _menu_item(text)))
        and is_title_like(text, _HEADLINE_MAX_WORDS)
        and not byline_like(text)
        and not _section_label(text)
    )


def _headline_before(page: Page, lead: int) -> int | None:
    """The headline over the lead: walking up from the lead past what is printed with it
    (time, byline, share labels), the topmost of the headline-shaped lines there (a sapo with
    no full stop, the headline printed twice), up to the first section label or other line;
    a short headline only when no longer one stands there (not a kicker "AFF Cup 2022")."""
    head = short = None
    seen = 0
    for j in range(lead, -1, -1):  # the lead itself may be a long headline
        ln = page[j]
        if ln.kind is not None:
            continue
        seen += 1
        t = ln.text
        found = head if head is not None else short
        if seen > _HEADLINE_GAP or (found is not None and _section_label(t)):
            break
        if _headline_shape(t):
            head = j
        elif head is None and _headline_shape(t, short=True):
            short = j
        elif found is not None and not byline_like(t):
            break  # above the article's head
    return head if head is not None else short


def _menu_item(text: str, numbers: bool = False) -> bool:
    """One entry of a menu: a short label, no sentence, no list marker, and no number unless
    ``numbers`` (a section "World Cup 2022" among others, a site's name "24H"; never a bare
    number nor a date)."""
    t = text.strip(" -–—|•·»›")
    n = _word_count(t)
    digits = sum(c.isdigit() for c in t)
    letters = sum(c.isalpha() for c in t)
    brand = n == 1 and letters >= 1 and t.isalnum()  # "24H", "VTV1": digits and letters glued
    return (
        0 < n <= _MENU_ITEM_MAX_WORDS
        and (not digits if not numbers else digits < letters or brand)
        and not t.endswith((".", ":", ";", ",", "!", "?", "…"))
        and not LIST_ITEM_RE.match(text)
    )


def _menu_like(text: str) -> bool:
    return _menu_item(text) or is_menu_line(text) or glued_menu(text)


def _known_items(text: str) -> int:
    return known_labels(menu_items(text))


def page_head(page: Page, lead: int | None) -> None:
    """The site's header above the headline of a whole-page scrape: "site-menu" for its menu
    lines, "page-banner" for a cookie or app banner, "site-chrome" for the rest (weather,
    login, ad slots). Only when three or more lines stand above the headline, every one short
    and no sentence, two known section names or site links among them. A page that opens with
    its <title> line is left to ``head_chrome``."""
    head = _headline_before(page, lead) if lead is not None else None
    if head is None:
        return
    _labels_under_headline(page, head, lead)
    above = [k for k in range(head) if page[k].kind is None]
    keys = [_key(page[k].text) for k in range(head, lead + 1) if page[k].kind is None]
    keys = [x for x in keys if len(words(x)) >= _HEADLINE_MIN_WORDS]
    if not above or any(_key(page[k].text).startswith(x) for k in above for x in keys):
        return  # the <title> line printed again as the headline: ``head_chrome`` judges it
    if any(
        (is_prose(page[k].text) or len(words(page[k].text)) > _HEAD_MAX_WORDS)
        and not is_banner(page[k].text)  # a cookie or app banner's sentences are chrome
        and not glued_menu(page[k].text)  # a menu's links glued by innerText in one line
        for k in above
    ):
        return
    if len(above) < _HEAD_MIN_LINES:
        return  # one or two labels over the headline: a breadcrumb (``pick_title``)
    known = sum(_known_items(page[k].text) for k in above)
    # a breadcrumb one entry a line ("Du lịch" / "Điểm đến" / "Việt Nam"): short labels only,
    # no person's name among them, one known section is enough
    crumbs = known >= 1 and all(
        _menu_item(page[k].text)
        and not (byline_like(page[k].text) and not is_location(page[k].text))
        for k in above
    )
    if known < _MENU_MIN_KNOWN and not crumbs:
        return  # short lines naming no section nor site link: verse, a list, not a menu
    for k in above:
        t = page[k].text
        menu = _menu_like(t)
        page.decide(k, "site-menu" if menu else "page-banner" if is_banner(t) else "site-chrome")


_UNDER_MIN_LABELS = 2


def _labels_under_headline(page: Page, head: int, lead: int) -> None:
    """A breadcrumb printed one entry a line under the headline ("Du lịch" / "Cẩm nang" /
    "Kiên Giang", then the page's widgets): when every open line between the headline and the
    lead is a short label, two or more, one a known section: "breadcrumb". A person's name
    there is the byline and stays (a place's name is a section)."""
    between = [k for k in range(head + 1, lead) if page[k].kind is None]
    if len(between) < _UNDER_MIN_LABELS:
        return
    for k in between:
        t = page[k].text
        if not _menu_item(t) or (byline_like(t) and not is_location(t)):
            return
    if not any(_known_items(page[k].text) for k in between):
        return
    for k in between:
        page.decide(k, "breadcrumb")


def labels_under_title(page: Page) -> None:
    """A whole page that opens with its <title> line and prints no headline again: the
    breadcrumb one entry a line right under it ("Du lịch" / "Cẩm nang" / "Quảng Bình"), up to
    the first line a step already decided (a "Trở lại ..." link, a widget), judged as under a
    headline (``_labels_under_headline``)."""
    head = page.title_idx
    if head is None or head != page.next(-1, undecided=False):
        return
    k = head + 1
    while k < len(page) and (page[k].kind is None or page[k].kind == BLANK):
        k += 1
    if k < len(page):
        _labels_under_headline(page, head, k)


_CONTENTS_MIN = 3
_CONTENTS_MAX_WORDS = 10


def contents_list(page: Page) -> None:
    """A table of contents with no heading a list knows ("Điều hướng nhanh", then "Di
    chuyển", "Lưu trú", ...): three or more short lines in a row, each printed again further
    down, in the same order, as a subheading with text under it; the short label right above
    them is its heading. "table-of-contents"."""
    keys = [_key(ln.text) if ln.kind is None else None for ln in page.lines]
    i = 0
    while i < len(page):
        run, pos, k = [], i, i
        while k is not None and k < len(page) and page[k].kind is None:
            t = page[k].text
            if len(words(t)) > _CONTENTS_MAX_WORDS or is_sentence(t, 1) or not keys[k]:
                break
            later = next((j for j in range(max(pos, k) + 1, len(page)) if keys[j] == keys[k]), None)
            if later is None or (run and later <= pos):
                break
            run.append(k)
            pos, k = later, page.next(k)
        if len(run) >= _CONTENTS_MIN and not _adjacent_copies(page, keys, run):
            above = page.prev(run[0])
            if above is not None and page[above].kind is None and _menu_item(page[above].text):
                page.decide(above, "table-of-contents")
            for r in run:
                page.decide(r, "table-of-contents")
            i = run[-1] + 1
        else:
            i += 1


def _adjacent_copies(page: Page, keys: list[str | None], run: list[int]) -> bool:
    """The run printed again as a block (a list repeated), not as subheadings each with
    text under it."""
    copies = [
        next((j for j in range(run[-1] + 1, len(page)) if keys[j] == keys[r]), None) for r in run
    ]
    return None in copies or any(page.next(a) == b for a, b in pairwise(copies))


def _footer_shape(page: Page, i: int) -> bool:
    """Contact, licence or copyright: what a site's footer says about the publisher."""
    ln = page[i]
    if ln.kind in _FOOTER_KINDS:
        return ln.kind == "copyright-footer"
    return (
        ln.kind is None
        and len(words(ln.text)) <= _FOOTER_MAX_WORDS * 2
        and not is_prose(ln.text)
        and bool(FOOTER_CONTACT_RE.search(ln.text))
    )


def _footer_line(page: Page, i: int) -> bool:
    """A line a site's footer holds around its contact lines: its chrome already found, or a
    short open label: no sentence, no number, no writer's name (the byline closes the
    article, it is no footer)."""
    ln = page[i]
    if ln.kind is not None:
        return ln.kind in _FOOTER_KINDS
    t = ln.text
    return (
        len(words(t)) <= _FOOTER_MAX_WORDS
        and not any(c.isdigit() for c in t)  # a table's or a list's row ("Trận 3 : ...")
        and not t.endswith((".", ":", ";", ",", "?", "!", "…", *CLOSING_QUOTES))
        and not byline_like(t)
    )


def _in_footer(page: Page, i: int) -> bool:
    return _footer_line(page, i) or _footer_shape(page, i)


def page_foot(page: Page, start: int | None) -> None:
    """The site's footer below the article: a run of short lines after the body holding two
    or more contact, licence or copyright lines ("Giấy phép ...", "Tổng biên tập: ...",
    "Hotline 0906 ...", "© 2003-2025 ..."), and the menus and labels around them:
    "site-footer" ("site-menu" for a menu line)."""
    if start is None:
        return
    shapes = [i for i in range(start + 1, len(page)) if _footer_shape(page, i)]
    if len(shapes) < _FOOTER_MIN_SHAPES:
        return
    # the last run of footer lines (blank lines do not break it) holding 2+ shapes
    hi = shapes[-1]
    lo = hi
    while (p := page.prev(lo)) is not None and p > start and _in_footer(page, p):
        lo = p
    while (n := page.next(hi, undecided=False)) is not None and _footer_line(page, n):
        hi = n
    if sum(lo <= i <= hi for i in shapes) < _FOOTER_MIN_SHAPES:
        return
    if any(_weight(page[k].text) > 0 for k in page.open_indices() if k > hi):
        return  # the story goes on below: contact lines inside it ("Hà Nội: 0243 ...")
    for k in range(lo, hi + 1):
        if page[k].kind is None:
            page.decide(k, "site-menu" if is_menu_line(page[k].text) else "site-footer")


# what a page's closing run may hold besides its menus: its chrome and links, found line by line
_TAIL_KINDS = _FOOTER_KINDS | LINK_REASONS | {"tags", "comment-form", "aggregator-meta"}
_TAIL_MIN_LINES = 3


def page_tail_menu(page: Page) -> None:
    """Menus closing a whole page (the footer's section links one a line, with no contact
    line for ``page_foot`` to anchor on): the page's last lines after the article's last
    paragraph, all menu entries or chrome already found, three or more entries with two known
    section names or site links among them, or entries of the header's menu printed again (the
    same line above the headline and below the story): "site-menu"."""
    opened = page.open_indices()
    last = next((i for i in reversed(opened) if _weight(page[i].text) > 0), None)
    if last is None:
        return
    # the header's menu printed again below the story names the site's own sections
    header = {_key(ln.text) for ln in page.lines if ln.kind in ("site-menu", "site-chrome")}
    run: list[int] = []
    for k in range(len(page) - 1, last, -1):
        ln = page[k]
        t = ln.text
        if ln.kind is None and (
            _menu_item(t, numbers=True) or is_menu_line(t) or _key(t) in header
        ):
            run.append(k)
        elif ln.kind is None or ln.kind not in _TAIL_KINDS:
            break
    known = sum(_known_items(page[k].text) or _key(page[k].text) in header for k in run)
    if len(run) < _TAIL_MIN_LINES or known < 2:
        return
    top = min(run)
    p = page.prev(top)
    if p is not None and page[p].kind is None and page[p].text.rstrip().endswith(":"):
        return  # a list the story announced ("Các đội vào tứ kết:")
    for k in run:
        page.decide(k, "site-menu")


def page_frame(page: Page) -> None:
    """The whole page's header and footer around the article (before the title is picked)."""
    contents_list(page)
    lead = _body_start(page)  # the header's decisions never touch the article's lines
    page_head(page, lead)
    page_foot(page, lead)
    page_tail_menu(page)
