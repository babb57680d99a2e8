import threading
import time

import pytest

from pipeline.article import BackendStatus, CleanArticle, Summary
from pipeline.render import (
    Brief,
    English,
    IndexEntry,
    parse_front_matter,
    render_brief,
    render_index,
    slugify,
)
from pipeline.store import (
    LockTimeout,
    Manifest,
    ManifestEntry,
    atomic_write_text,
    index_entries,
    run_lock,
)

SHA = "ab" * 32
ARTICLE = CleanArticle(
    title="Tổng Bí thư Tô Lâm hội đàm với Tổng Bí thư, Chủ tịch nước Lào",
    paragraphs=("Sáng 1/12, hai nhà lãnh đạo hội đàm.", "Hai bên nhất trí tăng cường hợp tác."),
    published="2025-12-01",
    outlet="TTXVN",
    author="Hòa Bình",
)
SUMMARY = Summary("Sáng 1/12, hai nhà lãnh đạo hội đàm.", ("Hai bên nhất trí.",), "extractive")
FELL_BACK = BackendStatus(
    "summarizer", "seq2seq:VietAI/vit5", "extractive", True, "'VietAI/vit5' is not cached (offline)"
)
NO_TRANSLATOR = BackendStatus(
    "translator", "seq2seq:vinai/x", None, True, "'vinai/x' is not cached (offline)"
)


def _brief(english: English, translator: BackendStatus = NO_TRANSLATOR) -> Brief:
    return Brief(
        slug=slugify(ARTICLE.title, SHA),
        input_file="samples/a.txt",
        input_sha256=SHA,
        article=ARTICLE,
        summary=SUMMARY,
        english=english,
        summarizer=FELL_BACK,
        translator=translator,
        generated_at="2025-12-01T08:00:00+07:00",
    )


def test_slug_is_ascii_stable_unique_and_cannot_escape():
    slug = slugify(ARTICLE.title, SHA)
    assert slug == "tong-bi-thu-to-lam-hoi-dam-voi-tong-bi-abababab"  # 10 words
    assert slugify(ARTICLE.title, "cd" * 32) != slug
    assert slugify("../../etc/passwd", SHA) == "etc-passwd-abababab"
    assert slugify("“”…", SHA) == "article-abababab"
    assert slugify("Đông Dương", SHA).startswith("dong-duong")


def test_brief_without_translator_says_so_plainly_in_text_and_front_matter():
    md = render_brief(_brief(English(unavailable="'vinai/x' is not cached (offline)")))
    meta = parse_front_matter(md)
    assert meta["title_vi"] == ARTICLE.title and meta["title_en"] is None
    assert meta["input_sha256"] == SHA and meta["published"] == "2025-12-01"
    assert meta["models"]["summarizer"]["fell_back"] is True
    assert meta["models"]["translator"]["used"] == "none"
    assert meta["english_unavailable"] == "'vinai/x' is not cached (offline)"
    headings = [line for line in md.splitlines() if line.startswith("#")]
    assert headings == [
        f"# {ARTICLE.title}",
        "## English title",
        "## Tóm tắt",
        "## Summary",
        "## Key points",
        "## Source",
    ]
    # the reason is given once, in the note; the English sections point to it
    body = md.split("\n---\n", 1)[1]  # below the front matter
    assert body.count("'vinai/x' is not cached (offline)") == 1  # the note only
    assert md.count("_English translation unavailable (see the note under the title)._") == 2
    assert "- Summarizer: extractive (fallback for seq2seq:VietAI/vit5; see the note" in md
    assert "- Translator: not available (seq2seq:vinai/x; see the note under the title)" in md
    assert (
        "> **Note:** summary made by the extractive fallback: seq2seq:VietAI/vit5 could not be "
        "loaded. 'VietAI/vit5' is not cached (offline).\n>\n"
        "> **Note:** no English translation: 'vinai/x' is not cached (offline).\n"
    ) in md


def test_brief_with_translation_pairs_key_points():
    ok = BackendStatus("translator", "seq2seq:m", "seq2seq:m", False)
    english = English("General Secretary To Lam holds talks", "The leaders met.", ("Agreed.",))
    md = render_brief(_brief(english, ok))
    assert "## English title\n\nGeneral Secretary To Lam holds talks\n" in md
    assert "- Hai bên nhất trí.\n  - _EN:_ Agreed." in md
    body = md.split("---", 2)[2]
    assert "unavailable" not in body and "no English translation" not in body


def test_atomic_write_replaces_whole_file_and_leaves_no_temp(tmp_path):
    target = tmp_path / "day" / "brief.md"
    atomic_write_text(target, "old")
    atomic_write_text(target, "new content")
    assert target.read_text(encoding="utf-8") == "new content"
    assert [p.name for p in target.parent.iterdir()] == ["brief.md"]


def test_run_lock_makes_a_second_run_wait(tmp_path):
    events: list[str] = []
    with run_lock(tmp_path):

        def second() -> None:
            with run_lock(tmp_path, timeout_s=5, on_wait=events.append):
                events.append("second got lock")

        thread = threading.Thread(target=second)
        thread.start()
        time.sleep(0.5)
        assert events == [f"waiting for another vnbrief run writing to {tmp_path} to finish"]
    thread.join(5)
    assert events[-1] == "second got lock"


def test_run_lock_times_out_with_clear_message(tmp_path):
    with (
        run_lock(tmp_path),
        pytest.raises(LockTimeout, match="another vnbrief run still holds"),
        run_lock(tmp_path, timeout_s=0.3),
    ):
        pass


def test_manifest_round_trip_and_missing_brief_means_redo(tmp_path):
    (tmp_path / "2025-12-01").mkdir()
    (tmp_path / "2025-12-01" / "a.md").write_text("x", encoding="utf-8")
    manifest = Manifest(tmp_path)
    manifest.record(ManifestEntry(SHA, "cfg1", "2025-12-01/a.md", "samples/a.txt"))
    manifest.save()
    again = Manifest(tmp_path)
    assert again.unchanged(SHA, "cfg1").brief == "2025-12-01/a.md"
    assert again.unchanged(SHA, "cfg2") is None
    (tmp_path / "2025-12-01" / "a.md").unlink()
    assert again.unchanged(SHA, "cfg1") is None


def test_damaged_manifest_costs_only_recomputation(tmp_path):
    (tmp_path / ".vnbrief-manifest.json").write_text("{not json", encoding="utf-8")
    assert Manifest(tmp_path).unchanged(SHA, "cfg") is None


def test_index_lists_every_brief_of_the_day_with_both_titles(tmp_path):
    english = English("General Secretary To Lam holds talks", "x", ())
    ok = BackendStatus("translator", "seq2seq:m", "seq2seq:m", False)
    brief = _brief(english, ok)
    atomic_write_text(tmp_path / f"{brief.slug}.md", render_brief(brief))
    atomic_write_text(tmp_path / "index.md", "old index")
    entries = index_entries(tmp_path)
    assert entries == [
        IndexEntry(brief.slug, ARTICLE.title, english.title, "TTXVN", "2025-12-01")
    ]
    index = render_index("2025-12-01", entries)
    assert f"- [{ARTICLE.title}]({brief.slug}.md)" in index
    assert "  - EN: General Secretary To Lam holds talks" in index
    assert index.rstrip().endswith("1 brief(s).")
