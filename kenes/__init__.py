"""Kenes: the labour-rights information system of the Central Asian trade union centres."""

__version__ = "0.1.0"
