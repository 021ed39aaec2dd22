"""The advisory desk: cases of labour migrants, private to the centre that holds them.

Security is the feature: every query for case data goes through :mod:`kenes.desk.scope`, personal fields are
encrypted at rest (:mod:`kenes.desk.crypto`), every access is written to a hash-chained audit log
(:mod:`kenes.desk.audit`). Nothing else in Kenes imports this package.
"""
