"""Small-cell suppression for published counts (the OpenSAFELY rule), on by default.

A count of 7 or fewer is hidden; the others are rounded to the nearest 5. Where a group of cells has a
published total and exactly one of its cells is hidden, the total minus the others would give it away, so the
smallest other cell of that group is hidden too (complementary suppression); for a two-way table this runs
over rows and columns until nothing changes. Totals are computed from the true counts, then rounded.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable

THRESHOLD = 7
BASE = 5


def rounded(count: int, base: int = BASE) -> int:
    """Nearest multiple of ``base``, halves up (12 → 10, 13 → 15)."""
    return int((count + base / 2) // base * base)


def _complement(groups: Iterable[list[Hashable]], counts: dict, hidden: set) -> bool:
    """Hide the smallest visible cell of each group with exactly one hidden cell; True if anything changed."""
    changed = False
    for group in groups:
        concealed = [key for key in group if key in hidden]
        visible = [key for key in group if key not in hidden]
        if len(concealed) == 1 and visible:
            hidden.add(min(visible, key=lambda key: (counts[key], str(key))))
            changed = True
    return changed


def suppress(
    counts: dict[Hashable, int], threshold: int = THRESHOLD, base: int = BASE, with_total: bool = True
) -> tuple[dict[Hashable, int | None], int | None]:
    """One-way table: (cell → published count or None when hidden, published total).

    ``with_total=False`` for cells that do not add up to a published total (a case has several
    categories): then no total can give a hidden cell away, and no second cell is hidden.
    """
    hidden = {key for key, count in counts.items() if count <= threshold}
    if with_total:
        _complement([list(counts)], counts, hidden)
    cells = {key: None if key in hidden else rounded(count, base) for key, count in counts.items()}
    total = sum(counts.values())
    if not with_total:
        return cells, None
    return cells, (None if total <= threshold else rounded(total, base))


def suppress_two_way(
    counts: dict[tuple[Hashable, Hashable], int], threshold: int = THRESHOLD, base: int = BASE
) -> tuple[
    dict[tuple[Hashable, Hashable], int | None], dict[Hashable, int | None], dict[Hashable, int | None]
]:
    """Two-way table with row and column totals: (cells, row totals, column totals), hidden cells None."""
    rows: dict[Hashable, list] = {}
    cols: dict[Hashable, list] = {}
    for key in counts:
        rows.setdefault(key[0], []).append(key)
        cols.setdefault(key[1], []).append(key)
    hidden = {key for key, count in counts.items() if count <= threshold}
    while _complement([*rows.values(), *cols.values()], counts, hidden):
        pass

    def margin(groups: dict[Hashable, list]) -> dict[Hashable, int | None]:
        out: dict[Hashable, int | None] = {}
        for name, keys in groups.items():
            total = sum(counts[key] for key in keys)
            out[name] = None if total <= threshold else rounded(total, base)
        return out

    cells = {key: None if key in hidden else rounded(count, base) for key, count in counts.items()}
    return cells, margin(rows), margin(cols)
