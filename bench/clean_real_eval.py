"""Score the cleaner on REAL scraped pages (tests/clean_real), per outlet and pooled, per split.

Why: the imitation sets (tests/clean_imitations) were written and tuned by the same hands as the
rules. These pages come from public repositories (see manifest.json and
bench/clean_real_build.py), were labelled line by line before any rule was changed for them,
and are split by outlet: ``dev`` may be tuned on, ``test`` may not. Measures, as in issue 8:

- body kept: share of body lines found verbatim and in order among the paragraphs (a line
  labelled ``dateline`` may lose only its leading outlet credit; a line joined with its
  hard-wrapped continuation counts when it is contained in the joined paragraph);
- boilerplate removed: share of boilerplate lines listed in ``removed`` (pooled over pages);
- title exact, published date (pages whose text states it), outlet, author, wire.

A third split, ``late``, holds pages found after the tuning (a provincial paper): never tuned
on, but labelled after the rules changed, so reported apart from the held-out test half.
A fourth set (2025 baomoi.com pages, mostly provincial papers, and Kenh14 pages) was labelled
and committed before any rule change made after its base commit; it was then split by outlet
(sha1 of the outlet name, even → ``dev2``, odd → ``test2``) before anyone looked at its lines:
``dev2`` may be tuned on, ``test2`` was the held-out half until stop 8 and is now seen.
A fifth set (stop 9) is split the same way before labelling: ``test3`` holds outlets listed in
tests/clean_real/test3_outlets.txt (held out), ``dev3`` other formats that may be tuned on.

Usage: ``python bench/clean_real_eval.py [--split SPLIT|all] [--data DIR] [--lines]``;
``--lines`` lists every wrong line. Exit code 0 when the issue's targets hold on the split asked
for (for ``all``: on the newest held-out split, ``HELD_OUT``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.clean import clean_text
from pipeline.cleaning.text import normalize

REPO = Path(__file__).resolve().parents[1]
CASES = REPO / "tests" / "clean_real"
DEFAULT_DATA = Path("/work/data/issue-8/real")
META_KEYS = ("title", "published", "outlet", "author", "wire")
TARGET_BODY, TARGET_REMOVED = 0.97, 0.90
SPLITS = (
    "dev",
    "test",
    "late",
    "dev2",
    "test2",
    "dev3",
    "test3",
    "test4",
    "test5",
    "test6",
    "test7",
    "test8",
    "test9",
    "test10",
    "test11",
    "test12",
    "test13",
    "test14",
    "test15",
    "test16",
    "test17",
)
# the newest splits, labelled before the rule changes they measure
# test14, test15: seen since their round-4 measure
HELD_OUT = ("test5", "test13", "test16", "test17")
# Each held-out split counts as seen once its result is published and its lines examined: ``test``
# since stop 7, ``test2`` since stop 8, ``test3`` and ``test4`` during stop 9 (tuned on after
# their measures). ``test5`` (3 pages) was measured before and after stop 9's last round and at
# the end of stop 10. ``test6`` and ``test7`` (stop 10) were tuned on after their measures;
# ``test8``, ``test9`` and ``test10`` (stop 11) after round 1's measure, ``test11`` and ``test12``
# after round 2's (test11 labels committed 00:36-00:41 UTC 26 Nov 2026, test12 00:51-01:01, both
# blind; tests/clean_real/test{11,12}_selection.txt).
# Outlet rules: tests/clean_real/test{3,4,5}_outlets.txt, fixed before any page was labelled;
# test6: tests/clean_real/test6_selection.txt (a page rule, fixed before any page was read).
# test7: tests/clean_real/test7_selection.txt (likewise; it shares no page with earlier splits).
# test8: tests/clean_real/test8_selection.txt (likewise; labelled blind, never run by its labeller).
# test9: tests/clean_real/test9_selection.txt (likewise; sources no earlier split used).
# test10: tests/clean_real/test10_selection.txt (likewise; repositories no earlier split used).
# test13: tests/clean_real/test13_selection.txt (held out; labels committed 01:23-01:31 UTC 26 Nov
# 2026, blind; repositories no earlier split used or scanned).
# test14: tests/clean_real/test14_selection.txt (held out; labelled blind from repositories not
# mirrored before 02:30 UTC 26 Nov 2026, never run by its labeller).
# test15: tests/clean_real/test15_selection.txt (held out; labelled blind from repositories neither
# mirrored before 02:30 UTC 26 Nov 2026 nor fetched by test14's labeller; never run by its
# labeller).


def load_labels(path: Path) -> dict[int, tuple[str, str]]:
    """line number -> (label, family); '#' lines are comments."""
    labels: dict[int, tuple[str, str]] = {}
    for row in path.read_text(encoding="utf-8").splitlines():
        if not row.strip() or row.startswith("#"):
            continue
        cols = row.split("\t")
        labels[int(cols[0])] = (cols[1], cols[2] if len(cols) > 2 else "")
    return labels


@dataclass
class PageScore:
    page: str
    outlet: str
    split: str
    kind: str = ""
    body: int = 0
    body_kept: int = 0
    boiler: int = 0
    boiler_removed: int = 0
    missing_body: list[int] = field(default_factory=list)
    kept_boiler: list[tuple[int, str]] = field(default_factory=list)
    meta: dict[str, tuple[object, object]] = field(default_factory=dict)  # key -> (got, want)


def _found(want: str, para: str, family: str) -> bool:
    if para == want or (len(want) >= 20 and want in para):
        return True
    return family == "dateline" and want.endswith(para) and len(para) >= len(want) // 2


def score_page(
    page: str, item: dict, text: str, labels: dict, want: dict, marks: frozenset[str] = frozenset()
) -> PageScore:
    a = clean_text(text, marks)
    s = PageScore(page, item["outlet"], item["split"], item["kind"])
    raw = text.split("\n")
    removed = {r.line for r in a.removed}
    paragraphs = list(a.paragraphs)
    cursor = 0
    for n in sorted(labels):
        label, family = labels[n]
        if label == "boilerplate":
            s.boiler += 1
            if n in removed:
                s.boiler_removed += 1
            else:
                s.kept_boiler.append((n, family))
        elif label == "body":
            s.body += 1
            target = normalize(raw[n - 1])
            for j in range(cursor, len(paragraphs)):
                if _found(target, paragraphs[j], family):
                    s.body_kept += 1
                    cursor = j if target in paragraphs[j] and target != paragraphs[j] else j + 1
                    break
            else:
                s.missing_body.append(n)
    for key in META_KEYS:
        got, expect = getattr(a, key, None), want.get(key)
        if isinstance(expect, str):
            expect = normalize(expect)  # labelled as printed; the cleaner's output is NFC
        if got != expect:
            s.meta[key] = (got, expect)
    return s


def evaluate(data: Path, split: str = "all", marks: bool = False) -> list[PageScore]:
    """Every page of the split scored; with ``marks``, pages built from HTML are cleaned with
    the captions their markup marks (``<id>.marks.json``, as ``vnbrief clean page.html``
    does)."""
    items = json.loads((CASES / "manifest.json").read_text(encoding="utf-8"))
    expected = json.loads((CASES / "expected.json").read_text(encoding="utf-8"))
    scores = []
    for item in items:
        if split != "all" and item["split"] != split:
            continue
        page = item["id"]
        index_only = item["kind"] in ("index-json-html", "index-js-text")
        if index_only and not (data / f"{page}.txt").exists():
            print(f"skip {page}: not built (its read_file cache is absent)", file=sys.stderr)
            continue
        text = (data / f"{page}.txt").read_text(encoding="utf-8")
        labels = load_labels(CASES / "labels" / f"{page}.tsv")
        marked: frozenset[str] = frozenset()
        if marks and (data / f"{page}.marks.json").exists():
            marked = frozenset(json.loads((data / f"{page}.marks.json").read_text("utf-8")))
        scores.append(score_page(page, item, text, labels, expected[page], marked))
    return scores


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  -  "


def summary(scores: list[PageScore], expected: dict) -> dict:
    body = sum(s.body for s in scores)
    kept = sum(s.body_kept for s in scores)
    boiler = sum(s.boiler for s in scores)
    removed = sum(s.boiler_removed for s in scores)
    dated = [s for s in scores if expected[s.page].get("published")]
    return {
        "pages": len(scores),
        "body_kept": kept / body if body else 1.0,
        "boiler_removed": removed / boiler if boiler else 1.0,
        "title_ok": sum("title" not in s.meta for s in scores),
        "date_ok": sum("published" not in s.meta for s in dated),
        "dated": len(dated),
        "date_invented": sum(
            1 for s in scores if not expected[s.page].get("published") and "published" in s.meta
        ),
    }


def print_table(name: str, scores: list[PageScore], expected: dict, lines: bool) -> dict:
    by_outlet: dict[str, list[PageScore]] = defaultdict(list)
    for s in scores:
        by_outlet[s.outlet].append(s)
    print(f"== {name}: {len(scores)} pages, {len(by_outlet)} outlets")
    head = (
        f"{'outlet':26} {'pages':>5} {'body kept':>10} {'boiler rm':>10} {'title':>6} {'date':>6}"
    )
    print(head + "  other metadata misses")
    for outlet, group in sorted(by_outlet.items()):
        m = summary(group, expected)
        others = sorted({k for s in group for k in s.meta if k not in ("title", "published")})
        body = f"{_ratio(sum(s.body_kept for s in group), sum(s.body for s in group)):>10}"
        boiler = f"{_ratio(sum(s.boiler_removed for s in group), sum(s.boiler for s in group)):>10}"
        print(
            f"{outlet:26} {m['pages']:5} {body} {boiler} {m['title_ok']:>3}/{m['pages']:<2}"
            f" {m['date_ok']:>3}/{m['dated']:<2}  {','.join(others)}"
        )
    m = summary(scores, expected)
    print(
        f"{'POOLED':26} {m['pages']:5} {m['body_kept']:10.3f} {m['boiler_removed']:10.3f}"
        f" {m['title_ok']:>3}/{m['pages']:<2} {m['date_ok']:>3}/{m['dated']:<2}"
        f"  dates invented where none stated: {m['date_invented']}"
    )
    kinds = {s.kind for s in scores}
    for kind in sorted(kinds) if len(kinds) > 1 else ():
        k = summary([s for s in scores if s.kind == kind], expected)
        print(
            f"{'  source ' + kind:26} {k['pages']:5} {k['body_kept']:10.3f}"
            f" {k['boiler_removed']:10.3f} {k['title_ok']:>3}/{k['pages']:<2}"
            f" {k['date_ok']:>3}/{k['dated']:<2}"
        )
    fam_total: dict[str, int] = defaultdict(int)
    fam_kept: dict[str, int] = defaultdict(int)
    for s in scores:
        for _, fam in s.kept_boiler:
            fam_kept[fam] += 1
    for s in scores:
        labels = load_labels(CASES / "labels" / f"{s.page}.tsv")
        for label, fam in labels.values():
            if label == "boilerplate":
                fam_total[fam] += 1
    fams = ", ".join(f"{f} {fam_total[f] - fam_kept[f]}/{fam_total[f]}" for f in sorted(fam_total))
    print(f"{'removed by family':26} {fams}")
    if lines:
        for s in scores:
            for n in s.missing_body:
                print(f"  {s.page}: body line {n} lost")
            for n, fam in s.kept_boiler:
                print(f"  {s.page}: boilerplate line {n} ({fam}) kept")
            for k, (got, want) in s.meta.items():
                print(f"  {s.page}: {k} got {got!r} want {want!r}")
    return m


def meets_targets(m: dict) -> bool:
    """Issue 8's table: body kept, boilerplate removed, every title, every stated date."""
    return (
        m["body_kept"] >= TARGET_BODY
        and m["boiler_removed"] >= TARGET_REMOVED
        and m["title_ok"] == m["pages"]
        and m["date_ok"] == m["dated"]
    )


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    p.add_argument("--data", type=Path, default=DEFAULT_DATA)
    p.add_argument("--lines", action="store_true")
    p.add_argument(
        "--marks",
        action="store_true",
        help="clean pages built from HTML with the captions their markup marks (HTML input)",
    )
    args = p.parse_args(sys.argv[1:] if argv is None else argv)
    if not args.data.exists():
        print(f"{args.data} missing: run bench/clean_real_build.py first", file=sys.stderr)
        return 2
    expected = json.loads((CASES / "expected.json").read_text(encoding="utf-8"))
    ok = True
    splits = SPLITS if args.split == "all" else (args.split,)
    checked = HELD_OUT if args.split == "all" else (args.split,)
    for split in splits:
        m = print_table(split, evaluate(args.data, split, args.marks), expected, args.lines)
        if split in checked:
            ok = ok and meets_targets(m)
        print()
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
