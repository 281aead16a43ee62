"""What every command of the command line shares: click's settings, the turning of
kgraph's own errors into ``Error: …`` messages, and an endpoint's credentials."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kgraph.errors import KGraphError

if TYPE_CHECKING:
    from kgraph.store.endpoint import Auth

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

# Where the site and the exports read a built collection from, instead of files.
COLLECTION_STORE = click.option(
    "--store",
    "store_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Read the collection from this on-disk store (see kgraph load) instead of files.",
)
COLLECTION_ENDPOINT = click.option(
    "--endpoint",
    default=None,
    help="Read the collection from this SPARQL endpoint, e.g. http://localhost:7878/query.",
)
PASSWORD_HELP = "the password is read from KGRAPH_PASSWORD, else from ~/.netrc."


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


def endpoint_auth(url: str | None, user: str | None) -> Auth | None:
    """Credentials for ``url``: --user with KGRAPH_PASSWORD, or ~/.netrc (never echoed)."""
    import os

    from kgraph.store.endpoint import PASSWORD_VARIABLE, credentials

    if url is None:
        if user is not None:
            raise click.UsageError("--user goes with an endpoint URL")
        return None
    return credentials(url, user, os.environ.get(PASSWORD_VARIABLE) if user else None)
