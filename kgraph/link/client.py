"""A polite SPARQL client for the online linker: SPARQLWrapper behind an on-disk cache.

It sends one request at a time with a descriptive User-Agent, a timeout, and retries with
backoff on HTTP 429 and 503 (honouring ``Retry-After``). Answers are cached on disk under a
hash of endpoint and query text, so a re-run of the same build sends no request at all.
It knows SPARQL and HTTP, not Wikidata: what to ask is ``linking``'s business.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
import time
import urllib.error
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from kgraph.errors import LinkError
from kgraph.version import __version__

PROJECT_URL = "https://w3id.org/kgraph"
USER_AGENT = f"kgraph/{__version__} ({PROJECT_URL}; linking historical letters to Wikidata)"
HINT = "pass --link offline or --link-failures skip"
RETRY_STATUS = frozenset({429, 503})
STATUS = {  # SPARQLWrapper's exceptions for the HTTP answers it handles itself
    "QueryBadFormed": "400",
    "Unauthorized": "401",
    "EndPointNotFound": "404",
    "URITooLong": "414",
    "EndPointInternalError": "500",
}
Row = dict[str, str]
_THREADS = threading.Lock()


class SparqlClient:
    """SELECT queries against one endpoint; rows are ``{variable: value}`` of bound variables.

    ``cache_dir`` None means no on-disk cache. ``attempts`` counts the first try; waits
    between tries double from ``backoff`` seconds unless the server sends ``Retry-After``
    (honoured up to ``max_wait`` seconds; a longer wait gives up at once).
    """

    known: frozenset[str] | None = None  # the identifiers it holds: unknown for an endpoint

    def __init__(
        self,
        endpoint: str,
        cache_dir: Path | None = None,
        timeout: float = 30.0,
        attempts: int = 4,
        backoff: float = 2.0,
        max_wait: float = 120.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.endpoint = endpoint
        self.cache_dir = cache_dir
        self.timeout = timeout
        self.attempts = max(1, attempts)
        self.backoff = backoff
        self.max_wait = max_wait
        self.sleep = sleep
        self.requests = 0  # HTTP requests sent (cache hits excluded)
        self.cache_hits = 0

    # -- cache -----------------------------------------------------------------------------

    def cache_key(self, query: str) -> str:
        return hashlib.sha256(f"{self.endpoint}\n{query}".encode()).hexdigest()

    def _cache_path(self, query: str) -> Path | None:
        if self.cache_dir is None:
            return None
        key = self.cache_key(query)
        return self.cache_dir / "sparql" / key[:2] / f"{key}.json"

    def _read_cache(self, path: Path | None, query: str) -> list[Row] | None:
        if path is None or not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # unreadable or half-written by a crashed run: ask again
        if not isinstance(data, dict) or data.get("query") != query:
            return None
        if data.get("endpoint") != self.endpoint or not isinstance(data.get("rows"), list):
            return None
        return [{str(k): str(v) for k, v in row.items()} for row in data["rows"]]

    def _write_cache(self, path: Path | None, query: str, rows: list[Row]) -> None:
        if path is None:
            return
        data = {"endpoint": self.endpoint, "query": query, "rows": rows}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump(data, handle, ensure_ascii=False, sort_keys=True)
                os.replace(tmp, path)  # atomic: readers see the old file or the whole new one
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as error:
            raise LinkError(
                f"cannot write the SPARQL cache {path.parent}: {error.strerror or error}",
                "pass --cache DIR with a writable folder",
            ) from error

    # -- HTTP ------------------------------------------------------------------------------

    def select(self, query: str) -> list[Row]:
        path = self._cache_path(query)
        cached = self._read_cache(path, query)
        if cached is None:
            with self._one_at_a_time():
                cached = self._read_cache(path, query)  # another process may have asked
                if cached is None:
                    rows = self._fetch(query)
                    self._write_cache(path, query, rows)
                    return rows
        self.cache_hits += 1
        return cached

    @contextmanager
    def _one_at_a_time(self) -> Iterator[None]:
        """Hold the request lock: of this process, and with a cache folder also of every
        kgraph process sharing it (worker processes of a parallel build)."""
        with _THREADS:
            if self.cache_dir is None:
                yield
                return
            try:
                import fcntl
            except ImportError:  # not POSIX: one request at a time per process only
                yield
                return
            try:
                self.cache_dir.mkdir(parents=True, exist_ok=True)
                handle = open(self.cache_dir / ".request.lock", "a")  # noqa: SIM115
            except OSError as error:
                raise LinkError(
                    f"cannot use the SPARQL cache {self.cache_dir}: {error.strerror or error}",
                    "pass --cache DIR with a writable folder",
                ) from error
            with handle:
                fcntl.flock(handle, fcntl.LOCK_EX)
                try:
                    yield
                finally:
                    fcntl.flock(handle, fcntl.LOCK_UN)

    def _fetch(self, query: str) -> list[Row]:
        for attempt in range(1, self.attempts + 1):
            try:
                return self._request(query)
            except urllib.error.HTTPError as error:
                if error.code not in RETRY_STATUS:
                    raise self._http_error(error) from error
                if attempt == self.attempts:
                    raise LinkError(
                        f"{self.endpoint} still answers HTTP {error.code} after "
                        f"{self.attempts} attempts",
                        "try again later, or " + HINT,
                    ) from error
                wait = _retry_after(error.headers.get("Retry-After") if error.headers else None)
                if wait is None:
                    wait = self.backoff * 2 ** (attempt - 1)
                if wait > self.max_wait:
                    raise LinkError(
                        f"{self.endpoint} asks to wait {wait:g} s before the next request",
                        "try again later, or " + HINT,
                    ) from error
                self.sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover

    def _request(self, query: str) -> list[Row]:
        from SPARQLWrapper import JSON, POST, URLENCODED, SPARQLWrapper
        from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

        client = SPARQLWrapper(self.endpoint, agent=USER_AGENT)
        client.setMethod(POST)
        client.setRequestMethod(URLENCODED)
        client.setReturnFormat(JSON)
        client.setOnlyConneg(True)
        client.setQuery(query)
        client.timeout = self.timeout  # type: ignore[assignment]  # setTimeout() truncates
        self.requests += 1
        try:
            response = client.query()
            data = response.convert()
        except urllib.error.HTTPError:
            raise
        except SPARQLWrapperException as error:  # 400, 401, 404, 414 and 500 answers
            code = STATUS.get(type(error).__name__, "error")
            raise LinkError(
                f"cannot query {self.endpoint}: HTTP {code} ({_first_line(error)})",
                "check --endpoint, or " + HINT,
            ) from error
        except TimeoutError as error:
            raise self._timeout_error() from error
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):
                raise self._timeout_error() from error
            raise LinkError(f"cannot reach {self.endpoint}: {error.reason}", HINT) from error
        except (OSError, ValueError) as error:
            raise LinkError(f"cannot read the answer of {self.endpoint}: {error}", HINT) from error
        return _rows(data, self.endpoint)

    def _timeout_error(self) -> LinkError:
        return LinkError(f"cannot reach {self.endpoint}: timed out after {self.timeout:g} s", HINT)

    def _http_error(self, error: urllib.error.HTTPError) -> LinkError:
        return LinkError(
            f"cannot query {self.endpoint}: HTTP {error.code} {error.reason}",
            "check --endpoint, or " + HINT,
        )


def _first_line(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return text[0].split(": ", 1)[-1][:200] if text else type(error).__name__


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delay in seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _rows(data: Any, endpoint: str) -> list[Row]:
    """The bindings of a SPARQL JSON result as plain ``{variable: value}`` rows."""
    try:
        bindings = data["results"]["bindings"]
        return [{str(k): str(v["value"]) for k, v in b.items()} for b in bindings]
    except (TypeError, KeyError) as error:
        raise LinkError(
            f"{endpoint} did not answer with SPARQL JSON results", "check --endpoint"
        ) from error
