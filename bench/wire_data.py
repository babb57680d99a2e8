"""Rebuild the 2025 wire-copy pages from a mirror of daibangsamac/BaomoiCrawler (issue #11).

The crawl (commit below) saved ~2,260 baomoi.com article pages as JSON (topic, time, title, url,
content = the page's article container HTML) under output/<section>/. Nothing of it is
committed: this script writes each page as an HTML file plus one JSON line of metadata to
/work/data/11wire/, and `bench/wire_eval.py` reads them. The manifest
(bench/digest_labels/wire_manifest_2025.tsv) records repo, commit and path of every labelled page.

    .venv/bin/python bench/wire_data.py [MIRROR_GIT_DIR] [OUT_DIR]
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path

REPO = "daibangsamac/BaomoiCrawler"
COMMIT = "2f6a408fc24db364e35811354326340674c354ae"
DEFAULT_MIRROR = Path("/work/.mirror/daibangsamac+BaomoiCrawler/repo")
DEFAULT_OUT = Path("/work/data/11wire")
_ARTICLE_ID = re.compile(r"-c(\d+)\.epi")
_OUTLET = re.compile(r'class="bm-card-source[^"]*" title="([^"]*)"')
_RELATED = re.compile(r'href="/tin-lien-quan-t(\d+)\.epi"')


def doc_id(url: str) -> str:
    """The baomoi article id (…-c53576461.epi -> bm53576461): stable across re-crawls."""
    m = _ARTICLE_ID.search(url)
    if not m:
        raise ValueError(f"no article id in {url!r}")
    return f"bm{m.group(1)}"


def _git(mirror: Path, *args: str) -> bytes:
    return subprocess.run(["git", "-C", str(mirror), *args], capture_output=True, check=True).stdout


def pages(mirror: Path) -> list[tuple[str, str]]:
    """(path, blob sha) of every page under output/ (bin/output holds the same pages again)."""
    listing = _git(mirror, "ls-tree", "-r", "-z", COMMIT, "output/").decode("utf-8")
    rows = [entry.split("\t", 1) for entry in listing.split("\0") if entry]
    return [(path, meta.split()[2]) for meta, path in rows if path.endswith(".json")]


def record(path: str, raw: bytes) -> dict | None:
    d = json.loads(raw.decode("utf-8"))
    content, url = d.get("content") or "", d.get("url") or ""
    if not content or "-c" not in url:
        return None
    outlet = _OUTLET.search(content)
    related = _RELATED.search(content)
    return {
        "doc_id": doc_id(url),
        "path": path,
        "section": d.get("topic", ""),
        "time": d.get("time", ""),
        "title": d.get("title", ""),
        "url": url,
        "outlet": html.unescape(outlet.group(1)) if outlet else "",
        "related": related.group(1) if related else "",
        "html": f"<html><body><article>{content}</article></body></html>",
    }


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    mirror = Path(args[0]) if args else DEFAULT_MIRROR
    out = Path(args[1]) if len(args) > 1 else DEFAULT_OUT
    (out / "pages").mkdir(parents=True, exist_ok=True)
    seen: dict[str, dict] = {}
    for path, sha in pages(mirror):
        rec = record(path, _git(mirror, "cat-file", "blob", sha))
        if rec is None or rec["doc_id"] in seen:
            continue
        (out / "pages" / f"{rec['doc_id']}.html").write_text(rec.pop("html"), encoding="utf-8")
        seen[rec["doc_id"]] = rec
    with (out / "pages.jsonl").open("w", encoding="utf-8") as fh:
        for rec in seen.values():
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(seen)} pages to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
