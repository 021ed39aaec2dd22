"""The sources that unverified parameters wait for, marked for translation.

An advisory reason quotes the ``source_needed`` of a parameter file ("the law that would settle it"), so a
reader in Kazakh or Russian needs it in their language too. YAML is not scanned by ``makemessages``; this
list puts each text into the catalogues, and a test checks that every ``source_needed`` in
``kenes/quantities/`` is here word for word (edit both together).
"""

from __future__ import annotations

from kenes.rights.i18n import gettext_noop

SOURCES = (
    gettext_noop(
        "Treaty on the Eurasian Economic Union of 29.05.2014 (in force 01.01.2015); not in our corpus."
    ),
    gettext_noop(
        "Treaty on the accession of the Republic of Armenia to the EAEU Treaty of 10.10.2014 (in "
        "force 02.01.2015); not in our corpus."
    ),
    gettext_noop(
        "Treaty on the accession of the Kyrgyz Republic to the EAEU Treaty of 23.12.2014 (in force "
        "12.08.2015); not in our corpus."
    ),
    gettext_noop(
        "Treaty on the Eurasian Economic Union of 29.05.2014, art. 97 (the paragraph exempting "
        "citizens of a member state from registration for 30 days from entry); not in our corpus."
    ),
    gettext_noop(
        "Treaty on the Eurasian Economic Union of 29.05.2014, art. 97 (para 1 on work without a "
        "permit in the state of employment); not in our corpus."
    ),
    gettext_noop(
        'The wording of art. 6 para 4 of the Law "On migration of the population" in force before 27.09.2025.'
    ),
    gettext_noop(
        "The rules for calculating the average wage (order of the authorised state body for "
        "labour, issued under art. 114 para 3 of the Labour Code), which set how unused leave days "
        "are counted for an incomplete working year; not in our corpus."
    ),
    gettext_noop(
        "Bureau of National Statistics (stat.gov.kz), survey of wages by occupation, 2024 — median wage."
    ),
    gettext_noop(
        "Bureau of National Statistics (stat.gov.kz), survey of wages by occupation, 2025 — median wage."
    ),
    gettext_noop("Bureau of National Statistics (stat.gov.kz) — median wage for 2026, not yet known to us."),
    gettext_noop(
        "Law of the Republic of Kazakhstan on the republican budget for 2022–2024 (the article "
        "setting the minimum wage from 01.01.2022)."
    ),
    gettext_noop(
        "Law of the Republic of Kazakhstan on the republican budget for 2023–2025 (the article "
        "setting the minimum wage from 01.01.2023)."
    ),
    gettext_noop(
        "Law of the Republic of Kazakhstan on the republican budget for 2024–2026 (the article "
        "setting the minimum wage from 01.01.2024)."
    ),
    gettext_noop(
        "Law of the Republic of Kazakhstan on the republican budget for 2025–2027 (the article "
        "setting the minimum wage from 01.01.2025)."
    ),
    gettext_noop(
        "Law of the Republic of Kazakhstan of 08.12.2025 on the republican budget for 2026–2028 "
        "(the article setting the minimum wage from 01.01.2026)."
    ),
    gettext_noop(
        'The wording of art. 6 para 5 of the Law "On migration of the population" in force before 27.09.2025.'
    ),
    gettext_noop(
        'The wording of art. 6 para 5 of the Law "On migration of the population" in force before '
        "27.09.2025; our corpus holds only the current edition, and the registration rules changed "
        "several times."
    ),
    gettext_noop(
        "The agreement that sets the other order for EAEU citizens: the Treaty on the Eurasian "
        "Economic Union of 29.05.2014 (art. 97 for workers and their families) and/or bilateral "
        "agreements on the stay of citizens; none of them is in our corpus."
    ),
    gettext_noop(
        'The wording of art. 6 para 4 of the Law "On migration of the population" in force before '
        "27.09.2025; the 90-in-180 rule was probably introduced by Law No. 292-VI of 27.12.2019 "
        "(its art. 2 sets the date it took effect). Our corpus holds only the current edition."
    ),
    gettext_noop(
        'The wording of art. 6 para 4 of the Law "On migration of the population" in force before '
        "27.09.2025 (see kz/stay_limit_days)."
    ),
    gettext_noop(
        "Federal Law of the Russian Federation setting the МРОТ from 01.01.2026 (signed in "
        "November 2025); not in our corpus."
    ),
    gettext_noop(
        'Federal Law of 25.07.2002 No. 115-FZ "On the legal status of foreign citizens in the '
        'Russian Federation", art. 5 para 1, in the edition in force on the date asked; not in our '
        "corpus."
    ),
    gettext_noop(
        "Federal Law of 25.07.2002 No. 115-FZ, art. 5 para 1, in the edition in force on the date "
        "asked; not in our corpus."
    ),
)
