"""``kgraph site``: the reading site of a built collection."""

from __future__ import annotations

from pathlib import Path

import click

from kgraph.cli.common import COLLECTION_ENDPOINT, COLLECTION_STORE, CONTEXT, reported

__all__ = ["site"]


@click.command(context_settings=CONTEXT)
@click.argument("data", nargs=-1, type=click.Path())
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(path_type=Path),
    default=Path("site"),
    show_default=True,
    help="Folder to write the site to (a new or empty one, or a site kgraph wrote before).",
)
@COLLECTION_STORE
@COLLECTION_ENDPOINT
def site(data: tuple[str, ...], out: Path, store_dir: Path | None, endpoint: str | None) -> None:
    """Write a static reading site of a built collection: an index of the letters, a page
    per letter with every name marked, a page per entity and the network of correspondents.
    Plain HTML, CSS and a little JavaScript; it opens from the folder or any web server.

    \b
    Examples:
      kgraph site output/ -o site/
      kgraph site corpus.nq -o site/
      kgraph site --store store/ -o site/
    """
    from kgraph.export.site import export_site

    with reported():
        report = export_site(data, out, store=store_dir, endpoint=endpoint)
    page, size = report.largest
    click.echo(
        f"wrote {report.files} files to {report.folder}/ ({report.letters} letters, "
        f"{report.entities} entities; largest page {page}, {size // 1024} kB); "
        f"open {report.folder}/index.html"
    )
