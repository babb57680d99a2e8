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
from pathlib import Path

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parent))
import clean_real_build as build  # noqa: E402

from pipeline.clean import clean_text  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
CASES = REPO / "tests" / "clean_real"
CRAWL = "daibangsamac/BaomoiCrawler"


def _git(*args: str) -> bytes:
    git_dir = build.MIRRORS / CRAWL.replace("/", "+") / "repo"
    return subprocess.run(
        ["git", "--git-dir", str(git_dir), *args], check=True, capture_output=True
    ).stdout


def _publisher(content: str) -> str | None:
    """The outlet logo's alt text, the first image of a saved baomoi page."""
    m = re.search(r'<img[^>]*alt="([^"]*)"', content)
    return html.unescape(m.group(1)) if m else None


def _roles(content: str) -> dict[str, str]:
    """Normalised block text -> role, from the page's HTML classes."""
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
            bold = " ".join(" ".join(b.text_content() for b in el.xpath("./strong|./b")).split())
            roles.setdefault(text, "subheading" if bold == text else "body")
    for el in doc.xpath("//h2|//h3|//h4"):
        text = " ".join(el.text_content().split())
        if text:
            roles.setdefault(text, "subheading")
    return roles


def pages() -> list[tuple[str, str, str]]:
    """(publisher, path, raw JSON) of every unlabelled page of a dev2 outlet."""
    items = json.loads((CASES / "manifest.json").read_text(encoding="utf-8"))
    used = {i["path"] for i in items}
    dev2 = [i for i in items if i["split"] == "dev2" and i["repo"] == CRAWL]
    commit = dev2[0]["commit"]
    outlets = {
        _publisher(json.loads(_git("show", f"{commit}:{i['path']}"))["content"]) for i in dev2
    }
    listing = _git("ls-tree", "-z", "-r", "--name-only", commit, "--", "output").decode()
    out = []
    for path in listing.split("\0"):
        if not path.endswith(".json") or path in used:
            continue
        raw = _git("show", f"{commit}:{path}").decode("utf-8", errors="replace")
        try:
            content = json.loads(raw).get("content") or ""
        except json.JSONDecodeError:
            continue
        publisher = _publisher(content)
        if publisher in outlets:
            out.append((publisher, path, raw))
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--list", action="store_true")
    args = p.parse_args(argv)
    counts: Counter[tuple[str, str]] = Counter()
    found = pages()
    for publisher, _path, raw in found:
        roles = _roles(json.loads(raw)["content"])
        text = "\n".join(build.baomoi_page(raw.encode("utf-8"))) + "\n"
        removed = {r.line: r.reason for r in clean_text(text).removed}
        for no, line in enumerate(text.split("\n"), 1):
            role = roles.get(" ".join(line.split()))
            if role is None:
                continue
            reason = removed.get(no)
            counts[(role, "removed" if reason else "kept")] += 1
            wrong = (role == "caption" and not reason) or (
                role in ("body", "subheading") and reason
            )
            if args.list and wrong:
                print(f"{role:10s} {reason or 'kept':16s} {publisher[:20]:20s} {line[:140]}")
    print(f"{len(found)} unlabelled pages of the dev2 outlets (tuned on: not held-out numbers)")
    print(f"{'role':12s} {'lines':>6s} {'removed':>8s} {'share':>6s}")
    for role in ("caption", "author", "subheading", "body"):
        kept, rm = counts[(role, "kept")], counts[(role, "removed")]
        share = rm / (kept + rm) if kept + rm else 0.0
        print(f"{role:12s} {kept + rm:6d} {rm:8d} {share:6.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
