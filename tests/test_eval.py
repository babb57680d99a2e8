"""`vnbrief eval` and its metrics, on sets whose expected scores are known by construction.

The articles are the real samples (cleaned as in a run); the references are built from their
own sentences, so Lead-k must score exactly 100 where the reference is the first k sentences.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from flows.cli import main
from flows.eval_cmd import load_translation_pairs
from models.baselines import LeadSummarizer, SumySummarizer, real_sentences
from pipeline.clean import clean_text
from pipeline.metrics import (
    bootstrap,
    paired_margin,
    redundancy,
    rouge_per_item,
    syllables,
    translation_scores,
)

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))


def test_syllables_are_nfc_lowercase_and_rouge_keeps_vietnamese_letters():
    nfd = unicodedata.normalize("NFD", "Tổng Bí thư thăm Lào.")
    assert syllables(nfd) == ["tổng", "bí", "thư", "thăm", "lào"]
    # rouge-score's own tokenizer would reduce "Tổng" to "t", "ng"; ours keeps whole syllables
    [same] = rouge_per_item([nfd], ["Tổng Bí thư thăm Lào"])
    assert same == {"rouge1": 100.0, "rouge2": 100.0, "rougeL": 100.0}
    [unrelated] = rouge_per_item(["Tổng Bí thư thăm Lào"], ["Giá vàng hôm nay tăng mạnh"])
    assert unrelated == {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}


def test_rouge_partial_overlap_matches_hand_computation():
    # candidate a b c d vs reference a b e f: 2/4 unigrams, 1/3 bigrams, LCS 2
    [s] = rouge_per_item(["hợp tác kinh tế"], ["hợp tác văn hóa"])
    assert s["rouge1"] == pytest.approx(50.0)
    assert s["rouge2"] == pytest.approx(100 / 3)
    assert s["rougeL"] == pytest.approx(50.0)


def test_bootstrap_and_paired_margin():
    constant = bootstrap([30.0] * 50)
    assert (constant.mean, constant.low, constant.high) == (30.0, 30.0, 30.0)
    spread = bootstrap([float(i) for i in range(100)])
    assert spread.low < 49.5 < spread.high
    margin = paired_margin([i + 2.0 for i in range(100)], [float(i) for i in range(100)])
    assert (margin.mean, margin.low, margin.high) == (2.0, 2.0, 2.0)


def test_redundancy_is_max_pairwise_bigram_overlap():
    assert redundancy(["Hai bên ký hiệp định.", "Hai bên ký hiệp định."]) == 100.0
    assert redundancy(["Hai bên ký hiệp định.", "Giá vàng tăng mạnh."]) == 0.0
    assert redundancy(["Chỉ một câu."]) == 0.0


def test_translation_scores_of_references_themselves_are_perfect():
    refs = ["The two sides signed an agreement.", "Gold prices rose sharply today."]
    scores = translation_scores(refs, refs)
    assert scores["bleu"] == pytest.approx(100.0) and scores["chrf"] == pytest.approx(100.0)
    assert "nrefs:1" in scores["bleu_signature"]


def _records() -> list[dict]:
    out = []
    for path in SAMPLES:
        article = clean_text(path.read_text(encoding="utf-8"))
        sents = real_sentences(article)
        out.append({"title": article.title, "text": article.body, "summary": sents[0]})
    return out


def test_eval_summaries_command_scores_lead1_100_when_reference_is_first_sentence(tmp_path, capsys):
    data = tmp_path / "refs.jsonl"
    data.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _records()), encoding="utf-8"
    )
    out = tmp_path / "report.md"
    code = main(["eval", "summaries", str(data), "--systems", "lead-1,lead-2", "--out", str(out)])
    assert code == 0
    printed = capsys.readouterr().out
    table = out.read_text(encoding="utf-8")
    assert printed in table
    rows = {line.split(" | ")[0].lstrip("| "): line for line in table.splitlines()}
    assert rows["lead-1"].startswith("| lead-1 | 100.00 [100.00, 100.00] | 100.00 [100.00, 100.00]")
    # baselines are always scored; lead-2 holds the reference and one more sentence: R1 < 100
    assert {"lead-3", "extractive", "learned"} <= set(rows)
    assert not rows["lead-2"].startswith("| lead-2 | 100.00")
    assert "tok:syllable" in table and "norm:nfc" in table and "data:sha256:" in table


def test_eval_rejects_a_file_without_references(tmp_path, capsys):
    data = tmp_path / "bad.jsonl"
    data.write_text(json.dumps({"text": "Một câu."}) + "\n", encoding="utf-8")
    assert main(["eval", "summaries", str(data)]) == 2
    assert "bad.jsonl:1: needs non-empty string fields text and summary" in capsys.readouterr().err


def test_translation_eval_without_a_translator_fails_loudly(tmp_path, capsys):
    cfg = tmp_path / "cfg.yaml"
    cfg.write_text("translator:\n  backend: none\n", encoding="utf-8")
    data = tmp_path / "pairs.tsv"
    data.write_text("Xin chào\tHello\n", encoding="utf-8")
    assert main(["eval", "translation", str(data), "--config", str(cfg)]) == 1
    assert "translator unavailable" in capsys.readouterr().err


def test_translation_pairs_from_tsv_and_jsonl(tmp_path):
    tsv = tmp_path / "p.tsv"
    tsv.write_text("Xin chào\tHello\n\nCảm ơn\tThank you\n", encoding="utf-8")
    assert load_translation_pairs(tsv) == [("Xin chào", "Hello"), ("Cảm ơn", "Thank you")]
    jsonl = tmp_path / "p.jsonl"
    jsonl.write_text(json.dumps({"vi": "Xin chào", "en": "Hello"}) + "\n", encoding="utf-8")
    assert load_translation_pairs(jsonl) == [("Xin chào", "Hello")]


def test_lead_and_sumy_baselines_pick_whole_article_sentences_in_order():
    article = clean_text(SAMPLES[0].read_text(encoding="utf-8"))
    sents = real_sentences(article)
    assert LeadSummarizer(2).summarize(article).text == " ".join(sents[:2])
    for method in ("lexrank", "textrank", "lsa", "luhn"):
        text = SumySummarizer(method, 2).summarize(article).text
        picked = [s for s in sents if s in text]
        assert len(picked) == 2 and " ".join(picked) == text, method


@pytest.mark.slow
def test_eval_runs_the_configured_transformers_models(
    tmp_path, capsys, tiny_t5_dir, tiny_marian_dir
):
    """Random weights give nonsense, but the table must hold exactly sacreBLEU's scores of what
    the configured translator outputs, and the configured summarizer must be the model itself."""
    import yaml

    from models.registry import clear_cache, get_translator
    from pipeline.config import load_config

    gen = {"max_new_tokens": 8, "num_beams": 1, "no_repeat_ngram_size": 0}
    cfg_path = tmp_path / "cfg.yaml"
    cfg_path.write_text(
        yaml.safe_dump(
            {
                "summarizer": {"backend": "seq2seq", "model": str(tiny_t5_dir), **gen},
                "translator": {
                    "backend": "seq2seq",
                    "model": str(tiny_marian_dir),
                    **gen,
                    "glossary": None,
                },
            }
        ),
        encoding="utf-8",
    )
    pairs = [
        ("Hai bên ký hiệp định hợp tác.", "The two sides signed a cooperation agreement."),
        ("Giá vàng hôm nay tăng mạnh.", "Gold prices rose sharply today."),
    ]
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text("".join(f"{vi}\t{en}\n" for vi, en in pairs), encoding="utf-8")
    clear_cache()
    try:
        assert (
            main(
                [
                    "eval",
                    "translation",
                    str(tsv),
                    "--config",
                    str(cfg_path),
                    "--out",
                    str(tmp_path / "t.md"),
                ]
            )
            == 0
        )
        table = capsys.readouterr().out
        translator, _ = get_translator(
            load_config(cfg_path).translator, load_config(cfg_path).base_dir
        )
        hyps = translator.translate([vi for vi, _ in pairs])
        expected = translation_scores(hyps, [en for _, en in pairs])
        assert f"| {expected['bleu']:.2f} | {expected['chrf']:.2f} |" in table
        assert "BLEU signature: nrefs:1" in table

        data = tmp_path / "refs.jsonl"
        data.write_text(json.dumps(_records()[0], ensure_ascii=False) + "\n", encoding="utf-8")
        assert (
            main(
                [
                    "eval",
                    "summaries",
                    str(data),
                    "--config",
                    str(cfg_path),
                    "--out",
                    str(tmp_path / "s.md"),
                ]
            )
            == 0
        )
        assert f"| configured (seq2seq:{tiny_t5_dir}) |" in capsys.readouterr().out
    finally:
        clear_cache()
