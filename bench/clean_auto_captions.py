"""Caption recall and body losses of the cleaner on many more real pages, labelled by their HTML.

Why: the hand-labelled dev2 half has 18 pages; the saved baomoi.com pages of the same crawl
(daibangsamac/BaomoiCrawler @2f6a408, fetched into /work/.mirror) mark each block's role in
their HTML: ``p.media-caption`` is a photo caption, ``p.body-author`` the writer's line, a
``p.text`` whose text is all bold (or an ``h2``-``h4``) a subheading or a bold lead, any other
``p.text`` body. This script takes every page of the dev2 outlets (only those: never an outlet
of the held-out ``test2`` half) that is not in the labelled set, converts it exactly as
``bench/clean_real_build.py`` does, runs the cleaner and counts, per role, the lines kept and
removed. No text is stored; nothing here is a held-out number (these outlets are tuned on).

Usage: ``python bench/clean_auto_captions.py [--list]`` (``--list`` prints every caption kept
and every body or subheading line removed).
"""

from __future__ import annotations

import argparse
import html
import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import lxml.html

sys.path.append(str(Path(__file__).resolve().parent))  # never ahead of the models package
import clean_real_build as build  # noqa: E402
from git_blobs import read_blobs  # noqa: E402

from pipeline.clean import clean_text  # noqa: E402
from pipeline.cleaning.text import normalize  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
CASES = REPO / "tests" / "clean_real"
CRAWL = "daibangsamac/BaomoiCrawler"
COMMIT = "2f6a408fc24db364e35811354326340674c354ae"


def _git(*args: str) -> bytes:
    git_dir = build.MIRRORS / CRAWL.replace("/", "+") / "repo"
    return subprocess.run(
        ["git", "--git-dir", str(git_dir), *args], check=True, capture_output=True
    ).stdout


def _blobs(paths: list[str]) -> list[str]:
    """The files at ``COMMIT`` (one ``git cat-file --batch`` instead of a process per page)."""
    git_dir = build.MIRRORS / CRAWL.replace("/", "+") / "repo"
    return [b.decode("utf-8", errors="replace") for b in read_blobs(git_dir, COMMIT, paths)]


def _publisher(content: str) -> str | None:
    """The outlet logo's alt text, the first image of a saved baomoi page."""
    m = re.search(r'<img[^>]*alt="([^"]*)"', content)
    return html.unescape(m.group(1)) if m else None


def _roles(content: str, unsure: bool = False) -> dict[str, str]:
    """Normalised block text -> role, from the page's HTML classes. With ``unsure``, a plain
    ``p.text`` right after a picture or video that has no ``p.media-caption`` is ``unsure``:
    some outlets write that caption as a plain paragraph (a label a learner must not trust)."""
    doc = lxml.html.fromstring(content)
    roles: dict[str, str] = {}
    for el in doc.xpath("//p"):
        cls = el.get("class") or ""
        text = " ".join(el.text_content().split())
        if not text:
            continue
        if "media-caption" in cls:
            roles[text] = "caption"
        elif "body-author" in cls:
            roles.setdefault(text, "author")
        elif "text" in cls.split():
            prev = el.getprevious()
            media = prev is not None and re.match(
                r"(?:image|video)-wrapper\b", prev.get("class") or ""
            )
            bold = " ".join(" ".join(b.text_content() for b in el.xpath("./strong|./b")).split())
            if unsure and media:
                roles[text] = "unsure"
            else:
                roles.setdefault(text, "subheading" if bold == text else "body")
    for el in doc.xpath("//h2|//h3|//h4"):
        text = " ".join(el.text_content().split())
        if text:
            roles.setdefault(text, "subheading")
    return roles


# Outlet lists of held-out splits drawn from this crawl (never opened, converted or scored
# here). None now: test3's result is published, so its outlets are seen and train the model;
# the next held-out split (test4) comes from the 2014 crawl, another commit this script never
# reads. A new held-out split of this crawl adds its outlet list here before any page is read.
HELD_OUT_LISTS: tuple[str, ...] = ()


def held_out_outlets() -> frozenset[str]:
    """Publishers of the held-out splits of ``HELD_OUT_LISTS``."""
    rows = [
        r
        for name in HELD_OUT_LISTS
        for r in (CASES / name).read_text(encoding="utf-8").splitlines()
    ]
    return frozenset(normalize(r) for r in rows if r.strip() and not r.startswith("#"))


def crawl_pages(keep: Callable[[str], bool]) -> list[tuple[str, str, str]]:
    """(publisher, path, raw JSON) of every page of the crawl (``output/``; ``bin/output`` holds
    copies) that is not in the labelled set, whose publisher is not a held-out outlet
    (``HELD_OUT_LISTS``) and that ``keep(publisher)`` accepts. The publisher is read from the
    raw record's logo before anything else, so a held-out page is never converted, cleaned or
    scored."""
    items = json.loads((CASES / "manifest.json").read_text(encoding="utf-8"))
    used = {i["path"] for i in items}
    held_out = held_out_outlets()
    listing = _git("ls-tree", "-z", "-r", "--name-only", COMMIT, "--", "output").decode()
    paths = sorted(p for p in listing.split("\0") if p.endswith(".json") and p not in used)
    out = []
    for path, raw in zip(paths, _blobs(paths), strict=True):
        try:
            content = json.loads(raw).get("content") or ""
        except json.JSONDecodeError:
            continue
        publisher = _publisher(content)
        if publisher is None or normalize(publisher) in held_out or not keep(publisher):
            continue
        out.append((publisher, path, raw))
    return out


def pages() -> list[tuple[str, str, str]]:
    """(publisher, path, raw JSON) of every unlabelled page of a dev2 outlet."""
    items = json.loads((CASES / "manifest.json").read_text(encoding="utf-8"))
    dev2 = [i for i in items if i["split"] == "dev2" and i["repo"] == CRAWL]
    outlets = {
        _publisher(json.loads(_git("show", f"{COMMIT}:{i['path']}"))["content"]) for i in dev2
    }
    return crawl_pages(lambda publisher: publisher in outlets)


def line_roles(raw: str, unsure: bool = False) -> tuple[list[str], list[str | None]]:
    """The page as the cleaner reads it (one block per line) and each line's HTML role."""
    roles = _roles(json.loads(raw)["content"], unsure)
    lines = build.baomoi_page(raw.encode("utf-8"))
    return lines, [roles.get(" ".join(line.split())) for line in lines]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--list", action="store_true")
    args = p.parse_args(argv)
    counts: Counter[tuple[str, str]] = Counter()
    found = pages()
    for publisher, _path, raw in found:
        roles = _roles(json.loads(raw)["content"])
        under_media = {
            t for t, r in _roles(json.loads(raw)["content"], True).items() if r == "unsure"
        }
        text = "\n".join(build.baomoi_page(raw.encode("utf-8"))) + "\n"
        removed = {r.line: r.reason for r in clean_text(text).removed}
        for no, line in enumerate(text.split("\n"), 1):
            role = roles.get(" ".join(line.split()))
            if role is None:
                continue
            reason = removed.get(no)
            counts[(role, "removed" if reason else "kept")] += 1
            if reason == "learned-caption":
                counts[(role, "learned")] += 1
            if reason and role == "body" and " ".join(line.split()) in under_media:
                counts[(role, "under-media")] += 1
            wrong = (role == "caption" and not reason) or (
                role in ("body", "subheading") and reason
            )
            if args.list and wrong:
                print(f"{role:10s} {reason or 'kept':16s} {publisher[:20]:20s} {line[:140]}")
    print(f"{len(found)} unlabelled pages of the dev2 outlets (tuned on: not held-out numbers)")
    print(
        f"{'role':12s} {'lines':>6s} {'removed':>8s} {'share':>6s} {'by the learned signal':>22s}"
    )
    for role in ("caption", "author", "subheading", "body"):
        kept, rm = counts[(role, "kept")], counts[(role, "removed")]
        share = rm / (kept + rm) if kept + rm else 0.0
        print(f"{role:12s} {kept + rm:6d} {rm:8d} {share:6.3f} {counts[(role, 'learned')]:22d}")
    print(
        f"body lines removed that are a plain paragraph right under a picture or video (no "
        f"p.media-caption: some outlets write the caption so): {counts[('body', 'under-media')]}"
    )
    print("held-out-outlet numbers of the learned signal: python bench/train_caption_model.py")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
