"""Exports of a built collection for other tools: TEI letters and CMIF for editions
(``tei``, ``cmif``), a static reading site (``site``), network files (``network``) and Web
Annotations (``annotations``), all over one reader of graphs, files and stores
(``collection``).
"""

__all__: list[str] = []
