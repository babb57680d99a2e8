"""digest.md and digest.json: pure functions from a Digest to text.

Every source line carries an HTML anchor named after its brief's slug, so a brief can link to
`digest.md#<slug>` when it is written, before grouping: whatever story the brief lands in, today or
after a later run regroups the day, the link finds it without rewriting the brief.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from pipeline.digest_build import Digest, Source, Story


def _sentence(text: str) -> str:
    text = text.rstrip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _source_line(src: Source, titles: dict[str, str]) -> str:
    it = src.item
    details = " · ".join(
        d
        for d in (it.author and f"by {it.author}", it.published and f"published {it.published}")
        if d
    )
    # an unknown outlet is said plainly, not set in bold as if it were a name
    outlet = f"**{it.outlet}**" if it.outlet else "_outlet not identified_"
    line = f'- <a id="{it.slug}"></a>{outlet}: [{it.title_vi}]({it.slug}.md)'
    if details:
        line += f" — {details}"
    if src.wire_copy_of:
        line += f" — _wire copy_ of [{titles.get(src.wire_copy_of, src.wire_copy_of)}]"
        line += f"({src.wire_copy_of}.md)"
    return line


def _sources_note(story: Story) -> str:
    """ "2 briefs from 2 outlets", "1 brief, outlet not identified": no unknown counted as one."""
    briefs = _count(len(story.sources), "brief", "briefs")
    unknown = sum(1 for s in story.sources if not s.item.outlet)
    known = story.known_outlets
    if not known:
        return f"{briefs}, outlet not identified"
    note = f"{briefs} from {_count(known, 'outlet', 'outlets')}"
    return note + (f", {unknown} not identified" if unknown else "")


def _story_lines(n: int, story: Story, headlines: dict[str, str]) -> list[str]:
    lines = [f"## {n}. {story.headline_vi}", "", f'<a id="{story.id}"></a>']
    if story.headline_en:
        lines += [f"_EN:_ {story.headline_en}"]
    lines += ["", f"**Tóm tắt** ({story.summary_method}): {story.summary_vi}", ""]
    if story.summary_en:
        lines += [f"**Summary:** {story.summary_en}", ""]
    if story.key_points:
        lines += ["**Key points**", ""]
        for vi, en in story.key_points:
            lines.append(f"- {vi}")
            if en:
                lines.append(f"  - _EN:_ {en}")
        lines.append("")
    titles = {s.item.slug: s.item.title_vi for s in story.sources}
    lines += [f"**Sources** ({_sources_note(story)})", ""]
    lines += [_source_line(src, titles) for src in story.sources]
    if story.related:
        links = ", ".join(
            f"[{headlines[r][1]}](#{r}) (story {headlines[r][0]})"
            for r in story.related
            if r in headlines
        )
        lines += ["", f"**Related stories:** {links}"]
    return lines + [""]


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def render_digest(digest: Digest) -> str:
    lines = [f"# Tin trong ngày / Daily digest — {digest.day}", ""]
    if digest.english_unavailable:
        lines += [
            f"> **Note:** no English translation: {_sentence(digest.english_unavailable)}",
            "",
        ]
    s = digest.settings
    lines += [
        f"{_count(len(digest.stories), 'story', 'stories')} from "
        f"{_count(digest.briefs, 'brief', 'briefs')}, most outlets first. "
        f"Grouped by similarity (same story ≥ {s.same_story}; related: same running topic, "
        f"≥ {s.related} and shared names; wire copy ≥ {s.wire_copy}); generated "
        f"{digest.generated_at}.",
        "",
    ]
    if not digest.stories:
        lines += ["_No briefs for this day._", ""]
    headlines = {st.id: (n, st.headline_vi) for n, st in enumerate(digest.stories, 1)}
    for n, story in enumerate(digest.stories, 1):
        lines += _story_lines(n, story, headlines)
    return "\n".join(lines).rstrip("\n") + "\n"


def digest_json(digest: Digest) -> dict[str, Any]:
    """The same structure as digest.md, for machines."""
    return {
        "day": digest.day,
        "generated_at": digest.generated_at,
        "english_unavailable": digest.english_unavailable,
        "settings": asdict(digest.settings),
        "stories": [
            {
                "id": st.id,
                "outlets": st.outlets,
                "headline_vi": st.headline_vi,
                "headline_en": st.headline_en,
                "summary_vi": st.summary_vi,
                "summary_en": st.summary_en,
                "summary_method": st.summary_method,
                "key_points": [{"vi": vi, "en": en} for vi, en in st.key_points],
                "related": list(st.related),
                "briefs": [
                    {
                        "slug": src.item.slug,
                        "brief": f"{src.item.slug}.md",
                        "input_file": src.item.input_file,
                        "outlet": src.item.outlet,
                        "author": src.item.author,
                        "published": src.item.published,
                        "title_vi": src.item.title_vi,
                        "title_en": src.item.title_en,
                        "wire_copy_of": src.wire_copy_of,
                    }
                    for src in st.sources
                ],
            }
            for st in digest.stories
        ],
    }


def render_digest_json(digest: Digest) -> str:
    return json.dumps(digest_json(digest), ensure_ascii=False, indent=1) + "\n"
