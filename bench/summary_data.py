"""Rebuild the sapo-reference summarization set from two public mirrors (nothing is committed).

Sources (fetch them with the `fetch` tool; they land in /work/.mirror):
- lupanh/VietnameseMDS  (KTLAB 200 clusters, baomoi.com copies of ~100 outlets, 2012-2013):
  per article `<id>.info.txt` (LINK with the outlet's domain, TITLE, SUMMARY = the outlet's sapo,
  TIME) and `<id>.body.txt` (raw body). Split by OUTLET (test outlets held out) and DATE.
- ThanhChinhBK/vietnews (VietNews, Nguyen et al. 2019): per article `title \\n\\n sapo \\n\\n body
  (one sentence a line) \\n\\n captions`, word-segmented with underscores. Its official
  train/val/test folders are kept (published VietNews numbers use the same test folder); the files
  carry no outlet or date.

Both sources are word-segmented in places ("Đà_Nẵng", " , "): `_detok` undoes only that
segmentation (underscore -> space, no space before closing punctuation), never other text.
The sapo is the reference and is removed from the input: body sentences that repeat it verbatim
(same syllable sequence inside the sapo) are dropped.

Writes /work/data/i13/{train,dev,test}.jsonl (fields: id, source, outlet, date, title, text,
summary; text paragraphs separated by blank lines) and, with --write-split, the committed split
definition bench/data/summary_split.tsv (dev + test ids, provenance, sapo sha256).

Run: .venv/bin/python bench/summary_data.py [--train-vietnews 12000] [--write-split]
     .venv/bin/python bench/summary_data.py --mirror DIR --vietnews-test-all vietnews-test.jsonl
(the second: the whole official VietNews test folder as `vnbrief eval` JSONL; DIR holds bare
clones: `git clone --bare https://github.com/ThanhChinhBK/vietnews \\
DIR/ThanhChinhBK+vietnews/repo`)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import unicodedata
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(Path(__file__).resolve().parent))  # bench/ (git_blobs), after the project

from git_blobs import read_blobs  # noqa: E402

from pipeline.segment import split_sentences  # noqa: E402

MIRROR = Path("/work/.mirror")
OUT = Path("/work/data/i13")
SPLIT_FILE = ROOT / "bench" / "data" / "summary_split.tsv"
KTLAB_REPO, KTLAB_ZIP = "lupanh/VietnameseMDS", "KTLAB-200document-clusters.zip"
VIETNEWS_REPO = "ThanhChinhBK/vietnews"
# WHY fixed sizes: scoring 1,000 VietNews test articles per system takes seconds, enough for
# bootstrap CIs of about +-0.6 ROUGE points; the full 22,644 would add nothing but time.
VIETNEWS_SIZES = {"test": 1000, "dev": 1000}
# WHY 3/10 of outlets: about 190 KTLAB test articles from ~30 outlets never seen in training.
TEST_OUTLET_BUCKETS = 3
# KTLAB articles of training outlets dated from this day on form the dev set (date split).
DEV_FROM = "2013-11-01"
MIN_BODY_SENTENCES = 3

_WORD = re.compile(r"\w+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _detok(text: str) -> str:
    """Undo word segmentation only: underscores joining syllables, spaces around punctuation."""
    text = nfc(text).replace("_", " ")
    text = re.sub(r" +([,.;:!?…%)\]”’])", r"\1", text)
    text = re.sub(r"([(\[“‘]) +", r"\1", text)
    return re.sub(r"[ \t]+", " ", text).strip()


def _syl(text: str) -> list[str]:
    return _WORD.findall(nfc(text).lower())


def _drop_sapo_repeats(paragraphs: list[str], sapo: str) -> list[str]:
    """Remove body sentences whose syllables occur verbatim, in order, inside the sapo."""
    sapo_seq = " " + " ".join(_syl(sapo)) + " "
    out = []
    for para in paragraphs:
        kept = [
            s
            for s in split_sentences(para)
            if not (len(_syl(s)) >= 4 and " " + " ".join(_syl(s)) + " " in sapo_seq)
        ]
        if kept:
            out.append(" ".join(kept))
    return out


def _git(repo: str, *args: str) -> bytes:
    gitdir = _gitdir(repo)
    return subprocess.run(
        ["git", "--git-dir", str(gitdir), *args], check=True, capture_output=True
    ).stdout


def _gitdir(repo: str) -> Path:
    return MIRROR / repo.replace("/", "+") / "repo"


def _head(repo: str) -> str:
    return _git(repo, "rev-parse", "HEAD").decode().strip()


def _outlet(link: str) -> str:
    """The outlet's domain from a baomoi.com copy's link; some links do not name the outlet."""
    if "baomoi.com/Home/" not in link:
        return "unattributed-baomoi"
    host = link.split("/")[5]
    parts = host.lower().removeprefix("www.").split(".")
    keep = 3 if parts[-1] == "vn" and parts[-2] in {"com", "org", "net", "gov", "edu"} else 2
    return ".".join(parts[-keep:])


def _bucket(key: str) -> int:
    return int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) % 10


def ktlab_records() -> list[dict]:
    commit = _head(KTLAB_REPO)
    blob = _git(KTLAB_REPO, "show", f"{commit}:{KTLAB_ZIP}")
    zpath = OUT / "ktlab.zip"
    zpath.write_bytes(blob)
    records = []
    with zipfile.ZipFile(zpath) as zf:
        for name in sorted(zf.namelist()):
            m = re.fullmatch(r"clusters/(cluster_\d+)/(\d+)\.info\.txt", name)
            if not m:
                continue
            cluster, doc = m.groups()
            info = zf.read(name).decode("utf-8")
            fields = dict(re.findall(r"^(LINK|TITLE|SUMMARY|TIME): ?(.*)$", info, re.M))
            body = zf.read(f"clusters/{cluster}/{doc}.body.txt").decode("utf-8")
            d, mth, y = fields["TIME"].split()[0].split("/")
            records.append(
                {
                    "id": f"ktlab/{cluster}/{doc}",
                    "source": "ktlab",
                    "cluster": cluster,
                    "outlet": _outlet(fields["LINK"]),
                    "date": f"{y}-{int(mth):02d}-{int(d):02d}",
                    "title": _detok(fields["TITLE"]),
                    "summary": _detok(fields["SUMMARY"]),
                    "paragraphs": [nfc(p).strip() for p in body.splitlines() if p.strip()],
                    "provenance": f"{KTLAB_REPO}@{commit}:{KTLAB_ZIP}!{name}",
                }
            )
    return records


def vietnews_paths(folder: str) -> list[str]:
    out = _git(VIETNEWS_REPO, "ls-tree", "--name-only", "HEAD", f"data/{folder}/").decode()
    return [p for p in out.split("\n") if p]


def vietnews_records(paths: list[str], split: str) -> list[dict]:
    commit = _head(VIETNEWS_REPO)
    records = []
    for path, blob in zip(paths, read_blobs(_gitdir(VIETNEWS_REPO), commit, paths), strict=True):
        text = blob.decode("utf-8")
        blocks = [b for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
        if len(blocks) < 3:
            continue
        records.append(
            {
                "id": f"vietnews/{split}/{Path(path).name.split('.')[0]}",
                "source": "vietnews",
                "cluster": None,
                "outlet": None,
                "date": None,
                "title": _detok(blocks[0]),
                "summary": _detok(blocks[1]),
                # one sentence a line in the source; captions (blocks 3+) are not body text
                "paragraphs": [_detok(line) for line in blocks[2].splitlines() if line.strip()],
                "provenance": f"{VIETNEWS_REPO}@{commit}:{path}",
            }
        )
    return records


def finish(rec: dict) -> dict | None:
    """Sapo out of the input, short or empty items dropped; the record as written to JSONL."""
    paragraphs = _drop_sapo_repeats(rec.pop("paragraphs"), rec["summary"])
    n_sent = sum(len(split_sentences(p)) for p in paragraphs)
    if not rec["summary"] or n_sent < MIN_BODY_SENTENCES or len(_syl(rec["summary"])) < 8:
        return None
    rec["text"] = "\n\n".join(paragraphs)
    rec["sapo_sha256"] = hashlib.sha256(nfc(rec["summary"]).encode()).hexdigest()
    return rec


def split_ktlab(records: list[dict]) -> dict[str, list[dict]]:
    """Test: outlets of the held-out bucket; dev/train: other outlets by date; no shared story."""
    test = [r for r in records if _bucket(r["outlet"]) < TEST_OUTLET_BUCKETS]
    test_clusters = {r["cluster"] for r in test}
    rest = [
        r
        for r in records
        if _bucket(r["outlet"]) >= TEST_OUTLET_BUCKETS and r["cluster"] not in test_clusters
    ]
    return {
        "test": test,
        "dev": [r for r in rest if r["date"] >= DEV_FROM],
        "train": [r for r in rest if r["date"] < DEV_FROM],
    }


def pick(paths: list[str], n: int, salt: str) -> list[str]:
    """A fixed pseudo-random subset: the n paths with the smallest salted hash."""
    return sorted(sorted(paths, key=lambda p: hashlib.sha256((salt + p).encode()).digest())[:n])


def main() -> None:
    global MIRROR
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train-vietnews", type=int, default=12000)
    parser.add_argument("--write-split", action="store_true", help="rewrite the committed split")
    parser.add_argument("--mirror", type=Path, help=f"folder of bare clones (default {MIRROR})")
    parser.add_argument("--vietnews-test-all", type=Path, help="only write all VietNews test here")
    args = parser.parse_args()
    if args.mirror:
        MIRROR = args.mirror
    if args.vietnews_test_all:
        recs = vietnews_records(vietnews_paths("test_tokenized"), "test")
        kept = [r for r in map(finish, recs) if r is not None]
        with args.vietnews_test_all.open("w", encoding="utf-8") as fh:
            for r in kept:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"{len(kept)} of {len(recs)} VietNews test articles -> {args.vietnews_test_all}")
        return
    OUT.mkdir(parents=True, exist_ok=True)

    splits = split_ktlab(ktlab_records())
    for split, folder, n in (
        ("test", "test_tokenized", VIETNEWS_SIZES["test"]),
        ("dev", "val_tokenized", VIETNEWS_SIZES["dev"]),
        ("train", "train_tokenized", args.train_vietnews),
    ):
        # ask for 5% more so that dropped (too short) items still leave about n
        paths = pick(vietnews_paths(folder), int(n * 1.05), salt=f"vnbrief-{split}")
        splits[split] += vietnews_records(paths, split)

    rows = []
    for split, recs in splits.items():
        kept = [r for r in map(finish, recs) if r is not None]
        with (OUT / f"{split}.jsonl").open("w", encoding="utf-8") as fh:
            for r in kept:
                fh.write(
                    json.dumps({k: v for k, v in r.items() if k != "cluster"}, ensure_ascii=False)
                    + "\n"
                )
        by_source = Counter(r["source"] for r in kept)
        outlets = len({r["outlet"] for r in kept if r["outlet"]})
        print(f"{split:5} {len(kept):6} articles {dict(by_source)} ktlab outlets: {outlets}")
        if split != "train":
            rows += [
                "\t".join(
                    (
                        split,
                        r["id"],
                        r["outlet"] or "-",
                        r["date"] or "-",
                        r["provenance"],
                        r["sapo_sha256"],
                    )
                )
                for r in kept
            ]
    if args.write_split:
        SPLIT_FILE.parent.mkdir(parents=True, exist_ok=True)
        SPLIT_FILE.write_text(
            "split\tid\toutlet\tdate\tprovenance\tsapo_sha256\n" + "\n".join(rows) + "\n",
            encoding="utf-8",
        )
        print(f"wrote {SPLIT_FILE.relative_to(ROOT)} ({len(rows)} rows)")


if __name__ == "__main__":
    main()
