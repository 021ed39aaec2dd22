"""Data for the observatory tests, built in code: statistics files written to a temporary folder, disputes,
competitions. The real statistics of ../shared/corpus/stats are read by the tests marked ``corpus``."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from kenes.observatory.importing import SourceInfo, import_stats


@pytest.fixture(autouse=True)
def _plain_static(settings):
    """Static files under their plain names: the hashed-name storage needs collectstatic's manifest."""
    settings.STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def write_csv(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text.strip() + "\n", encoding="utf-8")
    return path


def load(path: Path, source: str = "Test source", dated: dt.date | None = dt.date(2026, 2, 14), **kw):
    return import_stats(path, SourceInfo(source, dated), **kw)


@pytest.fixture
def wages(tmp_path, db):
    """Minimum and mean wages for Mongolia and Kyrgyzstan in the house format, plus a median for Mongolia."""
    path = write_csv(
        tmp_path,
        "wages.csv",
        """
indicator,country,breakdown,period,value,notes
ear_inee_noc_nb,mn,,2022,420000,
ear_inee_noc_nb,mn,,2023,550000,
ear_inee_noc_nb,kg,,2023,2000,
ear_emta_sex_cur_nb,mn,cur_type_lcu,2022,1450000,
ear_emta_sex_cur_nb,mn,cur_type_lcu,2023,1650000,
ear_emta_sex_cur_nb,mn,cur_type_usd,2023,490,
ear_median_lcu,mn,,2023,1100000,a test median
""",
    )
    load(path)
    return path


D = Decimal
