"""Vietnamese date recognition for the cleaner.

Kept apart from the line rules because dates are read in three places (header, timestamp lines,
lead paragraphs) and the rule "never invent a year" must hold in all of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_MIN_YEAR, _MAX_YEAR = 1945, 2100

# " date 2025-12-01 " header written by the HTML extractor / scrapers.
_HEADER_RE = re.compile(r"^\s*date\s+(\d{4})-(\d{1,2})-(\d{1,2})\s*$", re.IGNORECASE)

# Time-of-day words that introduce the event date in a Vietnamese lead ("Sáng 1/12", "chiều qua").
_PREFIX = r"(?:rạng sáng|sáng|trưa|chiều|tối|đêm|ngày|hôm|hôm nay|khuya)"
_NUMERIC_RE = re.compile(
    r"(?<![\d/.-])(?:\b(?P<prefix>" + _PREFIX + r")\s+(?:nay\s+|qua\s+)?\(?\s*)?"
    r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})(?:\s*[/.-]\s*(?P<y>\d{4}))?(?![\d/])",
    re.IGNORECASE,
)
_WORDY_RE = re.compile(
    r"(?:\b(?P<prefix>" + _PREFIX + r")\s+)?(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})"
    r"(?:\s*(?:năm|,)?\s*(?P<y>\d{4})(?!\d))?",
    re.IGNORECASE,
)
# English-language stamps: "November 3, 2025", "3 Nov 2025".
_MONTHS = {
    m: n
    for n, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for m in names
}
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ENGLISH_RE = re.compile(
    r"\b(?:(?P<mon1>" + _MONTH_NAMES + r")\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+"
    r"(?P<y1>\d{4})|(?P<d2>\d{1,2})\s+(?P<mon2>" + _MONTH_NAMES + r")\.?,?\s+(?P<y2>\d{4}))\b",
    re.IGNORECASE,
)
# "Hà Nội, 03/11/2025": the place a stamp was filed from, before a full date.
_PLACE_LEAD_RE = re.compile(r"^[A-ZĐ][^\s,\d]*(?:\s[A-ZĐ][^\s,\d]*){0,3},\s*(?=\S)")
# "... 14:30 Long An", "... - 14:30 Hà Nội": one to three capitalised words closing a stamp
_PLACE_TAIL_RE = re.compile(
    r"(?:\s*[-–—|,]\s*|\s+)[A-ZĐ][^\s\d,|:()]*(?:\s[A-ZĐ][^\s\d,|:()]*){0,2}$"
)
_ISO_RE = re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)")

_CLOCK_RE = re.compile(r"(?<![\d+-])\d{1,2}\s*[:h]\s*\d{2}(?::\d{2})?(?!\d)")
_WEEKDAY = r"(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s*nhật|cn|t[2-7])"  # "T5, 19/12/2019"
_TIMESTAMP_NOISE_RE = re.compile(
    r"(?:" + _WEEKDAY + r"|cập nhật(?: lúc)?|đăng(?: lúc| ngày)?|ngày đăng|ngày|thời gian|lúc|"
    r"gmt\s*[+-]\s*\d{1,2}(?::?\d{2})?|utc\s*[+-]?\s*\d*|\d{1,2}\s*[:h]\s*\d{2}(?::\d{2})?|"
    r"am|pm|sa|ch|t\d{2}:\d{2}(?::\d{2})?(?:[+-]\d{2}:?\d{2}|z)?|"
    # English stamps: "Sat, 20 Apr 2019 08:15:00 +0700", "April 20, 2019 at 8:15 am"
    r"(?:mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?|at|on|[+-]\d{4})",
    re.IGNORECASE,
)
# Words right before a date that make it a range end or a deadline ("từ ngày 2 đến 9/11",
# "trước ngày 19/12"), and words of its clause that make it a plan or a target ("sẽ khai mạc
# vào ngày ...", "mục tiêu đề ra vào ngày ..."): see ``DateMention.bounded``.
_BOUND_WORDS = frozenset({"từ", "đến", "tới", "trước", "sau", "hạn", "hết", "kịp"})
_PLAN_WORDS = ("mục tiêu", "dự kiến", "kế hoạch", "thời hạn", "hạn chót", "cho đến", "sẽ")
_BOUND_NEAR, _PLAN_WINDOW = 3, 6  # words before the date (its prefix "ngày" included)


def _bounded(text: str, start: int) -> bool:
    """Whether the date at ``start`` closes a range or names a deadline or a plan."""
    clause = re.split(r"[,.;:!?()\[\]“”\"]", text[:start])[-1]
    before = clause.casefold().split()
    plan = f" {' '.join(before[-_PLAN_WINDOW:])} "
    if _RANGE_END_RE.search(clause) or any(_DOC_NUMBER_RE.match(w) for w in before[-_BOUND_NEAR:]):
        return True
    return bool(set(before[-_BOUND_NEAR:]) & _BOUND_WORDS) or any(
        f" {w} " in plan for w in _PLAN_WORDS
    )


# "(19-5-1890 - 19-5-2021)": the second date closes a span of years, no day of the story
_RANGE_END_RE = re.compile(r"\d\s+[-–—]\s*$")
_RANGE_START_RE = re.compile(r"\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?\s+[-–—]\s*\d")
# "Thông báo số 94/TB-VPCP ngày 24/3/2023", "Quyết định 123/QĐ-TTg ngày ...": a document's
# number before the date: the day it was signed, not the day of the story
_DOC_NUMBER_RE = re.compile(r"^\d+/[^\W\d_][\w/-]*$")


_RELATIVE_TIME_RE = re.compile(
    r"^\d{1,3}\s*(?:giây|phút|giờ|tiếng|ngày|tuần|tháng|năm)\s+trước$", re.IGNORECASE
)


@dataclass(frozen=True)
class DateMention:
    """One date written in the text; year is None when the text does not state it."""

    day: int
    month: int
    year: int | None
    prefixed: bool  # introduced by "sáng/chiều/ngày..." i.e. an event date, not a range end
    start: int
    # a range end, a deadline or a target ("từ ngày 2 đến 9/11/2025", "trước ngày 19/12",
    # "mục tiêu đề ra vào ngày 19/12/2025"): a date the story looks towards, not the day it
    # reports, so never the publication date
    bounded: bool = False

    def iso(self) -> str | None:
        """ISO form, or None when the year is unknown (a year is never guessed here)."""
        if self.year is None:
            return None
        return to_iso(self.year, self.month, self.day)


def to_iso(year: int, month: int, day: int) -> str | None:
    """Validated YYYY-MM-DD; None for impossible dates such as 31/2 or year 20."""
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_header(line: str) -> str | None:
    """Date from a " date YYYY-MM-DD " header line, else None."""
    m = _HEADER_RE.match(line)
    if not m:
        return None
    return to_iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def find_dates(text: str) -> list[DateMention]:
    """All plausible day/month(/year) mentions, in text order."""
    found: dict[int, DateMention] = {}
    for m in _ISO_RE.finditer(text):
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
        if to_iso(y, mo, d):
            found[m.start()] = DateMention(d, mo, y, False, m.start())
    for m in _ENGLISH_RE.finditer(text):
        mon = (m["mon1"] or m["mon2"]).casefold()
        d, y = int(m["d1"] or m["d2"]), int(m["y1"] or m["y2"])
        if to_iso(y, _MONTHS[mon], d):
            found[m.start()] = DateMention(d, _MONTHS[mon], y, False, m.start())
    for rx in (_NUMERIC_RE, _WORDY_RE):
        for m in rx.finditer(text):
            d, mo = int(m["d"]), int(m["m"])
            if not (1 <= d <= 31 and 1 <= mo <= 12):
                continue
            if any(abs(m.start("d") - k) < 3 for k in found):
                continue
            y = int(m["y"]) if m["y"] else None
            if y is not None and not _MIN_YEAR <= y <= _MAX_YEAR:
                continue
            found[m.start("d")] = DateMention(d, mo, y, bool(m["prefix"]), m.start("d"))
    return [
        DateMention(
            m.day,
            m.month,
            m.year,
            m.prefixed,
            m.start,
            _bounded(text, m.start) or bool(_RANGE_START_RE.match(text, m.start)),
        )
        for m in (found[k] for k in sorted(found))
    ]


def is_timestamp_line(line: str) -> bool:
    """A standalone publication stamp ("Thứ Ba, 02/12/2025 14:30 (GMT+7)", "5 giờ trước").

    These lines are page chrome, not body, but they are the best source of the published date.
    """
    s = line.strip()
    if not s or len(s) > 80:
        return False
    if _RELATIVE_TIME_RE.match(s):
        return True
    if not (find_dates(s) or re.search(r"\d{1,2}:\d{2}", s)):
        return False
    place = _PLACE_LEAD_RE.match(s)
    if place and timestamp_date(s[place.end() :]):
        s = s[place.end() :]  # "Hà Nội, 03/11/2025": filed from a place, on a full date
    tail = _PLACE_TAIL_RE.search(s)
    if tail and timestamp_date(s[: tail.start()]):
        s = s[: tail.start()]  # "12/09/2022 14:30 Long An": the place after a full date
    rest = _ISO_RE.sub(" ", s)
    rest = _ENGLISH_RE.sub(" ", rest)
    rest = _WORDY_RE.sub(" ", rest)  # "Thứ hai, ngày 3 tháng 11 năm 2025"
    # the clock first: in "17:26 - 18/01/2016" a date pattern would take "26 - 18/01"
    if timestamp_date(rest):  # a player's "0:00 / 0:00" states no date: no stamp
        rest = _CLOCK_RE.sub(" ", rest)
    rest = re.sub(r"\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?", " ", rest)
    rest = _TIMESTAMP_NOISE_RE.sub(" ", rest)
    return not re.sub(r"[\s,|:()\[\]\-–—/.]+", "", rest)  # "[19/12/2019]" too


def timestamp_date(line: str) -> str | None:
    """ISO date of a timestamp line when it states a full date. A stamp's two-digit year
    ("12/09/22 14:30") is stated, not guessed: 00-69 are 20xx, 70-99 19xx."""
    for mention in find_dates(line):
        iso = mention.iso()
        if iso:
            return iso
    m = _SHORT_YEAR_RE.search(line)
    if m:
        yy = int(m["y"])
        return to_iso(2000 + yy if yy < 70 else 1900 + yy, int(m["m"]), int(m["d"]))
    return None


_SHORT_YEAR_RE = re.compile(
    r"(?<![\d/.:-])(?P<d>\d{1,2})\s*([/.-])\s*(?P<m>\d{1,2})\s*\2\s*(?P<y>\d{2})(?![\d/.:-])"
)


def lead_date(paragraphs: list[str], elsewhere: list[str]) -> str | None:
    """Published date read from the lead paragraphs.

    The first date introduced by "sáng/chiều/ngày ..." in the first two paragraphs is the event
    date and decides alone: a later prefixed date is usually history ("Hiệp ước ký ngày
    18/7/1977"). When that event date has no year, it only counts if the same day/month is
    written WITH a year somewhere else (``elsewhere``); otherwise None, because a guessed year
    is worse than none. Without any prefixed date, a full date in the first paragraph is used.
    A date that closes a range or names a deadline or a plan (``DateMention.bounded``) is no
    publication date, and then none is read from the lead.
    """
    lead = paragraphs[:2]
    mentions = [m for p in lead for m in find_dates(p)]
    prefixed = [m for m in mentions if m.prefixed]
    if prefixed:
        first = prefixed[0]
        if first.bounded:  # the lead opens on a range, a deadline or a plan: no event day
            return None  # (a later date is usually history, never the day of the story)
        iso = first.iso()
        if iso:
            return iso
        for text in elsewhere:
            for other in find_dates(text):
                if other.year is not None and (other.day, other.month) == (first.day, first.month):
                    return other.iso()
        return None
    for m in find_dates(paragraphs[0]) if paragraphs else []:
        if m.year is not None:  # the first full date, unless it closes a range or a plan
            return None if m.bounded else m.iso()
    return None
