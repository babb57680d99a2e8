"""How much a large run writes to the terminal: stderr line count of a 300-article `vnbrief run`.

Inputs: the 19 real scraped articles in samples/, tests/clean_cases/ and tests/clean_heldout/,
repeated to N files, each made distinct by one appended line naming its copy number (so none is
a duplicate). Extractive summarizer, no translator: this measures the terminal, not the models.

    .venv/bin/python bench/stderr_lines.py [--n 300] [--work /work/data/9/stderr300]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("samples", "tests/clean_cases", "tests/clean_heldout")


def build_inbox(inbox: Path, n: int) -> None:
    paths = [p for d in SOURCES for p in sorted((ROOT / d).glob("*.txt"))]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    shutil.rmtree(inbox, ignore_errors=True)
    inbox.mkdir(parents=True)
    for i in range(n):
        text = texts[i % len(texts)].rstrip("\n") + f"\n\n#{i + 1:04d}\n"
        (inbox / f"article-{i + 1:04d}.txt").write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--work", type=Path, default=Path("/work/data/9/stderr300"))
    args = parser.parse_args()
    inbox, out = args.work / "inbox", args.work / "out"
    build_inbox(inbox, args.n)
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
