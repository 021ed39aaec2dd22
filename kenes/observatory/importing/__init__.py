"""``kenes stats import FILE --source …``: statistics from CSV or XLSX, atomic and idempotent.

Stages: read the file into records (:mod:`.files`) → pick the reader by the header (:mod:`.formats`) →
check every row (a bad row stops the import before anything is written, naming its line) → write in one
transaction (:mod:`.writer`). Importing the same file again changes nothing; a corrected value replaces the
old one and is counted as updated.
"""

from .files import read_records
from .formats import BadRow
from .writer import ImportResult, SourceInfo, import_stats

__all__ = ["BadRow", "ImportResult", "SourceInfo", "import_stats", "read_records"]
