"""Decoding real articles: BOMs, stray bytes, legacy code pages, mojibake repair and refusal."""

from __future__ import annotations

from pathlib import Path

import ftfy.bad_codecs  # noqa: F401 - registers sloppy-windows-1252, the codec browsers use
import pytest

from pipeline.decode import DecodeError, decode_article
from pipeline.ingest import document_from_bytes
from tests.test_ingest import _cp1258

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (ROOT / "samples" / "hoi-dam-to-lam-thongloun.txt").read_text(encoding="utf-8")
TITLE = ARTICLE.splitlines()[0]


def test_clean_utf8_articles_are_untouched():
    for path in sorted((ROOT / "samples").glob("*.txt")) + sorted(
        (ROOT / "tests" / "clean_real" / "fixtures").glob("*.txt")
    ):
        decoded = decode_article(path.read_bytes())
        assert decoded.encoding == "utf-8" and decoded.notes == []
        assert decoded.text == path.read_text(encoding="utf-8").replace("\r\n", "\n")


def test_stray_bytes_are_replaced_and_counted_not_read_as_latin1():
    data = ARTICLE.encode()
    cut = data.index("Tổng".encode()) + 2  # inside a multi-byte letter: a truncated scrape
    damaged = data[:cut] + data[cut + 1 :] + b"\xe1\xbb"
    decoded = decode_article(damaged)
    assert decoded.encoding == "utf-8"
    assert decoded.replaced_bytes == 4
    assert decoded.notes == ["4 undecodable bytes replaced"]
    assert "Tá»" not in decoded.text and "Bí thư" in decoded.text


@pytest.mark.parametrize("codec", ["utf-16", "utf-32", "utf-8-sig"])
def test_byte_order_marks(codec):
    decoded = decode_article(ARTICLE.encode(codec))
    assert decoded.text == ARTICLE and decoded.encoding.endswith("with BOM")


def test_big_endian_utf16_with_bom():
    decoded = decode_article(b"\xfe\xff" + ARTICLE.encode("utf-16-be"))
    assert decoded.text == ARTICLE


def test_windows_1258_article():
    decoded = decode_article(_cp1258(ARTICLE))
    assert decoded.encoding == "cp1258" and decoded.text == ARTICLE


@pytest.mark.parametrize("upstream", ["latin-1", "sloppy-windows-1252"])
def test_mojibake_is_repaired(upstream):
    garbled = ARTICLE.encode("utf-8").decode(upstream)
    assert "Tá»" in garbled
    decoded = decode_article(garbled.encode("utf-8"))
    assert decoded.text == ARTICLE
    assert decoded.notes and decoded.notes[0].startswith("mojibake repaired in ")


def test_mojibake_that_cannot_be_repaired_is_refused():
    """Upstream already replaced the bytes cp1252 lacks: the letters are gone for good."""
    lossy = ARTICLE.encode("utf-8").decode("cp1252", errors="replace")
    with pytest.raises(DecodeError, match="garbled text"):
        decode_article(lossy.encode("utf-8"))
    # A line garbled only from the middle on is still repaired.
    half = TITLE[:10] + TITLE[10:].encode().decode("latin-1")
    doc = document_from_bytes("x.txt", (half + "\n" + ARTICLE).encode(), 1 << 20)
    assert doc.text == TITLE + "\n" + ARTICLE and "mojibake repaired in 1 line" in doc.notes[0]


def test_real_mojibake_in_public_test_data_is_caught():
    """lingua-py's German test data carries real 'MÃ¤rz' mojibake; ftfy repairs it."""
    line = "Sie starb am 11. MÃ¤rz 1796 in Urexweiler."  # language-testdata/sentences/de.txt
    assert decode_article(line.encode()).text == "Sie starb am 11. März 1796 in Urexweiler."


def test_ingest_keeps_repair_notes_for_the_report():
    doc = document_from_bytes("x.txt", ARTICLE.encode()[:-1] + b"\xc3", 1 << 20)
    assert doc.notes == ("1 undecodable byte replaced",)




@pytest.mark.parametrize("codec", ["utf-16", "utf-32"])
def test_utf16_and_utf32_files_are_text_not_binary(codec):
    doc = document_from_bytes("x.txt", ARTICLE.encode(codec), 1 << 20)
    assert doc.text == ARTICLE and doc.encoding == f"{codec} with BOM"


def test_counts_are_right_when_articles_are_decoded_in_parallel_threads():
    """Prefect runs the ingest tasks in threads: no shared state may mix up the counts."""
    from concurrent.futures import ThreadPoolExecutor

    data = ARTICLE.encode()
    inputs = [data[:-1] + b"\xc3" * (1 + n % 3) for n in range(60)]
    with ThreadPoolExecutor(8) as pool:
        counts = list(pool.map(lambda d: decode_article(d).replaced_bytes, inputs))
    assert counts == [1 + n % 3 for n in range(60)]


def test_a_stray_byte_anywhere_is_replaced_not_refused():
    """Before every character of the title: a stray byte never makes the article garbled."""
    data = ARTICLE.encode()
    end = len(TITLE.encode())
    for cut in range(0, end, 7):
        decoded = decode_article(data[:cut] + b"\xe1" + data[cut:])
        assert decoded.replaced_bytes >= 1
        assert decoded.text.replace("\ufffd", "") != ""
