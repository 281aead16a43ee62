"""What kgraph knows beyond spaCy's model, read from ``data/``: the authority file of people,
places, organisations and the rest (``authority``), titles and honorifics (``honorifics``)
and the JSON-lines pattern files (``files``).

It sits below ``nlp`` because one source feeds both the entity ruler (``nlp``) and the
resolver and linker (``extract``, ``link``).

Public names: ``authority.load_authority``, ``authority.Authority``, ``authority.normalise``,
``honorifics.TITLES``, ``files.read_jsonl``.
"""

__all__ = ["authority", "files", "honorifics"]
