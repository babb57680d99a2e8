"""Title, published date, outlet and wire: the metadata a brief shows.

Headers first: `` date YYYY-MM-DD `` (maybe with the headline on the same line) and
`` outlet NAME `` (written by the HTML reader from ``<title>``/``og:site_name``). The title is
the first remaining line (section labels over it skipped; a Markdown ``# Heading`` wins); a lead
paragraph standing first gives its first sentence. The date comes from the header, a timestamp
line, or the lead's event date (a year is never guessed).
"""

from __future__ import annotations

import re

from pipeline import dates
from pipeline.cleaning.bylines import byline_like
from pipeline.cleaning.lines import BLANK, HEADER, LINK_REASONS, TITLE, Page
from pipeline.cleaning.outlets import (
    BAO_E_EDITION,
    E_EDITION,
    is_brand_name,
    is_location,
    is_outlet_credit,
    looks_like_outlet,
    name_openers,
    outlet_name,
    strip_dateline,
    wire_name,
)
from pipeline.cleaning.rules import MENU_LABELS, is_breadcrumb, is_teaser_tag
from pipeline.cleaning.text import (
    ends_with_ellipsis,
    is_paragraph,
    is_quote,
    is_title_like,
    normalize,
    sentences,
    words,
)
from pipeline.names import is_full_name

LEAD_MIN_WORDS = 30  # a first line longer than this is a lead paragraph even without a period
TITLE_MAX_WORDS = 30
_DATE_HEADLINE_RE = re.compile(r"^date\s+(\d{4}-\d{1,2}-\d{1,2})\s+(?P<rest>\S.*)$", re.I)
_OUTLET_HEADER_RE = re.compile(r"^outlet\s+(?P<name>\S.{0,60})$", re.I)
MD_HEADING_RE = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>\S.*?)\s*#*$")
_FOLLOW_OUTLET_RE = re.compile(
    r"^(?:hãy |mời bạn )?theo dõi\s+(?P<o>.{2,40}?)\s+(?:trên|tại|qua)\b", re.IGNORECASE
)


def read_headers(page: Page) -> tuple[str | None, str | None]:
    """Consume leading header lines; return (published, outlet) they give.

    `` date 2025-12-01 Headline`` is a date header and a headline on one line: the date is read
    and the line keeps only the headline, so the title step finds it.
    """
    published = outlet = None
    for ln in page.lines:
        if ln.kind is not None:
            continue
        m = _OUTLET_HEADER_RE.match(ln.text)
        if m:
            ln.kind = HEADER
            name = m.group("name").strip()
            outlet = outlet or known_paper(name) or name
            continue
        iso = dates.parse_header(ln.text)
        if iso is None and re.match(r"^date\s+\S+$", ln.text, re.IGNORECASE):
            ln.kind = HEADER
            continue
        if iso is not None:
            ln.kind = HEADER
            published = published or iso
            continue
        m = _DATE_HEADLINE_RE.match(ln.text)
        if m:
            published = published or dates.parse_header(f"date {m.group(1)}")
            ln.text = m.group("rest")
        break
    return published, outlet


def is_lead(text: str) -> bool:
    """A first line that is a lead paragraph rather than a headline."""
    bare = text.rstrip('”"’»)] ')
    return len(words(text)) > LEAD_MIN_WORDS or (
        bare.endswith(".") and not ends_with_ellipsis(text)
    )


# fmt: off
_DANGLING = frozenset({
    "tại", "của", "và", "với", "cho", "trong", "theo", "về", "ở", "từ", "đến", "cùng", "các",
    "những", "để", "là", "do", "bởi", "trên", "dưới", "sau", "trước", "khi", "nhằm", "một",
})
# fmt: on


_TENSE = frozenset({"đã", "vừa", "sẽ", "đang", "tiếp", "chính thức"})


def _main_clause(sentence: str) -> str | None:
    """ "Sáng 1/12, sau lễ đón ..., Tổng Bí thư Tô Lâm đã hội đàm với ...": a long lead opens
    with its time and circumstances; its news is the clause whose subject (a few capitalised
    words) is followed by a tense marker ("đã", "vừa", "sẽ"). None when there is no such clause
    or it is too long to be a title."""
    for m in re.finditer(r",\s+", sentence):
        clause = sentence[m.end() :].strip()
        toks = words(clause)
        if not clause[:1].isupper() or not 6 <= len(toks) <= TITLE_MAX_WORDS:
            continue
        if any(t.casefold() in _TENSE for t in toks[1:8]):
            return clause
    return None


def title_from_lead(text: str) -> str:
    """First sentence of a lead, without its period; over 30 words it is cut at the last clause
    boundary (a comma before a lowercase word), else shown cut with "…". A comma before a
    capitalised word is inside a list of names ("Đảng, Nhà nước"): cutting there misleads."""
    found = sentences(text)
    first = (found[0] if found else text).strip().rstrip(".").strip()
    toks = words(first)
    if len(toks) <= TITLE_MAX_WORDS:
        return first
    main = _main_clause(first)
    if main:
        return main
    head = " ".join(toks[:TITLE_MAX_WORDS])
    for m in reversed(list(re.finditer(r",\s+(?=\w)", head))):
        nxt = head[m.end() :][:1]
        if nxt.islower() and len(words(head[: m.start()])) >= 8:
            return head[: m.start()].strip()
    # no clause boundary: cut at a word, but not inside a name ("Phủ | Chủ tịch") nor after a
    # dangling function word ("... tại")
    n = TITLE_MAX_WORDS
    while n > 8 and toks[n - 1][:1].isupper() and toks[n][:1].isupper():
        n -= 1
    while n > 8 and toks[n - 1].casefold() in _DANGLING:
        n -= 1
    return " ".join(toks[:n]).rstrip(",;:") + "…"


_LABEL_MAX_WORDS = 5
_SECTION_MAX_WORDS = 8


def _section_above(page: Page, i: int) -> bool:
    """A short label over the real headline is a section name the page printed above it: the
    next line is a clearly longer headline (not a lead, not a byline)."""
    a = page[i].text
    kicker = len(words(a)) <= 4 and a.endswith(":")  # "Trung Quốc:" over the headline
    if kicker:
        a = a[:-1].rstrip()
    # a label is a few words ("Giáo dục - Sức khỏe"), a trail or an event's name a few more
    # ("Trang chủ > Thể thao > eSport"); a longer line in capitals or opening on a number
    # ("10 MÓN NGON VỚI CÁ HỒI") over its subtitle is the headline, as listicles print it
    size = sum(any(c.isalnum() for c in w) for w in words(a))
    headline = a.isupper() or a[:1].isdigit()
    if size > _SECTION_MAX_WORDS or (size > _LABEL_MAX_WORDS and headline):
        return False
    if a.endswith((".", "?", "!", ":", "…")) or is_quote(a):
        return False
    if re.search(r"[:'\"“”‘’?]", a):
        return False  # "Nistelrooy: 'Bayern ...'": a headline quotes; a section label never does
    acronym = len(words(a)) == 1 and a.isupper()  # "THPT": a section, no writer's initials
    if is_lead(a) or (byline_like(a) and not kicker and not acronym):  # never ends with ":"
        return False
    j = page.next(i)
    if j is None:
        return False
    if _headline_over_stamp(page, i):
        return False
    b = page[j].text
    if strip_dateline(b)[2] or len(sentences(b)) > 1:
        return False  # "(PLO) - ...", "... thành lập. Vì sao ...?": the lead, never a headline
    return (
        not is_lead(b)
        and is_title_like(b)
        and not byline_like(b)
        and len(words(b)) >= len(words(a)) + 3
    )


def _headline_over_stamp(page: Page, i: int) -> bool:
    """A breadcrumb trail opening the page and the page's timestamp right under or over the
    line ("Tin tức > Sức khỏe" / "Góc tối nghề tiếp viên" / "01/04/2014 12:47"): the trail
    names the section, so the first open line under it is the headline, however short."""
    above = [k for k in range(i) if page[k].kind not in (BLANK, HEADER)]
    if any(page[k].kind is None for k in above):
        return False
    trail = any(page[k].kind == "breadcrumb" and _TRAIL_SEP_RE.search(page[k].text) for k in above)
    return trail and page.stamped(i)


_TRAIL_SEP_RE = re.compile(r"\s[>»›]\s")


def _masthead(page: Page, i: int) -> bool:
    """The outlet's own name printed over the headline: shaped like a publisher's name ("Báo
    Gia Lai", a domain, "PetroTimes") with a headline under it."""
    if not is_outlet_credit(page[i].text, acronyms=False):
        return False
    j = page.next(i)
    return j is not None and is_title_like(page[j].text) and not is_lead(page[j].text)


def markdown_headings(page: Page) -> int | None:
    """``# Heading`` lines of a Markdown input lose their marker; returns the first top-level
    heading (the title). "#tag" words without a space are tags, not headings."""
    first = None
    for i, ln in enumerate(page.lines):
        m = MD_HEADING_RE.match(ln.text) if ln.kind is None else None
        if m:
            ln.text = normalize(m.group("text"))
            if first is None and len(m.group("hashes")) == 1:
                first = i
    return first


def pick_title(page: Page, md_title: int | None = None) -> None:
    """Set page.title_idx / page.title_is_lead (the title line is marked TITLE unless a lead)."""
    if md_title is not None and page[md_title].kind is None:
        page[md_title].kind = TITLE
        page.title_idx = md_title
        return
    for i, ln in enumerate(page.lines):
        if ln.kind == "teaser-tag" and is_teaser_tag(ln.text):
            ln.kind = TITLE  # "[Video] ..." above everything else is this article's headline
            page.title_idx = i
            _cut_site_name(page, i)
            return
        if ln.kind is not None:
            continue
        if (
            is_breadcrumb(ln.text)
            or outlet_name(ln.text)
            or SECTION_SLUG_RE.fullmatch(ln.text)  # "the-gioi": the URL's section, no headline
            or _section_above(page, i)
            or _label_over_stamped(page, i)
        ):
            page.decide(i, "breadcrumb")
            continue
        if _masthead(page, i):  # "Báo Gia Lai" / "baogialai.com.vn" over the headline
            page.decide(i, "outlet-name")
            page.masthead = page.masthead or ln.text
            continue
        page.title_idx = i
        named = _site_cut(page, i)
        page.title_is_lead = (
            is_lead(named[0] if named else ln.text)  # a long headline and the site's name
            and not _dated_headline(page, i)
            and not _long_headline(page, i)
            and not _short_headline(page, i)
        )
        if not page.title_is_lead:
            ln.kind = TITLE
            _cut_site_name(page, i)
        return


def _site_cut(page: Page, i: int) -> tuple[str, str] | None:
    """(headline, site name) when line i is a <title> line: "Headline - Báo Gia Lai",
    "Headline - Chuyên trang X - Báo Y" (both levels cut)."""
    text = page[i].text
    site = _SITE_SUFFIX_RE.search(text)
    if site is None:
        return None
    head = text[: site.start()]
    short = 2 if outlet_name(site["site"]) else 3  # "Khởi đầu - Znews"
    if len(words(head)) < short or not _site_suffix(page, i, head, site):
        # "... - Tạp chí Nhà Quản Trị - TheLEADER": a publication's name that holds a dash
        named = _PREFIXED_SITE_RE.search(text)
        if named is None or len(words(text[: named.start()])) < 3:
            return None
        return text[: named.start()], named["site"]
    inner = _SITE_SUFFIX_RE.search(head)
    if inner and _SITE_PREFIX_RE.match(inner["site"].strip()):
        head = head[: inner.start()]
    return head, site["site"]


def _cut_site_name(page: Page, i: int) -> None:
    """The headline keeps no site name; the name is the page's masthead (and its printed copy
    elsewhere on the page is the masthead line). A section tail goes too, before or after the
    site's name ("Headline | Thời sự | Site")."""
    _cut_section_tail(page, i)
    cut = _site_cut(page, i)
    if cut is None:
        return
    page[i].text, name = cut
    _cut_section_tail(page, i)
    printed = _printed_name(page, i, name)
    page.masthead = page.masthead or (page[printed].text if printed is not None else name)
    if printed is not None:  # the site's name printed on the page: its masthead
        page.decide(printed, "outlet-name")


_SECTION_TAIL_RE = re.compile(r"\s+\|\s+(?P<section>[^|]{2,40})$")
_SECTION_TAIL_MAX_WORDS = 5
_HEADLINE_MARK_RE = re.compile(r"[\d:'\"“”‘’?!.,…()]")


def section_tail(name: str) -> bool:
    """The section a <title> line names after " | " ("Headline | Thời sự", "| Bóng đá Việt
    Nam", "| Theo dòng thời sự"): a known section, or a short label opening on a capital whose
    last words are a known section or a place (a desk's scope: "Bóng đá Quốc tế"). A number,
    a quote or an end mark is a headline's own words, never a section's."""
    name = name.strip()
    if is_breadcrumb(name):
        return True
    toks = words(name)
    if not 1 <= len(toks) <= _SECTION_TAIL_MAX_WORDS or not name[:1].isupper():
        return False
    if _HEADLINE_MARK_RE.search(name) or _SITE_PREFIX_RE.match(name) or outlet_name(name):
        return False  # "| Báo Gia Lai": a paper's name ends on its place too
    if is_outlet_credit(name, acronyms=False) or _paired_name(name) or is_brand_name(name):
        return False  # "Sức khỏe & Đời sống", "PetroTimes": how magazines and sites are named
    # a desk's own label as menus print it, sentence case, maybe two joined by a dash: "Hình
    # sự", "Âm nhạc", "Đầu tư - Quy hoạch", "Ô tô-Xe máy" (a person's or a place's name is
    # capitalised throughout: "| Hà Nội" is no desk)
    labels = [p for p in re.split(r"\s*-\s*", name) if p]
    if all(_sentence_label(p) for p in labels) and len(labels) <= 2:
        return not (len(labels) == 1 and len(toks) == 1 and name.isupper())  # "| PLO"
    return len(toks) >= 2 and any(
        " ".join(toks[n:]).casefold() in MENU_LABELS or is_location(" ".join(toks[n:]))
        for n in range(1, len(toks))
    )


_LABEL_PART_MAX_WORDS = 3


def _sentence_label(part: str) -> bool:
    toks = part.split()
    return (
        1 <= len(toks) <= _LABEL_PART_MAX_WORDS
        and toks[0][:1].isupper()
        and all(t[:1].islower() for t in toks[1:])
    )


def _cut_section_tail(page: Page, i: int) -> None:
    """ "TP.HCM: Khoanh vùng ... karaoke | Thời sự": the site's section after the headline
    goes; it names no outlet. The head must still read as a headline (three words or more)."""
    m = _SECTION_TAIL_RE.search(page[i].text)
    if m and section_tail(m["section"]) and len(words(page[i].text[: m.start()])) >= 3:
        page[i].text = page[i].text[: m.start()].rstrip()


SECTION_SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")
_STAMPED_LABEL_MAX_WORDS = 3
_CAPS_LABEL_MAX_WORDS = 5
_LONG_HEADLINE_MAX_WORDS = 45


def _label_over_stamped(page: Page, i: int) -> bool:
    """ "Dân sinh" / "Tôi viết" over a headline with the page's timestamp right under the
    headline (or between the two): a section's few words over the headline the stamp dates,
    even a headline hardly longer than the label (``_section_above`` asks for more)."""
    a = page[i].text
    # "KHÁM PHÁ THẾ GIỚI": a section the site's CSS sets in capitals, a few words more; a
    # writer's name in capitals opens on a surname ("NGUYỄN XUÂN THỦY")
    caps = a.isupper() and len(words(a)) <= _CAPS_LABEL_MAX_WORDS and not is_full_name(a)
    caps = caps and not any(c.isdigit() for c in a)  # "10 MÓN NGON ...": a listicle's headline
    if len(words(a)) > _STAMPED_LABEL_MAX_WORDS and not caps:
        return False
    if a.endswith(_END_MARKS) or is_quote(a):
        return False
    if not (a[:1].isupper() or a[:1].isdigit()) or (
        byline_like(a) and len(words(a)) > 1 and not caps
    ):
        return False
    j = page.next(i)
    if j is None or _headline_over_stamp(page, i):
        return False
    b = page[j].text
    between = [k for k in range(i + 1, j) if page[k].kind not in (BLANK, HEADER)]
    # the stamp between the two (header lines skipped), or right under the headline
    stamped = [page[k].kind for k in between] == ["timestamp"] or (
        not between and page.stamped(j, above=False)
    )
    return (
        stamped
        and not is_lead(b)
        and not b.endswith(".")
        and len(words(b)) > len(words(a))
        and not strip_dateline(b)[2]
    )


_END_MARKS = (".", "!", "?", ":", ";", "…", ",")


def _long_headline(page: Page, i: int) -> bool:
    """A headline over 30 words ("Dành cho nàng ngoài 30 ...: 5 mẹo nhỏ ... cầu kỳ"): one
    sentence with no end mark, the lead under it a paragraph closing on its full stop."""
    t = page[i].text
    j = page.next(i)
    return (
        len(words(t)) <= _LONG_HEADLINE_MAX_WORDS
        and not t.rstrip('”"’»)] ').endswith(_END_MARKS)
        and len(sentences(t)) == 1
        and j is not None
        and page[j].text.rstrip('”"’»)] ').endswith(".")
    )


_GLUE_SEP_RE = re.compile(r"\s+[-–—|]\s+")
_GLUED_HEAD_MIN_WORDS = 4


def split_dated_headline(page: Page, place: int | None) -> str | None:
    """ "Giá xăng giảm mạnh - 12/09/2022": the headline with the page's date glued on (a
    <title> line, a scraper joining h1 and time). When the line at the headline's place ends
    with a stamp stating a full date, its head is no known section ("Kinh tế | 12/09/2022" is
    a frame line) and the next line is a paragraph (no other headline under it), the line
    keeps only the headline; returns the stamp's date."""
    if place is None:
        return None
    text = page[place].text
    cut = next(  # the first separator with a stamp after it ("Thứ Hai, 12/9/2022 - 14:30")
        (m for m in _GLUE_SEP_RE.finditer(text) if dates.is_timestamp_line(text[m.end() :])),
        None,
    )
    if cut is None:
        return None
    head, iso = text[: cut.start()].strip(), dates.timestamp_date(text[cut.end() :])
    if iso is None or len(words(head)) < _GLUED_HEAD_MIN_WORDS or is_breadcrumb(head):
        return None
    j = page.next(place)
    if j is None or not is_paragraph(page[j].text):
        return None
    page[place].text = head
    return iso


_SHORT_HEADLINE_MAX_WORDS = 14


def _short_headline(page: Page, i: int) -> bool:
    """ "Trận Siêu kinh điển trị giá hơn 1 tỷ euro.": a first line of one short sentence closing
    on a full stop, over a paragraph at least twice its length, is the headline the site wrote
    with a period; a lead is never a dozen words with the story's paragraphs under it."""
    t = page[i].text
    j = page.next(i)
    if j is None or len(words(t)) > _SHORT_HEADLINE_MAX_WORDS or len(sentences(t)) != 1:
        return False
    b = page[j].text
    return is_title_like(t.rstrip(".")) and is_paragraph(b) and len(words(b)) >= 2 * len(words(t))


def _dated_headline(page: Page, i: int) -> bool:
    """A short one-sentence first line ending in a full stop with the timestamp right under
    (or over) it is the headline ("Các phương pháp nhận biết mang thai sớm."), not a lead."""
    t = page[i].text
    return (
        page.stamped(i)  # under the headline, or over it as many sites print it
        and len(words(t)) <= 20
        and len(sentences(t)) == 1
    )


# "báo cáo", "báo giá": words, not "Báo <name>"
_NOT_PAPER = r"(?:cáo|giá|động|hiệu|danh|tin|thức|đáp|ân|chí)\b"
# what opens a publication's name that holds a dash ("- Tạp chí Nhà Quản Trị - TheLEADER"): a
# paper's or a site's word ("Báo" not as in "báo cáo"); a broadcaster's or a portal's word opens
# a site's name too (``_SITE_PREFIX_RE``) but not this one, as tuned
_OPENERS_NOT_BAO = name_openers("paper", "site", "times", but=("báo", "cổng thông tin"))
_SITE_OPENERS = rf"báo(?!\s+{_NOT_PAPER})|{_OPENERS_NOT_BAO}"
# what opens a site's name after its headline: "- Chuyên trang Sinh viên Việt Nam", "- Đài ..."
_SITE_PREFIX_RE = re.compile(
    r"^(?:" + _SITE_OPENERS + "|" + name_openers("broadcaster", "site") + r")\s", re.IGNORECASE
)
_PREFIXED_SITE_RE = re.compile(
    r"\s+[|\-–—]\s+(?P<site>(?:" + _SITE_OPENERS + r")\s[^|\-–—]{2,40}"
    r"\s[\-–—]\s[^|\-–—\s]{2,20})$",
    re.IGNORECASE,
)
_SITE_SUFFIX_RE = re.compile(r"\s+(?P<sep>[|\-–—])\s+(?P<site>[^|\-–—]{2,40})$")
_SITE_NAME_MAX_WORDS = 6


def _name_key(text: str) -> str:
    return " ".join(words(text.replace("’", "'").casefold()))


def _printed_name(page: Page, title: int, name: str) -> int | None:
    """An open line elsewhere on the page that is exactly the site's name (its masthead or
    closing credit, "Harper’s Bazaar Việt Nam")."""
    key = _name_key(name)
    return next(
        (
            j
            for j, ln in enumerate(page.lines)
            if j != title and ln.kind is None and _name_key(ln.text) == key
        ),
        None,
    )


def _site_suffix(page: Page, i: int, head: str, site: re.Match[str]) -> bool:
    """ "Headline - Báo X" / "Headline | Site Name": the <title> line of a whole page names its
    site after the headline. Taken as the site when it reads as a publication's name, when the
    headline without it is printed again on the page (the page's own headline), or when the
    name is printed as a line of its own; after "|" a short capitalised name is enough (a
    headline never closes on "| Name")."""
    name = site["site"].strip()
    toks = words(name)
    if site["sep"] == "|" and section_tail(name):
        return False  # "| Thế Giới": the story's section, no site's name
    if is_outlet_credit(name, acronyms=False) or _SITE_PREFIX_RE.match(name) or outlet_name(name):
        return True
    if _paired_name(name) or is_brand_name(name):
        return True  # "Sức khỏe & Đời sống", "PetroTimes": how magazines and sites are named
    if len(toks) > _SITE_NAME_MAX_WORDS or any(c.isdigit() for c in name):
        return False
    key = _name_key(head)
    if any(j != i and _name_key(ln.text) == key for j, ln in enumerate(page.lines)):
        return True  # the headline printed again under the <title> line
    titled = all(t[:1].isupper() or not t[:1].isalpha() for t in toks if t not in {"&", "và"})
    titled = titled and not is_location(name)  # "Hà Nội - Hải Phòng": a route, not a site
    if titled and len(toks) >= 2 and _printed_name(page, i, name) is not None:
        return True
    return site["sep"] == "|" and titled


_E_PAPER_RE = re.compile(rf"\s+{E_EDITION}$", re.IGNORECASE)
_SITE_CORE_RE = re.compile(rf"^{name_openers('paper')}\s+", re.IGNORECASE)


def site_outlet(name: str) -> str:
    """The outlet a site's name gives: a known outlet inside it ("Báo VnExpress Du lịch" →
    VnExpress, a section after the outlet's name), else the name without "điện tử" (the
    e-paper of "Báo Hà Giang")."""
    bare = _E_PAPER_RE.sub("", name.strip())
    core = _SITE_CORE_RE.sub("", bare)
    if found := outlet_name(name) or outlet_name(bare):
        return found
    toks = core.split()
    for n in range(len(toks) - 1, 0, -1):  # the rest a section: not "Tuổi Trẻ" of "Tuổi Trẻ Thủ Đô"
        section = " ".join(toks[n:]).casefold() in MENU_LABELS
        if section and (found := outlet_name(" ".join(toks[:n]))):
            return found
    return bare


def title_text(page: Page) -> str:
    if page.title_idx is None:
        return ""
    t = page[page.title_idx].text
    return title_from_lead(t) if page.title_is_lead else t


def outlet_from_follow(text: str) -> str | None:
    """ "Theo dõi Báo Quốc tế trên Google News" names the outlet (known name when listed)."""
    m = _FOLLOW_OUTLET_RE.match(text)
    if not m:
        return None
    raw = m.group("o").strip(" .:")
    if raw.casefold() in {"chúng tôi", "báo", "tin tức", "tin"}:
        return None
    bare = _FOLLOW_PREFIX_RE.sub("", raw)
    return outlet_name(raw) or outlet_name(bare) or raw


# "Theo dõi Báo X / Kênh Y / Trang Z": a follow-us line names the page readers follow, so
# "Kênh" and "Trang" open it as well as a paper's word ("Đài" is left out, as tuned)
_FOLLOW_PREFIX_RE = re.compile(
    rf"^{name_openers('paper', 'broadcaster', 'page', but=('đài',), e_papers=BAO_E_EDITION)}\s+",
    re.IGNORECASE,
)
# one name in a credit, never split on "và": a paper's or a broadcaster's
_PAPER_NAME_RE = re.compile(rf"^{name_openers('paper', 'broadcaster')}\s", re.IGNORECASE)
# not "Đài KTTV": a station
_PAPER_RE = re.compile(rf"^{name_openers('paper')}\s", re.IGNORECASE)


def _one_name(part: str) -> bool:
    return bool(_PAPER_NAME_RE.match(part)) or _paired_name(part)


def credit_parts(source: str) -> tuple[str | None, str | None]:
    """(outlet, wire) named by a byline credit ("TTXVN", "VOV", "TTXVN/Vietnam+", "Báo Quảng
    Nam"): a news agency is the wire, never the outlet."""
    parts = [
        q.strip()
        for p in re.split(r"[,/;]", source)
        # "TTXVN và Reuters" names two; "Báo Tin tức và Dân tộc" is one paper's name
        for q in ([p] if _one_name(p.strip()) else p.split(" và "))
        if q.strip()
    ]
    wire = next((w for p in parts if (w := wire_name(p))), None)
    # "VOV-Miền Trung": a known outlet's regional desk is that outlet
    outlets = [known_paper(p) or outlet_name(p.split("-")[0]) for p in parts if not wire_name(p)]
    outlet = next((o for o in reversed(outlets) if o), None)
    if outlet is None and not wire:
        outlet = outlet_name(source)
    if outlet is None:  # an outlet no list knows, as credited: "Báo Quảng Nam", "PetroTimes"
        # a credit naming one publication ("Theo Trí Thức Trẻ") before a list of where the
        # material came from ("Nguồn: Ilgan Sports, Xports News, Herald Pop...")
        solo = {c.strip() for c in source.split("/") if not re.search(r"[,;]", c)}
        outlet = _unlisted_outlet([p for p in parts if p in solo]) or _unlisted_outlet(parts)
    if outlet is None and not wire:  # "(TTTĐ)": an acronym spelt with Đ is a Vietnamese paper
        outlet = next((p for p in parts if len(p) >= 3 and _VN_ACRONYM_RE.fullmatch(p)), None)
    if outlet is None and not wire and len(parts) == 1 and _LATIN_ACRONYM_RE.fullmatch(parts[0]):
        outlet = parts[0] if looks_like_outlet(parts[0]) else None  # "(Theo CNN)": a channel
    return outlet, wire


_LATIN_ACRONYM_RE = re.compile(r"[A-Z]{3,5}")


_VN_ACRONYM_RE = re.compile(r"[A-Z]*Đ[A-ZĐ]*&?[A-ZĐ]*")


def _unlisted_outlet(parts: list[str]) -> str | None:
    credited = [p for p in parts if not wire_name(p) and is_outlet_credit(p, acronyms=False)]
    credited = credited or [p for p in parts if not wire_name(p) and _titled_credit(p)]
    # in a byline credit "Báo <name>" is a paper whatever its case ("Báo Tin tức và Dân tộc")
    credited = credited or [p for p in parts if _PAPER_RE.match(p) and len(words(p)) <= 7]
    return credited[-1].strip(" .") if credited else None


def _titled_credit(raw: str) -> bool:
    """ "Theo Phụ Nữ Số": three to five capitalised words that are neither a person's full
    name (a surname first) nor a place: a publication's name as credited. Two words are left
    out: a writer's pen name ("Theo Minh Thu") has that shape. Also two short names joined by
    "&" or "và" ("Pháp luật & Bạn đọc", "Doanh nghiệp và Tiếp thị"): how magazines are named."""
    toks = words(raw.strip(" ."))
    if (
        3 <= len(toks) <= 5
        and all(t[:1].isupper() or t in {"&", "-"} for t in toks)
        and not is_full_name(raw)
        and not is_location(raw)
    ):
        return True
    return _paired_name(raw.strip(" ."))


# What opens an institution's name: "Bộ Y tế và Bộ Công an" is a source, not a publication
_INSTITUTION_RE = re.compile(
    r"^(?:Bộ|Sở|Cục|Tổng cục|Ủy ban|Uỷ ban|UBND|Viện|Trường|Bệnh viện|Công an|Ban|Hội|Tòa|Toà|"
    r"Trung tâm|Phòng|Chi cục|Đài|Công ty|Tập đoàn|Ngân hàng)\b"
)


def _paired_name(raw: str) -> bool:
    parts = [p.strip() for p in re.split(r"\s+(?:&|và)\s+", raw)]
    return (
        len(parts) == 2
        and len(words(raw)) <= 7
        and all(1 <= len(words(p)) <= 3 and p[:1].isupper() for p in parts)
        and not any(
            _INSTITUTION_RE.match(p) or is_location(p) or wire_name(p) or outlet_name(p)
            for p in parts
        )
    )


def known_paper(name: str) -> str | None:
    """The known outlet a name gives, "Báo " / "Tạp chí " before it or not ("Báo Thanh Niên"
    is the paper the list knows as "Thanh Niên")."""
    name = name.strip(" .")
    core = _PAPER_PREFIX_RE.sub("", name)
    return outlet_name(name) or (outlet_name(core) if core != name else None)


# "Báo " / "Báo điện tử " / "Tạp chí " before a listed paper's name
_PAPER_PREFIX_RE = re.compile(
    rf"^{name_openers('paper', e_papers=BAO_E_EDITION)}\s+", re.IGNORECASE
)


def closing_masthead(page: Page) -> str | None:
    """ "Trần Tuấn" / "Thể thao & Văn hóa": a publication's "X & Y" name printed under the
    closing byline is the outlet (its masthead under the story); so is a known outlet's name
    there, after the template's furniture ("Phạm Nghĩa" / "[ad_2]" / "Báo Người Lao Động",
    "VNEXPRESS.NET")."""
    for i, ln in enumerate(page.lines):
        p = page.prev(i) if ln.kind == "page-furniture" else None
        name = ln.text.strip(" .")
        if p is not None and page[p].kind == "byline" and "&" in name and _paired_name(name):
            return name
        while p is not None and page[p].kind == "page-furniture":
            p = page.prev(p)
        if p is not None and page[p].kind == "byline" and (known := known_paper(name)):
            return known
    return None


def published_date(page: Page, header: str | None, paragraphs: list[str]) -> str | None:
    if header:
        return header
    for i, ln in enumerate(page.lines):
        if ln.kind == "timestamp" and not _under_other_story(page, i):
            found = dates.timestamp_date(ln.text)
            if found:
                return found
    captions = ("photo-caption", "learned-caption")  # a picture of the story, its date too
    elsewhere = paragraphs + [ln.text for ln in page.lines if ln.kind in captions]
    found = dates.lead_date(paragraphs, elsewhere)
    return None if found and _title_dates_other_day(title_text(page), found) else found


def _title_dates_other_day(title: str, iso: str) -> bool:
    """A headline that names its own day ("Góc nhìn 12/08: ...", "... Ngày 12/08/2021: ...")
    while the lead reports another ("phiên giao dịch ngày 11/08/2021"): the lead's date is the
    event the story looks back on, not the day it came out, and the text states no date."""
    _, month, day = (int(x) for x in iso.split("-"))
    named = dates.find_dates(title)
    return bool(named) and all((m.day, m.month) != (day, month) for m in named)


def _under_other_story(page: Page, i: int) -> bool:
    """A time printed under another story's headline in a list of stories ("Xem nhiều":
    headline, "17:27 16/05/2025", headline, ...) dates that story, not this one."""
    p = page.prev(i)
    # a list's heading over the time ("Tin tức" in a breadcrumb) is no story's headline
    return p is not None and page[p].kind in LINK_REASONS and page[p].kind != "related-heading"
