"""The statistics of the shared corpus, loaded by ``kenes demo --corpus DIR`` (the list: corpus_stats.yaml).

Idempotent like every import: a second run reports everything unchanged, and a value an editor corrected
by importing a file under another source is kept (counted as such), never put back.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from .importing import BadRow, ImportResult, SourceInfo, import_stats

MANIFEST = Path(__file__).with_name("corpus_stats.yaml")


def import_corpus_stats(corpus: Path) -> tuple[list[ImportResult], list[str]]:
    """Import every statistics file listed in the manifest that exists under ``corpus/stats``."""
    manifest = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    results: list[ImportResult] = []
    failures: list[str] = []
    for entry in manifest["files"]:
        path = corpus / "stats" / entry["file"]
        if not path.exists():
            failures.append(f"{path}: not in the corpus")
            continue
        src = entry["source"]
        dated = src.get("dated")
        info = SourceInfo(
            name=src["name"],
            dated=dated if isinstance(dated, dt.date) or dated is None else dt.date.fromisoformat(dated),
            url=src.get("url", ""),
            licence=src.get("licence", ""),
        )
        try:
            results.append(import_stats(path, info, keep_others=True))
        except BadRow as exc:
            failures.append(f"{path}: {exc}")
    return results, failures
