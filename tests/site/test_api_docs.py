"""/api/docs names only files Kenes serves itself (the package's Swagger UI), so it works offline."""

from __future__ import annotations

import json
import re

import pytest
from django.contrib.staticfiles import finders


@pytest.mark.django_db
def test_the_api_docs_load_swagger_ui_from_our_static_files_not_a_cdn(client):
    html = client.get("/api/docs").content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert any(a.endswith("swagger-ui-bundle.js") for a in assets)
    for asset in assets:
        assert asset.startswith("/static/"), asset  # nothing from another host
        assert finders.find(asset.removeprefix("/static/")), f"{asset} is not among our static files"


@pytest.mark.django_db
def test_the_openapi_document_has_no_duplicate_keys_which_swagger_ui_refuses_to_render(client):
    duplicated: list[str] = []

    def no_duplicates(pairs: list[tuple[str, object]]) -> dict:
        keys = [key for key, _value in pairs]
        duplicated.extend(sorted({key for key in keys if keys.count(key) > 1}))
        return dict(pairs)

    json.loads(client.get("/api/openapi.json").content, object_pairs_hook=no_duplicates)
    assert duplicated == []
