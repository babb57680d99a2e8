"""Language check on real paragraphs: confusion table, accept/skip accuracy and speed.

Data (real text, nothing written by us):
- lingua-py's language test data (Leipzig news/web crawl sentences, one or more per line):
  `language-testdata/sentences/<lang>.txt` of github.com/pemistahl/lingua-py at LINGUA_COMMIT. Lines
  of at least MIN_CHARS characters are paragraph-sized; PER_LANG of them per language are taken
  with a fixed seed. Rebuild: `fetch` the repo (its mirror lands in /work/.mirror/...), then run
  this script with --mirror pointing at the git directory.
- Vietnamese news paragraphs from real articles: this repository's samples/ (lines of at least
  MIN_CHARS characters) and VMDS (github.com/lupanh/VietnameseMDS, 628 Baomoi articles of
  2012-13; `bench/digest_data.py` rebuilds /work/data/11/vmds_articles.jsonl from its mirror):
  VMDS_PER_RUN articles picked with the seed, each giving its opening sentences up to the first
  full stop after MIN_CHARS characters.
- "vi-nodiac": the same Vietnamese paragraphs with every diacritic stripped (how some forums and
  SMS-style scrapes arrive); they must be SKIPPED, not briefed.

The checked text is a paragraph, much shorter than a whole article (what the pipeline checks), so
these numbers are a floor. The diacritic threshold (0.2) is the old check's, not tuned here; the
library (py3langid) was chosen by `--compare` on this same data, so the table is dev for that
choice.

    .venv/bin/python bench/language_eval.py [--mirror DIR] [--per-lang 40] [--compare]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.language import (  # noqa: E402
    LANGUAGE_NAMES,
    NO_DIACRITICS,
    VIETNAMESE,
    identify,
)
from pipeline.unicode_forms import strip_diacritics  # noqa: E402

LINGUA_REPO = "pemistahl/lingua-py"
LINGUA_COMMIT = "754ce21122c083a7200763015fdaf7cda8d85453"
DEFAULT_MIRROR = Path("/work/.mirror/pemistahl+lingua-py/repo")
LANGS = ("vi", "en", "fr", "es", "pt", "id", "ms", "tl", "de", "it")
MIN_CHARS = 120
VMDS = Path("/work/data/11/vmds_articles.jsonl")
VMDS_PER_RUN = 150


def lingua_paragraphs(mirror: Path, lang: str, per_lang: int, seed: int) -> list[tuple[str, str]]:
    path = f"language-testdata/sentences/{lang}.txt"
    blob = subprocess.run(
        ["git", "--git-dir", str(mirror), "show", f"{LINGUA_COMMIT}:{path}"],
        check=True,
        capture_output=True,
    ).stdout.decode("utf-8")
    lines = [(f"{LINGUA_REPO}@{LINGUA_COMMIT[:10]}:{path}:{n}", line.strip())
             for n, line in enumerate(blob.splitlines(), 1) if len(line.strip()) >= MIN_CHARS]
    return random.Random(f"{seed}-{lang}").sample(lines, min(per_lang, len(lines)))


def repo_vi_paragraphs() -> list[tuple[str, str]]:
    out = []
    for path in sorted((ROOT / "samples").glob("*.txt")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if len(line.strip()) >= MIN_CHARS:
                out.append((f"{path.relative_to(ROOT)}:{n}", line.strip()))
    return out


def vmds_paragraphs(path: Path, count: int, seed: int) -> list[tuple[str, str]]:
    """Opening sentences of VMDS articles (one line per article there, no paragraph breaks)."""
    if not path.exists():
        print(f"({path} missing: run bench/digest_data.py; VMDS paragraphs left out)")
        return []
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    docs = [d for d in docs if len(d.get("body", "")) >= 2 * MIN_CHARS]
    out = []
    for doc in random.Random(f"{seed}-vmds").sample(docs, min(count, len(docs))):
        body = doc["body"]
        stop = body.find(". ", MIN_CHARS)
        out.append((f"lupanh/VietnameseMDS:{doc['cluster']}/{doc['doc_id']}.body.txt",
                    body[: stop + 1] if stop > 0 else body))
    return out


def build(mirror: Path, per_lang: int, seed: int) -> list[tuple[str, str, str]]:
    """(true label, source, text) for every paragraph in the evaluation."""
    items = []
    for lang in LANGS:
        paragraphs = lingua_paragraphs(mirror, lang, per_lang, seed)
        items += [(lang, src, text) for src, text in paragraphs]
    vi_real = repo_vi_paragraphs() + vmds_paragraphs(VMDS, VMDS_PER_RUN, seed)
    items += [("vi", src, text) for src, text in vi_real]
    vi_all = [(s, t) for lang, s, t in items if lang == "vi"]
    items += [(NO_DIACRITICS, f"{s} (diacritics stripped)", strip_diacritics(t)) for s, t in vi_all]
    return items


def confusion(items, predict) -> tuple[dict[str, Counter], float]:
    table: dict[str, Counter] = defaultdict(Counter)
    predict("warm up: the model loads on first use")
    start = time.perf_counter()
    for truth, _, text in items:
        table[truth][predict(text)] += 1
    return table, time.perf_counter() - start


def print_table(title: str, table: dict[str, Counter], seconds: float, n: int) -> None:
    columns = sorted({c for row in table.values() for c in row}, key=lambda c: (c != VIETNAMESE, c))
    print(f"\n## {title}  ({n} paragraphs, {1000 * seconds / n:.2f} ms each)\n")
    print("| true \\ detected | " + " | ".join(columns) + " | accepted as vi |")
    print("|---" * (len(columns) + 2) + "|")
    for truth in [VIETNAMESE, *sorted(t for t in table if t != VIETNAMESE)]:
        row = table[truth]
        cells = " | ".join(str(row.get(c, "")) for c in columns)
        print(f"| {truth} | {cells} | {row.get(VIETNAMESE, 0)}/{sum(row.values())} |")
    vi = table[VIETNAMESE]
    others = [r for t, r in table.items() if t != VIETNAMESE]
    wrongly_briefed = sum(r.get(VIETNAMESE, 0) for r in others)
    wrongly_skipped = sum(vi.values()) - vi.get(VIETNAMESE, 0)
    total_other = sum(sum(r.values()) for r in others)
    print(
        f"\nVietnamese accepted: {vi.get(VIETNAMESE, 0)}/{sum(vi.values())} "
        f"(wrongly skipped {wrongly_skipped}); non-Vietnamese briefed: "
        f"{wrongly_briefed}/{total_other}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirror", type=Path, default=DEFAULT_MIRROR, help="lingua-py git dir")
    parser.add_argument("--per-lang", type=int, default=40)
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--compare", action="store_true", help="also score other libraries")
    parser.add_argument("--manifest", type=Path, help="write the source of every paragraph here")
    args = parser.parse_args()
    items = build(args.mirror, args.per_lang, args.seed)
    counts = Counter(t for t, _, _ in items)
    print(f"{len(items)} paragraphs in {len(counts)} classes: " + ", ".join(
        f"{LANGUAGE_NAMES.get(k, k)} {v}" for k, v in sorted(counts.items())))
    if args.manifest:
        args.manifest.write_text(
            "".join(f"{t}\t{s}\n" for t, s, _ in items), encoding="utf-8"
        )

    table, secs = confusion(items, lambda text: identify(text).code)
    print_table("pipeline.language.identify (py3langid + diacritic rule)", table, secs, len(items))

    if args.compare:
        compare(items)
    return 0


def compare(items) -> None:
    """Other offline libraries on the same paragraphs (raw labels, no diacritic rule)."""
    try:
        from lingua import LanguageDetectorBuilder

        detector = LanguageDetectorBuilder.from_all_languages().build()
        detector.detect_language_of("warm up")

        def lingua_label(text: str) -> str:
            lang = detector.detect_language_of(text)
            return lang.iso_code_639_1.name.lower() if lang else "und"

        table, secs = confusion(items, lingua_label)
        print_table("lingua-language-detector (all languages, high accuracy)", table, secs,
                    len(items))
    except ImportError:
        print("\n(lingua-language-detector not installed)")
    try:
        from langdetect import DetectorFactory, detect

        DetectorFactory.seed = 0
        table, secs = confusion(items, detect)
        print_table("langdetect", table, secs, len(items))
    except ImportError:
        print("\n(langdetect not installed)")
    import py3langid

    table, secs = confusion(items, lambda text: py3langid.classify(text)[0])
    print_table("py3langid alone (no diacritic rule)", table, secs, len(items))


if __name__ == "__main__":
    sys.exit(main())
