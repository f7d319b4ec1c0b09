"""The term base as spreadsheets save it: read whole, or refused at the line to fix."""

import csv

import pytest

from l10n_article.translate.errors import L10nError
from l10n_article.translate.quality.checks import check_glossary
from l10n_article.translate.quality.glossary import Term, load_glossary
from l10n_article.translate.quality.message import Message

HEADER = "fr,en,ru,kk,note\n"
SAMARKAND = "Samarcande,Samarkand,Самарканд,Самарқанд,city in Uzbekistan\n"


def _load(tmp_path, text: str, encoding: str = "utf-8"):
    path = tmp_path / "glossary.csv"
    path.write_bytes(text.encode(encoding))
    return path, load_glossary(path)


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_excel_csv_utf8_with_a_bom_keeps_its_first_column(tmp_path, newline):
    _, terms = _load(tmp_path, (HEADER + SAMARKAND).replace("\n", newline), encoding="utf-8-sig")
    assert [(t.forms, t.note, t.line) for t in terms] == [
        ({"fr": "Samarcande", "en": "Samarkand", "ru": "Самарканд", "kk": "Самарқанд"}, "city in Uzbekistan", 2)]


def test_a_quoted_cell_may_hold_commas_quotes_and_line_breaks(tmp_path):
    _, terms = _load(tmp_path, HEADER + 'UE,EU,ЕС,ЕО,"abbreviation, ""EU""\nof Union européenne"\n' + SAMARKAND)
    assert [t.note for t in terms] == ['abbreviation, "EU"\nof Union européenne', "city in Uzbekistan"]
    assert [t.forms["en"] for t in terms] == ["EU", "Samarkand"]


@pytest.mark.parametrize("rows, line", [
    ('Samarcande,"Samarkand,Самарканд,Самарқанд,\n' + SAMARKAND, 3),
    ('UE,EU,ЕС,ЕО,"two\nlines"\n' + 'Samarcande,Samarkand,"Самарканд,Самарқанд,\n' + SAMARKAND, 5),
    ('UE,EU,ЕС,ЕО,"two\nlines"\n' + 'Samarcande,Samarkand,Самарканд,Самарқанд,"a ""quoted"" note\n', 5),
    ('UE,EU,"ЕС\nЕС",ЕО,"note\n\nmore', 4),
    ('UE,EU,ЕС,ЕО,"a ""b\nc,""d\n', 3),
], ids=["one-line-row", "after-a-multi-line-row", "escaped-quotes-inside", "later-cell-of-a-multi-line-row",
        "escaped-quotes-across-lines"])
def test_an_unclosed_quotation_mark_is_refused_at_the_line_it_opens(tmp_path, rows, line):
    with pytest.raises(L10nError) as error:
        _load(tmp_path, HEADER + SAMARKAND + rows)
    assert (error.value.line, error.value.message) == (line, 'a quotation mark (") opened here is never closed')


def test_a_cell_over_the_csv_field_limit_is_refused_at_its_row(tmp_path):
    with pytest.raises(L10nError) as error:
        _load(tmp_path, HEADER + SAMARKAND + "UE,EU,ЕС,ЕО," + "n" * (csv.field_size_limit() + 1) + "\n")
    assert error.value.line == 3 and "longer than" in error.value.message


@pytest.mark.parametrize("rows, line", [
    (SAMARKAND + "UE,EU,ЕС,ЕО,note,extra\n", 3),
    ('UE,"EU"x,ЕС,ЕО,\n', 2),
], ids=["extra-cell", "text-after-a-closing-quote"])
def test_a_damaged_row_is_refused_at_its_line(tmp_path, rows, line):
    with pytest.raises(L10nError) as error:
        _load(tmp_path, HEADER + rows)
    assert error.value.line == line


def test_a_cell_may_list_several_forms_and_any_of_them_counts():
    term = Term({"fr": "Samarcande", "ru": "Самарканд|Самарканде"})
    assert check_glossary(Message("Le sommet de Samarcande.", "Саммит в Самарканде.", "ru", "fr", (term,))) == []
    assert check_glossary(Message("Le sommet de Samarcande.", "Саммит в Ташкенте.", "ru", "fr", (term,))) != []
