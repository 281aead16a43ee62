"""The ``kgraph`` command line: option parsing over the library, one public function a command.

``main`` is the console script; the commands live in ``main`` (the group and the small
commands), ``build`` and ``store`` (load, query, serve); ``common`` turns ``KGraphError``
into a one-line message with a hint.
"""

from kgraph.cli.main import main

__all__ = ["main"]
