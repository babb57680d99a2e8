"""Other stories' teasers on an outlet's own page, found by their shape, not by a heading.

- ``dateline_teasers``: a section list prints each item as the story's title run into its lead,
  lead dateline and all ("Huế tận dụng ... du lịch(Dân trí) - Thay vì ..."): an outlet's
  dateline in the middle of a line, after a headline, is another story's teaser.
- ``list_headings``: the short label over a list of such teasers ("Du lịch", "Đang được quan
  tâm") is that list's heading: a body subheading is followed by the body, never by teasers.
- ``closing_pairs``: after the body, two or more other stories as headline + one-paragraph
  lead each (VietNamNet's closing related box, which has no heading). The body's own sections
  have several paragraphs each; a box of teasers gives each title exactly one. These stories
  are often on the same topic, so topic coherence cannot tell them apart: the rhythm does.
"""

from __future__ import annotations

import re

from pipeline.cleaning.bylines import byline_like
from pipeline.cleaning.lines import LINK_REASONS, Page
from pipeline.cleaning.outlets import is_location, looks_like_outlet, outlet_name
from pipeline.cleaning.rules import is_interview_turn
from pipeline.cleaning.text import (
    LIST_ITEM_RE,
    ends_with_ellipsis,
    is_prose,
    is_sentence,
    is_title_like,
    same_opening,
    sentence_count,
    words,
)

# "(Dân trí) - ", "(PLO) -": an outlet's dateline, here inside a line
_MID_DATELINE_RE = re.compile(r"\s?\((?P<o>[^()]{2,30})\)\s*[-–—]\s+(?P<lead>\S)")
_HEAD_MIN_WORDS = 4


def dateline_teaser(text: str) -> bool:
    """A headline run into a lead that opens with an outlet's dateline."""
    for m in _MID_DATELINE_RE.finditer(text):
        head = text[: m.start()].strip()
        if len(words(head)) < _HEAD_MIN_WORDS or is_location(head) or head.isupper():
            continue  # "HÀ NỘI (TTXVN) -": the story's own place dateline
        o, lead = m.group("o").strip(), m.group("lead")
        if not (lead.isupper() or lead.isdigit() or lead in "“\"'"):
            continue  # "(Kiến Quân) - chủ sở hữu ...": a name defined inside a sentence
        glued = not m.group(0)[:1].isspace()  # "...du lịch(Dân trí) - ": a list item's run
        if outlet_name(o) or (glued and looks_like_outlet(o)):
            return True  # not "(PC02) - Công an ...": a unit named inside a sentence
    return False


def dateline_teasers(page: Page) -> None:
    for i, ln in enumerate(page.lines):
        if ln.kind is None and i != page.title_idx and dateline_teaser(ln.text):
            page.decide(i, "related-item")


_LIST_HEAD_MAX_WORDS = 6
_ITEM_REASONS = LINK_REASONS - {"related-heading", "outlet-logo"}
_LIST_MIN_ITEMS = 2


def list_headings(page: Page) -> None:
    """A short label directly over two or more teasers already found is their list's heading."""
    for i, ln in enumerate(page.lines):
        t = ln.text
        if ln.kind is not None or i == page.title_idx or len(words(t)) > _LIST_HEAD_MAX_WORDS:
            continue
        if is_prose(t) or t.endswith((".", ",", ";")):
            continue
        if byline_like(t):
            continue  # "Theo South China Morning Post" over a related box: the story's credit
        items, j = 0, page.next(i, undecided=False)
        while j is not None and page[j].kind in _ITEM_REASONS and items < _LIST_MIN_ITEMS:
            items += 1
            j = page.next(j, undecided=False)
        if items >= _LIST_MIN_ITEMS:
            page.decide(i, "related-heading")


_TITLE_WORDS = (8, 30)  # another story's headline; short subheadings are left to the body
_LEAD_MAX_WORDS = 60
_LEAD_MAX_SENTENCES = 2
_MIN_PAIRS = 2
_TAIL_SKIP = 3  # an author box (name, position) may close the page after the box


def _teaser_title(text: str) -> bool:
    n = len(words(text))
    return (
        _TITLE_WORDS[0] <= n <= _TITLE_WORDS[1]
        and is_title_like(text, _TITLE_WORDS[1])
        and not is_sentence(text)
        and not text.endswith((",", "?", "!", "”", '"'))
        and not byline_like(text)
        and not LIST_ITEM_RE.match(text)
        and text[:1].isupper()
    )


def _teaser_lead(text: str) -> bool:
    prose = is_prose(text) or (ends_with_ellipsis(text) and len(words(text)) >= 10)
    return (
        prose
        and len(words(text)) <= _LEAD_MAX_WORDS
        and sentence_count(text) <= _LEAD_MAX_SENTENCES
        and not LIST_ITEM_RE.match(text)
        and not is_interview_turn(text)
    )


def _own_rhythm(page: Page, body: list[int]) -> bool:
    """Whether the body before the pairs already has a headline-long subheading followed by a
    single paragraph: then headline + lead is how this page is written, not a box."""
    for n, j in enumerate(body):
        if not _teaser_title(page[j].text):
            continue
        section = [page[j].text for j in body[n + 1 : n + 3]]
        if len(section) == 2 and is_prose(section[0]) and not is_prose(section[1]):
            return True
    return False


def closing_pairs(page: Page) -> None:
    """Remove two or more headline + one-lead pairs closing the body."""
    if page.title_idx is None:
        return
    open_idx = [i for i in page.open_indices() if i != page.title_idx and i > page.title_idx]
    prose = [i for i in open_idx if is_prose(page[i].text)]
    if len(prose) < 4:
        return
    end = len(open_idx)
    for _ in range(_TAIL_SKIP):  # "TS Đinh Văn Minh" / "nguyên Vụ trưởng ...": an author box
        last = page[open_idx[end - 1]].text if end else ""
        if not last or is_prose(last) or (_teaser_title(last) and not byline_like(last)):
            break
        end -= 1
    pairs: list[tuple[int, int]] = []
    k = end
    while k >= 2:
        title, lead = open_idx[k - 2], open_idx[k - 1]
        if not (_teaser_title(page[title].text) and _teaser_lead(page[lead].text)):
            break
        pairs.append((title, lead))
        k -= 2
    if len(pairs) < _MIN_PAIRS or k == 0:
        return
    before = [page[open_idx[j]].text for j in (k - 1, k - 2) if j >= 0]
    if not all(is_prose(t) for t in before) or before[0].endswith(":"):
        return  # the box follows the body's paragraphs, not an announced list or a section
    if _own_rhythm(page, open_idx[:k]):
        return  # the body itself is written as headline + one paragraph (a digest)
    if same_opening([page[t].text for t, _ in pairs]):
        return  # rows of one list ("Đài X có ...", "Đài Y có ..."), not other stories
    if sum(i in {x for p in pairs for x in p} for i in prose) * 2 >= len(prose):
        return  # when in doubt (the pairs would be half the text), keep
    for title, lead in pairs:
        page.decide(title, "related-item")
        page.decide(lead, "teaser-lead")
