"""The daily digest as data: briefs read back from disk, grouped into stories, each summarised.

Everything comes from the briefs on disk (not from this run's memory), so several runs in one day
give one digest covering all of them. Models arrive as plain callables from the flow, keeping
`pipeline/` free of `models/`: `summarize` is the configured summarizer, `fallback` the extractive
one used when it fails, `translate` is None when no translator is available (the digest then says
so once).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from pipeline.article import CleanArticle
from pipeline.config import DigestConfig
from pipeline.digest import (
    DigestItem,
    Grouping,
    containment,
    group,
    hard_news,
    shingles,
)
from pipeline.digest_sketch import decode
from pipeline.render import parse_front_matter
from pipeline.segment import split_sentences

# Not briefs, though they sit in the day folder as Markdown.
NOT_BRIEFS = frozenset({"index.md", "digest.md"})
MAX_KEY_POINTS = 5
# WHY: a sentence whose 5-grams are mostly inside one already taken repeats it (a wire copy's
# sentence, or one outlet quoting another); same bar as a wire copy.
REPEATED_SENTENCE = 0.6
_UNAVAILABLE_MARK = "_English translation unavailable"


class SummaryLike(Protocol):
    text: str
    key_points: tuple[str, ...]
    method: str


@dataclass(frozen=True)
class Source:
    item: DigestItem
    wire_copy_of: str | None = None  # slug of the member it reproduces


@dataclass(frozen=True)
class Story:
    id: str
    headline_vi: str
    headline_en: str | None
    summary_vi: str
    summary_en: str | None
    summary_method: str
    key_points: tuple[tuple[str, str | None], ...]
    sources: tuple[Source, ...]
    related: tuple[str, ...] = ()
    hard_news: bool = True  # its headline's lead is anchored in time (not a feature)

    @property
    def outlets(self) -> int:
        """Outlets for ordering: each brief of unknown outlet counts as one (it may be)."""
        return len({s.item.outlet or f"?{s.item.slug}" for s in self.sources})

    @property
    def known_outlets(self) -> int:
        return len({s.item.outlet for s in self.sources if s.item.outlet})

    @property
    def latest(self) -> str:
        return max((s.item.published or "" for s in self.sources), default="")


@dataclass(frozen=True)
class Digest:
    day: str
    generated_at: str
    stories: tuple[Story, ...]
    settings: DigestConfig
    english_unavailable: str | None = None  # why there is no English, said once

    @property
    def briefs(self) -> int:
        return sum(len(s.sources) for s in self.stories)


# --------------------------------------------------------------------------- reading briefs


def _sections(markdown: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = None
    for line in markdown.splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
            sections[current] = []
        elif current is not None:
            sections[current].append(line)
    return sections


def parse_brief(markdown: str, slug: str) -> DigestItem | None:
    """A brief written by render_brief, read back; None for Markdown that is not a brief."""
    meta = parse_front_matter(markdown)
    if not meta.get("title_vi"):
        return None
    sec = _sections(markdown)
    summary_vi = "\n".join(sec.get("Tóm tắt", [])).strip()
    summary_en = "\n".join(sec.get("Summary", [])).strip()
    points: list[str] = []
    points_en: list[str | None] = []
    for line in sec.get("Key points", []):
        if line.startswith("- "):
            points.append(line[2:].strip())
            points_en.append(None)
        elif line.startswith("  - _EN:_ ") and points:
            points_en[-1] = line[len("  - _EN:_ ") :].strip()
    return DigestItem(
        slug=slug,
        title_vi=str(meta["title_vi"]),
        title_en=meta.get("title_en") or None,
        summary_vi=summary_vi,
        summary_en=None
        if not summary_en or summary_en.startswith(_UNAVAILABLE_MARK)
        else summary_en,
        key_points=tuple(points),
        key_points_en=tuple(points_en),
        outlet=meta.get("source") or None,
        author=meta.get("author") or None,
        published=str(meta["published"]) if meta.get("published") else None,
        input_file=meta.get("input_file"),
        summary_method=meta.get("summary_method") or None,
        sketch=decode(meta.get("wire_sketch")),
    )


def read_items(day_dir: Path) -> list[DigestItem]:
    """Every brief of the day on disk, in slug order (so the same files give the same digest)."""
    items = []
    for path in sorted(day_dir.glob("*.md")):
        if path.name in NOT_BRIEFS or path.name.startswith("run-report"):
            continue
        item = parse_brief(path.read_text(encoding="utf-8"), path.stem)
        if item is not None:
            items.append(item)
    return items


# --------------------------------------------------------------------------- building stories


def _lead(members: list[int], sim: np.ndarray, items: Sequence[DigestItem]) -> int:
    """The member whose headline stands for the story: hard news before features (a lead
    anchored in time, "Sáng 1/12 ..."), then the most central (highest mean event similarity to
    the other members), then a written headline over one cut from the lead, then one with a
    known outlet, then the earliest."""
    if len(members) == 1:
        return members[0]
    sub = sim[np.ix_(members, members)]
    centrality = (sub.sum(axis=1) - np.diag(sub)) / (len(members) - 1)

    def rank(pos: int) -> tuple:
        it = items[members[pos]]
        return (
            not hard_news(it),
            -round(float(centrality[pos]), 6),
            # a headline that is only the start of its own lead was cut from it, not written
            it.summary_vi.startswith(it.title_vi),
            it.outlet is None,
            it.published or "~",
            it.slug,
        )

    return members[min(range(len(members)), key=rank)]


def distinct_sentences(texts: Sequence[str]) -> list[str]:
    """Sentences of `texts` in order, leaving out any that repeats one already kept."""
    kept: list[str] = []
    kept_sets: list[frozenset] = []
    for text in texts:
        for sentence in split_sentences(text):
            sh = shingles(sentence)
            if sentence in kept or any(
                containment(sh, other) >= REPEATED_SENTENCE for other in kept_sets
            ):
                continue
            kept.append(sentence)
            kept_sets.append(sh)
    return kept


def _not_in_summary(points: list, summary: str) -> list:
    """Key points that do not repeat a sentence of the summary (a reader would see it twice)."""
    said = [shingles(sentence) for sentence in split_sentences(summary)]
    return [
        (vi, en)
        for vi, en in points
        if not any(containment(shingles(vi), other) >= REPEATED_SENTENCE for other in said)
    ]


def story_article(items: Sequence[DigestItem], members: Sequence[int]) -> CleanArticle:
    """The story as one article for the summarizer: every original's summary (lead first), then
    their key points; wire copies are left out by the caller, repeated sentences dropped. Putting
    all summaries first lets a lead-biased summarizer draw from every outlet, not only the lead."""
    texts = [items[i].summary_vi for i in members]
    texts += [point for i in members for point in items[i].key_points]
    return CleanArticle(
        title=items[members[0]].title_vi, paragraphs=tuple(distinct_sentences(texts))
    )


def _story_id(lead: DigestItem) -> str:
    return "story-" + hashlib.sha256(lead.slug.encode()).hexdigest()[:10]


def build_digest(
    day: str,
    items: Sequence[DigestItem],
    generated_at: str,
    summarize: Callable[[CleanArticle], SummaryLike],
    fallback: Callable[[CleanArticle], SummaryLike],
    translate: Callable[[list[str]], list[str]] | None = None,
    english_unavailable: str | None = None,
    settings: DigestConfig | None = None,
) -> Digest:
    """Group the day's briefs and write each story's headline, summary and key points."""
    settings = settings or DigestConfig()
    grouping: Grouping = group(items, settings)
    sim = grouping.event_similarity
    if sim is None:
        sim = np.eye(len(items))
    drafts: list[dict[str, Any]] = []
    for label in sorted(set(grouping.labels)):
        members = grouping.members(label)
        # The headline comes from an original, never from a copy of one.
        lead = _lead([i for i in members if i not in grouping.wire_copies] or members, sim, items)
        originals = [lead] + [i for i in members if i != lead and i not in grouping.wire_copies]
        ordered = originals + [i for i in members if i not in originals]
        drafts.append({"label": label, "lead": lead, "members": ordered, "originals": originals})

    # Summaries: a one-brief story keeps its brief's; a story of several is summarised anew.
    en_needed: list[str] = []
    for d in drafts:
        lead_item = items[d["lead"]]
        if len(d["originals"]) == 1:
            d["summary_vi"], d["summary_en"] = lead_item.summary_vi, lead_item.summary_en
            d["method"] = "the brief's own summary" + (
                f", {lead_item.summary_method}" if lead_item.summary_method else ""
            )
            d["points"] = list(zip(lead_item.key_points, lead_item.key_points_en, strict=False))
            if d["summary_en"] is None:  # briefed without a translator, one may be here now
                en_needed.append(lead_item.summary_vi)
        else:
            article = story_article(items, d["originals"])
            try:
                summary = summarize(article)
                d["method"] = summary.method
            except Exception as exc:  # a model error must not lose the story; say what happened
                summary = fallback(article)
                d["method"] = f"{summary.method} (the configured summarizer failed: {exc})"
            d["summary_vi"], d["summary_en"] = summary.text, None
            known = {
                vi: en
                for i in d["originals"]
                for vi, en in zip(items[i].key_points, items[i].key_points_en, strict=False)
            }
            d["points"] = [(p, known.get(p)) for p in summary.key_points]
            en_needed.append(summary.text)
        d["points"] = _not_in_summary(d["points"], d["summary_vi"])[:MAX_KEY_POINTS]
        d["headline_en"] = lead_item.title_en
        if d["headline_en"] is None:
            en_needed.append(lead_item.title_vi)
        en_needed.extend(vi for vi, en in d["points"] if en is None)

    english: dict[str, str] = {}
    if translate is not None:
        try:
            english = _translate(en_needed, translate)
        except Exception as exc:  # no English is better than no digest; say why, once
            translate, english_unavailable = None, f"translation failed: {exc}"
    id_of = {d["label"]: _story_id(items[d["lead"]]) for d in drafts}
    stories = []
    for d in drafts:
        lead_item = items[d["lead"]]
        related = sorted(
            id_of[b if a == d["label"] else a] for a, b in grouping.related if d["label"] in (a, b)
        )
        sources = tuple(
            Source(
                items[i],
                items[grouping.wire_copies[i]].slug if i in grouping.wire_copies else None,
            )
            for i in d["members"]
        )
        stories.append(
            Story(
                id=id_of[d["label"]],
                headline_vi=lead_item.title_vi,
                headline_en=d["headline_en"] or english.get(lead_item.title_vi),
                summary_vi=d["summary_vi"],
                summary_en=d["summary_en"] or english.get(d["summary_vi"]),
                summary_method=d["method"],
                key_points=tuple((vi, en or english.get(vi)) for vi, en in d["points"]),
                sources=sources,
                related=tuple(related),
                hard_news=hard_news(lead_item),
            )
        )
    # Most outlets first, then the latest news first (unknown times go last), then hard news
    # before features (stable sorts, applied from the last key to the first).
    stories.sort(key=lambda s: s.headline_vi)
    stories.sort(key=lambda s: not s.hard_news)
    stories.sort(key=lambda s: s.latest, reverse=True)
    stories.sort(key=lambda s: -s.outlets)
    # Related links in the order the reader meets those stories.
    position = {st.id: n for n, st in enumerate(stories)}
    stories = [replace(st, related=tuple(sorted(st.related, key=position.get))) for st in stories]
    return Digest(
        day=day,
        generated_at=generated_at,
        stories=tuple(stories),
        settings=settings,
        english_unavailable=english_unavailable if translate is None else None,
    )


def _translate(texts: list[str], translate: Callable[[list[str]], list[str]]) -> dict[str, str]:
    unique = list(dict.fromkeys(t for t in texts if t))
    if not unique:
        return {}
    return dict(zip(unique, translate(unique), strict=True))
