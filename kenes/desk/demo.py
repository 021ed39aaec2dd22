"""Demo centres for ``kenes demo``: one in Almaty (KZ), one in Tashkent (UZ), staff, clearly fictitious cases.

Every name is generated and marked "(demo)"; document numbers start with DEMO. The staff password comes from
``KENES_DEMO_PASSWORD`` or is generated and printed once, so no known password ships with Kenes. Running it
again changes nothing that exists.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import secrets

from django.db import transaction
from django.utils import timezone

from . import casework, consents, referrals
from .models import Category, Outcome
from .scope import Staff

CENTRES = (
    (
        "demo-almaty",
        "Demo advisory centre Almaty",
        "kz",
        "Almaty",
        "+7 727 000 00 00 (demo)",
        ["ru", "kk", "uz"],
    ),
    (
        "demo-tashkent",
        "Demo advisory centre Tashkent",
        "uz",
        "Tashkent",
        "+998 71 000 00 00 (demo)",
        ["uz", "ru"],
    ),
)
ROLES = ("consultant", "head", "lawyer", "analyst")
FIRST = ("Aziza", "Bekzod", "Dilshod", "Gulnara", "Jasur", "Malika", "Nodir", "Rustam", "Sevara", "Timur")
LAST = ("Demova", "Primerov", "Testova", "Obraztsov", "Vymyshlenova")


def _person(rng: random.Random, n: int, citizenship: str) -> dict:
    return {
        "full_name": f"{rng.choice(FIRST)} {rng.choice(LAST)} (demo {n:03d})",
        "document_number": f"DEMO{n:06d}",
        "phone": f"+000 {n:07d}",
        "citizenship": citizenship,
        "languages": rng.choice(["ru", "uz,ru", "kk,ru", "tg,ru"]),
    }


@transaction.atomic
def load(cases_per_centre: int = 40, seed: int = 7) -> str:
    from django.contrib.auth import get_user_model

    from kenes.accounts.models import CentreContact, Organisation
    from kenes.accounts.passwords import set_checked_password
    from kenes.accounts.roles import set_membership

    if Organisation.objects.filter(slug=CENTRES[0][0]).exists():
        return "desk demo: present already (nothing changed)"
    password = os.environ.get("KENES_DEMO_PASSWORD") or secrets.token_urlsafe(9)
    rng = random.Random(seed)
    orgs, staff = {}, {}
    for slug, name, country, city, phone, languages in CENTRES:
        org = Organisation.objects.create(slug=slug, name=name, country=country, kind="advisory_centre")
        CentreContact.objects.create(
            organisation=org,
            city=city,
            phone=phone,
            languages=languages,
            hours="Mon–Fri 9–18 (demo)",
            confirmed=False,
        )
        orgs[country] = org
        for role in ROLES:
            user = get_user_model()(username=f"demo-{role}-{country}")
            set_checked_password(user, password)  # a weak KENES_DEMO_PASSWORD is refused, with the reason
            user.save()
            set_membership(user, org, role)
            staff[(country, role)] = Staff(user, org.pk, role, org)
    today = timezone.localdate()
    counter = 0
    for country, origin_pool in (("kz", ["uz", "tj", "kg"]), ("uz", ["uz"])):
        consultant = staff[(country, "consultant")]
        for _ in range(cases_per_centre):
            counter += 1
            categories = rng.sample([c.value for c in Category], k=rng.choice([1, 1, 2]))
            case = casework.open_case(
                consultant,
                casework.Intake(
                    person=_person(rng, counter, rng.choice(origin_pool)),
                    host_country="kz" if country == "kz" else rng.choice(["ru", "kz"]),
                    categories=categories,
                    summary="Fictitious demo case: generated text, no real person.",
                ),
            )
            consents.record_consent(consultant, case, "keep", "oral")
            if rng.random() < 0.8:
                consents.record_consent(consultant, case, "statistics", "oral")
            if rng.random() < 0.3:
                casework.update_case(
                    consultant, case, {"status": "resolved", "outcome": rng.choice(Outcome.values)}
                )
            if rng.random() < 0.2:
                casework.add_follow_up(
                    consultant, case, today - dt.timedelta(days=rng.randint(-5, 10)), "Call back (demo)"
                )
    kz = staff[("kz", "consultant")]
    shared = casework.open_case(
        kz,
        casework.Intake(
            person=_person(rng, counter + 1, "uz"),
            host_country="kz",
            categories=["unpaid-wages"],
            summary="Fictitious demo referral: wages unpaid, person returned home.",
        ),
    )
    consents.record_consent(kz, shared, "share", "written", partner=orgs["uz"])
    referrals.send(kz, shared, orgs["uz"], "Demo referral: please contact after return.")
    return (
        f"desk demo: 2 centres (demo-almaty, demo-tashkent), users demo-<role>-<kz|uz> for roles "
        f"{', '.join(ROLES)}, {counter + 1} fictitious cases; password: "
        + ("from KENES_DEMO_PASSWORD" if os.environ.get("KENES_DEMO_PASSWORD") else password)
    )
