"""Compare the learned caption signal's training recipes on the same rows and folds.

Why: the trainer (``bench/train_caption_model.py``) picks one setting; this shows whether a
recipe change itself generalises, apart from the grid's noise. Recipes: ``old`` = one model for
all candidate lines, every row weighted alike (the recipe up to issue-cap); ``new`` = rows
weighted 1/sqrt(rows of their outlet), and lines with no end punctuation scored by their own
model trained on them alone (C=1.0). Two measures, both on pages no model being judged saw:

1. held-out-outlet CV over the 2025 crawl's training pages (GroupKFold by outlet, 5 folds;
   each recipe's own CV thresholds), thresholds by the trainer's CV rule (precision >= 0.92,
   <= 0.1% body and <= 0.3% subheading loss added), whole cleaner (rules, then rules + model);
2. era transfer: trained on the 2025 crawl alone, thresholds by the CV rule on 2025, judged on
   the 2014 crawl's table-captioned JSON records (another layout, another decade's outlets;
   ``bench/caption_pages_2014.py``: no labelled page, no copy of one, no held-out outlet).

Usage: ``python bench/caption_model_recipes.py`` (deterministic, ~3 min on 2 cores).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from sklearn.metrics import average_precision_score
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_caption_model as T  # noqa: E402

C_GRID = (0.03, 0.1, 0.3)
C_OPEN = 1.0  # what the trainer picks (bench/results/caption_model_train.txt)
MIN_OUTLETS = 3


def _probabilities(feats, labels, groups, folds, is_open, c, recipe, weight) -> dict:
    if recipe == "new":
        return T.fold_probabilities(
            feats, labels, groups, folds, is_open, c, MIN_OUTLETS, C_OPEN, weight
        )
    prob: dict[int, float] = {}
    for train, test in folds:
        w = T.fit(feats, labels, groups, train, c, MIN_OUTLETS)
        prob.update(zip(test.tolist(), T.score(w, feats, test).tolist(), strict=True))
    return prob


def _line(name: str, cnt) -> str:
    return (
        f"{name:6} captions {T._rate(cnt, 'caption', 'rules'):.3f}->"
        f"{T._rate(cnt, 'caption', 'both'):.3f}"
        f"  body lost {T._rate(cnt, 'body', 'rules'):.4f}->{T._rate(cnt, 'body', 'both'):.4f}"
        f"  subheadings lost {T._rate(cnt, 'subheading', 'rules'):.4f}->"
        f"{T._rate(cnt, 'subheading', 'both'):.4f}"
    )


def main() -> int:
    pages, feats, labels, groups, ends = T.collect(with_2014=True)
    y = np.array(labels)
    is_open = np.array([e == "open" for e in ends])
    old_era = np.array([g.startswith(T.ERA_2014) for g in groups])
    weight = T.outlet_weights(groups)
    eras = {
        "2025": [p for p in pages if not p.outlet.startswith(T.ERA_2014)],
        "2014": [p for p in pages if p.outlet.startswith(T.ERA_2014)],
    }
    new_idx, old_idx = np.flatnonzero(~old_era), np.flatnonzero(old_era)
    sub = [groups[k] for k in new_idx]
    folds25 = [
        (new_idx[a], new_idx[b]) for a, b in GroupKFold(T.FOLDS).split(new_idx, y[new_idx], sub)
    ]
    print(f"1. held-out-outlet CV on the 2025 crawl, {len(eras['2025'])} pages")
    for c in C_GRID:
        for recipe in ("old", "new"):
            prob = _probabilities(feats, labels, groups, folds25, is_open, c, recipe, weight)
            th = T.choose_threshold(eras["2025"], prob, labels, ends)
            ap = average_precision_score(y[new_idx], [prob[k] for k in new_idx])
            print(f"C={c} {recipe}: thresholds {T._th(th)}, row average precision {ap:.3f}")
            print("   ", _line("2025", T.counts(eras["2025"], prob, th, ends)))
    print(f"\n2. era transfer to the 2014 pages ({len(eras['2014'])}), trained on the 2025 crawl")
    for c in C_GRID:
        for recipe in ("old", "new"):
            prob = _probabilities(feats, labels, groups, folds25, is_open, c, recipe, weight)
            th = T.choose_threshold(eras["2025"], prob, labels, ends)
            full = _probabilities(
                feats, labels, groups, [(new_idx, old_idx)], is_open, c, recipe, weight
            )
            ap = average_precision_score(y[old_idx], [full[k] for k in old_idx])
            chosen = [k for k, p in full.items() if p >= th[ends[k]]]
            prec = sum(labels[k] for k in chosen) / len(chosen) if chosen else 1.0
            print(
                f"C={c} {recipe}: 2025 thresholds {T._th(th)}, 2014 row average precision"
                f" {ap:.3f}, model precision {prec:.3f} ({len(chosen)} lines)"
            )
            print("   ", _line("2014", T.counts(eras["2014"], full, th, ends)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
