"""What the cleaner removes, and what short lines it keeps, on UNLABELLED real pages.

Why: every new labelled source brought page furniture the rules had not met. Running the
cleaner over many unlabelled pages of other outlets and crawls shows which chrome stays in the
body before anyone labels it. Sources (all ``fetch`` mirrors, never committed):

- ``baomoi25``: the 2025 baomoi.com crawl (daibangsamac/BaomoiCrawler @2f6a408) pages not in
  tests/clean_real/manifest.json, at most ``--per-outlet`` per publisher (sha1 order);
- ``vnn-csv``: tex-corver/vietnamnet-crawler data.csv rows not in the manifest;
- ``thephann`` (only with ``--thephann``): thephann/crawl-vietnamnet JSON-lines outputs
  (VietNamNet, VnExpress 2020: title, description, content with its line breaks). The held-out
  split test9, built in parallel, draws 12 rows from this crawl: those rows are never read
  here (none was among the 60 sampled rows), but the crawl is no longer a source nobody tuned
  on for test9, so it is off by default.

The 2014 crawl (@7b371be) is never read: held-out splits are drawn from it. Prints the removed
lines by reason and the kept short lines (no sentence end, < 12 words) per source, and on the
baomoi pages the body lines (by their HTML role) the cleaner removed: dev-kind numbers,
nothing here is held out. ``--dump FILE`` writes every kept short line for reading.

``--forms`` also cleans the VietNamNet/VnExpress pages as Markdown and hard-wrapped text.

Usage: ``python bench/clean_unlabelled.py [--per-outlet N] [--rows N] [--dump FILE] [--forms]
[--thephann]``.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent))  # never ahead of the models package
import clean_auto_captions as auto  # noqa: E402
import clean_real_build as build  # noqa: E402

from pipeline.clean import clean_text  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
MANIFEST = REPO / "tests" / "clean_real" / "manifest.json"
VNN = ("tex-corver/vietnamnet-crawler", "08966fb7c3299804b951657f979edeab791b428a", "data.csv")
THEPHANN = "thephann/crawl-vietnamnet"
THEPHANN_DIRS = (
    "vietnamnet/vietnamnet1/output/vietnamnet",
    "vietnamnet/vietnamnet1/output/vnexpress",
)


def _sha(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _crawl_sample(per_outlet: int) -> list[tuple[str, str]]:
    """(publisher, raw record) of the 2025 baomoi crawl, ``per_outlet`` per publisher, in a
    fixed order (sha1 of the record)."""
    seen: Counter[str] = Counter()
    out = []
    crawl = sorted(auto.crawl_pages(lambda _p: True), key=lambda x: _sha(x[1]))
    for publisher, _path, raw in crawl:
        if seen[publisher] < per_outlet:
            seen[publisher] += 1
            out.append((publisher, raw))
    return out


def baomoi25(per_outlet: int) -> list[tuple[str, str]]:
    """(id, text) of unlabelled 2025 baomoi pages, ``per_outlet`` per publisher."""
    return [
        (f"baomoi25:{publisher}", "\n".join(build.baomoi_page(raw.encode())) + "\n")
        for publisher, raw in _crawl_sample(per_outlet)
    ]


def baomoi25_body_losses(per_outlet: int) -> Counter[str]:
    """Reasons given to lines the saved page's HTML marks as body or subheading (``p.text``,
    ``h2``-``h4``; see bench/clean_auto_captions.py): what "when in doubt, keep" must keep."""
    lost: Counter[str] = Counter()
    for _publisher, raw in _crawl_sample(per_outlet):
        page_lines, roles = auto.line_roles(raw)
        removed = {r.line: r.reason for r in clean_text("\n".join(page_lines) + "\n").removed}
        for no, role in enumerate(roles, 1):
            lost["lines"] += role in ("body", "subheading")
            if role in ("body", "subheading") and no in removed:
                lost[removed[no]] += 1
    return lost


def vnn_rows(n: int) -> list[tuple[str, str]]:
    """(id, text) of VietNamNet crawl rows no split uses."""
    items = json.loads(MANIFEST.read_text(encoding="utf-8"))
    used = {i["index"] for i in items if i["repo"] == VNN[0]}
    raw = build._blob(*VNN)
    fields = ["time", "title", "summary", "content", "author"]
    out = []
    for k in range(400):
        if k in used:
            continue
        try:
            out.append((f"vnn-csv:{k}", "\n".join(build.csv_row(raw, k, fields)) + "\n"))
        except (IndexError, KeyError):
            break
        if len(out) >= n:
            break
    return out


def thephann_rows(n: int) -> list[tuple[str, str]]:
    """(id, text) of JSON-lines rows with content: title, description, content lines."""
    git = ["git", "--git-dir", str(build.git_dir(THEPHANN))]
    listing = subprocess.run(
        [*git, "ls-tree", "-r", "--name-only", "HEAD", "--", *THEPHANN_DIRS],
        check=True, capture_output=True, text=True,
    ).stdout.split()
    held = set()  # rows any labelled split uses (test9): never cleaned here
    for item in json.loads(MANIFEST.read_text(encoding="utf-8")):
        if item["repo"] == THEPHANN:
            blob = subprocess.run(
                [*git, "show", f"{item['commit']}:{item['path']}"], capture_output=True
            ).stdout.decode("utf-8", errors="replace")
            with contextlib.suppress(IndexError, json.JSONDecodeError, KeyError):
                held.add(json.loads(blob.split("\n")[item["index"]])["link"])
    out = []
    for d in THEPHANN_DIRS:
        rows = []
        for path in sorted(p for p in listing if p.startswith(d)):
            blob = subprocess.run([*git, "show", f"HEAD:{path}"], capture_output=True)
            if blob.returncode:
                continue  # the snapshot leaves its largest files out
            for line in blob.stdout.decode("utf-8", errors="replace").splitlines():
                try:
                    d_ = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if d_.get("content") and d_.get("title"):
                    rows.append(d_)
        uniq = {r["link"]: r for r in rows if r["link"] not in held}
        for r in sorted(uniq.values(), key=lambda r: _sha(r["link"]))[:n]:
            vals = [r["title"], r.get("description") or "", r["content"]]
            text = "\n".join(build._field_lines(vals)) + "\n"
            out.append((f"thephann:{d.rsplit('/', 1)[1]}", text))
    return out


def other_forms(pages: list[tuple[str, str]]) -> None:
    """The same pages as a user may give them: Markdown (``# Title``, blank lines between
    paragraphs) and hard-wrapped at 72 columns. Prints body words kept against the plain form
    and how many titles stay the same (the plain form's result is the reference, not a label)."""
    stats = {"markdown": [0, 0, 0], "wrapped-72": [0, 0, 0]}
    for _pid, text in pages:
        lines = [x for x in text.splitlines() if x.strip()]
        base = clean_text(text)
        forms = {
            "markdown": "# " + lines[0] + "\n\n" + "\n\n".join(lines[1:]) + "\n",
            "wrapped-72": "\n\n".join(textwrap.fill(x, 72) for x in lines) + "\n",
        }
        for name, form in forms.items():
            got = clean_text(form)
            stats[name][0] += len(" ".join(base.paragraphs).split())
            stats[name][1] += len(" ".join(got.paragraphs).split())
            stats[name][2] += got.title == base.title
    for name, (plain, form, titles) in stats.items():
        print(
            f"{name:11s} {len(pages)} pages: body words {form} (plain form {plain}), "
            f"titles as plain {titles}/{len(pages)}"
        )


def _short(line: str) -> bool:
    s = line.strip()
    return bool(s) and len(s.split()) < 12 and s[-1] not in ".!?…\"”:;)"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--per-outlet", type=int, default=2)
    p.add_argument("--rows", type=int, default=30)
    p.add_argument("--dump", type=Path)
    p.add_argument("--forms", action="store_true", help="also Markdown and hard-wrapped forms")
    p.add_argument("--thephann", action="store_true", help="also the 2020 VietNamNet crawl")
    args = p.parse_args(argv)
    sources = {
        "baomoi25": baomoi25(args.per_outlet),
        "vnn-csv": vnn_rows(args.rows),
    }
    if args.thephann:
        sources["thephann"] = thephann_rows(args.rows)
    dump = []
    print("unlabelled pages (dev-kind: no labels, nothing held out)")
    head = f"{'source':10s} {'pages':>5s} {'lines':>6s} {'removed':>7s} {'kept short':>10s}"
    print(f"{head}  top reasons")
    for name, pages in sources.items():
        reasons: Counter[str] = Counter()
        lines = kept_short = 0
        for pid, text in pages:
            art = clean_text(text)
            reasons.update(r.reason for r in art.removed)
            lines += sum(1 for x in text.splitlines() if x.strip())
            for para in art.paragraphs:
                if _short(para) and para != art.title:
                    kept_short += 1
                    dump.append(f"{pid}\t{para}")
        top = ", ".join(f"{r} {c}" for r, c in reasons.most_common(12))
        row = f"{name:10s} {len(pages):5d} {lines:6d} {sum(reasons.values()):7d} {kept_short:10d}"
        print(f"{row}  {top}")
    lost = baomoi25_body_losses(args.per_outlet)
    total = lost.pop("lines")
    print(
        f"baomoi25 lines the HTML marks body/subheading: {total}, removed {sum(lost.values())}: "
        + ", ".join(f"{r} {c}" for r, c in lost.most_common())
    )
    if args.forms:
        other_forms(sources["vnn-csv"] + sources.get("thephann", []))
    if args.dump:
        args.dump.write_text("\n".join(dump) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
