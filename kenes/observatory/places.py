"""The countries the observatory reports on, from the one country table (``kenes.kernel.countries``).

The table's names are English msgids. They are translated from the rights app's catalogues
(``kenes.rights.countries.CATALOGUE_NAMES`` marks them there, since the rights library translates without
Django): Django merges every installed app's catalogue, and ``kenes.rights`` comes before the observatory in
``INSTALLED_APPS``, so its translations are the ones a page shows anyway. A second list here only kept a
copy in this app's catalogues that no page reads.
"""

from __future__ import annotations

from kenes.kernel.countries import COVERED

#: The eight countries Kenes covers, in the order the tables show them.
REGION: tuple[str, ...] = COVERED
