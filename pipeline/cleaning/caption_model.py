"""A learned caption-line signal: logistic regression over a line's words, shape and context.

Why: photo captions that carry no credit ("Ảnh: X") and, in scraped plain text, no image marker
are short descriptive lines standing between body paragraphs ("Quang cảnh buổi lễ", "Các đại
biểu dự hội nghị"). Hand rules find some; thousands of real pages whose HTML marks each block's
role (``bench/train_caption_model.py``) teach the rest. The model is small and readable: one
weight per named feature in ``data/caption_model.json`` (no pickle), trained with
cross-validation grouped by outlet so it holds on outlets it never saw.

Features (``features``): the line's words and word pairs (casefolded, NFC as the cleaner
normalises; only words common across many outlets are in the vocabulary), its first and last
word, its shape (length in syllables, sentences by the project's one splitter, how it ends,
quotes, digits, capitals, a credit), and its context (position in the text, the lengths and
shapes of the lines above and below, whether they were removed, and how many of its words the
lines above, below and the title share). Scoring is a pure function of these.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from pipeline.cleaning.rules import (
    CAPTION_OPENING_RE,
    PROSE_START_RE,
    REPORTING_RE,
    TELLING_RE,
    TOLD_START_RE,
    split_credit,
)
from pipeline.cleaning.text import (
    CLOSING_QUOTES,
    LIST_ITEM_RE,
    ends_with_ellipsis,
    is_prose,
    key,
    sentence_count,
    word_share,
    words,
)
from pipeline.names import leads_with_person, person_title_parts

MODEL_FILE = "caption_model.json"
_LENGTH_BINS = (3, 7, 12, 20, 30, 45)  # syllables: upper bounds of each bin


@dataclass(frozen=True)
class LineContext:
    """One line and what surrounds it on the page (neighbours are the non-blank lines)."""

    text: str
    above: str | None  # the line above, None at the top
    below: str | None  # the line below, None at the end
    title: str  # the article's headline ("" when none was found)
    position: float  # 0.0 at the first line of the page, 1.0 at the last
    above_kind: str = "open"  # what the cleaner made of the line above (``kind_group``)
    below_kind: str = "open"
    paragraph_words: float = 0.0  # median length of the page's body paragraphs, in syllables
    captions_on_page: int = 0  # lines the rules already removed as captions
    caption_distance: int | None = None  # lines to the nearest of them
    multi_sentence: float = 0.0  # share of the page's body paragraphs with 2+ sentences
    # right under the lead: the top picture's caption stands there, but so do a second lead
    # and the first section's subheading
    under_lead: bool = False


def ending_group(text: str) -> str:
    """``period`` for a line ending in a full stop, ``open`` for one with no end punctuation."""
    return "period" if text.rstrip().endswith(".") else "open"


def _bin(n: int) -> str:
    for top in _LENGTH_BINS:
        if n <= top:
            return f"<={top}"
    return f">{_LENGTH_BINS[-1]}"


def _ending(text: str) -> str:
    t = text.rstrip()
    if ends_with_ellipsis(t):
        return "ellipsis"
    if t.endswith(CLOSING_QUOTES):
        return "quote"
    if t.endswith("."):
        return "period"
    if t.endswith(("!", "?")):
        return "mark"
    if t.endswith((":", ";", ",")):
        return "colon"
    if t.endswith((")", "]")):
        return "paren"
    return "none"


def _shape(prefix: str, text: str | None) -> dict[str, float]:
    """Length bin, ending and prose form of a neighbour."""
    if text is None:
        return {f"{prefix}:none": 1.0}
    return {
        f"{prefix}:len{_bin(len(words(text)))}": 1.0,
        f"{prefix}:end={_ending(text)}": 1.0,
        f"{prefix}:prose": float(is_prose(text)),
        f"{prefix}:one_sentence": float(sentence_count(text) == 1),
    }


def features(ctx: LineContext) -> dict[str, float]:
    """Named feature values of one line (absent features are 0)."""
    t = ctx.text
    toks = key(t).split()
    n = len(words(t))
    f: dict[str, float] = {"bias": 1.0}
    for w in set(toks):
        f[f"w={w}"] = 1.0
    for a, b in set(zip(toks, toks[1:], strict=False)):
        f[f"b={a}_{b}"] = 1.0
    if toks:
        f[f"first={toks[0]}"] = 1.0
        f[f"last={toks[-1]}"] = 1.0
    if len(toks) >= 2:
        f[f"first2={toks[0]}_{toks[1]}"] = 1.0
    f[f"len{_bin(n)}"] = 1.0
    f[f"sentences={min(sentence_count(t), 3)}"] = 1.0
    f[f"end={_ending(t)}"] = 1.0
    f["quote"] = float(bool(re.search(r"[“”\"«»]", t)))
    f["digit"] = float(any(c.isdigit() for c in t))
    f["comma"] = min(t.count(","), 3) / 3
    f["paren"] = float("(" in t)
    f["colon"] = float(":" in t)
    f["dash"] = float(bool(re.search(r"\s[-–—]\s", t)))
    f["list_item"] = float(bool(LIST_ITEM_RE.match(t)))
    f["lower_start"] = float(t[:1].islower())
    f["credit"] = float(split_credit(t)[1] is not None)
    toks_raw = words(t)
    f["capitals"] = sum(w[:1].isupper() for w in toks_raw) / n if n else 0.0
    # context
    f["position"] = ctx.position
    f.update(_shape("above", ctx.above))
    f.update(_shape("below", ctx.below))
    f[f"above_kind={ctx.above_kind}"] = 1.0
    f[f"below_kind={ctx.below_kind}"] = 1.0
    # the caption family's own hints (rules.py), weighed together with the rest
    f["telling"] = min(len(TELLING_RE.findall(t)), 3) / 3
    f["reporting"] = float(bool(REPORTING_RE.search(t)))
    f["prose_start"] = float(bool(PROSE_START_RE.match(t)))
    f["told_start"] = float(bool(TOLD_START_RE.match(t)))
    f["caption_opening"] = float(bool(CAPTION_OPENING_RE.match(t)))
    f["person_first"] = float(leads_with_person(t))
    f["person_titles"] = float(person_title_parts(t) is not None)
    # the page: how long its paragraphs are, and where its other captions stand
    f["multi_sentence"] = ctx.multi_sentence
    if ctx.paragraph_words:
        f["vs_paragraphs"] = min(n / ctx.paragraph_words, 2.0) / 2
    if ctx.captions_on_page:  # the page's other captions; none found says nothing
        d = ctx.caption_distance
        f[f"caption_distance={'none' if d is None else min(d, 4)}"] = 1.0
    n_above = len(words(ctx.above)) if ctx.above else 0
    n_below = len(words(ctx.below)) if ctx.below else 0
    f["between_longer"] = float(n_above >= 2 * n and n_below >= 2 * n and n_above >= 20)
    f["shorter_than_above"] = float(n_above > n)
    f["shorter_than_below"] = float(n_below > n)
    if ending_group(t) == "open":
        # a line with no end punctuation is a caption or a subheading: what tells them apart
        # (a subheading is a short topic; a caption shows someone doing something) gets its
        # own weights
        f[f"open:len{_bin(n)}"] = 1.0
        for name in ("person_first", "person_titles", "caption_opening", "telling", "comma"):
            f[f"open:{name}"] = f[name]
        f["open:between_longer"] = f["between_longer"]
        f["open:under_lead"] = float(ctx.under_lead)
    f["share_above"] = word_share(t, ctx.above or "")
    f["share_below"] = word_share(t, ctx.below or "")
    f["share_title"] = word_share(t, ctx.title)
    return f


@dataclass(frozen=True)
class CaptionModel:
    """Weights of a logistic regression over named features, and the removal threshold."""

    weights: dict[str, float]
    threshold: float  # a line ending in a full stop
    meta: dict[str, Any]
    # a line with no end punctuation: a caption that drops its full stop reads like a
    # subheading, so such lines have their own threshold (chosen alike); None: never removed
    threshold_open: float | None = None
    # and their own weights, learned from such lines alone (what tells a caption from a
    # subheading is not what tells it from a body sentence); None: ``weights`` score them too
    weights_open: dict[str, float] | None = None

    def threshold_for(self, text: str) -> float:
        """The removal threshold of a line, by its ending group (``ending_group``)."""
        if ending_group(text) == "period":
            return self.threshold
        return self.threshold_open if self.threshold_open is not None else 1.01

    def probability(self, ctx: LineContext) -> float:
        # fsum: exactly rounded, so the score does not depend on the order the (set-built)
        # features come in, which changes with Python's string hash seed from run to run
        weights = self.weights
        if self.weights_open is not None and ending_group(ctx.text) == "open":
            weights = self.weights_open
        z = math.fsum(weights.get(name, 0.0) * v for name, v in features(ctx).items())
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


_MODEL_KEYS = ("weights", "threshold", "threshold_open", "weights_open")


def model_from_json(data: dict[str, Any]) -> CaptionModel:
    open_t = data.get("threshold_open")
    open_w = data.get("weights_open")
    return CaptionModel(
        weights={k: float(v) for k, v in data["weights"].items()},
        threshold=float(data["threshold"]),
        meta={k: v for k, v in data.items() if k not in _MODEL_KEYS},
        threshold_open=float(open_t) if open_t is not None else None,
        weights_open={k: float(v) for k, v in open_w.items()} if open_w is not None else None,
    )


@lru_cache(maxsize=1)
def shipped_model() -> CaptionModel:
    """The weights shipped in the package (``pipeline/cleaning/data/caption_model.json``)."""
    text = resources.files("pipeline.cleaning").joinpath("data", MODEL_FILE).read_text("utf-8")
    return model_from_json(json.loads(text))
