"""Model path per article: transformers vs CTranslate2 int8, RANDOM weights at the real sizes.

No weights can be downloaded here, so each model is built with random weights at the size and
shape of the configured one, with a SentencePiece tokenizer (6k pieces) trained on the
VietnameseMDS articles (bench/throughput_data.py). Decoding uses the configured settings
(beams 4, no_repeat_ngram_size 3, translator batch_size 8). Random weights never emit </s>, so
every output runs to --max-new tokens: the cap stands in for real output lengths (~40 tokens
per sentence for a translation). Speed, not text, is what this measures.

    python bench/model_speed.py [--runs 3] [--models marian,mbart,vit5] [--max-new 40]

Models (config sizes): opus-mt-vi-en (Marian, 512-d, 6+6 layers, 53,685 vocab), vinai-translate
(mBART-large, 1024-d, 12+12, 250,027 vocab), ViT5-base (T5, 768-d, 12+12, 36,096 vocab).
Inputs: the translator gets one article's segments as the flow sends them (title, extractive
summary, key points); the summarizer one article capped at its 1,024-token input window.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "bench"))

WORK = Path("/tmp/vnbrief-model-speed")
UNUSED_BIAS = -1e4  # ids the small tokenizer cannot decode are never generated (same cost)


def _spm(layout: str) -> Path:
    import sentencepiece as spm
    from throughput_data import load_articles

    prefix = WORK / f"spm-{layout}"
    if prefix.with_suffix(".model").exists():
        return prefix.with_suffix(".model")
    WORK.mkdir(parents=True, exist_ok=True)
    corpus = WORK / "corpus.txt"
    from tests.tiny_models import ENGLISH

    text = "\n".join(f"{t}\n{b}" for _, t, b in load_articles()) + "\n" + ENGLISH * 20
    corpus.write_text(text, encoding="utf-8")
    ids = (
        {"pad_id": 0, "eos_id": 1, "unk_id": 2, "bos_id": -1}
        if layout == "t5"
        else {"bos_id": 0, "pad_id": 1, "eos_id": 2, "unk_id": 3}
    )
    spm.SentencePieceTrainer.train(
        input=str(corpus),
        model_prefix=str(prefix),
        vocab_size=6000,
        model_type="unigram",
        character_coverage=1.0,
        num_threads=2,
        minloglevel=2,
        **ids,
    )
    return prefix.with_suffix(".model")


def _suppress_unused(model, first_unused: int) -> None:
    import torch

    with torch.no_grad():
        model.final_logits_bias[:, first_unused:] = UNUSED_BIAS


def build_marian(out: Path) -> None:
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    vocab_size = 53685
    out.mkdir(parents=True)
    model_file = _spm("t5")
    shutil.copy(model_file, out / "source.spm")
    shutil.copy(model_file, out / "target.spm")
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(model_file))
    pieces = [sp.id_to_piece(i) for i in range(sp.get_piece_size()) if sp.id_to_piece(i) != "<pad>"]
    vocab = {p: i for i, p in enumerate(pieces)}
    for i in range(len(vocab), vocab_size - 1):
        vocab[f"<unused_{i}>"] = i
    vocab["<pad>"] = vocab_size - 1  # opus-mt layout: <pad> last, the decoder start
    (out / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    tok = MarianTokenizer(
        source_spm=str(out / "source.spm"),
        target_spm=str(out / "target.spm"),
        vocab=str(out / "vocab.json"),
        model_max_length=512,
    )
    tok.save_pretrained(out)
    torch.manual_seed(0)
    config = MarianConfig(
        vocab_size=vocab_size,
        d_model=512,
        encoder_layers=6,
        decoder_layers=6,
        encoder_attention_heads=8,
        decoder_attention_heads=8,
        encoder_ffn_dim=2048,
        decoder_ffn_dim=2048,
        max_position_embeddings=512,
        pad_token_id=vocab_size - 1,
        eos_token_id=tok.eos_token_id,
        decoder_start_token_id=vocab_size - 1,
        forced_eos_token_id=tok.eos_token_id,
        scale_embedding=True,
        share_encoder_decoder_embeddings=True,
    )
    model = MarianMTModel(config)
    _suppress_unused(model, len(pieces))
    model.save_pretrained(out)


def build_mbart(out: Path) -> None:
    import torch
    from transformers import MBartConfig, MBartForConditionalGeneration, MBartTokenizer

    out.mkdir(parents=True)
    shutil.copy(_spm("mbart"), out / "sentencepiece.bpe.model")
    tok = MBartTokenizer.from_pretrained(out, src_lang="vi_VN", tgt_lang="en_XX")
    tok.model_max_length = 1024
    tok.save_pretrained(out)
    torch.manual_seed(0)
    config = MBartConfig(
        vocab_size=250027,
        d_model=1024,
        encoder_layers=12,
        decoder_layers=12,
        encoder_attention_heads=16,
        decoder_attention_heads=16,
        encoder_ffn_dim=4096,
        decoder_ffn_dim=4096,
        max_position_embeddings=1024,
        scale_embedding=True,
        bos_token_id=tok.bos_token_id,
        pad_token_id=tok.pad_token_id,
        eos_token_id=tok.eos_token_id,
        decoder_start_token_id=tok.eos_token_id,
        forced_eos_token_id=tok.eos_token_id,
        tokenizer_class="MBartTokenizer",
    )
    model = MBartForConditionalGeneration(config)
    _suppress_unused(model, len(tok))
    model.save_pretrained(out)


def build_vit5(out: Path) -> None:
    import torch
    from transformers import T5Config, T5ForConditionalGeneration, T5Tokenizer

    out.mkdir(parents=True)
    shutil.copy(_spm("t5"), out / "spiece.model")
    # Extra ids fill the vocabulary up to ViT5's 36,096 so every generated id decodes.
    import sentencepiece as spm

    pieces = spm.SentencePieceProcessor(model_file=str(out / "spiece.model")).get_piece_size()
    tok = T5Tokenizer.from_pretrained(out, extra_ids=36096 - pieces)
    tok.model_max_length = 1024
    tok.save_pretrained(out)
    torch.manual_seed(0)
    config = T5Config(
        vocab_size=len(tok),
        d_model=768,
        d_kv=64,
        d_ff=3072,
        num_layers=12,
        num_decoder_layers=12,
        num_heads=12,
        pad_token_id=tok.pad_token_id,
        eos_token_id=tok.eos_token_id,
        decoder_start_token_id=tok.pad_token_id,
    )
    T5ForConditionalGeneration(config).save_pretrained(out)


BUILDERS = {"marian": build_marian, "mbart": build_mbart, "vit5": build_vit5}


def prepared(name: str, vmap: bool = False) -> tuple[Path, Path]:
    from models.ct2_backend import convert

    hf = WORK / name
    if not (hf / "config.json").exists():
        shutil.rmtree(hf, ignore_errors=True)
        BUILDERS[name](hf)
    ct2 = WORK / f"{name}-ct2-int8{'-vmap' if vmap else ''}"
    if not (ct2 / "model.bin").exists():
        convert(hf, ct2, "int8", english_vmap=vmap)
    return hf, ct2


def _article():
    from throughput_data import DATA_ROOT, build

    from flows.brief_flow import clean_document
    from pipeline.ingest import read_source

    paths = build(30, DATA_ROOT / "articles-30")
    docs = [read_source(p, 1 << 20) for p in paths]
    # The longest of the first 30: the summarizer's 1,024-token window is filled.
    return clean_document(max(docs, key=lambda d: len(d.text)))


OUT_TOKENS: list[int] = []  # output tokens of the last timed call, to check equal work


def _median_time(fn, arg, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = fn(arg)
        times.append(time.perf_counter() - start)
    texts = [result.text] if hasattr(result, "text") else list(result)
    OUT_TOKENS.append(
        sum(len(TOKENIZER[0](t, add_special_tokens=False)["input_ids"]) for t in texts)
    )
    return statistics.median(times)


TOKENIZER: list = []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--models", default="marian,mbart,vit5")
    parser.add_argument("--max-new", type=int, default=40)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    import torch

    torch.set_num_threads(args.threads)
    from models.ct2_backend import CT2Summarizer, CT2Translator, load_ct2
    from models.extractive import ExtractiveSummarizer
    from models.hf_loading import load_seq2seq
    from models.seq2seq_summarizer import Seq2SeqSummarizer
    from models.seq2seq_translator import Seq2SeqTranslator
    from pipeline.config import SummarizerConfig, TranslatorConfig

    article = _article()
    summary = ExtractiveSummarizer().summarize(article)
    segments = [article.title, summary.text, *summary.key_points]
    decoding = {"num_beams": 4, "no_repeat_ngram_size": 3, "max_new_tokens": args.max_new}
    print(
        f"random weights at configured sizes; beams 4, no_repeat 3, max_new_tokens "
        f"{args.max_new}; {args.threads} threads; median of {args.runs} runs; s per article"
    )
    print(
        f"{'model':8} {'params':>7} {'input':>22} {'transformers':>12} {'ct2 int8':>9} "
        f"{'speed-up':>8} {'ct2+vmap':>9}"
    )
    totals = {"transformers": 0.0, "ct2": 0.0, "best": 0.0}
    for name in args.models.split(","):
        hf, ct2 = prepared(name)
        tokenizer, model = load_seq2seq(str(hf))
        TOKENIZER[:] = [tokenizer]
        OUT_TOKENS.clear()
        params = sum(p.numel() for p in model.parameters()) / 1e6
        tok2, generator, info = load_ct2(ct2, threads=args.threads)
        vmap_time = None
        if name == "vit5":
            cfg = SummarizerConfig(max_input_tokens=1024, **decoding)
            reference = Seq2SeqSummarizer(tokenizer, model, cfg, "vit5-base")
            fast = CT2Summarizer(tok2, generator, info, cfg, "vit5-base")
            t_ref = _median_time(reference.summarize, article, args.runs)
            t_fast = _median_time(fast.summarize, article, args.runs)
            what = f"1 article, {reference.last_chunk_count} chunk(s)"
        else:
            cfg = TranslatorConfig(batch_size=8, glossary=None, **decoding)
            reference = Seq2SeqTranslator(tokenizer, model, cfg, name)
            fast = CT2Translator(tok2, generator, info, cfg, name)
            t_ref = _median_time(reference.translate_sentences, segments, args.runs)
            t_fast = _median_time(fast.translate_sentences, segments, args.runs)
            what = f"{len(segments)} segments"
            if name == "mbart":
                _, ct2_vmap = prepared(name, vmap=True)
                tok3, gen3, info3 = load_ct2(ct2_vmap, threads=args.threads)
                shortlist = CT2Translator(tok3, gen3, info3, cfg, name)
                vmap_time = _median_time(shortlist.translate_sentences, segments, args.runs)
        del model
        totals["transformers"] += t_ref
        totals["ct2"] += t_fast
        totals["best"] += min(t_fast, vmap_time or t_fast)
        vmap_cell = f"{vmap_time:>9.2f}" if vmap_time else f"{'-':>9}"
        vmap_cell += f"   output tokens {'/'.join(map(str, OUT_TOKENS))}"
        print(
            f"{name:8} {params:>6.0f}M {what:>22} {t_ref:>12.2f} {t_fast:>9.2f} "
            f"{t_ref / t_fast:>7.2f}x {vmap_cell}"
        )
    print(
        f"{'total':8} {'':>7} {'':>22} {totals['transformers']:>12.2f} {totals['ct2']:>9.2f} "
        f"{totals['transformers'] / totals['ct2']:>7.2f}x {totals['best']:>9.2f}"
    )


if __name__ == "__main__":
    main()
