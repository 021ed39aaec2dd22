"""The index as derived data: built from the database, found stale when they differ, never half-written,
kept current after each commit, readable while another writer holds the lock."""

from __future__ import annotations

import datetime as dt

import pytest
import tantivy

from kenes.lex.importing import import_document
from kenes.lex.models import Expression, Provision, Work
from kenes.search import hooks
from kenes.search.index import IndexBusy, IndexMissing, rebuild, stale_works, update_works, writer_session
from kenes.search.service import SearchRequest, search
from tests import factories

from .indexing import C095, LC, OLD_LAW, load_small_library

pytestmark = pytest.mark.django_db
ON = dt.date(2024, 6, 1)


def _entries() -> int:
    from kenes.search.index import open_index

    handle = open_index()
    handle.index.reload()
    return handle.index.searcher().num_docs


def test_one_entry_per_provision_of_each_expression_plus_a_marker_each(library):
    provisions = Provision.objects.count()
    expressions = Expression.objects.count()
    assert _entries() == provisions + expressions


def test_a_fresh_index_is_current_and_an_edit_makes_its_work_stale(library):
    assert stale_works() == set()
    work = Work.objects.get(frbr_uri=C095)
    work.short_title = "C095"
    work.save()
    assert stale_works() == {work.pk}
    assert update_works([]).works == 1
    assert stale_works() == set()


def test_a_missing_index_is_reported_and_everything_is_stale(db, index_dir):
    load_small_library()
    with pytest.raises(IndexMissing, match="kenes reindex"):
        search(SearchRequest("работа"))
    assert stale_works() == set(Work.objects.values_list("pk", flat=True))


def test_a_failure_mid_update_keeps_the_previous_commit(library):
    before = [(h.work, h.eid) for h in search(SearchRequest("сверхурочная работа", date=ON)).hits]
    lc = Work.objects.get(frbr_uri=LC)
    with pytest.raises(RuntimeError), writer_session() as writer:
        writer.delete_work(lc.pk)
        raise RuntimeError("crash between the delete and the re-add")
    assert [(h.work, h.eid) for h in search(SearchRequest("сверхурочная работа", date=ON)).hits] == before


def test_a_busy_writer_is_reported_and_readers_keep_reading(library):
    from kenes.search.index import index_path

    holder = tantivy.Index.open(str(index_path())).writer(heap_size=15_000_000, num_threads=1)
    try:
        with pytest.raises(IndexBusy):
            update_works([1], wait=0.3)
        assert search(SearchRequest("сверхурочная работа", date=ON)).hits
    finally:
        del holder
    assert update_works([]).works == 0


def test_a_deleted_work_leaves_the_index_on_the_next_update(library):
    Work.objects.filter(frbr_uri=OLD_LAW).delete()
    update_works([])
    works = {h.work for h in search(SearchRequest("сверхурочная работа", date=ON, limit=50)).hits}
    assert LC in works and OLD_LAW not in works


def test_an_import_is_indexed_once_its_transaction_commits(
    library, settings, django_capture_on_commit_callbacks
):
    settings.KENES_SEARCH_AUTOINDEX = True
    doc = factories.labour_doc("Заработная плата выплачивается ежемесячно безналичным переводом.")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        import_document(doc, work_uri=LC, lang="rus", date=dt.date(2024, 3, 1))
        assert search(SearchRequest("безналичным", date=ON)).hits == []  # not before the commit
    assert callbacks
    for callback in callbacks:
        callback()
    hits = search(SearchRequest("безналичным", date=ON)).hits
    assert [(h.eid, h.date) for h in hits] == [("art_113__para_1", dt.date(2024, 3, 1))]
    assert stale_works() == set()


def test_the_hook_never_breaks_an_import_when_the_writer_is_busy(library, settings, caplog, monkeypatch):
    from kenes.search.index import index_path

    settings.KENES_SEARCH_AUTOINDEX = True
    monkeypatch.setattr(hooks, "WAIT_SECONDS", 0.2)
    holder = tantivy.Index.open(str(index_path())).writer(heap_size=15_000_000, num_threads=1)
    try:
        hooks.mark(Work.objects.get(frbr_uri=C095).pk)
        hooks.flush()  # what on_commit runs: logs, does not raise
    finally:
        del holder
    assert "stay stale" in caplog.text


def test_rebuild_writes_everything_again_in_one_commit(library):
    count = _entries()
    report = rebuild()
    assert report.entries == count and _entries() == count


def test_a_web_worker_sees_another_process_commit_without_restarting(library):
    """tantivy's reader watches the index: an import in another process shows up within a second or so."""
    import subprocess
    import sys
    import time

    from kenes.search.index import index_path, open_index

    before = open_index().index.searcher().num_docs
    script = (
        "import sys, tantivy\n"
        "ix = tantivy.Index.open(sys.argv[1]); w = ix.writer(15_000_000, 1)\n"
        "w.add_document(tantivy.Document(rec='x', work_id=999999, expr_id=999999, stamp='other process'))\n"
        "w.commit()\n"
    )
    subprocess.run([sys.executable, "-c", script, str(index_path())], check=True)
    deadline = time.monotonic() + 5
    while open_index().index.searcher().num_docs == before and time.monotonic() < deadline:
        time.sleep(0.1)
    assert open_index().index.searcher().num_docs == before + 1


def test_the_priors_codes_pack_into_one_number_and_back():
    from kenes.search.schema import FAR_FUTURE, pack_priors, unpack_priors

    far, day = FAR_FUTURE.toordinal(), dt.date(2016, 1, 1).toordinal()
    for codes in [(1, 3, 0, 0, far), (5, 9, 1, day, day + 3000)]:
        named = dict(zip(("type_code", "kind_code", "sanction", "commenced", "repealed"), codes, strict=True))
        assert unpack_priors(pack_priors(**named)) == codes
    with pytest.raises(ValueError, match="repealed"):
        never = dt.date(9999, 12, 31).toordinal()
        pack_priors(type_code=1, kind_code=1, sanction=0, commenced=0, repealed=never)


def test_a_work_repealed_in_9999_is_indexed_as_never_repealed(index_dir):
    """A date typed for "never" is past what the packed priors hold: it is FAR_FUTURE, not an error."""
    from kenes.lex.tree import Document, assign_eids

    uri = "/akn/kz/act/law/2001-01-01/9"
    doc = Document(
        title="О труде",
        lang="rus",
        body=[factories.article("1", "Отпуск", "Работнику предоставляется ежегодный отпуск.")],
    )
    assign_eids(doc)
    factories.jurisdiction("kz")
    import_document(doc, work_uri=uri, lang="rus", date=dt.date(2001, 1, 1), work_type="law")
    factories.work(uri, repealed_on=dt.date(9999, 12, 31))
    rebuild()
    hits = search(SearchRequest(q="ежегодный отпуск", date=ON)).hits
    assert [h.work for h in hits] == [uri]
    assert hits[0].score > 0
