"""The commands over stores and endpoints: ``kgraph query``, ``load`` and ``serve``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import cast

import click

from kgraph.cli.common import CONTEXT, PASSWORD_HELP, endpoint_auth, reported


@click.command(context_settings=CONTEXT)
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
@click.option("--user", default=None, help=f"User name for the endpoint; {PASSWORD_HELP}")
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
    from kgraph.store.query import check_sparql, format_result, resolve_query
    from kgraph.store.query import query as run

    with reported():
        auth = endpoint_auth(endpoint, user)
        if allow_update:
            from kgraph.store.query import update

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
        if result.note:
            click.echo(f"hint: {result.note}", err=True)


@click.command(context_settings=CONTEXT)
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
@click.option("--user", default=None, help=f"User name for the endpoint; {PASSWORD_HELP}")
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
    from kgraph.store.embedded import load_store, read_graphs
    from kgraph.store.endpoint import load_endpoint

    targets = [t for t in (store_dir, endpoint, update_endpoint) if t is not None]
    if len(targets) != 1:
        raise click.UsageError("give one of --store, --endpoint or --update-endpoint")
    with reported():
        url = endpoint or update_endpoint
        auth = endpoint_auth(url, user)
        if url is None:
            report = load_store(data, cast(Path, store_dir))
        else:
            staged = read_graphs(data)
            report = load_endpoint(staged, url, auth=auth, update=update_endpoint is not None)
        click.echo(report.summary())


@click.command(context_settings=CONTEXT)
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
    from kgraph.store.serve import serve as run_server
    from kgraph.store.serve import serve_command, serve_url

    with reported():
        command = serve_command(store_dir, bind)
        url = serve_url(bind)
    click.echo(f"serving {store_dir} read-only at {url} (SPARQL endpoint {url}query)")
    click.echo("press Ctrl-C to stop")
    sys.exit(run_server(command))
