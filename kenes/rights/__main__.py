"""``python -m kenes.rights …`` runs the rights CLI without the rest of Kenes."""

import sys

from kenes.rights.cli import main

sys.exit(main())
