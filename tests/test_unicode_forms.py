"""The one normal form and the one diacritics stripper (pipeline.unicode_forms)."""

import unicodedata

from pipeline.unicode_forms import nfc, strip_diacritics


def test_nfc_composes_decomposed_vietnamese():
    decomposed = unicodedata.normalize("NFD", "Tổng Bí thư")
    assert decomposed != "Tổng Bí thư"
    assert nfc(decomposed) == "Tổng Bí thư"


def test_strip_diacritics_maps_d_bar_and_keeps_case():
    assert strip_diacritics("Đường Tổng Bí thư đến Hà Nội") == "Duong Tong Bi thu den Ha Noi"
    # decomposed input gives the same letters
    assert strip_diacritics(unicodedata.normalize("NFD", "Quảng Ngãi")) == "Quang Ngai"


def test_compatibility_decomposes_what_a_slug_needs():
    assert strip_diacritics("m² ﬁlm") == "m² ﬁlm"
    assert strip_diacritics("m² ﬁlm", compatibility=True) == "m2 film"
