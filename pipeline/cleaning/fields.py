"""The header zone: a site frame's labelled metadata fields and section labels around the headline.

The header zone is what a page prints above its lead: the headline and, above and under it, the
frame's fields ("Author: X", "Date: 20/04/2019", "Tag A, B", "X đăng lúc 20:50 13/04/2019")
and its section label ("eSport", "Công nghệ", "Giáo dục - Sức khỏe"). Nothing there is body:
a field is judged by its label (``rules.FIELD_LABELS``, both languages) and by a value of the
field's shape; a section label by position and shape alone, so unknown sections still go.
The fields also give the published date and the writer where the text states them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline import dates
from pipeline.cleaning.bylines import byline_like, publisher_line
from pipeline.cleaning.lines import Page
from pipeline.cleaning.outlets import (
    is_location,
    is_news_domain,
    is_online_abbr,
    outlet_name,
    wire_name,
)
from pipeline.cleaning.rules import (
    FIELD_BARE_RE,
    FIELD_RE,
    FIELD_REASONS,
    POSTED_RE,
    field_label,
    footer_reason,
    is_breadcrumb,
    read_aggregator_stamp,
)
from pipeline.cleaning.text import is_prose, words
from pipeline.names import is_names_line

_VALUE_MAX_WORDS = 12  # a field's value is a name, a date, a few tags: never a sentence
_NAME_MAX_WORDS = 6
_LABEL_MAX_WORDS = 5  # "Giáo dục - Sức khỏe" counts its dash
_END_PUNCT = (".", "!", "?", ":", ";", ",", "…", '"', "”")


@dataclass
class HeaderFields:
    """What the header's fields state (None where they state nothing)."""

    author: str | None = None
    published: str | None = None
    outlet: str | None = None


def _writer(value: str) -> str | None:
    """A writer's name as a field gives it: capitalised words, no digits, no sentence."""
    v = re.split(r"\s+[-–—|]\s+|\s*\(", value.strip(" .-–|"))[0]  # "X - Hà Nội", "X (TTXVN)"
    if not v or len(words(v)) > _NAME_MAX_WORDS or any(c.isdigit() for c in v):
        return None
    if not all(w[:1].isupper() for w in words(v) if w[:1].isalpha()):
        return None
    return v


def _when(value: str) -> str | None:
    """The ISO date of a field's value when the value is a timestamp and nothing else."""
    v = value.strip(" |-–")
    return dates.timestamp_date(v) if dates.is_timestamp_line(v) else None


def _one_field(text: str) -> tuple[str, str | None, str | None] | None:
    m = POSTED_RE.match(text)
    if m and (name := _writer(m["name"])) and (when := _when(m["when"])):
        return "byline", name, when
    m = _STAMP_BY_RE.match(text)  # "Đăng ngày 19.12.2019 bởi admin", "Posted on ... by X"
    if m and (when := _when(m["when"])) and (_HANDLE_RE.match(m["name"]) or _writer(m["name"])):
        return "byline", _writer(m["name"]), when
    m = FIELD_RE.match(text) or FIELD_BARE_RE.match(text)
    if not m:
        return None
    field, value = field_label(m["label"]), m["value"].strip()
    if field is None or len(words(value)) > _VALUE_MAX_WORDS or is_prose(value):
        return None
    if field == "date":
        when = _when(value)
        return (FIELD_REASONS[field], None, when) if when else None
    if field == "author":
        name = _writer(value)
        if name:  # "Tác giả: X - 19/12/2019": the writer, then the date the frame glued on
            tail = _FRAME_SEP_RE.split(value)[-1]
            return FIELD_REASONS[field], name, _when(tail) if tail != value else None
        # "Đăng bởi: admin": a site account under a colon label, no writer's name to record
        handle = FIELD_RE.match(text) and _HANDLE_RE.match(value)
        return (FIELD_REASONS[field], None, None) if handle else None
    if value.endswith((".", "!", "?")):
        return None
    return FIELD_REASONS[field], None, None


def field_line(text: str) -> tuple[str, str | None, str | None] | None:
    """(removal reason, writer, ISO date) for a labelled field line, None for any other line.
    A value must have its field's shape: a date a timestamp, a writer a name, tags or a
    section a short list; prose after a label ("Nguồn: theo báo cáo ...") is no field. Several
    fields on one line ("Tác giả: X | Ngày đăng: 20/04/2019") make one field line when every
    piece is a field."""
    pieces = [p for p in _FIELD_SEP_RE.split(text) if p.strip()]
    labelled = [_one_field(p.strip()) for p in pieces]
    if len(pieces) < 2 or not any(labelled):
        return _one_field(text)
    parsed = [one or _unlabelled_piece(p.strip()) for one, p in zip(labelled, pieces, strict=True)]
    if any(p is None for p in parsed):
        return _one_field(text)
    found = [p for p in parsed if p is not None]
    writer = next((w for _, w, _ in found if w), None)
    when = next((d for _, _, d in found if d), None)
    reason = "byline" if any(r == "byline" for r, _, _ in found) else found[0][0]
    return reason, writer, when


def _unlabelled_piece(piece: str) -> tuple[str, str | None, str | None] | None:
    """A piece of a fields line that needs no label: a bare timestamp, a view or comment
    counter ("Lượt xem: 1234", "12 bình luận")."""
    if dates.is_timestamp_line(piece):
        return "timestamp", None, dates.timestamp_date(piece)
    return ("page-widget", None, None) if footer_reason(piece) == "page-widget" else None


_FRAME_SEP_RE = re.compile(r"\s+[|•·–—-]\s+")
_NAME_MAX_PIECE = 5


def _frame_piece(piece: str) -> tuple[str, str | None, str | None] | None:
    """One piece of a frame line with no label: a field, a stamp, a counter, a section's name,
    or a person's name (the writer, unless it names a place)."""
    found = _one_field(piece) or _unlabelled_piece(piece)
    if found is not None:
        return found
    if is_breadcrumb(piece):
        return "breadcrumb", None, None
    if len(words(piece)) <= _NAME_MAX_PIECE and is_names_line(piece) and _writer(piece):
        return "byline", None if is_location(piece) else _writer(piece), None
    return ("breadcrumb", None, None) if _section_shape(piece) else None  # "Bóng đá Việt Nam"


def frame_line(text: str) -> tuple[str, str | None, str | None] | None:
    """A header line the frame assembles from unlabelled pieces around a stamp: "Thể thao |
    20/04/2019 08:15", "Trần Minh - Thứ Hai, 20/04/2019 08:15", "20/04/2019 | Lượt xem: 12":
    every piece a stamp, a counter, a section's or a person's name, one of them a full date."""
    pieces = [p.strip() for p in _FRAME_SEP_RE.split(text) if p.strip()]
    if len(pieces) < 2:
        return None
    parsed = [_frame_piece(p) for p in pieces]
    found = [p for p in parsed if p is not None]
    if len(found) < len(parsed) or not any(d for _, _, d in found):
        return None
    writer = next((w for _, w, _ in found if w), None)
    when = next((d for _, _, d in found if d), None)
    return ("byline" if writer else "timestamp"), writer, when


_STAMP_LINE_MAX_WORDS = 20
_STAMP_TAGS_MAX_WORDS = 5


def aggregator_stamp(text: str) -> str | None:
    """ISO date of an aggregator's stamp line: the full date, then its counters and source
    link, then the story's topic tags ("21/07/22 GMT+7 89 liên quan Gốc Long An", "31/07/2022
    8 liên quan Gốc"), as ``rules.read_aggregator_stamp`` reads it. The stamp must state a full
    date; the tags after the most items are a few words with no digit and no end mark (looser
    than the line rule's one topic: the header zone only asks the line for its date). None for
    any other line."""
    if not 3 <= len(text.split()) <= _STAMP_LINE_MAX_WORDS:
        return None
    read = read_aggregator_stamp(text)
    if read is None or read.when is None:
        return None
    tags = " ".join(read.splits[0][1].split())
    if len(tags.split()) > _STAMP_TAGS_MAX_WORDS or _DIGIT_RE.search(tags):
        return None
    return None if tags.endswith(_END_PUNCT) else read.when


_FIELD_SEP_RE = re.compile(r"\s+[|•·]\s+|\s+[-–—]\s+(?=[^\W\d_][^:]{0,24}:)")
_HANDLE_RE = re.compile(r"^[\w.@-]{2,30}$")
_STAMP_BY_RE = re.compile(
    r"^(?:posted on\s+)?(?P<when>.{6,60}?)\s+(?:bởi|by)\s+(?P<name>\S.{0,40}?)\s*$", re.I
)


def tail_fields(page: Page, found: HeaderFields) -> None:
    """The labelled fields after the story's last paragraph ("Author: X", "Chuyên mục: Y",
    "Tag a ,b", "X đăng lúc <stamp>"): removed, and a labelled writer recorded. No date is read
    there: a list of other stories under the story prints theirs."""
    prose = [i for i in page.open_indices() if is_prose(page[i].text)]
    if not prose:
        return
    tail = [i for i in range(prose[-1] + 1, len(page)) if page[i].kind is None]
    parsed_lines = {i: field_line(page[i].text) for i in tail}
    if any(p is None and _INFO_ROW_RE.match(page[i].text) for i, p in parsed_lines.items()):
        return  # "Nhà xuất bản: Trẻ" / "Số trang: 300": the story's own block of facts
    for i, parsed in parsed_lines.items():
        if parsed is None or parsed[0] == "timestamp":  # a date alone: the stamp steps' call
            continue
        _record(page, i, parsed, found, dated=False)


_INFO_ROW_RE = re.compile(r"^[^\W\d_][^:]{1,24}:\s*\S")


# "TNĐT", "(TTO)", "VOV.VN -": the outlet's dateline printed alone over the lead
_E_PAPER_RE = re.compile(r"[A-ZĐ]{1,6}ĐT")


def _lone_dateline(text: str) -> str | None:
    """The outlet a lone dateline names (None when the line is not one). A wire ("TTXVN")
    names no outlet and is left to the other steps."""
    raw = text.strip(" ()[]-–—:|")
    if not raw or len(words(raw)) > 2 or wire_name(raw):
        return None
    if outlet_name(raw):
        return outlet_name(raw)
    if is_online_abbr(raw) or is_news_domain(raw) or _E_PAPER_RE.fullmatch(raw):
        return raw
    return None


def outlet_dateline(page: Page, found: HeaderFields) -> None:
    """The last line of the header zone, right over the lead, when it is the outlet's dateline
    alone ("TNĐT"): "outlet-name", and it names the outlet."""
    zone = _header_zone(page)
    lead = page.lead()
    if not zone or lead is None or zone[-1] > lead or page.next(zone[-1]) != lead:
        return
    name = _lone_dateline(page[zone[-1]].text)
    if name and not publisher_line(page, zone[-1]):  # "Bnews" over an aggregator's stamp
        page.decide(zone[-1], "outlet-name")
        found.outlet = found.outlet or name


def _header_zone(page: Page) -> list[int]:
    """Open lines above the lead (the first prose paragraph), the headline left out."""
    zone = []
    for i, ln in enumerate(page.lines):
        if ln.kind is not None or i == page.title_idx:
            continue
        if is_prose(ln.text):
            break
        zone.append(i)
    return zone


def header_fields(page: Page, found: HeaderFields | None = None) -> HeaderFields:
    """Decide the labelled fields of the header zone; return what they state. Run once before
    the headline is picked (``found`` None), for the fields that state a writer or a date only,
    so a scrape that prints "Date: 20/04/2019" over the headline keeps its headline; then
    again with what that found, for all fields."""
    early = found is None
    found = found or HeaderFields()
    for i in _header_zone(page):
        parsed = field_line(page[i].text) or frame_line(page[i].text)
        if parsed is None or (early and not (parsed[1] or parsed[2])):
            continue
        _record(page, i, parsed, found, dated=True)
    return found


def _record(
    page: Page, i: int, parsed: tuple[str, str | None, str | None], found: HeaderFields, dated: bool
) -> None:
    """Remove field line i and keep what it states (its date only where ``dated``)."""
    reason, writer, when = parsed
    if reason == "source-credit" and byline_like(page[i].text):
        return  # "Nguồn: VTV" names the outlet: the byline step reads it
    page.decide(i, reason)
    found.author = found.author or writer
    if dated:
        found.published = found.published or when


_DIGIT_RE = re.compile(r"\d")


def _section_shape(text: str) -> bool:
    """A section's label: one to five words (a dash counts), capitalised, no digit, no end
    punctuation, no person's name."""
    n = len(words(text))
    return (
        1 <= n <= _LABEL_MAX_WORDS
        and (text[:1].isupper() or (text[:1].isalpha() and text[1:2].isupper()))  # "eSport"
        and not text.endswith(_END_PUNCT)
        and not _DIGIT_RE.search(text)
        and not is_names_line(text)
    )


# What the frame prints around the headline; a section label stands among these lines.
_FRAME_KINDS = frozenset(
    {
        "timestamp",
        "byline",
        "tags",
        "breadcrumb",
        "publisher",
        "site-menu",
        "source-credit",
        "aggregator-meta",
        "follow-us",
    }
)


def _in_frame(page: Page, k: int, head: int) -> bool:
    """The line's other neighbour (not the headline) is a line of the site's frame."""
    for n in (page.prev(k), page.next(k, undecided=False)):
        if n is None or n == head:
            continue
        if page[n].kind in _FRAME_KINDS:
            return True
        # the writer's name under it, which the byline step reads later ("Thể thao" / "Trần
        # Minh" / the lead)
        if (
            n > k
            and page[n].kind is None
            and byline_like(page[n].text)
            and not is_prose(page[n].text)
        ):
            return True
    return False


def section_labels(page: Page) -> None:
    """A section label right above or right under the headline ("eSport", "Phim chiếu rap",
    "Công nghệ"), before the lead: "breadcrumb". One line, adjacent to the headline (nothing
    open between), the lead still to come, and next to another line of the frame (a timestamp,
    a byline, a breadcrumb): a subheading under the headline of a page cut mid-article stands
    between the headline and a paragraph, never among the frame's lines."""
    head = page.title_idx
    if head is None:
        return
    lead = page.lead()
    if lead is None or lead <= head:
        return
    for k in (page.prev(head), page.next(head)):
        if k is None or page[k].kind is not None:
            continue
        if k > head and k >= lead:
            continue
        if (
            _section_shape(page[k].text)
            and _in_frame(page, k, head)
            and not publisher_line(page, k)
        ):
            page.decide(k, "breadcrumb")
