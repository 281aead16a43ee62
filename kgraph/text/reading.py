"""Stage 1, ``read``: find the input files and turn each into a ``Source``."""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path

from kgraph.errors import InputError
from kgraph.model import Source

LETTER_SUFFIXES = (".txt", ".md", ".xml")
MARKUP_SUFFIXES = (".xml",)  # TEI letters (kgraph.text.tei_files)
NOT_LETTERS = frozenset({"README", "LICENSE", "LICENCE", "CHANGELOG", "NOTES"})  # in folders
MAX_BYTES = 50_000_000
_SURROGATE = re.compile("[\ud800-\udfff]")


def slugify(value: str, fallback: str = "letter") -> str:
    """ASCII slug: accents folded, runs of other characters turned into single hyphens."""
    folded = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return slug[:80].strip("-") or fallback


def iter_inputs(inputs: Sequence[str | Path]) -> Iterator[str | Path]:
    """Expand directories (recursively, sorted) into their .txt, .md and .xml files; keep
    '-'. A TEI file holding several letters (a teiCorpus) becomes one path per letter."""
    from kgraph.text.tei_files import letter_paths

    for item in inputs:
        if str(item) == "-":
            yield "-"
            continue
        path = Path(item)
        if _is_dir(path):
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in LETTER_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and p.stem.upper() not in NOT_LETTERS
            )
            if not found:
                raise InputError(
                    f"{path} holds no .txt, .md or .xml letters",
                    "pass letter files or another folder",
                )
            for file in found:
                yield from letter_paths(file)
        else:
            yield from letter_paths(path)


def _is_dir(path: Path) -> bool:
    """``path.is_dir()``, with a name too long (or otherwise unusable) as a clear error."""
    try:
        return path.is_dir()
    except OSError as exc:
        raise InputError(f"{path} cannot be read ({exc.strerror})", "check the path") from exc


def decode(data: bytes, where: str, encoding: str) -> str:
    """Decode bytes with clear errors for empty, binary and wrongly encoded input."""
    if not data.strip():
        raise InputError(f"{where} is empty", "pass a file that holds the text of a letter")
    try:
        codec = codecs.lookup(encoding).name  # "UTF_16", "utf16" → "utf-16"
    except LookupError as exc:
        raise InputError(f"unknown encoding {encoding!r}", "pass --encoding utf-8") from exc
    wide = codec.startswith(("utf-16", "utf-32"))  # these hold NUL bytes in plain text
    if b"\x00" in data[:8192] and not wide:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise InputError(f"{where} is UTF-16 text", "pass --encoding utf-16")
        raise InputError(f"{where} is a binary file, not text", "pass a plain-text letter")
    try:
        text = data.decode("utf-8-sig" if codec == "utf-8" else codec)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{where} is not {encoding} text (byte {exc.start})", f"pass --encoding {_guess(data)}"
        ) from exc
    except LookupError as exc:  # a codec that does not make text, such as rot13 or hex
        raise InputError(f"unknown encoding {encoding!r}", "pass --encoding utf-8") from exc
    if not text.strip():
        raise InputError(f"{where} is empty", "pass a file that holds the text of a letter")
    _check_text(text, where)
    return text


def _guess(data: bytes) -> str:
    """The encoding to suggest for text that is not UTF-8: Windows-1252 when its bytes
    0x80-0x9F (curly quotes, dashes) make sense so, else Latin-1 (which reads anything)."""
    if re.search(b"[\x80-\x9f]", data):
        try:
            data.decode("cp1252")
        except UnicodeDecodeError:
            return "latin-1"
        return "cp1252"
    return "latin-1"


def _check_text(text: str, where: str) -> None:
    """Refuse lone surrogates (which some codecs produce and no output can hold)."""
    if found := _SURROGATE.search(text):
        raise InputError(
            f"{where} holds a lone surrogate (U+{ord(found.group()):04X} at character "
            f"{found.start()})",
            "pass well-formed text",
        )


def read_bytes(data: bytes, name: str, encoding: str = "utf-8", path: str | None = None) -> Source:
    text = decode(data, path or name, encoding)
    return Source(
        name=slugify(name), text=text, checksum=hashlib.sha256(data).hexdigest(), path=path
    )


def _too_big(where: str, size: int | None) -> InputError:
    found = f"is {size:,} bytes" if size is not None else f"goes on past {MAX_BYTES:,} bytes"
    return InputError(
        f"{where} {found}, more than a letter ({MAX_BYTES:,} at most)",
        "split the file into letters",
    )


def read_text(text: str, name: str | None = None) -> Source:
    """A letter given as a Python string (the API's ``build("Dear ...")``)."""
    if not text.strip():
        raise InputError(f"{name or 'text'} is empty", "pass the text of a letter")
    _check_text(text, name or "text")
    data = text.encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()
    return Source(name=slugify(name or f"letter-{digest[:12]}"), text=text, checksum=digest)


def read_path(path: str | Path, encoding: str = "utf-8", stdin: bytes | None = None) -> Source:
    """Read one letter file (or standard input when ``path`` is '-'); a TEI file (.xml, or
    standard input holding TEI) is read by ``tei_files`` and keeps its markup."""
    from kgraph.text.tei_files import is_markup, read_markup, read_markup_path

    if str(path) == "-":
        data = stdin if stdin is not None else b""
        if len(data) > MAX_BYTES:
            raise _too_big("standard input", len(data))
        if is_markup(data):
            return read_markup(data, "standard input", None)
        digest = hashlib.sha256(data).hexdigest()
        text = decode(data, "standard input", encoding)
        return Source(name=f"stdin-{digest[:12]}", text=text, checksum=digest, path=None)
    p = Path(path)
    where = str(path)
    try:
        exists = p.exists()
    except OSError as exc:  # e.g. a name too long for the file system
        raise InputError(f"{where} cannot be read ({exc.strerror})", "check the path") from exc
    if not exists and (letter := read_markup_path(p, where, slugify(p.stem))) is not None:
        return letter  # one letter of a TEI corpus file
    if not exists:
        raise InputError(f"{where} does not exist", "check the path")
    if p.is_dir():
        raise InputError(f"{where} is a folder", "pass the folder to 'kgraph build' itself")
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise _too_big(where, size)
        with p.open("rb") as handle:  # read at most MAX_BYTES + 1: devices and pipes never end
            data = handle.read(MAX_BYTES + 1)
    except PermissionError as exc:
        raise InputError(f"{where} cannot be read (permission denied)", "check its mode") from exc
    except OSError as exc:
        raise InputError(f"{where} cannot be read ({exc.strerror})", "check the path") from exc
    if len(data) > MAX_BYTES:
        raise _too_big(where, None)
    if p.suffix.lower() in MARKUP_SUFFIXES:
        return read_markup(data, where, slugify(p.stem))
    return read_bytes(data, p.stem, encoding, path=where)
