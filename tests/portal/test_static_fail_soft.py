"""Pages render when collectstatic has not collected a file yet: the file gets its plain URL (and 404s until
collected) instead of every page answering 500; collected files keep their hashed names."""

from __future__ import annotations

import json

import pytest

FORGIVING = "kenes.site.storage.ForgivingManifestStaticFilesStorage"
STRICT = "whitenoise.storage.CompressedManifestStaticFilesStorage"


def _storage(settings, tmp_path, backend: str) -> None:
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATIC_ROOT.mkdir()
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": backend}}


@pytest.mark.django_db
def test_without_collectstatic_the_pages_render_with_plain_static_urls(
    client, settings, tmp_path, caplog, monkeypatch
):
    from kenes.site.storage import ForgivingManifestStaticFilesStorage

    monkeypatch.setattr(ForgivingManifestStaticFilesStorage, "_warned", set())  # it warns once per process
    _storage(settings, tmp_path, FORGIVING)
    response = client.get("/")
    assert response.status_code == 200
    assert 'src="/static/site/kenes.js"' in response.content.decode()
    assert "collectstatic" in caplog.text


@pytest.mark.django_db
def test_the_strict_storage_is_what_failed_every_page(client, settings, tmp_path):
    _storage(settings, tmp_path, STRICT)
    with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
        client.get("/")


@pytest.mark.django_db
def test_a_collected_file_keeps_its_hashed_name(client, settings, tmp_path):
    _storage(settings, tmp_path, FORGIVING)
    manifest = {"paths": {"site/kenes.js": "site/kenes.0123456789ab.js"}, "version": "1.1", "hash": "x"}
    (settings.STATIC_ROOT / "staticfiles.json").write_text(json.dumps(manifest), encoding="utf-8")
    page = client.get("/").content.decode()
    assert 'src="/static/site/kenes.0123456789ab.js"' in page
