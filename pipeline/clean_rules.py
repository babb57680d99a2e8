"""Line-level vocabulary of Vietnamese news boilerplate, shared by the cleaner.

Everything here looks at ONE line. Context (what precedes, where the body ends) is decided in
``pipeline.clean``. The word lists are written per family, in the wordings of many outlets
(VnExpress, Tuổi Trẻ, Thanh Niên, Dân trí, VOV, TTXVN/Vietnam+, Báo Quốc tế, Tiền Phong,
VietNamNet, Người Lao Động, Lao Động, Znews, Nhân Dân, QĐND, CAND, VTV ...), because the cleaner
is judged on outlets beyond the bundled samples.
"""

from __future__ import annotations

import re
import unicodedata

# --------------------------------------------------------------------------- text basics

_ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACE_RE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """NFC, no zero-width characters, whitespace runs collapsed, stripped.

    Body paragraphs are compared and emitted in this form, so tests and editors see stable text.
    """
    text = unicodedata.normalize("NFC", text)
    text = _ZERO_WIDTH_RE.sub("", text)
    return _SPACE_RE.sub(" ", text).strip()


def words(text: str) -> list[str]:
    """Whitespace tokens; in Vietnamese one token is one syllable."""
    return text.split()


def fold(text: str) -> str:
    """Lowercase ASCII without diacritics, so a URL slug can be matched against a title."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", stripped.lower()).strip()


def has_vietnamese(text: str) -> bool:
    """True when the text carries Vietnamese letters (any non-ASCII letter counts)."""
    return any(ord(c) > 127 and c.isalpha() for c in text)


def key(text: str) -> str:
    """Comparison key: casefolded, punctuation-insensitive."""
    return " ".join(re.findall(r"\w+", text.casefold()))


ELLIPSIS_END_RE = re.compile(r"(?:\.\.\.|…)\s*[\"”’')\]]?$")
_TERMINAL = tuple(".!?;:")


def ends_with_ellipsis(text: str) -> bool:
    return bool(ELLIPSIS_END_RE.search(text))


def is_sentence(text: str, min_words: int = 8) -> bool:
    """A prose line: ends like a sentence (not with a teaser's "...") and is long enough."""
    bare = text.rstrip("”\"’')]» ")
    return (
        len(words(text)) >= min_words and bare.endswith(_TERMINAL) and not ends_with_ellipsis(text)
    )


def is_title_like(text: str, max_words: int = 30) -> bool:
    """Headline form: short and without sentence-final punctuation (teasers, subheadings, names)."""
    return 0 < len(words(text)) <= max_words and not text.endswith((".", ":", ";", "…"))


# fmt: off
_ABBREV_BEFORE_DOT = {
    "tp", "tt", "ts", "gs", "pgs", "ths", "bs", "ls", "mr", "mrs", "ms", "dr", "st", "th", "q",
    "p", "v.v", "vv", "tx", "h", "ks", "cn", "ncs", "nxb", "no", "vs",
}
# fmt: on


def sentence_ends(text: str) -> list[int]:
    """Offsets where a sentence ends inside text: . ! ? then an uppercase start, not "TP." etc."""
    ends: list[int] = []
    for m in re.finditer(r"([.!?…]+)[\"”’)]*(?=\s+[“\"'(\[]?(\w))", text):
        if not m.group(2)[0].isupper():
            continue
        before = text[: m.start(1)].split()
        last = before[-1].casefold().strip('(“"') if before else ""
        if m.group(1) == "." and (last in _ABBREV_BEFORE_DOT or len(last) == 1):
            continue
        ends.append(m.end())
    return ends


def sentence_count(text: str) -> int:
    """Rough sentence count (see ``sentence_ends``)."""
    return len(sentence_ends(text)) + 1


# --------------------------------------------------------------------------- names


def _is_name_token(tok: str, allow_caps: bool) -> bool:
    core = tok.strip(".")
    if not core or len(core) > 12 or not core.replace("-", "").replace("'", "").isalpha():
        return False
    if allow_caps and core.isupper():
        return True
    return core[0].isupper() and (len(core) == 1 or core[1:].islower() or "-" in core)


_NAME_SPLIT_RE = re.compile(r"\s*(?:\s[-–—]\s|[-–—]|,|&|/|\svà\s|\sand\s)\s*")


def is_person_name(text: str) -> bool:
    """One name: 2-5 capitalised syllables ("Ngọc Ánh", "NGỌC AN", "Thongloun Sisoulith")."""
    toks = words(text)
    if not 2 <= len(toks) <= 5:
        return False
    caps = all(t.strip(".").isupper() for t in toks)
    return all(_is_name_token(t, caps) for t in toks)


def is_names_line(text: str) -> bool:
    """One to four person names joined by "-", ",", "&", "và" (a typical byline body)."""
    parts = [p for p in _NAME_SPLIT_RE.split(text.strip()) if p]
    if not 1 <= len(parts) <= 4:
        return False
    return all(is_person_name(p) for p in parts)


# fmt: off
SURNAMES = {
    "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ",
    "hồ", "ngô", "dương", "lý", "đào", "đoàn", "vương", "trịnh", "trương", "lâm", "phùng", "mai",
    "tô", "tạ", "hà", "lương", "đinh", "cao", "lưu", "thái", "quách", "tăng", "chu", "kiều",
    "triệu", "khổng", "la", "đồng", "từ", "hứa", "mạc", "thân", "lục", "nghiêm", "giang", "tôn",
    "âu", "doãn", "khúc", "kim", "lại", "lã", "ông", "phí", "quan", "tống", "ninh", "nông",
}
# fmt: on


def is_full_name(text: str) -> bool:
    """A Vietnamese full name (surname first, 2-5 syllables): "Nguyễn Thị Hằng"."""
    toks = words(text)
    return is_person_name(text) and len(toks) >= 2 and toks[0].casefold() in SURNAMES


def is_titled_name(text: str) -> bool:
    """Role words then a full name, nothing else: "Nghệ nhân nhân dân Lê Minh Tâm", "Giám đốc
    Sở Y tế Nguyễn Văn A" (a pull-quote attribution or a portrait caption)."""
    if re.search(r"[\d.,:;!?“”\"()]", text):
        return False
    toks = words(text)
    if not 3 <= len(toks) <= 12:
        return False
    for k in range(2, 5):  # the name is the last 2-4 syllables
        name, role = toks[-k:], toks[:-k]
        if role and is_full_name(" ".join(name)) and not is_person_name(" ".join(role)):
            return role[0][:1].isupper()
    return False


# --------------------------------------------------------------------------- outlets

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
    "voh": "VOH", "vtc": "VTC", "infonet": "Infonet", "vietnamfinance": "VietnamFinance",
}
# fmt: on

_ONLINE_ABBR_RE = re.compile(r"^[A-ZĐ]{1,6}O$")  # TPO, NDO, NLĐO, PLO, GLO, SGGPO ...
_DOMAIN_RE = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org)(?:\.vn)?$", re.IGNORECASE)


_NOT_OUTLETS = {"CEO", "UNESCO", "VIDEO", "PHOTO", "EURO", "DEMO", "ECO", "TO", "NO", "GO"}


def is_online_abbr(raw: str) -> bool:
    """Online-edition abbreviations such as TPO, NDO, NLĐO, PLO, SGGPO."""
    return bool(_ONLINE_ABBR_RE.match(raw)) and raw not in _NOT_OUTLETS


def is_news_domain(raw: str) -> bool:
    return bool(_DOMAIN_RE.match(raw))


def outlet_name(raw: str) -> str | None:
    """Display name for a known outlet token (else None)."""
    return OUTLETS.get(raw.strip(" .:-").casefold())


def looks_like_outlet(raw: str) -> bool:
    """Known outlet, a "...O" online abbreviation, a news domain, or a short all-caps acronym."""
    raw = raw.strip(" .:-")
    if outlet_name(raw) or is_news_domain(raw) or is_online_abbr(raw):
        return True
    return bool(re.fullmatch(r"[A-ZĐ]{2,8}\+?", raw)) and raw not in _NOT_OUTLETS


# --------------------------------------------------------------------------- captions

_CREDIT_KW = (
    r"(?:Ảnh(?:\s+(?:minh\s+họa|minh\s+hoạ|tư\s+liệu|chụp\s+màn\s+hình|chụp\s+lại|nhân\s+vật"
    r"\s+cung\s+cấp|cắt\s+từ\s+(?:clip|video)|và\s+clip|và\s+video))?|ẢNH(?:\s+MINH\s+H[OỌ]A)?"
    r"|Hình(?:\s+minh\s+h[oọ]a)?|HÌNH|Photo|PHOTO|Nguồn(?:\s+ảnh|\s+video|\s+clip)?|NGUỒN"
    r"|Đồ\s+h[oọ]a|ĐỒ\s+HỌA|Video|VIDEO|Clip|CLIP|Infographic|Biểu\s+đồ|Thiết\s+kế)"
)
# "... ngày 1/12. Ảnh: TTXVN", "... - Ảnh: VGP/Nhật Bắc", "... (Ảnh: Thống Nhất/TTXVN)."
CREDIT_END_RE = re.compile(
    r"(?:^|(?<=[\s.\-–—|,:]))[(\[]?\s*"
    + _CREDIT_KW
    + r"\s*:\s*(?P<credit>[^:()\[\]]{1,70}?)\s*[)\]]?\s*\.?$"
)
# "... (Ảnh minh họa)", "(Ảnh tư liệu)."
CREDIT_PAREN_RE = re.compile(
    r"[(\[]\s*(?:Ảnh|Hình)\s+(?:minh\s+h[oọ]a|tư\s+liệu|chụp\s+màn\s+hình|internet|AI|"
    r"nhân\s+vật\s+cung\s+cấp)(?:\s*[-:]\s*[^()]{1,30})?\s*[)\]]\s*\.?$",
    re.IGNORECASE,
)
_CAPTION_ONLY_RE = re.compile(
    r"^(?:[(\[]\s*)?(?:ảnh|hình)\s*(?:minh\s*h[oọ]a|tư\s*liệu|chụp\s*màn\s*hình|internet|"
    r"nhân vật cung cấp|đại diện|nvcc|ctv|btc)?\s*[)\]]?\s*\.?$",
    re.IGNORECASE,
)
_CAPTION_START_RE = re.compile(
    r"^(?:Ảnh|ẢNH|Hình|Photo|Ảnh minh họa|Ảnh minh hoạ|Trong ảnh|TRONG ẢNH|Video|VIDEO|Clip|CLIP"
    r"|Nguồn video|Nguồn ảnh|Đồ họa|Đồ hoạ|Infographic)\s*[:|]\s*\S"
)


def split_credit(text: str) -> tuple[str, str | None]:
    """(caption text without its photo credit, credit) - credit None when there is none."""
    m = CREDIT_END_RE.search(text)
    if m and len(words(m.group("credit"))) <= 10 and not ends_with_ellipsis(m.group("credit")):
        return text[: m.start()].rstrip(" -–—|,("), m.group("credit").strip()
    m = CREDIT_PAREN_RE.search(text)
    if m:
        return text[: m.start()].rstrip(" -–—|,("), m.group(0).strip(" ().[]")
    return text, None


def is_caption_only(text: str) -> bool:
    """A line that is nothing but a credit or an image label ("Ảnh minh họa", "Ảnh: TTXVN")."""
    if _CAPTION_ONLY_RE.match(text):
        return True
    before, credit = split_credit(text)
    if credit is not None and not before.strip(" .-–—|()"):
        return True
    return bool(_CAPTION_START_RE.match(text)) and len(words(text)) <= 40


# --------------------------------------------------------------------------- image / slug

IMAGE_FILE_RE = re.compile(r"\S+\.(?:jpe?g|png|webp|gif|svg|avif|bmp|tiff?)(?:\?\S*)?$", re.I)
URL_RE = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_SLUG_TOKEN_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.html?)?$")


def is_image_filename_line(text: str) -> bool:
    """Only file names / image URLs (what a scraper leaves when it reads an <img>)."""
    toks = words(text)
    return (
        bool(toks)
        and all(IMAGE_FILE_RE.match(t) or URL_RE.match(t) for t in toks)
        and any(IMAGE_FILE_RE.match(t) for t in toks)
    )


def slug_run(text: str) -> list[str]:
    """Leading run of lowercase ASCII tokens (a URL slug or image alt left by the scraper)."""
    run: list[str] = []
    for tok in words(text):
        if not _SLUG_TOKEN_RE.match(tok):
            break
        run.append(tok)
    return run


def slug_size(run: list[str]) -> int:
    """Number of slug words, counting hyphenated parts ("giu-lua-trong" is 3)."""
    return sum(len(re.split(r"[-]", t.removesuffix(".html").removesuffix(".htm"))) for t in run)


# --------------------------------------------------------------------------- related / read more

# fmt: off
RELATED_HEADINGS = {
    "tin liên quan", "bài liên quan", "bài viết liên quan", "tin bài liên quan",
    "tin tức liên quan", "các tin liên quan", "nội dung liên quan", "thông tin liên quan",
    "đọc thêm", "xem thêm", "xem tiếp", "đọc tiếp", "xem thêm tin", "xem thêm các tin",
    "đọc thêm tin", "có thể bạn quan tâm", "có thể bạn chưa đọc", "có thể bạn muốn xem",
    "bạn có thể quan tâm", "bạn có thể thích", "có thể bạn thích", "tin cùng chuyên mục",
    "cùng chuyên mục", "bài cùng chuyên mục", "tin cùng chủ đề", "cùng chủ đề",
    "bài viết cùng chủ đề", "tin cùng sự kiện", "cùng sự kiện", "tin mới", "tin mới nhất",
    "mới nhất", "tin mới cập nhật", "tin mới đăng", "tin khác", "các tin khác", "tin tức khác",
    "bài khác", "bài viết khác", "các bài viết khác", "các tin đã đưa", "các tin bài khác",
    "tin bài khác", "nổi bật", "tin nổi bật", "tin nổi bật trong ngày", "đọc nhiều",
    "đọc nhiều nhất", "tin đọc nhiều", "bài đọc nhiều", "xem nhiều", "xem nhiều nhất",
    "tin xem nhiều", "được quan tâm", "được quan tâm nhất", "quan tâm nhiều", "tin nóng",
    "tin hot", "tiêu điểm", "tin tiêu điểm", "video đang được xem nhiều", "video nổi bật",
    "video xem nhiều", "video", "video hot", "tin video", "multimedia", "emagazine",
    "e-magazine", "infographic", "infographics", "podcast", "podcasts", "đừng bỏ lỡ",
    "gợi ý cho bạn", "dành cho bạn", "tin đề xuất", "đề xuất cho bạn", "bạn đọc quan tâm",
    "dòng sự kiện", "sự kiện", "chủ đề", "tin ảnh", "tin 24h", "tin trong ngày", "chuyên đề",
    "tin tức", "sự kiện nóng", "top tin", "tin cũ hơn", "tin đã đưa", "bài đã đăng",
    "xem thêm video", "video liên quan", "bài viết mới nhất", "tin tức mới nhất",
}
# fmt: on
_DECOR = " \t:>»›<«|*•▶►■□◆●-–—#"


def heading_key(text: str) -> str:
    """Casefolded heading text without decoration (">> Xem thêm:" -> "xem thêm")."""
    return normalize(text.strip(_DECOR)).casefold().rstrip(":").strip()


def is_related_heading(text: str) -> bool:
    return len(words(text)) <= 6 and heading_key(text) in RELATED_HEADINGS


_READ_MORE_RE = re.compile(
    r"^(?:(?:>>+|»+|›|▶|►|→)\s*\S"
    r"|(?:xem thêm|đọc thêm|xem tiếp|đọc tiếp|tin liên quan|bài liên quan|xem chi tiết|xem video"
    r"|xem clip|xem toàn văn|xem đầy đủ|chi tiết xem|đón đọc|mời (?:quý )?(?:độc giả|bạn đọc|"
    r"quý vị|các bạn)(?: (?:theo dõi|xem|đón đọc))?)\s*(?:[:>»\-–|]+|tại đây|\.{3}|…)"
    r"|(?:kỳ|bài) (?:tới|sau|tiếp|tiếp theo)\s*[:\-–]"
    r"|mời (?:quý )?(?:độc giả|bạn đọc|quý vị)\b.{0,120}\b(?:xem|theo dõi|đón đọc)\b)",
    re.IGNORECASE,
)


def is_read_more(text: str) -> bool:
    """A single-line pointer to another story ("Xem thêm: ...", ">> ...", "Mời độc giả xem ...")."""
    return len(words(text)) <= 40 and bool(_READ_MORE_RE.match(text))


_TEASER_TAG_RE = re.compile(
    r"^[\[(](?:video|ảnh|photo|infographic|inforgraphic|emagazine|e-magazine|longform|podcast|"
    r"trực tiếp|clip|interactive|megastory|photo story|multimedia|chùm ảnh|phóng sự ảnh|"
    r"đồ họa|audio|tin ảnh)[\])]\s*\S",
    re.IGNORECASE,
)


def is_teaser_tag(text: str) -> bool:
    """ "[Video] ...", "[Ảnh] ...", "[Infographic] ..." link teasers."""
    return bool(_TEASER_TAG_RE.match(text)) and len(words(text)) <= 40


# --------------------------------------------------------------------------- follow / footer

_PLATFORMS = (
    r"(?:google news|google tin tức|facebook|fanpage|zalo|youtube|tiktok|twitter|x|telegram|"
    r"instagram|threads|linkedin|spotify|apple podcasts|ứng dụng|app)"
)
_FOLLOW_RE = re.compile(
    r"^(?:hãy |mời (?:bạn|quý) ?(?:đọc|độc giả|vị)? ?|nhấn |bấm |click )?"
    r"(?:theo dõi|follow|tham gia|đăng ký|kết nối|like|quan tâm|quét mã)\b",
    re.IGNORECASE,
)


def is_follow_us(text: str) -> bool:
    """ "Theo dõi Baoquocte.vn trên", "Theo dõi VnExpress trên Google News", "Follow us"."""
    low = text.casefold().rstrip(" .:!")
    if len(words(low)) > 16:
        return False
    if low in {"follow us", "theo dõi", "theo dõi chúng tôi", "kết nối với chúng tôi"}:
        return True
    if not _FOLLOW_RE.match(low):
        return False
    return bool(
        re.search(r"\b(?:trên|tại|qua)$", low)
        or re.search(r"\b" + _PLATFORMS + r"\b", low)
        or re.search(r"\.vn\b|\.com\b|\.net\b|\bbáo\b|\bkênh\b|chúng tôi", low)
    )


# fmt: off
_FOOTER_EXACT = {
    "phiên bản di động", "phiên bản máy tính", "phiên bản desktop", "chia sẻ", "chia sẻ bài viết",
    "chia sẻ bài", "bình luận", "gửi bình luận", "viết bình luận", "xem bình luận",
    "ý kiến", "ý kiến bạn đọc", "ý kiến của bạn", "gửi ý kiến", "gửi ý kiến của bạn",
    "quay lại", "quay về", "trở về", "trở lại", "lên đầu trang", "về đầu trang",
    "về trang chủ", "trang chủ", "in bài", "in bài viết", "in", "lưu", "lưu bài",
    "lưu bài viết", "đã lưu", "copy link", "sao chép link", "sao chép liên kết", "đã sao chép",
    "copy link thành công", "đã copy link", "báo lỗi", "báo xấu", "gửi góp ý", "góp ý", "thích",
    "like", "share", "tweet", "facebook", "zalo", "twitter", "email", "messenger", "linkedin",
    "telegram", "quảng cáo", "advertisement", "tài trợ", "sponsored", "nội dung tài trợ",
    "đăng nhập", "đăng ký", "đăng xuất", "tìm kiếm", "menu", "cũ nhất", "quan tâm nhất",
    "xem thêm bình luận", "tải thêm", "tải ứng dụng", "tải app", "nghe bài viết",
    "nghe đọc bài", "nghe", "đọc bài", "nghe tin", "giọng nam", "giọng nữ", "giọng miền bắc",
    "giọng miền nam", "tạm dừng", "phát", "cỡ chữ", "a a", "a- a+", "a+", "a-", "aa",
    "trả lời", "hủy", "gửi", "đóng", "top", "follow", "audio", "còn nữa", "còn tiếp", "hết",
    "tin tài trợ", "gửi bài", "liên hệ", "liên hệ quảng cáo", "đặt báo", "rss", "sitemap",
    "điều khoản sử dụng", "chính sách bảo mật", "giới thiệu", "bảo mật", "thông báo",
    "bài viết đã được lưu", "đánh giá", "thu gọn", "mở rộng", "xem thêm >>",
}
# fmt: on
_FOOTER_RE = re.compile(
    r"^(?:©|\(c\)\s|copyright\b|bản quyền\b|giữ bản quyền|giấy phép\b|cơ quan chủ quản|"
    r"(?:phó )?tổng biên tập\s*:|chịu trách nhiệm|địa chỉ\s*:|điện thoại\s*:|tel\s*:|fax\s*:|"
    r"e-?mail\s*:|hotline\s*:|đường dây nóng|tòa soạn\s*:|toà soạn\s*:|trụ sở\s*:|website\s*:|"
    r"liên hệ quảng cáo|số giấy phép|thông tin tòa soạn)"
    r"|bản quyền thuộc|ghi rõ nguồn|không được sao chép|phát hành lại thông tin"
    r"|^\(?\*\)?\s*(?:bài viết|tít|tiêu đề|nội dung)|(?:tít|tiêu đề|title) (?:bài )?do "
    r"(?:tòa|toà) soạn đặt|bài viết thể hiện quan điểm",
    re.IGNORECASE,
)
_TAGS_RE = re.compile(r"^(?:tags?|từ khóa|từ khoá|thẻ|keywords?|chủ đề|sự kiện)\s*:", re.I)
_COUNTER_RE = re.compile(
    r"^(?:(?:bình luận|ý kiến|thích|chia sẻ|lượt xem|lượt đọc|lượt thích|like|share)\s*"
    r"[:(]?\s*\d[\d.,]*\s*\)?|\d[\d.,]*\s*(?:bình luận|ý kiến|lượt xem|lượt thích|chia sẻ|"
    r"lượt đọc|like|share)"
    r"|(?:thời gian đọc|đọc trong)\s*:?\s*\d+\s*phút|\d+\s*phút đọc"
    r"|\d{1,2}:\d{2}\s*/\s*\d{1,2}:\d{2}|tốc độ(?: đọc)?\s*:?\s*[\d.,]*x?"
    r"|trở (?:lại|về)(?:\s+\S+){1,3}|(?:nhấn|bấm|click|nhấp) (?:vào )?(?:đây|link|để)\b.*"
    r"|xem (?:thêm )?\d+ bình luận|\(\s*(?:còn nữa|còn tiếp|hết|tiếp theo)\s*\)"
    r"|nghe(?: bài viết| bài| đọc(?: bài)?)?(?:\s*\d+\s*phút)?|giọng đọc\s*:?.{0,24}"
    r"|giọng (?:nam|nữ)(?: miền (?:bắc|nam|trung))?"
    # rating widgets: "Bạn thấy bài viết thế nào?", "Bài viết có hữu ích không?"
    r"|bạn (?:thấy|đánh giá|nghĩ gì về) (?:bài viết|bài báo|nội dung|tin|thông tin)(?: này)?"
    r"(?: (?:thế nào|như thế nào|ra sao|có hữu ích không))?\s*\??"
    r"|(?:bài viết|bài báo|nội dung|thông tin)(?: này)? (?:có )?hữu ích(?: với bạn)?(?: không)?"
    r"\s*\??|đánh giá (?:bài viết|bài báo|nội dung|tin)(?: này)?\s*:?)\.?$",
    re.IGNORECASE,
)


def footer_reason(text: str) -> str | None:
    """Reason for page chrome lines: share/comment widgets, copyright, contact, tags."""
    low = text.casefold().strip(" .!|•·")
    if low in _FOOTER_EXACT:
        return "footer"
    if len(words(text)) <= 40 and _FOOTER_RE.search(text):
        return "footer"
    if _TAGS_RE.match(text) and len(words(text)) <= 40:
        return "tags"
    if text.startswith("#") and len(words(text)) <= 30 and not text.endswith("."):
        return "tags"
    if len(words(text)) <= 12 and _COUNTER_RE.match(low):
        return "footer"
    return None


# Section names that scrapers keep as breadcrumb lines above the headline or below the body.
# fmt: off
SECTIONS = {
    "thời sự", "thế giới", "kinh doanh", "kinh tế", "chính trị", "xã hội", "pháp luật",
    "giáo dục", "sức khỏe", "sức khoẻ", "đời sống", "du lịch", "khoa học", "công nghệ", "số hóa",
    "xe", "thể thao", "giải trí", "văn hóa", "văn hoá", "ý kiến", "bạn đọc", "góc nhìn",
    "quốc phòng", "an ninh", "quân sự", "đối ngoại", "trong nước", "quốc tế", "nhịp sống",
    "bất động sản", "tài chính", "chứng khoán", "ngân hàng", "nông nghiệp", "môi trường",
    "việc làm", "tuyển sinh", "thời tiết", "chuyển động 24h", "tin tức", "trang chủ",
    "home", "chính trị - xã hội", "kinh tế - xã hội", "quốc phòng - an ninh", "tiêu điểm",
    "hồ sơ", "bình luận quốc tế", "thời sự quốc tế", "chính phủ", "quốc hội", "địa phương",
    "tin tức trong ngày", "xây dựng đảng", "thế giới - quân sự", "tuổi trẻ sao", "podcast",
}
# fmt: on


def is_breadcrumb(text: str) -> bool:
    """Section labels or "Thời sự > Chính trị" trails."""
    parts = [p.strip().casefold() for p in re.split(r"\s*[>»›/|]\s*", text) if p.strip()]
    return bool(parts) and len(words(text)) <= 10 and all(p in SECTIONS for p in parts)


# --------------------------------------------------------------------------- persons

# fmt: off
HONORIFICS = (
    "Ông", "Bà", "Anh", "Chị", "Cô", "Thầy", "Đồng chí", "Ngài", "Cụ", "Chú", "Bác sĩ", "BS.",
    "Giáo sư", "GS.", "GS.TS", "GS.TSKH", "PGS.TS", "PGS.TS.", "PGS.", "TS.", "ThS.", "Luật sư",
    "LS.", "Nhà báo", "Nhà văn", "Nhà thơ", "NSND", "NSƯT", "Nghệ sĩ", "Đại tướng",
    "Thượng tướng", "Trung tướng", "Thiếu tướng", "Đại tá", "Thượng tá", "Trung tá", "Thiếu tá",
    "Đại úy", "Tổng Bí thư", "Chủ tịch nước", "Chủ tịch", "Thủ tướng", "Phó Thủ tướng",
    "Bộ trưởng", "Thứ trưởng", "Đại sứ", "Tổng thống", "Tiến sĩ", "Thạc sĩ", "Kỹ sư",
    "Hòa thượng", "Linh mục", "Em", "Bé", "Mr.", "Ms.", "Mrs.", "Dr.",
)
# fmt: on
_HONORIFIC_RE = re.compile(
    r"^(?:" + "|".join(re.escape(h) for h in sorted(HONORIFICS, key=len, reverse=True)) + r")\s+"
)
# fmt: off
_VERB_CUES = {
    "cho", "biết", "nói", "khẳng", "định", "nhấn", "mạnh", "rằng", "đề", "nghị", "yêu", "cầu",
    "chia", "sẻ", "phát", "biểu", "đã", "sẽ", "đang", "là", "được", "bị", "cũng", "vẫn",
    "không", "rất", "hỏi", "trả", "lời", "kể", "bày", "tỏ", "đánh", "giá", "nêu", "tin",
    "muốn", "thấy", "nên", "cần", "phải",
}
# fmt: on


def _titled_name(text: str) -> str:
    """The full name ending a "<office words> <Surname Given>" run, else the text unchanged."""
    toks = words(text)
    for n in (4, 3, 2):
        if len(toks) - n < 1 or len(toks) - n > 8:
            continue
        tail = " ".join(toks[-n:])
        if is_full_name(tail):
            return tail
    return text


def person_title_parts(text: str) -> tuple[str, str] | None:
    """(name, titles) for a line that is only a person and their titles, else None.

    "Ông Hoàng Bình Quân, Ủy viên Trung ương Đảng, Trưởng Ban Đối ngoại Trung ương." and
    "- Bà Nguyễn Thị A, giáo viên" qualify; "Ông X cho biết, ..." (a sentence) does not.
    """
    s = text.strip().lstrip("-–—•* ").strip("()").rstrip(" .")
    if not s or len(words(s)) > 28 or s.endswith(":") or re.search(r"[“”\"?!;]", s):
        return None
    head, _, titles = s.partition(",")
    honor = _HONORIFIC_RE.match(head)
    name = head[honor.end() :] if honor else head
    if not is_person_name(name.strip()) and honor:
        name = _titled_name(name)  # "Chủ tịch Quốc hội Trần Thanh Mẫn": titles, then the name
    if not is_person_name(name.strip()):
        return None
    if not honor and not titles.strip():
        return None  # a bare name is a byline candidate, decided by position
    lowered = [w.casefold().strip(".,()") for w in words(titles) if not w[:1].isupper()]
    if any(w in _VERB_CUES for w in lowered):
        return None
    return name.strip(), titles.strip()


# --------------------------------------------------------------------------- bylines

_BYLINE_PREFIX_RE = re.compile(
    r"^(?:bài và ảnh|bài, ảnh|bài/ảnh|bài & ảnh|bài - ảnh|tin, ảnh|tin và ảnh|tin/ảnh|tin - ảnh|"
    r"tin & ảnh|bài|tin|tác giả|thực hiện|nhóm thực hiện|bởi|by|ghi chép|ghi|lược dịch|"
    r"biên dịch|dịch|tổng hợp)\s*:?\s+",
    re.IGNORECASE,
)
_REPORTER_RE = re.compile(
    r"^(?:pv|btv|ctv|phóng viên|nhóm pv|nhóm phóng viên|nhóm tác giả|nhóm p\.v|ban biên tập|"
    r"phóng viên thường trú|pv thường trú)(?:\s+\S+){0,4}$",
    re.IGNORECASE,
)
_SOURCE_RE = re.compile(r"^\(?\s*(?:theo|nguồn)\s*:?\s+(?P<src>[^()]{2,60}?)\s*\)?\.?$", re.I)
_SUFFIX_RE = re.compile(r"\s*\((?P<src>[^()]{1,60})\)\s*\.?$")


def _source(raw: str) -> str:
    m = _SOURCE_RE.match(raw.strip())
    return (m.group("src") if m else raw).strip(" .")


_CREDIT_ROLE_RE = re.compile(
    r"^(?P<role>nội dung|bài viết|bài và ảnh|bài, ảnh|bài|tác giả|thực hiện|nhóm thực hiện|"
    r"ảnh|thiết kế|đồ họa|đồ hoạ|trình bày|biên tập|kỹ thuật|video|dựng video|quay phim|"
    r"ảnh và video|infographic)\s*:\s*(?P<name>.+)$",
    re.IGNORECASE,
)
_WRITER_ROLES = {
    "nội dung",
    "bài viết",
    "bài và ảnh",
    "bài, ảnh",
    "bài",
    "tác giả",
    "thực hiện",
    "nhóm thực hiện",
}
_PHOTO_ROLES = {"ảnh", "video", "ảnh và video"}


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


def parse_byline(text: str) -> tuple[str | None, str | None] | None:
    """(author, source) for a byline line, None when the line is not a byline.

    Handles "Ngọc Ánh", "Hòa Bình (theo TTXVN)", "Hà Lâm/VOV.VN", "NGỌC AN - THANH HÀ",
    "Bài và ảnh: Quang Thái", "Nhóm phóng viên", "PV", "Theo VOV", "(TTXVN/Vietnam+)".
    """
    s = text.strip().strip("*_ ").rstrip(".")
    if not s or len(words(s)) > 14:
        return None
    m = _SOURCE_RE.match(s)
    if m and len(words(m.group("src"))) <= 8 and not re.search(r"[.!?]\s", m.group("src")):
        src = m.group("src").strip()
        if src[:1].isupper() or outlet_name(src):
            return None, src
        return None
    if s.startswith("(") and s.endswith(")") and looks_like_outlet(s[1:-1].split("/")[-1]):
        return None, s[1:-1].strip()
    if outlet_name(s) and len(words(s)) <= 3:
        return None, s  # a bare credit line such as "TTXVN" or "Vietnam+"
    source: str | None = None
    suffix = _SUFFIX_RE.search(s)
    if suffix and suffix.start() > 0:
        source = _source(suffix.group("src"))
        s = s[: suffix.start()].strip()
    s = _BYLINE_PREFIX_RE.sub("", s, count=1).strip()
    if "/" in s:
        left, _, right = s.partition("/")
        if len(words(right)) <= 4 and (is_names_line(left.strip()) or _REPORTER_RE.match(left)):
            source = source or right.strip()
            s = left.strip()
    if _REPORTER_RE.match(s) or is_names_line(s):
        return s, source
    return None
