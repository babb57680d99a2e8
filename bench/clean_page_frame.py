"""Whole-page scrapes: does the cleaner find the article inside a site's header and footer?

Why: a user may feed ``vnbrief clean`` the innerText of a whole page (``<body>``): the site's
menus, weather and login above the headline, menus and the publisher's contact, licence and
copyright lines below the story. The labelled splits hold one such page (Thanh Niên, test4),
which opens with its ``<title>`` line; most scrapers of ``<body>`` have no such line. Three
checks, all on real lines only (nothing here is written by hand; no held-out split is read):

1. ``dantri-whole``: the 24 Dân trí article pages saved in JayBMF/eNewsWebApp's history
   (Dec 2022; the ``dev`` split uses 8 of them through their article container only), as the
   innerText of the whole saved page (``<title>`` line, ~120 menu lines, breadcrumb, headline,
   story), with and without the ``<title>`` line: title exact (the printed headline, or the
   ``<title>`` text when it is kept) and menu lines left above the headline.
2. ``thanhnien-no-title``: test4's whole Thanh Niên page without its first (``<title>``) line,
   scored with its labels.
3. ``framed``: every seen labelled page (but the Thanh Niên one) as scraped, framed by a
   real site header (the Dân trí page's lines above its headline) and a real site footer
   (the Thanh Niên page's footer and comment-form lines; or, as a sitemap footer, the first
   40 menu entries of the Dân trí header printed again under the story): title exact, body
   kept, labelled boilerplate removed, and the frame's lines removed, against the page as
   scraped. The arrangement is made here; every line is a real page's.

Usage: ``python bench/clean_page_frame.py`` (needs the ``fetch`` mirror of JayBMF/eNewsWebApp
and the built pages of ``bench/clean_real_build.py`` in /work/data/issue-8/real). Dev-kind
numbers: the signals were written while looking at the Thanh Niên page and one Dân trí page.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import lxml.html

sys.path.append(str(Path(__file__).resolve().parent))  # never ahead of the models package
import clean_real_build as build  # noqa: E402
import clean_real_eval as ev  # noqa: E402

from pipeline.clean import clean_text  # noqa: E402
from pipeline.cleaning.text import normalize  # noqa: E402

REPO = "JayBMF/eNewsWebApp"
GIT_DIR = build.MIRRORS / REPO.replace("/", "+") / "repo"
ARTICLE_RE = re.compile(r"/Views/[a-z-]+/[a-z0-9-]+-\d{17}\.jsp$")
SEEN = ("dev", "test", "late", "dev2", "test2", "dev3", "test3", "test4")
THANHNIEN = "site-thanhnien-1"
TN_FOOTER = range(188, 208)  # 1-based lines of the Thanh Niên page after its last related box


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", "--git-dir", str(GIT_DIR), *args], check=True, capture_output=True, text=True
    ).stdout


def dantri_pages() -> list[tuple[str, list[str]]]:
    """(path, lines) of every Dân trí article page in the repository's history, as the
    innerText of the whole page (the JSP directive before the <title> text dropped)."""
    pages: dict[str, list[str]] = {}
    for rev in _git("log", "--all", "--format=%H").split():
        for path in _git("ls-tree", "-r", "--name-only", rev).splitlines():
            if path in pages or not ARTICLE_RE.search(path):
                continue
            raw = build._blob(REPO, rev, path).decode("utf-8", errors="replace")
            doc = lxml.html.fromstring(raw)
            root = (doc.xpath("//body") or [doc])[0]
            lines = [re.sub(r"<%@.*?%>\s*", "", x) for x in build.blocks(root)]
            pages[path] = [x for x in lines if x]
    return sorted(pages.items())


def _headline(lines: list[str]) -> int | None:
    """Index of the printed headline: the line that opens (casefolded) with the <title>
    text's first six words (an e-magazine prints it in capitals, worded a little apart)."""
    want = " ".join(lines[0].split(" | ")[0].casefold().split()[:6])
    return next((i for i, x in enumerate(lines[1:], 1) if x.casefold().startswith(want)), None)


def dantri_whole() -> tuple[list[str], list[str]]:
    """Print the Dân trí whole-page check; return the header and the article start of the
    first page (the frame of check 3)."""
    pages = dantri_pages()
    print(f"== dantri-whole: {len(pages)} Dân trí article pages, whole-page innerText")
    print(f"{'form':22} {'title exact':>12} {'menu lines left above the headline':>36}")
    header: list[str] = []
    for form, drop in (("with <title> line", 0), ("without <title> line", 1)):
        ok = left = 0
        for _path, lines in pages:
            h = _headline(lines)
            a = clean_text("\n".join(lines[drop:]) + "\n")
            wants = {lines[0].split(" | ")[0].strip()} | ({lines[h]} if h else set())
            ok += a.title in wants
            kept = set(a.paragraphs)
            left += sum(x in kept for x in lines[1:h]) if h else 0
            if not header and h:
                header = lines[1:h]
        print(f"{form:22} {ok:>9}/{len(pages):<2} {left:>36}")
    print()
    return header, []


def thanhnien_no_title(data: Path) -> None:
    labels = ev.load_labels(ev.CASES / "labels" / f"{THANHNIEN}.tsv")
    text = (data / f"{THANHNIEN}.txt").read_text(encoding="utf-8")
    raw = text.split("\n")
    print("== thanhnien-no-title: test4's Thanh Niên page without its <title> line")
    for form, drop in (("as scraped", 0), ("without <title> line", 1)):
        a = clean_text("\n".join(raw[drop:]))
        removed = {r.line + drop for r in a.removed}
        boiler = [n for n, (lab, _) in labels.items() if lab == "boilerplate" and n > drop]
        body = [n for n, (lab, _) in labels.items() if lab == "body"]
        kept = sum(normalize(raw[n - 1]) in a.paragraphs for n in body)
        got = sum(n in removed for n in boiler)
        title = "ok" if a.title == raw[0] else f"WRONG {a.title[:40]!r}"
        print(
            f"{form:22} title {title:4} body kept {kept}/{len(body)}"
            f" boilerplate removed {got}/{len(boiler)} ({got / len(boiler):.3f})"
        )
    print()


def framed(data: Path, header: list[str], footer: list[str], name: str) -> None:
    """Seen pages inside a real site header and footer."""
    items = json.loads((ev.CASES / "manifest.json").read_text(encoding="utf-8"))
    expected = json.loads((ev.CASES / "expected.json").read_text(encoding="utf-8"))
    print(f"== framed ({name}): seen pages as scraped, inside a real site header and footer")
    print(
        f"{'split':7} {'pages':>5} {'form':10} {'titles':>7} {'body kept':>10}"
        f" {'boiler rm':>10} {'frame rm':>10}"
    )
    for split in SEEN:
        rows = {"scraped": [0, 0, 0, 0, 0, 0, 0], "framed": [0, 0, 0, 0, 0, 0, 0]}
        n_pages = 0
        for item in items:
            if item["split"] != split or item["id"] == THANHNIEN:
                continue
            labels = ev.load_labels(ev.CASES / "labels" / f"{item['id']}.tsv")
            n_pages += 1
            raw = (data / f"{item['id']}.txt").read_text(encoding="utf-8").split("\n")
            start = min(labels) - 1
            page = raw[start:]
            if page and page[-1] == "":
                page.pop()
            for form, lines, off in (
                ("scraped", page, 0),
                ("framed", header + page + footer, len(header)),
            ):
                a = clean_text("\n".join(lines) + "\n")
                removed = {r.line for r in a.removed}
                r = rows[form]
                r[0] += a.title == expected[item["id"]]["title"]
                paras, cur = list(a.paragraphs), 0
                for n in sorted(labels):
                    lab, fam = labels[n]
                    no = n - start + off
                    if lab == "boilerplate":
                        r[3] += 1
                        r[4] += no in removed
                    elif lab == "body":
                        r[1] += 1
                        t = normalize(raw[n - 1])
                        for j in range(cur, len(paras)):
                            if ev._found(t, paras[j], fam):
                                r[2] += 1
                                cur = j if t in paras[j] and t != paras[j] else j + 1
                                break
                tail = len(lines) - off - len(page)
                frame = list(range(1, off + 1)) + list(range(len(lines) - tail + 1, len(lines) + 1))
                r[5] += len([k for k in frame if lines[k - 1].strip()])
                r[6] += sum(k in removed for k in frame if lines[k - 1].strip())
        for form, r in rows.items():
            fr = f"{r[6] / r[5]:.3f}" if r[5] else "  -  "
            print(
                f"{split:7} {n_pages:5} {form:10} {r[0]:>3}/{n_pages:<3} {r[2] / r[1]:10.3f}"
                f" {r[4] / max(r[3], 1):10.3f} {fr:>10}"
            )
    print()


def main() -> int:
    data = ev.DEFAULT_DATA
    if not GIT_DIR.exists() or not data.exists():
        print("needs the JayBMF/eNewsWebApp mirror and bench/clean_real_build.py output")
        return 2
    header, _ = dantri_whole()
    thanhnien_no_title(data)
    tn = (data / f"{THANHNIEN}.txt").read_text(encoding="utf-8").split("\n")
    framed(data, header, [tn[n - 1] for n in TN_FOOTER], "Thanh Niên footer")
    # a sitemap footer: the site's section menu printed again under the story, one a line
    sections = [x for x in header if len(x.split()) <= 4 and not x.casefold().startswith("đăng")]
    framed(data, header, sections[:40], "sitemap footer")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
