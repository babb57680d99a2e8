"""Outlets and wire services: who published the article, and who supplied it.

An outlet is read from a dateline ("TPO -", "(Dân trí) -"), a byline credit ("Theo VOV"), a
follow-us line ("Theo dõi Báo Quốc tế trên Google News") or the page's ``<title>``/
``og:site_name``. A wire service ("(theo TTXVN)", "Nguồn: Reuters") supplied the story but did
not publish it, so it is recorded as ``wire``, never as the outlet.
"""

from __future__ import annotations

import re

from pipeline.cleaning.text import alternation, has_vietnamese, words

# Dateline/credit abbreviation -> outlet display name. Keys are casefolded.
# fmt: off
OUTLETS: dict[str, str] = {
    "tpo": "Tiền Phong", "tiền phong": "Tiền Phong", "tienphong.vn": "Tiền Phong",
    "vov.vn": "VOV", "vov": "VOV", "vovworld": "VOV",
    "dân trí": "Dân trí", "dantri": "Dân trí", "dantri.com.vn": "Dân trí",
    "nlđo": "Người Lao Động", "nlđ": "Người Lao Động", "nld.com.vn": "Người Lao Động",
    "người lao động": "Người Lao Động",
    "lđo": "Lao Động", "lao động": "Lao Động", "laodong.vn": "Lao Động",
    "tto": "Tuổi Trẻ", "tuổi trẻ": "Tuổi Trẻ", "tuoitre.vn": "Tuổi Trẻ",
    "tno": "Thanh Niên", "thanh niên": "Thanh Niên", "thanhnien.vn": "Thanh Niên",
    "ndo": "Nhân Dân", "ndđt": "Nhân Dân", "nhân dân": "Nhân Dân", "nhandan.vn": "Nhân Dân",
    "qđnd": "Quân đội nhân dân", "qđnd online": "Quân đội nhân dân", "qdnd.vn": "Quân đội nhân dân",
    "cand": "Công an nhân dân", "cand.com.vn": "Công an nhân dân",
    "antđ": "An ninh Thủ đô", "anninhthudo.vn": "An ninh Thủ đô",
    "vtv.vn": "VTV", "vtv": "VTV", "vtv news": "VTV",
    "chinhphu.vn": "Chinhphu.vn", "baochinhphu.vn": "Báo Chính phủ",
    "plo": "Pháp Luật TP.HCM", "plo.vn": "Pháp Luật TP.HCM",
    "pl+": "Pháp Luật Plus", "phapluatplus.vn": "Pháp Luật Plus",
    "baoquocte.vn": "Báo Quốc tế", "tgvn": "Báo Quốc tế", "báo quốc tế": "Báo Quốc tế",
    "vietnam+": "Vietnam+", "vietnamplus": "Vietnam+", "vietnamplus.vn": "Vietnam+",
    "ttxvn": "TTXVN", "vna": "TTXVN", "baotintuc.vn": "Tin tức (TTXVN)", "bnews": "BNEWS",
    "ttxvn/vietnam+": "Vietnam+",
    "hnm": "Hà Nội Mới", "hnmo": "Hà Nội Mới", "hanoimoi.vn": "Hà Nội Mới",
    "ktđt": "Kinh tế & Đô thị", "sggp": "Sài Gòn Giải Phóng", "sggpo": "Sài Gòn Giải Phóng",
    "gdvn": "Giáo dục Việt Nam", "vtc news": "VTC News", "vtcnews": "VTC News",
    "vnexpress": "VnExpress", "vnexpress.net": "VnExpress",
    "vietnamnet": "VietNamNet", "vietnamnet.vn": "VietNamNet",
    "znews": "Znews", "zing": "Znews", "zing news": "Znews", "znews.vn": "Znews",
    "trí thức trẻ": "Trí Thức Trẻ", "tri thức trẻ": "Trí Thức Trẻ",
    "voh": "VOH", "vtc": "VTC", "infonet": "Infonet", "vietnamfinance": "VietnamFinance",
    # full names as a <title> line's suffix prints them ("... - Quân đội nhân dân")
    "quân đội nhân dân": "Quân đội nhân dân", "công an nhân dân": "Công an nhân dân",
    "an ninh thủ đô": "An ninh Thủ đô", "đại biểu nhân dân": "Đại biểu Nhân dân",
    "công an tp.hcm": "Công an TP.HCM", "việt báo": "Việt Báo", "kenh14": "Kenh14",
    "kênh 14": "Kenh14", "vietstock": "Vietstock", "tin tức ttxvn": "Tin tức (TTXVN)",
    "24h": "24h", "24h.com.vn": "24h",
}
# fmt: on

_ONLINE_ABBR_RE = re.compile(r"^[A-ZĐ]{1,6}O$")  # TPO, NDO, NLĐO, PLO, GLO, SGGPO ...
_DOMAIN_RE = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org)(?:\.vn)?$", re.IGNORECASE)


_NOT_OUTLETS = {"CEO", "UNESCO", "VIDEO", "PHOTO", "EURO", "DEMO", "ECO", "TO", "NO", "GO", "MXH"}


def is_online_abbr(raw: str) -> bool:
    """Online-edition abbreviations such as TPO, NDO, NLĐO, PLO, SGGPO."""
    return bool(_ONLINE_ABBR_RE.match(raw)) and raw not in _NOT_OUTLETS


# GiadinhNet, PetroTimes, VietNamNet; a capitalised tail too: BizLIVE, VietQ
_BRAND_RE = re.compile(r"^[A-ZĐ][a-zđ]+(?:[A-Z][a-z]+)*(?:[A-Z][a-z]+|[A-Z]{1,4})$")


def is_brand_name(raw: str) -> bool:
    """One CamelCase word: how online papers spell their name in datelines ("GiadinhNet -")."""
    return bool(_BRAND_RE.match(raw))


def is_news_domain(raw: str) -> bool:
    return bool(_DOMAIN_RE.match(raw))


# How an outlet's own name is built when no list knows it: "VTV Online", "TBKTSG Online",
# "Báo Quảng Nam", "Tạp chí Tài chính", "Kinh tế Times".
_OUTLET_SUFFIXES = frozenset(
    {"online", "news", "plus", "tv", "times", "net", "radio", "today", "express", "post", "24h"}
)
# The words an outlet's own name opens on, by the kind of outlet they name. Every pattern that
# reads such an opening is built from this table (``name_openers``), taking the kinds it means;
# the subsets below say why each takes fewer than all.
# fmt: off
OUTLET_OPENERS: dict[str, tuple[str, ...]] = {
    "paper": ("báo", "tạp chí"),  # "Báo Quảng Nam", "Tạp chí Tài chính"
    "broadcaster": ("đài", "kênh"),  # "Đài Phát thanh và Truyền hình X", "Kênh 14"
    "site": ("trang tin", "chuyên trang", "cổng thông tin"),  # "Chuyên trang Sinh viên Việt Nam"
    "page": ("trang",),  # "Trang X": a site's page; also a page number or "trang chủ"
    "times": ("thời báo",),  # "Thời báo Kinh tế Việt Nam"
    "sheet": ("tờ",),  # "tờ Tuổi Trẻ": how a sentence names a paper, never the paper's own name
}
# fmt: on
E_EDITION = "điện tử"  # "Báo điện tử X", "Tạp chí điện tử Y": the paper's online edition
E_PAPERS = tuple(f"{w} {E_EDITION}" for w in OUTLET_OPENERS["paper"])
# "Báo điện tử X" alone: the steps that strip a paper's word before a listed name take only this
# one ("Tạp chí điện tử" is read by ``is_outlet_credit`` alone, as tuned)
BAO_E_EDITION = E_PAPERS[:1]


def name_openers(*kinds: str, but: tuple[str, ...] = (), e_papers: tuple[str, ...] = ()) -> str:
    """A regex alternation of the opening words of ``kinds`` (less ``but``, plus the online
    editions ``e_papers``), longest first: "Báo điện tử X" is read whole before "Báo"."""
    return alternation(
        [w for k in kinds for w in OUTLET_OPENERS[k] if w not in but] + list(e_papers)
    )


# The opening of a name a credit gives that no list knows: papers, their online editions,
# stations ("Đài KTTV" is told apart below), news sites and portals. "Kênh" (also a canal, "Kênh
# Nhiêu Lộc"), "Chuyên trang" and a bare "Trang" are left out, as tuned: widening is a change
# of behaviour to measure, not a refactor.
_CREDIT_NAME_OPENERS = name_openers(
    "paper", "broadcaster", "site", but=("kênh", "chuyên trang"), e_papers=E_PAPERS
)
_OUTLET_PREFIX_RE = re.compile(rf"^{_CREDIT_NAME_OPENERS}\s+(?P<rest>\S.*)$", re.I)


# What follows "Đài" in a broadcaster's name ("Đài Phát thanh và Truyền hình X", "Đài PT-TH X",
# "Đài Tiếng nói Việt Nam"); other "Đài" are stations of another kind ("Đài KTTV").
_BROADCASTER_RE = re.compile(
    r"^(?:phát thanh|truyền hình|tiếng nói|pt-th|pt&th|ptth|pt - th|th|truyền thanh)\b", re.I
)


# Words that open a parenthesised tag of the story's own form, not a publisher's name.
_MEDIA_TAGS = frozenset(
    {
        "ảnh",
        "video",
        "clip",
        "infographic",
        "audio",
        "podcast",
        "trực tiếp",
        "chùm ảnh",
        "photo",
        "emagazine",
        "e-magazine",
        "longform",
        "interactive",
        "đồ họa",
        "đồ hoạ",
        "tin ảnh",
        "tin",
        "bài",
        "phóng sự",
        "phóng sự ảnh",
        "megastory",
        "multimedia",
        "cập nhật",
        "tiếp theo",
    }
)


def is_paren_credit(raw: str) -> bool:
    """What "(X) -" opening a lead credits: a publisher, not a place nor a media tag. Beyond the
    shapes of ``is_outlet_credit``, any 1-5 capitalised words count ("(Dân Việt) -", "(Tổ
    Quốc) -", "(Baonghean) -"): in that slot papers print their own name."""
    raw = raw.strip(" .:-")
    toks = words(raw)
    if is_outlet_credit(raw):
        return True
    if not 1 <= len(toks) <= 4 or is_location(raw) or raw.casefold() in _MEDIA_TAGS:
        return False
    if toks[0].casefold() in {"ảnh", "hình", "video", "clip", "photo", "nguồn", "theo"}:
        return False  # "(Ảnh minh họa)", "(Theo VOV)": a caption or a credit of its own kind
    # a name: every word capitalised ("Dân Việt"), not a phrase ("(Tiếp theo kỳ trước) -")
    return all(t[:1].isupper() or t[:1].isdigit() or t in ("&", "-") for t in toks)


def is_outlet_credit(raw: str, acronyms: bool = True) -> bool:
    """A credit shaped like an outlet's name even when no list knows it: a known outlet or
    acronym, a CamelCase brand ("PetroTimes"), a domain, "<Name> Online"/"News"/"Times", or
    "Báo <Name>" / "Tạp chí <Name>" (2-6 words, the name capitalised). A place ("Hà Nội") is
    not: it has neither the shape nor the words of a publisher's name. ``acronyms=False``
    leaves out a bare acronym ("Theo RT": a foreign source the story was compiled from)."""
    raw = raw.strip(" .:-")
    toks = words(raw)
    if not toks or len(toks) > 6 or "/" in raw:  # "Thiếu Anh/VOV online": a writer and outlet
        return False
    if outlet_name(raw) or is_news_domain(raw) or is_online_abbr(raw) or is_brand_name(raw):
        return True
    if acronyms and looks_like_outlet(raw):
        return True
    m = _OUTLET_PREFIX_RE.match(raw)
    if m and toks[0].casefold() == "đài" and not _BROADCASTER_RE.match(m.group("rest")):
        return False  # "Đài KTTV tỉnh": a weather station, not a broadcaster
    if m:  # "Báo Quảng Nam", "Tạp chí Tài chính"; not "Báo Nga cảnh báo Mỹ" (a headline)
        rest = words(m.group("rest"))
        named = [t for t in rest[:-1] if t not in ("-", "&")] + rest[-1:] * (len(rest) == 1)
        return all(t[:1].isupper() or t[:1].isdigit() for t in named)
    if len(toks) >= 2 and toks[-1].casefold() in _OUTLET_SUFFIXES:
        head = " ".join(toks[:-1])
        return head[:1].isupper() and (
            looks_like_outlet(head) or is_brand_name(head) or len(toks) <= 3
        )
    return False


def _ascii_d(text: str) -> str:
    return text.replace("đ", "d")


# "ANTD.VN": a domain spells the abbreviation's Đ as D (only where that is still one outlet)
_ASCII_D: dict[str, str] = {}
for _k, _v in OUTLETS.items():
    _ASCII_D[_ascii_d(_k)] = _v if _ASCII_D.get(_ascii_d(_k), _v) == _v else ""


def outlet_name(raw: str) -> str | None:
    """Display name for a known outlet token (else None); "ANTD.VN" names the "ANTĐ" outlet."""
    token = raw.strip(" .:-").casefold()
    if token in OUTLETS:
        return OUTLETS[token]
    bare = token.removesuffix(".vn")
    if bare != token and "." not in bare:
        return OUTLETS.get(bare) or _ASCII_D.get(_ascii_d(bare)) or None
    return None


def looks_like_outlet(raw: str) -> bool:
    """Known outlet, a "...O" online abbreviation, a news domain, or a short all-caps acronym."""
    raw = raw.strip(" .:-")
    if outlet_name(raw) or is_news_domain(raw) or is_online_abbr(raw):
        return True
    acronym = re.fullmatch(r"[A-ZĐ]{2,8}\+?|[A-ZĐ]{1,5}&[A-ZĐ]{1,5}", raw)  # "TTXVN", "GD&TĐ"
    return bool(acronym) and raw not in _NOT_OUTLETS


# News agencies: a credit naming one of these is the wire, not the outlet (casefolded keys).
# fmt: off
WIRES: dict[str, str] = {
    "ttxvn": "TTXVN", "vna": "TTXVN", "thông tấn xã việt nam": "TTXVN",
    "reuters": "Reuters", "afp": "AFP", "ap": "AP", "bloomberg": "Bloomberg",
    "xinhua": "Tân Hoa Xã", "tân hoa xã": "Tân Hoa Xã", "tass": "TASS", "sputnik": "Sputnik",
    "kyodo": "Kyodo", "yonhap": "Yonhap", "ria novosti": "RIA Novosti", "efe": "EFE",
    "ansa": "ANSA", "dpa": "dpa", "antara": "Antara", "bernama": "Bernama",
}
# fmt: on


def wire_name(raw: str) -> str | None:
    """Display name when raw names a news agency ("TTXVN", "theo Reuters")."""
    return WIRES.get(raw.strip(" .:-()").casefold())


_LOC_PAREN_RE = re.compile(
    r"^(?P<loc>[^\W\d_][^()\-–—]{1,30}?)\s*\((?P<o>[^()]{2,30})\)\s*[-–—:]\s*"
)
_PAREN_RE = re.compile(r"^\((?P<o>[^()]{2,40})\)\s*(?:[-–—:|]\s*)?")
# (a dateline opens on a letter or a digit: "*TP HCM - Sài Gòn FC: 19h15" is a note on a match)
_BARE_RE = re.compile(r"^(?P<o>[^\W_][^\s\-–—|:,]*(?:\s[^\s\-–—|:,]+){0,3}?)\s*[-–—|]\s*(?=\S)")
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


# Provinces and cities (and the nearest countries) as they open a dateline in Title Case:
# "(Cao Bằng) -" and "Lạng Sơn (TTXVN) -" name a place, not an outlet.
# fmt: off
PLACES = frozenset(p.casefold() for p in (
    "An Giang", "Bà Rịa - Vũng Tàu", "Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh",
    "Bến Tre", "Bình Định", "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cần Thơ",
    "Cao Bằng", "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp",
    "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang",
    "Hòa Bình", "Hoà Bình", "Hưng Yên", "Khánh Hòa", "Khánh Hoà", "Kiên Giang", "Kon Tum",
    "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An",
    "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi",
    "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên",
    "Thanh Hóa", "Thanh Hoá", "Thừa Thiên Huế", "Thừa Thiên - Huế", "Huế", "Tiền Giang",
    "TP.HCM", "TPHCM", "TP HCM", "TP. Hồ Chí Minh", "TP Hồ Chí Minh", "Hồ Chí Minh", "Sài Gòn",
    "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái", "Đà Lạt", "Nha Trang",
    "Việt Nam", "Lào", "Campuchia", "Trung Quốc", "Mỹ", "Nga", "Nhật Bản", "Hàn Quốc",
    "Thái Lan",
))
# fmt: on


def is_location(raw: str) -> bool:
    """A place dateline: all caps ("HÀ NỘI", "TP.HCM", "VIÊNG CHĂN", "WASHINGTON") or a province
    or city in Title Case ("Cao Bằng")."""
    raw = raw.strip()
    if raw.casefold() in PLACES:
        return True
    if not raw.isupper() or re.search(r"\d", raw) or len(words(raw)) > 4:
        return False
    return " " in raw or "." in raw or has_vietnamese(raw) or raw in _FOREIGN_CITIES


def strip_dateline(text: str) -> tuple[str, str | None, bool]:
    """(paragraph without its dateline, outlet or None, whether a dateline was cut)."""
    m = _LOC_PAREN_RE.match(text)
    if m and is_location(m.group("loc")) and looks_like_outlet(m.group("o")):
        o = m.group("o").strip()
        return text[m.end() :], outlet_name(o) or o, True
    m = _PAREN_RE.match(text)
    dashed = m is not None and bool(re.match(r"\s*[-–—]", text[m.end(1) + 1 :]))
    if m and (looks_like_outlet(m.group("o")) or (dashed and is_paren_credit(m.group("o")))):
        o = m.group("o").strip()  # "(PetroTimes) -", "(VTV Online) -": the publisher's credit
        return text[m.end() :], outlet_name(o) or o, True
    m = _SPECIAL_RE.match(text)
    if m:
        o = m.group("o").rstrip(" -–—:.")
        return text[m.end() :], outlet_name(o) or o, True
    m = _BARE_RE.match(text)
    if m:
        o = m.group("o").strip()
        known = outlet_name(o)
        online = (
            is_online_abbr(o)
            or is_outlet_credit(o, acronyms=False)  # not "LONDON -": a place
            or ("&" in o and looks_like_outlet(o))  # "GD&TĐ -"
        )
        if known or online or is_news_domain(o):
            return text[m.end() :], known or o, True
        if is_location(o) and not text[m.end() :].lstrip()[:1].islower():
            return text[m.end() :], None, True  # not "Khánh Hòa - mảnh đất ...": a subject
    return text, None, False
