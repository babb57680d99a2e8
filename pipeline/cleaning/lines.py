"""The per-line record every cleaner step reads and decides, and the navigation between lines.

A line is one of: blank, a header (`` date YYYY-MM-DD ``), the title, body (undecided), or
removed with a reason. A decision is made once: ``decide`` never overwrites an earlier one, so
the order of the steps in ``pipeline.clean`` is the only precedence there is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from pipeline.cleaning.text import is_paragraph, is_prose

BLANK, HEADER, TITLE = "blank", "header", "title"
NOT_REMOVED = frozenset({BLANK, HEADER, TITLE})
LINK_REASONS = frozenset(
    {
        "related-heading",
        "related-item",
        "read-more",
        "teaser-tag",
        "teaser-lead",
        "teaser-pair",
        "outlet-logo",
        "link-line",
    }
)
IMAGE_REASONS = frozenset({"url-slug", "image-filename"})


@dataclass
class Line:
    no: int  # 1-based line number in the input (the first one when lines were joined)
    text: str  # normalised text
    kind: str | None = None  # None: body so far; BLANK/HEADER/TITLE; else the removal reason
    # (line number, text) of each input line when hard-wrapped lines were joined into this one
    parts: tuple[tuple[int, str], ...] = field(default_factory=tuple)

    def pieces(self) -> tuple[tuple[int, str], ...]:
        """(line number, text) of every input line this line stands for."""
        return self.parts or ((self.no, self.text),)

    @property
    def open(self) -> bool:
        return self.kind is None

    @property
    def removed(self) -> bool:
        return self.kind is not None and self.kind not in NOT_REMOVED


class Page:
    """The lines of one article plus what the steps found out about it."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.title_idx: int | None = None
        self.title_is_lead = False
        self.hard_wrapped = False  # the text was wrapped at a fixed width (see signals)
        # lines inside a list or a table in the body (see signals.list_rows): body, never taken
        # for a caption, a photo credit or a repeated line
        self.rows: frozenset[int] = frozenset()
        # the publisher an aggregator names over the story's timestamp (see bylines)
        self.publisher: str | None = None
        self.masthead: str | None = None  # the outlet's name printed over the headline
        # paragraphs of a photo story that carry their photo's credit (see layouts): body
        self.story: frozenset[int] = frozenset()

    def __len__(self) -> int:
        return len(self.lines)

    def __getitem__(self, i: int) -> Line:
        return self.lines[i]

    def decide(self, i: int, kind: str) -> None:
        """Record the first decision about line i; later ones are ignored."""
        if self.lines[i].kind is None:
            self.lines[i].kind = kind

    def text(self, i: int) -> str:
        return self.lines[i].text

    def next(self, i: int, undecided: bool = True) -> int | None:
        """Index of the next non-blank line after i (only undecided ones when asked)."""
        for j in range(i + 1, len(self.lines)):
            kind = self.lines[j].kind
            if kind == BLANK or (undecided and kind is not None):
                continue
            return j
        return None

    def prev(self, i: int) -> int | None:
        """Index of the previous non-blank, non-header line."""
        for j in range(i - 1, -1, -1):
            if self.lines[j].kind not in (BLANK, HEADER):
                return j
        return None

    def stamped(
        self,
        i: int,
        *,
        above: bool = True,
        below: bool = True,
        is_stamp: Callable[[str], bool] | None = None,
    ) -> bool:
        """The page's timestamp stands right next to line i: it is the nearest line under i
        (``next`` with decided lines, blanks skipped) or over it (``prev``). Sites print a
        headline's stamp under it or over it, so every step that asks "is this line dated"
        asks here. ``is_stamp`` judges the neighbour's text, for steps that run before the
        stamp steps have decided it; otherwise the neighbour must be decided "timestamp"."""
        near = ([self.prev(i)] if above else []) + (
            [self.next(i, undecided=False)] if below else []
        )
        return any(
            k is not None
            and (
                self.lines[k].kind == "timestamp"
                if is_stamp is None
                else is_stamp(self.lines[k].text)
            )
            for k in near
        )

    def open_indices(self) -> list[int]:
        return [i for i, ln in enumerate(self.lines) if ln.kind is None]

    def first_open(self) -> int | None:
        """The first undecided line (before the title is picked: the headline's place)."""
        return self.next(-1)

    def lead(self) -> int | None:
        """The lead: the first open paragraph under the headline (from the top when no headline
        was found). One notion for every step: the lead is never a caption, and a sapo printed
        twice or a teaser link is judged against it."""
        start = 0 if self.title_idx is None else self.title_idx + 1
        for i in range(start, len(self.lines)):
            if self.lines[i].kind is None and is_paragraph(self.lines[i].text):
                return i
        return None

    def open_prose(self, i: int | None) -> bool:
        """Line i is undecided prose: the body paragraph that steps judge a neighbour by."""
        return i is not None and self.lines[i].kind is None and is_prose(self.lines[i].text)

    def prose_indices(self, *, with_title: bool = True) -> list[int]:
        """The undecided prose lines (``open_prose``) in page order; ``with_title=False`` leaves
        out the title line, which stays open when the title is taken from the lead."""
        return [
            i
            for i in range(len(self.lines))
            if self.open_prose(i) and (with_title or i != self.title_idx)
        ]

    def blank_between(self, a: int, b: int) -> bool:
        return any(self.lines[k].kind == BLANK for k in range(a + 1, b))


def split_lines(text: str) -> list[str]:
    """Split like an editor counts lines (\\r\\n, \\r, \\n), not on form feeds or U+2028."""
    parts = re.split(r"\r\n|\r|\n", text)
    if parts and parts[-1] == "":
        parts.pop()
    return parts
