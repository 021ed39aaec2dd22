"""The countries the observatory reports on, in the order its tables show them."""

from __future__ import annotations

#: The eight countries Kenes covers (the portal's order).
REGION: tuple[str, ...] = ("kz", "kg", "tj", "uz", "tm", "az", "mn", "ru")
