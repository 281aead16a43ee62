"""Reading RDF files for the commands that check graphs (validate, eval)."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph

from kgraph.errors import DataError

RDF_FORMATS = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
}


def load_graph(paths: list[str | Path] | tuple[str | Path, ...]) -> Graph:
    """Parse RDF files and folders of them into one graph (quads: all graphs together)."""
    graph = Graph()
    files: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files += sorted(f for f in path.rglob("*") if f.suffix.lower() in RDF_FORMATS)
        elif not path.is_file():
            raise DataError(f"{path} does not exist", "check the path of the graph")
        elif path.suffix.lower() not in RDF_FORMATS:
            raise DataError(f"{path} is not a known RDF file type", f"use {', '.join(RDF_FORMATS)}")
        else:
            files.append(path)
    if not files:
        raise DataError("no RDF files given", "name a .ttl, .nt, .nq or .trig file")
    for path in files:
        fmt = RDF_FORMATS[path.suffix.lower()]
        if fmt == "json-ld":
            refuse_remote_context(path)
        try:
            if fmt in ("nquads", "trig"):
                dataset = Dataset()
                dataset.parse(path, format=fmt)
                for s, p, o, _ in dataset.quads():
                    graph.add((s, p, o))
            else:
                graph.parse(path, format=fmt)
        except Exception as exc:  # rdflib raises many kinds of parse errors
            msg = f"{path} is not valid {fmt}: {exc}".splitlines()[0]
            raise DataError(msg, "fix the file") from exc
    return graph


def refuse_remote_context(path: Path) -> None:
    """A JSON-LD file whose @context is a URL would make the parser fetch it: checking
    local data sends no request, so such a file is refused (kgraph writes inline contexts)."""
    import json

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise DataError(
            f"{path} is not valid JSON-LD: {exc}".splitlines()[0], "fix the file"
        ) from exc

    def remote(node: object) -> bool:
        if isinstance(node, dict):
            context = node.get("@context")
            contexts = context if isinstance(context, list) else [context]
            if any(isinstance(c, str) for c in contexts):
                return True
            return any(remote(v) for v in node.values())
        if isinstance(node, list):
            return any(remote(v) for v in node)
        return False

    if remote(data):
        raise DataError(
            f"{path} names a remote JSON-LD @context, which kgraph does not fetch",
            "inline the context, or convert the file to Turtle or N-Quads",
        )
