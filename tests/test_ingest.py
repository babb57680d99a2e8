import unicodedata
from pathlib import Path

import pytest

from pipeline.ingest import (
    IngestError,
    check_vietnamese,
    decode_bytes,
    discover_inputs,
    document_from_bytes,
    read_source,
)

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
VI = "Tổng Bí thư Tô Lâm hội đàm với Tổng Bí thư, Chủ tịch nước Lào Thongloun Sisoulith."
MB = 1024 * 1024


def test_samples_decode_as_utf8_with_stable_hash():
    doc = read_source(SAMPLES / "vnexpress-to-lam-hoc-vien-lao.txt", MB)
    assert doc.encoding == "utf-8"
    assert doc.text.startswith("Tổng Bí thư Tô Lâm phát biểu")
    assert doc.sha256 == read_source(SAMPLES / "vnexpress-to-lam-hoc-vien-lao.txt", MB).sha256
    assert len(doc.sha256) == 64 and not doc.is_html


def _cp1258(text: str) -> bytes:
    """Encode as Windows-1258 does: precomposed base letter (ô, ư...) plus a combining tone mark."""
    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", char)
        for mark in marks:
            composed = unicodedata.normalize("NFC", base + mark)
            if len(composed) == 1 and composed.encode("cp1258", errors="ignore"):
                rest = [m for m in marks if m != mark]
                out += composed.encode("cp1258") + "".join(rest).encode("cp1258")
                break
        else:
            out += (base + "".join(marks)).encode("cp1258")
    return out


def test_windows_1258_input_is_read_faithfully():
    data = _cp1258(VI)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text, encoding = decode_bytes(data)
    assert encoding == "cp1258"
    assert unicodedata.normalize("NFC", text) == VI


def test_latin1_and_bom_inputs():
    text, encoding = decode_bytes("café déjà vu".encode("latin-1"))
    assert text == "café déjà vu" and encoding in ("cp1258", "cp1252", "latin_1")
    assert decode_bytes(b"\xef\xbb\xbf" + VI.encode())[0] == VI
    assert decode_bytes(VI.encode("utf-16"))[0] == VI


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\n ", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ],
)
def test_unusable_bytes_give_one_clear_reason(data, reason):
    with pytest.raises(IngestError, match=reason):
        document_from_bytes("x.txt", data, MB)


def test_oversized_input_is_skipped_not_failed():
    five_mb = ((VI + "\n") * 60000).encode()[: 5 * 1000 * 1000]
    with pytest.raises(IngestError, match="too large: 5.0 MB is over the 1.0 MB limit") as info:
        document_from_bytes("big.txt", five_mb, 1000 * 1000)
    assert info.value.skip


def test_english_text_is_skipped_as_not_vietnamese():
    with pytest.raises(IngestError, match="not Vietnamese") as info:
        check_vietnamese("The Prime Minister met the delegation in Hanoi on Monday.")
    assert info.value.skip
    check_vietnamese(VI)


def test_unreadable_file_and_directory(tmp_path):
    with pytest.raises(IngestError, match="is a directory"):
        read_source(tmp_path, MB)
    dangling = tmp_path / "gone.txt"
    dangling.symlink_to(tmp_path / "deleted-meanwhile.txt")  # root can read anything but this
    with pytest.raises(IngestError, match="cannot read file: No such file"):
        read_source(dangling, MB)


def test_discover_gives_every_input_one_entry_hidden_and_broken_links_included(tmp_path):
    (tmp_path / "a.txt").write_text(VI, encoding="utf-8")
    (tmp_path / "b.html").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "deleted.txt")
    (tmp_path / "alias.txt").symlink_to(tmp_path / "a.txt")
    found, problems = discover_inputs([tmp_path, tmp_path / "a.txt", tmp_path / "nope.txt"])
    assert [p.name for p in found] == ["a.txt", "alias.txt", "b.html"]
    reasons = {p.name: (err.reason, err.skip) for p, err in problems}
    assert reasons[".hidden.txt"] == ("hidden file (name starts with '.'): not briefed", True)
    assert reasons["broken.txt"][0].startswith("broken symbolic link (points to ")
    assert not reasons["broken.txt"][1]
    assert reasons["nope.txt"] == ("no such file or folder", False)
    assert len(problems) == 3
