"""``kenes stats import``: the corpus formats, idempotence, atomicity, and errors that name the row."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from openpyxl import Workbook

from kenes.cli import main
from kenes.observatory.importing import BadRow
from kenes.observatory.models import Indicator, Series, Source, TreatyStatus, Value
from tests.conftest import corpus_file

from .conftest import load, write_csv

pytestmark = pytest.mark.django_db


def test_an_ilostat_file_imports_with_its_source_and_date(tmp_path):
    path = write_csv(
        tmp_path,
        "ear_inee_noc_nb.csv",
        """
ref_area,time,ear_inee_noc_nb
kaz,2023,70000
kaz,2024,85000
kgz,2024,2534
""",
    )
    result = load(path, "ILOSTAT", dt.date(2026, 2, 14))
    assert (result.format, result.created, result.series) == ("ilostat", 3, 2)
    value = Value.objects.get(series__country="kz", period="2024")
    assert value.value == Decimal("85000")
    assert (value.source.name, value.source.dated) == ("ILOSTAT", dt.date(2026, 2, 14))
    assert Indicator.objects.get(code="ear_inee_noc_nb").unit == "local currency per month"


def test_importing_the_same_file_twice_changes_nothing(tmp_path):
    path = write_csv(tmp_path, "a.csv", "ref_area,time,ilr_tumt_noc_rt\nkaz,2017,46.923\nrus,2017,26.9")
    load(path)
    again = load(path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert Value.objects.count() == 2


def test_a_corrected_value_replaces_the_old_one_and_is_counted_as_updated(tmp_path):
    load(write_csv(tmp_path, "a.csv", "ref_area,time,ilr_tumt_noc_rt\nkaz,2017,46.923"))
    result = load(write_csv(tmp_path, "b.csv", "ref_area,time,ilr_tumt_noc_rt\nkaz,2017,47.1"))
    assert (result.created, result.updated) == (0, 1)
    assert Value.objects.get().value == Decimal("47.1")


def test_a_bad_row_stops_the_import_naming_its_line_and_nothing_is_written(tmp_path):
    path = write_csv(
        tmp_path,
        "bad.csv",
        """
ref_area,time,ilr_tumt_noc_rt
kaz,2015,40
kaz,2016,41
kaz,2017,forty-two
""",
    )
    with pytest.raises(BadRow, match=r"line 4: ilr_tumt_noc_rt: 'forty-two' is not a number"):
        load(path)
    assert Value.objects.count() == 0
    assert Series.objects.count() == 0 and Source.objects.count() == 0


def test_an_unknown_country_is_an_error_not_a_guess(tmp_path):
    path = write_csv(tmp_path, "s.csv", "year,origin,destination,migrant_stock\n2020,Atlantis,Russia,5")
    with pytest.raises(BadRow, match=r"line 2: origin: unknown country 'Atlantis'"):
        load(path)


def test_one_key_twice_with_different_values_is_refused(tmp_path):
    path = write_csv(
        tmp_path,
        "d.csv",
        "indicator,country,period,value\nilr_tumt_noc_rt,kz,2017,1\nilr_tumt_noc_rt,kz,2017,2",
    )
    with pytest.raises(BadRow, match="line 3: .* is 1 on line 2 and 2 here"):
        load(path)


def test_an_indicator_kenes_does_not_know_needs_its_name_and_unit(tmp_path):
    bare = write_csv(tmp_path, "x.csv", "indicator,country,period,value\nnew_thing,kz,2024,3")
    with pytest.raises(BadRow, match="unknown indicator 'new_thing'"):
        load(bare)
    named = write_csv(
        tmp_path,
        "y.csv",
        "indicator,indicator_name,unit,country,period,value\nnew_thing,Permits issued,permits,kz,2024-Q1,3",
    )
    load(named)
    value = Value.objects.get(series__indicator__code="new_thing")
    assert (value.period, value.year, value.series.indicator.unit) == ("2024-Q1", 2024, "permits")


def test_a_header_matching_no_format_is_refused_by_name(tmp_path):
    path = write_csv(tmp_path, "z.csv", "foo,bar\n1,2")
    with pytest.raises(BadRow, match="header 'foo, bar' matches no known statistics format"):
        load(path)


def test_an_xlsx_file_imports_like_its_csv(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["indicator", "country", "period", "value", "notes"])
    sheet.append(["ilr_cbct_noc_rt", "Kazakhstan", 2012, 74.7, "from a workbook"])
    sheet.append(["ilr_cbct_noc_rt", "KAZ", 2011, 65.5, None])
    path = tmp_path / "coverage.xlsx"
    book.save(path)
    result = load(path)
    assert result.created == 2
    value = Value.objects.get(period="2012")
    assert (value.series.country, value.value, value.notes) == ("kz", Decimal("74.7"), "from a workbook")


def test_the_demo_loader_never_puts_back_a_value_an_editor_corrected_from_another_source(tmp_path):
    original = write_csv(tmp_path, "o.csv", "ref_area,time,ilr_tumt_noc_rt\nkaz,2017,46.923\nkaz,2016,40")
    load(original, "ILOSTAT")
    load(write_csv(tmp_path, "fix.csv", "ref_area,time,ilr_tumt_noc_rt\nkaz,2017,47"), "Union survey")
    result = load(original, "ILOSTAT", keep_others=True)
    assert (result.kept, result.unchanged) == (1, 1)
    assert Value.objects.get(period="2017").value == Decimal("47")


def test_the_command_reports_a_bad_row_and_exits_with_an_error(tmp_path, capsys):
    path = write_csv(tmp_path, "bad.csv", "ref_area,time,ilr_tumt_noc_rt\nkaz,20x7,1")
    assert main(["stats", "import", str(path), "--source", "ILOSTAT"]) == 2
    err = capsys.readouterr().err
    assert "line 2: period '20x7' is not a year" in err and "nothing was written" in err


def test_the_command_imports_a_file_or_the_corpus_never_both(tmp_path, capsys):
    path = write_csv(tmp_path, "ok.csv", "ref_area,time,ilr_tumt_noc_rt\nkaz,2017,46.923")
    assert main(["stats", "import", str(path)]) == 2  # no --source
    assert main(["stats", "import", str(path), "--corpus", str(tmp_path)]) == 2
    assert "no FILE or --source" in capsys.readouterr().err
    assert main(["stats", "import", "--corpus", str(tmp_path)]) == 1  # no stats/ folder in it
    assert "not in the corpus" in capsys.readouterr().err
    assert Value.objects.count() == 0


@pytest.mark.corpus
def test_the_command_imports_every_statistics_file_of_the_corpus_in_one_run(capsys):
    corpus = corpus_file("stats", "ilostat", "MANIFEST.md").parents[2]
    assert main(["stats", "import", "--corpus", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert "undesa_migrant_stock_2020_central_asia.csv (undesa-stock): 4632 values added" in out
    assert TreatyStatus.objects.count() == 8


@pytest.mark.corpus
def test_every_statistics_file_of_the_corpus_imports_and_a_second_run_changes_nothing(settings):
    from kenes.observatory.demo import import_corpus_stats

    corpus = corpus_file("stats", "ilostat", "MANIFEST.md").parents[2]
    results, failures = import_corpus_stats(corpus)
    assert failures == []
    by_file = {r.file: r for r in results}
    assert by_file["ear_inee_noc_nb.csv"].created == 205  # the MANIFEST's row count
    assert by_file["undesa_migrant_stock_2020_central_asia.csv"].created == 4632
    assert Value.objects.get(
        series__indicator__code="ear_inee_noc_nb", series__country="kz", period="2024"
    ).value
    stock = Value.objects.get(
        series__indicator__code="migrant_stock", series__origin="kz", series__destination="ru", period="2020"
    )
    assert stock.value > 1_000_000
    assert TreatyStatus.objects.get(country="kg").year == 2003
    again, failures = import_corpus_stats(corpus)
    assert failures == [] and sum(r.created + r.updated for r in again) == 0


def test_each_series_knows_its_latest_period_after_every_import(tmp_path):
    load(write_csv(tmp_path, "a.csv", "ref_area,time,ilr_tumt_noc_rt\nkaz,2015,40\nkaz,2017,42"))
    assert Series.objects.get().last_period == "2017"
    load(write_csv(tmp_path, "b.csv", "ref_area,time,ilr_tumt_noc_rt\nkaz,2019,43"))
    assert Series.objects.get().last_period == "2019"
