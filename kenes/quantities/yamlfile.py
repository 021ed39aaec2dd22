"""YAML as lawyers write it: only ``true``/``false`` are booleans.

PyYAML follows YAML 1.1, where ``on``, ``off``, ``yes``, ``no`` (any case) are booleans too, so a test case
with the field ``on: 2024-06-14`` would silently get the key ``True``. YAML 1.2 dropped that; this loader
does the same and keeps everything else of ``yaml.safe_load`` (dates stay dates).

>>> load("on: 2024-06-14\\nopen: yes\\nok: true")
{'on': datetime.date(2024, 6, 14), 'open': 'yes', 'ok': True}
"""

from __future__ import annotations

import re
from typing import Any

import yaml


class Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 booleans."""


Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def load(text: str) -> Any:
    return yaml.load(text, Loader=Loader)  # noqa: S506 - a SafeLoader subclass
