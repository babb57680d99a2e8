"""Score the cleaner on a directory of labelled cases (<name>.txt + <name>.tsv + expected.json).

Why: tests/clean_imitations/{first,second} are hand-written imitations of scraped pages; the rules
were tuned on both, so these are dev numbers, never held-out ones (tests/clean_real and
bench/clean_real_eval.py hold the real-page measurement). Prints per case the
removal precision/recall, whether every body line survives exactly and in order (a body line
labelled ``dateline`` may lose only a leading dateline), and whether title/outlet/author/published
match expected.json. Usage: ``python bench/clean_imitations_eval.py [cases_dir ...]``
(default: both imitation sets).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from clean_eval import load_labels  # bench/ is on sys.path when run as a script

from pipeline.clean import clean_text
from pipeline.cleaning.text import normalize

REPO = Path(__file__).resolve().parents[1]
META_KEYS = ("title", "outlet", "author", "published")


def body_problems(text: str, labels: dict[int, tuple[str, str]], paragraphs: list[str]) -> list:
    """Body lines not reproduced exactly and in order, then paragraphs no body line asked for."""
    raw = text.split("\n")
    problems: list = []
    used: set[int] = set()
    cursor = 0
    for n in sorted(labels):
        label, reason = labels[n]
        if label != "body":
            continue
        want = normalize(raw[n - 1])
        for j in range(cursor, len(paragraphs)):
            para = paragraphs[j]
            if para == want or (reason == "dateline" and para != want and want.endswith(para)):
                used.add(j)
                cursor = j + 1
                break
        else:
            problems.append((n, "missing"))
    problems.extend(("extra", p) for j, p in enumerate(paragraphs) if j not in used)
    return problems


def evaluate(cases: Path) -> list[dict]:
    meta = json.loads((cases / "expected.json").read_text(encoding="utf-8"))
    rows = []
    for tsv in sorted(cases.glob("*.tsv")):
        text = (cases / f"{tsv.stem}.txt").read_text(encoding="utf-8")
        labels = load_labels(tsv.read_text(encoding="utf-8"))
        a = clean_text(text)
        removed = {r.line for r in a.removed}
        pos = {n for n, (label, _) in labels.items() if label == "boilerplate"}
        tp, fp, fn = len(removed & pos), len(removed - pos), len(pos - removed)
        got = {k: getattr(a, k) for k in META_KEYS}
        want = meta.get(tsv.stem, {})
        rows.append(
            {
                "name": tsv.stem,
                "precision": tp / (tp + fp) if tp + fp else 1.0,
                "recall": tp / (tp + fn) if tp + fn else 1.0,
                "fp": sorted(removed - pos),
                "fn": sorted(pos - removed),
                "body": body_problems(text, labels, list(a.paragraphs)),
                "meta": {k: (got[k], want.get(k)) for k in META_KEYS if got[k] != want.get(k)},
            }
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    dirs = [Path(a) for a in args] or sorted((REPO / "tests" / "clean_imitations").iterdir())
    ok = True
    for d in dirs:
        rows = evaluate(d)
        print(f"== {d}")
        print(f"{'case':14} {'precision':>9} {'recall':>7}  body-ok  meta-ok")
        for r in rows:
            body_ok, meta_ok = not r["body"], not r["meta"]
            ok = ok and body_ok and meta_ok and r["precision"] == r["recall"] == 1.0
            print(
                f"{r['name']:14} {r['precision']:9.3f} {r['recall']:7.3f}  "
                f"{'yes' if body_ok else 'NO':7}  {'yes' if meta_ok else 'NO'}"
            )
            if r["fp"] or r["fn"]:
                print(f"{'':14} false+ {r['fp']}  false- {r['fn']}")
            for n, para in r["body"]:
                print(f"{'':14} body {n}: got {para!r}")
            for k, (got, want) in r["meta"].items():
                print(f"{'':14} {k}: got {got!r} want {want!r}")
        if rows:
            p = sum(r["precision"] for r in rows) / len(rows)
            rc = sum(r["recall"] for r in rows) / len(rows)
            print(f"{'MEAN':14} {p:9.3f} {rc:7.3f}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
