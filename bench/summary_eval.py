"""Every summarizer against the sapo on the committed split, with margins over the best Lead.

Data: build it first with bench/summary_data.py (from the public mirrors, outside git); the
ids, provenance and sapo hashes of dev and test are committed in bench/data/summary_split.tsv
and checked here, so a rebuilt file that differs is refused.

Prints, per source (all, ktlab = outlet-held-out, vietnews = official test folder), the
`vnbrief eval` table, then the paired-bootstrap margin of each system over the best of
Lead-1/2/3 (chosen per metric on the same items).

Run: .venv/bin/python bench/summary_eval.py --split dev|test [--systems ...] [--out FILE.md]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import statistics
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flows.eval_cmd import (  # noqa: E402
    SystemResult,
    build_system,
    evaluate_summarizer,
    load_summary_records,
    summary_table,
)
from pipeline.config import load_config  # noqa: E402
from pipeline.metrics import ROUGE_TYPES, paired_margin, rouge_signature, syllables  # noqa: E402

DATA = Path("/work/data/i13")
SPLIT_FILE = ROOT / "bench" / "data" / "summary_split.tsv"
SYSTEMS = (
    "lead-1,lead-2,lead-3,extractive,lexrank-1,lexrank-2,lexrank-3,textrank-2,textrank-3,"
    "lsa-2,lsa-3,luhn-2,luhn-3,learned"
)
LEADS = ("lead-1", "lead-2", "lead-3")


def check_split(records: list[dict], split: str) -> None:
    """The rebuilt items must be exactly the committed ones (ids and sapo hashes)."""
    with SPLIT_FILE.open(encoding="utf-8") as fh:
        committed = {
            r["id"]: r["sapo_sha256"]
            for r in csv.DictReader(fh, delimiter="\t")
            if r["split"] == split
        }
    found = {
        r["id"]: hashlib.sha256(unicodedata.normalize("NFC", r["summary"]).encode()).hexdigest()
        for r in records
    }
    if found != committed:
        sys.exit(f"{split}: rebuilt data differs from {SPLIT_FILE.name}; rerun summary_data.py")


def subset(result: SystemResult, idx: list[int]) -> SystemResult:
    return SystemResult(
        result.name,
        {k: [v[i] for i in idx] for k, v in result.rouge.items()},
        result.seconds_per_item,
        [result.syllables[i] for i in idx],
        result.redundancy,
    )


def margins(results: list[SystemResult]) -> list[str]:
    by_name = {r.name: r for r in results}
    lines = [
        "| system | " + " | ".join(f"Δ {m} vs best lead" for m in ROUGE_TYPES) + " |",
        "|---|---|---|---|",
    ]
    best = {m: max(LEADS, key=lambda n: statistics.fmean(by_name[n].rouge[m])) for m in ROUGE_TYPES}
    for r in results:
        if r.name in LEADS:
            continue
        cells = [
            f"{paired_margin(r.rouge[m], by_name[best[m]].rouge[m])} ({best[m]})"
            for m in ROUGE_TYPES
        ]
        lines.append(f"| {r.name} | " + " | ".join(cells) + " |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--systems", default=SYSTEMS)
    parser.add_argument("--out", help="also write the report as Markdown")
    args = parser.parse_args()

    path = DATA / f"{args.split}.jsonl"
    records = load_summary_records(path)
    check_split(records, args.split)
    cfg = load_config(ROOT / "configs" / "default.yaml")
    results = []
    for name in args.systems.split(","):
        system = build_system(name, cfg)
        print(f"scoring {system.name} ...", file=sys.stderr, flush=True)
        results.append(evaluate_summarizer(system, records, system.name))

    out = [f"# Summaries vs sapo, {args.split} split ({path.name})", ""]
    for source in ("all", "ktlab", "vietnews"):
        idx = [i for i, r in enumerate(records) if source in ("all", r["source"])]
        sub = [subset(r, idx) for r in results]
        ref_len = statistics.fmean(len(syllables(records[i]["summary"])) for i in idx)
        out += [f"## {source} ({len(idx)} articles)", ""]
        out.append(summary_table(sub, rouge_signature(path), len(idx), ref_len))
        out += ["Paired-bootstrap margins (mean [95% CI]):", "", *margins(sub), ""]
    text = "\n".join(out)
    print(text)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
