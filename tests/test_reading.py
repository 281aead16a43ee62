from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kgraph.errors import InputError
from kgraph.text.reading import iter_inputs, read_path, read_text, slugify


def test_reads_text_exactly_and_checksums_the_bytes(tmp_path: Path) -> None:
    raw = b"Dear Ann,\r\nI was in Paris.\r\n"
    path = tmp_path / "Ann's Letter.txt"
    path.write_bytes(raw)
    source = read_path(path)
    assert source.text == raw.decode("utf-8")  # line endings kept: offsets are into this text
    assert source.checksum == hashlib.sha256(raw).hexdigest()
    assert source.name == "ann-s-letter"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"   \n\t\n", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        ("Chère amie, à bientôt".encode("latin-1"), "not utf-8 text"),
    ],
)
def test_bad_input_names_the_file_and_the_problem(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_path(path)
    assert str(path) in str(info.value)
    assert message in str(info.value)


def test_latin1_reads_with_encoding_option(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_bytes("Chère amie, à bientôt".encode("latin-1"))
    assert read_path(path, encoding="latin-1").text == "Chère amie, à bientôt"


def test_missing_file_and_folder_inputs(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        read_path(tmp_path / "nope.txt")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.md").write_text("Dear Z,\nHello.\n")
    (tmp_path / "a.txt").write_text("Dear A,\nHello.\n")
    (tmp_path / "skip.csv").write_text("x")
    assert [Path(p).name for p in iter_inputs([tmp_path])] == ["a.txt", "z.md"]


def test_slugify_and_read_text() -> None:
    assert slugify("Pëtr Kropotkin — to Berkman!") == "petr-kropotkin-to-berkman"
    assert slugify("***") == "letter"
    assert read_text("Dear X", name="My Letter").name == "my-letter"
    with pytest.raises(InputError):
        read_text("  ")
