"""Errors kgraph raises on purpose: each carries a one-line message and a fix hint."""

from __future__ import annotations


class KGraphError(Exception):
    """Base class of every error kgraph reports to its users.

    ``message`` names the file (or thing) and the problem in one line; ``hint`` says how to
    fix it. The CLI prints ``Error: <message>; <hint>`` and exits with ``exit_code``.
    """

    exit_code = 1

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}; {self.hint}" if self.hint else self.message


class InputError(KGraphError):
    """A letter could not be read: missing, unreadable, empty, binary or wrongly encoded."""


class QueryError(KGraphError):
    """A SPARQL query is unknown, malformed or refused."""


class DataError(KGraphError):
    """An RDF data file could not be parsed or written."""


class ConfigError(KGraphError):
    """A setting or data file of kgraph itself is wrong."""

    exit_code = 2


class LinkError(KGraphError):
    """The Wikidata linker could not reach or understand its endpoint."""
