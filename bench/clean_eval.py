"""Score the boilerplate cleaner against the hand labels in tests/labels/.

Why: the cleaner is rule-based, so every rule change must be checked against human judgement,
line by line. Prints removal precision/recall per sample and whether every body line survived
verbatim and in order. Usage: ``python bench/clean_eval.py [samples_dir] [labels_dir]``.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.clean import clean_text
from pipeline.cleaning.text import normalize

REPO = Path(__file__).resolve().parents[1]


@dataclass
class Score:
    """Removal quality of one sample; positives are lines labelled boilerplate."""

    name: str
    tp: int
    fp: int
    fn: int
    false_positives: list[int] = field(default_factory=list)
    false_negatives: list[int] = field(default_factory=list)
    missing_body: list[int] = field(default_factory=list)  # body lines not found, in order

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def load_labels(text: str) -> dict[int, tuple[str, str]]:
    """line number -> (label, reason) from a TSV with '#' comment lines."""
    labels: dict[int, tuple[str, str]] = {}
    for row in text.splitlines():
        if not row.strip() or row.startswith("#"):
            continue
        cols = row.split("\t")
        labels[int(cols[0])] = (cols[1], cols[2] if len(cols) > 2 else "")
    return labels


def score(name: str, article_text: str, labels: dict[int, tuple[str, str]]) -> Score:
    """Compare one cleaned article with its labels."""
    article = clean_text(article_text)
    removed = {r.line for r in article.removed}
    positives = {n for n, (label, _) in labels.items() if label == "boilerplate"}
    tp, fp, fn = len(removed & positives), len(removed - positives), len(positives - removed)
    result = Score(name, tp, fp, fn)
    result.false_positives = sorted(removed - positives)
    result.false_negatives = sorted(positives - removed)
    raw_lines = article_text.split("\n")
    cursor = 0
    paragraphs = list(article.paragraphs)
    for n in sorted(labels):
        if labels[n][0] != "body":
            continue
        want = normalize(raw_lines[n - 1])
        try:
            cursor = paragraphs.index(want, cursor) + 1
        except ValueError:
            result.missing_body.append(n)
    return result


def evaluate(samples: Path, labels_dir: Path) -> list[Score]:
    """Score every sample that has a label file."""
    scores = []
    for label_file in sorted(labels_dir.glob("*.tsv")):
        sample = samples / f"{label_file.stem}.txt"
        labels = load_labels(label_file.read_text(encoding="utf-8"))
        scores.append(score(label_file.stem, sample.read_text(encoding="utf-8"), labels))
    return scores


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    samples = Path(args[0]) if args else REPO / "samples"
    labels_dir = Path(args[1]) if len(args) > 1 else REPO / "tests" / "labels"
    scores = evaluate(samples, labels_dir)
    print(f"{'sample':40} {'precision':>9} {'recall':>7} {'tp':>4} {'fp':>3} {'fn':>3}  body-ok")
    for s in scores:
        body_ok = "yes" if not s.missing_body else f"missing {s.missing_body}"
        counts = f"{s.tp:4} {s.fp:3} {s.fn:3}"
        print(f"{s.name:40} {s.precision:9.3f} {s.recall:7.3f} {counts}  {body_ok}")
        if s.false_positives or s.false_negatives:
            print(f"{'':40} false+ lines {s.false_positives}  false- lines {s.false_negatives}")
    return 0 if all(not s.missing_body for s in scores) else 1


if __name__ == "__main__":
    raise SystemExit(main())
