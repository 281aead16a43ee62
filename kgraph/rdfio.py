"""Reading RDF files for the commands that check graphs (validate, eval)."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph

from .errors import DataError

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
