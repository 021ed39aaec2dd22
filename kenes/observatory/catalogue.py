"""Indicators Kenes knows by code: name, unit and definition for the files of ``../shared/corpus/stats``.

A file naming an indicator listed here needs no metadata of its own; names and units are marked for
translation so pages label them in the interface language. Definitions follow the sources' metadata
(ILOSTAT concepts, UN DESA, World Bank WDI), summarised.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_noop as _


@dataclass(frozen=True)
class KnownIndicator:
    code: str
    name: str
    unit: str
    definition: str


KNOWN: dict[str, KnownIndicator] = {
    k.code: k
    for k in [
        KnownIndicator(
            "ear_inee_noc_nb",
            _("Statutory minimum wage"),
            _("local currency per month"),
            "ILOSTAT EAR_INEE: statutory nominal gross monthly minimum wage, local currency.",
        ),
        KnownIndicator(
            "ear_inee_cur_nb",
            _("Statutory minimum wage by currency"),
            _("currency per month"),
            "ILOSTAT EAR_INEE by currency: local currency, U.S. dollars, PPP international dollars.",
        ),
        KnownIndicator(
            "ear_emta_sex_cur_nb",
            _("Mean monthly earnings of employees"),
            _("currency per month"),
            "ILOSTAT EAR_EMTA: average (mean) monthly earnings of employees, both sexes, by currency. "
            "A mean, not a median.",
        ),
        KnownIndicator(
            "ear_emta_sex_nb",
            _("Mean monthly earnings of employees (local currency)"),
            _("local currency per month"),
            "ILOSTAT EAR_EMTA, local currency only; sparser than the series by currency.",
        ),
        KnownIndicator(
            "ear_median_lcu",
            _("Median monthly earnings of employees"),
            _("local currency per month"),
            "Median monthly earnings of employees, local currency (national statistics; no ILOSTAT file in "
            "the corpus has a median).",
        ),
        KnownIndicator(
            "fp_cpi_totl",
            _("Consumer price index"),
            _("index"),
            "Consumer prices, an index (World Bank WDI FP.CPI.TOTL, 2010 = 100, or a national index).",
        ),
        KnownIndicator(
            "str_tstr_eco_nb",
            _("Strikes and lockouts"),
            _("number"),
            "ILOSTAT STR_TSTR: number of strikes and lockouts; the *_total breakdowns are the same "
            "all-economy total under different classifications and must not be added.",
        ),
        KnownIndicator(
            "str_work_eco_nb",
            _("Workers involved in strikes and lockouts"),
            _("thousands"),
            "ILOSTAT STR_WORK: workers involved in strikes and lockouts, thousands.",
        ),
        KnownIndicator(
            "str_days_eco_nb",
            _("Days not worked due to strikes and lockouts"),
            _("days"),
            "ILOSTAT STR_DAYS: days not worked due to strikes and lockouts.",
        ),
        KnownIndicator(
            "ilr_tumt_noc_rt",
            _("Trade union density rate"),
            _("%"),
            "ILOSTAT ILR_TUMT: union members as a share of employees.",
        ),
        KnownIndicator(
            "ilr_cbct_noc_rt",
            _("Collective bargaining coverage rate"),
            _("%"),
            "ILOSTAT ILR_CBCT: employees covered by collective agreements as a share of employees.",
        ),
        KnownIndicator(
            "lai_inde_noc_rt",
            _("Labour inspectors per 10,000 employed"),
            _("per 10,000 employed"),
            "ILOSTAT LAI_INDE: labour inspectors per 10,000 employed persons.",
        ),
        KnownIndicator(
            "sdg_f881_sex_mig_rt",
            _("Fatal occupational injuries per 100,000 workers"),
            _("per 100,000 workers"),
            "ILOSTAT SDG 8.8.1: fatal occupational injuries per 100,000 workers, by migrant status.",
        ),
        KnownIndicator(
            "mna_oemp_sex_cds_nb",
            _("Outflow of nationals for employment"),
            _("thousands"),
            "ILOSTAT MNA_OEMP: nationals leaving for employment abroad, by country of destination, "
            "thousands; the reporting country is the origin.",
        ),
        KnownIndicator(
            "une_deap_sex_age_rt",
            _("Unemployment rate"),
            _("%"),
            "ILOSTAT UNE_DEAP: unemployment rate, ages 15+, national sources (not modelled estimates).",
        ),
        KnownIndicator(
            "emp_nifl_sex_rt",
            _("Informal employment rate"),
            _("percent of employment"),
            "ILOSTAT EMP_NIFL: informal employment as a share of total employment (previous ILO definition).",
        ),
        KnownIndicator(
            "migrant_stock",
            _("International migrant stock"),
            _("persons"),
            "UN DESA International Migrant Stock 2020: persons born in the origin country living in the "
            "destination country at mid-year.",
        ),
        KnownIndicator(
            "remit_gdp",
            _("Personal remittances received"),
            _("percent of GDP"),
            "World Bank WDI BX.TRF.PWKR.DT.GD.ZS: personal remittances received, % of GDP.",
        ),
        KnownIndicator(
            "rus_gdp_growth",
            _("GDP growth"),
            _("percent a year"),
            "Annual GDP growth of the Russian Federation, as carried in the World Bank remittances panel.",
        ),
        KnownIndicator(
            "rub_depr",
            _("Rouble depreciation"),
            _("percent a year"),
            "Depreciation of the Russian rouble, as carried in the World Bank remittances panel.",
        ),
    ]
}

#: Indicators the minimum wage monitor reads, by role.
MINIMUM_WAGE = "ear_inee_noc_nb"
MEAN_EARNINGS = "ear_emta_sex_cur_nb"
MEDIAN_EARNINGS = "ear_median_lcu"
LOCAL_CURRENCY = "cur_type_lcu"
#: Consumer prices (an index), used for real values when a file brings it; none of the corpus files does.
CONSUMER_PRICES = "fp_cpi_totl"
