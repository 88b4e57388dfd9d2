"""Scoring the pipeline against references: pure functions from gold and predictions to figures."""
