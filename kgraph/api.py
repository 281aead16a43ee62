"""The Python API: ``build`` letters into an rdflib Graph; the CLI calls these functions."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from kgraph.model import LetterResult, Source
from kgraph.rdf.graph import to_graph
from kgraph.rdf.write import Format, write_results
from kgraph.settings import Settings, project_root
from kgraph.text.reading import iter_inputs, read_path, read_text

SAMPLE_LETTER = project_root() / "data" / "letters" / "kropotkin-to-berkman-1908-11-20.txt"


def _is_text(item: str | Path) -> bool:
    """A string holding a line break is a letter's text; any other string is a path."""
    return isinstance(item, str) and "\n" in item


def read_sources(
    inputs: str | Path | Sequence[str | Path], settings: Settings, stdin: bytes | None = None
) -> list[Source]:
    """Sources for paths, folders, '-' (standard input) or letter texts given as strings."""
    items: Sequence[str | Path] = [inputs] if isinstance(inputs, (str, Path)) else inputs
    sources: list[Source] = []
    paths: list[str | Path] = []
    for item in items:
        if _is_text(item):
            sources.append(read_text(str(item)))
        else:
            paths.append(item)
    for path in iter_inputs(paths):
        sources.append(read_path(path, settings.encoding, stdin=stdin))
    return sources


def process(
    inputs: str | Path | Sequence[str | Path],
    settings: Settings | None = None,
    stdin: bytes | None = None,
) -> list[LetterResult]:
    """Run the per-letter stages on every input and return their plain results, in order."""
    from kgraph.corpus.runner import Processor

    settings = settings or Settings()
    sources = read_sources(inputs, settings, stdin)
    return Processor(settings).process(sources)


def build(
    inputs: str | Path | Sequence[str | Path] = SAMPLE_LETTER, settings: Settings | None = None
) -> Graph:
    """Build the knowledge graph of one or more letters.

    >>> import kgraph
    >>> graph = kgraph.build("data/letters/kropotkin-to-berkman-1908-11-20.txt")
    >>> len(graph) > 0
    True
    """
    settings = settings or Settings()
    return to_graph(process(inputs, settings), settings.base)


@dataclass(frozen=True)
class BuildReport:
    results: tuple[LetterResult, ...]
    written: tuple[Path, ...]


def build_files(
    inputs: Iterable[str | Path],
    output: Path,
    fmt: Format = "ttl",
    settings: Settings | None = None,
    stdin: bytes | None = None,
) -> BuildReport:
    """Build letters and write them under ``output`` (a folder, or one file for all)."""
    settings = settings or Settings()
    results = process(list(inputs), settings, stdin)
    written = write_results(results, output, fmt, settings.base)
    return BuildReport(tuple(results), tuple(written))
