"""Photo captions judged in context, and repeated lines.

A caption with a credit ("... Ảnh: TTXVN") is found by the one-line rules; here are the ones
that need their neighbours: an uncredited line under an image placeholder (a file name, a URL,
a zoom control "Nhấn để phóng to ảnh"), a caption repeated
elsewhere on the page, a credited line that repeats a body paragraph, a portrait caption that is
only a person and their titles. Rows of a list or a table (``page.rows``) carry no caption
evidence of their own and stay body.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from pipeline.cleaning.caption_model import CaptionModel, LineContext, shipped_model
from pipeline.cleaning.lines import BLANK, HEADER, IMAGE_REASONS, Page
from pipeline.cleaning.rules import (
    CAPTION_CONTINUED_RE,
    CAPTION_DATE_END_RE,
    CAPTION_OPENING_RE,
    CAPTION_POSITION_RE,
    IMAGE_ZOOM_RE,
    PROSE_START_RE,
    REPORTING_RE,
    TELLING_RE,
    TOLD_START_RE,
    is_interview_turn,
    split_credit,
)
from pipeline.cleaning.text import (
    CLOSING_QUOTES,
    LIST_ITEM_RE,
    ends_with_ellipsis,
    is_prose,
    is_quote,
    is_sentence,
    key,
    sentence_count,
    topic_words,
    word_share,
    words,
)
from pipeline.names import is_titled_name, leads_with_person, person_title_parts


def caption_after_image(text: str) -> bool:
    """An uncredited line under an image placeholder that reads like a caption, not prose."""
    n = len(words(text))
    if n > 45 or sentence_count(text) > 2 or not text[:1].isupper():
        return False
    if re.search(r"[“”\";]", text) or REPORTING_RE.search(text) or PROSE_START_RE.match(text):
        return False
    return text.endswith(".") or n >= 12 or person_title_parts(text) is not None


def _printed_again_below(page: Page, i: int) -> bool:
    n = page.next(i)
    return n is not None and key(page[n].text) == key(page[i].text)


# a numbered heading ("6. Thác Háng Tề Chơ", "I.2. Định giá"): a section, not a figure's title
_HEADING_NUMBER_RE = re.compile(r"^(?:\d{1,2}|[IVX]{1,4})(?:\.\d{1,2})*[.)]\s")
_FIGURE_TITLE_WORDS = (4, 20)  # fewer: a byline's name over the article's sources ("Mi Lê")
# a video's source: the line above is the video's title, often a section of the story too
_VIDEO_CREDIT_RE = re.compile(r"\b(?:video|clip)\b", re.IGNORECASE)


# a figure's data source ("Nguồn: VietstockFinance"), not a photographer ("Ảnh: REUTERS"): a
# listicle's item heading stands over its photo's credit in the same shape (it stays body)
_SOURCE_CREDIT_RE = re.compile(r"^[(\[]?\s*(?:Nguồn|NGUỒN|Source|SOURCE)\s*:")


def _credit_only(text: str) -> bool:
    before, credit = split_credit(text)
    return (
        credit is not None
        and not before.strip()
        and bool(_SOURCE_CREDIT_RE.match(text.strip()))
        and not _VIDEO_CREDIT_RE.search(text)
    )


def _titles_credited_figure(page: Page, i: int) -> bool:
    """A short line with no end punctuation right above a source credit standing alone ("Biến động
    VN30F2108 và VN30-Index" over "Nguồn: VietstockFinance"): the title or caption of the
    picture or chart the credit belongs to, printed in two lines."""
    t = page[i].text.strip()
    low, high = _FIGURE_TITLE_WORDS
    if not t[:1].isupper() or not low <= len(words(t)) <= high or t[-1:] in '.!?:;…"”)':
        return False
    if _HEADING_NUMBER_RE.match(t) or t.isupper() or i == page.title_idx:
        return False
    n = page.next(i, undecided=False)
    return n is not None and _credit_only(page[n].text)


def decide_captions(page: Page) -> None:
    for i, ln in enumerate(page.lines):
        if ln.kind is not None:
            continue
        p = page.prev(i)
        under_image = p is not None and (
            page[p].kind in IMAGE_REASONS or bool(IMAGE_ZOOM_RE.match(page[p].text.strip()))
        )
        if under_image and i not in page.rows and caption_after_image(ln.text):
            page.decide(i, "photo-caption")
    # long lines ending in a credit: a caption when they repeat another paragraph
    for i, ln in enumerate(page.lines):
        if ln.kind is not None or (i in page.story and _printed_again_below(page, i)):
            continue  # a photo story printed twice, paragraph by paragraph: its paragraph,
            # then the copy (the duplicate step); a gallery's captions printed again elsewhere
            # on the page are still captions
        before, credit = split_credit(ln.text)
        if credit is None:
            continue
        for j, other in enumerate(page.lines):
            if j != i and other.kind is None and word_share(before, other.text) >= 0.8:
                page.decide(i, "photo-caption")
                break
    caption_keys = {
        key(split_credit(ln.text)[0]) for ln in page.lines if ln.kind == "photo-caption"
    }
    caption_keys.discard("")
    for i, ln in enumerate(page.lines):
        if ln.kind is not None or len(words(ln.text)) > 45 or i in page.rows:
            continue  # a row of a list or table is body, whatever its words
        k = key(split_credit(ln.text)[0])
        if k in caption_keys:
            page.decide(i, "photo-caption")
            continue
        parts = person_title_parts(ln.text)
        if parts is None:
            continue
        p = page.prev(i)
        if p is not None and page[p].text.rstrip(' ”"»').endswith(("?", ":")):
            continue  # "PV: ...?" then "Ông Nguyễn Văn A": who answers; "...là:": announced
        after_quote = p is not None and is_quote(page[p].text)
        if after_quote or ln.text[:1] in "-–—":
            page.decide(i, "quote-attribution")
        elif parts[1] or (p is not None and page[p].kind in IMAGE_REASONS):
            # a portrait caption names the person and their titles ("Ông X, Giám đốc Sở Y");
            # a bare "Ông X" needs an image above it (else: a speaker's label, a subheading)
            page.decide(i, "portrait-caption")


def decide_duplicates(page: Page, title_idx: int | None) -> None:
    """Keep the first of repeated lines (consecutive ones always, others when 6+ words)."""
    seen: dict[str, int] = {}
    headline = key(page[title_idx].text) if title_idx is not None else ""
    if title_idx is not None:
        seen[headline] = title_idx
    for i, ln in enumerate(page.lines):
        k = key(ln.text)
        if ln.kind is not None or i == title_idx or not k:
            continue
        p = page.prev(i)
        consecutive = p is not None and key(page[p].text) == k
        if i in page.rows and not (consecutive and i in page.story):
            continue  # a table repeats its cells ("18 tháng tù treo" on two rows); a photo
            # story's paragraph printed twice in a row is a copy
        # a sentence the article says twice (a sapo quoting the body, one sentence per line)
        # is the article's own; a repeated headline, caption or link is not
        repeated = k in seen and len(words(ln.text)) >= 6 and not is_sentence(ln.text, 6)
        if consecutive or repeated or _headline_again(k, headline, ln.text):
            page.decide(i, "duplicate-line")
            first = seen.get(k)
            if not consecutive and first is not None and _repeated_caption(page, first, i):
                page.decide(first, "repeated-caption")
            continue
        seen.setdefault(k, i)


_HEADLINE_COPY_WORDS = 4


def _headline_again(k: str, headline: str, text: str) -> bool:
    """A line (comparison key ``k``) that prints the headline again inside the story, whatever
    its case and end mark ("Mỹ lên kế hoạch ... tại châu Âu." under the sapo): many outlets
    caption the top picture with the headline, and a page copied twice repeats it; the article
    never says its headline as a sentence of its own. A numbered item ("1. <headline>?", a
    quiz's first question) is a list's row, not a copy."""
    return (
        bool(headline)
        and k == headline
        and len(k.split()) >= _HEADLINE_COPY_WORDS
        and not LIST_ITEM_RE.match(text)
    )


_REPEATED_CAPTION_WORDS = 25


def _repeated_caption(page: Page, first: int, copy: int) -> bool:
    """A short line printed twice, each time between body paragraphs ("Hệ thống dây điện dưới
    sàn ..." under two photos in a row): the caption of consecutive pictures, not a subheading,
    which an article does not repeat."""
    text = page[first].text
    if first == page.title_idx or first in page.rows or text.rstrip().endswith("."):
        return False
    if not _caption_shaped(text, _REPEATED_CAPTION_WORDS) or is_sentence(text, 6):
        return False

    def paragraph(j: int | None) -> bool:  # "... lỗ sạc điện và ... đèn ở đuôi xe…" counts too
        t = page[j].text if j is not None and page[j].kind is None else ""
        return is_prose(t) or len(words(t)) >= _PARAGRAPH_WORDS

    return all(
        paragraph(page.prev(j)) and paragraph(page.next(j, undecided=False)) for j in (first, copy)
    )


_PARAGRAPH_WORDS = 20


# --------------------------------------------------------------------------- uncredited captions

_DOCUMENT_RE = re.compile(
    r"\bsố\s+\d|\d+/\d*/?[A-ZĐ]{2,}|\b(?:quyết định|nghị định|thông tư)\b", re.IGNORECASE
)
_ECHO_MIN_WORDS = 5
_ECHO_SHARE = 0.85  # of the paragraph above: a subheading may sum up that one too
_ECHO_SENTENCE_SHARE = 0.7  # a full sentence echoing the paragraph below is no subheading


def _caption_shaped(text: str, max_words: int = 40) -> bool:
    """One or two sentences, no quotation, not a question, not a list item or an announcement:
    what a caption under a picture can look like."""
    n = len(words(text))
    return (
        0 < n <= max_words
        and sentence_count(text) <= 2
        and not re.search(r"[“”\"«»]", text)
        and not text.rstrip().endswith((":", "?", ";"))
        and not LIST_ITEM_RE.match(text)
    )


def _bigrams(text: str) -> set[tuple[str, str]]:
    w = key(text).split()
    return set(zip(w, w[1:], strict=False))


def echoes(line: str, paragraph: str, share: float = _ECHO_SHARE) -> bool:
    """The line repeats, nearly word for word, part of a clearly longer paragraph ("Đường Lê
    Lợi được điều chỉnh giao thông." under "Đường Lê Lợi, phường Sài Gòn được điều chỉnh giao
    thông đến đêm 10-11.")."""
    n = len(words(line))
    if n < _ECHO_MIN_WORDS or len(words(paragraph)) < 1.5 * n:
        return False
    own = _bigrams(line)
    return bool(own) and len(own & _bigrams(paragraph)) >= share * len(own)


def _echo_caption(page: Page, i: int, above: int | None, below: int | None) -> bool:
    """A caption restates what the story says next to its picture. A subheading does too, but
    of the section it opens: so a line echoing the paragraph below counts only when it is a
    sentence (a subheading has no full stop), and one echoing the paragraph above only when it
    does not also announce the one below ("Giải ngân vốn đầu tư công" between two paragraphs
    on it is a subheading)."""
    t = page[i].text
    if above is not None and _announced_item(t, page[above].text):
        return False
    up = above is not None and echoes(t, page[above].text)
    down = below is not None and echoes(t, page[below].text)
    # every word of it in the paragraph below: it announces that paragraph
    announces = below is not None and word_share(t, page[below].text) == 1.0
    if t.endswith(".") and below is not None and echoes(t, page[below].text, _ECHO_SENTENCE_SHARE):
        return True
    return up and not down and not announces


def _announced_item(line: str, paragraph: str) -> bool:
    """A line with no full stop that is, word for word, one item of a list in the paragraph
    above ("Tin vũ khí hôm nay: A; B; C" over "A"): the heading of that item's section."""
    if line.rstrip().endswith("."):
        return False
    k = key(line)
    return bool(k) and any(key(item) == k for item in re.split(r"[:;]", paragraph)[1:])


def _neighbour_paragraphs(page: Page, i: int) -> tuple[int | None, int | None]:
    """The body paragraphs (open prose lines) directly above and below line i, if any."""

    def paragraph(j: int | None) -> int | None:
        return j if page.open_prose(j) else None

    return paragraph(page.prev(i)), paragraph(page.next(i, undecided=False))


_PARAGRAPHED_SHARE = 0.25


def _paragraphed(page: Page, share: float = _PARAGRAPHED_SHARE) -> bool:
    """Whether the body is written in paragraphs (a quarter of them hold two sentences or
    more). Text with one sentence a line gives a lone short line no evidence of its own: there
    only a caption's own words count."""
    prose = [page[i].text for i in page.prose_indices()]
    multi = sum(sentence_count(t) >= 2 for t in prose)
    return multi > 0 and multi >= share * len(prose)


def _caption_evidence(page: Page, i: int, paragraphed: bool) -> bool:
    """What only a caption says: where someone stands in the picture; and, in text written in
    paragraphs, the day of the picture closing a one-sentence line between paragraphs, a
    person or a scene shown, or an echo of a paragraph beside it."""
    t = page[i].text
    if CAPTION_POSITION_RE.search(t):
        return True
    if not paragraphed or not (t[:1].isupper() or t[:1].isdigit()):
        return False  # a line opening in lowercase goes on from the one above it
    above, below = _neighbour_paragraphs(page, i)
    dated = (
        CAPTION_DATE_END_RE.search(t)
        and not _DOCUMENT_RE.search(t)
        and not REPORTING_RE.search(t)
        and sentence_count(t) == 1
    )
    if dated and (above is not None or below is not None):
        return True
    if above is not None and below is not None and (_person_caption(t) or _scene_caption(t)):
        return True
    if above is not None and below is not None and _label_caption(t):
        shortest = min(len(words(page[above].text)), len(words(page[below].text)))
        if shortest >= _LABEL_PARAGRAPH_WORDS:
            return True
    if above is not None and _closes_numbered_section(page, i):
        return True
    return _echo_caption(page, i, above, below)


_SECTION_CLOSER_WORDS = (8, 30)


def _closes_numbered_section(page: Page, i: int) -> bool:
    """A line with no full stop between a paragraph and the next numbered section's heading
    ("Bia không chỉ là ... cho phái đẹp" over "2. Khắc phục tóc khô với bơ"): a heading opens
    its section, so a line closing the section before is what stood under its picture."""
    t = page[i].text
    n = len(words(t))
    if not _SECTION_CLOSER_WORDS[0] <= n <= _SECTION_CLOSER_WORDS[1]:
        return False
    if t.rstrip(" " + "".join(CLOSING_QUOTES)).endswith((".", "!", "?", "…", ":")):
        return False
    h = page.next(i, undecided=False)
    num = re.match(r"(\d{1,2})[.)]\s", page[h].text) if h is not None else None
    if h is None or page[h].kind is not None or num is None or int(num[1]) < 2:
        return False  # over "1. ...": the list's own heading ("Top 10 điểm du lịch Hà Giang")
    head = page[h].text
    after = page.next(h, undecided=False)
    return (
        len(words(head)) <= 15
        and not head.rstrip().endswith(".")
        and page.open_prose(after)
    )


_SCENE_WORDS = (6, 20)
# what a person states, is told but never shown in a picture ("Ông Zelensky lên tiếng sau
# khi ...", "Người phát ngôn ... từ chối bình luận ..."): a subheading or a body sentence
_STATEMENT_RE = re.compile(
    r"\b(?:lên tiếng|cảnh báo|cáo buộc|bác bỏ|phản bác|từ chối bình luận|tiết lộ|thừa nhận)\b",
    re.IGNORECASE,
)


# What a picture shows at a crime or accident scene ("Hiện trường vụ tai nạn", "Tang vật thu
# giữ"), and a set of pictures named with no sentence ("Một số hình ảnh trong FIFA Online 4");
# kept out of the caption model's features (``CAPTION_OPENING_RE``)
_SCENE_FOUND_RE = re.compile(r"^(?:Hiện trường|Tang vật)\s")
_GALLERY_RE = re.compile(r"^(?:Một số |Những |Các )?hình ảnh\s", re.IGNORECASE)


def _scene_caption(text: str) -> bool:
    """A short line between two paragraphs that only describes a scene: none of the words that
    tie a body sentence to the story's telling (``TELLING_RE``), no time or pronoun opening
    it, no quotation; and either a caption's opening ("Quang cảnh", "Các đại biểu") or a
    one-clause sentence (no comma) of 6-20 words."""
    n = len(words(text))
    found = _SCENE_FOUND_RE.match(text)
    rest = text[found.end() :] if found else text  # not "Hiện" (now) in "Hiện trường"
    untold = (
        not TELLING_RE.search(rest)
        and not TOLD_START_RE.match(text)
        and not (PROSE_START_RE.match(text) and not found)
        and not REPORTING_RE.search(text)
        and not _STATEMENT_RE.search(text)
        and not ends_with_ellipsis(text)
        and sentence_count(text) == 1
        and not re.search(r"[;:“”\"«»?!]", text)
    )
    gallery = _GALLERY_RE.match(text) and not text.endswith(".")  # "... sáng 22.6." tells
    if untold and (CAPTION_OPENING_RE.match(text) or found or gallery) and n <= 30:
        # "Quang cảnh cuộc họp tại điểm cầu trụ sở UBND tỉnh"; a person and their titles
        # alone is left to the portrait and quote-attribution rules
        return not is_titled_name(text) and person_title_parts(text) is None
    return (
        untold
        and _SCENE_WORDS[0] <= n <= _SCENE_WORDS[1]
        and text.endswith(".")
        and not re.search(r"[,()]", text)
    )


_LABEL_WORDS = (2, 6)
_LABEL_PARAGRAPH_WORDS = 15
# how a short spoken or told line opens: an address ("Kính thưa Hội nghị."), a pronoun, a
# connective or an answer ("Nhưng không.", "Tôi im lặng.") - never a picture's label
_TOLD_SHORT_RE = re.compile(
    r"^(?:Kính thưa|Thưa|Kính gửi|Xin|Cảm ơn|Tôi|Chúng tôi|Chúng ta|Mình|Em|Con|Nhưng|Và|Rồi|"
    r"Thế|Vậy|Đúng|Không|Có|Chưa)\b"
)


def _label_caption(text: str) -> bool:
    """A picture's label as a short sentence of 2-6 words naming someone or something between
    two long paragraphs ("Logo của mạng xã hội Facebook.", "Vợ chồng ông Tư Ánh."): a noun
    phrase closed by a full stop, with none of the words that tie a sentence to the story's
    telling, no number (a weather or score line), no comma, quote or bracket. A subheading has
    no full stop; a short body sentence tells (``TELLING_RE``) or speaks (``_TOLD_SHORT_RE``)."""
    n = len(words(text))
    return (
        _LABEL_WORDS[0] <= n <= _LABEL_WORDS[1]
        and text.endswith(".")
        and not text.endswith("..")
        and sentence_count(text) == 1
        and text[:1].isupper()
        and not re.search(r"[\d,;:“”\"?!()\[\]…]", text)
        and not TELLING_RE.search(text)
        and not REPORTING_RE.search(text)
        and not TOLD_START_RE.match(text)
        and not PROSE_START_RE.match(text)
        and not _STATEMENT_RE.search(text)
        and not _TOLD_SHORT_RE.match(text)
        # it names who or what the picture shows ("Diễn viên Cát Phượng.", "Lăng Khải Định.");
        # a figurative section heading with a full stop ("Thoát cửa tử thần.") names nothing
        and any(w[:1].isupper() for w in words(text)[1:])
    )


_PERSON_CAPTION_MIN_WORDS = 12  # shorter "Ông Trump cảnh báo ..." lines are subheadings too


def _person_caption(text: str) -> bool:
    """A line between two paragraphs, with no end punctuation, that shows a person doing
    something ("Đồng chí Phó Bí thư Tỉnh ủy Nguyễn Mạnh Sơn phát biểu tại Ngày hội ..."): a
    caption; a subheading states a topic, and one naming a person is a short headline, a
    quotation ("X: ...") or a question."""
    n = len(words(text))
    return (
        _PERSON_CAPTION_MIN_WORDS <= n <= 40
        and not text.endswith((".", "!", "?", ":", ";", "…", ",", *CLOSING_QUOTES))
        and not re.search(r"[:…]|\.\.\.|\s[-–—]\s", text)
        and not PROSE_START_RE.match(text)
        and not REPORTING_RE.search(text)
        and not _STATEMENT_RE.search(text)
        and leads_with_person(text)
    )


# A paragraph inviting the reader to look at the pictures below ("Mời các bạn xem loạt ảnh
# chế từ tình huống ...", "Cùng ngắm những hình ảnh ..."): the story's own words, never a
# caption; the short lines under it are the pictures' captions.
_PHOTO_SERIES_RE = re.compile(
    r"^(?:mời|hãy cùng|cùng)\b[^.!?]{0,40}\b(?:xem|ngắm|chiêm ngưỡng|điểm qua)\s+"
    r"(?:lại\s+)?(?:loạt|bộ|chùm|những|các|một số)\s+(?:bức\s+)?(?:ảnh|hình ảnh|hình)\b",
    re.IGNORECASE,
)
_SERIES_CAPTION_WORDS = 20
_SERIES_PROSE_WORDS = 14  # a full sentence this long is a paragraph, not a caption


def photo_series_captions(page: Page) -> None:
    """Under an invitation to look at a series of pictures, the run of short lines up to the
    next long paragraph or decided line are the pictures' captions ("Này thì thanh minh",
    "Quá hoang đường", ...). The invitation itself stays body."""
    for i, ln in enumerate(page.lines):
        if ln.kind is not None or not _PHOTO_SERIES_RE.match(ln.text):
            continue
        run: list[int] = []
        j = page.next(i, undecided=False)
        # the short lines may read as a list's rows: under the invitation they are captions
        while j is not None and page[j].kind is None and j not in page.story:
            t, n = page[j].text, len(words(page[j].text))
            if (
                n > _SERIES_CAPTION_WORDS
                or is_quote(t)
                or (n >= _SERIES_PROSE_WORDS and is_prose(t))
            ):
                break  # the story goes on
            run.append(j)
            j = page.next(j, undecided=False)
        if len(run) >= 2:  # one short line may be the next section's subheading
            for j in run:
                page.decide(j, "series-caption")


# "Hình ảnh mọi người rủ nhau di chuyển ngôi nhà:": the pictures it announces are gone
_MEDIA_ANNOUNCE_RE = re.compile(r"^(?:hình ảnh|những hình ảnh|video|clip)\s[^.!?;:]{3,120}:$", re.I)
_MEDIA_ANNOUNCE_WORDS = 20


def trailing_media_label(page: Page) -> None:
    """The story's last line announcing pictures or a video with a colon, with nothing of the
    story after it: the label of media the text lost (a story ends on a sentence)."""
    open_idx = page.open_indices()
    if not open_idx:
        return
    i = open_idx[-1]
    t = page[i].text.strip()
    if (
        i != page.title_idx
        and len(words(t)) <= _MEDIA_ANNOUNCE_WORDS
        and _MEDIA_ANNOUNCE_RE.match(t)
    ):
        page.decide(i, "video-label")


def _open_and_lead(page: Page) -> tuple[list[int], int | None]:
    """The open lines other than the title, and the lead among them: the first body paragraph,
    which is never taken for a caption."""
    return [i for i in page.open_indices() if i != page.title_idx], page.lead()


_NUMBERED_RE = re.compile(r"^\d{1,2}[.)]\s+")
_ITEM_COPY_MIN_WORDS = 6
_ITEM_COPY_COVER = 0.6  # of the item's words: a copy, not a paragraph opening on its words


def _copies_item(line: str, item: str) -> bool:
    """The line is, word for word, the opening (or all) of a numbered list item without its
    number ("Vỏ bưởi rửa sạch xắt nhuyễn, ..." next to "5. Vỏ bưởi rửa sạch xắt nhuyễn, ...,
    với vị ngon khác thường.")."""
    num = _NUMBERED_RE.match(item)
    if num is None:
        return False
    own, body = key(line).split(), key(item[num.end() :]).split()
    return (
        len(own) >= _ITEM_COPY_MIN_WORDS
        and len(own) <= len(body)
        and len(own) >= _ITEM_COPY_COVER * len(body)
        and body[: len(own)] == own
    )


def repeated_list_items(page: Page) -> None:
    """A line right above or below a numbered list item that repeats that item without its
    number: the caption of the item's picture, which the page took from the item's words (a
    list item's own subheading is shorter than its text, a paragraph longer). The item stays."""
    for i in page.open_indices():
        t = page[i].text
        if i == page.title_idx or LIST_ITEM_RE.match(t):
            continue
        for j in (page.prev(i), page.next(i, undecided=False)):
            if j is not None and page[j].kind is None and _copies_item(t, page[j].text):
                page.decide(i, "photo-caption")
                break


_RHYTHM_WORDS = 25
_RHYTHM_UP = 0.25  # of the line's topic weight found in the paragraph above
_RHYTHM_DOWN = 0.1  # at most this much in the paragraph below
_RHYTHM_MIN_LINES = 3  # a page's rhythm: one such line is an accident, three a layout


def _topic_lean(line: str, above: str, below: str, df: Counter[str]) -> tuple[float, float]:
    """How much of a line's topic the paragraph above and the one below take up, each word
    weighed by how rare it is among the page's paragraphs (the story's own subject, named in
    every paragraph, says nothing of which one the line belongs to)."""
    weight = {w: 1.0 / max(1, df[w]) for w in topic_words(line)}
    total = sum(weight.values())
    if not total:
        return 0.0, 0.0
    up, down = topic_words(above), topic_words(below)
    return (
        sum(v for w, v in weight.items() if w in up) / total,
        sum(v for w, v in weight.items() if w in down) / total,
    )


def caption_rhythm(page: Page) -> None:
    """Pictures placed after the paragraph they illustrate: short lines between paragraphs
    whose topic words come from the paragraph above and not from the one below ("Dịch thuật
    bằng giọng nói" under the paragraph on voice translation, over one on smart homes). A
    subheading introduces the paragraph under it, so it leans the other way. One line leaning
    up proves nothing; three on a page are its layout, and those lines are its captions."""
    lead = page.lead()
    if lead is None or page.hard_wrapped:
        return
    prose = page.prose_indices(with_title=False)
    df = Counter(w for j in prose for w in topic_words(page[j].text))
    leaning = []
    for i in page.open_indices():
        t = page[i].text
        n = len(words(t))
        if i <= lead or i in page.rows or n > _RHYTHM_WORDS or not _caption_shaped(t):
            continue
        if sentence_count(t) > 1 or not (t[:1].isupper() or t[:1].isdigit()):
            continue
        above, below = _neighbour_paragraphs(page, i)
        if above is None or below is None or above == page.title_idx:
            continue
        a, b = page[above].text, page[below].text
        if len(words(a)) < n or len(words(b)) < n:
            continue
        up, down = _topic_lean(t, a, b, df)
        if up >= _RHYTHM_UP and down <= _RHYTHM_DOWN:
            leaning.append(i)
    if len(leaning) >= _RHYTHM_MIN_LINES:
        for i in leaning:
            page.decide(i, "photo-caption")


def decide_uncredited(page: Page) -> None:
    """Captions with no credit and no picture left in the text, found by what only a caption
    says or does: a person's place in the picture, the picture's date closing the line, a
    caption split over two pictures ("...", then "..."), or a line between paragraphs that
    repeats one of them nearly word for word. The lead (the first body line) is never one, and
    when in doubt the line stays body."""
    open_idx, lead = _open_and_lead(page)
    open_idx = [i for i in open_idx if i != lead and i not in page.rows]
    paragraphed = _paragraphed(page)
    for i in open_idx:
        t = page[i].text
        if not _caption_shaped(t) or _PHOTO_SERIES_RE.match(t):
            continue
        if _caption_evidence(page, i, paragraphed):
            page.decide(i, "photo-caption")
    for i in open_idx:  # "... về thực phẩm..." / paragraph / "...kê cao đồ đạc ..."
        t = page[i].text
        if page[i].kind is not None or not ends_with_ellipsis(t) or not _caption_shaped(t, 30):
            continue
        j = page.next(i, undecided=False)
        for _ in range(3):
            if j is None:
                break
            if CAPTION_CONTINUED_RE.match(page[j].text) and _caption_shaped(page[j].text, 30):
                page.decide(i, "photo-caption")
                page.decide(j, "photo-caption")
                break
            j = page.next(j, undecided=False)


# --------------------------------------------------------------------------- learned captions

LEARNED_REASON = "learned-caption"
_LEARNED_WORDS = (3, 45)
# a line speaking to the reader ("Bạn có thể ...", "Hãy ...") is advice, never a caption
_READER_RE = re.compile(r"^(?:Bạn|Hãy|Đừng)\s")
# a line that opens on the time of what it tells ("Sáng 27 - 29/4, ...", "Khoảng 19h, ..."):
# a step of the story (an itinerary, a timeline), not a picture
_TIMED_RE = re.compile(
    r"^(?:Rạng sáng|Sáng|Trưa|Chiều|Tối|Đêm|Ngày|Hôm|Khoảng|Lúc)\b[^,.;:]{0,25},"
)


# "vừa" once ("UBND TP.Hà Nội vừa ban hành kế hoạch ..."): a report of what has just happened,
# the news itself; a picture shows a scene (two "vừa" are "both ... and", a caption's too)
_JUST_DONE_RE = re.compile(r"(?<!\w)vừa\s", re.IGNORECASE)


def _reports_news(text: str) -> bool:
    return len(_JUST_DONE_RE.findall(text)) == 1


_OPEN_MIN_WORDS = 4  # a line with no full stop: "Già làng thực hiện nghi lễ" and longer


def _open_candidate(text: str, n: int) -> bool:
    """A line with no end punctuation (a caption that drops its full stop, but also a
    subheading's shape): a candidate of at least a few words, judged by the model under its
    own, stricter threshold (``CaptionModel.threshold_for``)."""
    return n >= _OPEN_MIN_WORDS and (text[-1:].isalnum() or text.endswith(CLOSING_QUOTES))


def learned_candidates(page: Page) -> list[int]:
    """Open lines where a caption can stand, for the learned signal: one sentence of 3-45
    syllables next to an open body paragraph (above or below, or through a run of up to 3 such
    lines: captions under one another), after the lead; where no line holds two sentences, only
    lines with no full stop (a short sentence there is no evidence; the model weighs how much
    of the page is written in paragraphs). Never the title or lead, a row of a
    list or table (``page.rows``), a list item, a question, an announcement ("...:"), a
    quotation, a teaser's "...", an interview turn, a line that goes on from the one above or
    opens like a body sentence (``PROSE_START_RE``, a time and a comma), a line speaking to
    the reader, a statement told ("... lên tiếng ...", "từ chối bình luận"), a report of what
    has just happened ("... vừa ban hành ..."), or a line ending
    in "!", "…" or a bracket: the families keep those as body on purpose. A line with no end
    punctuation at all (a caption without its full stop, or a subheading) is a candidate from
    4 syllables, under the model's own weights and threshold for such lines, right under the
    lead too (the top picture's caption stands there; the model weighs the place, as a second
    lead or a first subheading stands there too). Text hard-wrapped at a fixed width is left
    alone (its paragraphs are rebuilt by a guess)."""
    open_idx, lead = _open_and_lead(page)
    if lead is None or page.hard_wrapped:
        return []
    # where no line holds two sentences, a short sentence is no evidence (one sentence a line);
    # a line with no full stop still is (no body sentence drops it)
    sentences_only = not _paragraphed(page, 0.0)
    out = []
    for i in open_idx:
        t = page[i].text
        n = len(words(t))
        if i <= lead or i in page.rows or not _LEARNED_WORDS[0] <= n <= _LEARNED_WORDS[1]:
            continue
        if sentence_count(t) > 1 or t.rstrip().endswith((":", "?", ";")) or LIST_ITEM_RE.match(t):
            continue
        if is_interview_turn(t) or not (t[:1].isupper() or t[:1].isdigit()):
            continue
        if _quoted_speech(t) or ends_with_ellipsis(t) or PROSE_START_RE.match(t):
            continue
        if _TIMED_RE.match(t) or _READER_RE.match(t) or _STATEMENT_RE.search(t):
            continue  # a step of a timeline, advice, a statement told (no picture shows it)
        if _reports_news(t):
            continue  # "... vừa ban hành ...": the news reported, not a scene
        if not t.endswith(".") and not _open_candidate(t, n):
            continue  # "!", "…", a closing bracket: not a caption's ending
        if not t.endswith(".") and _name_only(t):
            continue  # a name and titles alone: the portrait and quote-attribution rules judge it
        if sentences_only and t.endswith("."):
            continue
        out.append(i)
    # next to an open body paragraph, or in a run of such lines that touches one (a photo
    # story's captions one under another between two paragraphs)
    shaped = set(out)

    def paragraph(j: int | None) -> bool:
        return j != page.title_idx and page.open_prose(j)

    def run_touches(i: int, step: int) -> bool:
        j = i
        for _ in range(_LEARNED_RUN):
            j = page.prev(j) if step < 0 else page.next(j, undecided=False)
            if paragraph(j):
                return True
            if j not in shaped:
                return False
        return False

    return [i for i in out if run_touches(i, -1) or run_touches(i, 1)]


def _name_only(text: str) -> bool:
    return is_titled_name(text) or person_title_parts(text) is not None


_LEARNED_RUN = 3  # captions one under another: the run may hold this many lines
_QUOTED_NAME_WORDS = 10


def _quoted_speech(text: str) -> bool:
    """A quotation (``is_quote``), unless what closes the line is a short quoted name ("...
    khen thưởng các bạn trẻ “Green Hero Leader”.") in a line that neither opens on a quote nor
    announces one with a colon."""
    if not is_quote(text):
        return False
    if text.startswith(("“", '"', "«", "'")):
        return True
    opening = max(text.rfind("“"), text.rfind("«"), text.rstrip(' ".”»').rfind('"'))
    if opening <= 0 or ":" in text[:opening]:
        return True
    return len(words(text[opening:])) > _QUOTED_NAME_WORDS


_CAPTION_REASONS = frozenset({"photo-caption", "portrait-caption", "photo-credit"})


def _kind_group(page: Page, j: int | None) -> str:
    """What the cleaner made of a neighbouring line, in a few groups the model can weigh."""
    if j is None:
        return "none"
    kind = page[j].kind
    if kind is None:
        return "open"
    if kind in _CAPTION_REASONS:
        return "caption"
    if kind in IMAGE_REASONS:
        return "image"
    return kind if kind in ("title", "byline", "timestamp") else "other"


@dataclass(frozen=True)
class PageView:
    """What the learned signal reads of the page as a whole, the same for each of its lines."""

    place: dict[int, int]  # line -> its place among the shown (non-blank, non-header) lines
    paragraph_words: float  # median length of the open body paragraphs
    captions: tuple[int, ...]  # places of the lines already removed as captions
    multi_sentence: float  # share of the open body paragraphs holding two sentences or more
    lead: int | None = None  # the first body paragraph (``Page.lead``)


def page_view(page: Page) -> PageView:
    shown = [j for j, ln in enumerate(page.lines) if ln.kind not in (BLANK, HEADER)]
    texts = [page[i].text for i in page.prose_indices()]
    prose = sorted(len(words(t)) for t in texts)
    return PageView(
        place={j: k for k, j in enumerate(shown)},
        paragraph_words=float(prose[len(prose) // 2]) if prose else 0.0,
        captions=tuple(k for k, j in enumerate(shown) if page[j].kind in _CAPTION_REASONS),
        multi_sentence=sum(sentence_count(t) >= 2 for t in texts) / len(texts) if texts else 0.0,
        lead=page.lead(),
    )


def learned_context(page: Page, i: int, view: PageView | None = None) -> LineContext:
    """What the learned signal reads of line i: its text, its neighbours, the title, where it
    stands on the page, how long the page's paragraphs are and where its other captions are.
    ``view`` (``page_view``) carries the page-wide part when several lines are scored."""
    view = view or page_view(page)
    above, below = page.prev(i), page.next(i, undecided=False)
    here = view.place.get(i, 0)
    return LineContext(
        text=page[i].text,
        above=page[above].text if above is not None else None,
        below=page[below].text if below is not None else None,
        title=page[page.title_idx].text if page.title_idx is not None else "",
        position=here / max(1, len(view.place) - 1),
        above_kind=_kind_group(page, above),
        below_kind=_kind_group(page, below),
        paragraph_words=view.paragraph_words,
        captions_on_page=len(view.captions),
        caption_distance=min((abs(k - here) for k in view.captions), default=None),
        multi_sentence=view.multi_sentence,
        under_lead=above is not None and above == view.lead,
    )


def decide_learned(page: Page, model: CaptionModel | None = None) -> None:
    """Captions with no credit and no picture that no rule found, by the learned signal
    (``caption_model``): removed only above the model's high-precision threshold."""
    model = model or shipped_model()
    # every line is scored on the page as the rules left it, then the decisions are made
    view = page_view(page)
    chosen = [
        i
        for i in learned_candidates(page)
        if model.probability(learned_context(page, i, view)) >= model.threshold_for(page[i].text)
    ]
    for i in chosen:
        page.decide(i, LEARNED_REASON)


_CAPTION_KINDS = frozenset({"photo-caption", "portrait-caption", LEARNED_REASON})
_SANDWICH_WORDS = 15  # a picture's short caption; longer lines there are body too


def _sandwich_shaped(text: str) -> bool:
    return (
        _caption_shaped(text, _SANDWICH_WORDS)
        and sentence_count(text) == 1
        and text[:1].isupper()
        and not PROSE_START_RE.match(text)
        and not TOLD_START_RE.match(text)
        and not REPORTING_RE.search(text)
    )


def caption_sandwiches(page: Page) -> None:
    """A short one-sentence line between two captions ("Quang cảnh lễ tiễn ...",
    "Đắk Nông khen thưởng quân nhân ...", "Trao quà tặng quân nhân ..."): pictures one under
    another, the middle caption the only one no signal found. Run after every caption family
    (then ``caption_siblings``)."""
    for i, ln in enumerate(page.lines):
        if ln.kind is not None or i in page.rows or not _sandwich_shaped(ln.text):
            continue
        p, n = page.prev(i), page.next(i, undecided=False)
        if p is not None and n is not None and {page[p].kind, page[n].kind} <= _CAPTION_KINDS:
            page.decide(i, "photo-caption")


_SIBLING_MAX_WORDS = 25
_SIBLING_RATIO = 1.6  # the longer of two captions of one series is at most this much longer


def _siblings(a: str, b: str) -> bool:
    """Two captions of one series of pictures: the same two opening words, one sentence each,
    alike in length and in their close ("Trao thưởng cho các tác phẩm đoạt giải Nhì" / "...
    giải Ba"); a common noun or a verb opening them, not the story's subject."""
    ka, kb = key(a).split(), key(b).split()
    if len(ka) < 3 or len(kb) < 3 or ka[:2] != kb[:2]:
        return False
    if any(not t.split()[1][:1].islower() for t in (a, b)):
        return False  # "Honda Civic ...": the story's subject opens its subheadings too
    na, nb = len(words(a)), len(words(b))
    return (
        max(na, nb) <= _SIBLING_MAX_WORDS
        and max(na, nb) <= _SIBLING_RATIO * min(na, nb)
        and a.endswith(".") == b.endswith(".")
        and all(
            sentence_count(t) == 1
            and t[:1].isupper()
            and not t.rstrip().endswith((":", "?", ";", "!"))
            and not LIST_ITEM_RE.match(t)
            and not PROSE_START_RE.match(t)
            and not TOLD_START_RE.match(t)
            and not REPORTING_RE.search(t)
            for t in (a, b)
        )
    )


def caption_siblings(page: Page) -> None:
    """Two lines in a row between paragraphs that read as the captions of two pictures of one
    series (``_siblings``), with no digit and no full stop: no subheading does that (a
    subheading has text under it)."""
    lead = page.lead()
    for i, ln in enumerate(page.lines):
        n = page.next(i, undecided=False)
        if n is None or ln.kind is not None or page[n].kind is not None:
            continue
        if {i, n} & (page.rows | {lead, page.title_idx}):
            continue
        a, b = ln.text, page[n].text
        if a.endswith(".") or re.search(r"[\d“”\"]", a + b) or not _siblings(a, b):
            continue
        if page.open_prose(page.prev(i)) and page.open_prose(page.next(n, undecided=False)):
            page.decide(i, "photo-caption")
            page.decide(n, "photo-caption")


def figure_titles(page: Page) -> None:
    """A chart's or picture's title over its credit alone (``_titles_credited_figure``), once
    every other family has judged the lines (a run of captions closed by one credit is theirs)."""
    for i, ln in enumerate(page.lines):
        if ln.kind is None and i not in page.rows and _titles_credited_figure(page, i):
            page.decide(i, "photo-caption")
