"""Machine drafts with real Argos packages built by the tests (copy-circuit Transformers)."""

import shutil

import pytest

import l10n_article.translate.mt.argos
import l10n_article.translate.mt.drafts
from support import DATA, REPO, gettext_tool, snapshot
from l10n_article.translate.catalog.pofile import read_catalog, write_catalog
from l10n_article.render.cli import workspace
from l10n_article.translate.mt.drafts import translate_drafts
from l10n_article.translate.mt.memory import Memory


def catalog(project, language, domain="kazakhstan-ue"):
    return read_catalog(project / "locales" / language / "LC_MESSAGES" / f"{domain}.po", language)


class Calls:
    """Every batch the models receive, recorded around the real engine."""

    def __init__(self, monkeypatch, fault=None):
        self.batches = []
        real = l10n_article.translate.mt.argos.Engine.translate

        def recording(engine, sentences):
            self.batches.append((engine.info.label, list(sentences)))
            if fault:
                fault(len(self.batches))
            return real(engine, sentences)
        monkeypatch.setattr(l10n_article.translate.mt.argos.Engine, "translate", recording)


def test_direct_and_pivoted_drafts_are_fuzzy_exact_and_say_where_they_come_from(project, install, l10n, monkeypatch):
    install("fr_en", "en_ru")
    calls = Calls(monkeypatch)
    status, out, _ = l10n(project, "translate", "--lang", "en,ru")
    assert status == 0
    assert "en: direct: fr → en (translate-fr_en 1.9): 19 drafts" in out
    assert "ru: pivot: fr → en → ru (translate-fr_en 1.9, translate-en_ru 1.9): 19 drafts" in out
    for language, provenance in (("en", "argos translate-fr_en 1.9"),
                                 ("ru", "argos translate-fr_en 1.9 > translate-en_ru 1.9")):
        for entry in catalog(project, language):
            assert entry.msgstr == entry.msgid  # the planted copy circuit reproduces its input
            assert "fuzzy" in entry.flags
            assert entry.tcomment.startswith(f"machine draft: {provenance}, confidence ")
    legs = [label for label, _ in calls.batches]
    assert legs == ["translate-fr_en 1.9", "translate-en_ru 1.9"]  # whole batches, fr→en once for both
    for path in (project / "locales").rglob("*.po"):
        assert gettext_tool("msgfmt", "--check", "-o", "/dev/null", str(path)).returncode == 0


def test_no_route_is_reported_for_that_language_only(project, install, l10n):
    install("fr_en", "en_ru")
    l10n(project, "update")
    kk = (project / "locales" / "kk" / "LC_MESSAGES" / "kazakhstan-ue.po").read_bytes()
    status, out, _ = l10n(project, "translate")
    assert status == 1
    assert ("kk: missing: no route fr→kk: install a package for fr→kk or en→kk (l10n models install FILE)\n") in out
    assert (project / "locales" / "kk" / "LC_MESSAGES" / "kazakhstan-ue.po").read_bytes() == kk
    assert all(e.msgstr for e in catalog(project, "en"))


def test_a_user_provided_multilingual_kazakh_package(project, install, l10n):
    install("fr_en", "fr_kk")
    status, out, _ = l10n(project, "translate", "--dry-run", "--lang", "kk")
    assert (status, out) == (0, "kk: direct: fr → kk (translate-fr_kk 1.9), a fr→kk package is installed: "
                             "19 segments to translate\n")
    assert not (project / "locales" / "kk").exists()  # a dry run changes nothing
    assert l10n(project, "translate", "--lang", "kk")[0] == 0
    entries = catalog(project, "kk")
    assert [e.msgstr for e in entries] == [e.msgid for e in entries]  # target prefix stripped
    assert entries[0].tcomment.startswith("machine draft: argos translate-fr_kk 1.9, confidence ")


def test_reviewed_entries_and_edited_drafts_are_never_touched(project, install, l10n):
    install("fr_en")
    l10n(project, "update")
    path = project / "locales" / "en" / "LC_MESSAGES" / "kazakhstan-ue.po"
    po = read_catalog(path, "en")
    po[0].msgstr = "Reviewed title"
    po[1].msgstr, po[1].flags = "A translator's own draft", ["fuzzy"]
    write_catalog(po, path)
    l10n(project, "translate", "--lang", "en")
    l10n(project, "translate", "--lang", "en", "--refresh")
    entries = catalog(project, "en")
    assert (entries[0].msgstr, entries[0].flags) == ("Reviewed title", [])
    assert (entries[1].msgstr, entries[1].flags) == ("A translator's own draft", ["fuzzy"])
    assert entries[2].msgstr == entries[2].msgid


def test_a_translator_saving_during_the_run_loses_nothing(project, install, monkeypatch):
    install("fr_en")
    monkeypatch.setattr(l10n_article.translate.mt.drafts, "BATCH_SENTENCES", 4)
    root = workspace(project)
    path = project / "locales" / "en" / "LC_MESSAGES" / "kazakhstan-ue.po"
    last = "Pour rester informé des actualités de l’Asie centrale"
    saved = []

    def poedit_saves():
        if not saved:
            po = read_catalog(path, "en")
            po.find(last).msgstr = "Stay informed"
            write_catalog(po, path)
            saved.append(True)
    report = translate_drafts(root, ("en",), after_batch=poedit_saves)
    assert report.calls > 1 and report.outcomes[0].drafted == 18
    entry = catalog(project, "en").find(last)
    assert (entry.msgstr, entry.flags) == ("Stay informed", [])


def test_a_second_run_makes_no_model_call_and_identical_sentences_are_translated_once(project, install, monkeypatch):
    install("fr_en")
    article = project / "source" / "kazakhstan-ue.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nIl a affirmé, esquissé et avancé. Fin.\n",
                       encoding="utf-8")
    calls = Calls(monkeypatch)
    root = workspace(project)
    translate_drafts(root, ("en",))
    sentences = [s for _, batch in calls.batches for s in batch]
    assert len(sentences) == len(set(sentences))
    assert "Il a affirmé, esquissé et avancé." in sentences
    before = snapshot(project / "locales")
    again = translate_drafts(root, ("en",))
    assert again.calls == 0 and again.outcomes[0].drafted == 0
    assert snapshot(project / "locales") == before
    units = Memory.in_folder(project / "locales", "fr").units()
    assert len(units.sentences) == len(sentences) and len(units.drafts) == len(catalog(project, "en"))


def test_interrupted_runs_keep_finished_batches_and_continue(project, install, monkeypatch):
    install("fr_en")
    monkeypatch.setattr(l10n_article.translate.mt.drafts, "BATCH_SENTENCES", 8)

    def interrupt(batch):
        if batch == 3:
            raise KeyboardInterrupt
    Calls(monkeypatch, fault=interrupt)
    root = workspace(project)
    with pytest.raises(KeyboardInterrupt):
        translate_drafts(root, ("en",))
    drafted = [e for e in catalog(project, "en") if e.msgstr]
    assert 0 < len(drafted) < 19
    assert gettext_tool("msgfmt", "--check", "-o", "/dev/null",
                        str(project / "locales/en/LC_MESSAGES/kazakhstan-ue.po")).returncode == 0
    monkeypatch.undo()
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(project / "argos-packages"))
    monkeypatch.setattr(l10n_article.translate.mt.drafts, "BATCH_SENTENCES", 8)
    # 32 sentences in batches of 8: two were done before the interruption
    assert translate_drafts(root, ("en",)).calls == 2
    assert all(e.msgstr == e.msgid for e in catalog(project, "en"))


def test_inline_markdown_never_reaches_the_model_and_survives(project, install, monkeypatch):
    install("fr_en")
    shutil.copy(DATA / "lists.md", project / "source" / "lists.md")
    calls = Calls(monkeypatch)
    translate_drafts(workspace(project), ("en",))
    seen = " ".join(s for _, batch in calls.batches for s in batch)
    for markup in ("**", "`", "](", "https://"):
        assert markup not in seen
    for entry in catalog(project, "en", "lists"):
        assert entry.msgstr == entry.msgid
    assert catalog(project, "en", "lists").find("first item with *emphasis*").msgstr == "first item with *emphasis*"


def test_refresh_redoes_untouched_drafts_after_a_model_upgrade(project, install, l10n):
    install("fr_en")
    l10n(project, "translate", "--lang", "en")
    path = project / "locales" / "en" / "LC_MESSAGES" / "kazakhstan-ue.po"
    po = read_catalog(path, "en")
    po[3].msgstr = "Edited by a translator"
    write_catalog(po, path)
    install("fr_en_2")
    status, out, _ = l10n(project, "translate", "--lang", "en", "--refresh")
    assert "translate-fr_en 2.0" in out and "18 drafts" in out
    entries = catalog(project, "en")
    assert entries[0].tcomment.startswith("machine draft: argos translate-fr_en 2.0, confidence ")
    assert entries[3].msgstr == "Edited by a translator"
    assert entries[3].tcomment.startswith("machine draft: argos translate-fr_en 1.9, confidence ")


def test_a_damaged_tmx_memory_to_migrate_is_one_line_with_its_line_number(project, install, l10n):
    install("fr_en")
    memory = project / "locales" / "memory.tmx"
    memory.parent.mkdir(parents=True, exist_ok=True)
    memory.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n<body>\n<tu>\n</tmx>\n',
                      encoding="utf-8")
    status, out, err = l10n(project, "translate", "--lang", "en")
    assert status == 2 and err.startswith(f"{memory}:5: invalid TMX: mismatched tag") and err.count("\n") == 1
    assert not (project / "locales" / "memory.sqlite").exists()


@pytest.mark.parametrize("option, value, message", [
    ("--threads", "-3", "l10n translate: argument --threads: -3 is below 0\n"),
    ("--beam", "0", "l10n translate: argument --beam: 0 is below 1\n"),
    ("--beam", "four", "l10n translate: argument --beam: 'four' is not a whole number\n"),
], ids=["negative threads", "beam of zero", "beam not a number"])
def test_bad_decoding_options_are_refused_before_any_model_loads(project, install, l10n, capsys, monkeypatch,
                                                                 option, value, message):
    install("fr_en")
    loaded = []
    monkeypatch.setattr(l10n_article.translate.mt.argos.Engine, "__init__", lambda *args, **kwargs: loaded.append(args))
    with pytest.raises(SystemExit) as refused:
        l10n(project, "translate", "--lang", "en", option, value)
    assert refused.value.code == 2
    assert capsys.readouterr().err == message
    assert loaded == [] and not (project / "locales").exists()


class Recorder:
    """A progress display that writes down what it is told."""

    def __init__(self):
        self.events = []

    def leg(self, language, leg, total):
        self.events.append(("leg", language, leg.label, total))

    def loading(self, leg):
        self.events.append(("loading", leg.label))

    def advance(self, count):
        self.events.append(("advance", count))


def test_progress_names_language_and_leg_knows_its_total_and_shows_model_loading(project, install):
    install("fr_en", "en_ru")
    progress = Recorder()
    translate_drafts(workspace(project), ("ru",), progress=progress)
    assert progress.events == [("leg", "ru", "translate-fr_en 1.9", 32), ("loading", "translate-fr_en 1.9"),
                               ("advance", 32), ("leg", "ru", "translate-en_ru 1.9", 32),
                               ("loading", "translate-en_ru 1.9"), ("advance", 32)]


def test_a_reference_link_label_never_reaches_the_model(project, install, monkeypatch):
    install("fr_en")
    (project / "source" / "references.md").write_text(
        "---\nslug: references\nlang: fr\n---\n\n# Le sommet\n\nLire [le communiqué][conseil] du sommet.\n\n"
        "[conseil]: https://www.consilium.europa.eu/\n", encoding="utf-8")
    calls = Calls(monkeypatch)
    translate_drafts(workspace(project), ("en",))
    seen = [s for _, batch in calls.batches for s in batch]
    assert "Lire" in seen and "le communiqué" in seen and not any("conseil" in s for s in seen)
    assert catalog(project, "en", "references").find("Lire [le communiqué][conseil] du sommet.").msgstr \
        == "Lire [le communiqué][conseil] du sommet."


@pytest.mark.parametrize("dry_run", [[], ["--dry-run"]])
def test_a_project_with_nothing_to_translate_needs_no_route(project, l10n, dry_run, monkeypatch, tmp_path):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "no-packages"))
    shutil.copytree(REPO / "locales", project / "locales")  # every segment reviewed
    status, out, err = l10n(project, "translate", *dry_run)
    assert (status, err) == (0, "")
    assert [line for line in out.splitlines() if "nothing to translate" in line] == [
        "en: nothing to translate", "ru: nothing to translate", "kk: nothing to translate"]
