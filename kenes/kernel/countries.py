"""The one country table: codes, English names, and the groups the pages and the rights checks offer.

Codes are ISO 3166-1 alpha-2 in lower case, which are also the AKN jurisdiction codes of countries. Names
are English and double as gettext message ids: each app that shows a name translates it with its own
catalogue (``gettext_lazy(country.name)`` in Django, ``kenes.rights.i18n._`` in the rights library), so a
new country adds its name to those catalogues too. No Django here: the rights library imports this module.

>>> BY_CODE["kz"].name
'Kazakhstan'
>>> [code for code in COVERED if code not in BY_CODE]
[]
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Country:
    code: str
    name: str


#: The countries a person in the region is likely to come from or go to, in the order a list offers them.
COUNTRIES: tuple[Country, ...] = (
    Country("kz", "Kazakhstan"),
    Country("kg", "Kyrgyzstan"),
    Country("uz", "Uzbekistan"),
    Country("tj", "Tajikistan"),
    Country("tm", "Turkmenistan"),
    Country("ru", "Russia"),
    Country("by", "Belarus"),
    Country("am", "Armenia"),
    Country("az", "Azerbaijan"),
    Country("ge", "Georgia"),
    Country("mn", "Mongolia"),
    Country("cn", "China"),
    Country("tr", "Turkey"),
    Country("ua", "Ukraine"),
    Country("md", "Moldova"),
    Country("af", "Afghanistan"),
    Country("in", "India"),
    Country("pk", "Pakistan"),
)

BY_CODE: dict[str, Country] = {c.code: c for c in COUNTRIES}

#: The eight countries whose law Kenes holds, in the order the portal's tables show them.
COVERED: tuple[str, ...] = ("kz", "kg", "tj", "uz", "tm", "az", "mn", "ru")

#: Where the rights checks answer about a stay or work: the region's destinations and the EAEU members.
HOSTS: tuple[str, ...] = ("kz", "ru", "kg", "uz", "tj", "by", "am")

#: Every ISO 3166-1 alpha-2 code, lower case: a code outside it is a typing error.
ISO_3166_ALPHA2: frozenset[str] = frozenset(
    """
    ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bl bm bn bo bq br bs bt bv
    bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg eh er es
    et fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie
    il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly
    ma mc md me mf mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu
    nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sj sk sl sm
    sn so sr ss st sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug um us uy uz va vc ve
    vg vi vn vu wf ws ye yt za zm zw
    """.split()  # noqa: SIM905 - a block of codes reads better than 249 quoted strings
)
