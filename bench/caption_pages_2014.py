"""Auto-labelled 2014 baomoi.com pages for the learned caption signal (2014-style layouts).

Why: the 2025 crawl (``bench/clean_auto_captions.py``) teaches the model what 2025 pages look
like; the 2014 crawl of daibangsamac/BaomoiCrawler @7b371be (the layout of splits dev, test,
test4 and test5) puts many photos in a table whose other cell is the caption
(``<table><tr><td><span class='storyInlinePhoto'><img ...></span></td></tr><tr><td>caption
</td></tr></table>``): a structural label nobody has to write.

Roles (``line_roles``): text of a table holding an image, other than the image's own cell, is
``caption``; a ``<p>`` whose text is all bold is ``subheading``; other ``<p>`` text is
``body``, except a paragraph right after an image outside a table (``unsure``: some outlets
write the caption as the next paragraph) and any block of a record with no captioned table
(``None``: its captions are unmarked, so its paragraphs teach nothing reliable).

Pages (``crawl_pages``): every record of the crawl (the JSON ones and, read leniently, the
other format: lower-case keys, trailing commas) that is not in ``tests/clean_real/
manifest.json`` (any split) and that never names an outlet of a held-out split (the raw
record is searched for ``HELD_OUT_MARKS`` before it is parsed or converted, so such a page is
never read further). The outlet, for grouping, is the host of the record's first image.

Usage: ``python bench/caption_pages_2014.py`` prints the counts.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parent))
import clean_real_build as build  # noqa: E402
from git_blobs import read_blobs  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
CASES = REPO / "tests" / "clean_real"
CRAWL = "daibangsamac/BaomoiCrawler"
COMMIT = "7b371be"
# Outlets of the held-out split test5 (Bongdaplus, aFamily, Phụ nữ Kiểu Việt): their name, image
# host or credit anywhere in the raw record keeps the record out, unread.
HELD_OUT_SPLITS = ("test5", "test6")
HELD_OUT_MARKS = ("bongdaplus", "bongda plus", "afamily", "webphunu", "phunukieuviet", "kiểu việt")


SHARED_HOSTS = ("vcmedia.vn",)  # VCCorp: kenh14.vcmedia.vn, nld.vcmedia.vn, sohanews2...


def _git_dir() -> Path:
    return build.MIRRORS / CRAWL.replace("/", "+") / "repo"


def json_record(raw: str) -> dict[str, str] | None:
    """A record of the crawl's JSON format (keys ``Url``, ``Title``, ...). The other format's
    records (lower-case keys, trailing commas; ``lenient_record`` reads them) are the pool of
    the held-out split test6, so they are never training or evaluation pages here."""
    try:
        d = json.loads(raw, strict=False)
    except json.JSONDecodeError:
        return None
    if not isinstance(d, dict) or "Content" not in d:
        return None
    return {k: v for k, v in d.items() if isinstance(v, str)}


def lenient_record(raw: str) -> dict[str, str] | None:
    """A crawl record as a dict with the JSON format's keys (``Url``, ``Title``, ...): JSON,
    or the crawl's other format (lower-case keys, trailing commas, raw tabs in strings)."""
    for text in (raw, re.sub(r",\s*([}\]])", r"\1", raw)):
        try:
            d = json.loads(text, strict=False)
        except json.JSONDecodeError:
            continue
        if isinstance(d, dict):
            return {k[:1].upper() + k[1:]: v for k, v in d.items() if isinstance(v, str)}
    return None


def crawl_pages() -> list[tuple[str, str, dict[str, str]]]:
    """(outlet, path, record) of every readable record not in the labelled set and naming no
    held-out outlet."""
    items = json.loads((CASES / "manifest.json").read_text(encoding="utf-8"))
    used = {i["path"] for i in items if i.get("repo") == CRAWL}
    # the crawl stores some stories twice: a copy of a labelled page (read by title, never
    # for a held-out split, whose pages a held-out mark keeps out anyway) is no training page
    seen_paths = sorted(
        i["path"]
        for i in items
        if i.get("repo") == CRAWL
        and i["commit"].startswith(COMMIT)
        and not i["split"].startswith(HELD_OUT_SPLITS)
    )
    titles = {
        " ".join(r.get("Title", "").split())
        for blob in read_blobs(_git_dir(), COMMIT, seen_paths)
        if (r := lenient_record(blob.decode("utf-8", errors="replace")))
    }
    listing = build.subprocess.run(
        ["git", "--git-dir", str(_git_dir()), "ls-tree", "-r", "-z", "--name-only", COMMIT],
        check=True,
        capture_output=True,
    ).stdout.decode()
    paths = sorted(p for p in listing.split("\0") if p.endswith(".json") and p not in used)
    out = []
    for path, blob in zip(paths, read_blobs(_git_dir(), COMMIT, paths), strict=True):
        raw = blob.decode("utf-8", errors="replace")
        if any(mark in raw.casefold() for mark in HELD_OUT_MARKS):
            continue  # a held-out outlet's page: never parsed
        record = json_record(raw)
        if record is None or not record.get("Content"):
            continue
        m = re.search(r"<img[^>]*src=['\"]([^'\"]+)", record["Content"])
        host = urlparse(m.group(1)).hostname if m else None
        if not host:
            continue
        labels = host.split(".")
        keep = 3 if len(labels) >= 3 and labels[-2] in ("com", "net", "org", "gov", "edu") else 2
        title = " ".join(record.get("Title", "").split())
        if title in titles:
            continue  # a labelled page's copy, or a story already taken under another path
        titles.add(title)
        outlet = ".".join(labels[-keep:])
        if outlet in SHARED_HOSTS:  # one image host for several outlets: the sub-host names it
            outlet = labels[0].rstrip("0123456789")
        out.append((outlet, path, record))
    return out


def _text(el: lxml.html.HtmlElement) -> str:
    return " ".join(el.text_content().split())


def _roles(content: str) -> dict[str, str]:
    """Normalised block text -> role (module docstring); empty when no table captions a photo."""
    doc = lxml.html.fromstring(f"<div>{content}</div>")
    roles: dict[str, str] = {}
    for table in doc.xpath("//table[.//img]"):
        for cell in table.xpath(".//td[not(.//img)]"):
            text = _text(cell)
            if text:
                roles[text] = "caption"
    if not roles:
        return {}
    for p in doc.xpath("//p[not(ancestor::table[.//img])]"):
        text = _text(p)
        if not text or p.xpath(".//img"):
            continue
        prev = p.getprevious()
        if prev is not None and prev.tag != "table" and prev.xpath("self::*[.//img]"):
            roles.setdefault(text, "unsure")
            continue
        bold = " ".join(" ".join(_text(b) for b in p.xpath("./strong|./b")).split())
        roles.setdefault(text, "subheading" if bold == text else "body")
    return roles


def line_roles(record: dict[str, str]) -> tuple[list[str], list[str | None]]:
    """The page as the cleaner reads it (``clean_real_build.baomoi_json``) and each line's role."""
    raw = json.dumps(record, ensure_ascii=False).encode("utf-8")
    lines = build.baomoi_json(raw)
    roles = _roles(record.get("Content", ""))
    return lines, [roles.get(" ".join(line.split())) for line in lines]


def main() -> int:
    pages = crawl_pages()
    counts: Counter[str] = Counter()
    outlets: Counter[str] = Counter()
    for outlet, _path, record in pages:
        _lines, roles = line_roles(record)
        if any(r == "caption" for r in roles):
            counts["pages with captions"] += 1
            outlets[outlet] += 1
        counts.update(r for r in roles if r)
    print(f"{len(pages)} readable pages; {dict(counts)}")
    print(f"{len(outlets)} image hosts:", ", ".join(f"{o} {n}" for o, n in outlets.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
