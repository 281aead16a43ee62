"""``kgraph export``: a built collection written for other tools (one subcommand a format)."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import click

from kgraph.cli.common import CONTEXT, reported

__all__ = ["export"]


@click.group(context_settings=CONTEXT)
def export() -> None:
    """Write a built collection (graphs, N-Quads/TriG files or a store) for other tools.

    \b
    Examples:
      kgraph export cmif output/ -o letters-cmif.xml --title "Letters" --editor "A. Editor"
      kgraph export tei output/ -o tei/
    """


_STORE = click.option(
    "--store",
    "store_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Read the collection from this on-disk store instead of files.",
)
_ENDPOINT = click.option(
    "--endpoint", default=None, help="Read the collection from this SPARQL endpoint."
)


@export.command(context_settings=CONTEXT)
@click.argument("data", nargs=-1, type=click.Path())
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(path_type=Path),
    required=True,
    help="File to write (CSV: FILE-nodes.csv and FILE-edges.csv, or DIR/ for "
    "DIR/nodes.csv and DIR/edges.csv).",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["gexf", "graphml", "csv"]),
    default="gexf",
    show_default=True,
    help="File format (Gephi, yEd, Palladio).",
)
@click.option("--places", is_flag=True, help="Also make nodes of the places named.")
@_STORE
@_ENDPOINT
def network(
    data: tuple[str, ...],
    out: Path,
    fmt: str,
    places: bool,
    store_dir: Path | None,
    endpoint: str | None,
) -> None:
    """Write who writes to whom (sender → recipient) and who is named with whom (in one
    letter) as a network of people and organisations, with weights and dates.

    \b
    Examples:
      kgraph export network output/ -o letters.gexf
      kgraph export network output/ --format csv -o network/ --places
    """
    from kgraph.export.network import Format, export_network

    with reported():
        graph, paths = export_network(
            data,
            out,
            fmt=cast(Format, fmt),
            places=places,
            store=store_dir,
            endpoint=endpoint,
        )
    click.echo(
        f"wrote {len(graph.nodes)} nodes and {len(graph.edges)} edges to "
        + ", ".join(str(p) for p in paths)
    )


@export.command("annotations", context_settings=CONTEXT)
@click.argument("data", nargs=-1, type=click.Path())
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(path_type=Path),
    required=True,
    help="JSON-LD file to write, e.g. annotations.jsonld.",
)
@_STORE
@_ENDPOINT
def annotations_command(
    data: tuple[str, ...], out: Path, store_dir: Path | None, endpoint: str | None
) -> None:
    """Write every mention as a W3C Web Annotation (JSON-LD): the letter with a text position
    and a text quote selector as target, the entity and its Wikidata item as body.

    \b
    Example:
      kgraph export annotations output/ -o annotations.jsonld
    """
    from kgraph.export.annotations import export_annotations

    with reported():
        count = export_annotations(data, out, store=store_dir, endpoint=endpoint)
    click.echo(f"wrote {count} annotations to {out}")
