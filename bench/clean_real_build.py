"""Rebuild the real-page evaluation texts (tests/clean_real) from mirrored public repositories.

Why: the pages are third-party text, so they are not committed; this script turns the saved
HTML (or crawler JSON) named in ``tests/clean_real/manifest.json`` into the scraped plain-text
form the cleaner reads: one block per line, in page order, keeping whatever a scraper keeps from
the article container (breadcrumbs, bylines, captions, related links, tags, share widgets).
No text is written or edited here: each line is the text content of one block of the page.

Usage: ``python bench/clean_real_build.py [out_dir]`` (default /work/data/issue-8/real). The
mirrors come from the search tools' ``fetch`` (``/work/.mirror/<owner>+<name>/repo``).
"""

from __future__ import annotations

import ast
import csv
import gzip
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import lxml.html

from pipeline.htmlmarks import blocks, marked_captions

REPO = Path(__file__).resolve().parents[1]
MANIFEST = REPO / "tests" / "clean_real" / "manifest.json"
MIRRORS = Path("/work/.mirror")
DEFAULT_OUT = Path("/work/data/issue-8/real")
# Raw files read with the search tools' ``read_file`` (repositories that cannot be fetched),
# saved as returned under <INDEX_CACHE>/<owner>+<name>/<path>; never committed.
INDEX_CACHE = Path("/work/data/issue-8/index")

def git_dir(repo: str) -> Path:
    """The git directory of a repository's fetch mirror."""
    found = MIRRORS / repo.replace("/", "+") / "repo"
    if (found / ".git").is_dir():  # a few snapshots arrive as a checkout, not a bare repo
        found = found / ".git"
    return found


def _blob(repo: str, commit: str, path: str) -> bytes:
    return subprocess.run(
        ["git", "--git-dir", str(git_dir(repo)), "show", f"{commit}:{path}"],
        check=True,
        capture_output=True,
    ).stdout


# the HTML a page was rendered from, kept while it is built: the captions its markup marks
# (``pipeline.htmlmarks``) are written beside the page for ``clean_real_eval.py --marks``
_RENDERED: list[str] = []


def html_blocks(fragment: str) -> list[str]:
    """The blocks of an HTML fragment (a record's content field)."""
    _RENDERED.append(fragment)
    return blocks(lxml.html.fromstring(f"<div>{fragment}</div>"))


def html_page(raw: bytes, xpath: str) -> list[str]:
    doc = lxml.html.fromstring(raw.decode("utf-8", errors="replace"))
    found = doc.xpath(xpath)
    if not found:
        raise ValueError(f"container {xpath!r} not found")
    out: list[str] = []
    for el in found:
        el.tail = None  # innerText of the container: the text after it is not in it
        _RENDERED.append(lxml.html.tostring(el, encoding="unicode"))
        out.extend(blocks(el))
    return out


def _field_lines(values: list[str]) -> list[str]:
    """Scraped field values in page order; a value's own line breaks stay line breaks."""
    out: list[str] = []
    for value in values:
        out.extend(" ".join(x.split()) for x in value.split("\n") if x.strip())
    return out


def csv_row(raw: bytes, index: int, fields: list[str]) -> list[str]:
    """A crawler's CSV record (e.g. the ``.text`` of an article container, newlines kept):
    the named columns, in the page order given by ``fields``."""
    csv.field_size_limit(1 << 26)
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    return _field_lines([rows[index][f] for f in fields])


_PHP_FIELD = re.compile(r"'(\w+)'\s*=>\s*'((?:[^'\\]|\\.)*)'", re.S)


def csv_pylist(raw: bytes, index: int, fields: list[str]) -> list[str]:
    """A Selenium crawler's CSV row whose fields are Python list literals of strings (each an
    element's rendered ``.text``, one block a line): the strings of the named fields, in order."""
    csv.field_size_limit(1 << 26)
    row = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))[index]
    return _field_lines([s for f in fields for s in ast.literal_eval(row[f])])


def _php_records(raw: bytes) -> list[dict[str, str]]:
    """The records of a PHP array literal of single-quoted fields (a new record starts where a
    field name repeats)."""
    records: list[dict[str, str]] = [{}]
    for key, value in _PHP_FIELD.findall(raw.decode("utf-8")):
        if key in records[-1]:
            records.append({})
        records[-1][key] = re.sub(r"\\(['\\])", r"\1", value)
    return records


def php_array(raw: bytes, index: int, fields: list[str]) -> list[str]:
    """The ``index``-th record of a PHP array literal (an app's seed data holding articles
    pasted from the outlet's page): the named single-quoted fields, in the order given."""
    return _field_lines([_php_records(raw)[index][f] for f in fields])


def php_array_html(raw: bytes, index: int, head: list[str], content: str) -> list[str]:
    """A PHP seed record whose ``content`` field is HTML pasted from an outlet's page: the
    ``head`` fields as text lines (headline, sapo), then the content's blocks."""
    record = _php_records(raw)[index]
    return _field_lines([record[f] for f in head]) + html_blocks(record[content])


def jsonl_row(raw: bytes, index: int, fields: list[str]) -> list[str]:
    """A scraper's JSON-lines output (one record a line, the article's paragraphs joined by
    newlines): the ``index``-th line's named fields, in the page order given by ``fields``."""
    record = json.loads(raw.decode("utf-8").split("\n")[index])
    return _field_lines([record[f] or "" for f in fields])


def json_html(raw: bytes, index: int, head: list[str], content: str) -> list[str]:
    """A scraper's JSON array output whose ``content`` field is the article container's HTML
    (e.g. the sapo div + the story div): the ``head`` fields as text lines, then the blocks."""
    record = json.loads(raw.decode("utf-8"))[index]
    lines = _field_lines([record[f] or "" for f in head])
    return lines + html_blocks(record[content])


def json_join(raw: bytes, head_raw: bytes, item: dict) -> list[str]:
    """A scraper's JSON array whose records keep a page's blocks as a list of strings (one per
    <p>), its headline and sapo in a second JSON array of the same crawl: the head fields of the
    record whose ``head_key`` equals this record's ``key``, then the list's strings."""
    record = json.loads(raw.decode("utf-8"))[item["index"]]
    heads = json.loads(head_raw.decode("utf-8"))
    head = next(h for h in heads if h[item["head_key"]] == record[item["key"]])
    return _field_lines([head[f] or "" for f in item["head"]] + list(record[item["list"]]))


def baomoi_json(raw: bytes) -> list[str]:
    """A baomoi.com crawl record: breadcrumb, title, time, sapo, then the story's blocks."""
    d = json.loads(raw.decode("utf-8"))
    head = [d.get("Category", ""), d.get("Title", ""), d.get("Time", ""), d.get("Description", "")]
    body = html_blocks(d.get("Content", ""))
    return [" ".join(x.split()) for x in head if x.strip()] + body


def baomoi_json_lc(raw: bytes) -> list[str]:
    """The same 2014 crawl's other record format (lower-case keys, trailing commas: not JSON),
    read with the lenient ``js_literal``; laid out as ``baomoi_json``."""
    d = js_literal(raw.decode("utf-8"))
    head = [d.get("category", ""), d.get("title", ""), d.get("time", ""), d.get("description", "")]
    body = html_blocks(d.get("content", ""))
    return [" ".join(x.split()) for x in head if x.strip()] + body


def baomoi_page(raw: bytes) -> list[str]:
    """A baomoi.com article page as crawled in 2025: the saved ``content-main`` container
    (headline, "N giờ trước", "N liên quan Gốc", sapo, story blocks, captions, author)."""
    d = json.loads(raw.decode("utf-8"))
    return blocks(lxml.html.fromstring(d["content"]))


_JS_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}


def js_literal(text: str) -> object:
    """The value of a JavaScript array/object literal as written by prettier (unquoted keys,
    single- or double-quoted strings, trailing commas); enough for saved app fixtures."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in "'\"":
            j, chars = i + 1, []
            while text[j] != c:
                if text[j] == "\\":
                    e = text[j + 1]
                    if e == "u":
                        chars.append(chr(int(text[j + 2 : j + 6], 16)))
                        j += 6
                        continue
                    if e == "x":
                        chars.append(chr(int(text[j + 2 : j + 4], 16)))
                        j += 4
                        continue
                    chars.append(_JS_ESCAPES.get(e, e))
                    j += 2
                    continue
                chars.append(text[j])
                j += 1
            out.append(json.dumps("".join(chars), ensure_ascii=False))
            i = j + 1
        elif c.isalpha() or c in "_$":
            j = i
            while j < n and (text[j].isalnum() or text[j] in "_$"):
                j += 1
            word = text[i:j]
            k = j
            while k < n and text[k].isspace():
                k += 1
            is_key = k < n and text[k] == ":" and word not in ("true", "false", "null")
            out.append(json.dumps(word) if is_key else word)
            i = j
        elif c == ",":
            k = i + 1
            while k < n and text[k].isspace():
                k += 1
            if k >= n or text[k] not in "]}":
                out.append(c)
            i += 1
        else:
            out.append(c)
            i += 1
    return json.loads("".join(out))


def _literal_at(text: str, i: int) -> str:
    """The balanced {...} literal starting at text[i] (quotes and escapes respected)."""
    depth, quote, j = 0, "", i
    while True:
        c = text[j]
        if quote:
            if c == "\\":
                j += 2
                continue
            if c == quote:
                quote = ""
        elif c in "\"'`":
            quote = c
        elif c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if not depth:
                return text[i : j + 1]
        j += 1


def js_var_page(raw: bytes, item: dict) -> list[str]:
    """An app route's article object (``var <name> = {...}``, the story HTML copied from a
    page) as its template renders it: each head field with the template's label, then the
    content's blocks. ``head`` is a list of [label, key]; ``index`` the occurrence (0-based)."""
    text = raw.decode("utf-8")
    starts = [m.end() - 1 for m in re.finditer(rf"var {item['var']} = \{{", text)]
    record = js_literal(_literal_at(text, starts[item["index"]]))
    head = _field_lines([label + record[key] for label, key in item["head"]])
    return head + html_blocks(record[item["content"]])


def js_render(raw: bytes, record_id: int) -> list[str]:
    """A student news site's article record (``arrpage`` in its page.js, copied from an
    outlet's page), laid out as the site's own renderPage() shows it: section, title, author,
    tags, time, the sapo paragraphs, then each block's photo caption (``alt``) and paragraphs
    (a block without a caption shows none)."""
    text = raw.decode("utf-8")
    start = text.index("[")
    records = js_literal(text[start : text.rindex("]", 0, text.index("const url")) + 1])
    page = next(r for r in records if r["id"] == record_id)
    head = "".join(
        f"<div>{page.get(k, '')}</div>" for k in ("item", "title", "author", "tags", "time")
    )
    intro = "".join(f"<p>{p}</p>" for p in page.get("introduce", []))
    items = ""
    for block in page.get("body", []):
        paragraphs = "".join(f"<p>{c}</p>" for c in block.get("content", []))
        items += f"<div><p>{block.get('alt', '')}</p><div>{paragraphs}</div></div>"
    html = f"<div><div>{head}</div><div><div>{intro}</div>{items}</div></div>"
    return blocks(lxml.html.fromstring(html))


_SQL_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0"}


def sql_rows(text: str, table: str, quote: str = "'") -> list[list[str]]:
    """The rows of the ``INSERT INTO `table` [(columns)] VALUES (...), (...);`` statements of a
    SQL dump (any case, with or without backticks): quoted strings unescaped ('' and backslash
    escapes), other values (numbers, NOW()) as written. ``quote`` is the string quote: some
    dumpers write MySQL strings in double quotes."""
    start = re.compile(
        rf"insert\s+into\s+`?{re.escape(table)}`?\s*(\([^)]*\))?\s*values\s*", re.IGNORECASE
    )
    rows: list[list[str]] = []
    for match in start.finditer(text):
        i = match.end()
        while text[i] == "(":
            i, row = _sql_tuple(text, i + 1, quote)
            rows.append(row)
            while text[i] in " \t\r\n,":
                i += 1
    return rows


def _sql_tuple(text: str, i: int, quote: str = "'") -> tuple[int, list[str]]:
    """One parenthesised row starting after its "(": (index after its ")", values)."""
    row: list[str] = []
    depth, value = 0, ""
    while True:
        c = text[i]
        if c == quote:
            j, chars = i + 1, []
            while True:
                if text[j] == "\\":
                    chars.append(_SQL_ESCAPES.get(text[j + 1], text[j + 1]))
                    j += 2
                elif text[j] == quote and text[j + 1] == quote:
                    chars.append(quote)
                    j += 2
                elif text[j] == quote:
                    break
                else:
                    chars.append(text[j])
                    j += 1
            value, i = "".join(chars), j + 1
            continue
        if c == "(":
            depth += 1
        elif c == ")" and depth:
            depth -= 1
        elif c in ",)" and not depth:
            row.append(value.strip())
            value = ""
            if c == ")":
                return i + 1, row
            i += 1
            continue
        value += c
        i += 1


def sql_post(raw: bytes, item: dict) -> list[str]:
    """A news app's seed row (a story's HTML copied from an outlet's page, with its headline and
    sapo in other columns): the ``head`` columns' text, then the ``content`` column's blocks."""
    rows = sql_rows(raw.decode("utf-8"), item["table"], item.get("quote", "'"))
    row = next(r for r in rows if r[0] == str(item["index"]))
    if item.get("head_html"):  # head fields typed in a rich-text editor: HTML, like the content
        head = [line for k in item["head"] for line in html_blocks(row[k])]
    else:
        head = [" ".join(row[k].split()) for k in item["head"] if row[k].strip()]
    content = row[item["content"]]
    if item.get("autop"):  # WordPress shows a post's line breaks as breaks (wpautop)
        content = content.replace("\r\n", "\n").replace("\n", "<br>")
    return head + html_blocks(content)


def sql_text(raw: bytes, item: dict) -> list[str]:
    """A news app's seed row whose story is plain text (one paragraph a line, copied from an
    outlet's page), in ``insert into Table(...) values(...)`` statements of any case, with or
    without backticks: the ``row``-th row of the table in the dump (1-based), its ``head``
    columns' text, then the ``content`` column split at its line breaks."""
    rows = sql_rows(raw.decode("utf-8"), item["table"])
    row = rows[item["row"] - 1]
    head = [" ".join(row[k].split()) for k in item["head"] if row[k].strip()]
    lines = (" ".join(x.split()) for x in row[item["content"]].splitlines())
    return head + [x for x in lines if x]


def mercury_item(raw: bytes, index: int) -> list[str]:
    """An article saved by an app as Mercury-parser output (``extra_info``: title, content HTML
    with the author/source line, sapo, body, captions, inline related links, event boxes)."""
    text = raw.decode("utf-8")
    start, end = text.index("["), text.rindex("]")
    info = js_literal(text[start : end + 1])[index]["extra_info"]
    head = [" ".join(info["title"].split())]
    return head + html_blocks(info["content"])


def _index_page_date(value: str) -> str:
    """The record's ISO date in the page's own form: "08/12/2025" (plus "09:10" when the
    record holds a time of day; the crawler stored midnight when it kept only the day)."""
    day, _, clock = value.partition("T")
    yyyy, mm, dd = day.split("-")
    hhmm = clock[:5]
    return f"{dd}/{mm}/{yyyy}" + (f" {hhmm}" if hhmm and hhmm != "00:00" else "")


def index_json_html(raw: bytes) -> list[str]:
    """A crawler's JSON record of an outlet's own article page (Tuổi Trẻ: title, author, date,
    description = sapo, content.html = the whole article container): headline, author and
    date (the page's header row), sapo, then the container's blocks (captions, related boxes,
    "Đọc tiếp" links as the container has them)."""
    d = json.loads(raw.decode("utf-8"))
    head = [d.get("title") or "", d.get("author") or ""]
    head.append(_index_page_date(d["date"]) if d.get("date") else "")
    head.append(d.get("description") or "")
    body = html_blocks(d["content"]["html"])
    return [" ".join(x.split()) for x in head if x.strip()] + body


_HEADING_TAG = re.compile(r"</?h[1-6]>")


def index_js_text(raw: bytes, skip: int, field_prefix: str) -> list[str]:
    """A page's text saved inside a JavaScript template literal (an app's test prompt holding a
    scraped Thanh Niên page, one block per line): the literal's lines after the app's own
    ``skip`` lines, the scraper's key (``field_prefix``, "Title: ") taken off the title field,
    and the heading tags the scraper inserted (``<h2> ... </h2>``) read as block breaks."""
    text = raw.decode("utf-8")
    lines = text[text.index("`") + 1 : text.rindex("`")].split("\n")[skip:]
    if lines and lines[0].startswith(field_prefix):
        lines[0] = lines[0][len(field_prefix) :]
    out: list[str] = []
    for line in lines:
        out.extend(p for p in (" ".join(x.split()) for x in _HEADING_TAG.split(line)) if p)
    return out


_TAG_PREFIX = re.compile(r"^\[[A-Z][A-Z0-9]*\] ?")


def tagged_text(raw: bytes, title_key: str, start_line: str) -> list[str]:
    """A whole page saved by a RAG project's scraper as one tagged element a line ("[P] ...",
    "[LI] ...", menus and footers included): the title field's value (key taken off), then the
    lines after ``start_line`` with the scraper's "[TAG] " taken off, as the scraper wrote them
    (a parent list item's text glued from its children stays as it is)."""
    lines = raw.decode("utf-8").split("\n")
    out = [" ".join(lines[0][len(title_key) :].split())] if lines[0].startswith(title_key) else []
    body = lines[lines.index(start_line) + 1 :]
    out.extend(p for p in (" ".join(_TAG_PREFIX.sub("", x).split()) for x in body) if p)
    return out


_INDEX_KINDS = ("index-json-html", "index-js-text")


def _index_path(item: dict) -> Path:
    return INDEX_CACHE / item["repo"].replace("/", "+") / item["path"]


def build(item: dict) -> str:
    if item["kind"] == "index-json-html":
        return "\n".join(index_json_html(_index_path(item).read_bytes())) + "\n"
    if item["kind"] == "index-js-text":
        raw = _index_path(item).read_bytes()
        return "\n".join(index_js_text(raw, item["skip"], item["field_prefix"])) + "\n"
    raw = _blob(item["repo"], item["commit"], item["path"])
    if item["path"].endswith(".gz"):
        raw = gzip.decompress(raw)
    if item["kind"] == "baomoi-json":
        lines = baomoi_json(raw)
    elif item["kind"] == "baomoi-json-lc":
        lines = baomoi_json_lc(raw)
    elif item["kind"] == "baomoi-page":
        lines = baomoi_page(raw)
    elif item["kind"] == "mercury-js":
        lines = mercury_item(raw, item["index"])
    elif item["kind"] == "csv-row":
        lines = csv_row(raw, item["index"], item["fields"])
    elif item["kind"] == "tagged-text":
        lines = tagged_text(raw, item["title_key"], item["start_line"])
    elif item["kind"] == "sql-post":
        lines = sql_post(raw, item)
    elif item["kind"] == "sql-text":
        lines = sql_text(raw, item)
    elif item["kind"] == "js-render":
        lines = js_render(raw, item["index"])
    elif item["kind"] == "php-array-html":
        lines = php_array_html(raw, item["index"], item["head"], item["content"])
    elif item["kind"] == "jsonl-row":
        lines = jsonl_row(raw, item["index"], item["fields"])
    elif item["kind"] == "js-var-page":
        lines = js_var_page(raw, item)
    elif item["kind"] == "json-html":
        lines = json_html(raw, item["index"], item["head"], item["content"])
    elif item["kind"] == "csv-pylist":
        lines = csv_pylist(raw, item["index"], item["fields"])
    elif item["kind"] == "json-join":
        lines = json_join(raw, _blob(item["repo"], item["commit"], item["head_path"]), item)
    elif item["kind"] == "php-array":
        lines = php_array(raw, item["index"], item["fields"])
    else:
        lines = html_page(raw, item["xpath"])
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else DEFAULT_OUT
    out.mkdir(parents=True, exist_ok=True)
    items = json.loads(MANIFEST.read_text(encoding="utf-8"))
    wrote = 0
    for item in items:
        if item["kind"] in _INDEX_KINDS and not _index_path(item).exists():
            print(f"skip {item['id']}: no cached index file {_index_path(item)} (read_file only)")
            continue
        _RENDERED.clear()
        (out / f"{item['id']}.txt").write_text(build(item), encoding="utf-8")
        marks = out / f"{item['id']}.marks.json"
        if _RENDERED:
            keys = sorted(marked_captions(_RENDERED))
            marks.write_text(json.dumps(keys, ensure_ascii=False, indent=0), encoding="utf-8")
        elif marks.exists():
            marks.unlink()
        wrote += 1
    print(f"wrote {wrote} pages to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
