"""Serve an on-disk store read-only with Oxigraph's own server (``kgraph serve``): a SPARQL
endpoint and a query page, the union of the letters' graphs as the default graph."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from kgraph.errors import ConfigError
from kgraph.store.embedded import open_store

__all__ = ["oxigraph_binary", "parse_bind", "serve", "serve_command", "serve_url"]


def oxigraph_binary() -> str:
    """The ``oxigraph`` server program: beside this Python's executable, else on PATH."""
    name = "oxigraph.exe" if os.name == "nt" else "oxigraph"
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if found is None:
        raise ConfigError(
            "the oxigraph server program is not installed",
            "install it into this Python environment: pip install oxigraph",
        )
    return found


def parse_bind(bind: str) -> tuple[str, int]:
    """``HOST:PORT`` (``[::1]:PORT`` for IPv6) as (host, port)."""
    host, _, port = bind.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ConfigError(f"--bind {bind!r} is not HOST:PORT", "e.g. --bind 127.0.0.1:7878")
    return host.strip("[]"), int(port)


def serve_command(folder: str | Path, bind: str = "127.0.0.1:7878") -> list[str]:
    """The command that serves the store in ``folder`` read-only, the union of the letters'
    graphs as the default graph (as ``kgraph query`` sees it)."""
    parse_bind(bind)
    open_store(folder, read_only=True)  # a clear error now rather than the server's later
    return [
        oxigraph_binary(),
        "serve-read-only",
        "--location",
        str(folder),
        "--bind",
        bind,
        "--union-default-graph",
    ]


def serve_url(bind: str) -> str:
    host, port = parse_bind(bind)
    return f"http://{f'[{host}]' if ':' in host else host}:{port}/"


def serve(command: Sequence[str]) -> int:
    """Run the server until it stops or Ctrl-C; forward the interrupt; its exit code."""
    process = subprocess.Popen(list(command))
    try:
        return process.wait()
    except KeyboardInterrupt:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        return 130
