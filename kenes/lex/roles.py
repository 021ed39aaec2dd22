"""Moved to :mod:`kenes.accounts.roles` (the editor role sits with the other staff roles).

Kept as a thin re-export for branches written before the move; new code imports ``kenes.accounts.roles``.
"""

from kenes.accounts.roles import EDITOR_PERMISSIONS, editor_group, is_editor

__all__ = ["EDITOR_PERMISSIONS", "editor_group", "is_editor"]
