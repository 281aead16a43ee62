"""Measuring quality: gold files (``gold``), scoring a graph against them (``evaluate``) and the
scores and their report (``scores``).

Public names: ``evaluate.evaluate_files``, ``scores.format_evaluation``, ``gold.load_gold``.
"""

__all__ = ["evaluate", "gold", "scores"]
