"""Language knowledge from CLDR and the data files: a language without a data file (German
before its file, Spanish) gets quote, number and date checks; any source language works; the
numbers check reads numbers in emphasis and alone in a run; its messages name what to write."""

import pytest

from l10n_article.translate.quality.checks import Message, run_checks
from l10n_article.translate.quality.dates import find_dates
from l10n_article.translate.quality.languages import language


def found(check: str, source: str, translation: str, target: str, source_language: str = "fr") -> list[str]:
    return [f.message for f in run_checks(Message(source, translation, target, source_language)) if f.check == check]


def case(name: str, source: str, translation: str, target: str, source_language: str = "fr"):
    return pytest.param(source, translation, target, source_language, id=name)


# A small synthetic corpus: emphasis, figures alone in a run, grouped and decimal numbers, years,
# dates in each language's forms. Every translation is right: no check may fire on numbers.
CORPUS = [
    case("emphasis-en", "estimé à *12* milliards d’euros.", "estimated at €*12* billion.", "en"),
    case("emphasis-ru", "estimé à *12* milliards d’euros.", "оценивается в *12* млрд евро.", "ru"),
    case("strong-year", "L’objectif **2030** est fixé.", "The **2030** goal is set.", "en"),
    case("figure-alone-in-a-run", "Les chiffres : *46* et *12,5*.", "The figures: *46* and *12.5*.", "en"),
    case("grouped-fr-en", "Soit 1 200 entreprises.", "That is 1,200 companies.", "en"),
    case("grouped-fr-ru", "Soit 1 200 entreprises.", "То есть 1 200 компаний.", "ru"),
    case("year-ru", "D’ici 2030, le projet.", "К 2030 году проект.", "ru"),
    case("decimal-fr-kk", "Une part de 12,5 %.", "12,5 % үлесі.", "kk"),
    case("first-of-month", "Le 1er janvier 2025, la réforme.", "On January 1, 2025, the reform.", "en"),
    case("date-british-form", "Le 4 avril 2025, le sommet.", "On 4 April 2025, the summit.", "en"),
    case("date-kk-declined", "Le 4 avril 2025, le sommet.", "2025 жылғы 4 сәуірде саммит.", "kk"),
    case("range-in-link", "Voir [2024–2030](https://x.org/2024).", "See [2024–2030](https://x.org/2024).", "en"),
    case("en-source-fr-target", "Trade reached €46.5 billion on April 4, 2025.",
         "Les échanges ont atteint 46,5 milliards d’euros le 4 avril 2025.", "fr", "en"),
    case("en-source-grouped", "Some 1,200 firms.", "Quelque 1 200 entreprises.", "fr", "en"),
    case("de-target", "Le 4 avril 2025, 12,5 milliards.", "Am 4. April 2025 12,5 Milliarden.", "de"),
    case("es-target-without-data-file", "Le 4 avril 2025, 12,5 %.", "El 4 de abril de 2025, 12,5 %.", "es"),
]


@pytest.mark.parametrize("source, translation, target, source_language", CORPUS)
def test_no_false_alarm_on_numbers(source, translation, target, source_language):
    assert found("numbers", source, translation, target, source_language) == []


@pytest.mark.parametrize("source, translation, target, source_language", [
    case("emphasis-number-changed", "estimé à *12* milliards.", "estimated at €*21* billion.", "en"),
    case("emphasis-scale-changed", "estimé à *12* milliards.", "estimated at €*12* million.", "en"),
    case("de-decimal-in-english-form", "Une part de 12,5 %.", "Ein Anteil von 12.5 %.", "de"),
    case("de-date-month", "Le 4 avril 2025.", "Am 4. Mai 2025.", "de"),
    case("de-scale", "12 milliards.", "12 Millionen.", "de"),
    case("en-source-fr-date", "On April 4, 2025.", "Le 4 mai 2025.", "fr", "en"),
    case("en-source-fr-amount", "€46.5 billion.", "46,6 milliards d’euros.", "fr", "en"),
])
def test_numbers_fire_in_any_language_pair(source, translation, target, source_language):
    assert found("numbers", source, translation, target, source_language)


@pytest.mark.parametrize("translation, verdict", [
    ("„Eckpfeiler“", []), ("«Eckpfeiler»", ["« » quotation marks: German uses „ “"]),
    ("“Eckpfeiler”", ["” quotation marks: German uses „ “"]),
], ids=["german-quotes-ok", "guillemets-in-german", "english-quotes-in-german"])
def test_german_quotes_come_from_cldr(translation, verdict):
    assert found("quotes", "« pierre angulaire »", translation, "de") == verdict


def test_a_missing_number_is_named_once_in_the_translators_form():
    assert found("numbers", "Une part de 12,5 % en 2030.", "A share in 2030.", "en") == [
        "12,5 of the source is not in the translation (in English: 12.5)"]
    assert found("numbers", "Il y en a 15.", "There are some.", "en") == ["15 of the source is not in the translation"]


def test_a_year_is_suggested_without_a_group_separator():
    assert found("numbers", "D’ici 2030 et 12 000 euros.", "К году, 12 000 евро.", "ru") == [
        "2030 of the source is not in the translation"]
    assert found("numbers", "Soit 12 000 euros.", "То есть 21 000 евро.", "ru") == [
        "12 000 of the source is not in the translation"]


def test_a_date_is_suggested_in_the_form_the_translation_uses():
    assert found("numbers", "Le 4 avril 2025.", "On April 5, 2025.", "en") == [
        "the date '4 avril 2025' should read 'April 4, 2025'"]
    assert found("numbers", "Le 4 avril 2025.", "On 5 April 2025.", "en") == [
        "the date '4 avril 2025' should read '4 April 2025'"]


def test_the_punctuation_message_names_both_ends():
    assert found("punctuation", "Les pays ;", "The countries", "en") == [
        "the source ends with ';', the translation with no punctuation"]
    assert found("punctuation", "Les pays ;", "The countries.", "en") == [
        "the translation ends with '.' where the source ends with ';'"]


@pytest.mark.parametrize("code, script, start, end", [
    ("en", "Latn", "“", "”"), ("ru", "Cyrl", "«", "»"), ("kk", "Cyrl", "«", "»"), ("de", "Latn", "„", "“"),
    ("es", "Latn", "«", "»"), ("de_CH", "Latn", "„", "“"), ("sr_Latn", "Latn", "„", "“"),
])
def test_languages_get_script_and_quotes_from_cldr(code, script, start, end):
    lang = language(code)
    assert (lang.script, lang.quotes.start if lang.quotes else None, lang.quotes.end if lang.quotes else None) == (
        script, start, end)


def test_dates_are_found_with_the_source_languages_cldr_patterns():
    assert [d.text for d in find_dates("Le 1er janvier 2025 et le 4 avril 2025.", language("fr"))] == [
        "1er janvier 2025", "4 avril 2025"]
    assert [str(d.day) for d in find_dates("On April 4, 2025 and 5 May 2025.", language("en"))] == [
        "2025-04-04", "2025-05-05"]
    assert [d.day for d in find_dates("Am 31. Februar 2025.", language("de"))] == [None]
