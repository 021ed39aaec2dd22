"""Country codes a situation may name: ISO 3166-1 alpha-2, lower case, plus ``stateless`` for a person.

A code outside this list is a typing error and gets a clear message; a real country for which we hold no
rules is a valid question whose answer is "ask an advisory centre".
"""

from __future__ import annotations

from kenes.rights.i18n import _, gettext_noop

ISO_3166_ALPHA2 = frozenset(
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

#: Not a country: the status of a person no state recognises as its citizen (лицо без гражданства).
STATELESS = "stateless"

#: Names for explanations (translated where shown); other codes are shown as the code itself.
NAMES = {
    "am": gettext_noop("Armenia"),
    "az": gettext_noop("Azerbaijan"),
    "by": gettext_noop("Belarus"),
    "cn": gettext_noop("China"),
    "ge": gettext_noop("Georgia"),
    "kg": gettext_noop("Kyrgyzstan"),
    "kz": gettext_noop("Kazakhstan"),
    "md": gettext_noop("Moldova"),
    "mn": gettext_noop("Mongolia"),
    "ru": gettext_noop("Russia"),
    "tj": gettext_noop("Tajikistan"),
    "tm": gettext_noop("Turkmenistan"),
    "tr": gettext_noop("Turkey"),
    "ua": gettext_noop("Ukraine"),
    "uz": gettext_noop("Uzbekistan"),
    STATELESS: gettext_noop("no citizenship (stateless)"),
}


def name(code: str) -> str:
    """The country's name in the current language (nominative: sentences are worded around it)."""
    return _(NAMES[code]) if code in NAMES else code.upper()
