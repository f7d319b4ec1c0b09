"""Checks: the term base and the quality checks run over translated entries."""
