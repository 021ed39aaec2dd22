"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Chromium comes from the distribution (`apt-get install chromium`, done by scripts/test when missing), never
from `playwright install`, which downloads a browser at test time. Where no Chromium can be found every test
here is skipped with the reason, so a machine without one still runs the rest of the suite.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.test import override_settings

CHROMIUM_CANDIDATES = ("/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


def chromium_path() -> str | None:
    """The distribution's Chromium binary: $KENES_CHROMIUM, else the Debian locations."""
    configured = os.environ.get("KENES_CHROMIUM")
    if configured:
        return configured if Path(configured).exists() else None
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    found = shutil.which("chromium")
    return found


@pytest.fixture(scope="package")
def browser():
    """One Chromium for the tests of this folder, closed after them."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("browser tests need the Python package playwright (pip install -e '.[dev]')")
    executable = chromium_path()
    if executable is None and os.environ.get("KENES_CHROMIUM"):
        pytest.skip(f"browser tests: KENES_CHROMIUM={os.environ['KENES_CHROMIUM']} does not exist")
    if executable is None:
        pytest.skip(
            "browser tests need Chromium: none at "
            + ", ".join(CHROMIUM_CANDIDATES)
            + " (apt-get install chromium, or set KENES_CHROMIUM)"
        )
    # Playwright's sync API keeps an asyncio loop running in this thread (switching to it through greenlets),
    # so Django sees a running loop and refuses ORM calls from fixtures and test bodies with
    # SynchronousOnlyOperation. Those calls are plain synchronous code that never runs while the loop does, so
    # the guard has nothing to protect here; it is lifted only while Playwright runs, and restored after.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=executable, args=CHROMIUM_ARGS, headless=True
            )
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="package", autouse=True)
def _static_from_app_folders() -> Iterator[None]:
    """Serve static files from the apps' folders under their plain names while these tests run.

    The production storage (hashed names from collectstatic's manifest) cannot render a page before
    collectstatic has run, and the live server serves /static/ from the apps' folders, where hashed names do
    not exist. The production path (whitenoise, hashed and compressed files) is exercised through
    `kenes serve` by bench/page_budget.py and bench/screenshots.py.
    """
    with override_settings(
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
    ):
        yield


@pytest.fixture
def context(browser, live_server):
    """A fresh browser profile per test (no cookies carried over), English interface, phone-sized."""
    ctx = browser.new_context(base_url=live_server.url, locale="en-US", viewport=PHONE)
    ctx.set_default_timeout(10_000)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    assert not errors, f"JavaScript errors on the page: {errors}"


@pytest.fixture
def labour_code(transactional_db, settings, tmp_path):
    """The small Labour Code of tests/factories: Russian from 2024 and 2025, English from 2024.

    Its search index (see `searchable`) goes to a folder of the test's own, never the data folder.
    """
    from kenes.lex.importing import import_document
    from kenes.lex.models import Work
    from tests import factories as f

    settings.KENES_SEARCH_INDEX = tmp_path / "search-index"
    settings.KENES_SEARCH_AUTOINDEX = False
    f.jurisdiction("kz")
    f.work(f.LC_URI, title="Трудовой кодекс Республики Казахстан", short_title="ТК РК", work_type="code")
    import_document(f.labour_doc(), work_uri=f.LC_URI, lang="rus", date=f.DAY)
    import_document(
        f.labour_doc("Wages are paid at least once a month."), work_uri=f.LC_URI, lang="eng", date=f.DAY
    )
    import_document(
        f.labour_doc("Заработная плата выплачивается дважды в месяц."),
        work_uri=f.LC_URI,
        lang="rus",
        date=dt.date(2025, 1, 1),
    )
    return Work.objects.get(frbr_uri=f.LC_URI)


@pytest.fixture
def searchable(labour_code):
    """The small Labour Code, indexed for search."""
    from kenes.search.index import rebuild

    rebuild()
    return labour_code
