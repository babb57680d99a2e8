"""Can captions be told from plain text at all? A blind reader's judgements against the labels.

Why: uncredited photo captions are most of the boilerplate the cleaner leaves on unseen sources,
and richer text-only models do not find more of them (``bench/caption_model_classes.py``). If a
reader given only the plain text could not find them either, the target would need the page's
markup; if a reader can, what the cleaner lacks is language understanding.

Data: 24 seen hand-labelled pages with at least one caption (splits test9-test12, test14,
test15; at most 2 per outlet, 19 outlets; seeded draw). A reader (a language-model helper of
stop 13) got only the pages' plain text under neutral names, with the instruction to use
nothing else (no labels, no search, no program), and marked every non-empty line caption or
other: ``bench/data/caption_blind_reader/answers.tsv``. The labels were made by other
labellers, who built the pages from their sources' HTML.

Usage: ``python bench/caption_blind_reader.py`` (needs bench/clean_real_build.py's pages).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import clean_real_eval as real_eval  # noqa: E402

from pipeline.clean import clean_text  # noqa: E402

ANSWERS = Path(__file__).resolve().parent / "data" / "caption_blind_reader" / "answers.tsv"


def main() -> int:
    marked: dict[str, set[int]] = defaultdict(set)
    for row in ANSWERS.read_text(encoding="utf-8").splitlines():
        if row.startswith("#") or not row.strip():
            continue
        page, line, judgement, *_ = row.split("\t")
        marked.setdefault(page, set())
        if judgement == "caption":
            marked[page].add(int(line))
    counts: dict[str, int] = defaultdict(int)
    for page, caps in sorted(marked.items()):
        labels = real_eval.load_labels(real_eval.CASES / "labels" / f"{page}.tsv")
        text = (real_eval.DEFAULT_DATA / f"{page}.txt").read_text(encoding="utf-8")
        removed = {r.line for r in clean_text(text).removed}
        for n, (label, family) in labels.items():
            caption = label == "boilerplate" and family == "caption"
            counts["captions"] += caption
            counts["body"] += label == "body"
            counts["reader found"] += caption and n in caps
            counts["reader marked body"] += label == "body" and n in caps
            counts["reader marked other boilerplate"] += (
                label == "boilerplate" and not caption and n in caps
            )
            counts["cleaner removed"] += caption and n in removed
            counts["cleaner removed body"] += label == "body" and n in removed
            counts["found by the reader, left by the cleaner"] += (
                caption and n in caps and n not in removed
            )
    print(f"{len(marked)} pages: {counts['captions']} labelled captions,"
          f" {counts['body']} body lines")
    print(f"{'':42} {'captions':>8} {'body lines marked':>18}")
    print(f"{'blind reader (plain text only)':42} {counts['reader found']:8}"
          f" {counts['reader marked body']:18}")
    print(f"{'cleaner (these pages are seen: dev)':42} {counts['cleaner removed']:8}"
          f" {counts['cleaner removed body']:18}")
    other = counts["reader marked other boilerplate"]
    print(f"other boilerplate the reader called caption: {other}")
    print("captions the reader found and the cleaner left:"
          f" {counts['found by the reader, left by the cleaner']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
