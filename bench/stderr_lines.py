"""How much a large run writes to the terminal: stderr line count of a 300-article `vnbrief run`.

Inputs: real, distinct articles from VMDS (github.com/lupanh/VietnameseMDS, Baomoi 2012-13;
`bench/digest_data.py` rebuilds /work/data/11/vmds_articles.jsonl from its mirror), written as
"title, blank line, body" files. Without VMDS the 3 samples are repeated, each copy made distinct
by one appended line naming its number. Extractive summarizer, no translator: this measures the
terminal, not the models.

    .venv/bin/python bench/stderr_lines.py [--n 300] [--work /work/data/9/stderr300]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
VMDS = Path("/work/data/11/vmds_articles.jsonl")


def build_inbox(inbox: Path, n: int) -> str:
    shutil.rmtree(inbox, ignore_errors=True)
    inbox.mkdir(parents=True)
    if VMDS.exists():
        docs = [json.loads(line) for line in VMDS.read_text(encoding="utf-8").splitlines()]
        texts = [f"{d['title']}\n\n{d['body']}\n" for d in docs if d.get("body")][:n]
        source = f"{len(texts)} VMDS articles"
    else:
        samples = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
        texts = [
            samples[i % len(samples)].rstrip("\n") + f"\n\n#{i + 1:04d}\n" for i in range(n)
        ]
        source = f"{n} numbered copies of the 3 samples"
    for i, text in enumerate(texts):
        (inbox / f"article-{i + 1:04d}.txt").write_text(text, encoding="utf-8")
    return source


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--work", type=Path, default=Path("/work/data/9/stderr300"))
    args = parser.parse_args()
    inbox, out = args.work / "inbox", args.work / "out"
    source = build_inbox(inbox, args.n)
    print(f"inputs: {source}")
    shutil.rmtree(out, ignore_errors=True)
    config = args.work / "config.yaml"
    config.write_text(
        yaml.safe_dump(
            {"summarizer": {"backend": "extractive"}, "translator": {"backend": "none"}}
        ),
        encoding="utf-8",
    )
    vnbrief = Path(sys.executable).parent / "vnbrief"
    started = time.monotonic()
    result = subprocess.run(
        [str(vnbrief), "run", str(inbox), "--config", str(config), "--out", str(out)],
        capture_output=True, text=True, env={**os.environ, "HF_HUB_OFFLINE": "1"},
    )
    seconds = time.monotonic() - started
    (args.work / "stderr.txt").write_text(result.stderr, encoding="utf-8")
    (args.work / "stdout.txt").write_text(result.stdout, encoding="utf-8")
    err = result.stderr.splitlines()
    kinds = Counter(
        next((k for k in ("cleaned", "summarized", "translated", "ERROR", "Traceback",
                          "Error flushing", "input article") if k in line), "other")
        for line in err
    )
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    print("| articles | exit | wall s | stderr lines | stdout lines | report |")
    print("|---|---|---|---|---|---|")
    print(f"| {args.n} | {result.returncode} | {seconds:.0f} | {len(err)} | "
          f"{len(result.stdout.splitlines())} | {summary} |")
    print("\nstderr lines by kind: " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    print(f"full stderr: {args.work / 'stderr.txt'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
