"""Build N distinct real Vietnamese articles for bench/throughput.py from a fetched mirror.

Source: lupanh/VietnameseMDS (commit 16207757f68c629e5b53fe1d3d42b8ef5b42e99f), file
KTLAB-200document-clusters.zip: 628 Vietnamese news articles (baomoi.com, 2013) in 200 clusters,
each a `<id>.body.txt` (article text) beside a `<id>.info.txt` (TITLE: line, word-segmented with
underscores, which are put back as spaces). Nothing here is written by us except, for inputs past
the 628th, one marker line `[bench copy K]` so every input has distinct content (a re-run of the
same file would otherwise be a duplicate, not work).

The data is not committed: `python bench/throughput_data.py N` writes it under
/work/data/i12/articles-N/ (override with --out), fetching the mirror with the project's `fetch`
tool first (it lands in /work/.mirror/lupanh+VietnameseMDS/repo).
"""

from __future__ import annotations

import argparse
import io
import subprocess
import zipfile
from pathlib import Path

MIRROR = Path("/work/.mirror/lupanh+VietnameseMDS/repo")
COMMIT = "16207757f68c629e5b53fe1d3d42b8ef5b42e99f"
ZIP_PATH = "KTLAB-200document-clusters.zip"
DATA_ROOT = Path("/work/data/i12")


def load_articles(mirror: Path = MIRROR) -> list[tuple[str, str, str]]:
    """(doc id, title, body) for every article of the corpus, in a stable order."""
    blob = subprocess.run(
        ["git", f"--git-dir={mirror}", "show", f"{COMMIT}:{ZIP_PATH}"],
        check=True,
        capture_output=True,
    ).stdout
    archive = zipfile.ZipFile(io.BytesIO(blob))
    names = set(archive.namelist())
    articles = []
    for name in sorted(n for n in names if n.endswith(".body.txt")):
        info_name = name.replace(".body.txt", ".info.txt")
        title = ""
        if info_name in names:
            for line in archive.read(info_name).decode("utf-8", "replace").splitlines():
                if line.startswith("TITLE:"):
                    title = " ".join(line[len("TITLE:") :].replace("_", " ").split())
        body = archive.read(name).decode("utf-8", "replace").strip()
        if title and body:
            articles.append((Path(name).name.split(".")[0], title, body))
    return articles


def build(n: int, out: Path, mirror: Path = MIRROR) -> list[Path]:
    """Write n distinct article files into `out` (reused when already complete)."""
    existing = sorted(out.glob("*.txt")) if out.exists() else []
    if len(existing) == n:
        return existing
    out.mkdir(parents=True, exist_ok=True)
    for old in existing:
        old.unlink()
    articles = load_articles(mirror)
    paths = []
    for k in range(n):
        doc_id, title, body = articles[k % len(articles)]
        text = f"{title}\n\n{body}\n"
        if k >= len(articles):
            text += f"\n[bench copy {k // len(articles) + 1}]\n"
        path = out / f"{k:05d}-{doc_id}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    out = args.out or DATA_ROOT / f"articles-{args.n}"
    print(f"{len(build(args.n, out))} articles in {out}")


if __name__ == "__main__":
    main()
