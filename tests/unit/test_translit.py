"""The Kazakh Latin alphabet of 2021: the table letter by letter, the letters it leaves out, and
whole sentences of the committed Kazakh translation."""

import pytest

from l10n_article.translate.source.translit import kazakh_latin

# The decree of 2021, as published: Cyrillic capital and small letter, Latin capital and small letter.
TABLE_2021 = [
    ("А а", "A a"), ("Ә ә", "Ä ä"), ("Б б", "B b"), ("Д д", "D d"), ("Е е", "E e"), ("Ф ф", "F f"),
    ("Г г", "G g"), ("Ғ ғ", "Ğ ğ"), ("Х х", "H h"), ("Һ һ", "H h"), ("И и", "İ i"), ("Й й", "İ i"),
    ("І і", "I ı"), ("Ж ж", "J j"), ("К к", "K k"), ("Қ қ", "Q q"), ("Л л", "L l"), ("М м", "M m"),
    ("Н н", "N n"), ("Ң ң", "Ñ ñ"), ("О о", "O o"), ("Ө ө", "Ö ö"), ("П п", "P p"), ("Р р", "R r"),
    ("С с", "S s"), ("Ш ш", "Ş ş"), ("Т т", "T t"), ("Ұ ұ", "Ū ū"), ("Ү ү", "Ü ü"), ("В в", "V v"),
    ("Ы ы", "Y y"), ("У у", "U u"), ("З з", "Z z"),
]
# The letters the table does not cover, as the module documents them (a capital alone is capitalized).
OUTSIDE_THE_TABLE = [
    ("Ц ц", "Ts ts"), ("Ч ч", "Ch ch"), ("Щ щ", "Şş şş"), ("Ё ё", "İo io"), ("Ю ю", "İu iu"),
    ("Я я", "İa ia"), ("Э э", "E e"), ("Ъ ъ", " "), ("Ь ь", " "),
]


@pytest.mark.parametrize("cyrillic, latin", TABLE_2021, ids=[cyrillic for cyrillic, _ in TABLE_2021])
def test_each_letter_of_the_2021_table(cyrillic, latin):
    assert kazakh_latin(cyrillic) == latin


@pytest.mark.parametrize("cyrillic, latin", OUTSIDE_THE_TABLE, ids=[cyrillic for cyrillic, _ in OUTSIDE_THE_TABLE])
def test_each_letter_outside_the_table(cyrillic, latin):
    assert kazakh_latin(cyrillic) == latin


def test_the_table_covers_the_whole_kazakh_cyrillic_alphabet():
    alphabet = "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ"
    assert len(alphabet) == 42
    latin = kazakh_latin(alphabet + alphabet.lower())
    assert not any("\u0400" <= char <= "\u04ff" for char in latin)


@pytest.mark.parametrize("cyrillic, latin", [
    ("Қасым-Жомарт Тоқаев Самарқандта сөз сөйледі.", "Qasym-Jomart Toqaev Samarqandta söz söiledı."),
    ("Еуропалық Одақтың шамамен 12\u00a0млрд еуро көлеміндегі жоспары",
     "Europalyq Odaqtyñ şamamen 12\u00a0mlrd euro kölemındegı jospary"),
    ("Ортаазиялық «ЦЕНТР» пен Цесна, ЧЕХИЯ мен Чехия", "Ortaaziialyq «TSENTR» pen Tsesna, CHEHİİA men Chehiia"),
    ("Үкімет шұғыл шешім қабылдады: ИӘ!", "Ükımet şūğyl şeşım qabyldady: İÄ!"),
], ids=["names", "numbers", "capitals", "punctuation"])
def test_whole_sentences(cyrillic, latin):
    assert kazakh_latin(cyrillic) == latin


def test_what_is_not_cyrillic_is_left_alone():
    text = "EU, 4 April — *Samarkand* [link](https://example.org/Астана) `код`"
    assert kazakh_latin("EU, 4 April — *Samarkand*") == "EU, 4 April — *Samarkand*"
    assert kazakh_latin(text).endswith("(https://example.org/Astana) `kod`")  # raw: pages convert words only
