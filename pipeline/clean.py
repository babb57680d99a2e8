"""Boilerplate cleaner: scraped article text -> body paragraphs + metadata (pure, no I/O).

Each step decides only lines no earlier step decided (``Page.decide`` never overwrites), and
every removed line keeps its line number and a precise reason. The steps, in order:

0. Markup debris (a line with no letter or digit: ">", "»") and template code ("{{ $x }}",
   "@endif", "</div>") are taken out first, so no step reads them as a neighbour; a rule line
   ("***") stays as a blank, the break it stands for. Both are listed as removed.
1. ``metadata.read_headers``: `` date YYYY-MM-DD [headline] `` and `` outlet NAME `` headers;
   ``metadata.markdown_headings``: a ``.md`` input's ``# Heading`` is the title.
   From an HTML input, the lines its markup names as photo captions are captions
   (``_mark_captions``; ``pipeline.htmlmarks``).
2. ``signals.join_wrapped``: text hard-wrapped at a fixed width is re-joined into paragraphs;
   a photo story's credited paragraphs are found first (``layouts.photo_story``): body.
3. One-line families (``rules.LINE_RULES``, plus URL slugs, timestamps and credits blocks;
   the page's first line is never taken for a "Nóng: ..." link: it is the headline);
   the clock times of a live report's entries stay body (``signals.live_blog_times``); short
   labels between a player's or share bar's lines go with them (``signals.widget_gaps``).
4. A whole page's frame (``chrome.page_frame``, before the title: the article is the densest
   run of text; the site's menus above its headline, the footer and menus below the story).
   Title (``metadata.pick_title``: an outlet's name over it or a site name after it names the
   outlet; ``title_source`` says when it was taken from the lead); on a whole-page scrape, the
   site's header between the <title> line and the headline printed again (``chrome``); the
   header zone's labelled fields ("Author: X", "Date: ...", "Tag A, B", "X đăng lúc <time>") and
   a section label beside the headline, next to the frame's lines (``fields``); related
   blocks after a
   heading or an outlet logo
   (``blocks``); tag lists (labelled, or a keyword row by the header's timestamp), tables
   of contents, lists of titles glued to their leads'
   datelines and readers' comments (``blocks``); a story card closing the page above its own
   "Đọc tiếp" links and a series' next-part teaser under a rule line, closing headlines run
   into their leads with no space or one (``blocks``); other
   stories after the body by shape and topic, or by the date under each headline
   (``signals.trailing_teasers``); a story card left between two such lists (``blocks``).
5. Context: teaser lists, captions near images or repeated, repeated lines (``captions``);
   rows of a list or a table in the body (``signals.list_rows``) are never captions.
   Captions with no credit and no picture left (``captions.decide_uncredited``): a person's
   place in the picture, its date, a caption split over two pictures, an echo of a paragraph
   beside it, a person or a scene shown with none of the words of the telling; the pieces of a
   caption split over a slideshow's slides (``layouts.slideshow_captions``); the sapo printed
   again as the first paragraph (``blocks.repeated_lead``).
6. Position: bylines, photo credits, quote attributions, a column's closing blurb, a lone
   headline between the closing credits (``bylines``); an aggregator's publisher line over the
   timestamp names the outlet; a long headline under the lead (``blocks.lead_teaser``), or two
   to four about other stories (``blocks.links_under_lead``); a teaser's lead printed again
   inside its box (``blocks.copies_inside_box``). Last,
   the learned caption-line signal (``captions.decide_learned``, weights in ``cleaning/data``)
   judges the one-sentence lines still open between paragraphs, removing only high-confidence
   captions; then another story's headline alone between two paragraphs, naming what the
   story never mentions (``blocks.inline_teasers``).
7. Datelines ("TPO -", "(Dân trí) -") are cut from the first paragraphs and name the outlet;
   a byline credit names the outlet or, for a news agency ("theo TTXVN"), the wire.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from typing import Any

from pipeline import dates
from pipeline.article import CleanArticle, RemovedLine
from pipeline.cleaning import (
    blocks,
    bylines,
    captions,
    chrome,
    fields,
    layouts,
    metadata,
    signals,
)
from pipeline.cleaning.lines import BLANK, Line, Page, split_lines
from pipeline.cleaning.outlets import strip_dateline, wire_name
from pipeline.cleaning.rules import is_breadcrumb, is_link_label, is_rule_line, line_reason
from pipeline.cleaning.slugs import slug_context, slug_reason
from pipeline.cleaning.text import is_prose, is_title_like, key, normalize, words


def _local_step(page: Page) -> list[int]:
    """One-line decisions; returns the related headings found (they open blocks)."""
    counts, title_fold = slug_context(page)
    live = signals.live_blog_times(page)  # "10:30" between entries is body, not a timestamp
    sites = bylines.contact_sites(page)  # "www.x.vn" among an advertorial's contact lines
    contacts = bylines.announced_contacts(page)  # "Địa chỉ: ..." a paragraph announces
    headings = []
    first = _headline_place(page)
    for i, ln in enumerate(page.lines):
        if ln.kind is not None:
            continue
        t = ln.text
        if i == first and is_link_label(t):
            continue  # "NÓNG: <headline>" opening the page is the headline, not a link to
            # another story: an inline link label never comes before the story it sits in
        reason = (
            line_reason(t, only=("image-filename", "url", "media-player"))  # "1080p 720p auto"
            or slug_reason(t, counts, title_fold)
            or ("timestamp" if _stamp(t) and i not in live else None)
            # a byline-shaped "Bài và ảnh: X" is left to the byline step
            or (
                "credits"
                if bylines.parse_credits(t) is not None and not bylines.byline_like(t)
                else None
            )
            or line_reason(t)
        )
        if reason == "url" and i in sites:
            reason = None  # an address among an advertorial's contact lines is its text
        if reason == "copyright-footer" and i in contacts:
            reason = None  # "Địa chỉ: ..." under "... địa chỉ của lương y:": the text's own
        if reason == "photo-caption" and i in page.story:
            reason = None  # a photo story's paragraph carries its photo's credit
        if reason in _MEDIA_LABELS and i == first and _headline_over(page, i):
            reason = None  # "Clip: <headline>" over the page's timestamp or its lead
        if reason:
            page.decide(i, reason)
            if reason == "related-heading":
                headings.append(i)
    return headings


_MEDIA_LABELS = frozenset({"photo-caption", "media-player"})
# one-line families taken out of the page before any step reads it (see ``clean_text``)
_DEBRIS_REASONS = ("markup-debris", "template-code")


def _headline_place(page: Page) -> int | None:
    """The first open line that is no breadcrumb, section slug or timestamp: where the
    headline stands."""
    i = page.first_open()
    while i is not None and (
        is_breadcrumb(page[i].text)
        or metadata.SECTION_SLUG_RE.fullmatch(page[i].text)
        or _stamp(page[i].text)
    ):
        i = page.next(i)
    return i


def _stamp(text: str) -> bool:
    """A publication stamp, alone or with an aggregator's counters and the story's tags after
    it ("21/07/22 GMT+7 89 liên quan Gốc Long An")."""
    return dates.is_timestamp_line(text) or fields.aggregator_stamp(text) is not None


def _headline_over(page: Page, i: int) -> bool:
    """The next line is a publication stamp ("3 giờ trước", "01/04/2014 11:53"), or the line
    is headline-shaped (six words or more, no end mark) with the lead right under it: a
    caption's credit shape in a headline ("... QUAY CLIP: KIỂM ĐIỂM ...") is no caption."""
    if page.stamped(i, above=False, is_stamp=_stamp):  # judged by text: no stamp decided yet
        return True
    j = page.next(i, undecided=False)
    if j is None:
        return False
    t = page[i].text
    return len(words(t)) >= _HEADLINE_MIN_WORDS and is_title_like(t) and is_prose(page[j].text)


_HEADLINE_MIN_WORDS = 6


def _paragraphs(page: Page) -> tuple[list[str], str | None]:
    """Body paragraphs in order, with an outlet dateline cut from the first two."""
    outlet = None
    paragraphs: list[str] = []
    for i, ln in enumerate(page.lines):
        if ln.kind is not None:
            continue
        para = ln.text
        if len(paragraphs) < 2 and outlet is None:
            stripped, found, cut = strip_dateline(para)
            if cut and len(words(stripped)) >= 3:
                para, outlet = stripped.strip(), found
                if i == page.title_idx:
                    ln.text = para
        paragraphs.append(para)
    return paragraphs, outlet


def _mark_captions(page: Page, marked: Collection[str]) -> None:
    """Lines the page's markup marks as photo captions are captions, no step need guess; but
    where the text says the same words twice, the first is the headline or the story's own
    sentence (the top picture captioned with the headline) and only the later ones go."""
    if not marked:
        return
    said = Counter(key(ln.text) for ln in page.lines if ln.kind is None)
    first: dict[str, int] = {}
    opening = next((i for i, ln in enumerate(page.lines) if ln.kind is None), None)
    if opening is not None:  # a page opens with its headline, never with a caption
        first[key(page[opening].text)] = opening
    for i, ln in enumerate(page.lines):
        if ln.kind is not None or i == opening:
            continue
        k = key(ln.text)
        if k in marked and (first.setdefault(k, i) != i or said[k] == 1):
            ln.kind = "photo-caption"


def clean_text(text: str, marked_captions: Collection[str] = frozenset()) -> CleanArticle:
    """Split a scraped article into title, body paragraphs, metadata and audited removals.

    ``marked_captions``: comparison keys (``cleaning.text.key``) of the lines the page's HTML
    marks as photo captions (``pipeline.htmlmarks.marked_captions``), when the input was HTML:
    those lines are captions whatever they read like."""
    lines = [Line(no, normalize(raw)) for no, raw in enumerate(split_lines(text), 1)]
    # markup debris (">", "')}}>") is no line of the page, so no step takes it for a neighbour;
    # a rule line ("***", "-----") stays, read as the break it stands for. Both are listed as
    # removed at the end.
    debris = [(ln, why) for ln in lines if (why := line_reason(ln.text, _DEBRIS_REASONS))]
    for ln, _ in debris:
        ln.kind = BLANK
    page = Page([ln for ln in lines if ln.kind is None or is_rule_line(ln.text)])
    taken_out = [ln for ln, _ in debris if not is_rule_line(ln.text)]  # not on the page
    for ln in page.lines:
        if not ln.text:
            ln.kind = BLANK
    published, header_outlet = metadata.read_headers(page)
    md_title = metadata.markdown_headings(page)
    _mark_captions(page, marked_captions)  # after the headers: the page opens with its headline
    signals.join_wrapped(page)
    page.story = layouts.photo_story(page)
    layouts.story_copies(page)  # a photo story's paragraph printed twice in a row

    glued_date = metadata.split_dated_headline(page, _headline_place(page))  # "H - 12/09/2022"
    headings = _local_step(page)
    signals.widget_gaps(page)
    chrome.voice_menu(page)  # a read-aloud player's voices are no byline
    follows = [ln.text for ln in page.lines if ln.kind == "follow-us"]
    follow_outlet = next((o for t in follows if (o := metadata.outlet_from_follow(t))), None)
    chrome.page_frame(page)  # a whole page's header menus and footer around the article
    header = fields.header_fields(page)  # "Date: 20/04/2019" over the headline is no headline
    metadata.pick_title(page, md_title)
    chrome.head_chrome(page)  # menus between the <title> line and the headline printed again
    chrome.labels_under_title(page)  # "Du lịch" / "Cẩm nang" under a <title> line opening the page
    header = fields.header_fields(page, header)  # "Author: X", "Date: 20/04/2019", "Tag A, B"
    fields.outlet_dateline(page, header)  # "TNĐT" alone over the lead
    fields.section_labels(page)  # "eSport" / "Công nghệ" right above or under the headline
    headings += blocks.outlet_headings(page, page.title_idx)
    for h in sorted(headings):
        blocks.expand_block(page, h)
    blocks.tag_lists(page)
    blocks.glued_topic_link(page)  # "... một lớp.Sự kiện:" / "Tư vấn thời trang công sở"
    blocks.header_tag_row(page)  # "Nga, Mỹ, Ukraine" next to the timestamp, no label
    blocks.table_of_contents(page)
    blocks.glued_lists(page)
    blocks.comments_section(page)
    blocks.read_on_card(page)
    blocks.next_part_teaser(page)
    blocks.closing_glued_teaser(page)  # "...tại Đà LạtÔng Nguyễn ..." above the byline
    blocks.closing_dateline_teaser(page)  # another story's card: "(PLO) - ..." closing it
    signals.trailing_teasers(page)
    signals.broken_captions(page)
    blocks.teasers_without_heading(page, page.title_idx)
    blocks.teaser_title_copies(page)
    blocks.card_between_lists(page)
    blocks.inline_link_box(page)  # three or more headlines in a row inside the story
    blocks.related_run(page)  # the rest of a box one of whose links a step already took
    blocks.repeated_media_labels(page)  # "Trailer phim" under each film: a dropped video
    blocks.leads_after_byline(page)  # "Hoài Linh" / another story's lead: a related box
    page.rows = signals.list_rows(page) | page.story | signals.wrapped_fragments(page)
    captions.decide_captions(page)
    captions.photo_series_captions(page)  # "Mời các bạn xem loạt ảnh ...", then captions
    captions.decide_uncredited(page)
    captions.repeated_list_items(page)  # an item's words again, without its number
    captions.caption_rhythm(page)  # pictures after the paragraph they show, page after page
    captions.decide_duplicates(page, page.title_idx)
    blocks.repeated_lead(page)
    layouts.slideshow_captions(page)
    fields.tail_fields(page, header)  # "Author: X" / "Chuyên mục: Y" after the story
    author, source = bylines.decide_bylines(page, page.title_idx)
    blocks.lead_teaser(page)
    blocks.links_under_lead(page)  # two or more other stories' headlines under the sapo
    captions.trailing_media_label(page)  # "Hình ảnh ...:" closing the story, its media gone
    blocks.copies_inside_box(page)  # a teaser's lead printed twice inside its box
    captions.decide_learned(page)  # last: only lines no family decided
    blocks.inline_teasers(page)  # another story's headline alone between two paragraphs
    captions.figure_titles(page)  # "Biến động VN30-Index" over "Nguồn: VietstockFinance"
    captions.caption_sandwiches(page)  # a short line between two captions
    captions.caption_siblings(page)  # two captions of one series of pictures in a row
    author = author or header.author
    if author is None:  # long-form credits block: "Nội dung: X", "Bài: X - Ảnh: Y"
        writers = [bylines.parse_credits(ln.text) for ln in page.lines if ln.kind == "credits"]
        author = next((w for w in writers if w), None)

    for ln, why in debris:
        ln.kind = why
    paragraphs, outlet = _paragraphs(page)
    wire = wire_name(outlet) if outlet else None  # "HÀ NỘI (TTXVN) -": the agency's dateline
    if wire:
        outlet = None
    if source:
        credit_outlet, credit_wire = metadata.credit_parts(source)
        outlet, wire = outlet or credit_outlet, wire or credit_wire
    outlet = (
        outlet
        or page.publisher
        or header.outlet
        or follow_outlet
        or header_outlet
        or chrome.footer_outlet(page)
    )
    outlet = outlet or metadata.closing_masthead(page)  # "Thể thao & Văn hóa" under the byline
    if outlet is None and page.masthead:
        outlet = metadata.site_outlet(page.masthead)
    return CleanArticle(
        title=metadata.title_text(page),
        paragraphs=tuple(paragraphs),
        published=metadata.published_date(
            page, published or header.published or glued_date, paragraphs
        ),
        outlet=outlet,
        author=author,
        wire=wire,
        title_source="lead" if page.title_is_lead else "headline",
        removed=tuple(
            sorted(
                (
                    RemovedLine(no, piece, ln.kind)
                    for ln in page.lines + taken_out
                    if ln.removed
                    for no, piece in ln.pieces()
                ),
                key=lambda r: r.line,
            )
        ),
    )


def article_to_json(article: CleanArticle) -> dict[str, Any]:
    """Plain-JSON form of an article, with every removal listed for auditing."""
    return {
        "title": article.title,
        "title_source": article.title_source,
        "published": article.published,
        "outlet": article.outlet,
        "wire": article.wire,
        "author": article.author,
        "paragraphs": list(article.paragraphs),
        "removed": [{"line": r.line, "text": r.text, "reason": r.reason} for r in article.removed],
    }
