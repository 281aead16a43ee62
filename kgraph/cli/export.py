"""``kgraph export``: a built collection written for other tools (one subcommand a format)."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import click

from kgraph.cli.common import COLLECTION_ENDPOINT, COLLECTION_STORE, CONTEXT, reported

__all__ = ["export"]


@click.group(context_settings=CONTEXT)
def export() -> None:
    """Write a built collection (graphs, N-Quads/TriG files or a store) for other tools.

    \b
    Examples:
      kgraph export cmif output/ -o letters-cmif.xml --title "Letters" --editor "A. Editor"
      kgraph export tei output/ -o tei/
    """


@export.command(context_settings=CONTEXT)
@click.argument("data", nargs=-1, type=click.Path())
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(),
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
@COLLECTION_STORE
@COLLECTION_ENDPOINT
def network(
    data: tuple[str, ...],
    out: str,
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
@COLLECTION_STORE
@COLLECTION_ENDPOINT
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


@export.command("tei", context_settings=CONTEXT)
@click.argument("data", nargs=-1, type=click.Path())
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder for the TEI files (one a letter, named after the letter's IRI).",
)
@COLLECTION_STORE
@COLLECTION_ENDPOINT
def tei_command(
    data: tuple[str, ...], out: Path, store_dir: Path | None, endpoint: str | None
) -> None:
    """Write each letter as a TEI P5 file: correspDesc in the header; the letter's text with
    its parts (opener, closer, ...) and every mention tagged (persName, placeName, ...).

    \b
    Examples:
      kgraph export tei output/ -o tei/
      kgraph export tei --store store/ -o tei/
    """
    from kgraph.export.tei import export_tei

    with reported():
        paths = export_tei(data, out, store=store_dir, endpoint=endpoint)
    click.echo(f"wrote {len(paths)} TEI files to {out}")


@export.command("cmif", context_settings=CONTEXT)
@click.argument("data", nargs=-1, type=click.Path())
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("letters-cmif.xml"),
    show_default=True,
    help="CMIF file to write.",
)
@click.option("--url", help="Public URL where the file will be published (required by CMIF).")
@click.option("--editor", help="Contact person for the file (required by CMIF).")
@click.option("--email", default=None, help="The editor's e-mail address.")
@click.option("--title", default="Letters", show_default=True, help="Title of the index.")
@click.option("--publisher", default=None, help="Publisher (default: the editor).")
@click.option(
    "--edition-title",
    default=None,
    help="The edition the letters come from, where their graph names none (default: --title).",
)
@click.option(
    "--edition-type",
    type=click.Choice(["print", "online", "hybrid"]),
    default="online",
    show_default=True,
)
@click.option(
    "--date", default=None, help="Date of the file (default: SOURCE_DATE_EPOCH, else today)."
)
@COLLECTION_STORE
@COLLECTION_ENDPOINT
def cmif_command(
    data: tuple[str, ...],
    out: Path,
    url: str | None,
    editor: str | None,
    email: str | None,
    title: str,
    publisher: str | None,
    edition_title: str | None,
    edition_type: str,
    date: str | None,
    store_dir: Path | None,
    endpoint: str | None,
) -> None:
    """Write the collection's letters as one CMIF 1.1 file (sender, recipient, place and date
    of each letter) for correspSearch. Publish it at --url and register that URL there.

    \b
    Example:
      kgraph export cmif output/ -o letters-cmif.xml --url https://example.org/letters-cmif.xml \\
          --editor "A. Editor" --title "Letters of A" --edition-type online
    """
    from kgraph.export.cmif import CmifInfo, EditionType, default_date, export_cmif

    for name, value in (("--url", url), ("--editor", editor)):
        if not value:
            raise click.UsageError(
                f"CMIF needs {name}: e.g. --url https://example.org/letters-cmif.xml"
                ' --editor "A. Editor"'
            )
    assert url is not None and editor is not None
    with reported():
        info = CmifInfo(
            url=url,
            editor=editor,
            date=date or default_date(),
            title=title,
            editor_email=email,
            publisher=publisher,
            edition_title=edition_title,
            edition_type=cast(EditionType, edition_type),
        )
        path, count = export_cmif(data, out, info, store=store_dir, endpoint=endpoint)
    click.echo(f"wrote {count} letters to {path}")
