"""Rebuild the story-grouping data set from a mirror of lupanh/VietnameseMDS (VMDS).

VMDS (Tran Mai Vu et al., VNU 2013) holds 200 clusters of real articles crawled from the Baomoi
aggregator, each cluster a hand-made group of 2-5 reports of one issue from different outlets.
Nothing here is committed except this script, the manifest and the labels; the articles stay in
/work/data/11 (outside git). Run: .venv/bin/python bench/digest_data.py [MIRROR_GIT_DIR] [OUT]

Titles in VMDS `*.info.txt` are word-segmented ("biểu_tình , ..."); they are detokenised
mechanically (underscores to spaces, no space before closing punctuation), never reworded.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = "lupanh/VietnameseMDS"
COMMIT = "16207757f68c629e5b53fe1d3d42b8ef5b42e99f"
ZIP_PATH = "KTLAB-200document-clusters.zip"
DEFAULT_MIRROR = Path("/work/.mirror/lupanh+VietnameseMDS/repo")
DEFAULT_OUT = Path("/work/data/11/vmds_articles.jsonl")
_OUTLET = re.compile(r"baomoi\.com/Home/[^/]+/([^/]+)/")
_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?")


def detokenize(text: str) -> str:
    text = text.replace("_", " ").strip()
    text = re.sub(r"\s+([,.:;!?)\]”’])", r"\1", text)
    text = re.sub(r"([(\[“‘])\s+", r"\1", text)
    return re.sub(r"\s{2,}", " ", text)


def _field(info: str, name: str) -> str:
    m = re.search(rf"^{name}:\s*(.*)$", info, re.MULTILINE)
    return m.group(1).strip() if m else ""


def build(mirror: Path) -> list[dict]:
    blob = subprocess.run(
        ["git", f"--git-dir={mirror}", "show", f"{COMMIT}:{ZIP_PATH}"],
        check=True,
        capture_output=True,
    ).stdout
    docs = []
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        names = set(zf.namelist())
        for name in sorted(names):
            m = re.fullmatch(r"clusters/(cluster_\d+)/(\d+)\.body\.txt", name)
            if not m:
                continue
            cluster, doc_id = m.groups()
            info = zf.read(f"clusters/{cluster}/{doc_id}.info.txt").decode("utf-8")
            body = zf.read(name).decode("utf-8", errors="replace").strip().rstrip("\ufffd")
            link = _field(info, "LINK")
            outlet = _OUTLET.search(link)
            date = _DATE.search(_field(info, "TIME"))
            published = None
            if date:
                d, mo, y, h, mi = date.groups()
                published = f"{y}-{int(mo):02d}-{int(d):02d}T{int(h or 0):02d}:{mi or '00'}"
            docs.append(
                {
                    "doc_id": doc_id,
                    "cluster": cluster,
                    "title": detokenize(_field(info, "TITLE")),
                    "body": body,
                    "outlet": outlet.group(1).removeprefix("www.") if outlet else None,
                    "published": published,
                    "link": link,
                    "source": f"{REPO}@{COMMIT}:{ZIP_PATH}!{name}",
                }
            )
    return docs


def main() -> None:
    mirror = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_MIRROR
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_OUT
    docs = build(mirror)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        for doc in docs:
            handle.write(json.dumps(doc, ensure_ascii=False) + "\n")
    print(f"{len(docs)} articles in {len({d['cluster'] for d in docs})} clusters -> {out}")


if __name__ == "__main__":
    main()
