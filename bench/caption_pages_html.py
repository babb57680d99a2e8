"""Role-labelled real pages from outlets' own HTML (not the baomoi rendering) for the caption model.

Why: the learned caption signal (``bench/train_caption_model.py``) was trained on one
aggregator's rendering (baomoi.com); national outlets' own pages mark captions otherwise
(``figcaption``, ``PhotoCMS_Caption``, ``image-caption``, ``expNoEdit``, ``p.Image``, a caption
cell of a photo table, an italic line under a picture) and read differently once converted to
plain text. Student news sites' SQL dumps and crawlers' JSON (fetched mirrors listed in
``SOURCES``) hold such story HTML pasted from the outlets' pages. Each page is converted exactly
as ``bench/clean_real_build.py`` converts a ``sql-post``/``json-html`` page (headline, sapo, then
the content's blocks) and every line gets the role its HTML gives it, never one typed by hand:

* caption: the blocks of a caption element (``figcaption`` or a caption class, ``CAPTION_CLASS``)
  that holds no picture; the text cells of a small table or figure holding a picture; a
  paragraph all in italics right under a picture;
* unsure (never a label): another paragraph right under a picture, or a centred one (some
  outlets write the caption as a plain paragraph);
* subheading: ``h2``-``h4``, a short paragraph all in bold not ending in a full stop;
* author: a right-aligned paragraph, one with an author class, or a closing bold name of at
  most six words (negatives, not scored);
* body: any other ``<p>`` outside captions, tables, lists, quotes and boxes (related links,
  share rows, ads: ``SKIP_AREA``);
* no role: everything else (headline, sapo, link lists, text that two rules disagree on, a
  text the page holds twice); pages not mostly in Vietnamese are left out.

The outlet of a page is its source's own (``SOURCES``) or read from the hosts of its pictures
(``HOST_OUTLETS``, named as the baomoi crawl names them so that one outlet of two sources falls in
one cross-validation group). Pages of ``tests/clean_real/manifest.json`` (same repository, file
and row) and repeated stories are left out; no held-out split's repository is read.

Usage: ``python bench/caption_pages_html.py [--list | --clean [--wrong] [--half even|odd]]``:
pages, outlets and labelled lines per source; ``--list`` the page list (repo, commit, path,
table, row, outlet);
``--clean`` runs the cleaner as shipped and counts, per role, the lines kept and removed (and by
which reason), ``--wrong`` also prints every caption kept and every body or subheading line
removed (to read, never to commit), ``--half`` keeps one half of the outlets by sha1(outlet)
parity; nothing fetched is written.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import lxml.html

from pipeline.htmlmarks import (
    all_inside,
    classes,
    element_lines,
    follows_picture,
    frame_captions,
    has_picture,
    inside,
    is_caption_element,
)

sys.path.append(str(Path(__file__).resolve().parent))
import clean_real_build as build  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
MANIFEST = REPO / "tests" / "clean_real" / "manifest.json"


@dataclass(frozen=True)
class Source:
    repo: str
    commit: str
    path: str
    table: str  # SQL table, or "" for a JSON array
    key: str  # id column (SQL, by position) or "" (JSON: the array index is the row)
    title: str
    sapo: str
    content: str
    outlet: str = ""  # "" = read from the pictures' hosts


def _s(repo, commit, path, table, title, sapo, content, outlet=""):  # SQL row columns
    return Source(repo, commit, path, table, "0", str(title), str(sapo), str(content), outlet)


# Every repository here is in /work/notes/mirrors_at_0230.txt and holds no held-out split.
SOURCES = (
    _s("TuanGauTruc12/TIN_TUC", "7701c388edc5cc636638c26539e13dd70ea19122",
       "SQL/doancoso_news.sql", "new", 1, 3, 4),
    _s("heyimpg/webtintuc_PHP_nhom15", "1339ef2392c662dfef3a6e6d9495dcf94c0706b9",
       "webtintuc.sql", "baiviet", 1, 3, 5),
    _s("PLHieu/Newspaper", "8fb05f65d38aad4bf2e69ddfec21ccab36f6ed0a", "vuong.sql", "Posts",
       1, 7, 6),
    _s("PLHieu/Newspaper", "8fb05f65d38aad4bf2e69ddfec21ccab36f6ed0a", "hieu.sql", "Posts",
       1, 7, 6),
    _s("Haywaanoi/WebTinTuc", "0c1bcd1e1a5ed8fa39e44004a23816a735413fae",
       "database/tintuc.sql", "tin_tuc", 2, 3, 4),
    _s("ntngoctran99/webtintuc_php", "54b9f9425985dd1a032f63814aeb3e921a91b9cc", "tintuc.sql",
       "tin", 2, 4, 9),
    _s("nguyenhuutukhtn/ptudweb_thnews", "bc2701839d515204b0f2ee95bd7a1c7376ca7a27",
       "database/th_news.sql", "article", 1, 3, 4),
    _s("huysontheblue/webtintuc", "74d0c32314a0270e7b3ae6e0cdfe9b4bfff6ffde",
       "database/doancoso.sql", "posts", 1, 3, 4),
    _s("nhlong3103/project-baodientu", "b5014ff85a55738cb9031875c7e62c408c0e93f1",
       "database/sql_baodientu.sql", "baiviet", 1, 2, 4),
    _s("lqnhat97/baodientu", "6cc023ccfd0d414a8f782f2ce6eabfb73e3791f6", "DB_new/Data.sql",
       "baiviet", 1, 6, 5),
    _s("NguyenThienLy/WebProject_PTUDW", "cb2ac3a5bdccf1aba9eca274921e125ed2a06006",
       "cpqzk1zfm61.sql", "news", 3, 4, 5),
    _s("legiaquan/websitetintuc", "aafe668cac575d3d89980712fc5f2d233dd2151f", "dbnews.sql",
       "tin", 1, 2, 4),
    _s("duytrung1394/webtintuc", "39d747aaf2864dddf161b522463a1ba10698ce06", "webtintuc.sql",
       "tintuc", 1, 3, 4),
    _s("tylam0721/SaiGonTimes", "1061a89f62aa0af7f26adde20c6027bed6a7968e",
       "database/saigontimes.sql", "posts", 2, 2, 3),
    Source("PTUDW-20TN-Nhom12/EMagazine", "c8a61e5ef5c803623ce7ea35115b28d64f7d6bb7",
           "utils/data/articles.json", "", "", "Titl", "Desc", "Cont", "Tuổi Trẻ"),
    Source("Anhduchb01/Crawl_VnNews", "8e18fbb06de23b81b07c733ff5a31566a9ea3851",
           "baodautu.json", "", "", "title", "", "content_html", "Báo Đầu Tư"),
)

# picture host (a regex on the host name) -> outlet, first match wins; outlets the baomoi crawl
# also carries keep its name there (one outlet, one cross-validation group)
HOST_OUTLETS = (
    (r"tpo\.zadn|tienphong", "Báo Tiền Phong"),
    (r"daidoanket", "Báo Đại Đoàn Kết"),
    (r"saostar", "Tạp chí SaoStar"),
    (r"kenh14", "Kenh14"),
    (r"doanhnghiepvn", "Tạp chí Doanh Nghiệp Việt Nam"),
    (r"phunuvietnam", "Báo Phụ Nữ Việt Nam"),
    (r"vnncdn|vietnamnet|vnn-imgs|vgcloud", "Báo VietnamNet"),
    (r"vnecdn|vnexpress", "VnExpress"),
    (r"thanhnien", "Thanh Niên"),
    (r"petrotimes", "Tạp chí Petrotimes"),
    (r"dantri", "Dân trí"),
    (r"soha", "Soha"),
    (r"baogiaothong", "Báo Giao thông"),
    (r"nongnghiep", "Báo Nông nghiệp"),
    (r"laodong", "Lao Động"),
    (r"^nld\.|nguoilaodong", "Báo Người Lao Động"),
    (r"genk", "GenK"),
    (r"zing|znews|zdn\.vn|zadn", "Znews"),
    (r"tuoitre", "Tuổi Trẻ"),
    (r"24h\.com", "24h"),
    (r"cand\.com", "Báo Công An Nhân Dân"),
    (r"plo\.vn", "Báo Pháp Luật TP.HCM"),
    (r"nguoiduatin", "Tạp chí Người Đưa Tin"),
    (r"baoquocte", "Báo Thế Giới & Việt Nam"),
    (r"vov\.vn", "Báo Điện tử Tiếng nói Việt Nam"),
    (r"kinhtedothi", "Báo Kinh tế & Đô thị"),
    (r"baodautu", "Báo Đầu Tư"),
    (r"eva\.vn", "Eva"),
)
# hosts that say nothing about the outlet (storage, social, search, video)
_ANY_HOST = re.compile(
    r"firebase|googleapis|google\.|gstatic|cloudinary|facebook|fbcdn|youtube|ytimg|twitter|"
    r"tinyurl|imgur|wp\.com|drive\.|localhost|127\.0"
)

SKIP_AREA = re.compile(
    r"(?i)relat|lienquan|sharing|share|social|\btags?\b|comment|signature|link-content-footer|"
    r"\bads?\b|banner|sponsor|inread|author|box|quote|notebox|zalo|swiper|slide"
)
_RELATED_TYPE = re.compile(r"(?i)related|link|box|news")
_VI_LETTERS = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]")
_BYLINE_WORDS = 8  # a closing body line this short with no full stop is the writer's line


def _skipped(el) -> bool:
    """Inside a box that is not the story (related links, share rows, ads, author box)."""
    for a in el.iterancestors():
        name = " ".join([a.get("class") or "", a.get("id") or ""])
        if SKIP_AREA.search(name) or _RELATED_TYPE.search(a.get("type") or ""):
            return True
    return False


def roles(content: str) -> dict[str, str]:
    """Normalised line text -> role, from the HTML of a story (see the module docstring)."""
    doc = lxml.html.fromstring(f"<div>{content}</div>")
    out: dict[str, str] = {}
    conflict: set[str] = set()
    done: set = set()
    last_bold: list[str] = []  # the last paragraph's lines when it is a short bold one

    def put(lines: list[str], role: str) -> None:
        for line in lines:
            if out.get(line, role) != role:
                conflict.add(line)
            out.setdefault(line, role)

    for el in doc.iter():
        if not isinstance(el.tag, str) or el in done:
            continue
        caption_el = is_caption_element(el) and not has_picture(el)
        framed = frame_captions(el)  # a picture's table or figure: its text cells
        if framed is not None:
            put(framed, "caption")
            done.update(el.iterdescendants())
            continue
        if caption_el:
            put(element_lines(el), "caption")
            done.update(el.iterdescendants())
            continue
        if el.tag == "p" and not inside(el, {"li", "table", "blockquote", "figure"}):
            text_lines = element_lines(el)
            if not text_lines:
                continue
            if follows_picture(el):
                put(text_lines, "caption" if all_inside(el, ".//em|.//i") else "unsure")
                continue
            if _skipped(el):
                continue
            style = (el.get("style") or "").replace(" ", "").lower()
            words = sum(len(x.split()) for x in text_lines)
            if "text-align:right" in style or any("author" in c.lower() for c in classes(el)):
                put(text_lines, "author")
            elif "text-align:center" in style and not all_inside(el, ".//strong|.//b"):
                put(text_lines, "unsure")  # many outlets centre their photo captions
            elif all_inside(el, ".//strong|.//b"):
                if words <= 25 and not text_lines[-1].endswith("."):
                    put(text_lines, "subheading")
                    last_bold = text_lines
                    continue
            elif all_inside(el, ".//em|.//i"):
                continue
            else:
                put(text_lines, "body")
            last_bold = []
        elif el.tag in ("h2", "h3", "h4") and not _skipped(el):
            put(element_lines(el), "subheading")
    if len(last_bold) == 1 and len(last_bold[0].split()) <= 6:  # the closing name: a byline
        out[last_bold[0]] = "author"
    for line in conflict:
        out.pop(line, None)
    return out


def outlet_of(content: str) -> str:
    """The outlet its pictures come from (most pictures; then any link), or ""."""
    for pattern in (r"<img[^>]+src=\\?[\"']https?://([\w.-]+)", r"https?://([\w.-]+)"):
        hosts = Counter(
            h.lower() for h in re.findall(pattern, content) if not _ANY_HOST.search(h.lower())
        )
        for host, _n in hosts.most_common():
            for rx, outlet in HOST_OUTLETS:
                if re.search(rx, host):
                    return outlet
    return ""


def _used() -> set[tuple[str, str, str]]:
    """(repo, path, row) of every hand-labelled page (row: the id column's value or the JSON
    array index)."""
    items = json.loads(MANIFEST.read_text(encoding="utf-8"))
    return {(i["repo"], i["path"], str(i.get("index", ""))) for i in items}


def _records(src: Source) -> Iterator[tuple[str, str, str, str]]:
    """(row, title, sapo, content) of every record of a source."""
    raw = subprocess.run(
        ["git", "--git-dir", str(build.git_dir(src.repo)), "show", f"{src.commit}:{src.path}"],
        check=True,
        capture_output=True,
    ).stdout.decode("utf-8", errors="replace")
    if src.table:
        for row in build.sql_rows(raw, src.table):
            k = [int(src.title), int(src.sapo), int(src.content)]
            yield row[int(src.key)], row[k[0]], row[k[1]], row[k[2]]
    else:
        for n, rec in enumerate(json.loads(raw)):
            sapo = rec.get(src.sapo) or "" if src.sapo else ""
            yield str(n), rec.get(src.title) or "", sapo, rec.get(src.content) or ""


def _head(value: str) -> list[str]:
    value = "" if value == "NULL" else value
    return build.html_blocks(value) if "<" in value else build._field_lines([value])


def _vietnamese(content: str) -> bool:
    """Mostly Vietnamese text (an English edition's page is left out)."""
    text = lxml.html.fromstring(f"<div>{content}</div>").text_content().lower()
    letters = sum(ch.isalpha() for ch in text)
    return bool(letters) and len(_VI_LETTERS.findall(text)) >= 0.05 * letters


def _page_roles(lines: list[str], role_of: dict[str, str]) -> list[str | None]:
    """Each line's role; a text the page holds twice (a sapo repeated in the story) has none,
    nor a scraper's "undefined"; the closing short body line and a short "Theo X" line are the
    writer's or source's line (author)."""
    keys = [" ".join(x.split()) for x in lines]
    twice = {k for k, n in Counter(keys).items() if n > 1}
    labels = [None if k in twice or k == "undefined" else role_of.get(k) for k in keys]
    body = [i for i, r in enumerate(labels) if r == "body"]
    for i in body:
        short = len(keys[i].split()) <= _BYLINE_WORDS
        if short and (keys[i].startswith("Theo ") or (i == body[-1] and keys[i][-1] not in ".!?")):
            labels[i] = "author"
    return labels


@dataclass
class HtmlPage:
    source: Source
    row: str
    outlet: str
    lines: list[str]
    roles: list[str | None]


def pages() -> Iterator[HtmlPage]:
    """Every usable page of ``SOURCES``: not hand-labelled, not a repeat, with some body."""
    used = _used()
    seen: set[str] = set()
    for src in SOURCES:
        for row, title, sapo, content in _records(src):
            if (src.repo, src.path, row) in used or "<p" not in content:
                continue
            digest = hashlib.sha1(" ".join(content.split()).encode()).hexdigest()
            if digest in seen:
                continue
            seen.add(digest)
            try:
                lines = _head(title)[:1] + _head(sapo) + build.html_blocks(content)
                role_of = roles(content)
            except (ValueError, lxml.etree.ParserError):
                continue
            labels = _page_roles(lines, role_of)
            if labels.count("body") < 3 or not _vietnamese(content):
                continue
            outlet = src.outlet or outlet_of(content) or f"site {src.repo}"
            yield HtmlPage(src, row, outlet, lines, labels)


def outlet_half(outlet: str) -> str:
    """The outlet's half by the parity of sha1(outlet): rules written from the misses of one
    half ("even") are reported on the other ("odd") as a dev-but-unread number."""
    return "odd" if int(hashlib.sha1(outlet.encode()).hexdigest(), 16) % 2 else "even"


def clean_counts(wrong: bool, half: str = "") -> int:
    """Lines per HTML role kept and removed by the cleaner as shipped (dev-kind numbers), on
    all outlets or on one half of them (``outlet_half``)."""
    from pipeline.clean import clean_text

    counts: Counter = Counter()
    reasons: Counter = Counter()
    for p in pages():
        if half and outlet_half(p.outlet) != half:
            continue
        removed = {r.line: r.reason for r in clean_text("\n".join(p.lines) + "\n").removed}
        for no, (line, role) in enumerate(zip(p.lines, p.roles, strict=True), 1):
            if role not in ("caption", "body", "subheading"):
                continue
            reason = removed.get(no)
            counts[(role, "removed" if reason else "kept")] += 1
            if reason:
                reasons[(role, reason)] += 1
            bad = (role == "caption") != bool(reason)
            if wrong and bad:
                print(f"{role:10s} {reason or 'kept':16s} {p.outlet[:20]:20s} {line[:140]}")
    print(f"{'role':12s} {'lines':>6s} {'removed':>8s} {'share':>6s}  removed by")
    for role in ("caption", "subheading", "body"):
        kept, rm = counts[(role, "kept")], counts[(role, "removed")]
        top = sorted(((n, r) for (ro, r), n in reasons.items() if ro == role), reverse=True)
        by = ", ".join(f"{r} {n}" for n, r in top[:6])
        print(f"{role:12s} {kept + rm:6d} {rm:8d} {rm / max(1, kept + rm):6.3f}  {by}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--list", action="store_true", help="print the page list (no text)")
    ap.add_argument("--clean", action="store_true", help="what the shipped cleaner removes")
    ap.add_argument("--wrong", action="store_true", help="with --clean: print the wrong lines")
    ap.add_argument("--half", choices=("even", "odd"), default="",
                    help="with --clean: only the outlets of this sha1(outlet) parity")
    args = ap.parse_args(argv)
    if args.clean:
        return clean_counts(args.wrong, args.half)
    per: dict[str, Counter] = {}
    outlets: dict[str, set[str]] = {}
    if args.list:
        print("repo\tcommit\tpath\ttable\trow\toutlet")  # row: id column or JSON index
    for p in pages():
        name = f"{p.source.repo} {p.source.path}"
        c = per.setdefault(name, Counter())
        c["pages"] += 1
        c.update(r for r in p.roles if r)
        outlets.setdefault(name, set()).add(p.outlet)
        if args.list:
            s = p.source
            print("\t".join([s.repo, s.commit, s.path, s.table or "-", p.row, p.outlet]))
    if args.list:
        return 0
    print(f"{'source':60s} {'pages':>5} {'outlets':>7} {'caption':>7} {'unsure':>6}"
          f" {'body':>5} {'subhead':>7}")
    total: Counter = Counter()
    for name, c in per.items():
        total += c
        print(f"{name[:60]:60s} {c['pages']:5} {len(outlets[name]):7} {c['caption']:7}"
              f" {c['unsure']:6} {c['body']:5} {c['subheading']:7}")
    every = set().union(*outlets.values())
    print(f"{'all':60s} {total['pages']:5} {len(every):7} {total['caption']:7}"
          f" {total['unsure']:6} {total['body']:5} {total['subheading']:7}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
