"""The consultant's case list: filters, the rows built in Python (escaped, linked, tagged), the count."""

from __future__ import annotations

import re

from django.utils import timezone

from kenes.desk import casework
from kenes.desk.scope import staff_of

from .conftest import make_case


def _rows(html: str) -> list[str]:
    return re.findall(r"<tr><td><a href=.*?</tr>", html, re.S)


def test_each_row_links_its_case_and_escapes_the_name(client, consultant_a):
    case = make_case(consultant_a, person={"full_name": '<script>alert("x")</script> Ali'})
    client.force_login(consultant_a)
    html = client.get("/desk/").content.decode()
    (row,) = _rows(html)
    assert f'<a href="/desk/cases/{case.pk}/">{case.reference}</a>' in row
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Ali" in row and "<script>" not in row
    # the day as the centre lives it (TIME_ZONE), not in UTC: from 19:00 UTC Almaty is on the next day
    assert f"<td>New</td><td>{timezone.localtime(case.opened_at):%Y-%m-%d}</td>" in row


def test_urgent_cases_and_possible_duplicates_are_tagged_in_the_users_language(client, consultant_a):
    make_case(consultant_a, categories=["trafficking-suspicion"], person={"document_number": "D1"})
    make_case(consultant_a, person={"document_number": "D1", "phone": ""})
    client.force_login(consultant_a)
    html = client.get("/desk/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    rows = _rows(html)
    assert len(rows) == 2
    assert sum('<span class="tag urgent">срочно</span>' in r for r in rows) == 1
    assert sum('<span class="tag">возможный дубль</span>' in r for r in rows) == 1


def test_filters_narrow_the_rows_and_keep_their_choice_selected(client, consultant_a):
    staff = staff_of(consultant_a)
    wages = make_case(consultant_a, person={"document_number": "A1"})
    dismissal = make_case(consultant_a, categories=["dismissal"], person={"document_number": "A2"})
    casework.update_case(staff, dismissal, {"status": "in-progress"})
    client.force_login(consultant_a)
    html = client.get("/desk/", {"category": "dismissal"}).content.decode()
    assert dismissal.reference in html and wages.reference not in html
    assert '<option value="dismissal" selected>' in html
    html = client.get("/desk/", {"status": "new"}).content.decode()
    assert wages.reference in html and dismissal.reference not in html
    assert '<option value="new" selected>' in html
    assert "No cases match." in client.get("/desk/", {"status": "closed"}).content.decode()
