"""The kernel: small tables every layer may import (no Django, no import of any other kenes package).

``kenes.kernel.countries`` is the one country table. The rights library, lex and the apps all read it.
"""
