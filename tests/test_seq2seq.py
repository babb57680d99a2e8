"""Loading, chunked summarization and batched translation on tiny real models (tests/tiny_models).

Random weights generate meaningless text, so these tests check mechanics: what reached
generate(), how inputs were chunked and batched, which ids the decoder started with.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from models.base import ModelLoadError
from models.families import summarizer_input_format
from models.glossary import Glossary
from models.hf_loading import (
    hub_reachable,
    load_seq2seq,
    locate_model,
    pull_model,
    resolve_model_ref,
)
from models.seq2seq_summarizer import (
    Seq2SeqSummarizer,
    chunk_sentences,
    model_input_limit,
)
from pipeline.article import CleanArticle
from pipeline.config import SummarizerConfig, TranslatorConfig

ROOT = Path(__file__).resolve().parent.parent
VIT5_LARGE = "tiny/vit5-large-vietnews-summarization"
VIT5_BASE = "tiny/vit5-base-vietnews-summarization"
FAKE_HUB_ID = "vnbrief-tests/not-a-real-model"


def _article(name: str) -> CleanArticle:
    text = (ROOT / "samples" / name).read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return CleanArticle(title=lines[0], paragraphs=tuple(lines[1:]))


class GenerateSpy:
    """Wraps model.generate to record the keyword arguments and inputs of every call."""

    def __init__(self, model: Any) -> None:
        self.model = model
        self.original = model.generate
        self.calls: list[dict[str, Any]] = []
        model.generate = self

    def __call__(self, **kwargs: Any) -> Any:
        self.calls.append(kwargs)
        return self.original(**kwargs)

    def restore(self) -> None:
        del self.model.generate


@pytest.fixture
def spy_factory():
    spies: list[GenerateSpy] = []

    def make(model: Any) -> GenerateSpy:
        spies.append(GenerateSpy(model))
        return spies[-1]

    yield make
    for spy in spies:
        spy.restore()


@pytest.fixture(scope="module")
def t5(tiny_t5_dir: Path):
    return load_seq2seq(str(tiny_t5_dir))


@pytest.fixture(scope="module")
def marian(tiny_marian_dir: Path):
    return load_seq2seq(str(tiny_marian_dir))


@pytest.fixture(scope="module")
def mbart(tiny_mbart_dir: Path):
    return load_seq2seq(str(tiny_mbart_dir))


# --- loading ------------------------------------------------------------------------------


@pytest.mark.slow
def test_loads_local_directories(t5, marian, mbart) -> None:
    for (tokenizer, model), kind in ((t5, "t5"), (marian, "marian"), (mbart, "mbart")):
        assert model.config.model_type == kind
        assert not model.training
        assert tokenizer("Xin chào")["input_ids"]


def test_missing_local_dir_is_clear(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-model"
    with pytest.raises(ModelLoadError, match=r"model directory .*no-such-model does not exist"):
        load_seq2seq(str(missing))


@pytest.mark.slow
def test_directory_that_is_not_a_model_gives_one_line(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("not a model", encoding="utf-8")
    with pytest.raises(ModelLoadError) as info:
        load_seq2seq(str(tmp_path))
    message = str(info.value)
    assert message.startswith(f"cannot load model from {tmp_path}")
    assert "\n" not in message


@pytest.mark.slow
def test_offline_hub_id_fails_fast(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    start = time.monotonic()
    with pytest.raises(ModelLoadError) as info:
        load_seq2seq(FAKE_HUB_ID)
    assert time.monotonic() - start < 5
    message = str(info.value)
    assert f"'{FAKE_HUB_ID}' is not in the local Hugging Face cache" in message
    assert "cannot be reached (offline)" in message
    assert "vnbrief models pull" in message


@pytest.mark.slow
def test_unreachable_endpoint_is_probed_fast(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.delenv("TRANSFORMERS_OFFLINE", raising=False)
    monkeypatch.setenv("HF_ENDPOINT", "http://nonexistent.invalid")
    start = time.monotonic()
    assert hub_reachable() is False
    with pytest.raises(ModelLoadError, match="cannot be reached"):
        load_seq2seq(FAKE_HUB_ID)
    assert time.monotonic() - start < 5


def test_pull_offline_is_clear(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelLoadError, match="cannot be reached"):
        pull_model(FAKE_HUB_ID)


def test_locate_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert locate_model(str(tmp_path)) == (f"local dir {tmp_path.resolve()}", True)
    assert locate_model(str(tmp_path / "gone")) == (f"local dir {tmp_path / 'gone'}", False)
    assert locate_model(FAKE_HUB_ID) == ("hub (not cached)", False)


def test_resolve_model_ref(tmp_path: Path) -> None:
    (tmp_path / "models" / "vit5").mkdir(parents=True)
    assert resolve_model_ref("./models/vit5", tmp_path) == str(tmp_path / "models" / "vit5")
    assert resolve_model_ref("models/vit5", tmp_path) == str(tmp_path / "models" / "vit5")
    assert resolve_model_ref("/abs/dir", tmp_path) == "/abs/dir"
    assert resolve_model_ref("vinai/vinai-translate-vi2en-v2", tmp_path) == (
        "vinai/vinai-translate-vi2en-v2"
    )


# --- summarizer -----------------------------------------------------------------------------


def test_chunk_sentences_packs_greedily_at_sentence_boundaries() -> None:
    sentences = ["a", "b", "c", "d", "e"]
    assert chunk_sentences(sentences, [3, 3, 3, 3, 3], 7) == [["a", "b"], ["c", "d"], ["e"]]
    assert chunk_sentences(sentences, [3, 3, 3, 3, 3], 100) == [sentences]
    # An overlong sentence gets a chunk of its own instead of being split.
    assert chunk_sentences(["a", "b", "c"], [2, 50, 2], 10) == [["a"], ["b"], ["c"]]
    assert chunk_sentences([], [], 10) == []


def input_format(name: str, prefix: str | None = None, suffix: str | None = None):
    fmt = summarizer_input_format(name, prefix, suffix)
    return fmt.prefix, fmt.suffix


def test_input_format_follows_each_model_card() -> None:
    # Base card: "No prefix needed"; large card: "vietnews: " + text. Neither gets a literal
    # "</s>": the tokenizer appends the one end token itself.
    assert input_format("VietAI/vit5-base-vietnews-summarization") == ("", "")
    assert input_format("VietAI/vit5-large-vietnews-summarization") == ("vietnews: ", "")
    assert input_format("/models/ViT5-local") == ("", "")
    assert input_format("facebook/bart-large-cnn") == ("", "")
    # Configured values win over the preset (a local copy of the large model, say).
    assert input_format("/models/ViT5-local", "vietnews: ", None) == ("vietnews: ", "")
    assert input_format("VietAI/vit5-large-vietnews-summarization", "", "") == ("", "")


@pytest.mark.slow
def test_input_limit_respects_model(t5, marian, mbart) -> None:
    assert model_input_limit(4096, *t5) == 1024  # tokenizer limit; T5 has no position table
    assert model_input_limit(4096, *marian) == 512
    assert model_input_limit(4096, *mbart) == 256  # the tiny mBART has 256 positions
    assert model_input_limit(100, *mbart) == 100


@pytest.mark.slow
def test_summarizer_chunks_long_article_and_uses_config(t5, spy_factory) -> None:
    from models.extractive import ExtractiveSummarizer

    tokenizer, model = t5
    config = SummarizerConfig(
        max_input_tokens=200,
        long_articles="chunk",
        max_new_tokens=7,
        num_beams=2,
        no_repeat_ngram_size=2,
    )
    summarizer = Seq2SeqSummarizer(tokenizer, model, config, VIT5_LARGE)
    spy = spy_factory(model)
    article = _article("baoquocte-giu-lua-hop-tac.txt")

    summary = summarizer.summarize(article)

    assert summarizer.last_chunk_count > 3
    assert summary.method == f"seq2seq:{VIT5_LARGE}"
    assert summary.text
    first = spy.calls[0]
    assert first["num_beams"] == 2
    assert first["no_repeat_ngram_size"] == 2
    assert first["max_new_tokens"] == 7
    for call in spy.calls:
        assert call["input_ids"].shape[1] <= 200
    chunks_generated = sum(call["input_ids"].shape[0] for call in spy.calls)
    assert chunks_generated >= summarizer.last_chunk_count
    decoded = tokenizer.decode(first["input_ids"][0], skip_special_tokens=True)
    assert decoded.startswith("vietnews:")  # the large model's card prefix
    for row in first["input_ids"].tolist():  # one end token, last before the padding
        ids = [t for t in row if t != tokenizer.pad_token_id]
        assert ids.count(tokenizer.eos_token_id) == 1 and ids[-1] == tokenizer.eos_token_id
    expected = ExtractiveSummarizer(sentences=3, key_points=4).summarize(article).key_points
    assert summary.key_points == expected


@pytest.mark.slow
def test_summarizer_short_article_is_one_chunk_and_empty_raises(t5, spy_factory) -> None:
    tokenizer, model = t5
    summarizer = Seq2SeqSummarizer(tokenizer, model, SummarizerConfig(num_beams=1), "tiny-t5")
    spy = spy_factory(model)
    short = CleanArticle(title="Tin", paragraphs=("Hai bên ký thỏa thuận hợp tác.",))
    summarizer.summarize(short)
    assert summarizer.last_chunk_count == 1
    decoded = tokenizer.decode(spy.calls[0]["input_ids"][0], skip_special_tokens=True)
    assert not decoded.startswith("vietnews:")  # not a ViT5 name: no ViT5 prefix

    spy.calls.clear()
    # Same contract as the extractive summarizer: no body is an error, not an empty summary.
    with pytest.raises(ValueError, match="no body text"):
        summarizer.summarize(CleanArticle(title="Tin", paragraphs=()))
    assert spy.calls == []


@pytest.mark.slow
def test_summarizer_resummarizes_when_partials_are_too_long(t5) -> None:
    tokenizer, model = t5
    # max_new_tokens > budget: joined partial summaries cannot fit and need another pass,
    # which the bound must stop.
    config = SummarizerConfig(
        max_input_tokens=40, long_articles="chunk", max_new_tokens=60, num_beams=1
    )
    summarizer = Seq2SeqSummarizer(tokenizer, model, config, "tiny-t5")
    summarizer.summarize(_article("hoi-dam-to-lam-thongloun.txt"))
    assert summarizer.last_chunk_count > 1
    assert 1 <= summarizer.last_passes <= 3


def test_input_cap_follows_the_model_card() -> None:
    for name in (VIT5_LARGE, "VietAI/vit5-base-vietnews-summarization", "vinai/bartpho-syllable"):
        assert summarizer_input_format(name).max_input_tokens == 1024
    assert summarizer_input_format("facebook/bart-large-cnn").max_input_tokens is None


@pytest.mark.slow
def test_long_article_is_cut_after_the_last_whole_sentence_that_fits(t5, spy_factory) -> None:
    """Token level: the model gets exactly the first k sentences, k the most that fit."""
    from pipeline.segment import split_sentences

    tokenizer, model = t5
    config = SummarizerConfig(max_input_tokens=120, max_new_tokens=4, num_beams=1)
    summarizer = Seq2SeqSummarizer(tokenizer, model, config, "tiny-t5")
    assert summarizer.limit == 120  # the configured cap wins over the preset's
    spy = spy_factory(model)
    article = _article("baoquocte-giu-lua-hop-tac.txt")
    sentences = [s for p in article.paragraphs for s in split_sentences(p)]
    counts = [len(tokenizer(s, add_special_tokens=False)["input_ids"]) for s in sentences]

    summary = summarizer.summarize(article)

    (call,) = spy.calls  # one pass over one input, no chunks
    sent = [t for t in call["input_ids"][0].tolist() if t != tokenizer.pad_token_id]
    assert len(sent) <= 120
    firsts = [tokenizer(" ".join(sentences[:k]))["input_ids"] for k in range(len(sentences))]
    kept = [k for k, ids in enumerate(firsts) if k and ids == sent]
    assert len(kept) == 1, "the input is not a run of whole first sentences"
    k = kept[0]
    assert sum(counts[:k]) <= summarizer.budget < sum(counts[: k + 1])
    assert summary.note == (
        f"summary of the first {k} of {len(sentences)} sentences: the rest is past the "
        "120-token input of tiny-t5"
    )
    assert summarizer.last_chunk_count == 1 and summarizer.last_passes == 1

    spy.calls.clear()  # an article that fits is sent whole, without a note
    short = CleanArticle(title="Tin", paragraphs=(" ".join(sentences[:2]),))
    assert summarizer.summarize(short).note is None
    (call,) = spy.calls
    sent = [t for t in call["input_ids"][0].tolist() if t != tokenizer.pad_token_id]
    assert sent == tokenizer(" ".join(sentences[:2]))["input_ids"]


# --- translator -----------------------------------------------------------------------------


def _sample_texts() -> list[str]:
    from pipeline.segment import split_sentences

    text = (ROOT / "samples" / "hoi-dam-to-lam-thongloun.txt").read_text(encoding="utf-8")
    sentences = split_sentences(text)[:18]
    # Texts of one to three paragraphs with one to three sentences each.
    return [
        sentences[0],
        f"{sentences[1]} {sentences[2]}\n\n{sentences[3]}",
        "",
        f"{sentences[4]}\n{sentences[5]} {sentences[6]} {sentences[7]}",
        f"{sentences[8]}\n\n{sentences[9]}\n\n{sentences[10]} {sentences[11]}",
        " ".join(sentences[12:18]),
    ]


@pytest.mark.slow
def test_batched_translation_matches_one_at_a_time(marian, spy_factory) -> None:
    from models.seq2seq_translator import Seq2SeqTranslator
    from pipeline.segment import split_paragraphs, split_sentences

    tokenizer, model = marian
    texts = _sample_texts()
    greedy = {"num_beams": 1, "max_new_tokens": 8}
    batched = Seq2SeqTranslator(
        tokenizer, model, TranslatorConfig(batch_size=4, **greedy), "tiny-marian"
    )
    single = Seq2SeqTranslator(
        tokenizer, model, TranslatorConfig(batch_size=1, **greedy), "tiny-marian"
    )
    spy = spy_factory(model)

    out_batched = batched.translate(texts)
    batched_calls = len(spy.calls)
    out_single = [single.translate([text])[0] for text in texts]

    assert out_batched == out_single
    assert len(out_batched) == len(texts)
    assert out_batched[2] == ""
    assert out_batched[1].count("\n\n") == 1
    assert out_batched[4].count("\n\n") == 2
    assert out_batched[3].count("\n\n") == 1  # a single newline also ends a paragraph
    # Outputs must depend on the input, or the order check above would prove nothing.
    assert len({t for t in out_batched if t}) >= 4
    sentences = {s for text in texts for p in split_paragraphs(text) for s in split_sentences(p)}
    assert batched_calls == -(-len(sentences) // 4)  # unique sentences in batches of 4
    widths = [call["input_ids"].shape[1] for call in spy.calls[:batched_calls]]
    assert widths == sorted(widths, reverse=True)  # length-sorted batches


@pytest.mark.slow
def test_empty_texts_do_not_call_the_model(marian, spy_factory) -> None:
    from models.seq2seq_translator import Seq2SeqTranslator

    tokenizer, model = marian
    translator = Seq2SeqTranslator(tokenizer, model, TranslatorConfig(), "tiny-marian")
    spy = spy_factory(model)
    assert translator.translate(["", "  \n ", ""]) == ["", "", ""]
    assert translator.translate([]) == []
    assert spy.calls == []


@pytest.mark.slow
def test_marian_gets_no_language_codes(marian) -> None:
    from models.seq2seq_translator import Seq2SeqTranslator

    translator = Seq2SeqTranslator(*marian, TranslatorConfig(), "tiny-marian")
    kwargs = translator.generation_kwargs()
    assert "forced_bos_token_id" not in kwargs and "decoder_start_token_id" not in kwargs


@pytest.mark.slow
def test_mbart_decodes_english_and_marks_source_vietnamese(mbart, spy_factory) -> None:
    from models.seq2seq_translator import Seq2SeqTranslator

    tokenizer, model = mbart
    translator = Seq2SeqTranslator(
        tokenizer, model, TranslatorConfig(num_beams=2, max_new_tokens=6), "tiny-mbart"
    )
    en_xx = tokenizer.convert_tokens_to_ids("en_XX")
    vi_vn = tokenizer.convert_tokens_to_ids("vi_VN")
    spy = spy_factory(model)

    translator.translate(["Tổng Bí thư Tô Lâm hội đàm với Lào.", "Hai bên nhất trí."])

    (call,) = spy.calls
    assert call["decoder_start_token_id"] == en_xx
    ids = call["input_ids"][0].tolist()
    assert ids[-2:] == [tokenizer.eos_token_id, vi_vn]  # mBART source: tokens </s> vi_VN
    generated = spy.original(**call)
    assert generated[:, 0].tolist() == [en_xx, en_xx]


@pytest.mark.slow
def test_mbart_with_unknown_language_code_fails_clearly(mbart) -> None:
    from models.seq2seq_translator import Seq2SeqTranslator

    with pytest.raises(ModelLoadError, match="translator.tgt_lang 'xx_YY'"):
        Seq2SeqTranslator(*mbart, TranslatorConfig(tgt_lang="xx_YY"), "tiny-mbart")


class CopyModel:
    """Test double standing in for a model that copies its input (as MT models copy acronyms)."""

    def __init__(self, real: Any) -> None:
        self.config = real.config
        self.device = real.device

    def generate(self, input_ids: Any, **_: Any) -> Any:
        return input_ids


@pytest.mark.slow
def test_glossary_terms_and_names_reach_the_english_text(marian) -> None:
    from models.seq2seq_translator import Seq2SeqTranslator

    tokenizer, model = marian
    glossary = Glossary.from_yaml(ROOT / "configs" / "glossary.yaml")
    translator = Seq2SeqTranslator(
        tokenizer, CopyModel(model), TranslatorConfig(), "copy", glossary
    )
    (out,) = translator.translate(
        ["Tổng Bí thư Tô Lâm hội đàm với Tổng Bí thư, Chủ tịch nước Lào Thongloun Sisoulith."]
    )
    assert "General Secretary" in out
    assert "President" in out and "Laos" in out
    assert "Tô Lâm" in out and "Thongloun Sisoulith" in out
    assert "ZXQ" not in out
    assert translator.last_lost_terms == 0


# --- model families: token-level input format and language codes (README table) -----------


def _translator(pair: tuple[Any, Any], name: str, **config: Any):
    from models.seq2seq_translator import Seq2SeqTranslator

    settings = {"num_beams": 2, "max_new_tokens": 6, "glossary": None, **config}
    return Seq2SeqTranslator(*pair, TranslatorConfig(**settings), name)


def _frame(tokenizer: Any, ids: list[int]) -> tuple[list[str], list[str]]:
    """First two and last two tokens of an encoded input, padding removed."""
    tokens = tokenizer.convert_ids_to_tokens([t for t in ids if t != tokenizer.pad_token_id])
    return tokens[:2], tokens[-2:]


@pytest.mark.slow
def test_vit5_base_and_large_get_their_card_formats_with_one_end_token(t5, spy_factory) -> None:
    tokenizer, model = t5
    article = CleanArticle(title="Tin", paragraphs=("Hai bên ký thỏa thuận hợp tác.",))
    config = SummarizerConfig(num_beams=1, max_new_tokens=4)
    spy = spy_factory(model)
    for name, prefix in ((VIT5_BASE, ""), (VIT5_LARGE, "vietnews: ")):
        spy.calls.clear()
        Seq2SeqSummarizer(tokenizer, model, config, name).summarize(article)
        (call,) = spy.calls
        ids = call["input_ids"][0].tolist()
        expected = tokenizer(prefix + "Hai bên ký thỏa thuận hợp tác.")["input_ids"]
        assert ids == expected
        assert ids.count(tokenizer.eos_token_id) == 1 and ids[-1] == tokenizer.eos_token_id
    # The cards' literal " </s>" would make two end tokens: refused at load time.
    with pytest.raises(ModelLoadError, match="end token </s>"):
        Seq2SeqSummarizer(tokenizer, model, SummarizerConfig(input_suffix=" </s>"), VIT5_BASE)


@pytest.mark.slow
def test_bartpho_summarizer_gets_plain_text_and_starts_from_eos(
    tiny_bartpho_dir: Path, spy_factory
) -> None:
    tokenizer, model = load_seq2seq(str(tiny_bartpho_dir))
    assert type(tokenizer).__name__ == "BartphoTokenizer"
    summarizer = Seq2SeqSummarizer(
        tokenizer, model, SummarizerConfig(num_beams=2, max_new_tokens=5), "x/bartpho-news-sum"
    )
    spy = spy_factory(model)
    summarizer.summarize(CleanArticle(title="Tin", paragraphs=("Hai bên ký thỏa thuận.",)))
    ids = spy.calls[0]["input_ids"][0].tolist()
    assert ids == tokenizer("Hai bên ký thỏa thuận.")["input_ids"]  # no prefix
    assert ids[0] == tokenizer.bos_token_id and ids[-1] == tokenizer.eos_token_id
    assert ids.count(tokenizer.eos_token_id) == 1
    generated = spy.original(**spy.calls[0])
    assert generated[0, 0].item() == model.config.decoder_start_token_id == tokenizer.eos_token_id


@pytest.mark.slow
def test_mbart50_marks_source_first_and_forces_english_bos(
    tiny_mbart50_dir: Path, spy_factory
) -> None:
    pair = load_seq2seq(str(tiny_mbart50_dir))
    tokenizer, model = pair
    translator = _translator(pair, "tiny-mbart50")
    assert translator.family is not None and translator.family.name == "mbart-50"
    en_xx = tokenizer.convert_tokens_to_ids("en_XX")
    spy = spy_factory(model)
    outputs = translator.translate(["Hai bên nhất trí.", "Lào và Việt Nam ký thỏa thuận."])
    (call,) = spy.calls
    assert call["forced_bos_token_id"] == en_xx and "decoder_start_token_id" not in call
    for row in call["input_ids"].tolist():
        first, last = _frame(tokenizer, row)
        assert first[0] == "vi_VN" and last[-1] == "</s>"
        assert row.count(tokenizer.eos_token_id) == 1
    generated = spy.original(**call)
    assert generated[:, 0].tolist() == [tokenizer.eos_token_id] * 2  # decoder start </s>
    assert generated[:, 1].tolist() == [en_xx] * 2  # then the forced target code
    assert not any("en_XX" in out or "vi_VN" in out for out in outputs)


@pytest.mark.slow
def test_nllb_translates_vie_latn_to_eng_latn(tiny_nllb_dir: Path, spy_factory) -> None:
    pair = load_seq2seq(str(tiny_nllb_dir))
    tokenizer, model = pair
    assert tokenizer.src_lang == "eng_Latn"  # the released default: must be overridden
    translator = _translator(pair, "tiny-nllb")
    assert translator.family is not None and translator.family.name == "nllb-200"
    eng = tokenizer.convert_tokens_to_ids("eng_Latn")
    spy = spy_factory(model)
    (out,) = translator.translate(["Hai bên nhất trí."])
    (call,) = spy.calls
    assert call["forced_bos_token_id"] == eng
    first, last = _frame(tokenizer, call["input_ids"][0].tolist())
    assert first[0] == "vie_Latn" and last[-1] == "</s>"
    generated = spy.original(**call)
    assert generated[0, :2].tolist() == [tokenizer.eos_token_id, eng]
    assert "eng_Latn" not in out


@pytest.mark.slow
def test_m2m100_translates_vi_to_en(tiny_m2m100_dir: Path, spy_factory) -> None:
    pair = load_seq2seq(str(tiny_m2m100_dir))
    tokenizer, model = pair
    translator = _translator(pair, "tiny-m2m100")
    assert translator.family is not None and translator.family.name == "m2m100"
    en = tokenizer.get_lang_id("en")
    spy = spy_factory(model)
    (out,) = translator.translate(["Hai bên nhất trí."])
    (call,) = spy.calls
    assert call["forced_bos_token_id"] == en
    first, last = _frame(tokenizer, call["input_ids"][0].tolist())
    assert first[0] == "__vi__" and last[-1] == "</s>"
    generated = spy.original(**call)
    assert generated[0, :2].tolist() == [tokenizer.eos_token_id, en]
    assert "__en__" not in out  # stripped even where the tokenizer does not mark it special


@pytest.mark.slow
def test_marian_input_has_no_codes_and_one_end_token(marian, spy_factory) -> None:
    tokenizer, model = marian
    translator = _translator(marian, "tiny-marian")
    assert translator.family is not None and translator.family.name == "marian"
    spy = spy_factory(model)
    translator.translate(["Hai bên nhất trí."])
    ids = [t for t in spy.calls[0]["input_ids"][0].tolist() if t != tokenizer.pad_token_id]
    assert ids == tokenizer("Hai bên nhất trí.")["input_ids"]
    assert ids.count(tokenizer.eos_token_id) == 1 and ids[-1] == tokenizer.eos_token_id
    generated = spy.original(**spy.calls[0])
    assert generated[0, 0].item() == tokenizer.pad_token_id  # Marian starts from <pad>


@pytest.mark.slow
def test_language_setups_the_code_cannot_honour_fail_at_load(
    marian, mbart, tiny_nllb_dir: Path, tiny_m2m100_dir: Path, tiny_bartpho_dir: Path
) -> None:
    nllb = load_seq2seq(str(tiny_nllb_dir))
    m2m = load_seq2seq(str(tiny_m2m100_dir))
    cases = [
        (nllb, {"src_lang": "vi_VN", "tgt_lang": "en_XX"}, r"src_lang 'vi_VN' .*nllb-200"),
        (nllb, {"tgt_lang": "en"}, r"tgt_lang 'en' .*vie_Latn -> eng_Latn"),
        (m2m, {"src_lang": "vie_Latn"}, r"src_lang 'vie_Latn' .*m2m100"),
        (mbart, {"tgt_lang": "eng_Latn"}, r"tgt_lang 'eng_Latn' .*mbart-cc25"),
        (marian, {"tgt_lang": "en_XX"}, r"takes no language codes"),
        (load_seq2seq(str(tiny_bartpho_dir)), {}, r"no convention for its tokenizer Bartpho"),
    ]
    for pair, codes, message in cases:
        with pytest.raises(ModelLoadError, match=message):
            _translator(pair, "tiny", **codes)


# --- one model, many threads; batches across articles ---------------------------------------


SAMPLE_NAMES = (
    "baoquocte-giu-lua-hop-tac.txt",
    "hoi-dam-to-lam-thongloun.txt",
    "vnexpress-to-lam-hoc-vien-lao.txt",
)


class InFlight:
    """Wraps model.generate to count how many calls run at the same time."""

    def __init__(self, model: Any) -> None:
        import threading

        self.model = model
        self.original = model.generate
        self.now = 0
        self.peak = 0
        self._count = threading.Lock()
        model.generate = self

    def __call__(self, **kwargs: Any) -> Any:
        with self._count:
            self.now += 1
            self.peak = max(self.peak, self.now)
        try:
            time.sleep(0.1)  # widen the window a real beam search keeps open for seconds
            return self.original(**kwargs)
        finally:
            with self._count:
                self.now -= 1


@pytest.mark.slow
def test_concurrent_calls_into_one_model_are_serialised_and_correct(t5, marian) -> None:
    """The flow's thread pool calls one tokenizer and model from many tasks at once.

    Unlocked, calls overlap (8 beam searches on one model oversubscribe a CPU or exhaust a
    GPU) and the fast tokenizer's padding/truncation state, rewritten by each call, can give
    ragged batches (`ValueError: Unable to create tensor…`). Each model must run one call at
    a time, and every result must equal the sequential one.
    """
    import threading

    from models.seq2seq_translator import Seq2SeqTranslator

    config = SummarizerConfig(max_input_tokens=60, max_new_tokens=3, num_beams=1)
    summarizer = Seq2SeqSummarizer(*t5, config, "tiny-t5")
    translator = Seq2SeqTranslator(
        *marian, TranslatorConfig(max_new_tokens=3, num_beams=1, batch_size=4), "tiny-marian"
    )
    articles = [_article(name) for name in SAMPLE_NAMES[1:]]
    texts = _sample_texts()
    expected_summaries = [summarizer.summarize(a).text for a in articles]
    expected_english = translator.translate(texts)

    workers = 8
    barrier = threading.Barrier(workers)
    errors: list[BaseException] = []
    results: list[tuple[int, object]] = []

    def work(n: int) -> None:
        try:
            barrier.wait()
            if n % 2:
                results.append((n, summarizer.summarize(articles[n % 2]).text))
            else:
                results.append((n, translator.translate(texts)))
        except BaseException as exc:  # collected: a thread's exception would vanish
            errors.append(exc)

    counters = [InFlight(t5[1]), InFlight(marian[1])]
    try:
        threads = [threading.Thread(target=work, args=(n,)) for n in range(workers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        for counter in counters:
            del counter.model.generate
    assert errors == []
    assert [c.peak for c in counters] == [1, 1]
    assert len(results) == workers
    for n, value in results:
        assert value == (expected_summaries[n % 2] if n % 2 else expected_english)


@pytest.mark.slow
@pytest.mark.parametrize("long_articles", ["truncate", "chunk"])
def test_summarize_batch_equals_one_at_a_time_with_fewer_calls(
    t5, spy_factory, long_articles
) -> None:
    tokenizer, model = t5
    config = SummarizerConfig(
        max_input_tokens=200, long_articles=long_articles, max_new_tokens=6, num_beams=2
    )
    summarizer = Seq2SeqSummarizer(tokenizer, model, config, "tiny-t5")
    articles = [_article(name) for name in SAMPLE_NAMES]
    spy = spy_factory(model)
    single, chunk_counts = [], []
    for article in articles:
        single.append(summarizer.summarize(article))
        chunk_counts.append(summarizer.last_chunk_count)
    single_calls = len(spy.calls)
    spy.calls.clear()

    batched = summarizer.summarize_batch(articles)

    assert batched == single
    assert len({s.text for s in batched}) > 1  # outputs depend on the input
    assert summarizer.last_chunk_counts == chunk_counts
    assert len(spy.calls) < single_calls  # chunks of different articles share generate()
    with pytest.raises(ValueError, match="no body text"):
        summarizer.summarize_batch([articles[0], CleanArticle(title="Tin", paragraphs=())])


def test_extractive_summarize_batch_is_a_loop() -> None:
    from models.extractive import ExtractiveSummarizer

    summarizer = ExtractiveSummarizer()
    articles = [_article(name) for name in SAMPLE_NAMES]
    assert summarizer.summarize_batch(articles) == [summarizer.summarize(a) for a in articles]


@pytest.mark.slow
def test_each_distinct_sentence_is_translated_once(marian, spy_factory) -> None:
    from models.seq2seq_translator import Seq2SeqTranslator

    tokenizer, model = marian
    translator = Seq2SeqTranslator(
        tokenizer, model, TranslatorConfig(num_beams=1, max_new_tokens=4), "tiny-marian"
    )
    a, b = "Hai bên nhất trí.", "Lào và Việt Nam ký thỏa thuận."
    spy = spy_factory(model)
    out = translator.translate_sentences([a, b, a, a])
    assert out[0] == out[2] == out[3]
    assert sum(call["input_ids"].shape[0] for call in spy.calls) == 2
    spy.calls.clear()
    title, summary, point = translator.translate([a, f"{a} {b}", b])
    assert sum(call["input_ids"].shape[0] for call in spy.calls) == 2
    assert summary == f"{title} {point}"
