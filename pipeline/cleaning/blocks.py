"""Blocks of other stories inside the page: related-news sections, teaser lists, comments.

Once a related heading ("Tin liên quan", "Có thể bạn quan tâm", ...) or an outlet-logo box is
reached, its teasers (titles, their leads, repeated copies) go until the body resumes (two prose
paragraphs in a row) or the page's tags, footer or comments begin. Teaser lists without a
heading are found by their shape (title shown twice, "..." leads after link lines, titles glued
to their leads' datelines), as copies of a teaser's title, as a long headline under the
lead, or as a story card left between two lists of stories; readers' comments by their heading
plus comment chrome; tag lists and tables of contents by their label.
"""

from __future__ import annotations

import re

from pipeline.cleaning.bylines import byline_like, is_prose, parse_byline, parse_credits
from pipeline.cleaning.lines import BLANK, LINK_REASONS, NOT_REMOVED, TITLE, Page
from pipeline.cleaning.outlets import is_paren_credit, looks_like_outlet, outlet_name
from pipeline.cleaning.rules import (
    COMMENT_CHROME_RE,
    COMMENT_FORM_RE,
    COMMENTS_HEAD_RE,
    NEXT_PART_RE,
    PROSE_START_RE,
    SEPARATOR_RE,
    TAG_LABELS,
    TOC_HEADINGS,
    closes_with_read_on,
    ends_with_topic_label,
    heading_key,
    is_column_blurb,
    strip_trailing_label,
)
from pipeline.cleaning.text import (
    CLOSING_QUOTES,
    LIST_ITEM_RE,
    coherence,
    ends_with_ellipsis,
    is_paragraph,
    is_sentence,
    is_title_like,
    key,
    quoted_headline,
    same_opening,
    sentence_count,
    topic_words,
    words,
)
from pipeline.names import is_full_name, is_names_line, is_titled_name, person_title_parts
from pipeline.stopwords import STOPWORDS


def outlet_headings(page: Page, title_idx: int | None) -> list[int]:
    """A lone outlet name below the headline over a teaser title is a related-story box
    ("Thanh Niên" / "VnExpress" logo text above an embedded link)."""
    found: list[int] = []
    if title_idx is None:
        return found
    for i in range(title_idx + 1, len(page)):
        ln = page[i]
        if ln.kind is not None or len(words(ln.text)) > 3 or not outlet_name(ln.text):
            continue
        if sum(c.isupper() for c in ln.text) < 2 and " " in ln.text:
            continue  # "Lao động", "Tuổi trẻ": ordinary words (a subheading), not a logo
        j = page.next(i)
        if j is not None and is_title_like(page[j].text) and not byline_like(page[j].text):
            page.decide(i, "outlet-logo")
            found.append(i)
    return found


# "... cho ngủ cùng như thú cưng(Dân trí) - Trong chuyến thăm ...": a title, then its lead's
# dateline glued to it with no space
_GLUED_DATELINE_RE = re.compile(r"[^\s(]\((?P<o>[^()]{2,30})\)\s*[-–—]\s+\S")


def glued_dateline(text: str) -> bool:
    """A related title glued to its lead's dateline ("... như thú cưng(Dân trí) - Trong ...")."""
    m = _GLUED_DATELINE_RE.search(text)
    if m is None or len(words(text[: m.start() + 1])) < 3:
        return False
    return looks_like_outlet(m.group("o")) or is_paren_credit(m.group("o"))


def glued_teaser(text: str) -> bool:
    """A related title and its lead run together without a space ("... Quảng NamHàng trăm
    người ..."): a lowercase letter or digit directly followed by a capitalised word, after at
    least three words of title; or a title glued to its lead's dateline ("...(Dân trí) - ")."""
    if glued_dateline(text):
        return True
    for k in range(1, len(text) - 1):
        a, b, c = text[k - 1], text[k], text[k + 1]
        if (a.islower() or a.isdigit()) and b.isupper() and c.islower():
            head = text[:k]
            if len(words(head)) >= 3:
                return True
    return False


_PLAIN_LATIN = re.compile(r"[A-Za-z]+")


def _glued_headline(text: str) -> str | None:
    """The headline of a closing teaser run into its lead with no space ("... tại Đà LạtÔng
    Nguyễn Đắc Vũ, ...", "... sau sắp xếp?Tỉnh ..."): a lowercase letter or "?", then a capital
    opening the lead's sentence, after a headline of six words or more with no sentence end;
    the lead runs on for eight words or more. A brand written in camel case ("TikTok",
    "VnExpress") is no seam: both its halves are plain Latin."""
    for k in range(1, len(text) - 1):
        a, b, c = text[k - 1], text[k], text[k + 1]
        if not ((a.islower() or a == "?") and b.isupper() and c.islower()):
            continue
        head, tail = text[:k], text[k:]
        left = re.search(r"\w+$", head)
        right = re.match(r"\w+", tail)
        if right is None or (left is None and a != "?"):
            continue
        if left and _PLAIN_LATIN.fullmatch(left.group()) and _PLAIN_LATIN.fullmatch(right.group()):
            continue  # "TikTok", "VnExpress"
        if (
            len(words(head)) >= 6
            and is_title_like(head)
            and not re.search(r"[.!?…]\s", head)
            and len(words(tail)) >= 8
        ):
            return head
    return None


_SEAM_PUNCT = tuple(".,;:!?…\"'”’)-–—")


def _page_words(page: Page, skip: int) -> tuple[set[str], set[str]]:
    """The words the page capitalises after a lowercase word ("... cho rằng Chính phủ ..."),
    its proper nouns and titles, and the words it writes in lowercase."""
    proper: set[str] = set()
    lower: set[str] = set()
    for i, ln in enumerate(page.lines):
        if i != skip and ln.kind != BLANK:
            toks = words(ln.text)
            pairs = zip(toks, toks[1:], strict=False)
            proper.update(b for a, b in pairs if a[-1:].islower() and b[:1].isupper())
            lower.update(w for w in key(ln.text).split() if w in ln.text)
    return proper, lower


_HEAD_MAX_WORDS = 20
# A teaser's lead restates its headline ("Google Assistant dịch thuật trực tiếp" / "Trợ lý ảo
# của Google ... tính năng dịch thuật trực tiếp"): the two halves of one sentence seldom do.
_LEAD_RESTATES = 0.4


def _spaced_headline(text: str, proper: set[str], lower: set[str]) -> str | None:
    """The headline of a closing teaser run into its lead with only a space ("... trong GTA V
    Với bản mod ...", "... dịch thuật trực tiếp Trợ lý ảo của Google ..."): a capitalised
    common word opening a sentence (the page writes it in lowercase elsewhere, never
    capitalised after a lowercase word, and the word after it is lowercase) with no
    punctuation before it. After a capitalised word only a function word counts ("GTA V Với"),
    as a name runs on ("Bắc Kinh từ ..."). The headline: six to twenty words, no comma, not
    ending on a function word ("... cho rằng Chính phủ ..." is one sentence); the lead runs on
    for eight words or more, reads as a paragraph and restates the headline's words."""
    toks = words(text)
    for k in range(6, min(len(toks) - 8, _HEAD_MAX_WORDS + 1)):
        a, b, c = toks[k - 1], toks[k], toks[k + 1]
        if not (b[:1].isupper() and b[1:].isalpha() and b[1:].islower() and c[:1].islower()):
            continue
        low = b.casefold()
        if a.endswith(_SEAM_PUNCT) or a.casefold() in STOPWORDS or b in proper:
            continue
        if low not in STOPWORDS and (a[:1].isupper() or a[:1].isdigit() or low not in lower):
            continue
        head, tail = " ".join(toks[:k]), " ".join(toks[k:])
        if "," in head or re.search(r"[.!?…;:]\s", head):
            return None  # a sentence's clauses, not a headline
        if (
            is_title_like(head)
            and is_paragraph(tail)
            and coherence(head, topic_words(tail)) >= _LEAD_RESTATES
        ):
            return head
    return None


def closing_glued_teaser(page: Page) -> None:
    """The last line of the story above the writer's name, when it is another story's headline
    glued to its lead (a related box scraped as text: the headline link and the lead ran
    together, with no space or with one). Only that place: a seam inside the body may be a
    brand name or a typo. The teasers stacked right above it (a headline about something else
    than the page's, then its lead) are the same box's."""
    open_idx = _open_above_byline(page)
    if len(open_idx) < 4:
        return
    found = False
    while len(open_idx) >= 4:  # a box of such cards: each glued line above the last goes too
        last = open_idx[-1]
        if page[last].parts and not page.hard_wrapped:
            break
        t = page[last].text
        if not (_glued_headline(t) or _spaced_headline(t, *_page_words(page, last))):
            break
        page.decide(last, "related-item")
        open_idx, found = open_idx[:-1], True
    if found:
        _teasers_above(page, open_idx)


def _open_above_byline(page: Page) -> list[int]:
    """The open lines but the title, less the writer's lines that close the page: where a
    related box scraped as text ends the story."""
    open_idx = [i for i in page.open_indices() if i != page.title_idx]
    while open_idx and byline_like(page[open_idx[-1]].text):
        open_idx.pop()
    return open_idx


# An outlet's dateline opening a paragraph: "(PLO)- TP.HCM sẽ ...", "(Dân trí) - Trong ..."
_DATELINE_START_RE = re.compile(r"^\((?P<o>[^()]{2,30})\)\s*[-–—]\s*\S")


def closing_dateline_teaser(page: Page) -> None:
    """Another story's card closing the page (a related box scraped as text, its headline then
    its lead): the lead opens on an outlet's dateline, which only a story's first paragraph
    carries, yet it is not this page's lead, it is the only such line after it, and nothing of
    the story follows it. The headline right above it goes with it."""
    open_idx = _open_above_byline(page)
    lead = page.lead()
    if len(open_idx) < 4 or lead is None or page.hard_wrapped:
        return
    dated = [
        i
        for i in open_idx
        if i > lead and (m := _DATELINE_START_RE.match(page[i].text)) and looks_like_outlet(m["o"])
    ]
    last = open_idx[-1]
    if dated != [last] or not _card_lead(page[last].text):
        return
    page.decide(last, "related-item")
    head = open_idx[-2]
    if head != lead and _card_headline(page[head].text) and not page[head].text.endswith(":"):
        page.decide(head, "related-item")


_TAIL_MAX_COHERENCE = 0.25


def _teasers_above(page: Page, open_idx: list[int]) -> None:
    """Headline-and-lead pairs right above a closing teaser, each headline sharing little with
    the page's title and lead (another story), each lead a sentence or two."""
    lead = page.lead()
    if page.hard_wrapped:
        return  # a paragraph's wrapped lines look like headlines and leads
    ref = topic_words(" ".join(page[i].text for i in (page.title_idx, lead) if i is not None))
    while len(open_idx) >= 6:
        lead_i, head_i = open_idx[-1], open_idx[-2]
        if lead_i == lead or head_i == lead:
            return
        h, t = page[head_i].text, page[lead_i].text
        if not (_card_headline(h) and _card_lead(t) and coherence(h, ref) <= _TAIL_MAX_COHERENCE):
            return
        if h.endswith((":", ",", ";")) or is_sentence(h):
            return
        page.decide(head_i, "related-item")
        page.decide(lead_i, "related-item")
        open_idx = open_idx[:-2]


def _writer_or_credit(text: str) -> bool:
    """A person's name ("Hoài Linh", "Minh Anh (theo Heathline)") or a credit said as one
    ("Theo Tiền phong"); a bare word that may name an outlet ("Lao động") is neither."""
    parsed = parse_byline(text)
    if parsed is None:
        return False
    if parsed[0] and is_names_line(parsed[0]):
        return True
    return bool(re.match(r"(?:theo|nguồn)\b", text.casefold()) or "(theo" in text.casefold())


_LEADS_AFTER_BYLINE_MAX = 2  # a related box under the byline shows one or two stories' leads


def leads_after_byline(page: Page) -> None:
    """One or two other stories' leads printed under the closing byline ("Hoài Linh" /
    "Con số thương vong ... đã tăng lên ..."): the writer's name closes the story, so the
    paragraphs after it are a related box whose headline links were lost. Only when that
    name line is the one name-shaped line after the lead (names as subheadings of a list of
    people are not a byline) and the body runs on for three paragraphs above it."""
    open_idx = [i for i in page.open_indices() if i != page.title_idx]
    # paragraphs: sentences, or long runs a missing full stop keeps from being one
    prose = [i for i in open_idx if is_prose(page[i].text) or len(words(page[i].text)) >= 15]
    if len(prose) < 4:
        return
    names = [i for i in open_idx if i > prose[0] and byline_like(page[i].text)]
    if len(names) != 1 or not _writer_or_credit(page[names[0]].text):
        return
    b = names[0]
    after = [  # credits and a column's standing blurb are left to the byline step
        i
        for i in open_idx
        if i > b and parse_credits(page[i].text) is None and not is_column_blurb(page[i].text)
    ]
    before = [i for i in prose if i < b]
    if not 1 <= len(after) <= _LEADS_AFTER_BYLINE_MAX or len(before) < 3:
        return
    above = max(i for i in open_idx if i < b)
    if above not in prose and parse_credits(page[above].text) is None:
        return  # the body does not end right above the name
    if all(
        is_prose(page[i].text)
        and sentence_count(page[i].text) <= 2
        and len(words(page[i].text)) <= 60
        for i in after
    ):
        for i in after:
            page.decide(i, "related-item")


def _body_run(page: Page, i: int) -> bool:
    """Body has resumed at i: two prose paragraphs in a row (teaser lists never do that); a
    paragraph that is one long quotation counts as prose."""

    def prose(t: str) -> bool:
        quoted = t.startswith(("“", '"', "«")) and t.rstrip(" .").endswith(CLOSING_QUOTES)
        return not glued_teaser(t) and (is_sentence(t, 12) or (quoted and len(words(t)) >= 12))

    if not prose(page[i].text):
        return False
    j = page.next(i)
    return j is not None and prose(page[j].text)


def _alternation_continues(page: Page, i: int) -> bool:
    """After a candidate teaser lead: another teaser title follows, then more teaser text."""
    k = page.next(i)
    if k is None or not is_title_like(page[k].text) or byline_like(page[k].text):
        return False
    k2 = page.next(k)
    return k2 is not None and (
        is_sentence(page[k2].text, 1)
        or ends_with_ellipsis(page[k2].text)
        or is_title_like(page[k2].text)
    )


def _body_runs_after(page: Page) -> list[bool]:
    """For each index, whether a body run starts strictly after it (linear, not per line)."""
    out = [False] * len(page)
    seen = False
    for j in range(len(page) - 1, -1, -1):
        out[j] = seen
        seen = seen or (page[j].kind is None and _body_run(page, j))
    return out


# a related block never runs across these: a heading in a whole page's menus stops at the
# headline, a block after the body at the site's footer
_BLOCK_ENDS = frozenset({"tags", "copyright-footer", "site-footer", TITLE})


def expand_block(page: Page, h: int) -> None:
    """Mark the teasers that follow a related heading at h."""
    members: list[int] = [h]  # heading + every line inside the block (decided or tentative)
    tentative: list[int] = []  # lines this block decides
    titles: set[int] = set()
    confirmed_lead = False
    stopped_by_body = False
    body_after: list[bool] | None = None
    i = h
    while True:
        nxt = page.next(i, undecided=False)
        if nxt is None:
            break
        i = nxt
        ln = page[i]
        if ln.kind is not None:
            if ln.kind in LINK_REASONS:
                members.append(i)
            elif ln.kind in _BLOCK_ENDS or COMMENTS_HEAD_RE.match(ln.text):
                break  # the page's tags, footer, comment box or headline: the block has ended
            continue
        t = ln.text
        prev_member = members[-1]
        if byline_like(t) and not is_sentence(t, 1):
            break
        if glued_teaser(t):  # "TitleLead of the story." scraped as one run-together line
            members.append(i)
            tentative.append(i)
            continue
        if _body_run(page, i):
            stopped_by_body = True
            break
        if ends_with_ellipsis(t) and len(words(t)) <= 80:
            confirmed_lead = confirmed_lead or prev_member in titles
        elif is_title_like(t):
            titles.add(i)
        elif is_sentence(t, 1) and prev_member in titles and prev_member in tentative:
            before = members[-2] if len(members) >= 2 else None
            dup_title = before is not None and key(page[before].text) == key(page[prev_member].text)
            if body_after is None:  # computed once: this loop does not change any kind
                body_after = _body_runs_after(page)
            rest_has_body = body_after[i]
            if not (
                dup_title
                or confirmed_lead
                or (not rest_has_body and _alternation_continues(page, i))
            ):
                stopped_by_body = True
                break
            confirmed_lead = True
        elif members == [h] and _media_box(page[h].text) and page.next(i) is None:
            pass  # "VIDEO ĐANG ĐƯỢC QUAN TÂM" closing the page: the video's blurb under it
        else:
            stopped_by_body = True
            break
        members.append(i)
        tentative.append(i)
    if stopped_by_body and tentative and tentative[-1] == members[-1] and tentative[-1] in titles:
        others = members[1:-1]
        pre_decided = bool(others) and all(m not in tentative for m in others)
        gaps = [page.blank_between(a, b) for a, b in zip(members, members[1:], strict=False)]
        blank_break = len(gaps) >= 2 and not any(gaps[:-1]) and gaps[-1]
        teasers = [m for m in tentative[:-1] if m in titles]
        last_n = len(words(page[tentative[-1]].text))
        shorter = (
            bool(teasers)
            and last_n <= 8
            and all(len(words(page[m].text)) >= last_n + 3 for m in teasers)
        )
        if pre_decided or blank_break or confirmed_lead or shorter:
            tentative.pop()  # a subheading of the resumed body, not a teaser
    for m in tentative:
        page.decide(m, "related-item")


def _media_box(text: str) -> bool:
    return heading_key(text).startswith(("video ", "clip "))


def glued_lists(page: Page) -> None:
    """Two or more titles glued to their leads' datelines in a row are a list of other
    stories, whatever its heading; a short line right above the list ("Du lịch", "Đang được
    quan tâm") is its heading."""
    run: list[int] = []
    for i in [*page.open_indices(), None]:
        if i is not None and glued_dateline(page[i].text):
            if run and page.next(run[-1]) != i:
                run = []
            run.append(i)
            continue
        if len(run) >= 2:
            h = page.prev(run[0])
            if h is not None and page[h].kind is None and h != page.title_idx:
                t = page[h].text
                if len(words(t)) <= 5 and is_title_like(t) and not byline_like(t):
                    page.decide(h, "related-heading")
            for k in run:
                page.decide(k, "related-item")
        run = []


def _boxed_link(text: str) -> bool:
    return strip_trailing_label(text) != text


def teasers_without_heading(page: Page, title_idx: int | None) -> None:
    """Teaser leads ("... ...") after link lines, and title-shown-twice teaser lists."""
    for i, ln in enumerate(page.lines):
        if ln.kind is None and ends_with_ellipsis(ln.text) and len(words(ln.text)) <= 80:
            p = page.prev(i)
            # a "<headline>ĐỌC NGAY" box is the whole link: the paragraph under it is body
            if p is not None and page[p].kind in LINK_REASONS and not _boxed_link(page[p].text):
                page.decide(i, "teaser-lead")
    pairs: list[tuple[int, int]] = []
    for i, ln in enumerate(page.lines):
        if ln.kind is not None or i == title_idx or not is_title_like(ln.text):
            continue
        if len(words(ln.text)) < 3:
            continue
        j = page.next(i)
        if j is not None and key(page[j].text) == key(ln.text):
            pairs.append((i, j))
    if len(pairs) < 2:
        return
    for i, j in pairs:
        page.decide(i, "teaser-pair")
        page.decide(j, "teaser-pair")
        k = page.next(j)
        if (
            k is not None
            and len(words(page[k].text)) <= 80
            and (ends_with_ellipsis(page[k].text) or is_sentence(page[k].text, 1))
        ):
            page.decide(k, "teaser-lead")


_TEASER_REASONS = frozenset({"related-item", "teaser-pair", "link-line", "read-more"})


def teaser_title_copies(page: Page) -> None:
    """A headline-shaped line that repeats the title of a teaser removed elsewhere on the page
    is that link again (an inline "related story" box above the byline). Only headline shapes
    count: a prose paragraph is never removed because a teaser quotes it."""
    heads = (strip_trailing_label(ln.text) for ln in page.lines if ln.kind in _TEASER_REASONS)
    teasers = {key(t) for t in heads if is_title_like(t) and len(words(t)) >= 5}
    for i, ln in enumerate(page.lines):
        headline = is_title_like(ln.text) and not is_prose(ln.text)
        if ln.kind is None and i != page.title_idx and headline and key(ln.text) in teasers:
            page.decide(i, "related-item")


def copies_inside_box(page: Page) -> None:
    """A teaser's lead printed again inside its own box (the box repeats its cards): a line
    repeating a removed teaser (maybe run on by a broken scrape), with the box's lines on both
    sides of it. Elsewhere a copy may be the story's paragraph that a teaser quotes, and
    stays."""
    openings = {
        tuple(key(ln.text).split()[:_COPY_OPENING])
        for ln in page.lines
        if ln.kind in _TEASER_REASONS and len(words(ln.text)) >= _COPY_MIN_WORDS
    }
    lead = page.lead()  # never decided here, so it stays the lead
    for i, ln in enumerate(page.lines):
        if ln.kind is not None or i in (page.title_idx, lead):
            continue
        ws = key(ln.text).split()
        if any(tuple(ws[: len(o)]) == o for o in openings) and _inside_box(page, i):
            page.decide(i, "related-item")


_COPY_MIN_WORDS, _COPY_OPENING = 5, 12  # the same opening words: the same card


_BOX_REASONS = _TEASER_REASONS | {"duplicate-line", "repeated-caption"}


def _inside_box(page: Page, i: int) -> bool:
    """Both neighbours of the line are a related box's (a teaser, or a copy of one)."""
    p, n = page.prev(i), page.next(i, undecided=False)
    return p is not None and n is not None and {page[p].kind, page[n].kind} <= _BOX_REASONS


_CARD_MAX_LINES = 4  # two story cards: headline, lead, headline, lead


def _card_headline(text: str) -> bool:
    return (
        _CARD_TITLE_MIN_WORDS <= len(words(text)) <= 25
        and is_title_like(text)
        and sentence_count(text) == 1
        and not byline_like(text)
    )


def _card_lead(text: str) -> bool:
    return is_prose(text) and sentence_count(text) <= 2 and len(words(text)) <= _CARD_LEAD_MAX_WORDS


def card_between_lists(page: Page) -> None:
    """One or two story cards (a headline, maybe with its lead) standing between two lists of
    other stories are more of them (a "Tin liên quan" box under a story line leaves its cards
    between the two): the body never resumes for a headline and a lead between two link lists.
    A date under a teaser is part of it."""

    def linked(i: int | None, step: int) -> bool:
        while i is not None and page[i].kind == "timestamp":
            i = page.prev(i) if step < 0 else page.next(i, undecided=False)
        return i is not None and page[i].kind in LINK_REASONS

    for i in page.open_indices():
        if i == page.title_idx or page[i].kind is not None or not linked(page.prev(i), -1):
            continue
        cards = [i]
        while (n := page.next(cards[-1], undecided=False)) is not None and page[n].kind is None:
            cards.append(n)
            if len(cards) > _CARD_MAX_LINES:
                break
        if len(cards) > _CARD_MAX_LINES or not linked(page.next(cards[-1], undecided=False), 1):
            continue
        shapes = ["h" if _card_headline(page[k].text) else "l" if _card_lead(page[k].text) else "?"
                  for k in cards]  # fmt: skip
        if shapes[0] != "h" or "?" in shapes or "ll" in "".join(shapes):
            continue
        for k in cards:
            page.decide(k, "related-item")


_CARD_TITLE_MIN_WORDS = 8  # a headline; the last subheading of a story is shorter
_CARD_LEAD_MAX_WORDS = 60


def _question_headline(text: str) -> bool:
    """A headline asking a question ("..., cao hay thấp?"): one sentence ending on "?"."""
    return text.rstrip(" ”\"’'").endswith("?") and sentence_count(text) == 1


def read_on_card(page: Page) -> None:
    """A story card closing the page: another story's headline and its lead, then the card's
    own links ("Đọc tiếp", "Xem tiếp Về trang Chủ đề") with nothing of the page after them. A
    "read on" link with nothing to read below it leads away from the page: the headline and
    lead above it are that other story's, not the end of this one."""
    last = max((i for i, ln in enumerate(page.lines) if ln.kind != BLANK), default=None)
    if last is None or page[last].kind in NOT_REMOVED or not closes_with_read_on(page[last].text):
        return
    lead = page.prev(last)
    if lead is None or page[lead].kind is not None:
        return
    t = page[lead].text
    if not is_prose(t) or sentence_count(t) > 2 or len(words(t)) > _CARD_LEAD_MAX_WORDS:
        return
    head = page.prev(lead)
    if head is None or page[head].kind is not None or head == page.title_idx:
        return
    h = page[head].text
    if (
        len(words(h)) < _CARD_TITLE_MIN_WORDS
        or not is_title_like(h)
        or (is_sentence(h) and not _question_headline(h))
        or byline_like(h)
        or h.endswith((":", ",", ";"))
    ):
        return
    page.decide(head, "related-item")
    page.decide(lead, "related-item")


_NEXT_PART_MAX_LINES = 2


def _prev_printed(page: Page, i: int) -> int | None:
    """The previous line with text, a rule line too (read as a blank by the other steps)."""
    p = page.prev(i)
    for j in range(i - 1, -1 if p is None else p, -1):
        if page[j].kind == BLANK and SEPARATOR_RE.match(page[j].text):
            return j
    return p


def next_part_teaser(page: Page) -> None:
    """A series closes an instalment with a teaser of the next one: a rule line ("-----"), a
    sentence or two about the next part, then "Kỳ tới: <its title>". Those lines, the rule
    line with them, are not this part's text."""
    for i, ln in enumerate(page.lines):
        if ln.kind != "read-more" or not NEXT_PART_RE.match(ln.text):
            continue
        run: list[int] = []
        p = _prev_printed(page, i)
        while p is not None and page[p].kind is None and not SEPARATOR_RE.match(page[p].text):
            run.append(p)
            p = _prev_printed(page, p)
        if p is None or not SEPARATOR_RE.match(page[p].text) or not run:
            continue
        if len(run) > _NEXT_PART_MAX_LINES or any(sentence_count(page[k].text) > 2 for k in run):
            continue  # the body goes on under the rule line
        for k in [p, *run]:
            page.decide(k, "next-part-teaser")


def comments_section(page: Page) -> None:
    """A readers' comment block ("Bình luận (24)" then names, comments, "Thích Trả lời") after
    the body: everything undecided below its heading is comments, not article text."""
    prose = [i for i, ln in enumerate(page.lines) if ln.kind is None and is_prose(ln.text)]
    for c, ln in enumerate(page.lines):
        heading = COMMENTS_HEAD_RE.match(ln.text.strip(" :."))
        if ln.kind is None or ln.kind in NOT_REMOVED or not heading:
            continue
        before = sum(i < c for i in prose)
        after = len(prose) - before
        chrome = any(
            (len(words(page[k].text)) <= 8 and COMMENT_CHROME_RE.search(page[k].text))
            or (len(words(page[k].text)) <= 20 and COMMENT_FORM_RE.search(page[k].text))
            for k in range(c + 1, len(page))
        )
        commenters = after > 0 and all(
            (p := page.prev(i)) is not None and is_names_line(page[p].text) for i in prose if i > c
        )
        if before >= 2 and (chrome or commenters):
            for k in range(c + 1, len(page)):
                if page[k].kind in LINK_REASONS and page[k].kind != "related-heading":
                    break  # the comments end where a list of other stories begins (a "Mới
                    # nhất" sort tab over the comments reads like a heading: not an end)
                page.decide(k, "comments")
            return


_LONE_MIN_WORDS = 20  # subheadings are shorter; another story's headline often is not


_REPEATED_LEAD_MIN_WORDS = 20
_REPEATED_LEAD_WITHIN = 3  # open lines under the lead


def repeated_lead(page: Page) -> None:
    """Some pages print the sapo twice: above the story and again as its first paragraph. A
    paragraph among the first under the lead that is the lead word for word (20+ words: not a
    short sentence the article says twice) is that copy; further down, a repeat is the
    article's own recap and stays."""
    lead = page.lead()
    if lead is None or len(words(page[lead].text)) < _REPEATED_LEAD_MIN_WORDS:
        return
    k = key(page[lead].text)
    i = page.next(lead)
    for _ in range(_REPEATED_LEAD_WITHIN):  # the story's first paragraphs, not a recap below
        if i is None:
            return
        if key(page[i].text) == k:
            page.decide(i, "duplicate-line")
            return
        i = page.next(i)


def lead_teaser(page: Page) -> None:
    """A long headline right under the lead, about something the paragraph under it does not
    take up, is the inline link to another story that sites set below the sapo, not a
    subheading: a subheading is short and introduces the text under it. Runs after the
    captions, so a lead photo's caption is already decided where it can be. Two to four such
    headlines in a row are ``links_under_lead``'s."""
    lead = page.lead()
    i = None if lead is None else page.next(lead, undecided=False)
    if i is None or page[i].kind is not None or i in page.rows:
        return
    t = page[i].text
    if len(words(t)) < _LONE_MIN_WORDS or not _linked_headline(t):
        return
    n = page.next(i, undecided=False)
    if n is None or page[n].kind is not None or not is_paragraph(page[n].text):
        return
    if same_opening([t, page[n].text]):
        return  # "Đài ... có chương trình ..." row after row: a list in the text
    if coherence(t, topic_words(page[n].text)) <= 0.25:  # else it introduces the paragraph
        page.decide(i, "related-item")


_INLINE_MIN_WORDS, _INLINE_MAX_WORDS = 12, 30  # a subheading is often shorter
_INLINE_MAX_COHERENCE = 0.6
_INLINE_MAX_BELOW = 0.25  # as under the lead (``lead_teaser``)
_INLINE_MAX_COMMAS = 2
# a capitalised word right after these starts a clause, not a name ("Trận 2 - Sai lầm ...")
_INLINE_TOLD_RE = re.compile(r"\b(?:đã|đang|sẽ|sau khi|trước khi|vì|bởi|rằng|nhưng|thì)\b", re.I)
_REGION_WORDS = frozenset({"Nam", "Bắc", "Trung", "Đông", "Tây"})
_CLAUSE_OPENERS = ("-", "–", "—", ":", "“", '"', "‘", "'", "(")


def _new_names(text: str, page_text: str) -> list[str]:
    """Capitalised words inside a line (a name, not a clause's first word) that the rest of the
    page never prints."""
    toks = words(text)
    found = []
    for k in range(1, len(toks)):
        w = toks[k].strip(".,;:!?“”\"'‘’()")
        if w[:1].isupper() and not toks[k - 1].endswith(_CLAUSE_OPENERS) and w not in page_text:
            if w in _REGION_WORDS:
                continue  # "phía Nam", "miền Bắc": a region, written capitalised
            found.append(w)
    return found


def inline_teasers(page: Page) -> None:
    """Another story's headline set alone between two paragraphs of the body (an inline "related"
    link whose label the scraper dropped): a headline's shape (one clause or two, no end
    punctuation, no label), little in common with the page, and a name the story never
    mentions (a subheading announces what the text under it tells, in its words). Runs after
    the captions, so a picture's caption is decided where it can be."""
    if page.hard_wrapped or page.title_idx is None:
        return  # in text wrapped at a fixed width a paragraph's lines look like headlines
    lead = page.lead()  # never one of the lines decided here
    for i in page.open_indices():
        t = page[i].text
        if i == page.title_idx or i in page.rows or i == lead:
            continue
        if not _INLINE_MIN_WORDS <= len(words(t)) <= _INLINE_MAX_WORDS or not _linked_headline(t):
            continue
        if _INLINE_TOLD_RE.search(t):
            continue  # aspect and connectives: the text telling, which a headline leaves out
        if ":" in t or t.count(",") > _INLINE_MAX_COMMAS or PROSE_START_RE.match(t):
            continue  # "Nhập khẩu bởi: X", a list of streets, "Theo ..., ...": the text's own
        p = next((k for k in range(i - 1, -1, -1) if page[k].kind is None), None)
        n = page.next(i)  # the open text around it: paragraphs (a caption may stand between)
        if p is None or n is None or not all(is_paragraph(page[k].text) for k in (p, n)):
            continue
        if coherence(t, topic_words(page[n].text)) > _INLINE_MAX_BELOW:
            continue  # a subheading: it introduces the paragraph under it
        rest = " ".join(
            ln.text for k, ln in enumerate(page.lines) if k != i and ln.kind in (None, TITLE)
        )
        if coherence(t, topic_words(rest)) > _INLINE_MAX_COHERENCE:
            continue
        head = re.split(r"\s[-–—]\s", t)[0]  # "TS Nguyễn Văn A - Học viện X": a signature
        if person_title_parts(t) is not None or is_full_name(head) or is_titled_name(head):
            continue
        if _new_names(t, rest):
            page.decide(i, "related-item")


def _linked_headline(t: str) -> bool:
    """A headline's shape: one sentence, no end punctuation, no list row."""
    if not is_title_like(t, 40) or is_prose(t):
        return False
    return t[-1:].isalnum() and sentence_count(t) <= 1 and not LIST_ITEM_RE.match(t)


_UNDER_LEAD_MIN, _UNDER_LEAD_MAX = 2, 4
_UNDER_LEAD_WORDS = 8
_UNDER_LEAD_MAX_COHERENCE = 0.25


def links_under_lead(page: Page) -> None:
    """Two to four headlines in a row right under the lead, none about the page's story (each
    shares a quarter of its topic words or less with the title and lead, and with the
    paragraph under them), with the text resuming below: the links to other stories a site
    sets below the sapo. A subheading stands alone and introduces the paragraph under it."""
    lead = page.lead()
    if lead is None or page.title_idx is None or page.hard_wrapped:
        return  # in text wrapped at a fixed width a paragraph's lines look like headlines
    if page[lead].text.rstrip().endswith(":"):
        return  # a list the lead announces ("... gồm:")
    ref = topic_words(page[page.title_idx].text + " " + page[lead].text)
    run, k = [], page.next(lead, undecided=False)
    while k is not None and page[k].kind is None and _box_headline(page[k].text, _UNDER_LEAD_WORDS):
        run.append(k)
        k = page.next(k, undecided=False)
    if not _UNDER_LEAD_MIN <= len(run) <= _UNDER_LEAD_MAX:
        return
    if k is None or page[k].kind is not None or not is_paragraph(page[k].text):
        return
    if len({words(page[r].text)[0].casefold() for r in run}) < len(run):
        return  # rows sharing their opening word are a list's
    below = topic_words(page[k].text)
    if all(
        coherence(page[r].text, ref) <= _UNDER_LEAD_MAX_COHERENCE
        and coherence(page[r].text, below) <= _UNDER_LEAD_MAX_COHERENCE
        for r in run
    ):
        for r in run:
            page.decide(r, "related-item")


_TAG_MAX_WORDS = 6


def tag_lists(page: Page) -> None:
    """The keywords under a tags label ("Từ khoá:" then "núi Thái Sơn", "chen hàng", one per
    line): short lines without sentence punctuation, up to the first line that is not one."""
    for i, ln in enumerate(page.lines):
        label = ln.text.rstrip().endswith(":") or heading_key(ln.text) in TAG_LABELS
        if ln.kind != "tags" or not label:
            continue
        k = page.next(i)
        while k is not None:
            pieces = [t for _, t in page[k].pieces()]  # keywords one per line may have been
            if any(  # joined (a keyword may start in lowercase)
                len(words(t)) > _TAG_MAX_WORDS or t.endswith((".", "!", "?", ":", ";"))
                for t in pieces
            ):
                break
            if page.next(i, undecided=False) != k and page[k - 1].kind not in (None, "tags", BLANK):
                break
            page.decide(k, "tags")
            k = page.next(k)


def glued_topic_link(page: Page) -> None:
    """ "... một lớp.Sự kiện:" / "Tư vấn thời trang công sở": a topic label glued to a
    paragraph's end, then one short headline-shaped line: the site's event link (the label
    stays in the paragraph: it is printed inside the sentence's line)."""
    for i in page.open_indices():
        if not ends_with_topic_label(page[i].text):
            continue
        k = page.next(i)
        if k is not None and is_title_like(page[k].text, _TAG_MAX_WORDS + 2):
            page.decide(k, "tags")


_HEAD_TAG_MIN_ITEMS = 3
_HEAD_TAG_MAX_WORDS = 6


def header_tag_row(page: Page) -> None:
    """A tag row in the article's header, with no label ("Chủ tịch nước, Phó Thủ tướng, Chính
    phủ" right above the timestamp): three or more short comma-separated keywords, no sentence
    punctuation, between the title and the first paragraph, next to the timestamp. Not a list
    of writers (every item a person's name)."""
    title = page.title_idx
    if title is None:
        return
    k = page.next(title, undecided=False)
    while k is not None and page[k].kind != "timestamp":
        t = page[k].text
        if page[k].kind is None and is_prose(t):
            return  # the story has begun: no header left
        k = page.next(k, undecided=False)
    if k is None:
        return
    for j in (page.prev(k), page.next(k)):
        if j is None or j <= title or page[j].kind is not None:
            continue
        t = page[j].text
        items = [x.strip() for x in t.split(",")]
        if len(items) < _HEAD_TAG_MIN_ITEMS or t.rstrip().endswith((".", "!", "?", ":", ";")):
            continue
        if any(not key(x) or len(key(x).split()) > _HEAD_TAG_MAX_WORDS for x in items):
            continue
        if all(is_names_line(x) for x in items):
            continue  # "Nguyễn A, Trần B, Lê C": the writers
        page.decide(j, "tags")


def table_of_contents(page: Page) -> None:
    """A contents list ("Mục lục" then the article's subheadings, each repeated further down as
    the subheading itself): the heading and the entries that repeat a later line go."""
    later: list[str] = []  # every line's key, made only once a contents heading is found
    for i, ln in enumerate(page.lines):
        if ln.kind is not None or heading_key(ln.text) not in TOC_HEADINGS:
            continue
        later = later or [key(x.text) for x in page.lines]
        entries = []
        k = page.next(i)
        while k is not None and key(page[k].text) in later[k + 1 :]:
            entries.append(k)
            k = page.next(k)
        if len(entries) >= 2:
            page.decide(i, "table-of-contents")
            for k in entries:
                page.decide(k, "table-of-contents")


_BOX_MIN_LINES = 3
_BOX_MIN_WORDS, _BOX_MAX_WORDS = 10, 35


def _box_headline(text: str, least: int = _BOX_MIN_WORDS) -> bool:
    """Another story's headline as a link box prints it: 10-35 words, no full stop, not a
    list's row (no marker, no number first)."""
    n = len(words(text))
    return (
        least <= n <= _BOX_MAX_WORDS
        and (is_title_like(text, _BOX_MAX_WORDS) or quoted_headline(text))
        and not text.rstrip(' ”"’»').endswith((".", "!", ":"))
        and not LIST_ITEM_RE.match(text)
        and not text[:1].isdigit()
    )


def inline_link_box(page: Page) -> None:
    """A box of links to other stories set inside the article (three or more long headlines in
    a row, no text under any of them, between two paragraphs): "related-item". A subheading
    has its text under it, verse has shorter lines, and a list the story announces follows a
    colon or repeats its opening word."""
    i = 0
    while i < len(page):
        run, k = [], i
        while k is not None and page[k].kind is None and _box_headline(page[k].text):
            run.append(k)
            k = page.next(k, undecided=False)
        if len(run) < _BOX_MIN_LINES:
            i += 1
            continue
        before, after = page.prev(run[0]), k
        firsts = {words(page[r].text)[0].casefold() for r in run}
        if (
            page.open_prose(before)
            and page.open_prose(after)
            and not page[before].text.rstrip().endswith(":")
            and len(firsts) == len(run)
        ):
            for r in run:
                page.decide(r, "related-item")
        i = run[-1] + 1


_RUN_MIN_WORDS = 6


def related_run(page: Page) -> None:
    """The rest of an inline box of related links, one of which a step already took (a copy of
    another teaser's title): two or more headline-shaped lines (6-35 words, no full stop)
    right under it, with a paragraph under them: "related-item". One line alone there may be
    a subheading and stays."""
    for i, ln in enumerate(page.lines):
        if ln.kind != "related-item":
            continue
        run, k = [], page.next(i, undecided=False)
        while k is not None and page[k].kind is None:
            if not _box_headline(page[k].text, _RUN_MIN_WORDS):
                break
            run.append(k)
            k = page.next(k, undecided=False)
        if len(run) >= 2 and page.open_prose(k):
            for r in run:
                page.decide(r, "related-item")


_LABEL_MAX_WORDS = 4
_LABEL_MIN_COPIES = 3


def repeated_media_labels(page: Page) -> None:
    """A short label printed three or more times, each time after a paragraph and with no text
    of its own under it (the next line is a heading or nothing): the heading of a video or
    gallery the scraper dropped ("Trailer phim" under each film's paragraphs): "media-label".
    A subheading repeated per section ("Cách làm") has its paragraph under it and stays; so
    does a label announcing text (a colon: "Trả lời:")."""
    spots: dict[str, list[int]] = {}
    for i, ln in enumerate(page.lines):
        t = ln.text
        if ln.kind is not None or i == page.title_idx or len(words(t)) > _LABEL_MAX_WORDS:
            continue
        if t.rstrip().endswith((":", ".", "?", "!")) or any(c.isdigit() for c in t):
            continue
        spots.setdefault(key(t), []).append(i)
    for found in spots.values():
        if len(found) < _LABEL_MIN_COPIES:
            continue
        empty = all(
            (p := page.prev(i)) is not None
            and is_paragraph(page[p].text)
            and ((n := page.next(i, undecided=False)) is None or not is_paragraph(page[n].text))
            for i in found
        )
        if empty:
            for i in found:
                page.decide(i, "media-label")
