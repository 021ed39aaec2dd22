import pytest
pytestmark = pytest.mark.django_db
def test_dbg(client, indexed, convention):
    from kenes.lex.models import Ratification
    from tests import factories as f
    page = client.get("/search", {"q": "расчёт"}, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    i = page.index('<ol class="hits"'); print(page[i:i+1500])
    f.jurisdiction("tj", "Tajikistan")
    page = client.get("/conventions/c097", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    i = page.index('<tbody>'); print(page[i:i+800])
