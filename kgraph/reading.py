"""Stage 1, ``read``: find the input files and turn each into a ``Source``."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path

from .errors import InputError
from .model import Source

LETTER_SUFFIXES = (".txt", ".md")
NOT_LETTERS = frozenset({"README", "LICENSE", "LICENCE", "CHANGELOG", "NOTES"})  # in folders
MAX_BYTES = 50_000_000


def slugify(value: str, fallback: str = "letter") -> str:
    """ASCII slug: accents folded, runs of other characters turned into single hyphens."""
    folded = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return slug[:80].strip("-") or fallback


def iter_inputs(inputs: Sequence[str | Path]) -> Iterator[str | Path]:
    """Expand directories (recursively, sorted) into their .txt and .md files; keep '-'."""
    for item in inputs:
        if str(item) == "-":
            yield "-"
            continue
        path = Path(item)
        if path.is_dir():
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
                    f"{path} holds no .txt or .md letters", "pass letter files or another folder"
                )
            yield from found
        else:
            yield path


def decode(data: bytes, where: str, encoding: str) -> str:
    """Decode bytes with clear errors for empty, binary and wrongly encoded input."""
    if not data.strip():
        raise InputError(f"{where} is empty", "pass a file that holds the text of a letter")
    if b"\x00" in data[:8192] and not encoding.lower().startswith("utf-16"):
        raise InputError(f"{where} is a binary file, not text", "pass a plain-text letter")
    codec = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{where} is not {encoding} text (byte {exc.start})", "pass --encoding latin-1"
        ) from exc
    except LookupError as exc:
        raise InputError(f"unknown encoding {encoding!r}", "pass --encoding utf-8") from exc
    if not text.strip():
        raise InputError(f"{where} is empty", "pass a file that holds the text of a letter")
    return text


def read_bytes(data: bytes, name: str, encoding: str = "utf-8", path: str | None = None) -> Source:
    text = decode(data, path or name, encoding)
    return Source(
        name=slugify(name), text=text, checksum=hashlib.sha256(data).hexdigest(), path=path
    )


def read_text(text: str, name: str | None = None) -> Source:
    """A letter given as a Python string (the API's ``build("Dear ...")``)."""
    data = text.encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()
    if not text.strip():
        raise InputError(f"{name or 'text'} is empty", "pass the text of a letter")
    return Source(name=slugify(name or f"letter-{digest[:12]}"), text=text, checksum=digest)


def read_path(path: str | Path, encoding: str = "utf-8", stdin: bytes | None = None) -> Source:
    """Read one letter file (or standard input when ``path`` is '-')."""
    if str(path) == "-":
        data = stdin if stdin is not None else b""
        digest = hashlib.sha256(data).hexdigest()
        return read_bytes(data, f"stdin-{digest[:12]}", encoding, path=None)
    p = Path(path)
    where = str(path)
    if not p.exists():
        raise InputError(f"{where} does not exist", "check the path")
    if p.is_dir():
        raise InputError(f"{where} is a folder", "pass the folder to 'kgraph build' itself")
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                f"{where} is {size:,} bytes, more than a letter ({MAX_BYTES:,} at most)",
                "split the file into letters",
            )
        data = p.read_bytes()
    except PermissionError as exc:
        raise InputError(f"{where} cannot be read (permission denied)", "check its mode") from exc
    except OSError as exc:
        raise InputError(f"{where} cannot be read ({exc.strerror})", "check the path") from exc
    return read_bytes(data, p.stem, encoding, path=where)
