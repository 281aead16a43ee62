"""One frozen ``Settings`` object carries every option into every stage."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

DEFAULT_BASE = "https://w3id.org/kgraph/resource/"
DEFAULT_ENDPOINT = "https://query.wikidata.org/sparql"

LinkMode = Literal["offline", "online", "none"]
LinkFailures = Literal["error", "skip"]


def project_root() -> Path:
    """The folder holding ``data/``, ``ontology/`` and ``queries/`` (the repository root)."""
    return Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    return project_root() / "data"


@dataclass(frozen=True)
class Settings:
    """Options of a build. Stages read these and nothing else (no globals, no environment)."""

    base: str = DEFAULT_BASE
    model: str | None = None
    encoding: str = "utf-8"
    link: LinkMode = "offline"
    endpoint: str = DEFAULT_ENDPOINT
    min_confidence: float = 0.0
    authority_dir: Path = field(default_factory=lambda: data_dir() / "authority")
    patterns_dir: Path = field(default_factory=lambda: data_dir() / "patterns")
    wikidata_extract: Path = field(default_factory=lambda: data_dir() / "wikidata" / "extract.ttl")
    wikidata_classes: Path = field(default_factory=lambda: data_dir() / "wikidata" / "classes.tsv")
    cache_dir: Path | None = None  # on-disk cache of online answers; None: no cache
    link_timeout: float = 30.0  # seconds per request to the endpoint
    link_failures: LinkFailures = "error"  # "skip": build without links when it cannot answer

    def __post_init__(self) -> None:
        from kgraph.errors import ConfigError

        # mentions are "<letter>#char=…", so the base itself must not hold a fragment
        if (
            not self.base.startswith(("http://", "https://"))
            or not self.base.endswith("/")
            or "#" in self.base
        ):
            raise ConfigError(
                f"base IRI {self.base!r} is not a valid IRI ending in '/' (without '#')",
                "pass --base https://example.org/letters/",
            )
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
