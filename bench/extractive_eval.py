"""Sanity benchmark for the extractive summarizer on the bundled samples.

There are no reference summaries for the samples, so this reports what can be checked without
them: the chosen sentences (to read), ROUGE against Lead-3 (how far the scorer departs from the
strong news baseline) and against the title (the editor's own one-line summary), and speed.

Articles go through the real cleaner first, as in a run.

Run: .venv/bin/python bench/extractive_eval.py [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.baselines import LeadSummarizer  # noqa: E402
from models.extractive import ExtractiveSummarizer  # noqa: E402
from pipeline.article import CleanArticle  # noqa: E402
from pipeline.clean import clean_text  # noqa: E402
from pipeline.metrics import rouge_per_item  # noqa: E402
from pipeline.segment import split_sentences  # noqa: E402

SAMPLES = sorted((ROOT / "samples").glob("*.txt"))


def rouge_n(candidate: str, reference: str, n: int = 1) -> float:
    """ROUGE-N F1 (0-1) on syllables: the metric of `vnbrief eval` (pipeline/metrics.py)."""
    [scores] = rouge_per_item([candidate], [reference])
    return scores[f"rouge{n}"] / 100.0


def lead(article: CleanArticle, k: int) -> str:
    """Lead-k over real sentences (headings and credits without final punctuation skipped)."""
    return LeadSummarizer(k).summarize(article).text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timing runs; the median is shown")
    args = parser.parse_args()

    summarizer = ExtractiveSummarizer()
    articles: dict[str, CleanArticle] = {}
    for path in SAMPLES:
        articles[path.name] = clean_text(path.read_text(encoding="utf-8"))
        print(f"{path.name} ({len(articles[path.name].paragraphs)} paragraphs after cleaning)")

    r1_lead, r1_title = [], []
    for name, article in articles.items():
        summary = summarizer.summarize(article)
        lead3 = lead(article, 3)
        print(f"\n=== {name}\ntitle: {article.title}")
        for sent in split_sentences(summary.text):
            print(f"  [S] {sent}")
        for point in summary.key_points:
            print(f"  [K] {point}")
        r1_lead.append(rouge_n(summary.text, lead3, 1))
        r1_title.append(rouge_n(summary.text, article.title, 1))
        print(
            f"  ROUGE-1 F vs Lead-3 {r1_lead[-1]:.3f}  ROUGE-2 F vs Lead-3 "
            f"{rouge_n(summary.text, lead3, 2):.3f}  |  ROUGE-1 F vs title: summary "
            f"{r1_title[-1]:.3f}, Lead-3 {rouge_n(lead3, article.title, 1):.3f}"
        )

    per_run = 50
    rates = []
    for _ in range(args.runs):
        start = time.perf_counter()
        for _ in range(per_run):
            for article in articles.values():
                summarizer.summarize(article)
        elapsed = time.perf_counter() - start
        rates.append(per_run * len(articles) / elapsed * 60)
    print(
        f"\nmean ROUGE-1 F vs Lead-3 {statistics.mean(r1_lead):.3f}, vs title "
        f"{statistics.mean(r1_title):.3f}\nspeed: {statistics.median(rates):,.0f} articles/min "
        f"(median of {args.runs} runs x {per_run * len(articles)} summaries)"
    )


if __name__ == "__main__":
    main()
