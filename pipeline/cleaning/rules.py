"""The cleaner's vocabulary, as data grouped by family, plus the one-line tests built on it.

Each family is a block of word lists and patterns named for what it finds (captions, related
links and link labels, follow-us lines, page widgets and media players, copyright footers and
column blurbs, source credits, tags, section menus, aggregator meta, readers' comments).
``LINE_RULES`` at the end lists, in order, the families that can be judged on one line alone,
each with the precise reason a removed line carries. Adding a wording never touches control
flow: extend the list of its family.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from pipeline import dates
from pipeline.cleaning.outlets import E_EDITION, name_openers
from pipeline.cleaning.text import (
    alternation,
    ends_with_ellipsis,
    is_title_like,
    normalize,
    sentence_count,
    words,
)

# --------------------------------------------------------------------------- captions

_CREDIT_KW = (
    r"(?:Ảnh(?:\s+(?:minh\s+họa|minh\s+hoạ|tư\s+liệu|chụp\s+màn\s+hình|chụp\s+lại|nhân\s+vật"
    r"\s+cung\s+cấp|cắt\s+từ\s+(?:clip|video)|và\s+clip|và\s+video))?|ẢNH(?:\s+MINH\s+H[OỌ]A)?"
    r"|Hình(?:\s+minh\s+h[oọ]a)?|HÌNH|Photo|PHOTO|Nguồn(?:\s+ảnh|\s+video|\s+clip)?|NGUỒN"
    r"|Đồ\s+h[oọ]a|ĐỒ\s+HỌA|Video|VIDEO|Clip|CLIP|Infographic|Biểu\s+đồ|Thiết\s+kế)"
)
# "... ngày 1/12. Ảnh: TTXVN", "... - Ảnh: VGP/Nhật Bắc", "... (Ảnh: Thống Nhất/TTXVN)."
CREDIT_END_RE = re.compile(
    r"(?:^|(?<=[\s.\-–—|,:]))[(\[]?\s*(?P<kw>"
    + _CREDIT_KW
    + r")\s*:\s*(?P<credit>(?:https?://)?[^:()\[\]]{1,70}?)\s*[)\]]?\s*\.?$"
)
# Prose, not a caption: reporting verbs and the openings of a body sentence. A line ending in
# "(Nguồn: GSO)" that reads like this cites its data source; a photo caption does not.
REPORTING_RE = re.compile(
    r"\b(?:cho biết|nói|khẳng định|nhấn mạnh|cho rằng|chia sẻ|yêu cầu|đề nghị|kiến nghị|"
    r"đề xuất|lưu ý|thông tin|đánh giá|nhận định|dự báo|theo đó|tuy nhiên|do đó|vì vậy)\b"
)
PROSE_START_RE = re.compile(
    r"^(?:Theo|Tuy nhiên|Trong khi đó|Ngoài ra|Bên cạnh đó|Do|Vì|Nếu|Khi|Để|Với|Đây là|Đó là|"
    r"Như vậy|Trước đó|Sau đó|Cùng với|Trong|Tại|Hiện|Hiện nay|Năm|Từ|Mặc dù|Dù)\b"
    # a lead's event time: "Sáng 1/12, ...", "Chiều nay (3/4), ...", "Ngày 19/10, ..."
    r"|^(?:Rạng sáng|Sáng|Trưa|Chiều|Tối|Đêm|Ngày|Hôm) "
    r"(?:nay|qua|\(?\d{1,2}[/.-]\d{1,2})[^,]{0,20},"
)
# "... (Ảnh minh họa)", "(Ảnh tư liệu).", and how the picture was taken from a film: "...
# lên xe. (Hình ảnh cắt từ clip)", "(Ảnh chụp từ video)"
CREDIT_PAREN_RE = re.compile(
    r"[(\[]\s*(?:Hình\s+ảnh|Ảnh|Hình)\s+(?:minh\s+h[oọ]a|tư\s+liệu|chụp\s+màn\s+hình|internet|AI|"
    r"nhân\s+vật\s+cung\s+cấp|(?:cắt|chụp|trích)(?:\s+lại)?\s+từ\s+(?:clip|video|camera))(?:\s*[-:]\s*[^()]{1,30})?\s*[)\]]\s*\.?$",
    re.IGNORECASE,
)
_CAPTION_ONLY_RE = re.compile(
    r"^(?:[(\[]\s*)?(?:hình\s*ảnh\s*(?=minh)|ảnh|hình)\s*"
    r"(?:minh\s*h(?:[oọ]a|oạ)|tư\s*liệu|chụp\s*màn\s*hình|internet|"
    r"nhân vật cung cấp|đại diện|nvcc|ctv|btc)?\s*[)\]]?\s*\.?$",
    re.IGNORECASE,
)
_CAPTION_START_RE = re.compile(
    r"^(?:Ảnh|ẢNH|Hình|Photo|Ảnh minh họa|Ảnh minh hoạ|Trong ảnh|TRONG ẢNH|Video|VIDEO|Clip|CLIP"
    r"|Nguồn video|Nguồn ảnh|Đồ họa|Đồ hoạ|Infographic)\s*[:|]\s*\S"
)

# A credit without a colon after the caption's last sentence: "... ngày 26/10. (Ảnh AP)",
# "... trung tâm TP Huế. Ảnh HueS", "... - Ảnh vệ tinh/BBC", "... (Ảnh do nhà sản xuất cung
# cấp)", "... Ảnh chụp màn hình". The name is checked by ``_credit_name``.
CREDIT_BARE_RE = re.compile(
    r"(?:(?<=[.!?])\s+|\s+[-–—]\s+|\s*[(\[]\s*)(?P<kw>Ảnh|ẢNH|Nguồn ảnh|Clip|Video)\.?\s+"
    r"(?P<credit>[^()\[\]:]{1,60}?)\s*[)\]]?\s*\.?$"
)
# An outlet's domain glued to the caption's last full stop, no space: "... rạng rỡ.VietBao.vn"
# (a sentence's next word is spaced; a domain is never a body sentence's last word glued on;
# "www.Armephaco.com.vn", an address alone, is no caption)
CREDIT_GLUED_DOMAIN_RE = re.compile(
    r"(?<=[a-zà-ỹđ][.!?])(?P<credit>[A-Z][A-Za-z0-9-]{1,30}\.(?:com\.vn|vn|com|net))$"
)
# A picture marked as an illustration after the caption's last sentence, after a dash or a
# slash, or in brackets, in the words outlets use for it: "... trắng sáng. Hình minh họa",
# "... - Hình minh hoạ", "(Hình ảnh minh họa)", "Ảnh mang tính minh họa", "(Ảnh mang tính
# chất minh họa)". A body sentence never ends on these words.
CREDIT_ILLUSTRATION_RE = re.compile(
    r"(?:(?<=[.!?…])\s*|\s+[-–—/|]\s*|\s*[(\[]\s*)"
    r"(?P<credit>(?i:(?:hình\s+ảnh|ảnh|hình)\s+(?:mang\s+tính\s+(?:chất\s+)?)?minh\s+h(?:[oọ]a|oạ)))"
    r"\s*[)\]]?\s*\.?$"
)
# What anchors a sentence in the story's telling: aspect and tense ("đã", "sẽ", "đang"),
# negation, reference back ("này", "đó", "trên", "họ"), connectives, hedges and reporting. A
# photo caption describes the picture on its own and carries none of them ("Người dân Suối
# Giàng thu hái chè Shan tuyết."); a short body sentence nearly always does.
TELLING_RE = re.compile(
    r"\b(?:đã|sẽ|đang|cũng|vẫn|hiện|chưa|không|chẳng|này|đó|nay|trên|sau đó|họ|nó|có thể|"
    r"từng|vừa|mới|còn|đều|lại|thì|nhưng|nên|vì|do|để|nếu|khi|rằng|bởi|tuy|dù|song|khiến|"
    r"cho hay|cho biết|tuyên bố|cho rằng|đưa tin|ước tính|cáo buộc|theo|có|được|bị)\b",
    re.IGNORECASE,
)
# A sentence that opens on a time ("Chiều 2/11, ...") or a pronoun ("Ông nhắc đến ...")
TOLD_START_RE = re.compile(
    r"^(?:Sáng|Chiều|Tối|Trưa|Ngày|Đêm|Hôm|Rạng sáng|Cuối|Đầu|Giữa|Trước|Sau|Từ|Đến|Tính đến|"
    r"Thời gian)\b|^(?:Ông|Bà|Anh|Chị|Họ|Nó|Cô|Em)\s+[a-zà-ỹđ]"
)
# How captions open: the view ("Quang cảnh", "Toàn cảnh", "Một góc"), or the crowd and the
# people in the picture ("Các đại biểu", "Đông đảo", "Người dân", "Lực lượng chức năng").
CAPTION_OPENING_RE = re.compile(
    r"^(?:Quang cảnh|Toàn cảnh|Khung cảnh|Một góc|Các đại biểu|Đại biểu|Đông đảo|Rất đông|"
    r"Người dân|Du khách|Lực lượng chức năng|Các lực lượng|Lãnh đạo|Ban Tổ chức|Ban tổ chức|"
    r"Tiết mục|Các tiết mục|Nghệ nhân|Các em|Học sinh|Cán bộ|Các đồng chí|Đồng chí)\s"
)
# A picture's zoom control printed where the picture was ("Nhấn để phóng to ảnh", "Click to
# enlarge"): the line under it is where the picture's caption stands, as under an image file.
IMAGE_ZOOM_RE = re.compile(
    r"^(?:(?:nhấn|bấm|nhấp|click|chạm)(?: vào)?(?: ảnh)?(?: để)? "
    r"(?:phóng to(?: ảnh| hình)?|xem (?:ảnh|hình))"
    r"(?: lớn| gốc| kích thước lớn)?|phóng to ảnh|xem ảnh lớn|(?:click|tap) (?:to|here to) "
    r"(?:enlarge|zoom|view (?:the )?(?:full|larger) (?:image|photo|size)))[.!]?$",
    re.IGNORECASE,
)
# A credit in lowercase inside parentheses: "... mâm cỗ trông trăng (ảnh: BTC)"
CREDIT_LOWER_PAREN_RE = re.compile(
    r"[(\[]\s*(?:ảnh|nguồn ảnh|nguồn|video|clip)\s*:\s*(?P<credit>[^()\[\]]{1,50}?)\s*[)\]]\s*\.?$"
)
# Words only a photo caption uses: where a person stands in the picture ("Ông A (trái) và ông
# B", "(thứ hai từ phải sang)", "từ trái qua phải") or which picture is meant ("(ảnh trên)").
CAPTION_POSITION_RE = re.compile(
    r"\(\s*(?:từ |bên |ngoài cùng |ngoài cùng bên |đứng |ngồi |hàng đầu |hàng trước |"
    r"hàng sau )?(?:trái|phải|giữa)(?:\s*(?:sang|qua)\s*(?:trái|phải))?\s*\)"
    r"|\(\s*(?:thứ\s+\S+|người thứ\s+\S+)\s+từ\s+(?:trái|phải)(?:\s+(?:sang|qua))?\s*\)"
    r"|\btừ (?:trái|phải) (?:qua|sang) (?:phải|trái)\b"
    # "(bìa trái ảnh)", "(thứ 2, bên trái)", and who wears what: "MU (áo đen) là ..."
    r"|\(\s*bìa (?:trái|phải)(?: ảnh)?\s*\)"
    r"|\(\s*(?:thứ|người thứ)\s+\S+,\s*(?:bên|từ)\s+(?:trái|phải)\s*\)"
    r"|\(\s*áo (?:đỏ|trắng|đen|xanh|vàng|cam|tím|hồng|xám|sọc)(?: [^()]{1,15})?\s*\)"
    r"|\(\s*ảnh\s+(?:trên|dưới|lớn|nhỏ|bên trái|bên phải|trái|phải)\s*\)",
    re.IGNORECASE,
)
# A wire photo's caption ends with the day the picture was taken, after a comma: "... tại bờ
# sông Moei thuộc Thái Lan, ngày 24/10/2025." (a body sentence puts its date first).
CAPTION_DATE_END_RE = re.compile(
    r",\s*(?:ngày|hôm|chụp ngày|ảnh chụp ngày)\s+\d{1,2}\s*[/-]\s*\d{1,2}(?:\s*[/-]\s*\d{4})?"
    r"\s*\.?$",
    re.IGNORECASE,
)
# What only a caption says after its last sentence: which picture or who in it ("... 4 tỷ USD.
# Trong ảnh: Mô hình dự án", "... Fashion Show. Từ trái qua phải: Ngài ..."), a credit whose
# name the page lost ("... thiết kế.Ảnh:"), a credit after a dash ("... Seoul. Ảnh - tvN") or
# how the picture was made ("... - Ảnh đồ họa từ Science News", "... Ảnh chụp từ clip ...").
# A body sentence never goes on this way. Who stands where may open the line too.
CAPTION_NOTE_RE = re.compile(
    r"(?:(?<=[.!?…])|\s[-–—]\s)\s*(?:(?:Ảnh|ẢNH|Hình|HÌNH|Photo|PHOTO)\s*:\s*$"
    r"|Trong ảnh\s*:\s*\S|TRONG ẢNH\s*:\s*\S"
    r"|(?:Ảnh|Hình)\s+[-–—]\s+[^.!?:]{1,60}$"
    r"|(?:Ảnh|Hình)\s+(?:đồ\s+h[oọ]a|chụp\s+(?:lại\s+)?từ\s+(?:clip|video))\b[^!?:]{0,80}$)"
    r"|(?:^|(?<=[.!?…])\s*)(?:Từ trái (?:qua|sang) phải|Từ phải (?:qua|sang) trái)\s*:\s*\S"
)
# An illustration's or a chart's credit alone on its line: "Minh họa: DAD.", "Số liệu: EIA, IEA"
ILLUSTRATION_CREDIT_RE = re.compile(
    r"^(?:Minh\s+h(?:[oọ]a|oạ)|MINH\s+HỌA|Số liệu|SỐ LIỆU)\s*:\s*[^.!?:\d%]{1,40}\.?$"
)
# A chart's caption closed by its data's credit: "Đánh đầu không phải ... Uzbekistan. Số liệu:
# AFC." (a body paragraph citing data reads like prose: ``REPORTING_RE``, ``PROSE_START_RE``)
CHART_CREDIT_END_RE = re.compile(r"(?<=[.!?])\s+Số liệu\s*:\s*[^.!?:\d%]{1,40}\.?$")
_CHART_CAPTION_WORDS = 25
# A caption split over two pictures goes on in the second one: "... về thực phẩm..." then
# "...kê cao đồ đạc khi nước lên cao."
CAPTION_CONTINUED_RE = re.compile(r"^(?:\.{3}|…)\s*\S")


# a credit may name an agency or a firm in full ("Ảnh: Porcoast - Công ty cổ phần Tư vấn thiết
# kế cảng - kỹ thuật biển")
_CREDIT_MAX_WORDS = 16  # words() counts the dashes too


def split_credit(text: str) -> tuple[str, str | None]:
    """(caption text without its photo credit, credit) - credit None when there is none."""
    m = CREDIT_END_RE.search(text)
    credit = m.group("credit") if m else ""
    if m and len(words(credit)) <= _CREDIT_MAX_WORDS and not ends_with_ellipsis(credit):
        return text[: m.start()].rstrip(" -–—|,("), m.group("credit").strip()
    m = CREDIT_PAREN_RE.search(text)
    if m:
        return text[: m.start()].rstrip(" -–—|,("), m.group(0).strip(" ().[]")
    m = CREDIT_LOWER_PAREN_RE.search(text)
    if m:
        return text[: m.start()].rstrip(" -–—|,("), m.group("credit").strip(" .")
    m = CREDIT_ILLUSTRATION_RE.search(text)
    if m:
        return text[: m.start()].rstrip(" -–—|/,("), m.group("credit")
    m = CREDIT_GLUED_DOMAIN_RE.search(text)
    if m and len(words(text[: m.start()])) >= 4 and not re.search(r"\bwww\.$", text[: m.start()]):
        return text[: m.start()], m.group("credit")
    m = CREDIT_BARE_RE.search(text)
    if m and _credit_name(m.group("credit")):
        return text[: m.start()].rstrip(" -–—|,("), m.group("credit").strip(" .")
    return text, None


def _credit_name(credit: str) -> bool:
    """What a colon-less credit names: a way the picture was made ("chụp màn hình", "do X
    cung cấp"), a domain, or a short name (every word capitalised: "Khánh Vân/TTXVN", "AFP",
    "Phan Phương – TTXVN"); not a sentence ("Ảnh hưởng lớn ...")."""
    toks = words(credit.strip(" ."))
    if not toks or len(toks) > 6:
        return False
    if re.match(r"(?:chụp|do|tư liệu|minh h|vệ tinh|cắt từ)", credit, re.IGNORECASE):
        return True
    return all(t[:1].isupper() or t[:1].isdigit() or t in "-–—/&" or "." in t for t in toks)


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


# --------------------------------------------------------------------------- tag and topic labels

# The words a site labels its keyword row with ("Tags:", "Từ khóa:", "Thẻ:", "Keywords:") and
# the topic labels it prints the same way ("Chủ đề:", "Sự kiện:"). The tags rule, the glued
# label, the frame's "tags" field and the heading over a keyword list are built from these.
_KEYWORD_WORDS = ("từ khóa", "từ khoá")  # both spellings
TAG_WORDS = ("tag", "tags", *_KEYWORD_WORDS, "thẻ", "keyword", "keywords")
TOPIC_LABEL_WORDS = ("chủ đề", "sự kiện")
# a tags label alone as the heading over its keywords ("Từ khóa liên quan" / "giải ngân")
TAG_LABELS = {*_KEYWORD_WORDS, *(f"{w} liên quan" for w in _KEYWORD_WORDS), "tags"}


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
    "đang được quan tâm", "tin liên quan khác", "xem thêm tin liên quan", "có thể bạn muốn đọc",
    "bạn có thể muốn đọc", "tin tức cùng chuyên mục", "tin đọc nhiều nhất", "tin xem nhiều nhất",
    "các bài đã đăng", "bài viết mới", "bài mới",
    # a site template's sidebar boxes of other stories
    "bài viết gần đây", "tin gần đây", "tin tức mới", "bài viết phổ biến", "tin phổ biến",
    "recent posts", "recent news", "popular posts", "latest posts",
    # the same sections on English-language pages and templates
    "related", "related articles", "related news", "related stories", "related posts",
    "read more", "read also", "also read", "see also", "see more", "more stories", "more news",
    "most read", "most popular", "most viewed", "popular", "trending", "top stories",
    "latest news", "latest", "editor's picks", "editors' picks", "recommended",
    "recommended for you", "you may also like", "you might also like", "you may be interested",
    "more from this section", "more in this section", "don't miss", "in other news",
}
# fmt: on
_DECOR = " \t:>»›<«|*•▶►■□◆●-–—#"


def heading_key(text: str) -> str:
    """Casefolded heading text without decoration (">> Xem thêm:" -> "xem thêm")."""
    return normalize(text.strip(_DECOR)).casefold().rstrip(":").strip()


# A story-line box named after its event: "Dòng sự kiện: Xung đột Nga-Ukraine" (its stories
# follow, one a line)
_EVENT_LINE_RE = re.compile(r"^dòng sự kiện\s*:\s*[^.!?]{2,80}$", re.IGNORECASE)


# An invitation that names the stories below it: "Xem thêm tin bài liên quan hấp dẫn tại đây:"
# (a read-more verb, the word "liên quan", and a colon announcing the list)
_RELATED_INVITE_RE = re.compile(
    r"^(?:xem|đọc) thêm\b[^.!?:]{0,50}\bliên quan\b[^.!?:]{0,30}:$", re.IGNORECASE
)


# The same headings in words no list has met, by their shape: a read-more verb and "thêm"
# ("Tham khảo thêm", "Tìm hiểu thêm"), or a topic then a list's closing words ("Nhận định bóng
# đá mới nhất", "Tin thế giới liên quan", "Video cùng chuyên mục"): a short line, nothing else.
_RELATED_HEADING_SHAPE_RE = re.compile(
    r"^(?:(?:xem|đọc|tham khảo|tìm hiểu|tìm đọc)\s+thêm(?:\s+(?:tin|bài|bài viết|tin bài|tin tức))?"
    r"|(?:tin|bài|bài viết|tin tức|video|clip|nhận định|bản tin)\b[^.!?:;,]{0,40}?\s"
    r"(?:mới nhất|liên quan|cùng chuyên mục|cùng chủ đề|đọc nhiều nhất|xem nhiều nhất))$",
    re.IGNORECASE,
)


def is_related_heading(text: str) -> bool:
    if len(words(text)) <= 12 and _EVENT_LINE_RE.match(text.strip(_DECOR)):
        return True
    if len(words(text)) <= 7 and _RELATED_HEADING_SHAPE_RE.match(heading_key(text)):
        return True
    if len(words(text)) <= 12 and _RELATED_INVITE_RE.match(text.strip(" \t>»›*•▶►-–—")):
        return True
    key = heading_key(text)
    # "VIDEO ĐANG ĐƯỢC QUAN TÂM": a media word before a related heading names the same box
    bare = re.sub(r"^(?:video|clip|ảnh|tin|bài)\s+", "", key)
    return len(words(text)) <= 6 and (key in RELATED_HEADINGS or bare in RELATED_HEADINGS)


_READ_MORE_RE = re.compile(
    r"^(?:(?:>>+|»+|›|▶|►|→|➤|➜|➔|👉)\s*\S"
    r"|[(\[]?\s*(?:mời (?:bạn )?(?:xem|đọc) thêm|xem thêm|đọc thêm|xem tiếp|đọc tiếp|tin liên quan"
    r"|bài liên quan|xem chi tiết|xem video"
    r"|xem clip|xem toàn văn|xem đầy đủ|chi tiết xem|đón đọc|mời (?:quý )?(?:độc giả|bạn đọc|"
    r"quý vị|các bạn)(?: (?:theo dõi|xem|đón đọc))?)\s*(?:[:>»\-–|]+|tại đây|\.{3}|…)"
    r"|(?:kỳ|bài) (?:tới|sau|tiếp|tiếp theo)\s*[:\-–]"
    r"|mời (?:quý )?(?:độc giả|bạn đọc|quý vị)\b.{0,120}\b(?:xem|theo dõi|đón đọc)\b"
    r"|(?:read more|read also|also read|see also|related|more|watch|click here)\s*[:>»\-–|]+\s*\S)",
    re.IGNORECASE,
)


# The same labels glued to the START of the headline, with no separator: "XEM THÊMVẻ đẹp ...",
# "Tin liên quanHà Nội ..." (innerText runs the label into the link), or "ĐỌC NGAY Vẻ đẹp ..."
# / "Xem thêm Vẻ đẹp ..." (a space, then a capitalised headline with no full stop).
_LEADING_LABELS = (
    r"(?:xem thêm|đọc thêm|đọc ngay|xem ngay|đọc tiếp|tin liên quan|bài liên quan|tin cùng chủ đề"
    r"|có thể bạn quan tâm|read more|see also|related)"
)
_LEADING_LABEL_RE = re.compile(rf"^(?i:{_LEADING_LABELS})\s*(?=[A-ZÀ-ỸĐ\"“'‘])")


def _linked_title(rest: str) -> bool:
    """What a link label or arrow stands beside: one headline of 4-35 words."""
    return 4 <= len(words(rest)) <= 35 and is_title_like(rest) and sentence_count(rest) == 1


def _leading_label(text: str) -> bool:
    m = _LEADING_LABEL_RE.match(text)
    return m is not None and _linked_title(text[m.end() :])


# A headline with the link's arrow after it: "Thủ tướng yêu cầu ... >>", "... »"
_TRAILING_ARROW_RE = re.compile(r"\s*(?:>>+|»+|›|→)\s*$")


def _arrowed_headline(text: str) -> bool:
    m = _TRAILING_ARROW_RE.search(text)
    return m is not None and m.start() > 0 and _linked_title(text[: m.start()])


def is_read_more(text: str) -> bool:
    """A single-line pointer to another story ("Xem thêm: ...", ">> ...", "Mời độc giả xem ...",
    "<headline>ĐỌC NGAY", "XEM THÊMVẻ đẹp ...", "<headline> >>")."""
    return (
        len(words(text)) <= 40
        and bool(
            _READ_MORE_RE.match(text)
            or _TRAILING_LABEL_RE.search(text)
            or _leading_label(text)
            or _arrowed_headline(text)
        )
        or is_link_label(text)
    )


# A link label AFTER an inline related story's headline, as innerText glues the button to the
# link ("... cảng biển anh hùngĐỌC NGAY", "... 'bán mình'ĐỌC NGAY", "... siêu giàu?ĐỌC NGAY"):
# glued to the last word or to the headline's closing quote or question mark, or set in capitals.
_TRAILING_LABELS = r"(?:đọc ngay|xem ngay|đọc thêm|xem thêm|đọc tiếp|xem tiếp|read more)"
_TRAILING_LABEL_RE = re.compile(
    rf"(?:(?:(?<=[^\W\d_])|(?<=[?!'\"’”)\]]))(?i:{_TRAILING_LABELS})"
    rf"|(?<=[\s\d])(?:ĐỌC NGAY|XEM NGAY|ĐỌC THÊM|XEM THÊM|"
    rf"ĐỌC TIẾP|XEM TIẾP|READ MORE))\s*[»›>]*\s*$"
)


def strip_trailing_label(text: str) -> str:
    """The headline of a "<headline>ĐỌC NGAY" line (the text itself otherwise)."""
    m = _TRAILING_LABEL_RE.search(text)
    return text[: m.start()].rstrip() if m and len(words(text[: m.start()])) >= 4 else text


# A story card's closing link ("Đọc tiếp", "Xem tiếp Về trang Chủ đề"): the headline and lead
# right above it are the card's, when nothing of the page follows the link.
_READ_ON_RE = re.compile(r"^(?:đọc tiếp|xem tiếp|read more|continue reading)\b", re.IGNORECASE)


# A series' pointer to its next part ("Kỳ tới: Đời cảng, đời người") and the rule line a
# site sets above the next part's teaser ("-----", "***")
NEXT_PART_RE = re.compile(r"^(?:kỳ|bài|phần) (?:tới|sau|tiếp|tiếp theo)\s*[:\-–]", re.IGNORECASE)
SEPARATOR_RE = re.compile(r"^\s*(?:[-_=~*•.·]\s*){3,}$")


def is_rule_line(text: str) -> bool:
    """A section rule ("***", "-----", "* * *"): a break between parts of the text."""
    return bool(SEPARATOR_RE.match(text))


# A topic or tags label glued after the sapo's last sentence ("... một lớp.Sự kiện:"): the
# link under it names the site's event page, not a line of the story
# ("Keywords" is left out, as tuned)
_GLUED_TOPIC_LABELS = alternation(
    [w for w in TAG_WORDS if not w.startswith("keyword")] + list(TOPIC_LABEL_WORDS)
)
_GLUED_TOPIC_RE = re.compile(rf"[.!?…\"”)]{_GLUED_TOPIC_LABELS}\s*:\s*$", re.I)


def ends_with_topic_label(text: str) -> bool:
    return bool(_GLUED_TOPIC_RE.search(text))


def closes_with_read_on(text: str) -> bool:
    return len(words(text)) <= 8 and bool(_READ_ON_RE.match(text.strip(_DECOR)))


# Labels a site puts before an inline link to another story ("Nóng: Đại gia ... khởi kiện ...",
# "Đừng bỏ lỡ: ...", "Tin hot: ..."): the label, a colon, then a headline (no full stop).
# fmt: off
LINK_LABELS = {
    "nóng", "tin nóng", "hot", "tin hot", "đừng bỏ lỡ", "đọc ngay", "xem ngay", "xem nhanh",
    "đọc nhanh", "có thể bạn quan tâm", "bạn có thể quan tâm", "có thể bạn chưa đọc",
    "tin đề xuất", "must read", "don't miss",
}
# fmt: on
_LINK_LABEL_RE = re.compile(r"^\s*(?P<label>[^:]{2,24}?)\s*:\s+(?P<rest>\S.*)$")


def is_link_label(text: str) -> bool:
    """ "Nóng: <headline>": a link label and another story's headline on one line."""
    m = _LINK_LABEL_RE.match(text)
    if not m or heading_key(m.group("label")) not in LINK_LABELS:
        return False
    rest = m.group("rest")
    return 4 <= len(words(rest)) <= 40 and not rest.rstrip(' ”"’').endswith((".", ";", ":"))


_TEASER_TAG_RE = re.compile(
    r"^[\[(](?:video|ảnh|photo|infographic|inforgraphic|emagazine|e-magazine|longform|podcast|"
    r"trực tiếp|clip|interactive|megastory|photo story|multimedia|chùm ảnh|phóng sự ảnh|"
    r"đồ họa|audio|tin ảnh)[\])]\s*\S",
    re.IGNORECASE,
)


# The same tag as a capitalised word with no brackets ("VIDEO Highlight: Sevilla 3-0 MU"): set
# in capitals it is a label, not a sentence's first word ("Video cho thấy ..."); a headline
# follows, with no full stop. "ẢNH ..." is left to the captions (a photo credit).
_CAPS_TEASER_TAG_RE = re.compile(
    r"^(?:VIDEO|CLIP|INFOGRAPHIC|PODCAST|E-?MAGAZINE|LONGFORM|MEGASTORY|MULTIMEDIA)\s+"
    r"(?=\w)"
)


def is_teaser_tag(text: str) -> bool:
    """ "[Video] ...", "[Ảnh] ...", "[Infographic] ...", "VIDEO ..." link teasers."""
    if _CAPS_TEASER_TAG_RE.match(text):
        return 3 <= len(words(text)) <= 25 and is_title_like(text) and not text.endswith(("?", "!"))
    return bool(_TEASER_TAG_RE.match(text)) and len(words(text)) <= 40


# --------------------------------------------------------- follow-us / page widgets / footer

_PLATFORMS = (
    r"(?:google news|google tin tức|facebook|fanpage|zalo|youtube|tiktok|twitter|x|telegram|"
    r"instagram|threads|linkedin|spotify|apple podcasts|ứng dụng|app)"
)
_FOLLOW_RE = re.compile(
    r"^(?:hãy |mời (?:bạn|quý) ?(?:đọc|độc giả|vị)? ?|nhấn |bấm |click )?"
    r"(?:theo dõi|follow|tham gia|đăng ký|kết nối|like|quan tâm|quét mã|subscribe|sign up|join)\b",
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
        or re.search(r"\.vn\b|\.com\b|\.net\b|\bbáo\b|\bkênh\b|chúng tôi|\bour\b|newsletter", low)
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
    # English-language page chrome
    "share this article", "share this story", "share this", "share on facebook",
    "share on twitter", "share on x", "share via email", "print this article", "print",
    "back to top", "go to top", "comments", "comment", "leave a comment", "add a comment",
    "post a comment", "subscribe", "subscribe now", "subscribe to our newsletter",
    "sign up for our newsletter", "newsletter", "log in", "login", "sign in", "sign up",
    "register", "search", "home", "reply", "cancel", "close", "save", "saved", "bookmark",
    "listen", "listen to this article", "play", "pause", "font size", "report", "report an error",
    "send feedback", "feedback", "contact us", "about us", "privacy policy", "terms of use",
    "terms of service", "cookie policy", "accept cookies", "skip to content",
    "skip to main content", "load more", "show more", "show less", "view more", "see all",
    "view all", "click here",
    # a site template's own controls: the navbar button, the pager, the account links
    "toggle navigation", "prev", "previous", "next", "older posts", "newer posts",
    "đăng nhập | đăng ký", "đăng nhập / đăng ký", "đăng ký | đăng nhập", "contact",
    # download and copy widgets
    "tải về", "tải xuống", "tải tài liệu", "xem tài liệu", "download", "đã copy", "copied",
    "copy", "sao chép",
    # "load more" buttons under a list of stories, loading and feedback widgets
    "đọc thêm tin mới nhất", "xem thêm tin mới nhất", "xem thêm tin", "tải thêm tin",
    "xem thêm bài viết", "xem tiếp tin", "xem nhanh", "đang tải", "đang tải...", "loading",
    "loading...", "xem toàn bộ", "gửi phản hồi", "phản hồi",
    "xem thêm bài", "xem tin mới nhất", "load more stories", "more stories",
    "xem",  # a picker's or a box's button ("Ngày 1 2 ..." / "Tháng ..." / "Xem")
    # a read-aloud player's menus (full text or summary, volume, autoplay countdown)
    "bài đầy đủ", "bài tóm tắt", "bài đầy đủ bài tóm tắt", "điều chỉnh âm lượng",
    "âm lượng", "tự động phát sau", "tự động phát",
    # ad slots and their close button, the site header's weather and account menu
    "advertisements", "advertising", "admicro adx", "ads by google", "x", "đóng menu", "mở menu",
    "thông tin tài khoản", "đổi mật khẩu", "tin đã lưu", "tin đã xem",
    # a story card's own links ("Đọc tiếp", "Về trang Chủ đề"): see ``closes_with_read_on``
    "đọc tiếp", "xem tiếp", "về trang chủ đề", "về chủ đề", "về trang chuyên mục",
    "về chuyên mục", "xem chủ đề",
    # the header's font-size and link widgets
    "a a a", "a- a a+", "a+ a-", "a- a+ a", "lấy link", "link bài gốc", "bản in", "google+",
}
# fmt: on
_FOOTER_RE = re.compile(
    r"^(?:©|\(c\)\s|copyright\b|bản quyền\b|giữ bản quyền|giấy phép\b|cơ quan chủ quản|"
    r"(?:phó )?tổng biên tập\s*:|chịu trách nhiệm|địa chỉ\s*:|điện thoại\s*:|tel\s*:|fax\s*:|"
    r"e-?mail\s*:|hotline\s*:|đường dây nóng|tòa soạn\s*:|toà soạn\s*:|trụ sở\s*:|website\s*:|"
    r"liên hệ quảng cáo|số giấy phép|thông tin tòa soạn)"
    r"|bản quyền thuộc|ghi rõ nguồn|không được sao chép|phát hành lại thông tin"
    r"|^\(?\*\)?\s*(?:bài viết|tít|tiêu đề|nội dung)|(?:tít|tiêu đề|title) (?:bài )?do "
    r"(?:tòa|toà) soạn đặt|bài viết thể hiện quan điểm|all rights reserved"
    # a site template's credit: "Designed by Colorlib", "Powered by WordPress"
    r"|^(?:designed|developed|powered|theme|template|website)\s+by\s+[^.!?,]{1,40}\.?$",
    re.IGNORECASE,
)
# The copyright line names whose the site is: "© 2003-2025 Bản quyền thuộc về Báo Thanh Niên."
COPYRIGHT_OWNER_RE = re.compile(
    rf"bản quyền (?:thuộc về|của)\s+(?:{name_openers('paper')}\s+(?:{E_EDITION}\s+)?)?"
    r"(?P<owner>[^.,;()]{2,40})",
    re.IGNORECASE,
)
# A table of contents over a long article: its entries repeat the subheadings below
TOC_HEADINGS = {"mục lục", "nội dung chính", "nội dung bài viết", "các nội dung chính"}
_TAGS_RE = re.compile(rf"^{alternation(TAG_WORDS + TOPIC_LABEL_WORDS)}\s*:", re.I)
_COUNTER_RE = re.compile(
    r"^(?:(?:bình luận|ý kiến|thích|chia sẻ|lượt xem|lượt đọc|lượt thích|like|share|comments?"
    r"|views?|likes?|shares?)\s*[:(]?\s*\d[\d.,]*\s*\)?|\d[\d.,]*\s*(?:bình luận|ý kiến|"
    r"lượt xem|lượt thích|chia sẻ|lượt đọc|like|share|comments?|views?|likes?|shares?)"
    r"|\d+\s*(?:min|minute|minutes|mins) read|(?:reading time|read time)\s*:?\s*\d+\s*\w*"
    r"|(?:thời gian đọc|đọc trong)\s*:?\s*\d+\s*phút|\d+\s*phút đọc"
    r"|\d{1,2}:\d{2}\s*/\s*\d{1,2}:\d{2}|tốc độ(?: đọc)?\s*:?\s*[\d.,]*x?"
    r"|trở (?:lại|về)(?:\s+\S+){1,3}"
    # "Nhấn vào đây", "Bấm F5 để tiếp tục cập nhật" (a live page's refresh hint)
    r"|(?:nhấn|bấm|click|nhấp|ấn) (?:vào )?(?:(?:f5|phím \S+|nút \S+) )?(?:đây|link|để)\b.*"
    r"|click here\b.*"
    r"|xem (?:thêm )?\d+ bình luận"
    r"|\(\s*(?:còn nữa|còn tiếp|hết|tiếp theo|kỳ sau|kỳ tới)\s*(?:\.{2,}|…)?\s*\)"
    r"|nghe(?: bài viết| bài| đọc(?: bài)?)?(?:\s*\d+\s*phút)?|giọng đọc\s*:?.{0,24}"
    # the player's menus with their state in front: "1.00x Chọn tốc độ đọc", "<voice> Chọn
    # giọng đọc"
    r"|(?:\S+(?:\s\S+){0,3}\s+)?chọn (?:tốc độ đọc|giọng đọc|tốc độ|giọng)"
    r"|giọng (?:nam|nữ)(?: miền (?:bắc|nam|trung))?"
    # a read-aloud player's voice menu: "Nam miền Bắc", "Nữ miền Nam"
    r"|(?:giọng )?(?:nam|nữ) miền (?:bắc|nam|trung)"
    # rating widgets: "Bạn thấy bài viết thế nào?", "Bài viết có hữu ích không?"
    r"|bạn (?:thấy|đánh giá|nghĩ gì về) (?:bài viết|bài báo|nội dung|tin|thông tin)(?: này)?"
    r"(?: (?:thế nào|như thế nào|ra sao|có hữu ích không))?\s*\??"
    r"|(?:bài viết|bài báo|nội dung|thông tin)(?: này)? (?:có )?hữu ích(?: với bạn)?(?: không)?"
    r"\s*\??|đánh giá (?:bài viết|bài báo|nội dung|tin)(?: này)?\s*:?)\.?$",
    re.IGNORECASE,
)


def _unglue(text: str) -> str:
    """innerText glues a widget's labels together ("Chia sẻ Copy linkĐã copy!"): a capital
    right after a lowercase letter or "!" starts a new label."""
    out = []
    for k, c in enumerate(text):
        if k and c.isupper() and (text[k - 1].islower() or text[k - 1] == "!"):
            out.append(" ")
        out.append(c)
    return "".join(out)


def _widget_run(text: str) -> bool:
    """Two or more page-widget labels on one line, glued or spaced ("Chia sẻ Copy link Đã
    copy!"), and nothing else."""
    low = _unglue(text).casefold().strip(" .!|•·")
    toks = low.split()
    if not 2 <= len(toks) <= 10:
        return False
    i, n = 0, 0
    while i < len(toks):  # longest widget label first at each position
        for j in range(len(toks), i, -1):
            if " ".join(toks[i:j]).strip(" .!:") in _FOOTER_EXACT:
                i, n = j, n + 1
                break
        else:
            return False
    return n >= 2


# A column's standing blurb closing each instalment ("* Chuyên mục Quân sự thế giới hôm nay trên
# Báo Quân đội nhân dân Điện tử gửi tới bạn đọc thông tin mới nhất ..."): the column, then
# what it brings to its readers. Only after the body (see ``bylines``): a lead may say the same.
COLUMN_BLURB_RE = re.compile(
    r"^[(*\s]*\)?\s*(?:chuyên mục|chuyên trang|chuyên đề|tuyến bài|loạt bài|series|bản tin|"
    r"chương trình|mục)\s.{0,200}?\b(?:gửi|mang|giới thiệu|cung cấp|đem|đưa)\s+(?:tới|đến)\s+"
    r"(?:quý\s+)?(?:bạn đọc|độc giả|khán giả|thính giả|người đọc|người xem)\b",
    re.IGNORECASE,
)


# A standing call for readers' contributions, with the desk's address: "Trân trọng mời bạn đọc
# cộng tác, gửi tin bài ... theo email: ...", "Bạn đọc có khúc mắc ... hãy liên hệ ... email".
# The address is what marks it: a story quoting such a call has no mailbox in it.
_READER_INVITE_RE = re.compile(
    r"^[\s\"“*(]*(?:(?:trân trọng |kính |xin )?mời (?:quý )?(?:bạn đọc|độc giả)\b.{0,80}"
    r"\b(?:cộng tác|gửi|chia sẻ|tham gia)\b"
    r"|(?:quý )?(?:bạn đọc|độc giả)\b.{0,200}\b(?:hãy |vui lòng )?(?:gửi|liên hệ|liên lạc)\b)"
    r".{0,200}(?:e-?mail|@|hotline|đường dây nóng|hộp thư|hòm thư)",
    re.IGNORECASE,
)


def is_reader_invite(text: str) -> bool:
    return len(words(text)) <= 80 and bool(_READER_INVITE_RE.match(text))


def is_column_blurb(text: str) -> bool:
    return len(words(text)) <= 80 and bool(COLUMN_BLURB_RE.match(text))


# Where the story's information was taken from, announcing a link or a name on the next line:
# "Thông tin được dẫn từ nguồn:", "Bài viết tham khảo từ các nguồn:", "Nguồn tham khảo:".
_SOURCE_INTRO_RE = re.compile(
    r"^(?:(?:thông tin|nội dung|bài viết|bài|tin|tin bài|số liệu|dữ liệu)\s+)?(?:được\s+)?"
    r"(?:dẫn|trích dẫn|trích|lấy|tổng hợp|tham khảo|biên dịch|lược dịch|dịch)(?:\s+lại)?\s+"
    r"(?:từ|theo)\s+(?:các\s+)?nguồn(?:\s+tin)?\s*:?$"
    r"|^(?:nguồn tham khảo|nguồn tin|nguồn bài viết|tài liệu tham khảo|sources?|references?)\s*:$"
    r"|^(?:nguồn|source)\s*:\s*\[?\s*(?:link nguồn|link gốc|link|source)\s*\]?$",
    re.IGNORECASE,
)


def is_source_intro(text: str) -> bool:
    return len(words(text)) <= 12 and bool(_SOURCE_INTRO_RE.match(text.strip(" *")))


# A web video or audio player's own text, read out with the page (video.js and its Vietnamese
# labels, quality and speed menus, the debug panel): "Trình phát Video is loading.", "Thời
# gian hiện tại 0:00", "Đã tải: 13.01%", "This is a modal window.", "Bắt đầu cửa sổ hộp
# thoại. Esc sẽ thoát ...", "Powered by ... Player", "Độ dài [giây]: 30.000", "720p".
_CLOCK = r"-?\d{1,2}:\d{2}(?::\d{2})?"
_PLAYER_RE = re.compile(
    r"^(?:trình phát video|video player)\b.*"
    rf"|^(?:thời gian hiện tại|current time|độ dài|duration|thời gian còn lại|remaining time)"
    rf"\s*:?\s*{_CLOCK}$"
    r"|^(?:đã tải|loaded)\s*:?\s*\d{1,3}(?:[.,]\d+)?\s*%$"
    r"|^(?:kiểu stream|stream type)\b.{0,20}$"
    r"|^(?:this is a modal window|đây là một cửa sổ|close modal dialog|đóng cửa sổ)\.?$"
    r"|^(?:bắt đầu cửa sổ hộp thoại|beginning of dialog window|kết thúc cửa sổ hộp thoại|"
    r"end of dialog window)\b.*"
    r"|^powered by \S.{0,30}player$"
    r"|^(?:sao chép đường dẫn video|copy video url)\b.*"
    r"|^(?:tải xuống log|sao chép thông tin gỡ lỗi|báo cáo vấn đề trình chiếu|"
    r"báo cáo vấn đề đã được gửi|thông tin kỹ thuật|thông tin về \S.{0,30}player)$"
    r"|^(?:độ dài|vị trí|buffer hiện tại|đã tải xuống)\s*\[giây\]\s*:\s*[\d.,]+$"
    r"|^(?:(?:auto|tự động)\s+)?(?:\d{3,4}p|4k)(?:\s+(?:\d{3,4}p|4k|auto|tự động))*$"
    r"|^\S.{0,20},\s*đã chọn$"
    r"|.*colortransparency.*"
    r"|^(?:kích cỡ phông chữ|font size)\s+(?:dạng viền văn bản|text edge style)\b.*"
    # an embed's fallback text, shown where the player is missing: "browser not support iframe."
    r"|^(?:your |this )?browser (?:does )?not supports?\b.{0,40}"
    r"\b(?:iframe|video|audio|html5|embed)\b.{0,20}$"
    r"|^trình duyệt (?:của bạn )?(?:không|chưa) hỗ trợ\b.{0,40}"
    r"\b(?:iframe|video|audio|html5|trình phát)\b.{0,20}$",
    re.IGNORECASE,
)


# a menu's state glued to its name: "Bình thườngTốc độ phát", "Tự động480pChất lượng" (not
# "Nâng cao chất lượng": the glue is what marks the menu)
_PLAYER_MENU_RE = re.compile(
    r"^\S.{0,20}[a-zà-ỹđ0-9](?:Tốc độ phát|Chất lượng|Playback Rate|Quality)$"
)


# A read-aloud player's voice menu ("Ngọc Huyền Chọn giọng đọc"): the voices' names follow it,
# one a line, and are no byline
VOICE_MENU_RE = re.compile(r"\bchọn giọng(?: đọc)?\s*:?$", re.IGNORECASE)


# The label of an embedded video the text has lost, announcing it with a colon ("Video màn
# trình diễn của X ở chiến thắng 3-0 trước Y:", "Xem lại thất bại 1-3 của X trước Y:")
_VIDEO_LABEL_RE = re.compile(
    r"^(?:video|clip|xem lại|xem (?:video|clip|highlights?|bàn thắng))\s[^:;,.!?]{3,100}:$",
    re.IGNORECASE,
)


def is_video_label(text: str) -> bool:
    t = text.strip()
    return len(words(t)) <= 16 and bool(_VIDEO_LABEL_RE.match(t))


def is_player_text(text: str) -> bool:
    t = text.strip()
    return len(words(t)) <= 20 and bool(_PLAYER_RE.match(t) or _PLAYER_MENU_RE.match(t))


# A keyword row with no label, its keywords split by spaced pipes: "bào chữa | viện kiểm sát |
# luật sư | TAND huyện Đức Hòa". Four or more short phrases and no sentence among them; a site
# menu of known sections is ``is_menu_line``'s.
_KEYWORD_ROW_MIN = 4
_KEYWORD_MAX_WORDS = 6


def _keyword_row(text: str) -> bool:
    items = [p.strip(" `'\"") for p in text.split(" | ")]
    return (
        len(items) >= _KEYWORD_ROW_MIN
        and len(words(text)) <= 80
        and all(
            0 < len(words(p)) <= _KEYWORD_MAX_WORDS
            and not re.search(r"[.!?:;]", p)
            and not re.search(r"\d", p)  # a table's row has figures
            for p in items
        )
    )


# An ad slot's label naming its network: "iTVC from Admicro", "Ads by Google", "Sponsored by
# Taboola" (the ad format or "ads", then the network the outlets buy from)
_AD_NETWORK_RE = re.compile(
    r"^(?:[\w-]{1,12}\s+){0,2}(?:by|from)\s+(?:admicro|google(?: adsense| ads)?|taboola|outbrain"
    r"|eclick|mgid|adsense|adnow|innity|yeah1 network)$"
)


def footer_reason(text: str) -> str | None:
    """Reason for page chrome: "page-widget" (share, print, audio player, counters, rating),
    "copyright-footer" (copyright, licence, contact), "tags" (keyword lists)."""
    low = text.casefold().strip(" .!|•·")
    if low in _FOOTER_EXACT or _widget_run(text):
        return "page-widget"
    if len(words(text)) <= 40 and _FOOTER_RE.search(text):
        return "copyright-footer"
    if (_TAGS_RE.match(text) and len(words(text)) <= 40) or low in TAG_LABELS:
        return "tags"
    if _keyword_row(text):
        return "tags"
    # "#Covid19 #Hanoi" are tags; "#51 Sawyer Road" (a street number) is an address
    if re.match(r"#[^\W\d_]", text) and len(words(text)) <= 30 and not text.endswith("."):
        return "tags"
    if _AD_NETWORK_RE.match(low):
        return "page-widget"
    if len(words(text)) <= 12 and _COUNTER_RE.match(low):
        return "page-widget"
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


_TRAIL_RE = re.compile(r"\s+[>»›]\s+")


def is_breadcrumb(text: str) -> bool:
    """Section labels or "Thời sự > Chính trị" trails. A trail ("Tin tức > Nhà đất > Đầu tư -
    Quy hoạch") needs only its first label known: the others are the site's own sub-sections,
    which no list can hold, recognised by shape (short capitalised labels, no sentence)."""
    parts = [p.strip().casefold() for p in re.split(r"\s*[>»›/|]\s*", text) if p.strip()]
    if bool(parts) and len(words(text)) <= 10 and all(p in SECTIONS for p in parts):
        return True
    trail = [p.strip() for p in _TRAIL_RE.split(text)]
    return (
        len(trail) >= 2
        and trail[0].casefold() in SECTIONS
        and len(words(text)) <= 14
        and all(p[:1].isupper() and len(words(p)) <= 5 and not p.endswith(".") for p in trail)
    )


# --------------------------------------------------------------------------- labelled fields

# Who wrote or posted the story, as the label before a name that a frame's author field and a
# byline (``bylines``) both print: "Tác giả: X", "Phóng viên: Y", "Đăng bởi Z". The first two
# name the writer outright, whatever follows (``bylines.labelled_byline``).
WRITER_LABELS = ("tác giả", "người viết")
# fmt: off
BYLINE_LABELS = (
    *WRITER_LABELS, "biên tập", "biên tập viên", "đăng bởi", "người đăng", "phóng viên",
)
# fmt: on

# A site's frame prints its metadata as labelled fields in the header zone, in either language:
# "Author: Khang Nguyen", "Tác giả: X", "Date: 20/04/2019", "Cập nhật: 10:05 12/3/2024",
# "Tag SKT T1 ,Faker", "Chuyên mục: Thể thao", "Nguồn: VTV". Field -> its labels; the removal
# reason each field's line carries is ``FIELD_REASONS``.
# fmt: off
FIELD_LABELS: dict[str, tuple[str, ...]] = {
    # "Viết bởi" is read as a field's label only (the byline parser never took it, as tuned)
    "author": ("author", "authors", "written by", "posted by", "by", *BYLINE_LABELS, "viết bởi"),
    "date": (
        "date", "published", "published on", "published at", "updated", "last updated",
        "posted", "posted on", "posted at", "ngày đăng", "ngày", "cập nhật", "cập nhật lúc",
        "ngày cập nhật", "đăng lúc", "đăng ngày", "xuất bản", "ngày xuất bản", "thời gian đăng",
    ),
    # "Chủ đề:" lists the story's topics as tags do; "Sự kiện:" (an event page) is left out
    "tags": (*TAG_WORDS, "chủ đề"),
    "category": ("category", "categories", "section", "chuyên mục", "danh mục"),
    "source": ("source", "nguồn"),
}
# fmt: on
FIELD_REASONS = {
    "author": "byline",
    "date": "timestamp",
    "tags": "tags",
    "category": "breadcrumb",
    "source": "source-credit",
}
_FIELD_ALT = "|".join(
    re.escape(label)
    for label in sorted({x for v in FIELD_LABELS.values() for x in v}, key=len, reverse=True)
)
# "Label: value" (the colon may be "-" or "|" in a frame: "Tác giả - X")
FIELD_RE = re.compile(rf"^(?P<label>{_FIELD_ALT})\s*[:：|]\s*(?P<value>\S.*)$", re.IGNORECASE)
# "Label value" with no colon: a tag row ("Tag SKT T1 ,Faker") and an English byline ("By X").
# Only labels that cannot open a sentence: not "Thẻ" ("Thẻ tín dụng ..."), nor "Keywords" (as
# tuned); of the author's, those ending on "by"/"bởi", and a lone "By" only capitalised.
_BARE_TAGS = ("tag", "tags", *_KEYWORD_WORDS)
_BARE_AUTHOR = [w for w in FIELD_LABELS["author"] if w.endswith((" by", " bởi"))]
FIELD_BARE_RE = re.compile(
    rf"^(?P<label>{alternation([*_BARE_TAGS, *_BARE_AUTHOR])}|(?-i:By))\s+(?P<value>\S.*)$",
    re.IGNORECASE,
)
# "Nguyễn Thanh Tuấn đăng lúc 20:50 13/04/2019", "Posted by X on 3 May 2019": who posted it
# and when, on one line
POSTED_RE = re.compile(
    r"^(?:(?:posted|written|published)\s+by\s+|đăng bởi\s+)?(?P<name>[^\W\d_][^:|]{1,40}?)"
    r"\s*[-–|,]?\s+(?:đăng lúc|đăng ngày|đăng|cập nhật lúc|cập nhật|posted on|posted at|on|lúc)"
    r"\s+(?P<when>\S.{4,40})$",
    re.IGNORECASE,
)


def field_label(label: str) -> str | None:
    """The field a label names ("Tác giả" -> "author"), None for no known label."""
    label = label.casefold().strip()
    return next((f for f, labels in FIELD_LABELS.items() if label in labels), None)


# --------------------------------------------------------------------------- site menus

_MENU_SPLIT_RE = re.compile(r"\s*[|•·»›]\s*|\s{2,}|\s+/\s+")
# What a site's menus are made of: its sections and its own links (login, contact, ads)
MENU_LABELS = frozenset(SECTIONS | _FOOTER_EXACT)
_MENU_MAX_WORDS = 80


def menu_items(text: str) -> list[str]:
    """The entries of a menu line: split at separators, and, where innerText glued the links
    with spaces only ("Chính trị Thời sự Thế giới Kinh tế"), at each capitalised word that
    follows a lowercase one (a label is one capital, then lowercase words: "Sức khỏe")."""
    items: list[str] = []
    for part in _MENU_SPLIT_RE.split(text.strip(" |•·")):
        cur: list[str] = []
        for tok in part.split():
            if cur and tok[:1].isupper() and cur[-1][:1].islower():
                items.append(" ".join(cur))
                cur = []
            cur.append(tok)
        if cur:
            items.append(" ".join(cur))
    return items


_GLUED_MIN_ITEMS = 3


def glued_menu(text: str) -> bool:
    """A menu whose links innerText glued with no space ("Đời sốngNhân vậtXem-Ăn-ChơiHouse n
    Home..."): split where a lowercase letter runs into a capital, three or more entries, every
    one a short label (≤ 4 words), none a sentence. Prose that lost the space before a link
    ("nhưHà Tiên") ends with its full stop and has long pieces, so it never qualifies."""
    if text.rstrip().endswith((".", ":", ";", ",", "?", "!", "…")):
        return False
    cuts = [
        i
        for i in range(1, len(text))
        if text[i].isupper() and (text[i - 1].islower() or text[i - 1] in "'’\")”»")
    ]
    pieces = [text[a:b] for a, b in itertools.pairwise([0, *cuts, len(text)])]
    # a brand's inner capital ("iPhone", "TikTok") glues a piece of 1-3 letters at most twice
    glued = sum(1 for a in pieces[:-1] if a[-1:].islower())
    if glued < _GLUED_MIN_ITEMS:
        return False
    items = [x for p in pieces for x in menu_items(p)]
    size = [sum(any(c.isalnum() for c in w) for w in words(x)) for x in items]  # not "-"
    return len(items) >= _GLUED_MIN_ITEMS and all(n <= 4 for n in size)


def is_menu_line(text: str) -> bool:
    """A site menu kept as one line: 4+ short items between separators ("Trang chủ | Thời sự |
    Thế giới | ..."), most of them known section names, none a sentence; or 3+ labels glued
    with spaces, at least two of them known ("Podcast Bạn đọc Rao vặt")."""
    if len(words(text)) > _MENU_MAX_WORDS or text.rstrip().endswith("."):
        return False  # a paragraph, never a menu
    parts = [p for p in _MENU_SPLIT_RE.split(text.strip(" |•·")) if p]
    short = len(parts) >= 4 and not any(len(words(p)) > 5 or p.endswith(".") for p in parts)
    if short and sum(p.casefold() in SECTIONS for p in parts) * 2 >= len(parts):
        return True
    items = menu_items(text)
    if len(items) < 3 or any(len(words(p)) > 4 for p in items):
        return False
    if any(c.isdigit() for c in text) or text.rstrip().endswith((".", ":", "?", "!", ",")):
        return False
    known = known_labels(items)
    return known >= 2 and known * 2 >= len(items)


def known_labels(items: list[str]) -> int:
    """How many of a menu's entries are known section names or site links."""
    return sum(item.casefold() in MENU_LABELS for item in items)


# A page's banners above the article: cookie consent, app download, notification prompts,
# browser warnings. Only judged in a whole page's header (``chrome.page_head``): an article
# may well be about cookies or apps.
BANNER_RE = re.compile(
    r"\bcookies?\b|\b(?:tải|cài đặt|tải về)\s+(?:ứng dụng|app)\b|\bapp store\b|google play"
    r"|\b(?:nhận|bật|cho phép)\s+thông báo\b|\btrình duyệt\b|\bquyền riêng tư\b"
    r"|\bđăng ký nhận (?:tin|bản tin)\b|\bnewsletter\b|\bprivacy\b",
    re.IGNORECASE,
)


def is_banner(text: str) -> bool:
    return len(words(text)) <= 60 and bool(BANNER_RE.search(text))


# A site footer's contact and licence lines: a phone number, an e-mail address, the licence
# ("Giấy phép ... số"), the editors ("Tổng biên tập"), the copyright
FOOTER_CONTACT_RE = re.compile(
    r"\b(?:hotline|đường dây nóng|điện thoại|tel|fax|e-?mail|liên hệ quảng cáo)\b\s*:?\s*[\d+(]"
    r"|\b[\w.+-]+@[\w-]+\.[\w.]+\b"
    r"|\b0\d{2,3}[ .]?\d{3}[ .]?\d{3,4}\b"
    r"|\bgiấy phép\b.{0,40}\bsố\b|\b(?:phó )?tổng biên tập\b|©|\bbản quyền\b|\bcopyright\b",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------- aggregator meta

# What aggregators (Báo Mới, Google News, Zing) print around a story: its age, a link to the
# source ("Gốc", "Xem nguồn"), how many related stories or re-posts they grouped with it. They
# print several of these on one line ("1 đăng lại 259 liên quan Gốc"), so a line made only of
# such items is meta, in any order and number.
_AGGREGATOR_ITEM = (
    r"(?:\d{1,3}\s*(?:giây|phút|giờ|tiếng|ngày|tuần|tháng|năm)\s+trước"
    r"|gốc|xem gốc|link gốc|xem nguồn|nguồn bài viết|bài gốc|đọc bài gốc|mở bài gốc"
    r"|\d[\d.,]{0,6}\s*(?:liên quan|bài liên quan|tin liên quan|đăng lại|nguồn|bình luận|"
    r"chia sẻ|lượt xem|tin bài|bài viết)"
    r"|vừa xong|mới đây|hôm qua|báo cáo bài viết)"
)
_AGGREGATOR_META_RE = re.compile(
    rf"^{_AGGREGATOR_ITEM}(?:\s*[·•|]?\s*{_AGGREGATOR_ITEM})*$", re.IGNORECASE
)


# The same items after the story's date stamp, then the topic the aggregator filed it under,
# linked after "Gốc": "21/07/22 GMT+7 89 liên quan Gốc Long An", "31/07/2022 8 liên quan Gốc".
# A sentence never opens on a bare date followed by a count of related stories. One reader
# (``read_aggregator_stamp``) splits such a line; the line rule and the header's date
# (``fields.aggregator_stamp``) each accept it in their own way.
_BARE_STAMP_RE = re.compile(
    r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?:\s+\d{1,2}[:h]\d{2})?(?:\s+GMT\s*[+-]\s*\d{1,2})?(?=\s)"
)
# the topic the line rule lets follow the items: one run of words, no digit, no sentence mark
_STAMP_TOPIC_RE = re.compile(r"[A-ZÀ-ỸĐ][^\d.!?,:;]{0,40}", re.IGNORECASE)


@dataclass(frozen=True)
class AggregatorStamp:
    """An aggregator's stamp line read apart: the story's date stamp, then the aggregator's
    items and the story's tags, each way the words after the stamp split into the two."""

    stamp: str
    when: str | None  # the ISO date the stamp states; None when it states no full date
    splits: tuple[tuple[str, str], ...]  # (items, tags), the most items first


def read_aggregator_stamp(text: str, *, bare: bool = False) -> AggregatorStamp | None:
    """A date stamp, then aggregator items (at least one), then anything: None when the line
    does not open so. The words after the stamp are cut at each run of white space into items
    and tags, as the text spells them. ``bare``: the line rule's stricter reading, where the
    stamp is a numeric date with its clock and time zone and the items are items to the
    letter; otherwise the stamp is the longest opening a timestamp line can be (a weekday, a
    clock before the date) and the items are read with white space folded and with the
    separators ``is_aggregator_meta`` strips."""
    if bare:
        m = _BARE_STAMP_RE.match(text)
        if m is None:
            return None
        stamp, end = m.group(), m.end()
        items_ok: Callable[[str], object] = _AGGREGATOR_META_RE.match
    else:
        ends = [t.end() for t in re.finditer(r"\S+", text)]
        k = next(
            (
                k
                for k in range(len(ends) - 1, 0, -1)
                if dates.is_timestamp_line(_folded(text[: ends[k - 1]]))
            ),
            None,
        )
        if k is None:
            return None
        stamp, end = _folded(text[: ends[k - 1]]), ends[k - 1]
        items_ok = _loose_items
    body = text[end:].lstrip()
    runs = [(r.start(), r.end()) for r in re.finditer(r"\s+", body) if r.end() < len(body)]
    cuts = [(len(body), len(body)), *reversed(runs)]  # the most items first
    splits = tuple((body[:a], body[b:]) for a, b in cuts if items_ok(body[:a]))
    if not splits:
        return None
    return AggregatorStamp(stamp, dates.timestamp_date(stamp), splits)


def _folded(text: str) -> str:
    return " ".join(text.split())


def _loose_items(text: str) -> bool:
    return is_aggregator_meta(_folded(text))


def _stamped_meta(text: str) -> bool:
    """The line rule's acceptance: a bare stamp, items, and at most one topic after them."""
    read = read_aggregator_stamp(text, bare=True)
    return read is not None and any(
        not tags or _STAMP_TOPIC_RE.fullmatch(tags) for _, tags in read.splits
    )


def is_aggregator_meta(text: str) -> bool:
    t = text.strip(" .·•|")
    return bool(_AGGREGATOR_META_RE.match(t) or _stamped_meta(t))


# --------------------------------------------------------------------------- readers' comments

COMMENTS_HEAD_RE = re.compile(
    r"^(?:bình luận|ý kiến(?: bạn đọc)?|ý kiến của bạn|bạn đọc bình luận|comments?)"
    r"\s*(?:\(\s*\d+\s*\)|\d+)?$|^\d+\s*(?:bình luận|ý kiến|comments?)$",
    re.IGNORECASE,
)
COMMENT_CHROME_RE = re.compile(
    r"\btrả lời\b|\bthích\b.*\bchia sẻ\b|^\d{1,2}\s*(?:h|giờ|phút|ngày)\s*trước$",
    re.IGNORECASE,
)
# The comment form's own text: "(Đăng nhập) để gửi bình luận", "Ý kiến của bạn sẽ được xét
# duyệt trước khi đăng. Xin vui lòng gõ tiếng Việt có dấu"
COMMENT_FORM_RE = re.compile(
    r"\bgửi bình luận$|xét duyệt trước khi đăng|gõ tiếng việt có dấu", re.IGNORECASE
)
# The form's warnings, left on a page below its footer and judged on their own line: "Bạn
# không thể gửi bình luận liên tục.", "Đăng nhập để bình luận"
COMMENT_WARNING_RE = re.compile(
    r"gửi bình luận liên tục|^đăng nhập để (?:gửi )?bình luận", re.IGNORECASE
)


# --------------------------------------------------------------------------- interviews

# A turn of an interview or a readers' Q&A: "PV: ...", "Hỏi: ...", "Nistelrooy: Tôi ...",
# "* Anh nghĩ đội nào sẽ vô địch? (email...)". Turns alternate like teaser titles and leads, but
# they are the article.
_SPEAKER_RE = re.compile(
    r"^(?:PV|P\.V|Phóng viên|Hỏi|Đáp|Trả lời|[A-ZĐ][\w.'’-]*(?:\s[A-ZĐ][\w.'’-]*){0,3})\s*:\s+\S"
)
_QUESTION_MARKER_RE = re.compile(r"^[*\-–•]\s*\S.*\?")


def is_interview_turn(text: str) -> bool:
    t = text.lstrip("*-–• ")
    answer = bool(_SPEAKER_RE.match(t)) and len(words(t)) >= 6
    return answer or bool(_QUESTION_MARKER_RE.match(text))


# --------------------------------------------------------------------------- markup debris

# What a template or a broken HTML conversion leaves on a line of its own: a stray ">", "')}}>",
# "»", "|", "*", "---", a run of quotes or brackets. Text has a letter or a digit ("11.", a
# phone number); a line with neither carries no words of the story. A section rule ("***",
# "-----") is no body line either: the steps that read one as a block's end test its text.
_LETTER_OR_DIGIT_RE = re.compile(r"[^\W_]")


def is_markup_debris(text: str) -> bool:
    return bool(text.strip()) and not _LETTER_OR_DIGIT_RE.search(text)


# A template's or a page's own code printed as text when the scraper read a template file or an
# HTML parser broke on it: "{{ $post->title }}", "{!! $x !!}", "{% endif %}", "<?php echo $a; ?>",
# "<%= x %>", "${news.title}", "</div>", "<br/>", "image }}>" (an unquoted "{{ $p->image }}"
# cut at its "->"), "@endif", "@foreach ($posts as $post)", "&nbsp;", a script's "undefined".
# No sentence holds these marks.
_TEMPLATE_SPAN_RE = re.compile(
    r"\{\{.*?\}\}|\{!!.*?!!\}|\{%.*?%\}|\{#.*?#\}|<\?(?:php|=)?.*?(?:\?>|$)|<%.*?(?:%>|$)"
    r"|[$*#]\{[^{}]*\}|<!--.*?(?:-->|$)"
    r"|^@(?:if|elseif|else|endif|foreach|endforeach|for|endfor|while|endwhile|forelse|endforelse"
    r"|empty|endempty|isset|endisset|unless|endunless|switch|endswitch|case|break|php|endphp"
    r"|section|endsection|yield|extends|include|push|endpush|stack|csrf|method|auth|endauth"
    r"|guest|endguest)\b(?:\s*\(.*\))?"
)
_HTML_TAG_RE = re.compile(
    r"&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);|<!\[CDATA\[|\]\]>"  # "&nbsp;", "&#160;"
    r"|</?[a-z][a-z0-9]*(?::[A-Za-z]+)?(?:\s+[A-Za-z_:@][\w:.@-]*"
    r"(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s<>]+))?)*\s*/?>"
)
_TEMPLATE_PIECE_RE = re.compile(
    r"\{\{|\}\}|\{!!|!!\}|\{%|%\}|<\?php|\?>|<%|%>|\$[A-Za-z_]\w*(?:->\w+)*"
)
_TEMPLATE_WORD_RE = re.compile(
    r"^(?:end(?:if|for|foreach|while|section|php|push|switch|unless|isset|auth|guest)|else|csrf"
    r"|undefined|null)$"  # a script's empty value printed where the text should be
)
_FIELD_LABEL_RE = re.compile(r"^(?P<label>[^\W\d_][^:{}<>$]{0,30}):\s*(?P<code>\S.*)$")
_FIELD_LABEL_WORDS = 4
_CODE_LEFT_MAX = 2  # "image }}>", "title ?>": a name or two of the code around the marks


def is_template_code(text: str) -> bool:
    """A line that is template or markup syntax: HTML tags with no text between them, or a
    template's marks with at most a name or two of code (ASCII, no sentence) left around them."""
    t = text.strip()
    field = _FIELD_LABEL_RE.match(t)
    if field and len(words(field["label"])) <= _FIELD_LABEL_WORDS and field["code"] != t:
        return is_template_code(field["code"])  # "Ngày đăng: ${news.date}": a field, unfilled
    rest = _TEMPLATE_SPAN_RE.sub(" ", t)
    template = rest != t or bool(_TEMPLATE_PIECE_RE.search(t))
    untagged = _HTML_TAG_RE.sub(" ", _TEMPLATE_PIECE_RE.sub(" ", rest))
    left = [w for w in re.split(r"[^\w]+", untagged) if w]
    if template:
        return len(left) <= _CODE_LEFT_MAX and all(w.isascii() for w in left)
    if untagged != rest:  # HTML tags only: the words between them are text
        return not left
    return len(left) == 1 and bool(_TEMPLATE_WORD_RE.match(left[0])) and len(t) <= 12


# A CMS shortcode alone on its line, left by a WordPress crawler or a page builder where it
# placed an ad or a block: "[ad_1]", "[ad_2]", "[/caption]", "[vc_row]", "[gallery ids=\"1,2\"]",
# "[embed]". An ASCII name in square brackets with attributes at most; a sentence never is one.
_SHORTCODE_RE = re.compile(
    r"^\[/?[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*"
    r"(?:\s+[a-z_][a-z0-9_-]*(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\]]+))?)*\s*/?\]$"
)
# A caption kept inside its shortcode: "[caption id=\"attachment_5\" ...]<caption>[/caption]"
_CAPTION_SHORTCODE_RE = re.compile(r"^\[caption\b[^\]]*\].*\[/caption\]$", re.IGNORECASE)


def is_shortcode(text: str) -> bool:
    return bool(_SHORTCODE_RE.match(text.strip()))


# --------------------------------------------------------------------------- one-line rules

LineRule = Callable[[str], bool]


def _credit_caption(text: str) -> bool:
    before, credit = split_credit(text)
    if credit is None or len(words(before)) > 60 or sentence_count(before) > 2:
        return False
    m = CREDIT_END_RE.search(text)
    if m and m.group("kw").casefold().startswith("nguồn") and words(before):
        # "GDP tăng 7,4% ... (Nguồn: GSO)." cites data; "Tổng thống X. (Nguồn: Reuters)" is a
        # caption: a sentence that reads like prose keeps its line
        return not (REPORTING_RE.search(before) or PROSE_START_RE.match(before))
    return True


_CAPTION_NOTE_MAX_WORDS = 80  # a caption naming everyone in a group picture runs long


def _noted_caption(text: str) -> bool:
    """A caption's sentence followed by a note on the picture (``CAPTION_NOTE_RE``)."""
    if ILLUSTRATION_CREDIT_RE.match(text):
        return len(words(text)) <= 8
    chart = CHART_CREDIT_END_RE.search(text)
    if chart:
        before = text[: chart.start()]
        return (
            len(words(before)) <= _CHART_CAPTION_WORDS
            and sentence_count(before) == 1
            and not REPORTING_RE.search(before)
            and not PROSE_START_RE.match(before)
        )
    m = CAPTION_NOTE_RE.search(text)
    if m is None or len(words(text)) > _CAPTION_NOTE_MAX_WORDS:
        return False
    before = text[: m.start()].strip()
    if not before:  # "Từ trái qua phải: A, B, C": who stands where, the whole line
        return m.group(0).lstrip().startswith("Từ")
    return sentence_count(before) <= 2


# Families judged on one line alone, in order (first match wins); the name is the reason the
# removed line carries. Lines that need their neighbours (slugs, credits blocks, bylines,
# related blocks, captions without a credit) are decided in context by the other modules.
_PICKER_MIN = 5  # a date picker lists days, months or years: five or more in a row
_PICKER_MIN_DIGITS = 9


def _counts_up(digits: str) -> bool:
    """ "12345678910...31", "2020202120222023": consecutive numbers glued without a space."""
    for k in range(1, 5):
        start, out, n = int(digits[:k] or 0), "", 0
        while len(out) < len(digits):
            out, n = out + str(start + n), n + 1
        if out == digits and n >= _PICKER_MIN and digits[:1] != "0":
            return True
    return False


def is_date_picker(text: str) -> bool:
    """A date picker's options glued by innerText ("Ngày12345...31", "ThángTháng 1Tháng 2
    ...Tháng 12", "202020212022202320242025"): five or more consecutive numbers and at most one
    label word repeated between them. No sentence has that shape."""
    flat = text.replace(" ", "")
    labels = set(re.findall(r"[^\W\d_]+", flat.casefold()))
    nums = re.findall(r"\d+", flat)
    if len(labels) > 1 or not nums or re.search(r"[^\w]", flat):
        return False
    if len(nums) == 1:  # glued: 1 to 9 at least, or five years
        return len(nums[0]) >= _PICKER_MIN_DIGITS and _counts_up(nums[0])
    ints = [int(x) for x in nums]
    return len(ints) >= _PICKER_MIN and all(b == a + 1 for a, b in itertools.pairwise(ints))


LINE_RULES: tuple[tuple[str, LineRule], ...] = (
    ("markup-debris", is_markup_debris),
    ("template-code", is_template_code),
    ("template-code", is_shortcode),
    ("photo-caption", lambda t: bool(_CAPTION_SHORTCODE_RE.match(t.strip()))),
    ("image-filename", is_image_filename_line),
    ("url", lambda t: bool(URL_RE.match(t))),
    ("follow-us", is_follow_us),
    ("related-heading", is_related_heading),
    ("aggregator-meta", is_aggregator_meta),
    ("site-menu", is_menu_line),
    ("page-widget", lambda t: footer_reason(t) == "page-widget"),
    ("media-player", is_player_text),
    ("page-widget", is_date_picker),
    ("video-label", is_video_label),
    ("copyright-footer", lambda t: footer_reason(t) == "copyright-footer"),
    ("tags", lambda t: footer_reason(t) == "tags"),
    ("source-credit", is_source_intro),
    ("comment-form", lambda t: len(words(t)) <= 20 and bool(COMMENT_WARNING_RE.search(t))),
    ("reader-invite", is_reader_invite),
    ("read-more", is_read_more),
    ("teaser-tag", is_teaser_tag),
    ("photo-caption", is_caption_only),
    ("photo-caption", _credit_caption),
    ("photo-caption", _noted_caption),
)


def line_reason(text: str, only: tuple[str, ...] = ()) -> str | None:
    """The first one-line family that matches (among ``only`` when given), as a precise
    removal reason."""
    for reason, rule in LINE_RULES:
        if only and reason not in only:
            continue
        if rule(text):
            return reason
    return None
