"""Story grouping at the default thresholds on a second, independent labelled set (no tuning).

69 real RSS items (Tuổi Trẻ, Thanh Niên, VnExpress; title + lead, no body) of one afternoon,
labelled in bench/digest_labels/rss_2026-08-20.tsv. Text is read from a mirror of
mnngoisaoxanh/tintuchangngay (`fetch` it first); nothing of it is committed.

    .venv/bin/python bench/digest_rss_check.py [MIRROR_GIT_DIR]
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the project, not bench/models.py, provides `models`

from digest_eval import count_related, count_same, prf  # noqa: E402

from pipeline.digest import DigestItem, group  # noqa: E402

COMMIT = "7abff6db61b6ad73162aad1600a7940bfb98f035"
PATH = "data/news/2026-08-20.json"
LABELS = Path(__file__).with_name("digest_labels") / "rss_2026-08-20.tsv"
DEFAULT_MIRROR = Path("/work/.mirror/mnngoisaoxanh+tintuchangngay/repo")


def main() -> None:
    mirror = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_MIRROR
    raw = subprocess.run(
        ["git", f"--git-dir={mirror}", "show", f"{COMMIT}:{PATH}"], check=True, capture_output=True
    ).stdout
    first: dict[str, dict] = {}
    for art in json.loads(raw):
        first.setdefault(art["id"], art)
    rows = [line.split("\t") for line in LABELS.read_text(encoding="utf-8").splitlines()]
    labels = [r for r in rows if r and not r[0].startswith("#")]
    items, gold = [], []
    for art_id, event, topic, source in labels:
        art = first[art_id]
        items.append(
            DigestItem(
                slug=art_id,
                title_vi=art["title"],
                summary_vi=art["summary"],
                outlet=source.split(" - ")[0],
                published=art["published"],
            )
        )
        gold.append({"event": event, "topic": topic})
    grouping = group(items)
    print(f"{len(items)} items, {len({g['event'] for g in gold})} events; defaults, no tuning\n")
    print("| relation | precision | recall | F1 | gold pairs | predicted pairs |")
    print("|---|---|---|---|---|---|")
    for name, counts in (
        ("same story", count_same(grouping.labels, gold)),
        ("related", count_related(grouping.labels, grouping.related, gold)),
    ):
        p, r, f = prf(*counts)
        predicted = counts[0] + counts[1]
        shown = f"{p:.3f}" if predicted else "n/a"  # no predicted pair: precision undefined
        print(f"| {name} | {shown} | {r:.3f} | {f:.3f} | {counts[0] + counts[2]} | {predicted} |")


if __name__ == "__main__":
    main()
