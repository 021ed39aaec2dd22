"""Static files with hashed names that fail soft at request time.

The manifest storage answers ``{% static %}`` from collectstatic's manifest and raises for a name it lacks.
Every page's base template names ``site/kenes.js``, so a data directory where collectstatic has not run
yet (``kenes demo`` then ``manage.py runserver``, a test client, a deploy that added a file and skipped
collectstatic) answered 500 on every page. Here a missing entry gets the plain URL and a logged warning:
the page renders, and only that file 404s until ``collectstatic`` (which ``kenes serve`` runs) collects it.
collectstatic itself stays strict: its own processing uses another method, so a broken ``url()`` in a
stylesheet still stops it.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from urllib.parse import urlsplit

from django.contrib.staticfiles import finders
from whitenoise.storage import CompressedManifestStaticFilesStorage

log = logging.getLogger("kenes.portal")


@lru_cache(maxsize=256)
def _is_source_file(name: str) -> bool:
    return finders.find(urlsplit(name).path) is not None


class ForgivingManifestStaticFilesStorage(CompressedManifestStaticFilesStorage):
    _warned: set[str] = set()

    def stored_name(self, name: str) -> str:
        try:
            return super().stored_name(name)
        except ValueError as exc:
            # Only a real file that was not collected: whitenoise asks for made-up names (a collected
            # file's name less what looks like a hash) and relies on this error to tell them apart.
            if not _is_source_file(name):
                raise
            if name not in self._warned:  # once per file and process, not on every page
                self._warned.add(name)
                log.warning(
                    "%s; %s is served under its plain name until `manage.py collectstatic`", exc, name
                )
            return name
