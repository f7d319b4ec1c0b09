"""The record of published translations: a TMX file CAT tools import, read back as written."""

import xml.etree.ElementTree as ET
from datetime import datetime, timedelta, timezone

import pytest

from l10n_article.translate.catalog.published import PublishedMemory
from l10n_article.translate.errors import L10nError

MONDAY = datetime(2025, 4, 7, 9, 30, tzinfo=timezone.utc)
LATER = MONDAY + timedelta(days=1)


def memory(tmp_path):
    return PublishedMemory(tmp_path / "published.tmx", "fr")


def test_units_survive_a_save_and_a_load_with_their_dates_and_stand_ins(tmp_path):
    record = memory(tmp_path)
    record.publish("en", "Le plan de 12 milliards.", "The €12 billion plan.", MONDAY)
    record.stand_in("en", {"Le vaste plan de 12 milliards.": record.units[0]})
    assert record.save()
    again = memory(tmp_path)
    [unit] = again.units
    assert (unit.language, unit.source, unit.translation) == ("en", "Le plan de 12 milliards.", "The €12 billion plan.")
    assert unit.published == unit.latest == MONDAY and unit.stands_for == {"Le vaste plan de 12 milliards."}
    root = ET.parse(tmp_path / "published.tmx").getroot()
    assert root.get("version") == "1.4" and root.find("header").get("srclang") == "fr"
    assert root.find("body/tu").get("creationdate") == "20250407T093000Z"
    assert not again.save()  # nothing changed: the file is left as it is


def test_the_last_reviewed_translation_is_found_by_source_previous_source_or_stand_in(tmp_path):
    record = memory(tmp_path)
    record.publish("en", "A", "first", MONDAY)
    record.publish("en", "A", "second", LATER)
    record.publish("ru", "A", "первый", MONDAY)
    assert record.last_reviewed("en", "A").translation == "second"
    assert record.last_reviewed("en", "B", previous="A").translation == "second"
    assert record.last_reviewed("en", "B") is None and record.last_reviewed("kk", "A") is None
    record.stand_in("en", {"B": record.last_reviewed("en", "A")})
    assert record.last_reviewed("en", "C", previous="B").translation == "second"
    record.publish("en", "A", "first", LATER + timedelta(days=1))  # the first version published again
    assert record.last_reviewed("en", "A").translation == "first"
    assert len(record.units) == 3


@pytest.mark.parametrize("text, line", [("<tmx version=\"1.4\">\n<body>\n<tu>", 3),
                                        ('<tmx><body><tu creationdate="yesterday"><tuv xml:lang="fr"><seg>A</seg>'
                                         '</tuv><tuv xml:lang="en"><seg>B</seg></tuv></tu></body></tmx>', None)])
def test_a_damaged_record_is_one_error_naming_the_file(tmp_path, text, line):
    (tmp_path / "published.tmx").write_text(text, encoding="utf-8")
    with pytest.raises(L10nError) as error:
        memory(tmp_path)
    assert error.value.path == tmp_path / "published.tmx"
    assert line is None or error.value.line == line


def test_tmx_files_are_written_as_elementtree_writes_them():
    import random
    import xml.etree.ElementTree as ET
    from copy import deepcopy

    from l10n_article.translate.tmx import add_variant, new_tmx, tmx_text
    rng = random.Random(7)
    alphabet = "aé Ж&<>\"'\t\r\n]]>«»\u00a0\u2028"
    text = lambda: "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))  # noqa: E731
    root, body = new_tmx("fr", "sentence")
    for _ in range(300):
        unit = ET.SubElement(body, "tu", {"tuid": text(), "creationdate": "20250101T000000Z"})
        for _ in range(rng.randint(0, 2)):
            ET.SubElement(unit, "prop", type=text()).text = text()
        add_variant(unit, "fr", text())
        add_variant(unit, "en", text())
    ET.SubElement(body, "tu")
    copy = deepcopy(root)
    ET.indent(copy)
    expected = '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(copy, encoding="unicode") + "\n"
    assert tmx_text(root) == expected


def test_the_published_record_is_written_as_elementtree_writes_it(tmp_path):
    import random

    from l10n_article.translate.tmx import add_variant, new_tmx, tmx_text
    rng = random.Random(11)
    text = lambda: "".join(rng.choice("aé Ж&<>\"'\t]]>«»") for _ in range(rng.randint(0, 9)))  # noqa: E731
    record = PublishedMemory(tmp_path / "published.tmx", "fr")
    assert record.text() == tmx_text(new_tmx("fr", "paragraph")[0])  # an empty record
    for number in range(200):
        record.publish(rng.choice(["en", "ru"]), text(), text(), MONDAY + timedelta(hours=number % 7))
    record.stand_in("en", {text(): unit for unit in record.units[:30] if unit.language == "en"})
    root, body = new_tmx("fr", "paragraph")
    for unit in sorted(record.units, key=lambda u: (u.language, u.source, u.published, u.translation)):
        element = ET.SubElement(body, "tu", creationdate=unit.published.strftime("%Y%m%dT%H%M%SZ"),
                                changedate=unit.latest.strftime("%Y%m%dT%H%M%SZ"))
        for stand in sorted(unit.stands_for):
            ET.SubElement(element, "prop", type="x-stands-for").text = stand
        add_variant(element, "fr", unit.source)
        add_variant(element, unit.language, unit.translation)
    assert record.text() == tmx_text(root)


def test_the_record_read_back_from_its_file_is_the_record_written(tmp_path):
    record = PublishedMemory(tmp_path / "published.tmx", "fr")
    record.publish("en", "Le plan.", "The plan.", MONDAY)
    record.publish("en", "Le plan.", "The new plan.", LATER)
    record.stand_in("en", {"Le vaste plan.": record.units[1]})
    assert record.save()
    again = PublishedMemory(tmp_path / "published.tmx", "fr")
    assert again.units == record.units and again.text() == record.text()
    assert not again.save()  # nothing changed: the file is not written again


def test_a_record_another_build_wrote_meanwhile_is_merged_not_overwritten(tmp_path):
    path = tmp_path / "published.tmx"
    first = PublishedMemory(path, "fr")
    first.publish("en", "Le plan.", "The plan.", MONDAY)
    first.save()
    ours, theirs = PublishedMemory(path, "fr"), PublishedMemory(path, "fr")
    theirs.publish("ru", "Le plan.", "План.", LATER)
    theirs.stand_in("en", {"Le vaste plan.": theirs.units[0]})
    assert theirs.save()
    ours.publish("en", "Le titre.", "The title.", LATER)
    assert ours.save()
    merged = PublishedMemory(path, "fr")
    assert sorted((u.language, u.source, u.translation) for u in merged.units) == [
        ("en", "Le plan.", "The plan."), ("en", "Le titre.", "The title."), ("ru", "Le plan.", "План.")]
    assert merged.last_reviewed("en", "Le vaste plan.").translation == "The plan."
    assert not PublishedMemory(path, "fr").save()  # read back, it is what it writes
