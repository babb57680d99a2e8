"""Story grouping and the digest, on real RSS items of one day from three outlets.

Fixture: tests/digest_cases/feed_2025-11-06.json (Tuổi Trẻ, Thanh Niên, VnExpress items of
2025-11-06, unedited, provenance inside; events and topics labelled by reading them).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.extractive import ExtractiveSummarizer
from pipeline.article import BackendStatus, CleanArticle, Summary
from pipeline.config import DigestConfig
from pipeline.digest import DigestItem, group
from pipeline.digest_build import build_digest, distinct_sentences, parse_brief, read_items
from pipeline.digest_render import digest_json, render_digest
from pipeline.render import Brief, English, render_brief
from pipeline.segment import split_sentences

FEED = Path(__file__).with_name("digest_cases") / "feed_2025-11-06.json"


def feed() -> list[dict]:
    return json.loads(FEED.read_text(encoding="utf-8"))["items"]


def item(row: dict, n: int) -> DigestItem:
    return DigestItem(
        slug=f"{n:02d}-{row['id'][:8]}",
        title_vi=row["title"],
        summary_vi=row["summary"],
        outlet=row["source"].split(" - ")[0],  # "VnExpress - Kinh Doanh" is a VnExpress section
        published=row["published"],
    )


def by_event(rows, grouping) -> dict[str, set[int]]:
    events: dict[str, set[int]] = {}
    for row, label in zip(rows, grouping.labels, strict=True):
        events.setdefault(row["event"], set()).add(label)
    return events


def test_same_event_from_three_outlets_is_one_story():
    rows = [r for r in feed() if r["event"] == "fuel-price-cut"]
    assert {r["source"].split(" - ")[0] for r in rows} == {"Tuổi Trẻ", "Thanh Niên", "VnExpress"}
    grouping = group([item(r, n) for n, r in enumerate(rows)])
    assert len(set(grouping.labels)) == 1


def test_events_of_one_running_topic_are_separate_linked_stories():
    rows = [r for r in feed() if r["topic"] == "typhoon-kalmaegi"]
    grouping = group([item(r, n) for n, r in enumerate(rows)])
    events = by_event(rows, grouping)
    strengthens, evacuation = events["kalmaegi-strengthens"], events["kalmaegi-evacuation"]
    assert len(strengthens) == 1 and len(evacuation) == 1 and strengthens != evacuation
    pair = tuple(sorted((*strengthens, *evacuation)))
    assert pair in grouping.related


def test_whole_day_groups_exactly_by_event_and_links_only_the_running_topic():
    rows = feed()
    grouping = group([item(r, n) for n, r in enumerate(rows)])
    events = by_event(rows, grouping)
    assert all(len(labels) == 1 for labels in events.values())  # each event is one story
    labels = [next(iter(v)) for v in events.values()]
    assert len(set(labels)) == len(labels)  # and no two events share a story
    topic_labels = {
        next(iter(events[r["event"]])) for r in rows if r["topic"] == "typhoon-kalmaegi"
    }
    assert set(grouping.related) == {tuple(sorted(topic_labels))}


def test_identical_copy_in_another_feed_is_marked_wire_copy_of_the_earlier():
    rows = [r for r in feed() if r["event"] == "fuel-price-cut"]
    items = [item(r, n) for n, r in enumerate(rows)]
    grouping = group(items)
    copies = {items[c].slug: items[o].slug for c, o in grouping.wire_copies.items()}
    vne = [it.slug for it in items if it.outlet == "VnExpress"]
    assert len(vne) == 2 and copies == {vne[1]: vne[0]}  # same text, same time: slug order


def test_thresholds_are_configurable():
    rows = [r for r in feed() if r["event"] == "fuel-price-cut"]
    strict = group([item(r, n) for n, r in enumerate(rows)], DigestConfig(same_story=0.99))
    assert len(set(strict.labels)) == len(rows) - 1  # only the identical copy stays together


def extractive_digest(items, translate=None):
    summarizer = ExtractiveSummarizer(sentences=2, key_points=5)
    return build_digest(
        "2025-11-06",
        items,
        "2025-11-06T18:00:00+07:00",
        summarize=summarizer.summarize,
        fallback=summarizer.summarize,
        translate=translate,
        english_unavailable="no translator configured (test)",
    )


def test_digest_orders_by_outlets_then_time_and_says_once_that_english_is_missing():
    items = [item(r, n) for n, r in enumerate(feed())]
    digest = extractive_digest(items)
    outlets = [s.outlets for s in digest.stories]
    assert outlets == sorted(outlets, reverse=True)
    first = {src.item.title_vi for src in digest.stories[0].sources}
    assert "Xăng giảm giá từ 15h chiều nay, giá dầu diễn biến trái chiều" in first  # 3, latest
    assert digest.briefs == len(items)
    md = render_digest(digest)
    assert md.count("no English translation") == 1
    for it in items:  # every brief's link target exists
        assert f'<a id="{it.slug}"></a>' in md
    assert md.count("_wire copy_ of") == 1  # the fuel item VnExpress ran in two of its feeds
    data = digest_json(digest)
    assert [len(s["briefs"]) for s in data["stories"]] == [len(s.sources) for s in digest.stories]
    fuel = data["stories"][0]
    assert {b["outlet"] for b in fuel["briefs"]} == {"Tuổi Trẻ", "Thanh Niên", "VnExpress"}
    assert fuel["summary_method"] == "extractive"


def test_story_summary_never_repeats_a_wire_copy_sentence():
    rows = [r for r in feed() if r["event"] == "fuel-price-cut"]
    digest = extractive_digest([item(r, n) for n, r in enumerate(rows)])
    (story,) = digest.stories
    sentences = split_sentences(story.summary_vi) + [vi for vi, _ in story.key_points]
    assert len(sentences) == len(set(sentences))
    copy_text = rows[-1]["summary"]
    assert sum(copy_text in s for s in sentences) <= 1


def test_translator_fills_english_for_new_story_summaries():
    rows = [r for r in feed() if r["event"] == "ecopark-restructuring"]
    calls: list[list[str]] = []

    def translate(texts):
        calls.append(list(texts))
        return [f"EN({len(t)})" for t in texts]

    digest = extractive_digest([item(r, n) for n, r in enumerate(rows)], translate)
    (story,) = digest.stories
    assert story.summary_en == f"EN({len(story.summary_vi)})"
    assert story.headline_en == f"EN({len(story.headline_vi)})"  # items carried no English
    assert digest.english_unavailable is None and len(calls) == 1


def test_failing_summarizer_falls_back_to_extractive_and_says_why():
    rows = [r for r in feed() if r["event"] == "fuel-price-cut"]

    def broken(article):
        raise RuntimeError("out of memory")

    digest = build_digest(
        "2025-11-06",
        [item(r, n) for n, r in enumerate(rows)],
        "t",
        summarize=broken,
        fallback=ExtractiveSummarizer().summarize,
    )
    assert digest.stories[0].summary_method == (
        "extractive (the configured summarizer failed: out of memory)"
    )


def test_distinct_sentences_drops_repeats():
    text = feed()[3]["summary"]
    assert distinct_sentences([text, text, "Một câu khác hẳn về chuyện khác."]) == [
        text,
        "Một câu khác hẳn về chuyện khác.",
    ]


@pytest.fixture
def written_briefs(tmp_path):
    """Two real items written as briefs by render_brief, as the flow does."""
    status = BackendStatus("summarizer", "extractive", "extractive", False)
    none = BackendStatus("translator", "seq2seq:m", None, False, "offline")
    rows = [r for r in feed() if r["event"] == "ecopark-restructuring"]
    slugs = []
    for n, row in enumerate(rows):
        article = CleanArticle(
            title=row["title"], paragraphs=(row["summary"],), outlet=row["source"]
        )
        summary = Summary(text=row["summary"], key_points=(), method="extractive")
        brief = Brief(
            slug=f"brief-{n}",
            input_file=f"/in/{n}.txt",
            input_sha256="ab" * 32,
            article=article,
            summary=summary,
            english=English(unavailable="offline"),
            summarizer=status,
            translator=none,
            generated_at="2025-11-06T18:00:00+07:00",
        )
        (tmp_path / f"brief-{n}.md").write_text(render_brief(brief), encoding="utf-8")
        slugs.append(brief.slug)
    (tmp_path / "index.md").write_text("# index\n", encoding="utf-8")
    return tmp_path, rows, slugs


def test_briefs_on_disk_read_back_for_the_digest_and_link_to_their_anchor(written_briefs):
    day_dir, rows, slugs = written_briefs
    items = read_items(day_dir)
    assert [it.slug for it in items] == slugs
    assert items[0].title_vi == rows[0]["title"] and items[0].summary_vi == rows[0]["summary"]
    assert items[0].summary_en is None and items[0].input_file == "/in/0.txt"
    brief_md = (day_dir / "brief-0.md").read_text(encoding="utf-8")
    assert "(digest.md#brief-0)" in brief_md
    assert parse_brief("# not a brief\n", "x") is None
    md = render_digest(extractive_digest(items))
    assert '<a id="brief-0"></a>' in md and '<a id="brief-1"></a>' in md


def test_body_sketch_recognises_a_trimmed_copy_and_not_another_article():
    from pipeline.clean import clean_text
    from pipeline.digest_sketch import body_sketch, containment, decode, encode

    samples = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.txt"))
    bodies = [clean_text(p.read_text(encoding="utf-8")).paragraphs for p in samples]
    full = "\n".join(bodies[0])
    trimmed = "\n".join(bodies[0][: len(bodies[0]) // 2])  # an outlet keeping the first half
    other = "\n".join(bodies[1])
    sketch = decode(encode(body_sketch(full)))
    assert sketch == body_sketch(full)
    assert containment(body_sketch(trimmed), sketch) >= 0.9
    assert containment(body_sketch(other), sketch) < 0.2
    assert decode(None) is None and decode("garbage") is None


def test_translator_failure_leaves_the_digest_and_says_why_once():
    rows = [r for r in feed() if r["event"] == "fuel-price-cut"]

    def broken(texts):
        raise RuntimeError("model crashed")

    digest = extractive_digest([item(r, n) for n, r in enumerate(rows)], broken)
    assert digest.english_unavailable == "translation failed: model crashed"
    assert render_digest(digest).count("no English translation") == 1


SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def sample_items() -> dict[str, DigestItem]:
    """The three real sample articles of one running topic (Vietnam-Laos visits) as briefs: the
    talks (1/12), the speech at the academy (the same visit), a feature on an earlier visit."""
    from pipeline.clean import clean_text
    from pipeline.digest_sketch import body_sketch

    summarizer = ExtractiveSummarizer(sentences=3, key_points=4)
    items = {}
    for path in sorted(SAMPLES.glob("*.txt")):
        article = clean_text(path.read_text(encoding="utf-8"))
        summary = summarizer.summarize(article)
        items[path.stem] = DigestItem(
            slug=path.stem,
            title_vi=article.title,
            summary_vi=summary.text,
            key_points=summary.key_points,
            sketch=body_sketch(article.body),
        )
    return items


def test_talks_and_speech_of_one_visit_are_separate_stories_linked_as_related():
    items = sample_items()
    names = list(items)
    grouping = group(list(items.values()))
    story = dict(zip(names, grouping.labels, strict=True))
    talks, speech = story["hoi-dam-to-lam-thongloun"], story["vnexpress-to-lam-hoc-vien-lao"]
    feature = story["baoquocte-giu-lua-hop-tac"]
    assert len(set(grouping.labels)) == 3  # three happenings: talks, speech, an earlier visit
    assert talks != speech and feature not in (talks, speech)
    assert tuple(sorted((talks, speech))) in grouping.related  # one running topic: the visit
    assert not grouping.wire_copies


def test_venues_are_the_capitalised_words_after_tai():
    from pipeline.digest import venues

    assert venues("Sáng 1/12, tại Phủ Chủ tịch, hai bên hội đàm.") == {"phủ", "chủ"}
    assert venues("Ông phát biểu tại Học viện Chính trị Quốc gia Lào") == {"học", "chính", "quốc"}
    assert venues("họp tại trụ sở bộ") == frozenset()  # no name, no venue


def test_different_holders_of_one_office_are_different_occasions():
    from pipeline.digest_signals import actor_conflict, principal_actors

    items = sample_items()
    talks, feature = items["hoi-dam-to-lam-thongloun"], items["baoquocte-giu-lua-hop-tac"]
    speech = items["vnexpress-to-lam-hoc-vien-lao"]
    from pipeline.digest import actor_text, item_texts

    t_text, f_text, s_text = item_texts([talks, feature, speech])
    t_head, f_head, s_head = map(actor_text, (talks, feature, speech))
    assert principal_actors(f_head)["Tổng Bí thư"] == {("nguyễn", "phú", "trọng")}
    assert ("tô", "lâm") in principal_actors(t_head)["Tổng Bí thư"]
    assert actor_conflict(t_head, f_head, t_text, f_text)
    assert not actor_conflict(t_head, s_head, t_text, s_text)
    # one meeting of two leaders: each report names the other, so no conflict
    a = "Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Campuchia Hun Manet"
    b = "Thủ tướng Hun Manet đón Thủ tướng Phạm Minh Chính tại Phnom Penh"
    assert not actor_conflict(a, b, a, b)


def test_reports_days_apart_are_never_one_story_and_time_anchors_mark_hard_news():
    from pipeline.digest_signals import days_apart, time_anchored

    assert days_apart("2013-10-23T11:39", "2013-10-27T09:00") == 4
    assert days_apart(None, "2013-10-27") is None
    rows = [r for r in feed() if r["event"] == "fuel-price-cut"][:2]
    items = [item(r, n) for n, r in enumerate(rows)]
    moved = [items[0], DigestItem(**{**items[1].__dict__, "published": "2025-11-20T10:00:00"})]
    assert len(set(group(items).labels)) == 1 and len(set(group(moved).labels)) == 2
    assert time_anchored("Sáng 1/12, sau lễ đón chính thức, Tổng Bí thư Tô Lâm đã hội đàm")
    assert time_anchored("Tổng Bí thư Tô Lâm hôm nay phát biểu chính sách")
    assert not time_anchored("Ông Hoàng Bình Quân khẳng định, chuyến thăm lần này có ý nghĩa")


def test_story_headline_is_hard_news_not_a_feature_of_the_same_story():
    items = sample_items()
    talks, feature = items["hoi-dam-to-lam-thongloun"], items["baoquocte-giu-lua-hop-tac"]
    # forced into one story (a loose threshold), the talks' headline still leads it
    loose = DigestConfig(same_story=0.01)
    summarizer = ExtractiveSummarizer(sentences=2, key_points=5)
    for order in ([feature, talks], [talks, feature]):
        digest = build_digest(
            "d", order, "t", summarizer.summarize, summarizer.summarize, settings=loose
        )
        (story,) = digest.stories
        assert story.headline_vi == talks.title_vi


def test_sample_digest_reads_as_an_editor_wants():
    """The three samples: hard news first, the feature last; no invented outlet; counts in
    words; key points never repeat the summary; related links in reading order."""
    items = sample_items()
    digest = extractive_digest(list(items.values()))
    md = render_digest(digest)
    assert [s.headline_vi for s in digest.stories][-1] == items[
        "baoquocte-giu-lua-hop-tac"
    ].title_vi
    assert all(s.hard_news for s in digest.stories[:2]) and not digest.stories[2].hard_news
    assert "unknown outlet" not in md and "brief(s)" not in md
    assert md.count("**Sources** (1 brief, outlet not identified)") == 3
    for story in digest.stories:
        summary = split_sentences(story.summary_vi)
        assert not any(vi in summary for vi, _ in story.key_points)
        order = [s.id for s in digest.stories if s.id in story.related]
        assert list(story.related) == order


def test_key_points_that_repeat_the_summary_are_dropped():
    from pipeline.digest_build import _not_in_summary

    rows = feed()
    summary = rows[3]["summary"]
    first = split_sentences(summary)[0]
    other = rows[5]["summary"]
    assert _not_in_summary([(first, None), (other, None)], summary) == [(other, None)]


def test_office_holders_are_read_from_the_words_after_the_office():
    from pipeline.digest_signals import principal_actors

    text = (
        "Thủ tướng Chính phủ Nguyễn Tấn Dũng dự lễ; Tổng Bí thư, Chủ tịch nước Lào Thongloun "
        "Sisoulith hội đàm; Thủ tướng cho biết thêm."
    )
    found = principal_actors(text)
    assert found["Thủ tướng"] == {("nguyễn", "tấn", "dũng")}  # "Chính phủ" skipped, no bare one
    assert {n[-1] for n in found["Chủ tịch nước"]} == {"sisoulith"}
    assert "Tổng Bí thư" not in found  # "Tổng Bí thư," names no one


def test_story_headline_is_the_most_central_member_and_a_written_one_on_ties():
    rows = [r for r in feed() if r["event"] == "fuel-price-cut"]
    items = [item(r, n) for n, r in enumerate(rows)]
    grouping = group(items)
    sim = grouping.event_similarity
    from pipeline.digest import hard_news

    originals = [i for i in range(len(items)) if i not in grouping.wire_copies]
    news = [i for i in originals if hard_news(items[i])]  # "Giá xăng giảm sau 7 ngày" has no
    assert len(news) == 2  # time anchor, so it may not head the story over those that do
    central = max(news, key=lambda i: sum(sim[i, j] for j in originals if j != i))
    digest = extractive_digest(items)
    assert digest.stories[0].headline_vi == items[central].title_vi
    # two members, equal centrality: the headline cut from its own lead loses
    real = items[0]
    cut = DigestItem(slug="cut", title_vi=real.summary_vi[:60], summary_vi=real.summary_vi)
    loose = DigestConfig(same_story=0.01)
    summarizer = ExtractiveSummarizer(sentences=2, key_points=5)
    for order in ([cut, real], [real, cut]):
        d = build_digest(
            "d", order, "t", summarizer.summarize, summarizer.summarize, settings=loose
        )
        assert d.stories[0].headline_vi == real.title_vi


def test_a_copy_is_tied_to_the_member_it_lies_most_inside_not_the_first_above_the_cut():
    """Real sample paragraphs: an early report reusing part of a text (and another article), then
    the full text with an addition, then the text itself: the copy belongs to the full text."""
    from pipeline.clean import clean_text
    from pipeline.digest import wire_copies
    from pipeline.digest_sketch import body_sketch, containment

    bodies = [
        list(clean_text(p.read_text(encoding="utf-8")).paragraphs)
        for p in sorted(SAMPLES.glob("*.txt"))
    ]
    text, other, extra = bodies
    cut = len(text) * 13 // 24
    partial = body_sketch("\n".join(text[:cut] + other))
    full = body_sketch("\n".join(text + extra))
    copy = body_sketch("\n".join(text))
    into_partial, full_into_partial = containment(copy, partial), containment(full, partial)
    assert into_partial > full_into_partial and containment(copy, full) > 0.95
    threshold = (into_partial + full_into_partial) / 2  # the copy passes it for both earlier ones
    items = [
        DigestItem(slug=s, title_vi=s, summary_vi="", published=f"2025-11-0{n + 1}", sketch=k)
        for n, (s, k) in enumerate((("partial", partial), ("full", full), ("copy", copy)))
    ]
    assert wire_copies(items, [0, 0, 0], threshold) == {2: 1}
