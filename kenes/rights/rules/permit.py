"""Work permission: does a citizen of X need a permit to work in Y, and which one?

EAEU workers need none in another member state (EAEU Treaty art. 97, not in our corpus, so such answers
go to an advisory centre). In Kazakhstan, a foreigner staying temporarily may be hired only once the
employer holds a permit to attract foreign labour, or the worker a certificate for self-employment or a
labour-immigrant permit (Labour Code art. 26 para 1 point 4); which one depends on the kind of work
(Law on migration, arts. 37-1, 37-2, 37-3, 41, 43-2).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from kenes.rights import basis, countries
from kenes.rights.answer import Context
from kenes.rights.i18n import _, gettext_noop
from kenes.rights.rule import CITIZENSHIP, COUNTRY, DATE, declare, out


@dataclass(frozen=True)
class Permit:
    code: str
    name_ru: str
    name_en: str
    holder: str  # who must obtain it: employer | worker
    issued_by: str  # English, marked for translation: the answer field stays English, the trace does not
    how: str  # likewise


#: Kazakhstan: the document that makes each kind of work by a temporarily staying foreigner lawful.
KZ_PERMITS: dict[str, Permit] = {
    "employer": Permit(
        "employer_permit",
        "разрешение работодателю на привлечение иностранной рабочей силы",
        gettext_noop("employer's permit to attract foreign labour"),
        "employer",
        gettext_noop("local executive body (akimat), within the quota"),
        gettext_noop(
            "The employer obtains it before the employment contract is signed; it cannot pass to another "
            "employer."
        ),
    ),
    "self_employed": Permit(
        "self_employment_certificate",
        "справка о соответствии квалификации для самостоятельного трудоустройства",
        gettext_noop("certificate of qualification for self-employment"),
        "worker",
        gettext_noop("local executive body"),
        gettext_noop(
            "Only for professions in demand in priority sectors; issued for up to three months and extended "
            "for the term of the employment contract, at most three years."
        ),
    ),
    "domestic": Permit(
        "labour_immigrant_permit",
        "разрешение трудовому иммигранту",
        gettext_noop("labour-immigrant permit (domestic work for private persons)"),
        "worker",
        gettext_noop("internal affairs bodies"),
        gettext_noop(
            "For domestic work for private persons only; the person must be a citizen of a country with a "
            "visa-free agreement allowing at least three months' stay; issued for one to twelve months."
        ),
    ),
    "seasonal": Permit(
        "seasonal_employer_permit",
        "разрешение работодателю на привлечение иностранной рабочей силы (сезонные работы)",
        gettext_noop("employer's permit to attract seasonal foreign workers"),
        "employer",
        gettext_noop("local executive body, within the quota (or as an international treaty provides)"),
        gettext_noop("For seasonal work of at most one year in the listed occupations."),
    ),
    "intra_corporate": Permit(
        "intra_corporate_transfer_permit",
        "разрешение на привлечение иностранной рабочей силы в рамках внутрикорпоративного перевода",
        gettext_noop("permit to attract foreign labour for an intra-corporate transfer"),
        "employer",
        gettext_noop("local executive body"),
        gettext_noop(
            "For managers and specialists transferred within a company, for the contract term but at most "
            "three years (plus one)."
        ),
    ),
}

INPUTS: dict[str, Any] = {
    "type": "object",
    "required": ["host", "citizenship"],
    "properties": {
        "host": {**COUNTRY, "description": "Country where the person wants to work"},
        "citizenship": CITIZENSHIP,
        "on": {**DATE, "description": "Date the question is about (default: today)"},
        "residence": {
            "type": "string",
            "enum": ["temporary", "permanent"],
            "default": "temporary",
            "description": "Temporary stay, or a permanent residence permit (вид на жительство)",
        },
        "work": {
            "type": "string",
            "enum": list(KZ_PERMITS),
            "default": "employer",
            "description": "Kind of work: for an employer, self-employment in a profession in demand, "
            "domestic work for a private person, seasonal work, intra-corporate transfer",
        },
    },
}

OUTPUTS: dict[str, Any] = {
    "host": out("string", "Host country", null=False),
    "citizenship": out("string", "The person's citizenship", null=False),
    "on": out("string", "Date of the answer", format="date", null=False),
    "eaeu_worker": out("boolean", "Both countries are EAEU members (null if unknown)"),
    "permit_required": out("boolean", "Whether a permit is needed to work (null: we cannot say)"),
    "permit": out("string", "Code of the permit needed"),
    "permit_name": out("string", "Its name in the host country's law"),
    "permit_name_en": out("string", "Its name in English"),
    "obtained_by": out("string", "Who must obtain it: employer or worker"),
    "issued_by": out("string", "The authority that issues it"),
}


def compute(s: dict[str, Any], ctx: Context) -> dict[str, Any]:
    on: dt.date = s["on"] or ctx.today
    host, citizen = s["host"], s["citizenship"]
    result: dict[str, Any] = dict.fromkeys(OUTPUTS)
    result.update(host=host, citizenship=citizen, on=on)
    reason = _("A citizen of {country} needs no permit to work in their own country.")
    if countries.at_home(ctx, s, result, "permit_required", reason):
        return result

    members = ctx.optional_param("eaeu", "members", on)
    if members is not None:
        result["eaeu_worker"] = host in members.value and citizen in members.value
    if result["eaeu_worker"]:
        exempt = ctx.value("eaeu", "work_permit_exempt", on)
        ctx.cite_for("eaeu", "workers_need_no_permit")
        result["permit_required"] = None if exempt is None else not exempt
        ctx.explain(
            _(
                "{citizenship} and {host} are both EAEU members: a worker from one member state needs no "
                "permit to work in another (EAEU Treaty, art. 97 — its text is not in our corpus)."
            ).format(citizenship=countries.name(citizen), host=countries.name(host))
        )
        return result

    if not basis.covers(host, "permit"):
        country = countries.name(host)
        ctx.refer(
            _("We hold no rules on work permits in {country}; ask an advisory centre.").format(
                country=country
            )
        )
        ctx.explain(_("No work-permit rules for {country} are recorded.").format(country=country))
        return result

    ctx.cite_for(host, "hiring_needs_permit")
    if s["residence"] == "permanent":
        result["permit_required"] = False
        ctx.explain(
            _(
                "The Labour Code requires a permit (or certificate) before hiring a foreigner who is staying "
                "temporarily (art. 26 para 1 point 4); a holder of a permanent residence permit is not "
                "staying temporarily, so no permit is needed."
            )
        )
        return result

    permit = KZ_PERMITS[s["work"]]
    ctx.cite_for(host, f"permit.{s['work']}")
    result.update(
        permit_required=True,
        permit=permit.code,
        permit_name=permit.name_ru,
        permit_name_en=permit.name_en,
        obtained_by=permit.holder,
        issued_by=permit.issued_by,
    )
    ctx.explain(
        _(
            "A citizen of {country} staying temporarily in Kazakhstan may not be hired before the permit "
            "for that work is obtained (art. 26 para 1 point 4 of the Labour Code)."
        ).format(country=countries.name(citizen))
    )
    # The name in the reader's language, and in the wording of the law unless that is the same thing.
    name = _(permit.name_en)
    if not name.startswith(permit.name_ru):
        name = f"{name} ({permit.name_ru})"
    if permit.holder == "employer":
        which = _("For this kind of work it is the {name}, obtained by the employer from the {issuer}.")
    else:
        which = _("For this kind of work it is the {name}, obtained by the worker from the {issuer}.")
    which = which.format(name=name, issuer=_(permit.issued_by))
    ctx.explain(f"{which} {_(permit.how)}")
    ctx.cite_for(host, "working_without_permit")
    if not ctx.cite_for(host, f"hiring_without_permit.{s['work']}"):
        ctx.cite_for(host, "hiring_without_permit")
    ctx.explain(
        _(
            "Working without it is an administrative offence of the worker (fine, arrest or expulsion: art. "
            "517 part 5 of the Code of Administrative Offences), and hiring without it one of the employer "
            "(art. 519)."
        )
    )
    return result


RULE = declare(
    __name__,
    name="permit",
    title="Work permission",
    description=(
        "Does a citizen of one country need a permit to work in another, and which one: none for EAEU "
        "workers in another member state; in Kazakhstan, the permit that fits the kind of work."
    ),
    heading=gettext_noop("Work permit"),
    question=gettext_noop("Do I need a permit to work in this country, and which one?"),
    quantities=(
        "members",
        "work_permit_exempt",
    ),
    example={"host": "kz", "citizenship": "uz", "work": "employer"},
)
