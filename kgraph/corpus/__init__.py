"""Building many letters: the per-letter processor (``runner``), local and Dask executors
(``executors``), the corpus build with its manifest and output targets (``batch``,
``manifest``, ``targets``), progress and summaries (``progress``, ``summary``).

Public names: ``runner.Processor``, ``batch.build_corpus``, ``executors.Executor``.
"""

__all__ = ["batch", "executors", "manifest", "progress", "runner", "summary", "targets"]
