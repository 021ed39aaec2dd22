"""The 503 for a missing index tells the public what is wrong, not where the server keeps its files; the
path goes to the log for the operator."""

from __future__ import annotations

import logging

import pytest
from django.test import Client


@pytest.mark.django_db
def test_the_503_body_has_no_server_path_and_the_log_has_it(index_dir, caplog):
    with caplog.at_level(logging.ERROR, logger="kenes.search"):
        response = Client().get("/api/search", {"q": "работа"})
    assert response.status_code == 503
    error = response.json()["error"]
    assert error["code"] == "no-index"
    assert str(index_dir) not in response.content.decode() and "/" not in error["message"].replace("`", "")
    assert str(index_dir) in caplog.text
