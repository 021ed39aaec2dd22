"""Search over the legal database: a tantivy index derived from the provisions, rebuilt from the database.

index.py builds and updates the index, engine.py compiles a query into tantivy queries and ranks, service.py
is the one function pages, API and CLI call. Text analysis (analysis.py), the cross-language glossary
(glossary.py), query intents (intents.py) and citation resolution (citations.py) are shared by the index and
the query side. README.md says why tantivy, how the index stays current, how ranking works, and the benches.
"""
