"""The search analyser: stemming, Turkic suffixes, script folding, apostrophes, numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from kenes.search.analysis import MIN_STEM, analyse, drop_stop_words, guess_lang, lang_code, terms

DATA = Path(__file__).parent / "data"


def _pairs(name: str) -> list[tuple[str, str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            inflected, lemma = line.split("\t")
            rows.append((inflected, lemma))
    return rows


@pytest.mark.parametrize(("name", "lang", "size"), [("kk_words.tsv", "kaz", 60), ("ky_words.tsv", "kir", 60)])
def test_word_list_accuracy(name: str, lang: str, size: int) -> None:
    """Inflected forms get the term of their dictionary form (measured: 116/116 kk, 86/86 ky)."""
    pairs = _pairs(name)
    assert len(pairs) >= size
    misses = [(a, b, terms(a, lang), terms(b, lang)) for a, b in pairs if terms(a, lang) != terms(b, lang)]
    accuracy = 1 - len(misses) / len(pairs)
    assert accuracy >= 0.97, misses


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("шарты", "шарт"),  # possessive -ы, not accusative -ты: "шар" would be another word
        ("шартты", "шарт"),
        ("еңбегі", "еңбек"),  # к voiced to г before a vowel
        ("жалақысының", "жалақ"),
        ("жұмыскерлерге", "жұмыскер"),
        ("демалысы", "демалыс"),
        ("баптың", "бап"),
        ("жұмыс", "жұмыс"),
        ("орны", "орын"),
    ],
)
def test_kazakh_exact(word: str, expected: str) -> None:
    assert terms(word, "kaz") == [expected]


@pytest.mark.parametrize(
    ("word", "expected"),
    [("эмгектин", "емгек"), ("келишиминин", "келишим"), ("өргүүлөр", "өргүү"), ("убактысы", "убакыт")],
)
def test_kyrgyz_exact(word: str, expected: str) -> None:
    assert terms(word, "kir") == [expected]


def test_short_words_keep_their_letters() -> None:
    """Never strip below the minimum stem: "заң" (law) is not "за" + possessive -ң."""
    assert terms("заң", "kaz") == ["заң"]
    assert terms("ақы", "kaz") == ["ақы"]
    assert all(len(t) >= MIN_STEM for t in terms("заңы заңның ақысы ісі", "kaz"))


def test_russian_and_english_stemming() -> None:
    assert terms("Заработная плата работников", "rus") == terms("заработной платы работника", "rus")
    assert terms("employment contracts", "eng") == terms("employment contract", "eng")
    assert terms("Employment", "eng") == ["employ"]


def test_yo_is_e() -> None:
    assert terms("расчёт отпуска", "rus") == terms("расчет отпуска", "rus")
    assert analyse("Ёлка", "rus") == analyse("елка", "rus")


def test_numbers_survive() -> None:
    assert terms("статья 12-1 и пункт 5.1 от 01.01.2024", "rus") == [
        "стат",
        "12-1",
        "и",
        "пункт",
        "5.1",
        "от",
        "01.01.2024",
    ]
    assert "113" in terms("113-бабы", "kaz")
    assert "c097" in terms("Convention C097", "eng")


def test_uzbek_scripts_fold_together() -> None:
    assert terms("mehnat shartnomasi", "uzb") == terms("меҳнат шартномаси", "uzb") == ["mehnat", "shartnoma"]
    assert terms("ish haqi", "uzb") == terms("иш ҳақи", "uzb")
    assert terms("yer", "uzb") == terms("ер", "uzb")  # е at the start of a word is ye
    assert terms("ёш", "uzb") == terms("yosh", "uzb")


@pytest.mark.parametrize("spelling", ["o'zbek", "oʻzbek", "o‘zbek", "o’zbek", "o`zbek", "ozbek", "ўзбек"])
def test_uzbek_apostrophes(spelling: str) -> None:
    assert terms(spelling, "uzb") == ["ozbek"]


def test_kazakh_scripts_fold_together() -> None:
    assert terms("еңбек шарты", "kaz") == terms("eñbek şarty", "kaz") == ["еңбек", "шарт"]
    assert terms("жалақы", "kaz") == terms("jalaqy", "kaz")
    assert terms("Қазақстан Республикасы", "kaz") == terms("Qazaqstan Respublikasy", "kaz")
    # the 2021 alphabet writes і, и and й as i: "әліпбиі" and "älipbïi", "сөйлесіп" and "söilesıp"
    assert terms("әліпбиі", "kaz") == terms("älipbïi", "kaz")
    assert terms("сөйлесіп", "kaz") == terms("söilesıp", "kaz")


def test_tajik_light_normalisation() -> None:
    assert terms("шартномаи меҳнатӣ", "tgk") == terms("шартнома меҳнат", "tgk")
    assert terms("ҳуқуқҳои коргарон", "tgk") == terms("ҳуқуқ коргар", "tgk")
    assert terms("меҳнат", "tgk") == terms("мехнат", "tgk")  # typed on a Russian keyboard


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("работодатель не платит зарплату", "rus"),
        ("employment contract", "eng"),
        ("еңбек шарты", "kaz"),
        ("eñbek şarty", "kaz"),
        ("эмгек келишими", "kir"),
        ("mehnat shartnomasi", "uzb"),
        ("меҳнат шартномаси", "uzb"),
        ("o'zbekiston", "uzb"),
        ("шартномаи меҳнатӣ", "tgk"),
    ],
)
def test_guess_lang(text: str, lang: str) -> None:
    assert guess_lang(text) == lang


def test_lang_none_guesses() -> None:
    assert terms("eñbek şarty") == terms("еңбек шарты", "kaz")
    assert terms("Трудовой договор") == terms("трудовой договор", "rus")


def test_lang_codes() -> None:
    assert lang_code("ru") == "rus"
    assert terms("Договор", "ru") == terms("Договор", "rus")
    with pytest.raises(ValueError, match="unknown language"):
        terms("x", "fra")


def test_stop_words_only_on_request() -> None:
    found = terms("что делать если работодатель не платит", "rus")
    assert "не" in found and "что" in found  # the index keeps every word
    kept = drop_stop_words(found, "rus")
    assert "что" not in kept and "если" not in kept and "работодател" in kept
    assert "не" in kept  # negation carries meaning: "не платит"
    assert drop_stop_words(terms("и", "rus"), "rus") == ["и"]  # never an empty query


@pytest.mark.parametrize("text", ["", "   ", "!!! ??? ...", "😀😀", '"""', "-" * 10_000])
def test_odd_input_gives_no_terms_and_no_error(text: str) -> None:
    assert terms(text, "rus") == []
    assert analyse(text) == ""


def test_terms_have_no_spaces() -> None:
    """analyse() is read back by a whitespace tokenizer: a term never contains one."""
    text = "Статья 12-1. Жұмыс беруші o‘z  ish haqi\u00a0—\tшартномаи İstanbul"
    for lang in ("rus", "kaz", "kir", "uzb", "tgk", "eng"):
        assert all(t and not any(c.isspace() for c in t) for t in terms(text, lang))
    assert analyse("İş", "eng") == "iş"  # no combining dot left by casefolding İ


@pytest.mark.parametrize("invisible", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"])
def test_invisible_characters_inside_a_pasted_word_do_not_split_it(invisible: str) -> None:
    """Text copied from a messenger or a web page carries zero-width characters inside words: "зар\u200bплату"
    was the terms "зар" and "плат", and "не платят зар\u200bплату" named no check."""
    assert terms(f"не платят зар{invisible}плату", "rus") == terms("не платят зарплату", "rus")
