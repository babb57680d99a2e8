"""Page furniture on an outlet's own page: media players and readers' comment boxes.

A scraper of the whole article area also reads what the page's players and comment box print
as text: an audio player's counters and voice menu ("00:00", "/", "Speed", "Giọng Nữ miền
Nam"), a video player's menus and dialogs ("Thời gian hiện tại 0:00", "Độ dài 0:30", "720p"),
a comment form ("để gửi bình luận", "Ý kiến của bạn sẽ được xét duyệt ...") and the comments
themselves (a reader's name, the comment's age, its text). Their vocabulary is data in
``rules`` (media players, comment boxes); here are the runs and boxes built on it.
"""

from __future__ import annotations

from pipeline.cleaning.lines import BLANK, HEADER, LINK_REASONS, NOT_REMOVED, Page
from pipeline.cleaning.rules import (
    COMMENT_AGE_RE,
    COMMENT_CHROME_RE,
    COMMENT_FORM_RE,
    COMMENTS_HEAD_RE,
    TAGS_LABEL_RE,
    footer_reason,
    is_player_phrase,
    line_reason,
    player_hint,
)
from pipeline.cleaning.text import is_prose, words

_PLAYER_MIN_HINTS = 3  # one label alone ("Chất lượng") may be a subheading; three in a row not
_PLAYER_MAX_GAP = 2  # short lines between player lines ("/", "Cảm ơn!") belong to the player
_GAP_MAX_WORDS = 6


def player_runs(page: Page) -> None:
    """Decide runs of media-player text: a player phrase anywhere, and runs of three or more
    short player lines (labels, counters, controls) with at most two other short lines between
    them. Runs before the one-line rules, so "00:00" in a player is not taken for a timestamp."""
    block: list[int] = []
    gap: list[int] = []
    hints = 0

    def close() -> None:
        if hints >= _PLAYER_MIN_HINTS:
            for k in block:  # share buttons, voice menus: left to the page-widget rule
                if footer_reason(page[k].text) != "page-widget":
                    page.decide(k, "media-player")

    for i, ln in enumerate(page.lines):
        if ln.kind in (BLANK, HEADER):
            continue
        t = ln.text
        if ln.kind is None and is_player_phrase(t):
            page.decide(i, "media-player")
        widget = footer_reason(t) == "page-widget"  # in a player's run, no evidence of one
        if ln.kind in (None, "media-player") and (player_hint(t) or (block and widget)):
            if block:
                block += gap
            block.append(i)
            gap = []
            hints += not widget
            continue
        short = len(words(t)) <= _GAP_MAX_WORDS and not is_prose(t) and not line_reason(t)
        if block and ln.kind is None and short and len(gap) < _PLAYER_MAX_GAP:
            gap.append(i)
            continue
        close()
        block, gap, hints = [], [], 0
    close()


_BOX_CONFIRM_LINES = 6  # the form or a comment's age shows within this many lines of the head


def _comment_chrome(text: str) -> bool:
    """The form, a comment's age or its buttons ("Thích Trả lời")."""
    short = len(words(text)) <= 8 and bool(COMMENT_CHROME_RE.search(text))
    return bool(COMMENT_FORM_RE.search(text) or COMMENT_AGE_RE.match(text.strip(" ."))) or short


def _comment_line(text: str) -> str:
    """The reason for one line inside a comment box."""
    if COMMENT_FORM_RE.search(text) and len(words(text)) <= 30:
        return "comment-form"
    if COMMENT_AGE_RE.match(text.strip(" .·")):
        return "comment-meta"
    if len(words(text)) <= 3 and not is_prose(text):
        return "commenter"  # the reader's name or avatar initial
    return "reader-comment"


def comment_box(page: Page) -> None:
    """A readers' comment box after the body: its heading ("Bình luận (1)"), then the form or a
    comment's age within a few lines. Everything open below the heading is the box (form,
    readers' names, comments) until a related list or a section label over one begins."""
    prose = [i for i, ln in enumerate(page.lines) if ln.kind is None and is_prose(ln.text)]
    for c, ln in enumerate(page.lines):
        if ln.kind in NOT_REMOVED or not COMMENTS_HEAD_RE.match(ln.text.strip(" :.")):
            continue
        if sum(i < c for i in prose) < 2:
            continue  # "Bình luận" before the story is a menu item, not the box
        near = [k for k in range(c + 1, min(len(page), c + 1 + _BOX_CONFIRM_LINES))]
        if not any(_comment_chrome(page[k].text) for k in near):
            continue
        page.decide(c, "comment-form")
        for k in range(c + 1, len(page)):
            kind = page[k].kind
            if kind in LINK_REASONS:
                return  # the section's list of other stories begins
            if kind is None:
                page.decide(k, _comment_line(page[k].text))
        return


_TAG_MAX_WORDS = 5
_TAG_MAX_ITEMS = 12
_END = (".", "!", "?", ":")


def tag_items(page: Page) -> None:
    """A keyword label with nothing after it ("Từ khoá:", or "Từ khóa" over a "#tag" line)
    lists its tags one per line below: short lines without end punctuation, up to the next
    decided line."""
    for i, ln in enumerate(page.lines):
        if not TAGS_LABEL_RE.match(ln.text) or ln.kind not in (None, "tags"):
            continue
        nxt = page.next(i, undecided=False)
        over_tags = nxt is not None and page[nxt].kind == "tags"
        if ln.kind is None and not over_tags and not ln.text.endswith(":"):
            continue  # "Từ khóa" alone is a label only over its tags ("#VKSND #...")
        page.decide(i, "tags")
        j, n = page.next(i, undecided=False), 0
        while j is not None and n < _TAG_MAX_ITEMS and page[j].kind is None:
            pieces = [t for _, t in page[j].pieces()]  # lowercase tags may have been joined
            if any(len(words(t)) > _TAG_MAX_WORDS or t.endswith(_END) for t in pieces):
                break
            page.decide(j, "tags")
            j, n = page.next(j, undecided=False), n + 1
