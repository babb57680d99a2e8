"""Does a Vietnamese model trained here find the captions the shipped model misses? (issue 8)

Why: on unseen sources most boilerplate the cleaner leaves is photo captions that read like
body text. A blind reader finds nearly all of them from plain text (``caption_blind_reader``),
richer models over shallow features do not (``caption_model_classes``). This asks the two
questions left: does far more caption data help, and does an encoder that has learned the
language (pretrained here, since no registry ships Vietnamese encoder weights) help?

Data:
- VietNews (ThanhChinhBK/vietnews @a20d9b7, fetched mirror): 150,703 articles of Vietnamese
  news sites, each file title / sapo / body sentences / photo captions, word-segmented. Read as
  text with underscores turned back into spaces. Its 246,929 caption sentences are the largest
  set of real captions this project has found; its text is the encoder's pretraining corpus
  (articles sharing a 40+ character line with any labelled page of ``tests/clean_real`` are
  left out: 2, one of them a held-out page's).
- The candidate rows and folds of ``caption_model_classes`` (outlet-grouped 5-fold CV over the
  hand-labelled seen pages; held-out splits never enter).

Verbs:
- ``prepare OUTDIR``: VietNews to ``OUTDIR/vietnews.jsonl``, the pretraining corpus
  (``corpus.txt.xz``, 230 M characters), a 16k SentencePiece model (``sp.model``) and the rows
  (``rows.json.xz``) that ``caption_encoder_device.py`` reads. About 6 min on 2 cores.
- ``sentences OUTDIR``: a word 1-2-gram logistic model of caption versus body sentence trained
  on VietNews alone (train split; its val split scores it), then scored on the candidate rows.
- ``score PREDS``: the encoder's out-of-fold probabilities (written by the device script) against
  the shipped linear model, alone and combined.

Every number here is dev-kind: the rows are seen pages (each fold's outlets unseen by its model).
Results (``bench/results/caption_encoder_stop14.txt``; captions found before the 6th body line,
the cleaner's operating point, of 227): shipped linear 118 (AP 0.827); VietNews sentence model
10 (AP 0.420; it ranks short place-name subheadings as captions), stacked with the shipped one
111; the encoder 57 (AP 0.758), 72 from random weights (AP 0.759: 280 s of pretraining on
57 M tokens added nothing), at most 103 combined with the shipped one. Neither replaces it.
The preds file of those two device runs is ``bench/data/caption_encoder/preds_stop14.json``.
"""

from __future__ import annotations

import argparse
import json
import lzma
import random
import re
import subprocess
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import caption_model_classes as classes  # noqa: E402
import clean_real_build as build  # noqa: E402
import clean_real_eval as real_eval  # noqa: E402
import train_caption_model as linear  # noqa: E402
from git_blobs import read_objects  # noqa: E402

from pipeline.cleaning import caption_model  # noqa: E402
from pipeline.cleaning.text import key  # noqa: E402

VIETNEWS = "ThanhChinhBK/vietnews"
VIETNEWS_COMMIT = "a20d9b7f5"
CORPUS_CHARS = 230_000_000  # what fits the device's 64 MiB working tree, compressed
OVERLAP_MIN = 40  # characters of a line key shared with a labelled page
SPM_SHARE, SPM_SENTENCES = 0.35, 1_200_000  # the tokenizer learns from this sample
_SPACE_BEFORE = re.compile(r" +([,.;:!?)\]”…%])")
_SPACE_AFTER = re.compile(r"([(\[“]) +")


def detokenize(segmented: str) -> str:
    """VietNews's word-segmented sentence as plain text ("đường_ray , sắt" -> "đường ray, sắt")."""
    s = _SPACE_AFTER.sub(r"\1", _SPACE_BEFORE.sub(r"\1", segmented.replace("_", " ")))
    parts = s.split('"')
    out = parts[0]
    for k, part in enumerate(parts[1:]):  # straight quotes alternate opening and closing
        out = out + '"' + part.lstrip() if k % 2 == 0 else out.rstrip() + '"' + part
    return re.sub(r" {2,}", " ", out).strip()


def vietnews_articles() -> list[dict]:
    git_dir = build.MIRRORS / VIETNEWS.replace("/", "+") / "repo"
    listing = subprocess.run(
        ["git", "--git-dir", str(git_dir), "ls-tree", "-r", VIETNEWS_COMMIT],
        check=True,
        capture_output=True,
        text=True,
    )
    entries = [(line.split()[2], line.split("\t")[1]) for line in listing.stdout.splitlines()]
    blobs = read_objects(git_dir, [blob_id for blob_id, _path in entries])
    articles = []
    for (_blob_id, path), blob in zip(entries, blobs, strict=True):
        blocks = [
            b.strip().split("\n")
            for b in re.split(r"\n\s*\n", blob.decode("utf-8", "replace").strip())
        ]
        if len(blocks) < 3:
            continue
        articles.append(
            {
                "split": path.split("/")[1].split("_")[0],
                "title": detokenize(" ".join(blocks[0])),
                "sapo": detokenize(" ".join(blocks[1])),
                "body": [detokenize(x) for x in blocks[2] if x.strip()],
                "captions": [detokenize(x) for b in blocks[3:] for x in b if x.strip()],
            }
        )
    return articles


def labelled_keys() -> tuple[set[str], set[str]]:
    """Line keys (40+ characters) of every labelled page, and of the held-out ones."""
    every, held = set(), set()
    for item in json.loads((real_eval.CASES / "manifest.json").read_text("utf-8")):
        page = real_eval.DEFAULT_DATA / f"{item['id']}.txt"
        if not page.exists():
            continue
        for line in page.read_text(encoding="utf-8").splitlines():
            k = key(line)
            if len(k) >= OVERLAP_MIN:
                every.add(k)
                if item["split"] in real_eval.HELD_OUT:
                    held.add(k)
    return every, held


def prepare(out: Path) -> None:
    import sentencepiece as spm

    out.mkdir(parents=True, exist_ok=True)
    articles = vietnews_articles()
    with (out / "vietnews.jsonl").open("w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    every, held = labelled_keys()
    docs, dropped, dropped_held, chars = [], 0, 0, 0
    for a in articles:
        sentences = [s for s in (a["title"], a["sapo"], *a["body"], *a["captions"]) if s]
        keys = {key(s) for s in sentences}
        if keys & every:
            dropped += 1
            dropped_held += bool(keys & held)
            continue
        docs.append("\n".join(sentences))
        chars += len(docs[-1])
        if chars > CORPUS_CHARS:
            break
    with lzma.open(out / "corpus.txt.xz", "wt", encoding="utf-8", preset=6) as f:
        f.write("".join(doc + "\n\n" for doc in docs))
    print(
        f"{len(articles)} articles; corpus {len(docs)} articles, {chars} characters; left out"
        f" {dropped} sharing a line with a labelled page ({dropped_held} a held-out one)"
    )
    rng = random.Random(0)
    sample = []
    for s in (s for d in docs for s in d.split("\n")):
        if rng.random() < SPM_SHARE:
            sample.append(s)
            if len(sample) == SPM_SENTENCES:
                break
    (out / "spm_sample.txt").write_text("\n".join(sample), encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(out / "spm_sample.txt"),
        model_prefix=str(out / "sp"),
        vocab_size=16000,
        model_type="unigram",
        character_coverage=0.9999,
        pad_id=0,
        unk_id=1,
        bos_id=2,
        eos_id=3,
        user_defined_symbols=["[MASK]"],
        input_sentence_size=SPM_SENTENCES,
        shuffle_input_sentence=True,
        num_threads=2,
        max_sentence_length=4000,
    )
    rows, folds, hand = candidate_rows()
    with lzma.open(out / "rows.json.xz", "wt", encoding="utf-8") as f:
        json.dump({"rows": rows, "folds": folds, "hand": hand}, f, ensure_ascii=False)
    print(f"{len(rows)} candidate rows, {len(hand)} on hand-labelled pages")


def candidate_rows() -> tuple[list[dict], list[dict], list[int]]:
    _pages, _feats, labels, groups, _ends, context = classes.collect()
    hand, folds = classes.hand_folds(groups)
    weight = linear.outlet_weights(groups)
    rows = [
        {"t": c[0], "a": c[1], "b": c[2], "y": int(y), "w": float(w)}
        for c, y, w in zip(context, labels, weight, strict=True)
    ]
    return (rows, [{"train": tr.tolist(), "test": te.tolist()} for tr, te in folds], hand.tolist())


def _scored_rows() -> tuple:
    _pages, feats, labels, groups, ends, context = classes.collect()
    hand, folds = classes.hand_folds(groups)
    shipped = caption_model.shipped_model()
    scores = np.array(
        [
            linear.score(shipped.weights_open if e == "open" else shipped.weights, feats, [k])[0]
            for k, e in enumerate(ends)
        ]
    )
    return np.array(labels), hand, folds, scores, [c[0] for c in context]


def _row(name: str, y: np.ndarray, p: np.ndarray) -> str:
    from sklearn.metrics import average_precision_score

    found = "/".join(str(f) for f in classes.at_budgets(y, p))
    return f"{name:44} {average_precision_score(y, p):6.3f}  {found} of {int(y.sum())}"


HEADER = f"{'model':44} {'AP':>6}  captions found before the 3rd/6th/11th/21st body line"


def sentences(out: Path) -> None:
    from sklearn.feature_extraction.text import HashingVectorizer
    from sklearn.linear_model import LogisticRegression, SGDClassifier
    from sklearn.metrics import average_precision_score

    rng = random.Random(0)
    train_pos, train_neg, val_pos, val_neg = [], [], [], []
    for line in (out / "vietnews.jsonl").open(encoding="utf-8"):
        a = json.loads(line)
        if a["split"] == "test":
            continue
        pos, neg = (val_pos, val_neg) if a["split"] == "val" else (train_pos, train_neg)
        pos.extend(a["captions"])
        body = [*a["body"], a["sapo"]]
        neg.extend(rng.sample(body, min(len(body), 4)))
    vec = HashingVectorizer(
        n_features=2**21, ngram_range=(1, 2), token_pattern=r"(?u)\b\w+\b", alternate_sign=False
    )
    model = SGDClassifier(loss="log_loss", alpha=2e-7, max_iter=8, tol=None, random_state=0)
    model.fit(
        vec.transform(train_pos + train_neg),
        np.r_[np.ones(len(train_pos)), np.zeros(len(train_neg))],
    )
    val_neg = val_neg[:200_000]
    val_ap = average_precision_score(
        np.r_[np.ones(len(val_pos)), np.zeros(len(val_neg))],
        model.decision_function(vec.transform(val_pos + val_neg)),
    )
    print(
        f"VietNews sentences: train {len(train_pos)} captions / {len(train_neg)} body;"
        f" val AP {val_ap:.3f} ({len(val_pos)} captions / {len(val_neg)} body)\n"
    )
    y, hand, folds, shipped, texts = _scored_rows()
    news = model.decision_function(vec.transform(texts))
    print(HEADER)
    print(_row("linear, as shipped", y[hand], shipped[hand]))
    print(_row("VietNews sentence model", y[hand], news[hand]))
    x = np.c_[_logit(shipped), news]
    stacked = np.zeros(len(y))
    for train, test in folds:
        train = np.intersect1d(train, hand)
        fitted = LogisticRegression(max_iter=1000).fit(x[train], y[train])
        stacked[test] = fitted.predict_proba(x[test])[:, 1]
    print(_row("shipped + VietNews, stacked in the folds", y[hand], stacked[hand]))


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def score(preds_file: Path) -> None:
    from sklearn.linear_model import LogisticRegression

    preds = json.loads(preds_file.read_text(encoding="utf-8"))
    y, hand, folds, shipped, _texts = _scored_rows()
    print(HEADER)
    print(_row("linear, as shipped", y[hand], shipped[hand]))
    for name, by_row in preds.items():
        if not by_row:
            continue
        p = np.full(len(y), 0.5)
        for k, v in by_row.items():
            p[int(k)] = v
        print(_row(f"encoder ({name}), out of fold", y[hand], p[hand]))
        x = np.c_[_logit(shipped), _logit(p)]
        stacked = np.zeros(len(y))
        for train, test in folds:
            train = np.intersect1d(train, hand)
            fitted = LogisticRegression(max_iter=1000).fit(x[train], y[train])
            stacked[test] = fitted.predict_proba(x[test])[:, 1]
        print(_row(f"shipped + encoder ({name}), stacked", y[hand], stacked[hand]))
        ranks = np.argsort(np.argsort(shipped[hand])) + np.argsort(np.argsort(p[hand]))
        print(_row(f"shipped + encoder ({name}), mean rank", y[hand], ranks.astype(float)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("verb", choices=("prepare", "sentences", "score"))
    parser.add_argument("path", type=Path, help="OUTDIR (prepare, sentences) or PREDS (score)")
    args = parser.parse_args()
    {"prepare": prepare, "sentences": sentences, "score": score}[args.verb](args.path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
