from kenes.desk import consents, statistics
from kenes.desk.scope import staff_of, statistics_cases_for
from kenes.desk.suppression import rounded, suppress, suppress_two_way

from .conftest import make_case


def test_small_counts_are_hidden_and_others_rounded_to_five():
    cells, total = suppress({"a": 3, "b": 12, "c": 23, "d": 40})
    assert cells["a"] is None
    assert cells["c"] == 25 and cells["d"] == 40
    assert total == 80  # 78 rounded
    assert (rounded(12), rounded(13), rounded(8)) == (10, 15, 10)


def test_a_lone_hidden_cell_takes_a_second_one_with_it_so_the_total_cannot_give_it_away():
    cells, _total = suppress({"a": 5, "b": 12, "c": 30})
    assert cells["a"] is None and cells["b"] is None and cells["c"] == 30


def test_nothing_hidden_means_nothing_extra_hidden():
    cells, _total = suppress({"a": 10, "b": 12})
    assert cells == {"a": 10, "b": 10}


def test_two_way_table_hides_complements_in_rows_and_columns():
    counts = {("uz", "kz"): 3, ("uz", "ru"): 40, ("tj", "kz"): 20, ("tj", "ru"): 50}
    cells, rows, cols = suppress_two_way(counts)
    hidden = {k for k, v in cells.items() if v is None}
    # the 3 is hidden; its row (uz) and column (kz) each need a second hidden cell
    assert ("uz", "kz") in hidden
    for key in counts:
        row = [k for k in counts if k[0] == key[0]]
        col = [k for k in counts if k[1] == key[1]]
        for group in (row, col):
            assert sum(1 for k in group if k in hidden) != 1
    assert rows["uz"] == 45 and cols["kz"] == 25


def test_only_cases_with_statistics_consent_are_counted_and_analysts_get_them(consultant_a, analyst_a):
    staff = staff_of(consultant_a)
    for n in range(10):
        case = make_case(consultant_a, person={"document_number": f"D{n}", "phone": ""})
        if n < 9:
            consents.record_consent(staff, case, "statistics", "oral")
    counted = statistics_cases_for(analyst_a)
    assert counted.count() == 9
    raw = statistics.table(counted, "category", suppressed=False)
    assert raw.rows == [("unpaid-wages", 9)]
    published = statistics.table(counted, "category")
    assert published.rows == [("unpaid-wages", 10)]
    csv_text = statistics.as_csv(counted)
    assert "corridor,uz->kz,10" in csv_text


def test_cells_without_a_published_total_need_no_second_hidden_cell():
    cells, total = suppress({"a": 5, "b": 12, "c": 30}, with_total=False)
    assert cells == {"a": None, "b": 10, "c": 30} and total is None
