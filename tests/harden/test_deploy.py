"""docs/DEPLOY.md's set-up, checked on this machine by deploy/check_deploy.py (production settings, gunicorn
with deploy/gunicorn.conf.py, nginx with deploy/nginx.conf when installed)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import REPO


def test_the_documented_production_set_up_passes_its_checks():
    env = {**os.environ, "DATABASE_URL": ""}  # a throw-away SQLite; the script is run on PostgreSQL by hand
    done = subprocess.run(
        [sys.executable, "deploy/check_deploy.py", "--without-nginx"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "| manage.py check --deploy" in done.stdout and "no issues" in done.stdout
    if shutil.which("nginx") is None:
        pytest.skip(
            "nginx is not installed (apt-get install nginx-light): only the gunicorn part was checked"
        )
    for check in ("HTTPS page through nginx", "414 under /api/ is JSON", "slow-header clients cut off"):
        assert f"| {check}" in done.stdout
