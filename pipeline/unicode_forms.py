"""The project's one normal form (NFC) and its one way to drop Vietnamese diacritics.

Why: scraped Vietnamese mixes composed and decomposed diacritics, so every comparison, count
and lookup reads text in NFC. Slugs, URL matching and the language check read it without its
marks ('Tổng Bí thư' -> 'Tong Bi thu'); đ has no Unicode decomposition, so it is mapped by hand.
"""

from __future__ import annotations

import unicodedata


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def strip_diacritics(text: str, *, compatibility: bool = False) -> str:
    """The text without tone and vowel marks: 'Tổng Bí thư' -> 'Tong Bi thu'. With
    ``compatibility``, compatibility characters are decomposed too ('²' -> '2', 'ﬁ' -> 'fi'),
    as an ASCII slug wants."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFKD" if compatibility else "NFD", text)
    return nfc("".join(c for c in decomposed if not unicodedata.combining(c)))
