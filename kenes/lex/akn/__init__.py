"""Akoma Ntoso 3.0: URIs (``uri``), export, import (``parse``) and schema validation (``schema``).

The modules meet in :class:`kenes.lex.tree.Document` and :class:`~kenes.lex.akn.meta.ExpressionMeta`;
the URI scheme is documented in docs/IDENTIFIERS.md.
"""
