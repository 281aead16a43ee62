"""RDF: the ontology's terms (``namespace``), IRIs minted in one place (``iris``), the triples
of a letter (``graph``, the only module that adds triples), writing Turtle, N-Quads and the
rest (``write``, ``turtle``), reading RDF files (``rdfio``, ``datafiles``) and SHACL
validation (``validate``, ``validation_report``).

Public names: ``graph.to_graph``, ``write.write_results``, ``write.serialize``,
``iris.letter_iri``, ``validate.validate_files``, ``rdfio.load_graph``.
"""

__all__ = [
    "datafiles",
    "graph",
    "iris",
    "namespace",
    "rdfio",
    "turtle",
    "validate",
    "validation_report",
    "write",
]
