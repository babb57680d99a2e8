"""`vnbrief eval`: score summarizers and the translator against reference files.

Summaries: JSONL lines with `text` (the article body, paragraphs separated by blank lines),
`summary` (the reference) and optionally `title`. Every run also scores Lead-3 and the
embedded extractive summarizers, so a number always comes with its baselines. Translation: TSV
(`vi<TAB>en`) or JSONL (`vi`, `en`). Tables go to stdout and to a Markdown file, each with a
signature saying how the numbers were made (see pipeline/metrics.py).
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from models.base import Summarizer
from pipeline.article import CleanArticle
from pipeline.config import Config
from pipeline.metrics import (
    ROUGE_TYPES,
    Interval,
    bootstrap,
    redundancy,
    rouge_per_item,
    rouge_signature,
    syllables,
    translation_scores,
)
from pipeline.segment import split_paragraphs
from pipeline.store import atomic_write_text

ALWAYS = ("lead-3", "extractive", "learned")
SYSTEM_HELP = (
    "configured, lead-N, extractive, learned, lexrank-N, textrank-N, lsa-N, luhn-N "
    "(N sentences; sumy methods need `pip install sumy`)"
)


class EvalDataError(ValueError):
    """The reference file is unreadable or lacks a field; the message names file and line."""


@dataclass(frozen=True)
class SystemResult:
    name: str
    rouge: dict[str, list[float]]  # per item, 0-100
    seconds_per_item: float
    syllables: list[int]  # summary length per item
    redundancy: float | None  # mean over items of max pairwise ROUGE-2 among summary + points

    def interval(self, metric: str) -> Interval:
        return bootstrap(self.rouge[metric])

    @property
    def mean_syllables(self) -> float:
        return statistics.fmean(self.syllables)


def load_summary_records(path: str | Path, limit: int | None = None) -> list[dict]:
    records = []
    with Path(path).open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except ValueError as err:
                raise EvalDataError(f"{path}:{n}: not JSON ({err})") from err
            if not isinstance(rec, dict) or not all(
                isinstance(rec.get(k), str) and rec[k].strip() for k in ("text", "summary")
            ):
                raise EvalDataError(f"{path}:{n}: needs non-empty string fields text and summary")
            records.append(rec)
            if limit and len(records) >= limit:
                break
    if not records:
        raise EvalDataError(f"{path}: no records")
    return records


def to_article(rec: dict) -> CleanArticle:
    return CleanArticle(
        title=rec.get("title") or "", paragraphs=tuple(split_paragraphs(rec["text"]))
    )


def build_system(name: str, cfg: Config) -> Summarizer:
    """A summarizer by name (see SYSTEM_HELP); `configured` is what `vnbrief run` would use."""
    from models.baselines import SUMY_METHODS, LeadSummarizer, SumySummarizer

    method, _, count = name.partition("-")
    if name == "configured":
        from models.registry import get_summarizer

        summarizer, status = get_summarizer(cfg.summarizer, cfg.base_dir)
        if status.fell_back:
            print(
                f"vnbrief: warning: configured summarizer fell back: {status.reason}",
                file=sys.stderr,
            )
        return _Named(summarizer, f"configured ({status.used})")
    if name == "extractive":
        from models.extractive import ExtractiveSummarizer

        return ExtractiveSummarizer(cfg.summarizer.sentences, cfg.summarizer.key_points)
    if name == "learned":
        from models.learned_extractive import LearnedExtractiveSummarizer

        return LearnedExtractiveSummarizer(key_points=cfg.summarizer.key_points)
    if count.isdigit() and method == "lead":
        return LeadSummarizer(int(count))
    if count.isdigit() and method in SUMY_METHODS:
        return SumySummarizer(method, int(count))
    raise ValueError(f"unknown system {name!r} (known: {SYSTEM_HELP})")


class _Named:
    def __init__(self, inner: Summarizer, name: str) -> None:
        self.inner, self.name = inner, name

    def summarize(self, article: CleanArticle):
        return self.inner.summarize(article)


def evaluate_summarizer(system: Summarizer, records: Sequence[dict], label: str) -> SystemResult:
    candidates, lengths, redundancies = [], [], []
    start = time.perf_counter()
    for rec in records:
        summary = system.summarize(to_article(rec))
        candidates.append(summary.text)
        lengths.append(len(syllables(summary.text)))
        if summary.key_points:
            redundancies.append(redundancy([summary.text, *summary.key_points]))
    seconds = (time.perf_counter() - start) / len(records)
    scores = rouge_per_item(candidates, [r["summary"] for r in records])
    return SystemResult(
        name=label,
        rouge={k: [s[k] for s in scores] for k in ROUGE_TYPES},
        seconds_per_item=seconds,
        syllables=lengths,
        redundancy=statistics.fmean(redundancies) if redundancies else None,
    )


def summary_table(results: Sequence[SystemResult], signature: str, n: int, ref_len: float) -> str:
    lines = [
        f"ROUGE F1 (0-100, mean [95% bootstrap CI]) on {n} items; reference mean length "
        f"{ref_len:.1f} syllables.",
        "",
        "| system | ROUGE-1 | ROUGE-2 | ROUGE-L | syllables | key-point redundancy | s/item |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in results:
        red = "-" if r.redundancy is None else f"{r.redundancy:.1f}"
        cells = " | ".join(str(r.interval(m)) for m in ROUGE_TYPES)
        lines.append(
            f"| {r.name} | {cells} | {r.mean_syllables:.1f} | {red} | {r.seconds_per_item:.4f} |"
        )
    lines += ["", f"signature: {signature}"]
    return "\n".join(lines) + "\n"


def run_summaries(
    cfg: Config, data: str, systems: Sequence[str], limit: int | None, out: str | None
) -> int:
    records = load_summary_records(data, limit)
    names = list(dict.fromkeys([*systems, *ALWAYS]))
    results = []
    for name in names:
        system = build_system(name, cfg)
        label = getattr(system, "name", name) if name != "configured" else system.name
        print(f"scoring {label} on {len(records)} items ...", file=sys.stderr, flush=True)
        results.append(evaluate_summarizer(system, records, label))
    ref_len = statistics.fmean(len(syllables(r["summary"])) for r in records)
    table = summary_table(results, rouge_signature(data), len(records), ref_len)
    print(table, end="")
    _write(cfg, data, "summaries", out, f"# Summary evaluation: {Path(data).name}\n\n" + table)
    return 0


def load_translation_pairs(path: str | Path, limit: int | None = None) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    jsonl = str(path).endswith((".jsonl", ".json"))
    with Path(path).open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            if jsonl:
                try:
                    rec = json.loads(line)
                    pair = (rec["vi"], rec["en"])
                except (ValueError, KeyError, TypeError) as err:
                    raise EvalDataError(f"{path}:{n}: needs JSON with vi and en ({err})") from err
            else:
                cols = line.rstrip("\n").split("\t")
                if len(cols) != 2:
                    raise EvalDataError(f"{path}:{n}: needs two tab-separated columns (vi, en)")
                pair = (cols[0], cols[1])
            pairs.append(pair)
            if limit and len(pairs) >= limit:
                break
    if not pairs:
        raise EvalDataError(f"{path}: no pairs")
    return pairs


def run_translation(cfg: Config, data: str, limit: int | None, out: str | None) -> int:
    from models.registry import get_translator
    from pipeline.metrics import file_sha256

    pairs = load_translation_pairs(data, limit)
    translator, status = get_translator(cfg.translator, cfg.base_dir)
    if translator is None:
        print(f"vnbrief: error: translator unavailable: {status.reason}", file=sys.stderr)
        return 1
    start = time.perf_counter()
    hyps = translator.translate([vi for vi, _ in pairs])
    seconds = (time.perf_counter() - start) / len(pairs)
    scores = translation_scores(hyps, [en for _, en in pairs])
    table = (
        "\n".join(
            [
                f"{len(pairs)} segments.",
                "",
                "| system | BLEU | chrF | s/item |",
                "|---|---|---|---|",
                f"| {status.used} | {scores['bleu']:.2f} | {scores['chrf']:.2f} | {seconds:.4f} |",
                "",
                f"BLEU signature: {scores['bleu_signature']}|norm:nfc",
                f"chrF signature: {scores['chrf_signature']}|norm:nfc",
                f"data: sha256:{file_sha256(data)[:12]}",
            ]
        )
        + "\n"
    )
    print(table, end="")
    _write(
        cfg, data, "translation", out, f"# Translation evaluation: {Path(data).name}\n\n" + table
    )
    return 0


def _write(cfg: Config, data: str, kind: str, out: str | None, text: str) -> None:
    path = Path(out) if out else cfg.resolve(cfg.outputs) / "eval" / f"{Path(data).stem}-{kind}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, text)
    print(f"wrote {path}", file=sys.stderr)
