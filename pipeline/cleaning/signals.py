"""General signals that do not depend on any word list: line shape, rhythm and topic.

- ``join_wrapped``: text hard-wrapped at a fixed width (or a caption broken by ``<br>``) is
  re-joined, so one paragraph is one line again and its pieces are judged together.
- ``list_rows``: a run of short similar lines inside the body (a table read cell by cell, a
  list of people with their titles, "- item" rows) is body: no line of it is a caption.
- ``live_blog_times``: clock times standing alone between paragraphs ("10:30", "10h45"), two or
  more of them, are the entries of a live report: body, not the page's timestamp.
- ``trailing_teasers``: after the body, a run of short title-like lines (maybe each with a lead
  sentence under it: the title/lead rhythm of teaser lists) whose words have little in common
  with the headline and lead is a block of other stories, whatever heading it has (or none);
  full headlines with one- or two-sentence leads need no topic test, nor do headlines each
  with its story's date under it (a subheading has text under it, never a date); a headline
  closing on a quotation ("... tha hồ "đựng cả thế giới"") is a headline, not a quoted paragraph.
- ``widget_gaps``: a few short labels between two lines of a player or share bar belong to it.
"""

from __future__ import annotations

import re

from pipeline import dates
from pipeline.cleaning.bylines import author_box, byline_like, is_prose
from pipeline.cleaning.lines import BLANK, HEADER, Page
from pipeline.cleaning.rules import (
    TAG_LABELS,
    footer_reason,
    heading_key,
    is_image_filename_line,
    is_interview_turn,
    is_player_text,
    is_related_heading,
    slug_run,
    slug_size,
)
from pipeline.cleaning.text import (
    CLOSING_QUOTES,
    LIST_ITEM_RE,
    coherence,
    is_sentence,
    is_title_like,
    quoted_headline,
    same_opening,
    sentence_count,
    topic_words,
    words,
)
from pipeline.names import person_title_parts

_TERMINAL = (".", "!", "?", ":", ";", "…", *CLOSING_QUOTES, ")", "]")
_WRAP_MIN_LINES = 4  # lines followed by another line of their paragraph
_WRAP_MAX_WIDTH = 100


def _wrap_width(page: Page) -> int | None:
    """The fixed width the text is wrapped at, when most long lines end near one width. A
    paragraph's last line is as short as it happens to be, so only lines that another line of
    the same paragraph follows are measured."""
    lines = page.lines
    lengths = [
        len(ln.text)
        for k, ln in enumerate(lines)
        if ln.kind is None
        and len(ln.text) >= 30
        and k + 1 < len(lines)
        and lines[k + 1].kind is None
    ]
    if len(lengths) < _WRAP_MIN_LINES:
        return None
    width = max(lengths)
    if width > _WRAP_MAX_WIDTH:
        return None
    near = sum(width - 12 <= n <= width for n in lengths)
    return width if near >= 0.6 * len(lengths) else None


def _continues(prev: str, nxt: str, width: int | None) -> bool:
    """Whether the line break between prev and nxt falls inside a sentence."""
    if not prev or not nxt or prev.endswith(_TERMINAL):
        return False
    if slug_size(slug_run(nxt)) >= 3 or nxt.startswith(("http", "www.")):
        return False  # a URL slug or image alt the scraper left: a line of its own
    if is_image_filename_line(nxt) or is_image_filename_line(prev):
        return False  # "anh-1.jpg": an image placeholder, never part of a sentence
    if is_player_text(prev) or is_player_text(nxt):
        return False  # "Duration 1:58" / "auto": a player's labels, each a line of its own
    if heading_key(prev) in TAG_LABELS or is_related_heading(prev):
        return False  # "Từ khóa liên quan" / "giải ngân": a label, then its first keyword
    if heading_key(nxt) in TAG_LABELS:
        return False  # "từ khóa" in lowercase under a teaser title: the tags' label
    if footer_reason(nxt) == "tags":
        return False  # "bào chữa | luật sư | ...": a keyword row, under the writer's name
    first = nxt.split()[0]
    if nxt[0].islower() and not any(c.isupper() for c in first[1:]):  # not "iPhone", "eKYC"
        return True  # a sentence never starts lowercase: the line break is inside it
    # wrapped at a fixed width: the previous line was full, so the break is the wrap
    wrapped = width is not None and len(prev) >= width - 15
    return wrapped and not nxt.startswith(("-", "•", "*", "+")) and not prev.startswith("#")


_RUN_MAX_WORDS = 4  # a bold figure or a link's words, cut out of its sentence
_RUN_MIN_PREV_WORDS = 12


def _inline_run(prev: str, run: str, nxt: str) -> bool:
    """A few words printed in bold or as a link ("120 triệu USD") split out of a sentence: the
    paragraph before breaks off without punctuation and the line after carries on in lowercase."""
    return (
        len(words(run)) <= _RUN_MAX_WORDS
        and len(words(prev)) >= _RUN_MIN_PREV_WORDS
        and not run.endswith(_TERMINAL)
        and _continues(run, nxt, None)
        and not prev.endswith((*_TERMINAL, ":"))
        and _continues(prev, nxt, None)
    )


def join_wrapped(page: Page) -> None:
    """Merge each open line into the previous one when the break falls inside a sentence."""
    width = _wrap_width(page)
    page.hard_wrapped = width is not None
    keep = []
    for k, ln in enumerate(page.lines):
        last = keep[-1] if keep else None
        nxt = page.lines[k + 1] if k + 1 < len(page.lines) else None
        if (
            last is not None
            and ln.kind is None
            and last.kind is None
            # "ngày 12 tháng 9 năm 2022" under the headline: a stamp (unless the text is
            # hard-wrapped, where a date can close a wrapped line: "30-9-2025.")
            and (width is not None or not dates.is_timestamp_line(ln.text))
            and (
                _continues(last.text, ln.text, width)
                or (  # a paragraph of its own: not lines already joined (keyword runs)
                    nxt is not None
                    and nxt.kind is None
                    and not last.parts
                    and _inline_run(last.text, ln.text, nxt.text)
                )
            )
        ):
            last.parts = last.pieces() + ((ln.no, ln.text),)
            last.text = f"{last.text} {ln.text}"
            continue
        keep.append(ln)
    page.lines[:] = keep


def broken_captions(page: Page) -> None:
    """In text that is not wrapped at a fixed width, a block broken mid-sentence by a line
    break and ending without punctuation is a photo caption (``<img><br>caption`` pages); body
    paragraphs end with a full stop."""
    if page.hard_wrapped:
        return
    for i in page.open_indices():
        ln = page[i]
        short = len(words(ln.text)) <= 45 and not LIST_ITEM_RE.match(ln.text)  # "- item" rows
        if ln.parts and short and i != page.title_idx and not ln.text.endswith(_TERMINAL):
            page.decide(i, "photo-caption")


_ROW_MAX_WORDS = 40
_TABLE_MIN_ROWS = 4  # cells of a table read one per line: any short non-sentence lines
_LIST_MIN_ROWS = 3  # rows of one form ("- item", a person and their titles)


def _row_shape(text: str) -> str | None:
    """The form of a line that can be a row of a list or a table, None for a paragraph."""
    if len(words(text)) > _ROW_MAX_WORDS:
        return None
    if LIST_ITEM_RE.match(text):
        return "item"
    if person_title_parts(text) is not None:
        return "person"
    return None if is_prose(text) else "cell"


_FULL_MIN_CHARS = 100  # a wide column's wrap: shorter lines are lines of their own
_FULL_MIN_LINES = 4


def wrapped_fragments(page: Page) -> frozenset[int]:
    """Open lines of a paragraph wrapped in a column too wide for ``join_wrapped`` to trust:
    a line whose last printed line is as long as the page's longest ones and ends inside a
    sentence, and the line under it. Such a line is a piece of a paragraph, never a caption
    (when in doubt, keep body). Widths are read from the printed lines (``Line.pieces``)."""
    lines = page.lines
    printed = [len(t) for ln in lines if ln.kind is None for _, t in ln.pieces()]
    full = [n for n in printed if n >= _FULL_MIN_CHARS]
    if len(full) < _FULL_MIN_LINES:
        return frozenset()
    width = max(full)
    if sum(n >= width - 15 for n in full) < _FULL_MIN_LINES:
        return frozenset()
    out: set[int] = set()
    for k, ln in enumerate(lines):
        last = ln.pieces()[-1][1]
        if ln.kind is not None or len(last) < width - 15 or ln.text.endswith(_TERMINAL):
            continue
        out.add(k)
        if k + 1 < len(lines) and lines[k + 1].kind is None:
            out.add(k + 1)
    return frozenset(out)


def list_rows(page: Page) -> frozenset[int]:
    """Open lines that are rows of a list or a table inside the article.

    Captions stand alone between paragraphs (one, or a caption and its credit); a table read
    cell by cell ("Bị cáo", "Tội danh", "Nguyễn Văn A, nguyên thiếu tá, ...", "5 năm tù") or
    a list ("- Ông X, Giám đốc ...", three rows or more of one form; any two short lines when
    a line ending in ":" announces them) is a run of short lines, and every line of it is
    body. Runs are made of consecutive undecided lines (blank lines do not break a run).
    """
    rows: set[int] = set()
    run: list[int] = []  # consecutive open lines that have a row shape
    announced = False

    def close() -> None:
        shapes = [_row_shape(page[i].text) for i in run]
        same = len(set(shapes)) == 1 and shapes[0] in ("item", "person")
        if (
            len(run) >= _TABLE_MIN_ROWS
            or (same and len(run) >= _LIST_MIN_ROWS)
            or (announced and len(run) >= 2)
        ):
            rows.update(run)

    for i, ln in enumerate(page.lines):
        if ln.kind in (BLANK, HEADER):
            continue
        if ln.kind is None and i != page.title_idx and _row_shape(ln.text) is not None:
            if not run:
                p = page.prev(i)
                announced = p is not None and page[p].text.rstrip().endswith(":")
            run.append(i)
            continue
        close()
        run = []
    close()
    return frozenset(rows)


_CLOCK_RE = re.compile(
    r"^(?:lúc\s+)?(?P<h>\d{1,2})\s*(?::|h|giờ)\s*(?P<m>\d{2})?\s*(?:phút)?\s*[:.\-–]?$",
    re.IGNORECASE,
)


def live_blog_times(page: Page) -> frozenset[int]:
    """Open lines that are the clock times of a live report's entries.

    A live page ("Bấm F5 để tiếp tục cập nhật") stamps each entry with a time on its own line;
    two or more such times between the first and the last prose paragraph are body. "0:00" is
    an audio player's counter, never an entry."""
    prose = page.prose_indices()
    if len(prose) < 2:
        return frozenset()
    times = []
    for i in range(prose[0] + 1, prose[-1]):
        m = _CLOCK_RE.match(page[i].text) if page[i].kind is None else None
        if m and int(m["h"]) < 24 and (int(m["h"]) or int(m["m"] or 0)):
            times.append(i)
    return frozenset(times) if len(times) >= 2 else frozenset()


def _headline_and_lead(title: str, lead: str) -> bool:
    """A teaser: a full headline (10+ words) over a lead of one or two sentences (a subheading
    is shorter, and the section under it runs on)."""
    return len(words(title)) >= 10 and sentence_count(lead) <= 2 and len(words(lead)) <= 60


_DATED_MIN_WORDS = 6  # a headline; a schedule's rows ("Valladolid 0-4 Getafe") are shorter


def trailing_teasers(page: Page, max_coherence: float = 0.25) -> None:
    """Remove blocks of other stories' titles (and leads) after the lead, found by shape and
    topic rather than by their headings: headlines each dated under them, and the title/lead
    run closing the page."""
    if page.title_idx is None:
        return
    _dated_lists(page)
    _trailing_block(page, max_coherence)


def _dated_lists(page: Page) -> None:
    """Two or more headlines in a row, each with its story's date under it, are a list of other
    stories wherever it stands (a subheading has its section's text under it, never a date)."""
    prose = page.prose_indices(with_title=False)
    if not prose:
        return
    run: list[int] = []
    for i in [*page.open_indices(), None]:
        if i is not None and i > prose[0] and _dated_headline(page, i):
            if run and page.next(run[-1]) != i:
                run = []
            run.append(i)
            continue
        if len(run) >= 2:
            for k in run:
                page.decide(k, "related-item")
        run = []


def _dated_headline(page: Page, i: int) -> bool:
    """A headline with its story's date right under it ("Lãnh đạo Mỹ - Ukraine khẩu chiến kịch
    liệt" / "21/02"): an item of a list of stories, on whatever topic; a subheading has its
    section's text under it, never a date."""
    t = page[i].text
    return (
        page.stamped(i, above=False)  # a list prints each story's date under its headline
        and len(words(t)) >= _DATED_MIN_WORDS
        and is_title_like(t, 25)
        and not is_sentence(t)
        and not byline_like(t)
        and not LIST_ITEM_RE.match(t)
    )


def _trailing_block(page: Page, max_coherence: float) -> None:
    """The last run of lines in teaser rhythm above the writer's box, when it is other stories."""
    open_idx = [i for i in page.open_indices() if i != page.title_idx]
    prose = page.prose_indices(with_title=False)
    if len(prose) < 3:
        return
    reference = topic_words(page[page.title_idx].text) | topic_words(page[prose[0]].text)

    def para(t: str) -> bool:  # a headline closing on a quotation is no quoted paragraph
        return is_prose(t) and not quoted_headline(t)

    def heading_like(t: str) -> bool:  # not a line that goes on ("Kính thưa ...,")
        return (
            is_title_like(t, 25)
            and not is_sentence(t)
            and not byline_like(t)
            and not t.endswith((",", ";"))
        )

    # the writer's box closing the page ("Hà Nguyễn"; "TS Đinh Văn Minh" / "nguyên Vụ trưởng
    # ..."): the teasers, if any, stand above it
    end = len(open_idx)
    while (
        end > 0
        and (
            byline_like(page[open_idx[end - 1]].text)
            or author_box(page[open_idx[end - 1]])
            or (
                end >= 2
                and byline_like(page[open_idx[end - 2]].text)
                and (  # the writer's position under the name ("nguyên Vụ trưởng ...", "Nhà báo")
                    page[open_idx[end - 1]].text[:1].islower()
                    and len(words(page[open_idx[end - 1]].text)) <= 15
                    or len(words(page[open_idx[end - 1]].text)) <= 2
                )
            )
        )
    ):
        end -= 1
    run: list[int] = []  # trailing open lines in teaser rhythm, last first
    for k in range(end - 1, -1, -1):
        t = page[open_idx[k]].text
        before = page[open_idx[k - 1]].text if k > 0 else ""
        lead = para(t) and heading_like(before)
        if heading_like(t) or (
            lead and (coherence(t, reference) <= max_coherence or _headline_and_lead(before, t))
        ):
            run.append(open_idx[k])
            continue
        break
    run.reverse()
    titles = [
        i
        for i in run
        if is_title_like(page[i].text, 25)
        and not is_sentence(page[i].text)
        and (i == run[0] or len(words(page[i].text)) >= 4)  # teaser titles are headlines
    ]
    if len(run) < 3 or len(titles) < 2 or titles[0] != run[0] and len(titles) < 3:
        return
    leads = [i for i in run if para(page[i].text)]
    headlines = (
        len(leads) >= 2
        and all(  # a related box on the story's own topic
            _headline_and_lead(page[p].text, page[i].text)
            for p, i in zip(run, run[1:], strict=False)
            if i in leads
        )
    )
    if not headlines and any(coherence(page[i].text, reference) > max_coherence for i in titles):
        return
    if any(para(page[a].text) and para(page[b].text) for a, b in zip(run, run[1:], strict=False)):
        return  # two paragraphs in a row: the body goes on (teasers alternate title / lead)
    if any(para(page[i].text) and sentence_count(page[i].text) >= 3 for i in run):
        return  # a teaser's lead is a sentence or two; a section under a subheading runs on
    if any(para(page[i].text) and len(words(page[i].text)) <= 9 for i in run):
        return  # "Thăm chiến khu xưa, nhớ bạn bè.": a line of verse, not a teaser's lead
    if not page.hard_wrapped and any(page[i].parts for i in run):
        return  # lines broken inside a sentence ("... dâng cao" / "nỗi đau tràn khắp"): verse
        # (in text wrapped at a fixed width every paragraph has such breaks)
    if re.search(r"[:]$", page[prose[-1]].text):
        return  # a list the body announced ("gồm:"), not teasers
    if sum(i in run for i in prose) * 2 >= len(prose):
        return  # other stories are appended to a body longer than them: when in doubt, keep
    if sum(is_interview_turn(page[i].text) for i in run) >= 2:
        return  # questions and answers of an interview alternate like titles and leads
    # full headlines over leads may share a word ("Cây gia vị ...", "Cây có hương vị ...")
    if not headlines and same_opening([page[i].text for i in titles]):
        return  # "Đài X có chương trình ...", "Đài Y có ...": rows of a list, not teasers
    heading = run[0] if len(words(page[run[0]].text)) <= 6 and run[0] in titles else None
    for i in run:
        page.decide(i, "related-heading" if i == heading else "related-item")


_WIDGET_KINDS = frozenset({"page-widget", "media-player", "timestamp"})
_COUNTER_RE = re.compile(r"^-?\d{1,2}:\d{2}(?::\d{2})?$")  # a player's clock, no date


def widget_gaps(page: Page, max_gap: int = 3) -> None:
    """A player's or share bar's short labels that no list holds ("/", "Speed", "Normal",
    "Cảm ơn!"), up to three in a row between two lines already found to be that widget, are
    part of it."""

    first = page.first_open()  # the headline, maybe short, is not picked yet

    def label(i: int) -> bool:
        t = page[i].text
        short = len(words(t)) <= 3 and not is_prose(t)
        # a writer's name between the share bar and the time is the byline, not a label
        return page[i].kind is None and i != first and short and not byline_like(t)

    i = 0
    while i < len(page):
        if not label(i):
            i += 1
            continue
        gap = [i]
        while (n := page.next(gap[-1], undecided=False)) is not None and label(n):
            gap.append(n)
        p, n = page.prev(gap[0]), page.next(gap[-1], undecided=False)
        kinds = {page[p].kind if p is not None else None, page[n].kind if n is not None else None}
        # between two times, only a player's counters ("00:00" / "00:00"): a schedule's rows
        # ("06/04 21:15", "Valladolid 0-4 Getafe", "SCTV 15") are body
        counters = all(_COUNTER_RE.match(page[k].text) for k in (p, n) if k is not None)
        if kinds == {"timestamp"} and not counters:
            i = gap[-1] + 1
            continue
        if len(gap) <= max_gap and kinds <= _WIDGET_KINDS:
            for k in gap:
                page.decide(k, "media-player" if "media-player" in kinds else "page-widget")
        i = gap[-1] + 1
