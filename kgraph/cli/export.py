"""``kgraph export``: a built collection written for other tools (one subcommand a format)."""

from __future__ import annotations

import click

from kgraph.cli.common import CONTEXT

__all__ = ["export"]


@click.group(context_settings=CONTEXT)
def export() -> None:
    """Write a built collection (graphs, N-Quads/TriG files or a store) for other tools.

    \b
    Examples:
      kgraph export cmif output/ -o letters-cmif.xml --title "Letters" --editor "A. Editor"
      kgraph export tei output/ -o tei/
    """
