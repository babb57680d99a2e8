"""Do the related-story signals hold without their phrase lists? Unknown headings and markers.

Why: issue 8 asks that other stories' titles and leads be found "without a phrase list":
related boxes under a heading no list holds, inline links with no marker. The labelled pages
have few such boxes, but many boxes the phrase rules find. This script takes every seen page
(``SEEN``; never a held-out split), and in every related block the phrase lists found it
hides the phrase: a heading line ("Tin liên quan", "Xem thêm tin bài liên quan ...:") is
dropped, a marker glued to a headline ("...ĐỌC NGAY", "Nóng: ...", "Xem thêm: ...") is cut
off, leaving the bare headline (real text only: nothing is written, lines are only dropped or
cut). The cleaner then runs on that variant, and the related lines left are counted: how many
the shape and topic signals still remove, and how many body lines the variant loses.

Usage: ``python bench/clean_related_ablation.py [--split S ...] [--lines]``; needs the pages
built by ``bench/clean_real_build.py``. Numbers are on seen pages (dev-kind), and say how far
the signals reach beyond their phrase lists, not how the cleaner does on unseen outlets.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent))  # never ahead of the models package
from clean_real_eval import CASES, DEFAULT_DATA, load_labels  # noqa: E402

from pipeline.clean import clean_text  # noqa: E402
from pipeline.cleaning.rules import strip_trailing_label  # noqa: E402
from pipeline.cleaning.text import normalize, words  # noqa: E402

SEEN = ("dev", "test", "late", "dev2", "test2", "dev3", "test3", "test4")
PHRASE_REASONS = frozenset({"related-heading", "read-more", "outlet-logo"})
# a marker before the headline: "Nóng: ...", "Xem thêm: ...", ">> ...", "Đọc thêm >> ..."
_LEAD_MARKER_RE = re.compile(r"^(?:[^:>»]{2,24}:\s+|(?:[^:>»]{0,24})(?:>>+|»+|›|▶|►|→)\s*)(?=\S)")


def unmarked(text: str) -> str | None:
    """The bare headline of a marked link line, None when nothing but the marker is left."""
    bare = strip_trailing_label(text)
    if bare == text:
        m = _LEAD_MARKER_RE.match(text)
        bare = text[m.end() :] if m else ""
    return bare if len(words(bare)) >= 4 else None


def variant(text: str, labels: dict, removed: dict[int, str]) -> list[tuple[int, str]]:
    """(original line number, text) of the page with the phrase evidence of related lines gone."""
    out = []
    for no, line in enumerate(text.split("\n"), 1):
        fam = labels.get(no, ("", ""))[1]
        if fam == "related" and removed.get(no) in PHRASE_REASONS:
            bare = unmarked(normalize(line))
            if bare is None:
                continue  # a heading alone: the block has no heading now
            line = bare
        out.append((no, line))
    return out


def measure(splits: tuple[str, ...] | list[str], show: bool = False) -> dict[str, dict]:
    """Per split: related lines left on the page (``related``), removed as is (``as_is``), by a
    phrase rule as is (``phrase``), removed with the phrases hidden (``hidden``), body lines
    lost as is (``lost``) and with the phrases hidden (``lost_hidden``)."""
    items = json.loads((CASES / "manifest.json").read_text(encoding="utf-8"))
    out = {}
    for split in splits:
        if split not in SEEN:
            raise ValueError(f"only seen splits: {', '.join(SEEN)}")
        t = dict.fromkeys(("related", "as_is", "phrase", "hidden", "lost", "lost_hidden"), 0)
        for item in items:
            f = DEFAULT_DATA / f"{item['id']}.txt"
            if item["split"] != split or not f.exists():
                continue
            text = f.read_text(encoding="utf-8")
            labels = load_labels(CASES / "labels" / f"{item['id']}.tsv")
            removed = {r.line: r.reason for r in clean_text(text).removed}
            var = variant(text, labels, removed)
            got = clean_text("\n".join(line for _, line in var) + "\n").removed
            var_removed = {var[r.line - 1][0]: r.reason for r in got}
            kept_nos = dict(var)
            for no, (label, fam) in labels.items():
                if label == "body":
                    t["lost"] += no in removed
                    t["lost_hidden"] += no in var_removed
                if fam != "related" or no not in kept_nos:
                    continue  # a dropped heading is no longer on the page
                t["related"] += 1
                t["as_is"] += no in removed
                t["phrase"] += removed.get(no) in PHRASE_REASONS
                t["hidden"] += no in var_removed
                if show and no not in var_removed:
                    print(f"  {item['id']}: line {no} kept, phrase hidden: {kept_nos[no][:100]}")
        out[split] = t
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--split", nargs="*", default=list(SEEN), choices=SEEN)
    p.add_argument("--lines", action="store_true", help="list the related lines left")
    args = p.parse_args(argv)
    totals = measure(args.split, args.lines)
    print("related lines of the seen splits (dev-kind): removed as is, of them by a phrase rule,")
    print("and removed once every phrase is hidden; body lines lost as is and hidden")
    cols = ("related", "as_is", "phrase", "hidden", "lost", "lost_hidden")
    print(f"{'split':6s} " + " ".join(f"{c:>11s}" for c in cols))
    for split, t in totals.items():
        print(f"{split:6s} " + " ".join(f"{t[c]:11d}" for c in cols))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
