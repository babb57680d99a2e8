"""URL slugs and image alt text a scraper leaves as lines ("giu-lua-hop-tac anh-1.jpg ...").

Context is the page: a slug run that repeats, is long, or spells the title is a slug; the text
after it on the same line is a link title (a related link) or a caption.
"""

from __future__ import annotations

from pipeline.cleaning.lines import Page
from pipeline.cleaning.rules import slug_run, slug_size, split_credit
from pipeline.cleaning.text import fold, has_vietnamese


def slug_context(page: Page) -> tuple[dict[str, int], str]:
    """How often each leading slug run occurs, and the folded first line (likely the title)."""
    counts: dict[str, int] = {}
    first = ""
    for ln in page.lines:
        if ln.kind is not None:
            continue
        first = first or fold(ln.text)
        run = slug_run(ln.text)
        if slug_size(run) >= 3:
            k = " ".join(run)
            counts[k] = counts.get(k, 0) + 1
    return counts, first


def slug_reason(text: str, counts: dict[str, int], title_fold: str) -> str | None:
    """ "url-slug" for a bare slug, "link-line" / "photo-caption" for slug + text, else None."""
    run = slug_run(text)
    size = slug_size(run)
    if size < 3:
        return None
    rest = text.split(maxsplit=len(run))[len(run) :]
    if not rest:
        return "url-slug"
    k = " ".join(run)
    folded = fold(k)
    sluggy = (
        counts.get(k, 0) >= 2 or size >= 4 or (title_fold.startswith(folded) and len(folded) >= 10)
    )
    if not sluggy or not (rest[0][:1].isupper() or has_vietnamese(rest[0][:1])):
        return None
    if split_credit(rest[0])[1] is not None:
        return "photo-caption"
    return "link-line"
