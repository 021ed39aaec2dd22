"""Organisations, advisory centres, staff and their roles, and the login policy every Kenes login path shares.

A kernel app: it imports nothing of Kenes, so ``lex``, the pages and the desk may all read it.
"""
