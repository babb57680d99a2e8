"""Signals that two briefs cannot report one happening, whatever their shared words say.

Articles of one running topic (a state visit, a storm) share most of their vocabulary, so word
similarity alone merges a feature about an earlier visit into today's talks. Three facts an
editor would check first:
- *principal actors*: both leads name the holder of one single-holder office ("Tổng Bí thư Tô
  Lâm" vs "Tổng Bí thư Nguyễn Phú Trọng") and neither brief mentions the other's holder: two
  different people in one office are two different occasions (`actor_conflict`);
- *dates*: reports of one event appear within a few days (`days_apart`);
- *genre*: a hard-news lead anchors the happening in time ("Sáng 1/12", "hôm nay"); a feature,
  interview or analysis does not (`time_anchored`). Used to choose a story's headline.
Roles are data (`PRINCIPAL_ROLES`), names come from the capitalised runs after them, checked
with the project's one name module (pipeline.names).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from pipeline.clean_rules import normalize
from pipeline.names import is_person_name

# Offices with one holder per country or body at a time. Offices with many holders ("Bộ
# trưởng", "Phó Thủ tướng", "Chủ tịch" of any committee) are left out: two ministers in two
# leads are often one meeting.
# fmt: off
PRINCIPAL_ROLES: tuple[str, ...] = (
    "Tổng Bí thư", "Chủ tịch nước", "Chủ tịch Quốc hội", "Thủ tướng", "Tổng thống",
    "Phó Tổng thống", "Phó Chủ tịch nước", "Quốc vương", "Nhà vua", "Nữ hoàng", "Giáo hoàng",
    "Tổng Thư ký Liên hợp quốc", "Ngoại trưởng",
)
# fmt: on
# WHY 6: "Thủ tướng Chính phủ Nguyễn Tấn Dũng", "Chủ tịch nước Lào Thongloun Sisoulith": the
# holder's name follows the office within a few words (a country, "Chính phủ").
_HOLDER_WINDOW = 6
_ROLE = re.compile(
    r"(?<!\w)(?:"
    + "|".join(re.escape(r) for r in sorted(PRINCIPAL_ROLES, key=len, reverse=True))
    + r")(?!\w)"
)
_TOKEN = re.compile(r"[\w-]+|[^\w\s]")
# WHY 3: in 192 labelled real events (bench/digest_labels) no two reports of one event were
# published more than 3 days apart.
MAX_EVENT_DAYS = 3
# A time anchor of a hard-news lead: part of day or "ngày" + a date or "nay/qua"; "hôm nay".
_TIME_ANCHOR = re.compile(
    r"(?<!\w)(?:(?:rạng sáng|sáng|trưa|chiều|tối|đêm|ngày|hôm)\s+"
    r"(?:nay|qua|\d{1,2}\s*[/-]\s*\d{1,2})"
    r"|(?:sáng|trưa|chiều|tối|đêm)\s+(?:mai|thứ\s+\w+|chủ nhật)|hôm nay|hôm qua|vừa qua)(?!\w)",
    re.IGNORECASE,
)


def _holder(tokens: list[str]) -> tuple[str, ...] | None:
    """The first capitalised run of two or more words after an office: the holder's name."""
    run: list[str] = []
    for tok in [*tokens[:_HOLDER_WINDOW], ""]:
        if tok[:1].isupper() and tok.replace("-", "").isalpha() and not tok.isupper():
            run.append(tok)
            continue
        if len(run) >= 2:
            # "Lào Thongloun Sisoulith": the person is the name-shaped tail of the run
            for k in range(min(len(run), 5), 1, -1):
                if is_person_name(" ".join(run[-k:])):
                    return tuple(w.lower() for w in run[-k:])
        if not tok[:1].isalnum():
            return None  # punctuation ends the office's phrase ("Tổng Bí thư, Chủ tịch nước")
        run = []
    return None


@lru_cache(maxsize=4096)  # a day's grouping asks for every pair: parse each text once
def principal_actors(text: str) -> dict[str, set[tuple[str, ...]]]:
    """Office -> names of its holders mentioned right after it ("Tổng Bí thư Tô Lâm")."""
    text = normalize(text)
    found: dict[str, set[tuple[str, ...]]] = {}
    for m in _ROLE.finditer(text):
        name = _holder(_TOKEN.findall(text[m.end() :][:200]))
        if name:
            found.setdefault(m.group(0), set()).add(name)
    return found


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    # "Thongloun Sisoulith" and "Sisoulith": a later mention often keeps only the given name.
    return a[-1] in b or b[-1] in a


def _mentions(text: str, name: tuple[str, ...]) -> bool:
    # the last two words: "Shinzo Abe" is mentioned whether or not "Nhật Bản" precedes it
    return re.search(r"(?<!\w)" + re.escape(" ".join(name[-2:])) + r"(?!\w)", text) is not None


def actor_conflict(lead_a: str, lead_b: str, text_a: str, text_b: str) -> bool:
    """Both leads name a holder of one office, the holders differ, and neither brief mentions the
    other's holder anywhere (so it is not one meeting of two presidents)."""
    actors_a, actors_b = principal_actors(lead_a), principal_actors(lead_b)
    if not actors_a.keys() & actors_b.keys():
        return False
    full_a, full_b = _folded(text_a), _folded(text_b)
    for role in actors_a.keys() & actors_b.keys():
        names_a, names_b = actors_a[role], actors_b[role]
        if any(_same_person(x, y) for x in names_a for y in names_b):
            continue
        if any(_mentions(full_b, x) for x in names_a) or any(_mentions(full_a, y) for y in names_b):
            continue
        return True
    return False


@lru_cache(maxsize=4096)
def _folded(text: str) -> str:
    return normalize(text).lower()


def _day(published: str | None) -> date | None:
    try:
        return date.fromisoformat((published or "")[:10])
    except ValueError:
        return None


def days_apart(a: str | None, b: str | None) -> int | None:
    """Days between two publication times; None when either is unknown."""
    da, db = _day(a), _day(b)
    return None if da is None or db is None else abs((da - db).days)


def time_anchored(lead: str) -> bool:
    """The lead places the happening in time, as hard news does ("Sáng 1/12", "hôm nay")."""
    return _TIME_ANCHOR.search(normalize(lead)) is not None
