"""Glossary protection and restoration, without any model."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from models.glossary import Glossary, GlossaryError, find_names

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return Glossary.from_yaml(ROOT / "configs" / "glossary.yaml")


def test_project_glossary_has_the_house_terms(glossary: Glossary) -> None:
    assert len(glossary.terms) >= 30
    for vi, en in {
        "Tổng Bí thư": "General Secretary",
        "Chủ tịch nước": "President",
        "Thủ tướng": "Prime Minister",
        "Bộ Ngoại giao": "Ministry of Foreign Affairs",
        "Quốc hội": "National Assembly",
        "Việt Nam": "Vietnam",
        "Lào": "Laos",
        "Hà Nội": "Hanoi",
        "TP.HCM": "Ho Chi Minh City",
        "TP. Hồ Chí Minh": "Ho Chi Minh City",
        "Đông Nam Á": "Southeast Asia",
        "ASEAN": "ASEAN",
        "Bộ Chính trị": "Politburo",
        "Ban Chấp hành Trung ương": "Central Committee",
        "Đảng Cộng sản Việt Nam": "Communist Party of Vietnam",
    }.items():
        assert glossary.terms[vi] == en
    assert "Tô Lâm" in glossary.keep


def test_copied_placeholders_restore_terms_and_names(glossary: Glossary) -> None:
    source = "Tổng Bí thư Tô Lâm hội đàm với Tổng Bí thư, Chủ tịch nước Lào Thongloun Sisoulith."
    protected, slots = glossary.protect(source)
    assert "Tổng Bí thư" not in protected and "Tô Lâm" not in protected
    assert "Thongloun" not in protected
    # A model that copies placeholders and translates the rest:
    english = protected.replace("hội đàm với", "held talks with").replace("nước", "")
    restored, lost = glossary.restore_report(english, slots)
    assert lost == ()
    assert restored.startswith("General Secretary Tô Lâm held talks with General Secretary,")
    assert "President" in restored and "Laos" in restored
    assert "Thongloun Sisoulith" in restored


def test_longest_term_wins(glossary: Glossary) -> None:
    protected, slots = glossary.protect("Phó Thủ tướng và Thủ tướng dự họp tại TP. Hồ Chí Minh.")
    assert [s.target for s in slots] == [
        "Deputy Prime Minister",
        "Prime Minister",
        "Ho Chi Minh City",
    ]
    assert glossary.restore(protected, slots).startswith("Deputy Prime Minister và Prime Minister")


def test_terms_match_whole_words_only(glossary: Glossary) -> None:
    _, slots = glossary.protect("Người Lào và người Làoo")
    assert [s.source for s in slots] == ["Lào"]


def test_decomposed_unicode_is_matched(glossary: Glossary) -> None:
    nfd = unicodedata.normalize("NFD", "Quốc hội họp tại Hà Nội.")
    _, slots = glossary.protect(nfd)
    assert [s.target for s in slots] == ["National Assembly", "Hanoi"]


def test_restore_tolerates_model_damage_and_reports_losses(glossary: Glossary) -> None:
    _, slots = glossary.protect("Tổng Bí thư gặp Thủ tướng Nhật Bản.")
    assert len(slots) == 3
    restored, lost = glossary.restore_report("The zxq 0 met the  ZXQ1 ZXQ7.", slots)
    assert restored == "The General Secretary met the Prime Minister ."
    assert [s.target for s in lost] == ["Japan"]
    assert glossary.restore("nothing", ()) == "nothing"


def test_name_detection_rules() -> None:
    def names(text: str) -> list[str]:
        return [text[a:b] for a, b in find_names(text)]

    assert names("Ông Nguyễn Phú Trọng phát biểu") == ["Nguyễn Phú Trọng"]
    assert names("Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên cho biết") == ["Nguyễn Hồng Diên"]
    assert names("Tổng thống Nga Vladimir Putin nói") == ["Vladimir Putin"]
    assert names("Theo Korea Herald, Hàn Quốc Lee Jae Myung") == ["Korea Herald", "Lee Jae Myung"]
    # Institutions are title-cased runs too, but must be translated, not kept.
    assert names("tại Phủ Chủ tịch và Bộ Ngoại giao") == []
    assert names("Trung Quốc và Xuân Quê hương") == []


def test_detection_can_be_switched_off() -> None:
    glossary = Glossary({"Lào": "Laos"}, keep=["Tô Lâm"], detect_names=False)
    protected, slots = glossary.protect("Tô Lâm thăm Lào cùng Nguyễn Văn An.")
    assert [s.source for s in slots] == ["Tô Lâm", "Lào"]
    assert "Nguyễn Văn An" in protected


def test_from_yaml_errors(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match="does not exist"):
        Glossary.from_yaml(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("terms: [a, b]\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="'terms' must map"):
        Glossary.from_yaml(bad)
    bad.write_text("term:\n  a: b\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="unknown key"):
        Glossary.from_yaml(bad)
    bad.write_text("terms: {a: [\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="not valid YAML"):
        Glossary.from_yaml(bad)


# --- placeholders under the configured generation settings, with a real generate() ------------


class CopyBias:
    """Logits processor that makes a random-weight model copy its source, token by token.

    It stands in for what a trained MT model does with an unknown acronym: copy it. It adds a
    large bonus to the source's next token; a token another processor banned (-inf) stays
    banned, so any blocking of the placeholders shows up as a lost term.
    """

    def __init__(self, sources: list[list[int]], beams: int) -> None:
        self.sources = sources
        self.beams = beams

    def __call__(self, input_ids, scores):
        step = input_ids.shape[1] - 1  # the decoder start token comes first
        for row in range(scores.shape[0]):
            source = self.sources[row // self.beams]
            if step < len(source):
                scores[row, source[step]] = scores[row, source[step]] + 1e4
        return scores


def _copying(model, pad_id: int):
    """Wrap model.generate so every call also gets CopyBias for its own inputs."""
    from transformers import LogitsProcessorList

    original = model.generate

    def generate(**kwargs):
        sources = [[t for t in row if t != pad_id] for row in kwargs["input_ids"].tolist()]
        extra = LogitsProcessorList(kwargs.pop("logits_processor", None) or [])
        extra.append(CopyBias(sources, kwargs.get("num_beams", 1)))
        return original(**kwargs, logits_processor=extra)

    model.generate = generate
    return original


SENTENCE = (
    "Tổng Bí thư Tô Lâm hội đàm với Tổng Bí thư, Chủ tịch nước Lào Thongloun Sisoulith "
    "tại Hà Nội."
)


@pytest.mark.slow
def test_unseen_placeholders_are_split_into_pieces(tiny_marian_dir: Path) -> None:
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(tiny_marian_dir)
    pieces = tokenizer.tokenize(" ZXQ0 và ZXQ1")
    assert len(pieces) >= 6  # several pieces each: no piece holds a whole placeholder
    assert tokenizer.unk_token not in pieces


@pytest.mark.slow
def test_builtin_ngram_blocking_loses_placeholders(tiny_marian_dir: Path, glossary) -> None:
    """The defect: no_repeat_ngram_size=3 bans the second placeholder's repeated pieces."""
    from models.hf_loading import load_seq2seq
    from pipeline.config import TranslatorConfig

    tokenizer, model = load_seq2seq(str(tiny_marian_dir))
    original = _copying(model, tokenizer.pad_token_id)
    try:
        protected, slots = glossary.protect(SENTENCE)
        cfg = TranslatorConfig()  # the configured settings: 4 beams, no_repeat_ngram_size=3
        inputs = tokenizer([protected], return_tensors="pt")
        generated = model.generate(
            **inputs,
            num_beams=cfg.num_beams,
            no_repeat_ngram_size=cfg.no_repeat_ngram_size,
            max_new_tokens=cfg.max_new_tokens,
        )
        text = tokenizer.decode(generated[0], skip_special_tokens=True)
        _, lost = glossary.restore_report(text, slots)
        assert len(slots) >= 4 and lost  # all but the first placeholder are mangled
    finally:
        model.generate = original


@pytest.mark.slow
def test_every_protected_term_survives_the_configured_settings(
    tiny_marian_dir: Path, glossary
) -> None:
    from models.hf_loading import load_seq2seq
    from models.seq2seq_translator import Seq2SeqTranslator
    from pipeline.config import TranslatorConfig

    tokenizer, model = load_seq2seq(str(tiny_marian_dir))
    original = _copying(model, tokenizer.pad_token_id)
    try:
        translator = Seq2SeqTranslator(tokenizer, model, TranslatorConfig(), "tiny", glossary)
        second = "Thủ tướng và Phó Thủ tướng gặp Bộ trưởng Bộ Ngoại giao Việt Nam tại TP.HCM."
        outputs = translator.translate([SENTENCE, second])
        assert translator.last_lost_terms == 0
        for source, out in zip([SENTENCE, second], outputs, strict=True):
            _, slots = glossary.protect(source)
            for slot in slots:
                assert slot.target in out
            assert "ZXQ" not in out.upper()
    finally:
        model.generate = original


@pytest.mark.slow
def test_placeholder_safe_blocking_equals_builtin_elsewhere(tiny_marian_dir: Path) -> None:
    import torch
    from transformers import AutoTokenizer, NoRepeatNGramLogitsProcessor

    from models.ngram import PlaceholderSafeNoRepeatNGram

    tokenizer = AutoTokenizer.from_pretrained(tiny_marian_dir)
    generator = torch.Generator().manual_seed(0)
    ids = torch.randint(5, 9, (6, 40), generator=generator)  # four ids: many repeats
    scores = torch.zeros(6, len(tokenizer))
    builtin = NoRepeatNGramLogitsProcessor(3)(ids, scores.clone())
    ours = PlaceholderSafeNoRepeatNGram(3, tokenizer, ["ZXQ0", "ZXQ1"])(ids, scores.clone())
    assert torch.isinf(builtin).sum() > 0
    assert torch.equal(ours, builtin)  # these ids spell no placeholder: same bans

    blocker = PlaceholderSafeNoRepeatNGram(3, tokenizer, ["ZXQ0", "ZXQ1"])
    pieces = tokenizer.convert_tokens_to_ids(tokenizer.tokenize(" ZXQ1"))
    assert blocker.spares(pieces[:3]) and blocker.spares(pieces[-3:])
    assert not blocker.spares(tokenizer.convert_tokens_to_ids(tokenizer.tokenize(" Hà Nội")))
