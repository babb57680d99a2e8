"""Summary and translation metrics, with a signature that says exactly how a number was made.

ROUGE comes from `rouge-score` (Google's reimplementation of the ROUGE-1.5.5 F-measures) with a
syllable tokenizer passed in: its default tokenizer keeps only [a-z0-9] and turns "Tổng" into
"t", "ng", which scores unrelated Vietnamese text above 0.4. Vietnamese words are one or more
syllables written apart, so NFC-normalised lowercased syllables are the natural unit (VietNews
results are reported on words; see README for the difference). BLEU and chrF come from sacreBLEU
on NFC text, with its own signature.

Confidence intervals are percentile bootstraps over items (Koehn 2004): resample the items,
recompute the mean; for a margin, resample the *paired* per-item differences.
"""

from __future__ import annotations

import hashlib
import random
import re
import statistics
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from pipeline.unicode_forms import nfc

ROUGE_TYPES = ("rouge1", "rouge2", "rougeL")
_SYLLABLE = re.compile(r"\w+")
# WHY 1000 resamples: the 95% interval's ends move by < 0.1 ROUGE point beyond that.
BOOTSTRAP_SAMPLES = 1000


def syllables(text: str) -> list[str]:
    """ROUGE units: NFC-normalised, lowercased syllables (runs of letters/digits)."""
    return _SYLLABLE.findall(nfc(text).lower())


class SyllableTokenizer:
    """The `tokenizer` interface rouge-score expects: text -> list of tokens."""

    def tokenize(self, text: str) -> list[str]:
        return syllables(text)


def _rouge_scorer(types: Sequence[str]):
    """A rouge-score scorer on syllables.

    rouge-score logs through absl, whose handler keeps the sys.stderr of its import time; a later
    `logging.config.dictConfig` (Prefect sets up logging so) flushes every handler, and fails if
    that stream was closed since (a test's capture, a closed pipe). Pin it to the process stderr.
    """
    from absl import logging as absl_logging
    from rouge_score import rouge_scorer

    absl_logging.get_absl_handler().python_handler.stream = sys.__stderr__
    return rouge_scorer.RougeScorer(list(types), tokenizer=SyllableTokenizer())


def rouge_per_item(candidates: Sequence[str], references: Sequence[str]) -> list[dict[str, float]]:
    """ROUGE-1/2/L F1 (0-100) per item, on syllables."""
    if len(candidates) != len(references):
        raise ValueError(f"{len(candidates)} candidates for {len(references)} references")
    scorer = _rouge_scorer(ROUGE_TYPES)
    return [
        {k: 100.0 * v.fmeasure for k, v in scorer.score(ref, cand).items()}
        for cand, ref in zip(candidates, references, strict=True)
    ]


@dataclass(frozen=True)
class Interval:
    mean: float
    low: float
    high: float

    def __str__(self) -> str:
        return f"{self.mean:.2f} [{self.low:.2f}, {self.high:.2f}]"


def bootstrap(values: Sequence[float], samples: int = BOOTSTRAP_SAMPLES, seed: int = 0) -> Interval:
    """Mean with a 95% percentile-bootstrap interval (fixed seed: reruns print the same)."""
    if not values:
        raise ValueError("no values to bootstrap")
    rng = random.Random(seed)
    n = len(values)
    means = sorted(sum(rng.choices(values, k=n)) / n for _ in range(samples))
    return Interval(
        statistics.fmean(values), means[int(0.025 * samples)], means[int(0.975 * samples) - 1]
    )


def paired_margin(a: Sequence[float], b: Sequence[float], seed: int = 0) -> Interval:
    """Mean of a - b per item with a 95% paired-bootstrap interval."""
    if len(a) != len(b):
        raise ValueError("paired scores must have the same length")
    return bootstrap([x - y for x, y in zip(a, b, strict=True)], seed=seed)


def redundancy(texts: Sequence[str]) -> float:
    """Worst overlap between any two of `texts`: max pairwise ROUGE-2 F1 (0-100) on syllables.

    Applied to [summary, *key points]: 0 means every bullet adds new wording; 100 means one
    bullet repeats another (or the summary) word for word.
    """
    items = [t for t in texts if t.strip()]
    pairs = [(items[i], items[j]) for i in range(len(items)) for j in range(i + 1, len(items))]
    if not pairs:
        return 0.0
    scorer = _rouge_scorer(["rouge2"])
    return max(100.0 * scorer.score(a, b)["rouge2"].fmeasure for a, b in pairs)


def translation_scores(hypotheses: Sequence[str], references: Sequence[str]) -> dict[str, object]:
    """Corpus BLEU and chrF (sacreBLEU defaults) on NFC text, with sacreBLEU's signatures."""
    from sacrebleu.metrics import BLEU, CHRF

    hyps = [nfc(h) for h in hypotheses]
    refs = [[nfc(r) for r in references]]
    bleu, chrf = BLEU(), CHRF()
    return {
        "bleu": bleu.corpus_score(hyps, refs).score,
        "chrf": chrf.corpus_score(hyps, refs).score,
        "bleu_signature": str(bleu.get_signature()),
        "chrf_signature": str(chrf.get_signature()),
    }


def file_sha256(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def rouge_signature(data_path: str | Path) -> str:
    """sacreBLEU-style: everything needed to reproduce a ROUGE number from this data file."""
    version = metadata.version("rouge-score")
    return (
        f"nrefs:1|norm:nfc+lower|tok:syllable(\\w+)|stem:no|metric:rouge-score-{version}"
        f"|f1|boot:{BOOTSTRAP_SAMPLES}|data:sha256:{file_sha256(data_path)[:12]}"
    )
