"""``kgraph build``: its options, the call to ``build_corpus`` and the report it prints."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, cast

import click

from kgraph.cli.common import CONTEXT, reported
from kgraph.cli.userdirs import user_cache_dir
from kgraph.settings import (
    DEFAULT_BASE,
    DEFAULT_ENDPOINT,
    BaseIRI,
    LinkFailures,
    LinkMode,
    Settings,
)

if TYPE_CHECKING:
    from kgraph.corpus.executors import Executor
    from kgraph.rdf.write import Format


@click.command(context_settings=CONTEXT)
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
    type=click.Choice(["offline", "online", "none"]),
    default="offline",
    show_default=True,
    help="Where to look up Wikidata identifiers: the bundled extract, a SPARQL endpoint, "
    "or nowhere.",
)
@click.option(
    "--endpoint",
    default=DEFAULT_ENDPOINT,
    show_default=True,
    help="SPARQL endpoint with Wikidata-shaped data for --link online (e.g. a mirror).",
)
@click.option(
    "--cache",
    "cache_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder caching the endpoint's answers, so a re-run sends no request "
    "[default: the user cache folder, e.g. ~/.cache/kgraph].",
)
@click.option(
    "--link-timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=30.0,
    show_default=True,
    help="Seconds to wait for each answer of the endpoint.",
)
@click.option(
    "--link-failures",
    type=click.Choice(["error", "skip"]),
    default="error",
    show_default=True,
    help="When the endpoint cannot answer: stop with an error, or build without its links.",
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
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Worker processes, each loading the pipeline once.",
)
@click.option(
    "--executor",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Run the per-letter work here or on a Dask cluster (--scheduler).",
)
@click.option("--scheduler", default=None, help="Dask scheduler address, e.g. tcp://10.0.0.5:8786.")
@click.option("--fail-fast", is_flag=True, help="Stop at the first letter that fails.")
@click.option(
    "--force", is_flag=True, help="Rebuild letters that have not changed since the last build."
)
@click.option(
    "--store",
    "store_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Also load the output into this on-disk store, one named graph per letter "
    "(unchanged letters are not rewritten).",
)
def build(
    inputs: tuple[str, ...],
    output: Path,
    fmt: str,
    base: str,
    link: str,
    endpoint: str,
    cache_dir: Path | None,
    link_timeout: float,
    link_failures: str,
    encoding: str,
    min_confidence: float,
    model: str | None,
    jobs: int,
    executor: str,
    scheduler: str | None,
    fail_fast: bool,
    force: bool,
    store_dir: Path | None,
) -> None:
    """Build the knowledge graph of letters (files, folders, or - for standard input).

    \b
    Examples:
      kgraph build                               # the bundled sample letter
      kgraph build letters/ -o output/ --format ttl
      cat letter.txt | kgraph build - -o letter.ttl
      kgraph build letters/ --link online       # ask the Wikidata Query Service
      kgraph build letters/ -o corpus.nq --jobs 2
      kgraph build letters/ --executor dask --scheduler tcp://10.0.0.5:8786
      kgraph build letters/ -o output/ --store store/   # and load it into a store

    A letter that fails is reported and skipped; the exit code is then 1. Letters that
    have not changed since the last build into the same output are skipped (--force).
    """
    from kgraph.api import SAMPLE_LETTER
    from kgraph.corpus.batch import build_corpus
    from kgraph.corpus.progress import ProgressBar
    from kgraph.corpus.summary import summarise_counts

    if store_dir is not None and Path(output).suffix.lower() in (".ttl", ".nt", ".jsonld"):
        raise click.UsageError(
            "--store needs one graph per letter: -o FOLDER/ or an .nq or .trig file"
        )
    with reported():
        settings = Settings(
            base=BaseIRI(base),
            link=cast(LinkMode, link),
            endpoint=endpoint,
            cache_dir=cache_dir if cache_dir is not None else user_cache_dir(),
            link_timeout=link_timeout,
            link_failures=cast(LinkFailures, link_failures),
            encoding=encoding,
            min_confidence=min_confidence,
            model=model,
        )
        stdin = sys.stdin.buffer.read() if "-" in inputs else None
        report = build_corpus(
            inputs or (SAMPLE_LETTER,),
            output,
            cast("Format", fmt),
            settings,
            jobs=jobs,
            executor=cast("Executor", executor),
            scheduler=scheduler,
            fail_fast=fail_fast,
            incremental=not force,
            progress=ProgressBar(),
            stdin=stdin,
        )
        if report.failures and not report.letters and len(report.failures) == 1:
            raise click.ClickException(report.failures[0].reason)  # one letter: one line
        for path in report.written[:10]:
            click.echo(f"wrote {path}")
        if len(report.written) > 10:
            click.echo(f"… and {len(report.written) - 10} more files in {output}")
        if report.skipped:
            n = len(report.skipped)
            click.echo(f"{n} unchanged letter{'s' if n != 1 else ''} skipped (--force rebuilds)")
        click.echo(summarise_counts(report.letters, report.types, report.relations, report.links))
        if store_dir is not None and (report.letters or report.skipped):
            from kgraph.store.embedded import load_output

            click.echo(load_output(output, fmt, store_dir).summary())
        for failure in report.failures:
            reason = failure.reason
            click.echo(
                f"Error: {reason if failure.path in reason else f'{failure.path}: {reason}'}",
                err=True,
            )
        if report.failures:
            raise click.ClickException(
                f"{len(report.failures)} of {len(report.failures) + report.letters} letters failed"
            )
