"""Fixtures of the search tests: a temporary index (see indexing.py)."""

from .indexing import index_dir, library  # noqa: F401
