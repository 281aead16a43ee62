"""Wikidata linking: one linker (``linker``) over two places to ask with the same SPARQL, the
offline extract (``offline``) or a live endpoint (``client``); the queries (``queries``) and
candidate scoring (``scoring``). Only this package knows Wikidata.

Public names: ``linker.open_linker``, ``linker.Linker``.
"""

__all__ = ["client", "linker", "offline", "queries", "scoring"]
