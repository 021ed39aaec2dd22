"""The web face of the rights engine: the JSON API (``api``) and the portal pages (``views``, ``forms``).

Kept apart from the library so ``import kenes.rights`` never needs Django; only this package does.
"""
