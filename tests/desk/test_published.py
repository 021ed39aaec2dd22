"""The desk's figures on the public observatory page: every centre counted, suppressed, nothing of a case.

Real cases (encrypted, audited) through the desk's own writes; the page is read as an anonymous visitor.
"""

from __future__ import annotations

import re

import pytest

from kenes.desk import casework, consents, published, referrals
from kenes.desk.scope import published_statistics_cases, staff_of

from .conftest import make_case, make_staff

PAGE = "/observatory/desk/"


def _open(user, n: int, statistics: bool = True, **overrides) -> list:
    staff = staff_of(user)
    out = []
    for i in range(n):
        case = make_case(
            user,
            person={
                "full_name": f"Secret Person {user.username}-{i}",
                "document_number": f"DOC{user.username}{i}",
                "phone": "",
                "citizenship": overrides.get("citizenship", "uz"),
            },
            host_country=overrides.get("host_country", "kz"),
            categories=overrides.get("categories", ["unpaid-wages"]),
        )
        if statistics:
            consents.record_consent(staff, case, "statistics", "oral")
        out.append(case)
    return out


def _rows(html: str, table_id: str) -> dict[str, str]:
    """{row label: shown cell} of one table on the page."""
    body = html.split(f'id="{table_id}"', 1)[1].split("</table>", 1)[0]
    return dict(re.findall(r'<tr><th scope="row">([^<]*)</th><td class="[^"]*">([^<]*)</td></tr>', body))


@pytest.fixture
def figures(consultant_a, consultant_b):
    """15 cases uz→kz in centre A and 3 tj→kz in centre B with statistics consent; 4 more without."""
    wages = _open(consultant_a, 12)
    _open(consultant_a, 3, categories=["unpaid-wages", "documents-confiscated"])
    _open(consultant_b, 3, citizenship="tj", categories=["dismissal"])
    _open(consultant_a, 4, statistics=False, categories=["trafficking-suspicion"])
    staff = staff_of(consultant_a)
    for case in wages[:10]:
        casework.update_case(staff, case, {"outcome": "advice-only"})
    casework.update_case(staff, wages[10], {"outcome": "court"})
    return wages


def test_the_observatory_page_shows_the_desks_counts_of_every_centre_rounded_to_five(client, figures):
    html = client.get(PAGE).content.decode()
    assert "does not publish figures here yet" not in html
    categories = _rows(html, "desk-categories")
    assert categories["Unpaid wages"] == "15"  # 12 + 3, both centres' staff write the same rule
    assert categories["Document confiscation"] == published.HIDDEN  # 3
    assert categories["Dismissal"] == published.HIDDEN  # 3, centre B
    months = _rows(html, "desk-months")
    assert months["Total"] == "20"  # 18 cases counted, rounded
    outcomes = _rows(html, "desk-outcomes")
    assert outcomes["Advice only"] == "10" and outcomes["Court"] == published.HIDDEN
    assert "Source: cases of the advisory centres" in html


def test_small_cells_are_hidden_zeros_included_and_a_lone_hidden_corridor_takes_a_second_with_it(
    client, figures
):
    html = client.get(PAGE).content.decode()
    categories = _rows(html, "desk-categories")
    # four uncounted cases (no consent) with trafficking suspicion: the row reads as hidden, not as a number
    assert categories["Suspicion of trafficking"] == published.HIDDEN
    assert categories["Injury at work"] == published.HIDDEN  # no case at all: hidden like any small count
    corridors = _rows(html, "desk-corridors")
    # tj→kz (3) is hidden; kz's column would give it away from uz→kz (15), so that one is hidden too
    assert corridors == {"Tajikistan → Kazakhstan": published.HIDDEN, "Uzbekistan → Kazakhstan": "≤7"}


def test_suppression_holds_in_the_files_the_page_offers_too(client, figures):
    response = client.get(PAGE, {"download": "desk-corridors", "format": "csv"})
    text = response.content.decode()
    assert response.status_code == 200 and "15" not in text and "3" not in text.split("Source")[0]
    categories = client.get(PAGE, {"download": "desk-categories", "format": "csv"}).content.decode()
    assert "Unpaid wages,15" in categories and "Dismissal,≤7" in categories


def test_the_public_page_holds_nothing_of_a_case_or_a_centre(client, figures, org_a, org_b):
    html = client.get(PAGE).content.decode()
    secrets = [
        "Secret Person",
        "DOCcons_a",
        org_a.name,
        org_b.name,
        *(case.reference for case in figures),
        *(str(case.pk) for case in figures),
    ]
    assert [s for s in secrets if s in html] == []


def test_withdrawing_the_statistics_consent_takes_a_case_out_of_the_figures(consultant_a):
    (case,) = _open(consultant_a, 1)
    assert published_statistics_cases().count() == 1
    consent = case.consents.get(kind="statistics")
    consents.withdraw_consent(staff_of(consultant_a), consent)
    assert published_statistics_cases().count() == 0


def test_a_referred_person_is_counted_once_not_by_both_centres(consultant_a, org_b):
    sender = staff_of(consultant_a)
    (case,) = _open(consultant_a, 1)
    consents.record_consent(sender, case, "share", "written", partner=org_b)
    referral = referrals.send(sender, case, org_b)
    receiver = staff_of(make_staff(org_b, "consultant"))
    copy = referrals.accept(receiver, referral)
    consents.record_consent(receiver, copy, "statistics", "oral")
    assert list(published_statistics_cases()) == [case]


def test_a_desk_with_no_counted_case_says_no_data(client, consultant_a):
    _open(consultant_a, 2, statistics=False)
    html = client.get(PAGE).content.decode()
    assert published.tables() == []
    assert '<p class="nodata">no data</p>' in html
    assert "does not publish figures here yet" not in html and "<table" not in html


def test_the_figures_read_in_russian_with_country_names(client, figures):
    html = client.get(PAGE, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Дела по проблемам" in html and "Таджикистан → Казахстан" in html
