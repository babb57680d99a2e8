"""Bylines, credits blocks, photo credits and quote attributions: who wrote or shot what.

The vocabulary (``parse_byline``, ``parse_credits``) reads one line; the steps below decide
bylines by position: between the headline and the first paragraph, or after the last one.
"""

from __future__ import annotations

import re

from pipeline.cleaning.captions import caption_after_image
from pipeline.cleaning.lines import Line, Page
from pipeline.cleaning.outlets import (
    PLACES,
    is_location,
    is_outlet_credit,
    looks_like_outlet,
    name_openers,
    outlet_name,
    wire_name,
)
from pipeline.cleaning.rules import (
    BYLINE_LABELS,
    PROSE_START_RE,
    WRITER_LABELS,
    footer_reason,
    is_breadcrumb,
    is_caption_only,
    is_column_blurb,
)
from pipeline.cleaning.text import (  # is_prose: re-exported for blocks and signals
    CLOSING_QUOTES,
    LIST_ITEM_RE,
    alternation,
    is_prose,
    is_quote,
    is_title_like,
    key,
    quoted_headline,
    same_opening,
    sentence_count,
    words,
)
from pipeline.names import is_full_name, is_names_line, is_titled_name, person_title_parts

# "Bài và ảnh:", "Tin, ảnh:", "Tin-ảnh-clip:": what the writer made, joined any way
_MADE = r"(?:bài|tin|ảnh|clip|video)"
# what the writer made, as the label before their name ("Bài:", "Bài và ảnh:", "Thực hiện:")
_MADE_LABELS = ("bài", "bài viết", "bài và ảnh", "bài, ảnh", "thực hiện")
# a byline's own labels, beside those it shares with a frame's author field (``BYLINE_LABELS``):
# who made the story and how ("Thực hiện:", "Ghi chép:", "Lược dịch:", "CTV:")
# fmt: off
_MAKER_LABELS = (
    "thực hiện", "nhóm thực hiện", "người thực hiện", "bởi", "by", "ghi chép", "ghi", "lược dịch",
    "biên dịch", "dịch", "tổng hợp", "btv", "cộng tác viên", "ctv",
)
# fmt: on
_BYLINE_LABELS_ALT = alternation(BYLINE_LABELS + _MAKER_LABELS)
_BYLINE_PREFIX_RE = re.compile(
    rf"^(?:(?:bài|tin)(?:\s*(?:,|-|/|&|và)\s*{_MADE}){{0,3}}|{_BYLINE_LABELS_ALT})\s*:?\s+"
    # the genre, then the writer: "Thơ: X", "Tản văn: X" (the colon is needed: "Thơ Nguyễn
    # Du" is a subheading)
    r"|^(?:thơ|tản văn|truyện ngắn|bút ký|tùy bút)\s*:\s*",
    re.IGNORECASE,
)
# a publisher's name after a writer's ("Hà Lâm/Báo X", ".../Kênh Y", ".../Trang Z")
_PAPER_RE = re.compile(
    rf"^{name_openers('paper', 'broadcaster', 'page')}\s+\S+(?:\s+\S+){{0,6}}$", re.IGNORECASE
)
# A writer signing with initials: "T.B", "A.N", "Tr.Đức", "N.H."
_INITIALS_RE = re.compile(r"^(?:[A-ZĐ][a-zđ]?\.\s?){1,3}[A-ZĐ][^\W\d_]{0,6}\.?$")
# What a newsroom signs with instead of a name: "PV" (a reporter), "BTV", "Nhóm phóng viên"
_REPORTER_LABELS = (
    r"pv|p\.v|btv|ctv|phóng viên|nhóm pv|nhóm phóng viên|nhóm tác giả|nhóm p\.v|ban biên tập|"
    r"phóng viên thường trú|pv thường trú"
)
_REPORTER_RE = re.compile(rf"^(?:{_REPORTER_LABELS})(?:\s+\S+){{0,4}}$", re.IGNORECASE)
# The same label alone ("PV", "Nhóm PV", "Nhóm phóng viên"): "a reporter", nobody's name,
# so the line is a byline that names no author
_REPORTER_ONLY_RE = re.compile(rf"^(?:{_REPORTER_LABELS}|nhóm pv thường trú)$", re.IGNORECASE)
_SOURCE_WRITER_RE = re.compile(
    r"^(?:nguồn|source)\s*:\s+(?P<rest>[^():]{2,40}\([^():]{2,40}\))\.?$", re.I
)
_SOURCE_RE = re.compile(
    r"^\(?\s*(?:nguồn (?:tin|bài|bài viết|tham khảo)\s*:|(?:theo|nguồn|source|via)\s*:?)\s+"
    r"(?P<src>[^()]{2,60}?)\s*\)?\.?$",
    re.I,
)
_URL_HOST_RE = re.compile(r"^(?:https?://)?(?:www\.)?(?P<host>[\w.-]+\.[a-z]{2,})(?:/\S*)?$", re.I)
_SUFFIX_RE = re.compile(r"\s*\((?P<src>[^()]{1,60})\)\s*\.?$")
# What the writer did, in parentheses after the name ("Kiều Anh/VOV.VN (biên dịch)") or after
# a dash closing the line ("Đăng Nguyễn - Tổng hợp")
_ROLES = (
    r"(?:biên dịch|lược dịch|dịch|tổng hợp|tổng hợp và biên dịch|thực hiện|ghi|ghi chép|"
    r"phóng viên|pv|ctv|cộng tác viên)"
)
_ROLE_PAREN_RE = re.compile(rf"\s*\(\s*{_ROLES}\s*\)|\s+[-–—]\s*{_ROLES}\s*$", re.IGNORECASE)
# ... or after the name with no mark at all: "Lương Sáng thực hiện", "Hoàng Hà tổng hợp"
_ROLE_AFTER_RE = re.compile(r"^(?P<name>.+?)\s+(?:thực hiện|tổng hợp|biên dịch|lược dịch)$")
# A source credited after the byline on the same line: "Kiều Anh/VOV.VN Theo: Tass"
_TRAILING_SOURCE_RE = re.compile(
    r"^(?P<head>\S.*?)\s*[-–—,;.]?\s+\(?\s*(?:theo|nguồn)\s*:?\s+(?P<src>[^()]{2,80}?)\s*\)?$",
    re.IGNORECASE,
)


_CAPITAL_THEO_RE = re.compile(r"\sTheo:?\s")
# A correspondent's credit: names, then "Phóng viên <Outlet> thường trú tại <Place>"
_RESIDENT_RE = re.compile(
    r"^(?P<names>.+?)\s+(?:phóng viên|pv|nhóm phóng viên)\s+(?P<outlet>.{2,40}?)\s+"
    r"thường trú tại\s+\S.*$",
    re.IGNORECASE,
)
# A writer's code instead of a name (3-5 capitals, hardly a vowel: "CTVX")
_WRITER_CODE_RE = re.compile(r"[A-ZĐ]{3,5}")
# An academic or professional title before the writer's name: "TS. Nguyễn Sĩ Dũng"
_ACADEMIC_RE = re.compile(
    r"^(?:(?:GS|PGS|TS|TSKH|ThS|BS|BSCKII|BSCKI|LS|KTS|NCS|Ths)\.?\s*){1,3}\s*(?P<name>[^.]+)$"
)
# A production credit after the writer: "Minh Nguyễn - Design: Thủy Tiên"
_ROLE_CREDIT_RE = re.compile(r"^[^\W\d_][\w ]{1,18}:\s*\S")


def _foreign_source(raw: str) -> bool:
    """What a compiler credits after a dash: an agency or an acronym ("Reuters", "CNN") or one
    capitalised word that is not a person ("Telegraph"); "Hoàng Long" is a co-writer."""
    toks = words(raw)
    if not toks or len(toks) > 3 or is_names_line(raw) and len(toks) > 1:
        return False
    return bool(wire_name(raw) or looks_like_outlet(raw) or (len(toks) == 1 and raw[:1].isupper()))


def _pen_name(head: str) -> str | None:
    """The writer of an author line that credits its source after a capitalised "Theo"
    ("MyA", "Rosy Cheeks", "Minh Nguyễn - Design: Thủy Tiên"): 1-4 capitalised words (a pen
    name need not be a Vietnamese full name), maybe followed by "- Role: Name" credits."""
    first, *others = re.split(r"\s+[-–—|]\s+", head.strip())
    toks = words(first)
    if not 1 <= len(toks) <= 4 or not all(t[:1].isupper() and t.isalpha() for t in toks):
        return None
    if is_breadcrumb(first) or outlet_name(first):
        return None
    return first if all(_ROLE_CREDIT_RE.match(o) for o in others) else None


def _outlet_shaped(src: str) -> bool:
    """A source named like a publication: 1-8 words, capitalised, no sentence inside."""
    toks = words(src)
    return 1 <= len(toks) <= 8 and src[:1].isupper() and not re.search(r"[.!?]\s", src)


# A reference the story was compiled or translated from ("Tham khảo Sciencealert", "Lược dịch
# từ The Verge", "Tổng hợp từ Reuters, AFP"), or only the fact that it was ("Tổng hợp", "ST"):
# a credit line, but the reference is not the outlet that published the story.
_REFERENCE_RE = re.compile(
    r"^\(?\s*(?:tham khảo|tài liệu tham khảo|lược dịch từ|lược dịch theo|dịch từ|dịch theo|"
    r"biên dịch từ|biên dịch theo|tổng hợp từ|tổng hợp theo|trích từ|dẫn theo)\s*:?\s+"
    r"(?P<src>[^()]{2,80}?)\s*\)?\.?$|^\(?\s*(?:tổng hợp|sưu tầm|st|biên dịch|lược dịch)\s*\)?\.?$",
    re.IGNORECASE,
)


def _reference(text: str) -> bool:
    m = _REFERENCE_RE.match(text)
    if not m:
        return False
    src = m.group("src")
    return src is None or (
        src[:1].isupper() and len(words(src)) <= 10 and not re.search(r"[.!?]\s", src)
    )


def _reference_wires(text: str) -> str | None:
    """The news agencies among the references ("Tổng hợp từ Reuters, AFP" -> "Reuters/AFP")."""
    src = _REFERENCE_RE.match(text).group("src") or ""
    wires = [p.strip() for p in re.split(r"[,/;]|\s+và\s+", src) if wire_name(p.strip())]
    return "/".join(wires) or None


def _source(raw: str) -> str:
    ref = _REFERENCE_RE.match(raw.strip())
    if ref and ref.group("src"):  # "MINH ANH (tổng hợp từ Reuters)": Reuters
        return ref.group("src").strip(" .")
    m = _SOURCE_RE.match(raw.strip())
    return (m.group("src") if m else raw).strip(" .")


# the roles that credit the writer (what they made: ``_MADE_LABELS``), the photographer, and
# the rest of a long-form page's team
_WRITER_ROLES = frozenset({"nội dung", "tác giả", "nhóm thực hiện", *_MADE_LABELS})
_PHOTO_ROLES = frozenset({"ảnh", "video", "ảnh và video"})
# fmt: off
_TEAM_ROLES = (
    "thiết kế", "đồ họa", "đồ hoạ", "trình bày", "biên tập", "kỹ thuật", "dựng video", "quay phim",
    "infographic",
)
# fmt: on
_CREDIT_ROLE_RE = re.compile(
    rf"^(?P<role>{alternation([*_WRITER_ROLES, *_PHOTO_ROLES, *_TEAM_ROLES])})\s*:\s*(?P<name>.+)$",
    re.IGNORECASE,
)


def parse_credits(text: str) -> str | None:
    """A production-credits line of long-form pages ("Nội dung: Hoài Nam", "Bài: A - Ảnh: B -
    Thiết kế: C"): returns the writer's name ("" when only non-writing roles are credited), None
    when the line is not such a block. A lone "Ảnh: X" is left to the caption rules."""
    parts = [p for p in re.split(r"\s+[-–—|]\s+|\s*;\s*", text.strip().rstrip(".")) if p]
    if not 1 <= len(parts) <= 6:
        return None
    writer = ""
    roles = []
    for part in parts:
        m = _CREDIT_ROLE_RE.match(part.strip())
        if not m or not is_names_line(m.group("name").strip()):
            return None
        role = m.group("role").casefold()
        roles.append(role)
        if role in _WRITER_ROLES and not writer:
            writer = m.group("name").strip()
    if all(r in _PHOTO_ROLES for r in roles):
        return None
    return writer


# the word a credit puts before the paper's name ("Theo báo Tuổi Trẻ", "Theo tờ X")
_MEDIUM_RE = re.compile(
    rf"^{name_openers('paper', 'broadcaster', 'page', 'sheet')}\s+(?=\S)", re.IGNORECASE
)


def _writer_and_outlet(text: str) -> tuple[str | None, str | None]:
    """ "Anh Trang/Báo Quảng Nam", "Anh Trang - Báo Quảng Nam": the writer and the outlet they
    wrote for, when the part after "/" or " - " is shaped like a publisher's name."""
    for sep in ("/", " - ", " – "):
        writer, found, credit = text.partition(sep)
        writer, credit = writer.strip(), credit.strip()
        if found and is_names_line(writer) and is_outlet_credit(credit, acronyms=sep == "/"):
            return writer, credit
    return None, None


# "Theo amthucviet, monanngon, shopeefood": the websites a compiled story was taken from, by
# their lowercase names or domains
_SITE_NAME_RE = re.compile(r"^[a-z0-9][a-z0-9.\-]{3,}$")


def _site_list(src: str) -> bool:
    items = [t.strip() for t in re.split(r",|;|\s+và\s+", src)]
    return len(items) >= 2 and all(_SITE_NAME_RE.match(t) for t in items)


# a writer's e-mail printed after the name in the byline
_EMAIL_TAIL_RE = re.compile(r"\s*[-–—|,(]\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*\)?$")


_HANDLE_RE = re.compile(r"[A-ZĐ][^\W_]{1,19}")  # one word: "Min", "Duchp123"
_MASTHEAD_RE = re.compile(r"[A-ZĐ][\w.+&-]{1,19}")  # "Depplus", "TTTĐ", "Depplus.vn"


def _acronym(p: str) -> bool:
    return p.isalpha() and p.isupper()


def _masthead(src: str) -> bool:
    """A credit in parentheses naming publications only, one word each ("Depplus/MASK")."""
    parts = [p.strip() for p in src.split("/")]
    # two of them, or an acronym ("TTTĐ"): not a footballer's country ("Messi (Argentina)")
    named = len(parts) > 1 or any(_acronym(p) and len(p) >= 3 for p in parts)
    shaped = all(_MASTHEAD_RE.fullmatch(p) and (_acronym(p) or not is_location(p)) for p in parts)
    return named and shaped


# A writers widget glued by innerText: "TIẾN LONGvà 1 tác giả khácTIẾN LONGTHÀNH CHUNG" (the
# first writer, "and N other writers", then every name): the first is the author.
_MORE_WRITERS_RE = re.compile(r"^(?P<first>.+?)\s*(?:và|cùng)\s+\d+\s+tác giả khác", re.IGNORECASE)


# A desk or team credited as the writer: a unit's name, then maybe the unit above it
_DESK_RE = re.compile(r"^(?:Bộ phận|Nhóm|Phòng|Ban|Tổ|Khối)\s+(?=\S)")
_SECTION_NUMBER_RE = re.compile(r"^(?P<num>[IVXLC]{1,5}|\d{1,2})(?:\.\d{1,2})*\.\s+(?P<rest>\S.*)")


def _section_heading(s: str) -> bool:
    """ "II. THỐNG KÊ ...", "2. Kết quả": a numbered heading. One roman letter before a short
    rest or a full name is a writer's initial ("V. Hùng"): it needs three words, no name."""
    m = _SECTION_NUMBER_RE.match(s)
    if not m:
        return False
    rest = m["rest"]
    return (
        len(m["num"]) > 1
        or m["num"].isdigit()
        or (len(words(rest)) >= 3 and not is_full_name(rest))
    )


_DESK_JOINERS = frozenset({"&", "và", "-", "–"})


def _desk_credit(s: str) -> bool:
    """ "Bộ phận Phân tích Kinh tế & Chiến lược Thị trường, Phòng Tư vấn Vietstock": a line that
    is only a department's name (no sentence), each part opened by a unit word and every
    two-syllable word capitalised ("Phân tích"); a bare "Phòng X" / "Ban X" also names rooms
    and committees, so those need the unit above them too."""
    parts = [p.strip() for p in s.split(",")]
    toks = words(s)
    if not 3 <= len(toks) <= 16 or len(parts) > 3 or re.search(r"[.!?:;\"“”()]", s):
        return False
    if not all(_DESK_RE.match(p) for p in parts):
        return False
    if not (s.startswith(("Bộ phận", "Nhóm")) or len(parts) >= 2):
        return False
    for part in parts:  # "Bộ phận" + names: no two lowercase syllables in a row after it
        unit = _DESK_RE.match(part)
        rest = [t for t in words(part[unit.end() :]) if t not in _DESK_JOINERS] if unit else []
        if not rest or not rest[0][:1].isupper():
            return False
        if any(a[:1].islower() and b[:1].islower() for a, b in zip(rest, rest[1:], strict=False)):
            return False
    return True


_READER_SIGN_RE = re.compile(
    r"^(?:Độc giả|Bạn đọc)\s+(?P<name>giấu tên|[^()]{2,40}?)(?:\s*\([^()]{2,30}\))?$", re.I
)


def parse_byline(text: str) -> tuple[str | None, str | None] | None:
    """(author, source) for a byline line, None when the line is not a byline.

    Handles "Ngọc Ánh", "Hòa Bình (theo TTXVN)", "Hà Lâm/VOV.VN", "NGỌC AN - THANH HÀ",
    "Theo Anh Trang/Báo Quảng Nam", "Anh Trang - Báo Quảng Nam" (writer and outlet),
    "Theo báo Tuổi Trẻ", "BÁO QUẢNG NAM", "T.Lộc",
    "Bài và ảnh: Quang Thái", "Nhóm phóng viên", "PV", "Theo VOV", "(TTXVN/Vietnam+)".
    """
    bare = text.strip().strip("*_ ").rstrip(" .")
    reader = _READER_SIGN_RE.match(bare)
    if reader:  # a reader's letter signed "Độc giả giấu tên (TP.HCM)", "Bạn đọc Minh Anh"
        name = reader["name"]
        if name.casefold() == "giấu tên":
            return None, None
        return (name, None) if is_names_line(name) else None
    if _section_heading(bare):
        return None  # "II. THỐNG KÊ THỊ TRƯỜNG": the article's own numbered section heading
    if _desk_credit(bare):
        return bare, None  # "Bộ phận Phân tích Kỹ thuật, Phòng Tư vấn Vietstock": a desk wrote it
    more = _MORE_WRITERS_RE.match(bare)
    if more and is_names_line(more["first"]):
        return more["first"].strip(), None
    if _reference(bare):  # "(tổng hợp)", "Tổng hợp từ Reuters": a reference, an agency wire
        return None, _reference_wires(bare)
    s = _ROLE_PAREN_RE.sub("", bare).strip()
    s = _EMAIL_TAIL_RE.sub("", s).strip() or s  # "Trí Đỗ - mtri1904@gmail.com": the writer
    if not s or len(words(s)) > 14:
        return None
    resident = _RESIDENT_RE.match(s)
    if resident and is_names_line(resident["names"]):
        # "QUỐC DŨNG - DUY TOÀN Phóng viên Báo Nhân Dân thường trú tại Lào"
        return resident["names"], resident["outlet"].strip()
    academic = _ACADEMIC_RE.match(s)
    if academic and is_full_name(academic["name"]):
        return s, None  # "TS. Nguyễn Sĩ Dũng", as printed
    after = _ROLE_AFTER_RE.match(s)
    if after and (is_names_line(after["name"]) or _REPORTER_RE.match(after["name"])):
        s = after["name"]
    if _reference(s):
        return None, _reference_wires(s)
    trailing = _TRAILING_SOURCE_RE.match(s)
    if trailing and not _SOURCE_RE.match(s):
        head = parse_byline(trailing.group("head"))
        src = trailing.group("src").strip()
        if head is not None and head[0]:  # "Writer/Outlet Theo: Agency": both credits kept
            return head[0], f"{head[1]}/{src}" if head[1] else src
        pen = _pen_name(trailing.group("head"))
        if pen and _CAPITAL_THEO_RE.search(s) and _outlet_shaped(src):
            return pen, src  # "MyA Theo Pháp luật & Bạn đọc": a pen name, then the source
    sourced = _SOURCE_WRITER_RE.match(s)
    if sourced:  # "Nguồn: Toàn Thắng (Autovina)": the writer, then the outlet in parentheses
        inner = parse_byline(sourced["rest"])
        if inner is not None and inner[0] and inner[1]:
            return inner
    m = _SOURCE_RE.match(s)
    if m and len(words(m.group("src"))) <= 8 and not re.search(r"[.!?]\s", m.group("src")):
        src = m.group("src").strip()
        host = _URL_HOST_RE.match(src)
        if host and ("/" in src or src.startswith("www.")):
            return None, host.group("host")  # "Nguồn: https://vnexpress.net/...": the site
        writer, credit = _writer_and_outlet(src)  # "Theo Anh Trang/Báo Quảng Nam"
        if writer:
            return writer, credit
        bare = _MEDIUM_RE.sub("", src, count=1)  # "Theo báo Tuổi Trẻ": the paper's name
        if bare != src and src[:1].islower() and bare[:1].isupper():
            src = bare if outlet_name(bare) else src[:1].upper() + src[1:]
        if src[:1].isupper() or outlet_name(src) or _site_list(src):
            return None, src
        return None
    if s.startswith("(") and s.endswith(")") and looks_like_outlet(s[1:-1].split("/")[-1]):
        return None, s[1:-1].strip()
    if outlet_name(s) and len(words(s)) <= 3:
        return None, s  # a bare credit line such as "TTXVN" or "Vietnam+"
    if is_outlet_credit(s, acronyms=False):
        return None, s  # "BÁO QUẢNG NAM", "PetroTimes"
    writer, credit = _writer_and_outlet(s)
    if writer:
        return writer, credit  # "Anh Trang - Báo Quảng Nam"
    writer, _, credit = s.partition(" - ")
    if credit and is_names_line(writer) and _foreign_source(credit.strip()):
        return writer.strip(), credit.strip()  # "Đăng Nguyễn - Reuters", "Nguyễn Thái - Telegraph"
    source: str | None = None
    suffix = _SUFFIX_RE.search(s)
    if suffix and suffix.start() > 0:
        source = _source(suffix.group("src"))
        s = s[: suffix.start()].strip()
        s = re.sub(r"^theo\s+", "", s, flags=re.IGNORECASE)  # "Theo Anh Trang (Báo Quảng Nam)"
    prefixed = bool(_BYLINE_PREFIX_RE.match(s))
    s = _BYLINE_PREFIX_RE.sub("", s, count=1).strip()
    if "/" in s:  # "Hà Lâm/VOV.VN", "Thành Nam/Báo Tin tức và Dân tộc"
        left, _, right = s.partition("/")
        credit = len(words(right)) <= 4 or bool(_PAPER_RE.match(right.strip()))
        if credit and looks_like_outlet(left.strip()) and not source:
            return None, s  # "TTXVN/Báo Tin tức và Dân tộc": agency and paper
        if credit and (is_names_line(left.strip()) or _REPORTER_RE.match(left)):
            source = source or right.strip()
            s = left.strip()
    if _REPORTER_ONLY_RE.match(s):
        return None, source
    if _REPORTER_RE.match(s) or is_names_line(s) or _INITIALS_RE.match(s):
        return s, source
    handle = _HANDLE_RE.fullmatch(s) and not (outlet_name(s) or wire_name(s) or is_location(s))
    if suffix and source and handle and _masthead(source):
        return s, source  # "Min (Depplus/MASK)", "Duchp123 (TTTĐ)": a pen name or user name
    code = _WRITER_CODE_RE.fullmatch(s) or (prefixed and re.fullmatch(r"[A-ZĐ]{2}", s))
    if code and sum(c in "AEIOUY" for c in s) <= 1 and not source:
        return None, None  # "CTVX", "Bài, ảnh: VT": a writer's code, not a name
    return None


def _source_credit(text: str) -> bool:
    """A closing line first read as a photo credit that credits the story: "Nguồn: VTV", or
    a writer with the story's source ("Vân Bình (Nguồn: Reuters)")."""
    if _SOURCE_RE.match(text):
        return True
    parsed = parse_byline(text)
    return parsed is not None and parsed[0] is not None and parsed[1] is not None


def byline_like(text: str) -> bool:
    return parse_byline(text) is not None


def publisher_line(page: Page, i: int) -> bool:
    """A short credit over the story's timestamp that names who published it, not a writer
    (aggregators print the source paper there: "Bnews", "Chính Phủ", "Đồng Tháp"): a known
    outlet, a place, or words the story itself uses as ordinary words (a writer's name is not
    a phrase of the story; "Chính phủ" is)."""
    t = page[i].text
    if not page.stamped(i, above=False) or len(words(t)) > 4 or not t[:1].isupper():
        return False
    if outlet_name(t) or t.casefold() in PLACES:  # not "NGỌC AN": caps is a writer's name
        return True
    if not is_names_line(t) or is_full_name(t):
        return False
    phrase = f" {key(t)} "
    others = (ln.text for j, ln in enumerate(page.lines) if j not in (i, page.title_idx))
    return any(phrase in f" {key(o)} " for o in others)


# a writer's label: the author field's ("Tác giả:"), or what they made (``_MADE_LABELS``), which
# no frame's field is labelled with
_WRITER_LABEL_RE = re.compile(
    rf"^{alternation(WRITER_LABELS + _MADE_LABELS)}\s*:\s*\S", re.IGNORECASE
)


def labelled_byline(text: str) -> bool:
    """ "Tác giả: X", "Bài: X" (any titles before the name): the label names the writer, so
    the line needs no name check; short, and no sentence."""
    return (
        bool(_WRITER_LABEL_RE.match(text))
        and len(words(text)) <= 12
        and not text.rstrip().endswith((".", "?", "!"))
    )


def _credit_name(page: Page, i: int) -> bool:
    """A bare name mid-body that credits someone (a writer, a photographer), not a subheading:
    not a caps or Title-Case heading, not the answerer under an interview question, and the next
    paragraph does not talk about that person (a profile section headed by the name)."""
    t = page[i].text
    if i in page.rows or not is_names_line(t) or parse_byline(t) is None:
        return False
    if t.isupper() and not is_full_name(t):
        return False  # "THÚC ĐẨY HỢP TÁC": a caps subheading, not a name
    if title_case_phrase(page, t):
        return False
    p = page.prev(i)
    if p is not None and page[p].text.rstrip(' ”"»').endswith(("?", ":")):
        return False  # the answerer's name under an interview question; a name announced
    if _name_sections(page, i):
        return False
    n = page.next(i)
    if n is None:
        return True
    if len(words(t)) >= 2 and key(t).replace(" ", "") in key(page[n].text).replace(" ", ""):
        return False  # "Hồ Cốc" over "...Vũng Tàu,Hồ Cốclà ...": the section's place, its link
        # text glued to the words around it
    return words(t)[-1].casefold() not in key(page[n].text).split()


def _name_sections(page: Page, i: int) -> bool:
    """ "Nathan Lee" / text / "Chí Thiện" / text / "Phi Thanh Vân" ...: two or more bare names
    further down, each over a paragraph, make the first one a section's heading too (a
    listicle of people), not the writer's byline."""
    heads = 0
    for k in page.open_indices():
        if k <= i or len(words(page[k].text)) > 5 or not is_names_line(page[k].text):
            continue
        n = page.next(k)
        heads += n is not None and is_prose(page[n].text)
    return heads >= 2


def _photo_credit_line(page: Page, i: int) -> None:
    """A bare name mid-body is the photographer under an uncredited caption ("Giang Huy")."""
    if not _credit_name(page, i):
        return
    page.decide(i, "photo-credit")
    p = page.prev(i)
    if (
        p is not None
        and page[p].kind is None
        and len(words(page[p].text)) <= 35
        and caption_after_image(page[p].text)
    ):
        page.decide(p, "photo-caption")


def title_case_phrase(page: Page, text: str) -> bool:
    """A Title-Case subheading ("Đẩy Nhanh Giải Ngân") rather than a name: 3+ syllables, not
    opening with a surname, and most of them used as ordinary lowercase words in the body."""
    toks = words(text)
    if len(toks) < 3 or is_full_name(text):
        return False
    body = {w for ln in page.lines if ln.kind is None and ln.text != text for w in ln.text.split()}
    common = sum(t.casefold() in body for t in toks)
    return common * 3 >= len(toks) * 2


def _credit_only(page: Page, i: int) -> bool:
    return page[i].kind == "photo-caption" and is_caption_only(page[i].text)


_CREDIT_KINDS = frozenset({"byline", "photo-caption", "photo-credit", "source-credit", "url"})


# A sentence's opening clause set off by a comma ("Ngày nay, ", "Tuy nhiên, "): told prose
_OPENING_CLAUSE_RE = re.compile(r"^[^,]{1,25},\s")


def _closing_code(text: str, last: bool) -> bool:
    """A writer's two-letter code ("CN", "TH") as the page's very last line, under the body:
    alone it may be any abbreviation, there it signs the story (codes of three or more letters
    are ``parse_byline``'s anywhere)."""
    return last and bool(re.fullmatch(r"[A-ZĐ]{2}", text)) and sum(c in "AEIOUY" for c in text) <= 1


def _closing_link(page: Page, i: int, quoted: bool = False) -> bool:
    """A lone headline after the body, set off by credits (the closing "Theo <Outlet>" under it,
    or a photo credit or source line over it), is a link to another story: a subheading always
    has text under it, and a closing caption is followed by its credit, not by the byline.
    Headlines are long (10+ words); one sentence, with no full stop. A headline ending in a
    quotation ("...: “Cứ 500 triệu ... có hết”", ``quoted``) reads like a quoted paragraph, so
    it needs credits on both sides."""
    t = page[i].text
    bare = t.rstrip(" " + "".join(CLOSING_QUOTES))
    if quoted and not quoted_headline(t):
        return False
    if len(words(t)) < 10 or sentence_count(bare) > 1 or i in page.rows:
        return False
    if person_title_parts(re.sub(r"\s+[-–—]\s+", ", ", t, count=1)) is not None:
        return False  # "Ông X – Giám đốc ...": a person and their titles, not a headline
    if not (bare[-1:].isalnum() or bare != t):
        return False  # "... cách 400km/": a paragraph cut short, not a headline
    if PROSE_START_RE.match(t) and _OPENING_CLAUSE_RE.match(t):
        return False  # "Ngày nay, ...": the body's last sentence, its full stop lost
    p, n = page.prev(i), page.next(i, undecided=False)
    credit_above = p is not None and page[p].kind in _CREDIT_KINDS
    byline_below = n is not None and (
        page[n].kind == "byline" or (page[n].kind is None and byline_like(page[n].text))
    )
    if quoted:
        return credit_above and byline_below
    headline = len(words(t)) >= 15 or bool(re.search(r"[:“”\"]", t))  # not a short last line
    return (byline_below and (credit_above or headline)) or (credit_above and n is None)


def author_box(ln: Line) -> str | None:
    """The writer's name of an author box whose second line, the writer's position, was joined
    to it ("TS Đinh Văn Minh" / "nguyên Vụ trưởng Vụ Pháp chế, ..."), None otherwise."""
    if len(ln.parts) != 2 or not ln.parts[1][1][:1].islower():
        return None
    name = ln.parts[0][1]
    return name if len(words(ln.parts[1][1])) <= 15 and byline_like(name) else None


_BARE_SITE_RE = re.compile(r"^www\.[\w-]+(?:\.[\w-]+)+/?$", re.IGNORECASE)


def contact_sites(page: Page) -> frozenset[int]:
    """Bare web addresses inside a block of contact lines ("Xem thông tin chi tiết tại:" /
    "www.example.com" / "Facebook: ..."; "08 38379138" / "www.a.vn" / "www.b.vn" / "Nhà sản
    xuất:"): short lines stand above and below the run, after the story has begun, so the
    addresses belong to the text (an advertorial's contacts), not to the page's furniture."""
    lines = page.open_indices()
    prose = [i for i in lines if is_prose(page[i].text)]
    if not prose:
        return frozenset()
    found: set[int] = set()
    k = 0
    while k < len(lines):
        if not _BARE_SITE_RE.match(page[lines[k]].text):
            k += 1
            continue
        end = k
        while end + 1 < len(lines) and _BARE_SITE_RE.match(page[lines[end + 1]].text):
            end += 1
        if k > 0 and end + 1 < len(lines) and lines[k - 1] >= prose[0]:
            above, below = page[lines[k - 1]].text, page[lines[end + 1]].text
            if len(words(above)) <= 10 and len(words(below)) <= 10:
                found.update(lines[k : end + 1])
        k = end + 1
    return frozenset(found)


def announced_contacts(page: Page) -> frozenset[int]:
    """Contact lines the text announces ("... tòa soạn xin cung cấp địa chỉ và số điện thoại
    của lương y:" then "Địa chỉ: ...", "Điện thoại: ..."): a paragraph ending in a colon gives
    them, so they are its text, not the site's footer, up to the first line of another shape."""
    found: set[int] = set()
    for i in page.open_indices():
        t = page[i].text.rstrip()
        if not (t.endswith(":") and is_prose(t[:-1] + ".")):
            continue
        n = page.next(i)
        while n is not None and footer_reason(page[n].text) == "copyright-footer":
            found.add(n)
            n = page.next(n)
    return frozenset(found)


_BOX_HEADING_MAX_WORDS = 6


def _closing_box(page: Page, body: list[int]) -> None:
    """Byline, a short sign-off ("FILI") maybe, then an all-caps heading ("CÁC KÊNH ĐẦU TƯ")
    and only headline-shaped lines to the end: a box of other stories, whatever the heading
    says (the story ended with its byline)."""
    for k, i in enumerate(body[:-2]):
        if k < len(body) // 2 or not byline_like(page[i].text):
            continue
        rest = body[k + 1 :]
        if _sign_off(page[rest[0]].text) and len(rest) > 2:
            rest = rest[1:]
        head, items = rest[0], rest[1:]
        h = page[head].text
        if not (h.isupper() and len(words(h)) <= _BOX_HEADING_MAX_WORDS and not h.endswith(".")):
            continue
        if all(is_title_like(page[j].text) and len(words(page[j].text)) >= 4 for j in items):
            page.decide(head, "related-heading")
            for j in items:
                page.decide(j, "related-item")
        return


_BRACKET_CREDIT_RE = re.compile(r"^\((?P<name>[A-ZÀ-Ỹ][^()\d.!?:;,]{1,40})\)\.?$")


def _bracket_credit(text: str) -> str | None:
    """ "(Khám phá)." closing the text, a byline under it: the name of the paper the story was
    taken from, in brackets (a wire's "(TTXVN)" in the same place)."""
    m = _BRACKET_CREDIT_RE.match(text.strip())
    return m["name"].strip() if m and 1 <= len(words(m["name"])) <= 4 else None


def _sign_off(text: str) -> bool:
    """ "FILI", "HT": a short all-caps code a desk signs its report with."""
    t = text.strip()
    return t.isupper() and t.isalpha() and 2 <= len(t) <= 6


def decide_bylines(page: Page, title_idx: int | None) -> tuple[str | None, str | None]:
    """Mark head/tail bylines and the furniture after a tail byline; return (author, source)."""
    body = page.open_indices()
    _closing_box(page, body)
    body = page.open_indices()
    prose = [i for i in body if is_prose(page[i].text)]
    while len(prose) > 2 and is_column_blurb(page[prose[-1]].text):  # after the body only
        page.decide(prose.pop(), "column-blurb")
        body = [i for i in body if page[i].kind is None]
    author: str | None = None
    source: str | None = None

    def take(i: int) -> None:
        nonlocal author, source
        parsed = parse_byline(author_box(page[i]) or page[i].text)
        page[i].kind = "byline"  # also over a "Nguồn: X" first taken for a photo credit
        if parsed:
            author = author or parsed[0]
            if parsed[1] and (source is None or parsed[1] not in source.split("/")):
                # every credit counts: "Bnews" above the story, "Diệu Linh (Theo AFP)" below
                source = f"{source}/{parsed[1]}" if source else parsed[1]

    if len(prose) > 2 and _closing_link(page, prose[-1], quoted=True):
        page.decide(prose.pop(), "related-item")  # "Headline: “a quote”" between credits
        body = [i for i in body if page[i].kind is None]
    if prose:
        first, last = prose[0], prose[-1]
        for i in body:  # bylines between the headline and the first paragraph
            if i >= first:
                break
            if i != title_idx and publisher_line(page, i):
                page[i].kind = "publisher"
                page.publisher = outlet_name(page[i].text) or page[i].text
            elif i != title_idx and byline_like(page[i].text):
                take(i)
        # "Lead paragraph / Văn Nam / body ...": a bare name directly under the lead (nothing
        # between them, and no caption above it to credit) is the writer's byline
        under = page.next(first, undecided=False)
        if (
            author is None
            and under is not None
            and under < last
            and page[under].kind is None
            and _credit_name(page, under)
            and all(page[i].kind is not None or i == title_idx for i in range(first))
        ):
            take(under)
        elif (
            author is None
            and under is not None
            and under < last
            and page[under].kind is None
            and labelled_byline(page[under].text)
            and all(page[i].kind is not None or i == title_idx for i in range(first))
        ):
            take(under)  # "Tác giả: NCS TS Trần Lê Đình Hiếu" under the lead: the label says it
        tail = [i for i in body if i > last]
        sites = contact_sites(page)  # "www.x.vn" among contact lines: the advertorial's text
        after_byline = False
        for i in tail:
            t = page[i].text
            n = page.next(i)
            listed = i in page.rows and n is not None and n in page.rows
            p = page.prev(i)
            if after_byline and byline_like(t) and p is not None and page[p].kind == "byline":
                take(i)  # "Theo LRT" / "Hoàng Cường": a credit, then the writer, in a row
            elif after_byline:
                page.decide(i, "page-furniture")
            elif listed and is_names_line(page[n].text):
                continue  # a name inside a closing list of names; the byline ends the list
            elif (byline_like(t) or author_box(page[i]) or _closing_code(t, i == tail[-1])) and (
                i not in sites
            ):
                take(i)
                after_byline = True
            elif (credited := _bracket_credit(t)) and n is not None and byline_like(page[n].text):
                page[i].kind = "byline"  # "(Khám phá)." over the byline: where the story is from
                source = f"{source}/{credited}" if source else credited
            elif is_breadcrumb(t):
                page.decide(i, "breadcrumb")
        for i in range(last + 1, len(page)):  # "Nguồn: VTV" closing the article is a credit
            credit = _source_credit(page[i].text) or author_box(page[i])
            if page[i].kind in ("photo-caption", "url") and credit:
                take(i)
        # a closing salutation ("Kính thưa ...,") or enumeration ("...; ...") is the article's
        leftovers = [
            i
            for i in tail
            if page[i].kind is None
            and is_title_like(page[i].text)
            and len(words(page[i].text)) >= 4  # "13", "Lyon", "Phạt góc": table cells
            and not page[i].text.endswith(("!", "?", ","))
            and ";" not in page[i].text
            and not LIST_ITEM_RE.match(page[i].text)
        ]
        announced = any(page[i].text.endswith(":") for i in (last, *tail))  # a list, a table
        # a run of them closed by a credit line ("Ảnh: Facebook nhân vật") is a photo story
        credited: set[int] = set()
        for i in reversed(leftovers):
            n = page.next(i, undecided=False)
            if n is not None and (n in credited or _credit_only(page, n)):
                credited.add(i)
                page.decide(i, "photo-caption")
        leftovers = [i for i in leftovers if i not in credited]
        listed = same_opening([page[i].text for i in leftovers])  # rows of a list
        # a poem's lines after its last stanza ending in a full stop: short, like that one
        short = sum(len(words(page[i].text)) <= 9 for i in leftovers)
        verse = len(words(page[last].text)) <= 9 and short * 3 >= len(leftovers) * 2
        listed = listed or verse
        if len(leftovers) >= 2 and not announced and not listed:
            for i in leftovers:
                page.decide(i, "related-item")
        elif len(leftovers) == 1 and not announced and _closing_link(page, leftovers[0]):
            page.decide(leftovers[0], "related-item")
        # a bare name mid-body right after a quote attributes the quote
        for i in body:
            t = page[i].text
            named = is_full_name(t) or is_titled_name(t)
            if page[i].kind is None and first < i < last and named and i not in page.rows:
                p = page.prev(i)
                if p is not None and is_quote(page[p].text):
                    page.decide(i, "quote-attribution")
        for i in body:
            if page[i].kind is None and first < i < last:
                _photo_credit_line(page, i)
    return author, source
