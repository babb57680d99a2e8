"""Session fixtures that build tiny but real seq2seq models on disk (no download, ~2 s).

Real tokenizers (SentencePiece trained here on the sample articles plus some English) and real
transformers architectures with random weights exercise exactly the code paths the product
uses for ViT5 (T5), opus-mt (Marian) and vinai-translate (mBART); only the text they generate is
meaningless, so tests assert on mechanics (shapes, order, ids, config use), never on wording.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SEED = 1234
# Far above the default 0.02: with default init every input decodes to the same string, which
# would let an order-scrambling bug pass unnoticed; at 0.5 outputs differ per input.
INIT_STD = 0.5

ENGLISH = """\
General Secretary To Lam held talks with the General Secretary and President of Laos.
The two leaders agreed to deepen the special relationship between Vietnam and Laos.
The Ministry of Foreign Affairs said cooperation in trade and investment keeps growing.
The National Assembly approved the plan after a long debate in Hanoi.
Leaders of Southeast Asia met at the ASEAN summit to discuss economic integration.
The Prime Minister asked ministries to speed up public investment this year.
Ho Chi Minh City reported strong growth in exports and tourism.
The Politburo and the Central Committee reviewed the results of the reform.
The Communist Party of Vietnam will hold its congress early next year.
Both sides signed agreements on education, energy and transport infrastructure.
Xinhua reported from Qatar, Zambia and New Zealand on 10 May 2024 and 3 June 1995.
"""
# No line holds a glossary placeholder (ZXQ0…): real vocabularies never saw them either, and a
# tokenizer trained on them would hide how real ones split them (tests/test_glossary.py).


def _corpus(path: Path) -> Path:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    path.write_text("\n".join(texts) + "\n" + ENGLISH * 3, encoding="utf-8")
    return path


def _train_spm(corpus: Path, prefix: Path, **ids: int) -> Path:
    import sentencepiece as spm

    spm.SentencePieceTrainer.train(
        input=str(corpus),
        model_prefix=str(prefix),
        vocab_size=500,
        model_type="unigram",
        character_coverage=1.0,
        num_threads=1,  # deterministic pieces
        minloglevel=2,
        **ids,
    )
    return prefix.with_suffix(".model")


# Shared by the Marian and mBART lookalikes: the smallest shapes that still run every code path.
TINY_BART_DIMS = {
    "d_model": 32,
    "encoder_layers": 2,
    "decoder_layers": 2,
    "encoder_attention_heads": 2,
    "decoder_attention_heads": 2,
    "encoder_ffn_dim": 64,
    "decoder_ffn_dim": 64,
}


@pytest.fixture(scope="session")
def tiny_spm(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Two SentencePiece models: T5/Marian id layout and fairseq/mBART id layout."""
    work = tmp_path_factory.mktemp("spm")
    corpus = _corpus(work / "corpus.txt")
    return {
        "t5": _train_spm(corpus, work / "t5", pad_id=0, eos_id=1, unk_id=2, bos_id=-1),
        "mbart": _train_spm(corpus, work / "mbart", bos_id=0, pad_id=1, eos_id=2, unk_id=3),
    }


@pytest.fixture(scope="session")
def tiny_t5_dir(tmp_path_factory: pytest.TempPathFactory, tiny_spm: dict[str, Path]) -> Path:
    """A T5 summarizer directory like VietAI/vit5-base-vietnews-summarization, but 100 kB."""
    import torch
    from transformers import T5Config, T5ForConditionalGeneration, T5Tokenizer

    out = tmp_path_factory.mktemp("tiny-vit5")
    shutil.copy(tiny_spm["t5"], out / "spiece.model")
    # from_pretrained (not the constructor) converts the .model file into a fast tokenizer.
    tokenizer = T5Tokenizer.from_pretrained(out, extra_ids=0)
    tokenizer.model_max_length = 1024
    tokenizer.save_pretrained(out)
    torch.manual_seed(SEED)
    config = T5Config(
        vocab_size=len(tokenizer),
        d_model=32,
        d_kv=16,
        d_ff=64,
        num_layers=2,
        num_decoder_layers=2,
        num_heads=2,
        pad_token_id=tokenizer.pad_token_id,
        eos_token_id=tokenizer.eos_token_id,
        decoder_start_token_id=tokenizer.pad_token_id,
    )
    T5ForConditionalGeneration(config).save_pretrained(out)
    return out


@pytest.fixture(scope="session")
def tiny_marian_dir(tmp_path_factory: pytest.TempPathFactory, tiny_spm: dict[str, Path]) -> Path:
    """An opus-mt-vi-en lookalike: source.spm, target.spm, vocab.json and a MarianMTModel."""
    return build_tiny_marian(tmp_path_factory.mktemp("tiny-marian"), tiny_spm["t5"])


def build_tiny_marian(out: Path, spm_model: Path, pad_last: bool = False) -> Path:
    """source.spm, target.spm, vocab.json and random Marian weights in `out`.

    `pad_last` puts <pad> (the decoder start) at the END of the vocabulary, as opus-mt's real
    vocab.json does and CTranslate2's Marian converter expects; otherwise ids follow the .spm.
    """
    import sentencepiece as spm
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    shutil.copy(spm_model, out / "source.spm")
    shutil.copy(spm_model, out / "target.spm")
    processor = spm.SentencePieceProcessor(model_file=str(spm_model))
    pieces = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    if pad_last:
        pieces = [p for p in pieces if p != "<pad>"] + ["<pad>"]
    vocab = {piece: i for i, piece in enumerate(pieces)}
    (out / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    tokenizer = MarianTokenizer(
        source_spm=str(out / "source.spm"),
        target_spm=str(out / "target.spm"),
        vocab=str(out / "vocab.json"),
        model_max_length=512,
    )
    tokenizer.save_pretrained(out)
    torch.manual_seed(SEED)
    config = MarianConfig(
        vocab_size=len(vocab),
        **TINY_BART_DIMS,
        max_position_embeddings=512,
        init_std=INIT_STD,
        pad_token_id=tokenizer.pad_token_id,
        eos_token_id=tokenizer.eos_token_id,
        decoder_start_token_id=tokenizer.pad_token_id,
        forced_eos_token_id=tokenizer.eos_token_id,
    )
    MarianMTModel(config).save_pretrained(out)
    return out


@pytest.fixture(scope="session")
def tiny_mbart_dir(tmp_path_factory: pytest.TempPathFactory, tiny_spm: dict[str, Path]) -> Path:
    """A vinai-translate-vi2en lookalike: MBartTokenizer (vi_VN, en_XX codes) + mBART model."""
    from transformers import MBartTokenizer

    out = tmp_path_factory.mktemp("tiny-mbart")
    shutil.copy(tiny_spm["mbart"], out / "sentencepiece.bpe.model")
    tokenizer = MBartTokenizer.from_pretrained(out, src_lang="vi_VN", tgt_lang="en_XX")
    tokenizer.model_max_length = 1024
    tokenizer.save_pretrained(out)
    _tiny_mbart_model(out, tokenizer)
    return out


def _tiny_mbart_model(out: Path, tokenizer, vocab_size: int | None = None, **ids: int) -> None:
    """Random mBART weights sized for `tokenizer` (also the architecture of BARTpho)."""
    from transformers import MBartConfig, MBartForConditionalGeneration

    ids = {"forced_eos_token_id": tokenizer.eos_token_id, **ids}
    _tiny_bart_family_model(
        out, tokenizer, MBartConfig, MBartForConditionalGeneration, vocab_size, **ids
    )


def _tiny_bart_family_model(
    out: Path, tokenizer, config_class, model_class, vocab_size: int | None = None, **ids: int
) -> None:
    """Random weights of a BART-shaped seq2seq (mBART, M2M100/NLLB) in the tiny dimensions."""
    import torch

    torch.manual_seed(SEED)
    config = config_class(
        vocab_size=vocab_size or len(tokenizer),
        **TINY_BART_DIMS,
        max_position_embeddings=256,
        init_std=INIT_STD,
        bos_token_id=tokenizer.bos_token_id,
        pad_token_id=tokenizer.pad_token_id,
        eos_token_id=tokenizer.eos_token_id,
        decoder_start_token_id=tokenizer.eos_token_id,
        **ids,
    )
    model_class(config).save_pretrained(out)


@pytest.fixture(scope="session")
def tiny_mbart50_dir(tmp_path_factory: pytest.TempPathFactory, tiny_spm: dict[str, Path]) -> Path:
    """An mBART-50 many-to-many lookalike: MBart50Tokenizer puts the source code first."""
    from transformers import MBart50Tokenizer

    out = tmp_path_factory.mktemp("tiny-mbart50")
    shutil.copy(tiny_spm["mbart"], out / "sentencepiece.bpe.model")
    tokenizer = MBart50Tokenizer.from_pretrained(out, src_lang="vi_VN", tgt_lang="en_XX")
    tokenizer.model_max_length = 1024
    tokenizer.save_pretrained(out)
    _tiny_mbart_model(out, tokenizer)
    return out


@pytest.fixture(scope="session")
def tiny_nllb_dir(tmp_path_factory: pytest.TempPathFactory, tiny_spm: dict[str, Path]) -> Path:
    """An NLLB-200 lookalike: NllbTokenizer (vie_Latn, eng_Latn codes) + an M2M100 model."""
    from transformers import NllbTokenizer
    from transformers.models.nllb.tokenization_nllb import FAIRSEQ_LANGUAGE_CODES

    out = tmp_path_factory.mktemp("tiny-nllb")
    shutil.copy(tiny_spm["mbart"], out / "sentencepiece.bpe.model")
    # Converting a bare .model file drops the codes; the real tokenizer.json carries them.
    tokenizer = NllbTokenizer.from_pretrained(
        out, src_lang="eng_Latn", extra_special_tokens=FAIRSEQ_LANGUAGE_CODES
    )
    tokenizer.model_max_length = 1024
    tokenizer.save_pretrained(out)
    _tiny_m2m100_model(out, tokenizer, len(tokenizer))
    return out


@pytest.fixture(scope="session")
def tiny_m2m100_dir(tmp_path_factory: pytest.TempPathFactory, tiny_spm: dict[str, Path]) -> Path:
    """An M2M100 lookalike: M2M100Tokenizer (vocab.json + SentencePiece, __vi__/__en__ codes)."""
    import sentencepiece as spm
    from transformers import M2M100Tokenizer

    out = tmp_path_factory.mktemp("tiny-m2m100")
    shutil.copy(tiny_spm["mbart"], out / "sentencepiece.bpe.model")
    processor = spm.SentencePieceProcessor(model_file=str(tiny_spm["mbart"]))
    vocab = {processor.id_to_piece(i): i for i in range(processor.get_piece_size())}
    (out / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    # Default codes are English (as in the released tokenizer config); the code must set them.
    tokenizer = M2M100Tokenizer(
        vocab_file=str(out / "vocab.json"),
        spm_file=str(out / "sentencepiece.bpe.model"),
        model_max_length=1024,
    )
    tokenizer.save_pretrained(out)
    size = len(vocab) + len(tokenizer.lang_code_to_id) + tokenizer.num_madeup_words
    _tiny_m2m100_model(out, tokenizer, size)
    return out


def _tiny_m2m100_model(out: Path, tokenizer, vocab_size: int) -> None:
    from transformers import M2M100Config, M2M100ForConditionalGeneration

    _tiny_bart_family_model(
        out, tokenizer, M2M100Config, M2M100ForConditionalGeneration, vocab_size
    )


@pytest.fixture(scope="session")
def tiny_bartpho_dir(tmp_path_factory: pytest.TempPathFactory, tiny_spm: dict[str, Path]) -> Path:
    """A BARTpho-syllable summarizer lookalike: BartphoTokenizer (dict.txt) + mBART model."""
    import sentencepiece as spm
    from transformers import BartphoTokenizer

    out = tmp_path_factory.mktemp("tiny-bartpho")
    shutil.copy(tiny_spm["mbart"], out / "sentencepiece.bpe.model")
    processor = spm.SentencePieceProcessor(model_file=str(tiny_spm["mbart"]))
    pieces = [processor.id_to_piece(i) for i in range(4, processor.get_piece_size())]
    (out / "dict.txt").write_text("".join(f"{p} 1\n" for p in pieces), encoding="utf-8")
    tokenizer = BartphoTokenizer(
        vocab_file=str(out / "sentencepiece.bpe.model"),
        monolingual_vocab_file=str(out / "dict.txt"),
        model_max_length=1024,
    )
    tokenizer.save_pretrained(out)
    _tiny_mbart_model(out, tokenizer)
    return out
