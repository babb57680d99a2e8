"""Model path per article: transformers vs CTranslate2 int8, RANDOM weights at the real sizes.

No weights can be downloaded here, so each model is built with random weights at the size and
shape of the configured one, with a SentencePiece tokenizer (6k pieces) trained on the
VietnameseMDS articles (bench/throughput_data.py). Decoding uses the configured settings
of configs/default.yaml (beams 4, no_repeat_ngram_size 3, input caps, translator batch_size 8,
max_new_tokens 256). Random weights never emit </s>, so every output runs to max_new_tokens:
with the config's 256 that is the most a real model could decode at these settings (an upper
bound; real summaries and sentence translations stop far earlier, ~30-60 tokens). `--max-new N`
sets a stand-in length instead; the table header says which was used. Speed, not text, is
what this measures.

    python bench/model_speed.py [--repeat 3] [--models marian,mbart,vit5] [--max-new config|N]
                                [--device cpu|cuda] [--backends transformers,ct2]

Each backend is timed --repeat times on the same input: median, min and max per model and
backend, and the CTranslate2/transformers speed-up from the medians of the same run.
`--device cuda` runs transformers in the config's CUDA dtype (bf16, or fp16 where bf16 is
missing, never fp16 for T5) and CTranslate2 with int8_float16 (int8_bfloat16 for T5).

Models (config sizes): opus-mt-vi-en (Marian, 512-d, 6+6 layers, 53,685 vocab), vinai-translate
(mBART-large, 1024-d, 12+12, 250,027 vocab), ViT5-base (T5, 768-d, 12+12, 36,096 vocab).
Inputs: the translator gets one article's segments as the flow sends them (title, extractive
summary, key points); the summarizer one article capped at its 1,024-token input window.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "bench"))

WORK = Path("/tmp/vnbrief-model-speed")
UNUSED_BIAS = -1e4  # ids the small tokenizer cannot decode are never generated (same cost)


def _texts() -> list[str]:
    """Real article texts: VietnameseMDS from its mirror, else the committed samples/ (e.g. on a
    GPU machine without the mirror: a smaller tokenizer, the same model sizes)."""
    try:
        from throughput_data import load_articles

        return [f"{t}\n\n{b}" for _, t, b in load_articles()]
    except (OSError, subprocess.CalledProcessError):
        print("no VietnameseMDS mirror: tokenizer and article from samples/", file=sys.stderr)
        return [p.read_text("utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]


def _spm(layout: str) -> Path:
    import sentencepiece as spm

    prefix = WORK / f"spm-{layout}"
    if prefix.with_suffix(".model").exists():
        return prefix.with_suffix(".model")
    WORK.mkdir(parents=True, exist_ok=True)
    corpus = WORK / "corpus.txt"
    from tests.tiny_models import ENGLISH

    text = "\n".join(_texts()) + "\n" + ENGLISH * 20
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
        hard_vocab_limit=False,  # fewer pieces when the corpus is only samples/
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
    from pipeline.clean import clean_text

    try:
        from throughput_data import DATA_ROOT, build

        paths = build(30, DATA_ROOT / "articles-30")
    except (OSError, subprocess.CalledProcessError):
        paths = sorted((ROOT / "samples").glob("*.txt"))  # no mirror here (see _texts)
    # The longest of the first 30: the summarizer's 1,024-token window is filled.
    return clean_text(max((p.read_text("utf-8") for p in paths), key=len))


def _timed(fn, arg, repeat: int, tokenizer) -> dict:
    """Seconds of each of `repeat` calls, and the output tokens of the last (equal work check)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn(arg)
        times.append(time.perf_counter() - start)
    texts = [result.text] if hasattr(result, "text") else list(result)
    tokens = sum(len(tokenizer(t, add_special_tokens=False)["input_ids"]) for t in texts)
    return {"times": times, "tokens": tokens}


def _decoding(max_new: str):
    """The configured summarizer/translator settings (configs/default.yaml), max_new overridable."""
    import dataclasses

    from pipeline.config import load_config

    cfg = load_config(ROOT / "configs" / "default.yaml")
    summarizer, translator = cfg.summarizer, dataclasses.replace(cfg.translator, glossary=None)
    if max_new != "config":
        summarizer = dataclasses.replace(summarizer, max_new_tokens=int(max_new))
        translator = dataclasses.replace(translator, max_new_tokens=int(max_new))
    return summarizer, translator


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", "--runs", type=int, default=3, help="timed calls per backend")
    parser.add_argument("--models", default="marian,mbart,vit5")
    parser.add_argument(
        "--max-new", default="config", help="'config' (max_new_tokens of the config) or a number"
    )
    parser.add_argument("--threads", type=int, default=2, help="CPU threads (torch and CT2)")
    parser.add_argument("--device", default="cpu", help="cpu or cuda[:N] (both backends)")
    parser.add_argument("--backends", default="transformers,ct2", help="e.g. transformers only")
    args = parser.parse_args()

    import torch

    torch.set_num_threads(args.threads)
    from models.extractive import ExtractiveSummarizer

    backends = args.backends.split(",")
    article = _article()
    summary = ExtractiveSummarizer().summarize(article)
    segments = [article.title, summary.text, *summary.key_points]
    sum_cfg, tr_cfg = _decoding(args.max_new)
    print(
        f"random weights at configured sizes, {args.device}, {args.threads} CPU threads; "
        f"configured decoding: beams {sum_cfg.num_beams}, no_repeat "
        f"{sum_cfg.no_repeat_ngram_size}, summarizer input "
        f"{sum_cfg.max_input_tokens or 'model card 1024'} tokens ({sum_cfg.long_articles}), "
        f"translator batch_size {tr_cfg.batch_size}; max_new_tokens {sum_cfg.max_new_tokens} "
        f"(summarizer) / {tr_cfg.max_new_tokens} (translator)"
        f"{' from the config' if args.max_new == 'config' else ' (--max-new)'}. "
        f"Random weights never emit </s>, so every output runs to max_new_tokens: an upper "
        f"bound of a real model's decoding at these settings. Seconds per article, "
        f"{args.repeat} timed calls per backend (load {os.getloadavg()[0]:.1f} at start)."
    )
    print(
        f"{'model':7} {'input':>20} {'backend':>15} {'median s':>9} {'min s':>7} {'max s':>7} "
        f"{'out tokens':>10} {'vs transformers':>15}"
    )
    totals: dict[str, float] = {}
    for name in args.models.split(","):
        hf, ct2 = prepared(name) if "ct2" in backends else (_hf_only(name), None)
        runs = {}
        role = "summarizer" if name == "vit5" else "translator"
        cfg = sum_cfg if role == "summarizer" else tr_cfg
        call, arg = ("summarize", article) if role == "summarizer" else (
            "translate_sentences",
            segments,
        )
        what = "1 article" if role == "summarizer" else f"{len(segments)} segments"
        make = {"transformers": hf, "ct2": ct2}
        if name == "mbart" and "ct2" in backends:
            make["ct2+vmap"] = prepared(name, vmap=True)[1]
        for backend, path in make.items():
            if backend.split("+")[0] not in backends:
                continue
            loaded = _hf(role, path, cfg, args) if backend == "transformers" else _ct2(
                role, path, cfg, args
            )
            runs[backend] = _timed(getattr(loaded, call), arg, args.repeat, loaded.tokenizer)
            if role == "summarizer":
                what = f"1 article, {loaded.last_chunk_count} chunk(s)"
            del loaded
        base = runs.get("transformers")
        medians = {backend: statistics.median(run["times"]) for backend, run in runs.items()}
        for backend in ("transformers", "ct2"):
            if backend in medians:
                totals[backend] = totals.get(backend, 0.0) + medians[backend]
        if "ct2" in medians:  # the fastest CTranslate2 variant of each model
            best = min(v for k, v in medians.items() if k.startswith("ct2"))
            totals["ct2 best"] = totals.get("ct2 best", 0.0) + best
        for backend, run in runs.items():
            times = run["times"]
            median = medians[backend]
            ratio = (
                f"{statistics.median(base['times']) / median:>14.2f}x"
                if base and backend != "transformers"
                else f"{'':>15}"
            )
            label = {"ct2": "ct2 int8", "ct2+vmap": "ct2 int8+vmap"}.get(backend, backend)
            print(
                f"{name:7} {what:>20} {label:>15} {median:>9.2f} {min(times):>7.2f} "
                f"{max(times):>7.2f} {run['tokens']:>10} {ratio}"
            )
    if totals:
        base = totals.get("transformers")
        for backend, total in totals.items():
            ratio = f"{base / total:>14.2f}x" if base and backend != "transformers" else ""
            print(f"{'total':7} {'(sum of medians)':>20} {backend:>15} {total:>9.2f} {ratio:>41}")


def _hf_only(name: str) -> Path:
    hf = WORK / name
    if not (hf / "config.json").exists():
        shutil.rmtree(hf, ignore_errors=True)
        BUILDERS[name](hf)
    return hf


def _hf(role: str, hf: Path, cfg, args):
    from models.hf_loading import load_seq2seq
    from models.seq2seq_summarizer import Seq2SeqSummarizer
    from models.seq2seq_translator import Seq2SeqTranslator

    # dtype by the config's rules: float32 on CPU, bf16/fp16 on CUDA (T5 never fp16).
    tokenizer, model = load_seq2seq(str(hf), device=args.device, dtype=cfg.dtype)
    cls = Seq2SeqSummarizer if role == "summarizer" else Seq2SeqTranslator
    return cls(tokenizer, model, cfg, hf.name)


def _ct2(role: str, ct2: Path, cfg, args):
    from models.ct2_backend import CT2Summarizer, CT2Translator, load_ct2

    # CPU: the converted int8; CUDA: int8_float16 (int8_bfloat16 for T5), models/ct2_backend.py.
    tokenizer, generator, info = load_ct2(
        ct2, threads=args.threads, device=args.device, dtype=cfg.dtype
    )
    cls = CT2Summarizer if role == "summarizer" else CT2Translator
    return cls(tokenizer, generator, info, cfg, ct2.name)


if __name__ == "__main__":
    main()
