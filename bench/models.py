"""Throughput of the model backends on CPU, without downloading anything.

(a) Translation: sentence-batched (the product path, Seq2SeqTranslator with batch_size 8)
    versus a one-sentence-per-generate() loop (batch_size 1), on a random-weight MarianMTModel
    of opus-mt-vi-en's real size. Random weights make the model stop at arbitrary points, so the
    output length is forced (min_new_tokens = max_new_tokens, greedy): both modes then do the
    same decoding work and tokens/s compares like with like.
    The tokenizer is a SentencePiece model trained here on the samples (a smaller vocabulary
    than opus-mt's, so inputs are ~1.5x more tokens than the real tokenizer would produce;
    the encoder is a small part of the cost at these lengths).
(b) Extractive summarizer: articles per minute on the bundled samples (raw lines as
    paragraphs; the cleaner is not part of this measurement).

Run: .venv/bin/python bench/models.py [--quick]
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

from models.extractive import ExtractiveSummarizer  # noqa: E402
from models.seq2seq_translator import Seq2SeqTranslator  # noqa: E402
from pipeline.article import CleanArticle  # noqa: E402
from pipeline.config import TranslatorConfig  # noqa: E402
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


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats and shorter outputs")
    args = parser.parse_args(argv)
    if args.quick:
        bench_translation(repeats=3, count=16, new_tokens=16)
        bench_extractive(repeats=3, rounds=5)
    else:
        bench_translation(repeats=3, count=32, new_tokens=32)
        bench_extractive(repeats=5, rounds=20)


if __name__ == "__main__":
    main()
