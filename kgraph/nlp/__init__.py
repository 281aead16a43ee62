"""The NLP stage: spaCy pipeline, rule components and the analysis of letters."""

from kgraph.nlp.masking import mask
from kgraph.nlp.pipeline import analyse, analyse_many, build_pipeline, model_name

__all__ = ["analyse", "analyse_many", "build_pipeline", "mask", "model_name"]
