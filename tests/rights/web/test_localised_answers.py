"""Answers in the reader's language: explanation, warnings, advisory reasons and refusals, not only the
headline.

The library writes these sentences; it translates them itself (``evaluate(..., lang=)``) from the rights
catalogues, without Django, and the API and the pages ask it for the request's language.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.utils import translation

from kenes.rights import RULES, InvalidSituation, evaluate

ROOT = Path(__file__).resolve().parents[3]

#: A visa-free Uzbek citizen in Kazakhstan, still there, planning another trip (as in test_pages).
STAY = {
    "stays": [{"entry": "2026-01-05", "exit": "2026-02-01"}, {"entry": "2026-10-20"}],
    "on": "2026-11-01",
    "host": "kz",
    "citizenship": "uz",
    "status": "visa_free",
    "plan_entry": "2026-12-01",
    "stay_length": 30,
}
STAY_QUERY = (
    "entry_0=2026-01-05&exit_0=2026-02-01&entry_1=2026-10-20&on=2026-11-01"
    "&host=kz&citizenship=uz&status=visa_free&plan_entry=2026-12-01&stay_length=30&rows=3&check=1"
)

#: Words of the translated sentences, per language: a step, a warning, an advisory reason.
WORDS = {
    "ru": {
        "step": "Безвизовый въезд в Казахстан: не более 30 дней",
        "window": "в нём 13 дней пребывания, осталось 77 из 90",
        "warning": "соглашением Казахстана со страной гражданства",
        "advisory": "основано на источнике, которого нет в нашей правовой базе",
        "source": "Договор о присоединении Кыргызской Республики к Договору о ЕАЭС",
    },
    "kk": {
        "step": "Қазақстанға визасыз кіру: шекарадан әр өткеннен бастап 30 күннен аспайды",
        "window": "онда 13 болу күні, 90 күннің 77 күні қалды",
        "warning": "Қазақстан мен Өзбекстан арасында осындай келісім болса",
        "advisory": "біздің құқықтық базамызда жоқ дереккөзге негізделген",
        "source": "Қырғыз Республикасының ЕАЭО туралы шартқа қосылуы",
    },
}

#: English function words that no Russian or Kazakh sentence of ours contains (codes like
#: ``kz/stay_limit_days`` or ``stat.gov.kz`` are not words here: ``\b`` does not split them this way).
ENGLISH = re.compile(r"(?<![\w/.])(the|and|of|is|are|must|may|before|after|until|with|from)(?![\w/])")

TEXT_KEYS = ("explanation", "warnings", "advisory_reasons", "headline")


def post(client, rule: str, body, **headers):
    return client.post(
        f"/api/rights/{rule}", data=json.dumps(body), content_type="application/json", **headers
    )


def sentences(answer: dict) -> list[str]:
    return [*answer["explanation"], *answer["warnings"], *answer["advisory_reasons"]]


def machine_fields(answer: dict) -> dict:
    return {k: v for k, v in answer.items() if k not in TEXT_KEYS}


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_api_explains_warns_and_refers_in_the_request_language(client, lang):
    english = post(client, "stay", STAY, HTTP_ACCEPT_LANGUAGE="en").json()
    body = post(client, "stay", STAY, HTTP_ACCEPT_LANGUAGE=lang).json()
    words = WORDS[lang]
    assert any(words["step"] in step for step in body["explanation"])
    assert any(words["window"] in step for step in body["explanation"])
    assert any(words["warning"] in w for w in body["warnings"])
    assert any(words["advisory"] in r and words["source"] in r for r in body["advisory_reasons"])
    # Every sentence is translated: none is left as its English original, none holds English words.
    for key in ("explanation", "warnings", "advisory_reasons"):
        assert len(body[key]) == len(english[key]) > 0, key
        for translated, original in zip(body[key], english[key], strict=True):
            assert translated != original
            assert not ENGLISH.search(translated), translated
    # The machine fields and keys do not depend on the language.
    assert machine_fields(body) == machine_fields(english)
    assert list(body) == list(english)


@pytest.mark.django_db
def test_the_api_answer_is_the_library_answer_in_that_language(client):
    body = post(client, "stay", STAY, HTTP_ACCEPT_LANGUAGE="kk").json()
    library = evaluate("stay", STAY, lang="kk").to_dict()
    for key in ("explanation", "warnings", "advisory_reasons"):
        assert body[key] == library[key]


@pytest.mark.django_db
def test_lang_in_the_query_string_wins_over_accept_language(client):
    response = client.post(
        "/api/rights/stay?lang=kk",
        data=json.dumps(STAY),
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    body = response.json()
    assert any(WORDS["kk"]["step"] in step for step in body["explanation"])
    assert "күн" in body["headline"][0]


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_answer_page_shows_the_steps_warnings_and_reasons_in_the_reader_language(client, lang):
    client.cookies["django_language"] = lang
    response = client.get(f"/rights/stay/?{STAY_QUERY}")
    assert response.status_code == 200
    page = response.content.decode()
    for key in ("step", "window", "warning", "advisory"):
        assert WORDS[lang][key] in page, key
    # Nothing in the answer is marked or announced as English any more (the header's language switch
    # names English in English, on purpose).
    main = page[page.index("<main") : page.index("</main>")]
    assert 'lang="en"' not in main
    assert "Entry and exit days both count" not in page
    assert "Visa-free entry to Kazakhstan" not in page


@pytest.mark.django_db
def test_an_invalid_situation_is_refused_in_russian_with_the_same_field(client):
    bad = {"stays": [{"entry": "2024-01-10", "exit": "2024-01-01"}], "window": 180, "limit": 90}
    response = post(client, "stay", bad, HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid-situation"
    assert error["details"]["field"] == "stays[0].exit"
    assert error["message"] == "stays[0].exit: выезд 2024-01-01 раньше въезда 2024-01-10"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "lang", "words"),
    [
        ({"host": "kz", "citizenship": "xx"}, "ru", "неизвестный код страны 'xx'"),
        ({"host": "kz", "citizenship": "uz", "colour": "red"}, "kk", "белгісіз өріс 'colour'"),
        ({"host": "kz", "citizenship": "uz", "on": "2024-02-30"}, "kk", "күнтізбеде жоқ күн"),
    ],
)
def test_refusals_from_the_schema_reader_are_translated_too(client, body, lang, words):
    response = post(client, "permit", body, HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 400
    assert words in response.json()["error"]["message"]


@pytest.mark.django_db
def test_an_unknown_rule_is_refused_in_the_request_language(client):
    response = post(client, "visa-lottery", {}, HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 404
    message = response.json()["error"]["message"]
    assert message.startswith("неизвестное правило 'visa-lottery'") and "stay" in message


@pytest.mark.parametrize("rule", list(RULES))
@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_every_rule_explains_its_example_in_russian_and_kazakh(rule, lang):
    english = evaluate(rule, RULES[rule].example).to_dict()
    translated = evaluate(rule, RULES[rule].example, lang=lang).to_dict()
    assert machine_fields(translated) == machine_fields(english)
    assert sentences(translated), "every example answer says something"
    for step, original in zip(sentences(translated), sentences(english), strict=True):
        assert step != original
        assert not ENGLISH.search(step), step


def test_the_library_speaks_english_unless_asked_even_inside_a_russian_request():
    with translation.override("ru"):
        answer = evaluate("stay", STAY)
        with pytest.raises(InvalidSituation, match="is before entry"):
            evaluate(
                "stay", {"stays": [{"entry": "2024-01-10", "exit": "2024-01-01"}], "window": 9, "limit": 3}
            )
    assert answer.explanation[0].startswith("Visa-free entry to Kazakhstan")


def test_the_library_answers_without_django_in_english_and_in_kazakh_when_asked():
    script = (
        "import json, sys\n"
        "from kenes.rights import evaluate\n"
        f"s = {STAY!r}\n"
        "print(json.dumps({'django': any(m.split('.')[0] == 'django' for m in sys.modules),\n"
        "                  'en': evaluate('stay', s).explanation[0],\n"
        "                  'kk': evaluate('stay', s, lang='kk').explanation[0]}))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["django"] is False
    assert result["en"].startswith("Visa-free entry to Kazakhstan: at most 30 days")
    assert result["kk"].startswith(WORDS["kk"]["step"])


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        (
            "The window runs from 2024-01-01 to 2024-06-29.",
            "ru",
            "The window runs from 01.01.2024 to 29.06.2024.",
        ),
        ("2024-01-01…2024-01-10 (10 d)", "en", "1 January 2024…10 January 2024 (10 d)"),
        (
            "Law /akn/kz/act/code/2015-11-23/414-v at rus@2024-01-01",
            "ru",
            "Law /akn/kz/act/code/2015-11-23/414-v at rus@2024-01-01",
        ),
        ("day 2024-02-30 is not in the calendar", "kk", "day 2024-02-30 is not in the calendar"),
    ],
)
def test_dates_in_sentences_are_rewritten_for_the_reader_but_uris_are_left_alone(sentence, lang, expected):
    from kenes.rights.web.texts import dates_in

    with translation.override(lang):
        assert dates_in(sentence) == expected
