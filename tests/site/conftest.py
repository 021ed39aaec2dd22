from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _plain_static(settings):
    """Static files under their plain names: the hashed-name storage needs collectstatic's manifest."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
