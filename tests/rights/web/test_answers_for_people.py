"""What a person sees in an answer: the same answer behind a shared link, no parameter names outside the
technical part, unpaid wages answered with the delay, the penalty and where to complain."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db

UNPAID = "/rights/wage-payment/?month=2026-09&check=1"


def page(client, url: str, lang: str = "en") -> str:
    client.cookies["django_language"] = lang
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def share_link(body: str) -> str:
    return html.unescape(re.search(r'<p class="share"><a href="([^"]+)"', body)[1])


def test_the_share_link_carries_the_check_date_so_another_day_shows_the_same_numbers(client, monkeypatch):
    import datetime as dt

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: dt.date(2026, 12, 7))
    body = page(client, UNPAID)
    link = share_link(body)
    query = parse_qs(urlsplit(link).query)
    assert query["on"] == ["2026-12-07"] and query["month"] == ["2026-09"]
    assert "59 days late" in body
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: dt.date(2027, 1, 20))
    later = page(client, link)
    assert "59 days late" in later and "on 7 December 2026" in later


def test_unpaid_wages_say_how_late_what_is_owed_and_where_to_complain_citing_the_code(client, monkeypatch):
    import datetime as dt

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: dt.date(2026, 12, 7))
    body = page(client, UNPAID, "ru")
    headline = " ".join(re.findall(r'<p class="headline">(.*?)</p>', body, re.S))
    assert "Зарплата за 09.2026" in headline or "09.2026" in headline
    assert "задержка составляет 59 дней" in headline
    assert "1,25" in headline and "1.25" not in headline
    assert "инспекцию труда" in headline and "консультационном центре профсоюза" in headline
    for label in ("п. 3 ст. 113 ТК РК", "ст. 192 ТК РК", "п. 1 ст. 159 ТК РК", "ст. 160 ТК РК"):
        assert label in body


def test_parameter_names_appear_only_in_the_technical_details(client):
    query = "host=kz&citizenship=kg&residence=temporary&work=employer&on=2026-11-23&check=1"
    body = page(client, f"/rights/permit/?{query}")
    technical = re.search(r'<details class="technical">(.*?)</details>', body, re.S)[1]
    assert "eaeu/members" in technical
    outside = body.replace(technical, "")
    assert "eaeu/members" not in outside and "= [" not in outside
