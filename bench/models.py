"""Throughput of the model backends on CPU, without downloading anything.

(c) The configured path, one article end to end through the product classes: the summarizer
    at ViT5-base size (T5, 36,096-entry vocabulary) and the translator at mBART-large size
    (vinai-translate v2 / mBART-large-cc25: 12+12 layers, d_model 1024, 250,027 entries), random
    weights, configs/default.yaml's generation settings (4 beams, no_repeat_ngram_size 3,
    glossary on, so the placeholder-safe n-gram blocking is timed too). One article = its
    summary (chunked input up to 1024 tokens) + translating title, summary and key points
    (extractive picks, so sentence lengths are real). Random weights stop at arbitrary points,
    so output lengths are forced (min_new_tokens = max_new_tokens: SUMMARY_TOKENS for the
    summary, SENTENCE_TOKENS per sentence); ids the small test vocabulary cannot decode are
    suppressed after the full-size output layer ran, so compute stays real-size.
(a) Translation batching: sentence-batched (batch_size 8) versus one sentence per generate(),
    on a random-weight MarianMTModel of opus-mt-vi-en's size, greedy, forced length.
(b) Extractive summarizer: articles per minute on the bundled samples.

Tokenizers are SentencePiece models trained here on the samples (smaller vocabularies than the
real ones, so inputs are ~1.5x more tokens than the real tokenizers would produce).

Run: nice -n 10 .venv/bin/python bench/models.py [--quick]   (--quick: shorter forced outputs,
one repeat; CPU only: no GPU was measured here)
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import torch  # noqa: E402
from transformers import LogitsProcessor, LogitsProcessorList  # noqa: E402

from models.extractive import ExtractiveSummarizer  # noqa: E402
from models.glossary import Glossary  # noqa: E402
from models.seq2seq_summarizer import Seq2SeqSummarizer  # noqa: E402
from models.seq2seq_translator import Seq2SeqTranslator  # noqa: E402
from pipeline.article import CleanArticle  # noqa: E402
from pipeline.clean import clean_text  # noqa: E402
from pipeline.config import TranslatorConfig, load_config  # noqa: E402
from pipeline.segment import split_sentences  # noqa: E402

SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
# opus-mt-vi-en (Helsinki-NLP) dimensions: transformer-base, 53,685-entry shared vocabulary.
OPUS_MT_VI_EN = {
    "d_model": 512,
    "encoder_layers": 6,
    "decoder_layers": 6,
    "encoder_attention_heads": 8,
    "decoder_attention_heads": 8,
    "encoder_ffn_dim": 2048,
    "decoder_ffn_dim": 2048,
    "vocab_size": 53685,
    "max_position_embeddings": 512,
}
# VietAI/vit5-base (T5 v1.0 base shape) and mBART-large-cc25 (vinai-translate v2) dimensions.
VIT5_BASE = {
    "vocab_size": 36096,
    "d_model": 768,
    "d_kv": 64,
    "d_ff": 3072,
    "num_layers": 12,
    "num_decoder_layers": 12,
    "num_heads": 12,
}
MBART_LARGE = {
    "vocab_size": 250027,
    "d_model": 1024,
    "encoder_layers": 12,
    "decoder_layers": 12,
    "encoder_attention_heads": 16,
    "decoder_attention_heads": 16,
    "encoder_ffn_dim": 4096,
    "decoder_ffn_dim": 4096,
    "max_position_embeddings": 1024,
}


def sample_sentences(count: int) -> list[str]:
    sentences: list[str] = []
    for path in SAMPLES:
        sentences.extend(
            s for s in split_sentences(path.read_text(encoding="utf-8")) if len(s.split()) >= 8
        )
    return sentences[:count]


def build_tokenizer(work: Path):  # -> MarianTokenizer
    """A MarianTokenizer over a SentencePiece model trained on the samples (no download)."""
    import sentencepiece as spm
    from transformers import MarianTokenizer

    corpus = work / "corpus.txt"
    corpus.write_text("\n".join(p.read_text(encoding="utf-8") for p in SAMPLES), encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(corpus),
        model_prefix=str(work / "sp"),
        vocab_size=1000,
        model_type="unigram",
        character_coverage=1.0,
        pad_id=0,
        eos_id=1,
        unk_id=2,
        bos_id=-1,
        minloglevel=2,
        hard_vocab_limit=False,  # the samples support only ~700 pieces
    )
    processor = spm.SentencePieceProcessor(model_file=str(work / "sp.model"))
    vocab = {processor.id_to_piece(i): i for i in range(processor.get_piece_size())}
    # Real-size output layer: ids the spm model lacks decode as filler words, so a
    # random model's output ids stay decodable and decoding cost stays realistic.
    for i in range(len(vocab), OPUS_MT_VI_EN["vocab_size"]):
        vocab[f"▁w{i}"] = i
    (work / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    return MarianTokenizer(
        source_spm=str(work / "sp.model"),
        target_spm=str(work / "sp.model"),
        vocab=str(work / "vocab.json"),
        model_max_length=512,
    )


def build_model(tokenizer):
    from transformers import MarianConfig, MarianMTModel

    torch.manual_seed(0)
    config = MarianConfig(
        **OPUS_MT_VI_EN,
        pad_token_id=tokenizer.pad_token_id,
        eos_token_id=tokenizer.eos_token_id,
        decoder_start_token_id=tokenizer.pad_token_id,
    )
    return MarianMTModel(config).eval()


def time_translation(translator: Seq2SeqTranslator, sentences: list[str], new_tokens: int):
    base = translator.generation_kwargs
    # Forced length (see module docstring); the instance attribute shadows the method.
    translator.generation_kwargs = lambda: {**base(), "min_new_tokens": new_tokens}
    start = time.perf_counter()
    outputs = translator.translate_sentences(sentences)
    elapsed = time.perf_counter() - start
    return elapsed, outputs


def bench_translation(repeats: int, count: int, new_tokens: int) -> None:
    sentences = sample_sentences(count)
    with tempfile.TemporaryDirectory() as tmp:
        tokenizer = build_tokenizer(Path(tmp))
    model = build_model(tokenizer)
    params = sum(p.numel() for p in model.parameters()) / 1e6
    in_tokens = sum(len(ids) for ids in tokenizer(sentences)["input_ids"])
    out_tokens = len(sentences) * new_tokens
    print(
        f"(a) translation: random-weight MarianMTModel, {params:.1f}M parameters "
        f"(opus-mt-vi-en size), torch threads={torch.get_num_threads()}"
    )
    print(
        f"    {len(sentences)} sample sentences, {in_tokens} input tokens, "
        f"{new_tokens} forced output tokens each ({out_tokens} total), greedy"
    )
    modes = {}
    for label, batch_size in (("batched (batch_size=8)", 8), ("one at a time", 1)):
        config = TranslatorConfig(
            batch_size=batch_size, num_beams=1, no_repeat_ngram_size=0, max_new_tokens=new_tokens
        )
        translator = Seq2SeqTranslator(tokenizer, model, config, "random-opus-mt-size")
        time_translation(translator, sentences[:2], new_tokens)  # warm-up
        times = [time_translation(translator, sentences, new_tokens)[0] for _ in range(repeats)]
        modes[label] = statistics.median(times)
        print(
            f"    {label:24s} median {modes[label]:6.2f} s over {repeats} runs "
            f"-> {out_tokens / modes[label]:7.1f} tokens/s "
            f"(runs: {', '.join(f'{t:.2f}' for t in times)})"
        )
    ratio = modes["one at a time"] / modes["batched (batch_size=8)"]
    print(f"    speed-up of batching: {ratio:.2f}x")


class SuppressBeyond(LogitsProcessor):
    """Bans ids >= limit: the real-size output layer runs, but outputs stay decodable."""

    def __init__(self, limit: int) -> None:
        self.limit = limit

    def __call__(self, input_ids, scores):
        scores[:, self.limit :] = -float("inf")
        return scores


def train_spm(work: Path, name: str, **ids: int) -> Path:
    import sentencepiece as spm

    corpus = work / "corpus.txt"
    corpus.write_text("\n".join(p.read_text(encoding="utf-8") for p in SAMPLES), encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(corpus),
        model_prefix=str(work / name),
        vocab_size=1000,
        model_type="unigram",
        character_coverage=1.0,
        minloglevel=2,
        hard_vocab_limit=False,
        **ids,
    )
    return work / f"{name}.model"


def force_length(backend, tokens: int, limit: int) -> None:
    """Every generate() of `backend` makes exactly `tokens` new tokens (see docstring)."""
    original = backend.model.generate

    def generate(**kwargs):
        processors = LogitsProcessorList(kwargs.pop("logits_processor", None) or [])
        processors.append(SuppressBeyond(limit))
        kwargs.update(min_new_tokens=tokens, max_new_tokens=tokens)
        return original(**kwargs, logits_processor=processors)

    backend.model.generate = generate


def configured_backends(work: Path, summary_tokens: int, sentence_tokens: int):
    from transformers import (
        MBartConfig,
        MBartForConditionalGeneration,
        MBartTokenizer,
        T5Config,
        T5ForConditionalGeneration,
        T5Tokenizer,
    )

    cfg = load_config(ROOT / "configs" / "default.yaml")
    (work / "t5").mkdir()
    (work / "mbart").mkdir()
    t5_spm = train_spm(work, "t5", pad_id=0, eos_id=1, unk_id=2, bos_id=-1)
    mbart_spm = train_spm(work, "mb", bos_id=0, pad_id=1, eos_id=2, unk_id=3)
    t5_spm.rename(work / "t5" / "spiece.model")
    mbart_spm.rename(work / "mbart" / "sentencepiece.bpe.model")
    t5_tok = T5Tokenizer.from_pretrained(work / "t5", extra_ids=0)
    t5_tok.model_max_length = 1024
    mb_tok = MBartTokenizer.from_pretrained(work / "mbart", src_lang="vi_VN", tgt_lang="en_XX")
    mb_tok.model_max_length = 1024
    torch.manual_seed(0)
    t5 = T5ForConditionalGeneration(
        T5Config(
            **VIT5_BASE,
            pad_token_id=t5_tok.pad_token_id,
            eos_token_id=t5_tok.eos_token_id,
            decoder_start_token_id=t5_tok.pad_token_id,
        )
    ).eval()
    mbart = MBartForConditionalGeneration(
        MBartConfig(
            **MBART_LARGE,
            bos_token_id=mb_tok.bos_token_id,
            pad_token_id=mb_tok.pad_token_id,
            eos_token_id=mb_tok.eos_token_id,
            decoder_start_token_id=mb_tok.eos_token_id,
            forced_eos_token_id=mb_tok.eos_token_id,
        )
    ).eval()
    summarizer = Seq2SeqSummarizer(
        t5_tok, t5, cfg.summarizer, "random/vit5-base-vietnews-summarization"
    )
    glossary = Glossary.from_yaml(cfg.resolve(cfg.translator.glossary))
    translator = Seq2SeqTranslator(mb_tok, mbart, cfg.translator, "random-mbart-large", glossary)
    force_length(summarizer, summary_tokens, len(t5_tok))
    force_length(translator, sentence_tokens, len(mb_tok))
    return cfg, summarizer, translator


def bench_configured(
    repeats: int, summary_tokens: int, sentence_tokens: int, sample: Path = SAMPLES[0]
) -> None:
    article = clean_text(sample.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        cfg, summarizer, translator = configured_backends(
            Path(tmp), summary_tokens, sentence_tokens
        )
    extractive = ExtractiveSummarizer(cfg.summarizer.sentences, cfg.summarizer.key_points)
    picks = extractive.summarize(article)
    texts = [article.title, picks.text, *picks.key_points]
    sentences = [s for t in texts for s in split_sentences(t)]
    params = [sum(p.numel() for p in b.model.parameters()) / 1e6 for b in (summarizer, translator)]
    print(
        f"(c) configured path, one article ({sample.name}), torch threads="
        f"{torch.get_num_threads()}, num_beams={cfg.summarizer.num_beams}/"
        f"{cfg.translator.num_beams}, no_repeat_ngram_size={cfg.summarizer.no_repeat_ngram_size}/"
        f"{cfg.translator.no_repeat_ngram_size}, fp32 CPU"
    )
    summary_times, translate_times, summary_cpu, translate_cpu = [], [], [], []
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        summarizer.summarize(article)
        summary_times.append(time.perf_counter() - wall)
        summary_cpu.append(time.process_time() - cpu)
        print(f"    run: summary {summary_times[-1]:.1f} s wall", flush=True)
        wall, cpu = time.perf_counter(), time.process_time()
        translator.translate(texts)
        translate_times.append(time.perf_counter() - wall)
        translate_cpu.append(time.process_time() - cpu)
        print(f"    run: translation {translate_times[-1]:.1f} s wall", flush=True)
    print(
        f"    summarizer: random ViT5-base size ({params[0]:.0f}M), "
        f"{summarizer.last_chunk_count} chunk(s) of <= {summarizer.limit} tokens, "
        f"{summary_tokens} forced tokens each"
    )
    print(
        f"    translator: random mBART-large size ({params[1]:.0f}M), "
        f"{len(set(sentences))} sentences, {sentence_tokens} forced tokens each, glossary on"
    )
    summary_s = statistics.median(summary_times)
    translate_s = statistics.median(translate_times)
    summary_out = summarizer.last_chunk_count * summary_tokens
    english_out = len(set(sentences)) * sentence_tokens
    for label, wall_s, out, walls, cpus in (
        ("summarize", summary_s, summary_out, summary_times, summary_cpu),
        ("translate", translate_s, english_out, translate_times, translate_cpu),
    ):
        cpu_s = statistics.median(cpus)
        print(
            f"    {label}  median {wall_s:7.1f} s wall, {cpu_s:7.1f} s CPU -> "
            f"{out / wall_s:6.2f} tokens/s wall, {out / cpu_s:6.2f} per CPU-s "
            f"({out} output tokens; wall runs: {', '.join(f'{t:.1f}' for t in walls)})"
        )
    cpu_total = statistics.median(summary_cpu) + statistics.median(translate_cpu)
    print(
        f"    => {60 / (summary_s + translate_s):.2f} articles/min (wall, summary + translation); "
        f"{cpu_total:.0f} CPU-s per article"
    )


def bench_extractive(repeats: int, rounds: int) -> None:
    articles = []
    for path in SAMPLES:
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        lines = [line for line in lines if line]
        articles.append(CleanArticle(title=lines[0], paragraphs=tuple(lines[1:])))
    summarizer = ExtractiveSummarizer()
    rates = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(rounds):
            for article in articles:
                summarizer.summarize(article)
        rates.append(rounds * len(articles) / (time.perf_counter() - start) * 60)
    print(
        f"(b) extractive: {len(articles)} sample articles x {rounds} rounds, median over "
        f"{repeats} runs: {statistics.median(rates):,.0f} articles/min "
        f"(runs: {', '.join(f'{r:,.0f}' for r in rates)})"
    )


# Forced output lengths: a VietNews reference summary runs ~60-80 ViT5 tokens; an English news
# sentence ~30-40 mBART tokens.
SUMMARY_TOKENS = 64
SENTENCE_TOKENS = 40


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats and shorter outputs")
    args = parser.parse_args(argv)
    if args.quick:
        shortest = min(SAMPLES, key=lambda p: p.stat().st_size)
        bench_configured(repeats=1, summary_tokens=8, sentence_tokens=8, sample=shortest)
        bench_translation(repeats=1, count=8, new_tokens=8)
        bench_extractive(repeats=3, rounds=5)
    else:
        bench_configured(repeats=1, summary_tokens=SUMMARY_TOKENS, sentence_tokens=SENTENCE_TOKENS)
        bench_translation(repeats=3, count=32, new_tokens=32)
        bench_extractive(repeats=5, rounds=20)


if __name__ == "__main__":
    main()
