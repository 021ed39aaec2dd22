"""Kenes: the labour-rights information system of the Central Asian trade union centres."""

import os

# NumPy's OpenBLAS starts a thread per core for a matrix product as small as the search's (a query vector
# against a few thousand article vectors: a fraction of a millisecond on one core), and those threads spin
# for a while after each call. On a 2-core worker they took the cores the next question's encoder needed
# (its OpenMP threads wait for each other at every layer): a 2,000-character question took p50 147 ms
# instead of 107 (bench/search.py --questions). Set here, before anything of Kenes imports NumPy; an
# operator's own setting wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

__version__ = "0.1.0"
