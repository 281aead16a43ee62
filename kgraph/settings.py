"""One frozen ``Settings`` object carries every option into every stage.

A value from the user is checked here, once, where it enters: the base IRI becomes a
``BaseIRI``, which only a valid base can be, and the stages take that type and trust it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from kgraph.errors import ConfigError

DEFAULT_BASE = "https://w3id.org/kgraph/resource/"
DEFAULT_ENDPOINT = "https://query.wikidata.org/sparql"

LinkMode = Literal["offline", "online", "none"]
LinkFailures = Literal["error", "skip"]


# Characters rdflib refuses in an IRI, and the controls and spaces RFC 3987 never allows.
NOT_IN_IRI = frozenset('<>"{}|^`\\') | {chr(c) for c in (*range(0x21), *range(0x7F, 0xA0))}


def is_iri(value: str) -> bool:
    """Whether ``value`` is an absolute IRI (RFC 3987) that rdflib and pyoxigraph accept."""
    if not value or any(c in NOT_IN_IRI for c in value):
        return False
    import pyoxigraph

    try:
        pyoxigraph.NamedNode(value)
    except ValueError:
        return False
    return True


def _valid_base(value: str) -> bool:
    """Whether every IRI minted under ``value`` is valid. Mentions are ``<letter>#char=…``,
    so the base must not hold a fragment itself."""
    return (
        value.startswith(("http://", "https://"))
        and value.endswith("/")
        and "#" not in value
        and is_iri(f"{value}letter/x#char=0,1")
    )


class BaseIRI(str):
    """A base IRI under which every IRI kgraph mints is valid: http(s), ending in '/', no
    '#'. Made only through ``BaseIRI(value)``, which checks ``value`` (a ConfigError if it is
    not one) or returns it as it is when it is a BaseIRI already; stages take this type and
    do not check again."""

    __slots__ = ()

    def __new__(cls, value: str) -> BaseIRI:
        if isinstance(value, BaseIRI):
            return value
        if not isinstance(value, str) or not _valid_base(value):
            raise ConfigError(
                f"base IRI {value!r} is not a valid IRI ending in '/' (without '#')",
                "pass --base https://example.org/letters/",
            )
        return super().__new__(cls, value)


DEFAULT_BASE_IRI = BaseIRI(DEFAULT_BASE)


def project_root() -> Path:
    """The folder holding ``data/``, ``ontology/`` and ``queries/`` (the repository root)."""
    return Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    return project_root() / "data"


def read_words(path: Path, lower: bool = True) -> frozenset[str]:
    """The words of a word list (``data/patterns/*.txt``: one word or phrase a line, ``#``
    comment lines skipped), lower-cased unless ``lower`` is false; none when the file does
    not exist."""
    if not path.exists():
        return frozenset()
    return frozenset(
        w.strip().lower() if lower else w.strip()
        for w in path.read_text(encoding="utf-8").splitlines()
        if w.strip() and not w.startswith("#")
    )


@dataclass(frozen=True)
class Settings:
    """Options of a build. Stages read these and nothing else (no globals, no environment)."""

    base: BaseIRI = DEFAULT_BASE_IRI  # a str is accepted too, and checked here
    model: str | None = None
    encoding: str = "utf-8"
    link: LinkMode = "offline"
    endpoint: str = DEFAULT_ENDPOINT
    min_confidence: float = 0.0
    authority_dir: Path = field(default_factory=lambda: data_dir() / "authority")
    patterns_dir: Path = field(default_factory=lambda: data_dir() / "patterns")
    wikidata_extract: Path = field(default_factory=lambda: data_dir() / "wikidata" / "extract.ttl")
    wikidata_classes: Path = field(default_factory=lambda: data_dir() / "wikidata" / "classes.tsv")
    # the offline knowledge base (GeoNames places and the user's imports); None: not used
    kb_dir: Path | None = field(default_factory=lambda: data_dir() / "kb")
    cache_dir: Path | None = None  # on-disk cache of online answers; None: no cache
    link_timeout: float = 30.0  # seconds per request to the endpoint
    link_failures: LinkFailures = "error"  # "skip": build without links when it cannot answer

    def __post_init__(self) -> None:
        object.__setattr__(self, "base", BaseIRI(self.base))
        try:
            b"a".decode(self.encoding)
        except UnicodeError:
            pass  # a text encoding (utf-16 cannot read one byte): the letters will tell
        except LookupError as exc:  # unknown, or not text (rot13, base64)
            raise ConfigError(
                f"unknown encoding {self.encoding!r}", "pass --encoding utf-8 or latin-1"
            ) from exc
        if not 0.0 <= self.min_confidence <= 1.0:
            raise ConfigError(
                f"min-confidence {self.min_confidence} is outside 0..1",
                "pass a number such as --min-confidence 0.5",
            )
        if not self.endpoint.startswith(("http://", "https://")):
            raise ConfigError(
                f"endpoint {self.endpoint!r} is not an http(s) URL",
                "pass --endpoint https://query.wikidata.org/sparql",
            )
        if not self.link_timeout > 0:
            raise ConfigError(
                f"link timeout {self.link_timeout} is not a positive number of seconds",
                "pass a timeout such as 30",
            )
        if self.link_failures not in ("error", "skip"):
            raise ConfigError(
                f"link failures {self.link_failures!r} is neither 'error' nor 'skip'",
                "pass --link-failures error or --link-failures skip",
            )
