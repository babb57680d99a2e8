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
