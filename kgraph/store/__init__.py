"""Triple stores and SPARQL: the embedded pyoxigraph store (``embedded``, ``bulk``, ``staging``),
remote endpoints (``endpoint``), ``kgraph serve`` (``serve``), queries over files, stores
and endpoints (``query``), their results (``results``) and Python-side ordering
(``ordering``).

Public names: ``query.query``, ``embedded.load_store``, ``embedded.open_store``,
``endpoint.load_endpoint``, ``serve.serve``.
"""

__all__ = ["bulk", "embedded", "endpoint", "ordering", "query", "results", "serve", "staging"]
