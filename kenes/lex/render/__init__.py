"""Readable renderings of an expression for people and programs: standalone HTML and a JSON document."""
