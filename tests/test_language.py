"""Only Vietnamese written with its diacritics is briefed; other languages are skipped, named.

The French, Spanish, Indonesian and Tagalog lines are real text copied verbatim from lingua-go's
language test data (github.com/pemistahl/lingua-go, language-testdata/sentences/<lang>.txt at
c3c2a93d29c7ae5556331c062fac4c4cf15c76a8, Apache-2.0). bench/language_eval.py measures the same
check on 884 paragraphs in 10 languages.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.ingest import IngestError, check_vietnamese
from pipeline.language import NO_DIACRITICS, identify
from pipeline.unicode_forms import strip_diacritics

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (ROOT / "samples" / "vnexpress-to-lam-hoc-vien-lao.txt").read_text(encoding="utf-8")

REAL = {
    "French": "La page 5 de la notice concernant l'organisation des épreuves vous donne la liste "
    "des académies chargées de traiter votre candidature, selon le pays ou le territoire "
    "d'Outre-mer où vous résidez.",
    "Spanish": "Bien iluminada, y ayudadas las tropas alemanas por la luz de alguna casa ardiendo "
    "como consecuencia del bombardeo previo, los paracaidistas fueron abatidos con relativa "
    "facilidad.",
    "Indonesian": "Keadaan ini tidak baik, apalagi bila terjadi pada anak Balita, karena anak pada "
    "usia tersebut sedang tumbuh dan berkembang, termasuk perkembangan tajam penglihatan (Visus) "
    "dan penglihatan binokuler.",
    "Tagalog": "Ang alagad ng sining sa kalye o street artist ay minsan nagpapakita ng mga gawa na "
    "kaugnay sa lipunan na naglalaman din ng estetikong halaga, upang makaakit ng pansin sa isang "
    "layunin o bilang isang anyo ng art provocation.",
    # Hand-written one-rule snippets (no committed real Portuguese/English line at hand).
    "Portuguese": "O governo anunciou hoje um novo plano de investimentos para as regiões do "
    "interior, com obras em estradas, escolas e hospitais até ao final do próximo ano.",
    "English": "The two leaders held talks in Vientiane on Monday and agreed to raise trade to "
    "5 billion dollars, officials said after the meeting.",
}


@pytest.mark.parametrize("language", sorted(REAL))
def test_other_languages_are_skipped_and_named(language):
    with pytest.raises(IngestError) as info:
        check_vietnamese(REAL[language])
    assert info.value.skip
    assert info.value.reason.startswith(f"not Vietnamese: detected {language} (")


def test_vietnamese_articles_pass():
    for path in sorted((ROOT / "samples").glob("*.txt")):
        check_vietnamese(path.read_text(encoding="utf-8"))
    guess = identify(ARTICLE)
    assert guess.is_vietnamese and guess.vietnamese_share > 0.4


def test_vietnamese_without_diacritics_is_skipped_with_its_own_reason():
    bare = strip_diacritics(ARTICLE)
    assert bare.isascii() and "Tong Bi thu To Lam" in bare
    assert identify(bare).code == NO_DIACRITICS
    with pytest.raises(IngestError, match="^Vietnamese written without diacritics") as info:
        check_vietnamese(bare)
    assert info.value.skip


def test_french_accents_no_longer_pass_as_vietnamese():
    """The old letter-share check accepted French at 20-25 %; the identifier decides now."""
    french = "\n".join([REAL["French"]] * 5)
    assert identify(french).code == "fr"
