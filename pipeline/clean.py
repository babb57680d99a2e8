"""Boilerplate cleaner: scraped article text -> body paragraphs + metadata (pure, no I/O).

How a line is judged, in order (each step only looks at lines no earlier step decided):

1. Header: leading `` date YYYY-MM-DD `` lines give the published date (metadata, not body).
2. Context-free rules per line (``pipeline.clean_rules``): image file names, URL slugs (the
   article's own slug in ASCII, alone or as a prefix on a link line), timestamps, "Theo dõi ...
   trên" lines, related-link headings, share/comment/copyright/tag chrome, "Xem thêm: ..."
   pointers, "[Video] ..." teasers, photo captions that carry a credit ("Ảnh: X", "(Nguồn: X)"),
   rating widgets ("Bạn thấy bài viết thế nào?"), long-form credits blocks ("Nội dung: X",
   "Bài: X - Ảnh: Y - Thiết kế: Z"; the writer is the author when no byline names one).
3. Title: the first remaining line (section labels / a lone outlet name above it are skipped;
   so is any short label of at most 8 words over a headline at least 3 words longer).
   It is a *lead* when it ends with a period or runs past 30 words: then it is kept as the first
   body paragraph too, and the title is its first sentence without the period, cut at the last
   comma within 30 words (or at 30 words + "…") when longer. Otherwise it is a headline: title
   only ("?"/"!" endings are headlines).
4. Related blocks: after a heading such as "Tin liên quan" / "Đọc thêm", teaser titles, their
   repeated copies and their lead lines are removed until the body resumes, i.e. until two
   prose paragraphs follow each other (a whole-quotation paragraph counts as prose; a subheading
   just before that is given back to the body when the block's own teasers look different from
   it, e.g. are 3+ words longer). A lone outlet name below the headline over a teaser title
   ("Thanh Niên" logo text of an embedded link box) opens such a block too.
5. Context rules: teaser leads ending in "..." after a link, uncredited captions right after an
   image slug/file line, captions repeated elsewhere, lines that are only a person and titles
   (portrait caption, or pull-quote attribution after a quote), long credited lines that repeat
   a body paragraph, duplicate lines ("Chủ tịch Quốc hội Trần Thanh Mẫn": office words, then
   the name, is a person line too; after a quote, any role words then a full name, e.g.
   "Nghệ nhân nhân dân Lê Minh Tâm", is an attribution).
6. Position rules: a readers' comment heading ("Bình luận (24)", "Ý kiến bạn đọc") after the
   body, followed by comment chrome ("Thích Trả lời") or by commenter-name + comment pairs, cuts
   everything below it; after the last prose paragraph a short name line is the byline and what
   follows it is page furniture; a name line between the headline and the body is a byline too;
   a bare name mid-body is a photo credit, and an uncredited caption-like line above it goes
   with it (unless the next paragraph names that person: a profile subheading). A bare outlet
   name ("TTXVN") closing the article is a source credit.
7. Outlet datelines ("TPO -", "(Dân trí) -", "VOV.VN -", "HÀ NỘI -") are cut from the start of
   the first body paragraphs; a known abbreviation gives the outlet name, an unknown one is kept
   raw, a place ("HÀ NỘI") gives none. Without a dateline, a Vietnamese outlet credited by the
   byline ("Hòa Bình (theo TTXVN)", "Theo VOV") is the outlet; foreign agencies are not.
8. Published date: the header, else a timestamp line, else the lead's event date ("Sáng
   1/12/2025"); a year is never guessed ("Sáng 1/12" gives None unless 1/12/YYYY is written
   elsewhere in the article, captions included).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pipeline import clean_rules as R
from pipeline import dates
from pipeline.article import CleanArticle, RemovedLine

_BLANK, _META, _TITLE = "blank", "meta", "title"
_NOT_REMOVED = {None, _BLANK, _META, _TITLE}
_LINK_KINDS = {"related-links", "read-more"}
_IMAGE_KINDS = {"url-slug", "image-filename"}
_CLOSING_QUOTES = ("”", '"', "»", "’")
_LEAD_MIN_WORDS = 30  # a first line longer than this is a lead paragraph even without a period
_TITLE_MAX_WORDS = 30


def _is_quote(text: str) -> bool:
    """A quoted paragraph: ends with a closing quote (maybe then a period) or opens with one."""
    return text.rstrip(" .").endswith(_CLOSING_QUOTES) or text.startswith(("“", '"', "«"))


@dataclass
class _Line:
    no: int  # 1-based input line number
    text: str  # normalised text
    kind: str | None = None  # None: still body; else blank/meta/title or a removal reason


# --------------------------------------------------------------------------- navigation helpers


def _next(lines: list[_Line], i: int, undecided: bool = True) -> int | None:
    """Index of the next non-blank line after i (only undecided ones when asked)."""
    for j in range(i + 1, len(lines)):
        kind = lines[j].kind
        if kind == _BLANK or (undecided and kind is not None):
            continue
        return j
    return None


def _prev(lines: list[_Line], i: int) -> int | None:
    """Index of the previous non-blank, non-meta line."""
    for j in range(i - 1, -1, -1):
        if lines[j].kind not in (_BLANK, _META):
            return j
    return None


def _split_lines(text: str) -> list[str]:
    """Split like an editor counts lines (\\r\\n, \\r, \\n), not on form feeds or U+2028."""
    parts = re.split(r"\r\n|\r|\n", text)
    if parts and parts[-1] == "":
        parts.pop()
    return parts


# --------------------------------------------------------------------------- step 1-2: local


def _read_headers(lines: list[_Line]) -> str | None:
    """Consume leading " date YYYY-MM-DD " header lines; return the date they give."""
    published = None
    for ln in lines:
        if ln.kind == _BLANK:
            continue
        iso = dates.parse_header(ln.text)
        if iso is None and not re.match(r"^date\s+\S+$", ln.text, re.IGNORECASE):
            break
        ln.kind = _META
        published = published or iso
    return published


def _slug_context(lines: list[_Line]) -> tuple[dict[str, int], str]:
    """How often each leading slug run occurs, and the folded first line (likely the title)."""
    counts: dict[str, int] = {}
    first = ""
    for ln in lines:
        if ln.kind is not None:
            continue
        first = first or R.fold(ln.text)
        run = R.slug_run(ln.text)
        if R.slug_size(run) >= 3:
            k = " ".join(run)
            counts[k] = counts.get(k, 0) + 1
    return counts, first


def _slug_reason(text: str, counts: dict[str, int], title_fold: str) -> str | None:
    run = R.slug_run(text)
    size = R.slug_size(run)
    if size < 3:
        return None
    rest = text.split(maxsplit=len(run))[len(run) :]
    if not rest:
        return "url-slug"
    k = " ".join(run)
    folded = R.fold(k)
    sluggy = (
        counts.get(k, 0) >= 2 or size >= 4 or (title_fold.startswith(folded) and len(folded) >= 10)
    )
    if not sluggy or not (rest[0][:1].isupper() or R.has_vietnamese(rest[0][:1])):
        return None
    remainder = rest[0]
    if R.split_credit(remainder)[1] is not None:
        return "photo-caption"
    return "related-links"


def _local_reason(text: str, counts: dict[str, int], title_fold: str) -> str | None:
    """Reason for lines that are boilerplate whatever surrounds them."""
    if R.is_image_filename_line(text):
        return "image-filename"
    if R.URL_RE.match(text):
        return "url"
    slug = _slug_reason(text, counts, title_fold)
    if slug:
        return slug
    if dates.is_timestamp_line(text):
        return "timestamp"
    if R.is_follow_us(text):
        return "follow-us"
    if R.parse_credits(text) is not None and not _byline_like(text):
        return "credits"  # a byline-shaped "Bài và ảnh: X" is left to the byline step
    if R.is_related_heading(text):
        return "related-links"
    footer = R.footer_reason(text)
    if footer:
        return footer
    if R.is_read_more(text):
        return "read-more"
    if R.is_teaser_tag(text):
        return "related-links"
    if R.is_caption_only(text):
        return "photo-caption"
    before, credit = R.split_credit(text)
    if credit is not None and len(R.words(before)) <= 60 and R.sentence_count(before) <= 2:
        return "photo-caption"
    return None


# --------------------------------------------------------------------------- step 3: title


def _is_lead(text: str) -> bool:
    """A first line that is a lead paragraph rather than a headline (see module docstring)."""
    bare = text.rstrip('”"’»)] ')
    return len(R.words(text)) > _LEAD_MIN_WORDS or (
        bare.endswith(".") and not R.ends_with_ellipsis(text)
    )


def _title_from_lead(text: str) -> str:
    """First sentence of a lead, without its period; over 30 words it is cut at a comma."""
    ends = R.sentence_ends(text)
    first = text[: ends[0]] if ends else text
    first = first.strip().rstrip(".").strip()
    toks = R.words(first)
    if len(toks) <= _TITLE_MAX_WORDS:
        return first
    head = " ".join(toks[:_TITLE_MAX_WORDS])
    cut = head.rfind(",")
    if cut > 0 and len(R.words(head[:cut])) >= 8:
        return head[:cut].strip()
    return head + "…"


def _section_above(lines: list[_Line], i: int) -> bool:
    """A short label over the real headline is a section name the page printed above it: the
    next line is a clearly longer headline (not a lead, not a byline)."""
    a = lines[i].text
    if len(R.words(a)) > 8 or a.endswith((".", "?", "!", ":", "…")) or _is_quote(a):
        return False
    if _is_lead(a) or _byline_like(a):
        return False
    j = _next(lines, i)
    if j is None:
        return False
    b = lines[j].text
    return (
        not _is_lead(b)
        and R.is_title_like(b)
        and not _byline_like(b)
        and len(R.words(b)) >= len(R.words(a)) + 3
    )


def _pick_title(lines: list[_Line]) -> tuple[int | None, bool]:
    """(index of the title line, whether it is a lead paragraph kept as body)."""
    for i, ln in enumerate(lines):
        if ln.kind == "related-links" and R.is_teaser_tag(ln.text):
            ln.kind = _TITLE  # "[Video] ..." above everything else is this article's headline
            return i, False
        if ln.kind is not None:
            continue
        if R.is_breadcrumb(ln.text) or R.outlet_name(ln.text) or _section_above(lines, i):
            ln.kind = "breadcrumb"
            continue
        lead = _is_lead(ln.text)
        if not lead:
            ln.kind = _TITLE
        return i, lead
    return None, False


# --------------------------------------------------------------------------- step 4: blocks


def _outlet_headings(lines: list[_Line], title_idx: int | None) -> list[int]:
    """A lone outlet name below the headline over a teaser title is a related-story box
    ("Thanh Niên" / "VnExpress" logo text above an embedded link)."""
    found: list[int] = []
    if title_idx is None:
        return found
    for i in range(title_idx + 1, len(lines)):
        ln = lines[i]
        if ln.kind is not None or len(R.words(ln.text)) > 3 or not R.outlet_name(ln.text):
            continue
        if sum(c.isupper() for c in ln.text) < 2 and " " in ln.text:
            continue  # "Lao động", "Tuổi trẻ": ordinary words (a subheading), not a logo
        j = _next(lines, i)
        if j is not None and R.is_title_like(lines[j].text) and not _byline_like(lines[j].text):
            ln.kind = "related-links"
            found.append(i)
    return found


def _body_run(lines: list[_Line], i: int) -> bool:
    """Body has resumed at i: two prose paragraphs in a row (teaser lists never do that); a
    paragraph that is one long quotation counts as prose."""

    def prose(t: str) -> bool:
        quoted = t.startswith(("“", '"', "«")) and t.rstrip(" .").endswith(_CLOSING_QUOTES)
        return R.is_sentence(t, 12) or (quoted and len(R.words(t)) >= 12)

    if not prose(lines[i].text):
        return False
    j = _next(lines, i)
    return j is not None and prose(lines[j].text)


def _byline_like(text: str) -> bool:
    return R.parse_byline(text) is not None


def _blank_between(lines: list[_Line], a: int, b: int) -> bool:
    return any(lines[k].kind == _BLANK for k in range(a + 1, b))


def _alternation_continues(lines: list[_Line], i: int) -> bool:
    """After a candidate teaser lead: another teaser title follows, then more teaser text."""
    k = _next(lines, i)
    if k is None or not R.is_title_like(lines[k].text) or _byline_like(lines[k].text):
        return False
    k2 = _next(lines, k)
    return k2 is not None and (
        R.is_sentence(lines[k2].text, 1)
        or R.ends_with_ellipsis(lines[k2].text)
        or R.is_title_like(lines[k2].text)
    )


def _body_runs_after(lines: list[_Line]) -> list[bool]:
    """For each index, whether a body run starts strictly after it (linear, not per line)."""
    out = [False] * len(lines)
    seen = False
    for j in range(len(lines) - 1, -1, -1):
        out[j] = seen
        seen = seen or (lines[j].kind is None and _body_run(lines, j))
    return out


def _expand_block(lines: list[_Line], h: int) -> None:
    """Mark the teasers that follow a related-links heading at h."""
    members: list[int] = [h]  # heading + every line inside the block (decided or tentative)
    tentative: list[int] = []  # lines this block decides
    titles: set[int] = set()
    confirmed_lead = False
    stopped_by_body = False
    body_after: list[bool] | None = None
    i = h
    while True:
        nxt = _next(lines, i, undecided=False)
        if nxt is None:
            break
        i = nxt
        ln = lines[i]
        if ln.kind is not None:
            if ln.kind in _LINK_KINDS:
                members.append(i)
            continue
        t = ln.text
        prev_member = members[-1]
        if _byline_like(t) and not R.is_sentence(t, 1):
            break
        if _body_run(lines, i):
            stopped_by_body = True
            break
        if R.ends_with_ellipsis(t) and len(R.words(t)) <= 80:
            confirmed_lead = confirmed_lead or prev_member in titles
        elif R.is_title_like(t):
            titles.add(i)
        elif R.is_sentence(t, 1) and prev_member in titles and prev_member in tentative:
            before = members[-2] if len(members) >= 2 else None
            dup_title = before is not None and R.key(lines[before].text) == R.key(
                lines[prev_member].text
            )
            if body_after is None:  # computed once: this loop does not change any kind
                body_after = _body_runs_after(lines)
            rest_has_body = body_after[i]
            if not (
                dup_title
                or confirmed_lead
                or (not rest_has_body and _alternation_continues(lines, i))
            ):
                stopped_by_body = True
                break
            confirmed_lead = True
        else:
            stopped_by_body = True
            break
        members.append(i)
        tentative.append(i)
    if stopped_by_body and tentative and tentative[-1] == members[-1] and tentative[-1] in titles:
        others = members[1:-1]
        pre_decided = bool(others) and all(m not in tentative for m in others)
        gaps = [_blank_between(lines, a, b) for a, b in zip(members, members[1:], strict=False)]
        blank_break = len(gaps) >= 2 and not any(gaps[:-1]) and gaps[-1]
        teasers = [m for m in tentative[:-1] if m in titles]
        last_n = len(R.words(lines[tentative[-1]].text))
        shorter = (
            bool(teasers)
            and last_n <= 8
            and all(len(R.words(lines[m].text)) >= last_n + 3 for m in teasers)
        )
        if pre_decided or blank_break or confirmed_lead or shorter:
            tentative.pop()  # a subheading of the resumed body, not a teaser
    for m in tentative:
        lines[m].kind = "related-links"


# --------------------------------------------------------------------------- step 5: context


def _teasers_without_heading(lines: list[_Line], title_idx: int | None) -> None:
    """Teaser leads ("... ...") after link lines, and title-shown-twice teaser lists."""
    for i, ln in enumerate(lines):
        if ln.kind is None and R.ends_with_ellipsis(ln.text) and len(R.words(ln.text)) <= 80:
            p = _prev(lines, i)
            if p is not None and lines[p].kind in _LINK_KINDS:
                ln.kind = "related-links"
    pairs: list[tuple[int, int]] = []
    for i, ln in enumerate(lines):
        if ln.kind is not None or i == title_idx or not R.is_title_like(ln.text):
            continue
        if len(R.words(ln.text)) < 3:
            continue
        j = _next(lines, i)
        if j is not None and R.key(lines[j].text) == R.key(ln.text):
            pairs.append((i, j))
    if len(pairs) < 2:
        return
    for i, j in pairs:
        lines[i].kind = lines[j].kind = "related-links"
        k = _next(lines, j)
        if (
            k is not None
            and len(R.words(lines[k].text)) <= 80
            and (R.ends_with_ellipsis(lines[k].text) or R.is_sentence(lines[k].text, 1))
        ):
            lines[k].kind = "related-links"


_REPORTING_RE = re.compile(
    r"\b(?:cho biết|nói|khẳng định|nhấn mạnh|cho rằng|chia sẻ|yêu cầu|đề nghị|kiến nghị|"
    r"đề xuất|lưu ý|thông tin|đánh giá|nhận định|dự báo|theo đó|tuy nhiên|do đó|vì vậy)\b"
)
_PROSE_START_RE = re.compile(
    r"^(?:Theo|Tuy nhiên|Trong khi đó|Ngoài ra|Bên cạnh đó|Do|Vì|Nếu|Khi|Để|Với|Đây là|Đó là|"
    r"Như vậy|Trước đó|Sau đó|Cùng với|Trong|Tại|Hiện|Hiện nay|Năm|Từ|Mặc dù|Dù)\b"
)


def _caption_after_image(text: str) -> bool:
    """An uncredited line under an image placeholder that reads like a caption, not prose."""
    n = len(R.words(text))
    if n > 45 or R.sentence_count(text) > 2 or not text[:1].isupper():
        return False
    if re.search(r"[“”\";]", text) or _REPORTING_RE.search(text) or _PROSE_START_RE.match(text):
        return False
    return text.endswith(".") or n >= 12 or R.person_title_parts(text) is not None


def _containment(a: str, b: str) -> float:
    """Share of a's words found in b."""
    wa, wb = R.key(a).split(), set(R.key(b).split())
    return sum(w in wb for w in wa) / len(wa) if wa else 0.0


def _captions_in_context(lines: list[_Line]) -> None:
    for i, ln in enumerate(lines):
        if ln.kind is not None:
            continue
        p = _prev(lines, i)
        if p is not None and lines[p].kind in _IMAGE_KINDS and _caption_after_image(ln.text):
            ln.kind = "photo-caption"
    # long lines ending in a credit: a caption when they repeat another paragraph
    for i, ln in enumerate(lines):
        if ln.kind is not None:
            continue
        before, credit = R.split_credit(ln.text)
        if credit is None:
            continue
        for j, other in enumerate(lines):
            if j != i and other.kind is None and _containment(before, other.text) >= 0.8:
                ln.kind = "photo-caption"
                break
    caption_keys = {R.key(R.split_credit(ln.text)[0]) for ln in lines if ln.kind == "photo-caption"}
    caption_keys.discard("")
    for i, ln in enumerate(lines):
        if ln.kind is not None or len(R.words(ln.text)) > 45:
            continue
        k = R.key(R.split_credit(ln.text)[0])
        if k in caption_keys:
            ln.kind = "photo-caption"
            continue
        if R.person_title_parts(ln.text) is None:
            continue
        p = _prev(lines, i)
        after_quote = p is not None and _is_quote(lines[p].text)
        dashed = ln.text[:1] in "-–—"
        ln.kind = "quote-attribution" if (after_quote or dashed) else "photo-caption"


def _duplicates(lines: list[_Line], title_idx: int | None) -> None:
    """Keep the first of repeated lines (consecutive ones always, others when 6+ words)."""
    seen: dict[str, int] = {}
    if title_idx is not None:
        seen[R.key(lines[title_idx].text)] = title_idx
    for i, ln in enumerate(lines):
        if ln.kind is not None or i == title_idx:
            continue
        k = R.key(ln.text)
        if not k:
            continue
        p = _prev(lines, i)
        consecutive = p is not None and R.key(lines[p].text) == k
        if consecutive or (k in seen and len(R.words(ln.text)) >= 6):
            ln.kind = "duplicate-line"
            continue
        seen.setdefault(k, i)


# --------------------------------------------------------------------------- step 6: position

_COMMENTS_HEAD_RE = re.compile(
    r"^(?:bình luận|ý kiến(?: bạn đọc)?|ý kiến của bạn|bạn đọc bình luận)\s*(?:\(\s*\d+\s*\)|\d+)?$"
    r"|^\d+\s*(?:bình luận|ý kiến)$",
    re.IGNORECASE,
)
_COMMENT_CHROME_RE = re.compile(r"\btrả lời\b|\bthích\b.*\bchia sẻ\b", re.IGNORECASE)


def _comments_section(lines: list[_Line]) -> None:
    """A readers' comment block ("Bình luận (24)" then names, comments, "Thích Trả lời") after
    the body: everything undecided below its heading is comments, not article text."""
    prose = [i for i, ln in enumerate(lines) if ln.kind is None and _is_prose(ln.text)]
    for c, ln in enumerate(lines):
        if ln.kind in _NOT_REMOVED or not _COMMENTS_HEAD_RE.match(ln.text.strip(" :.")):
            continue
        before = sum(i < c for i in prose)
        after = len(prose) - before
        chrome = any(
            len(R.words(lines[k].text)) <= 8 and _COMMENT_CHROME_RE.search(lines[k].text)
            for k in range(c + 1, len(lines))
        )
        commenters = after > 0 and all(
            (p := _prev(lines, i)) is not None and R.is_names_line(lines[p].text)
            for i in prose
            if i > c
        )
        if before >= 2 and (chrome or commenters):
            for k in range(c + 1, len(lines)):
                if lines[k].kind is None:
                    lines[k].kind = "comments"
            return


_LIST_ITEM_RE = re.compile(r"^(?:[-+•*–]|\d{1,2}[.)]|[a-zđ][.)])\s")


def _is_prose(text: str) -> bool:
    return R.is_sentence(text, 6) or (text.endswith(_CLOSING_QUOTES) and len(R.words(text)) >= 6)


def _photo_credit_line(lines: list[_Line], i: int) -> None:
    """A bare name mid-body is the photographer under an uncredited caption ("Giang Huy"), not
    a subheading: unless the next paragraph talks about that person (a profile section)."""
    t = lines[i].text
    if not R.is_names_line(t) or R.parse_byline(t) is None:
        return
    if t.isupper() and not R.is_full_name(t):
        return  # "THÚC ĐẨY HỢP TÁC": a caps subheading, not a name
    n = _next(lines, i)
    if n is not None and R.words(t)[-1].casefold() in R.key(lines[n].text).split():
        return
    lines[i].kind = "photo-caption"
    p = _prev(lines, i)
    if (
        p is not None
        and lines[p].kind is None
        and len(R.words(lines[p].text)) <= 35
        and _caption_after_image(lines[p].text)
    ):
        lines[p].kind = "photo-caption"


def _bylines(lines: list[_Line], title_idx: int | None) -> tuple[str | None, str | None]:
    """Mark head/tail bylines and the furniture after a tail byline; return (author, source)."""
    body = [i for i, ln in enumerate(lines) if ln.kind is None]
    prose = [i for i in body if _is_prose(lines[i].text)]
    author: str | None = None
    source: str | None = None

    def take(i: int) -> None:
        nonlocal author, source
        parsed = R.parse_byline(lines[i].text)
        lines[i].kind = "byline"
        if parsed:
            author = author or parsed[0]
            source = source or parsed[1]

    if prose:
        first, last = prose[0], prose[-1]
        for i in body:  # bylines between the headline and the first paragraph
            if i >= first:
                break
            if i != title_idx and _byline_like(lines[i].text):
                take(i)
        tail = [i for i in body if i > last]
        after_byline = False
        for i in tail:
            t = lines[i].text
            if after_byline:
                lines[i].kind = "related-links" if len(R.words(t)) > 3 else "footer"
            elif _byline_like(t):
                take(i)
                after_byline = True
            elif R.is_breadcrumb(t):
                lines[i].kind = "breadcrumb"
        for i in range(last + 1, len(lines)):  # "Nguồn: VTV" closing the article is a credit
            if lines[i].kind == "photo-caption" and re.match(r"^\(?Nguồn\s*:", lines[i].text):
                take(i)
        leftovers = [
            i
            for i in tail
            if lines[i].kind is None
            and R.is_title_like(lines[i].text)
            and not lines[i].text.endswith(("!", "?"))
            and not _LIST_ITEM_RE.match(lines[i].text)
        ]
        if len(leftovers) >= 2 and not lines[last].text.endswith(":"):  # not a closing list
            for i in leftovers:
                lines[i].kind = "related-links"
        # a bare name mid-body right after a quote attributes the quote
        for i in body:
            t = lines[i].text
            if (
                lines[i].kind is None
                and first < i < last
                and (R.is_full_name(t) or R.is_titled_name(t))
            ):
                p = _prev(lines, i)
                if p is not None and _is_quote(lines[p].text):
                    lines[i].kind = "quote-attribution"
        for i in body:
            if lines[i].kind is None and first < i < last:
                _photo_credit_line(lines, i)
    return author, source


# --------------------------------------------------------------------------- step 7: datelines

_LOC_PAREN_RE = re.compile(
    r"^(?P<loc>[^\W\d_][^()\-–—]{1,30}?)\s*\((?P<o>[^()]{2,30})\)\s*[-–—:]\s*"
)
_PAREN_RE = re.compile(r"^\((?P<o>[^()]{2,40})\)\s*(?:[-–—:|]\s*)?")
_BARE_RE = re.compile(r"^(?P<o>[^\s\-–—|:,]+(?:\s[^\s\-–—|:,]+){0,3}?)\s*[-–—|]\s*(?=\S)")
_SPECIAL_RE = re.compile(r"^(?P<o>TGVN\.|Vietnam\+(?:\s*[-–—:])?)\s+(?=\S)")
_FOREIGN_CITIES = {
    "WASHINGTON",
    "MOSCOW",
    "PARIS",
    "LONDON",
    "TOKYO",
    "SEOUL",
    "BERLIN",
    "GENEVA",
    "BANGKOK",
    "SINGAPORE",
    "JAKARTA",
    "MANILA",
    "VIENTIANE",
    "BRUSSELS",
    "CANBERRA",
    "OTTAWA",
    "ROME",
}


def _is_location(raw: str) -> bool:
    """An all-caps place dateline: "HÀ NỘI", "TP.HCM", "VIÊNG CHĂN", "WASHINGTON"."""
    raw = raw.strip()
    if not raw.isupper() or re.search(r"\d", raw) or len(R.words(raw)) > 4:
        return False
    return " " in raw or "." in raw or R.has_vietnamese(raw) or raw in _FOREIGN_CITIES


def _strip_dateline(text: str) -> tuple[str, str | None, bool]:
    """(paragraph without its dateline, outlet or None, whether a dateline was cut)."""
    m = _LOC_PAREN_RE.match(text)
    if m and _is_location(m.group("loc")) and R.looks_like_outlet(m.group("o")):
        o = m.group("o").strip()
        return text[m.end() :], R.outlet_name(o) or o, True
    m = _PAREN_RE.match(text)
    if m and R.looks_like_outlet(m.group("o")):
        o = m.group("o").strip()
        return text[m.end() :], R.outlet_name(o) or o, True
    m = _SPECIAL_RE.match(text)
    if m:
        o = m.group("o").rstrip(" -–—:.")
        return text[m.end() :], R.outlet_name(o) or o, True
    m = _BARE_RE.match(text)
    if m:
        o = m.group("o").strip()
        known = R.outlet_name(o)
        online = R.is_online_abbr(o)
        if known or online or R.is_news_domain(o):
            return text[m.end() :], known or o, True
        if _is_location(o):
            return text[m.end() :], None, True
    return text, None, False


# --------------------------------------------------------------------------- public API


def clean_text(text: str) -> CleanArticle:
    """Split a scraped article into title, body paragraphs, metadata and audited removals."""
    lines = [_Line(no, R.normalize(raw)) for no, raw in enumerate(_split_lines(text), 1)]
    for ln in lines:
        if not ln.text:
            ln.kind = _BLANK
    published = _read_headers(lines)

    counts, title_fold = _slug_context(lines)
    headings: list[int] = []
    for i, ln in enumerate(lines):
        if ln.kind is None:
            ln.kind = _local_reason(ln.text, counts, title_fold)
            if ln.kind == "related-links" and R.is_related_heading(ln.text):
                headings.append(i)

    title_idx, lead = _pick_title(lines)
    headings += _outlet_headings(lines, title_idx)
    for h in sorted(headings):
        _expand_block(lines, h)
    _teasers_without_heading(lines, title_idx)
    _captions_in_context(lines)
    _duplicates(lines, title_idx)
    _comments_section(lines)
    author, source = _bylines(lines, title_idx)
    if author is None:  # long-form credits block: "Nội dung: X", "Bài: X - Ảnh: Y"
        writers = [R.parse_credits(ln.text) for ln in lines if ln.kind == "credits"]
        author = next((w for w in writers if w), None)

    outlet: str | None = None
    paragraphs: list[str] = []
    for i, ln in enumerate(lines):
        if ln.kind is not None:
            continue
        para = ln.text
        if len(paragraphs) < 2 and outlet is None:
            stripped, found, cut = _strip_dateline(para)
            if cut and len(R.words(stripped)) >= 3:
                para, outlet = stripped.strip(), found
                if i == title_idx:
                    ln.text = para
        paragraphs.append(para)

    title = ""
    if title_idx is not None:
        t = lines[title_idx].text
        title = _title_from_lead(t) if lead else t
    if outlet is None and source:
        first_source = re.split(r"[,/;]| và ", source)[-1].strip()
        outlet = R.outlet_name(first_source) or R.outlet_name(source)

    if published is None:
        for ln in lines:
            if ln.kind == "timestamp":
                published = dates.timestamp_date(ln.text)
                if published:
                    break
    if published is None:
        elsewhere = paragraphs + [ln.text for ln in lines if ln.kind == "photo-caption"]
        published = dates.lead_date(paragraphs, elsewhere)

    removed = tuple(
        RemovedLine(ln.no, ln.text, ln.kind)
        for ln in lines
        if ln.kind not in _NOT_REMOVED and ln.kind is not None
    )
    return CleanArticle(
        title=title,
        paragraphs=tuple(paragraphs),
        published=published,
        outlet=outlet,
        author=author,
        removed=removed,
    )


def article_to_json(article: CleanArticle) -> dict[str, Any]:
    """Plain-JSON form of an article, with every removal listed for auditing."""
    return {
        "title": article.title,
        "published": article.published,
        "outlet": article.outlet,
        "author": article.author,
        "paragraphs": list(article.paragraphs),
        "removed": [{"line": r.line, "text": r.text, "reason": r.reason} for r in article.removed],
    }
