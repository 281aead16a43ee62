"""TEI files as letters: which inputs are TEI, one path per letter of a ``teiCorpus``, and
the ``Source`` of each letter (derived text plus markup).

A file holding several letters is expanded by ``letter_paths`` into one path per letter,
``corpus#<fragment>.xml`` beside it (the fragment being the letter's ``xml:id``, else its
position), so that every letter is built, named, reported and written like a file of its
own; ``read_markup_path`` reads such a path back. The parsed letters of the last few corpus
files are cached per process, so a worker reading letter after letter parses a file once.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from kgraph.errors import InputError
from kgraph.model import Markup, Source
from kgraph.text.tei import read_tei, tei_source

TEI_MARK = b"http://www.tei-c.org/ns/1.0"
CORPUS_MARK = b"teiCorpus"
SNIFF = 65_536  # bytes looked at to tell a TEI corpus or TEI on standard input
MAX_BYTES = 50_000_000  # as for any letter file (kgraph.text.reading)


def is_markup(data: bytes) -> bool:
    """Whether standard input holds XML (an XML declaration, or a root in TEI's namespace)."""
    head = data[:SNIFF].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith((b"<?xml", b"<!DOCTYPE")) or (head.startswith(b"<") and TEI_MARK in head)


def read_markup(data: bytes, where: str, name: str | None) -> Source:
    """The one letter of a TEI document (``name`` None: named after its checksum)."""
    letters = read_tei(data, where)
    if len(letters) != 1:
        raise InputError(
            f"{where} holds {len(letters)} letters (a teiCorpus)",
            "pass it as a file, so that each letter gets a name of its own",
        )
    _, text, markup = letters[0]
    if name is None:
        name = f"stdin-{hashlib.sha256(data).hexdigest()[:12]}"
    return tei_source(name, text, markup, where if where != "standard input" else None)


@functools.lru_cache(maxsize=4)
def _corpus(
    path: str, mtime_ns: int, size: int
) -> tuple[tuple[str | None, str, Markup], ...] | InputError:
    """The letters of a TEI file (keyed by its modification time and size), or the error."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            return InputError(f"{path} is more than {MAX_BYTES:,} bytes", "split the file")
        return tuple(read_tei(data, path))
    except InputError as error:
        return error
    except OSError as exc:
        return InputError(f"{path} cannot be read ({exc.strerror})", "check the path")


def _letters(path: Path) -> tuple[tuple[str | None, str, Markup], ...] | InputError:
    info = path.stat()
    return _corpus(str(path), info.st_mtime_ns, info.st_size)


def letter_paths(path: str | Path) -> list[str | Path]:
    """``path``, or for a TEI file holding several letters one path per letter."""
    p = Path(path)
    if p.suffix.lower() != ".xml":
        return [path]
    try:
        if not p.is_file() or p.stat().st_size > MAX_BYTES:
            return [path]
        with p.open("rb") as handle:
            head = handle.read(SNIFF)
    except OSError:
        return [path]
    if CORPUS_MARK not in head:
        return [path]
    found = _letters(p)
    if isinstance(found, InputError) or len(found) < 2:
        return [path]  # reading the file reports the error (or reads its one letter)
    return [p.with_name(f"{p.stem}#{fragment}{p.suffix}") for fragment, _, _ in found]


def read_markup_path(path: Path, where: str, name: str) -> Source | None:
    """The letter a ``corpus#fragment.xml`` path names, or None when it names none."""
    stem, mark, fragment = path.stem.rpartition("#")
    if not mark or not stem or path.suffix.lower() != ".xml":
        return None
    corpus = path.with_name(f"{stem}{path.suffix}")
    try:
        if not corpus.is_file():
            return None
        found = _letters(corpus)
    except OSError:
        return None
    if isinstance(found, InputError):
        raise found
    for frag, text, markup in found:
        if frag == fragment:
            return tei_source(name, text, markup, where)
    raise InputError(f"{corpus} holds no letter {fragment}", "build the file itself again")
