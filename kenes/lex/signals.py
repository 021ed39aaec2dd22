"""Signals the legal database sends for what row signals cannot tell (it imports nothing above it)."""

from django.dispatch import Signal

#: Sent with ``expression=`` when an import finds that exact content already held and writes nothing. A
#: crash after the database commit but before the search index commit leaves such an expression unsearchable;
#: the re-import that a user runs then says "unchanged", so listeners get the chance to heal (search does).
expression_confirmed = Signal()
