"""``l10n models convert``: tiny Hugging Face checkpoints of each family (Marian, M2M-100, NLLB-200)
made here with random weights, converted into Argos packages, installed and drafting; the package
fed exactly what the checkpoint's own tokenizer gives its model; one-line errors and nothing
half-written."""

import importlib
import json
import os
import shutil
import zipfile

import pytest

from l10n_article.translate.catalog.pofile import read_catalog
from l10n_article.translate.mt import argos
from support import REPO
from support import hf_checkpoints

pytest.importorskip("transformers", reason="models convert needs transformers: pip install -e '.[convert]'")

TEXTS = [line for path in (REPO / "source").glob("*.md")
         for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
CARD = "---\nlicense: cc-by-nc-4.0\nlanguage:\n- fr\n- kk\ntags:\n- translation\n---\n# A tiny test model\n"
SENTENCE = "Le Kazakhstan trace sa voie avec l’UE."
# family → (target language, target prefix, source prefix): what a converted package must hold
FAMILIES = {"marian": ("en", "", ""), "marian-multi": ("kk", "", ">>kaz<<"), "m2m100": ("kk", "__kk__", "__fr__"),
            "nllb": ("kk", "kaz_Cyrl", "fra_Latn")}


@pytest.fixture(scope="module")
def checkpoints(tmp_path_factory):
    """One checkpoint folder per family: Marian fr→en and fr→(kk, ru), M2M-100 and NLLB-200 (with a
    model card)."""
    folder = tmp_path_factory.mktemp("checkpoints")
    return {"marian": hf_checkpoints.marian(folder / "opus-mt-fr-en", TEXTS),
            "marian-multi": hf_checkpoints.marian(folder / "opus-mt-fr-trk", TEXTS, target="trk",
                                                  card=CARD, targets=(">>kaz<<", ">>rus<<")),
            "m2m100": hf_checkpoints.m2m100(folder / "m2m100-tiny", TEXTS),
            "nllb": hf_checkpoints.nllb(folder / "nllb-200-tiny", TEXTS, card=CARD)}


@pytest.fixture
def packages_folder(tmp_path, monkeypatch):
    """An empty packages folder that ``models install`` installs into."""
    folder = tmp_path / "argos-packages"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(folder))
    return folder


def convert(l10n, project, checkpoint, out, *options, to="kk"):
    """Run ``models convert``; return (status, stdout, stderr)."""
    return l10n(project, "models", "convert", str(checkpoint), "--from", "fr", "--to", to, "--out", str(out), *options)


def packages_in(folder):
    """The package files, and staging folders of package files, in ``folder``."""
    return [path for path in folder.iterdir() if "argosmodel" in path.name or path.name.startswith(".converting-")]


def members(package):
    """The package file's members, by name, with their bytes."""
    with zipfile.ZipFile(package) as zipped:
        return {name: zipped.read(name) for name in zipped.namelist()}


@pytest.mark.parametrize("family", FAMILIES)
def test_converted_package_installs_and_drafts(family, checkpoints, packages_folder, project, l10n, tmp_path):
    target, prefix, source_prefix = FAMILIES[family]
    package = tmp_path / f"{family}.argosmodel"
    status, out, err = convert(l10n, project, checkpoints[family], package, to=target)
    assert (status, err) == (0, "")
    license = "cc-by-nc-4.0" if (checkpoints[family] / "README.md").exists() else "unknown"
    tokens = "".join(f", {name} {token}" for name, token in (("source prefix", source_prefix),
                                                             ("target prefix", prefix)) if token)
    assert out == (f"wrote {package}: fr→{target} from {checkpoints[family].name} (license: {license}{tokens}); "
                   f"install it with: l10n models install {package}\n")
    assert l10n(project, "models", "install", str(package))[0] == 0
    status, out, err = l10n(project, "models", "list")
    assert out.split()[:4] == [f"translate-fr_{target}", f"fr→{target}", "1.0",
                               str(packages_folder / f"translate-fr_{target}-1_0")]
    assert l10n(project, "update")[0] == 0
    status, out, err = l10n(project, "translate", "--lang", target)
    assert status == 0, err
    catalog = read_catalog(project / "locales" / target / "LC_MESSAGES" / "kazakhstan-ue.po", target)
    drafts = [entry for entry in catalog if entry.msgstr]
    assert len(drafts) == len(catalog)  # random weights: whatever the wording, every entry has a draft
    for entry in drafts:
        assert entry.fuzzy
        assert entry.tcomment.startswith(f"machine draft: argos translate-fr_{target} 1.0, confidence ")


def test_metadata_names_the_checkpoint_its_license_and_language_tokens(checkpoints, project, l10n, tmp_path):
    package = tmp_path / "nllb.argosmodel"
    status, out, err = convert(l10n, project, checkpoints["nllb"], package, "--package-version", "2.1")
    assert status == 0, err
    files = members(package)
    top = "translate-fr_kk-2_1/"
    assert {name.split("/")[0] + "/" for name in files} == {top}
    metadata = json.loads(files[top + "metadata.json"])
    assert {key: metadata[key] for key in ("type", "from_code", "to_code", "package_version", "license",
                                           "source_checkpoint", "target_prefix", "source_prefix")} == {
        "type": "translate", "from_code": "fr", "to_code": "kk", "package_version": "2.1",
        "license": "cc-by-nc-4.0", "source_checkpoint": "nllb-200-tiny", "target_prefix": "kaz_Cyrl",
        "source_prefix": "fra_Latn"}
    assert (metadata["from_name"], metadata["to_name"]) == ("French", "Kazakh")
    assert "nllb-200-tiny" in metadata["name"] and metadata["argos_version"]
    assert files[top + "sentencepiece.model"] == (checkpoints["nllb"] / "sentencepiece.bpe.model").read_bytes()
    assert "cc-by-nc-4.0" in files[top + "README.md"].decode()
    model = json.loads(files[top + "model/config.json"])
    assert (model["add_source_bos"], model["bos_token"], model["add_source_eos"]) == (True, "fra_Latn", True)
    assert top + "model/model.bin" in files


@pytest.mark.parametrize(("origin", "named"), [("facebook/nllb-200-distilled-600M", "facebook/nllb-200-distilled-600M"),
                                               ("/home/someone/models/nllb", "nllb-copy")])
def test_checkpoint_named_by_its_hub_name_never_a_local_path(origin, named, checkpoints, project, l10n, tmp_path):
    folder = tmp_path / "nllb-copy"
    shutil.copytree(checkpoints["nllb"], folder)
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    (folder / "config.json").write_text(json.dumps({**config, "_name_or_path": origin}), encoding="utf-8")
    assert convert(l10n, project, folder, tmp_path / "p.argosmodel")[0] == 0
    assert json.loads(members(tmp_path / "p.argosmodel")["translate-fr_kk-1_0/metadata.json"])[
        "source_checkpoint"] == named


def test_marian_package_has_the_source_tokenizer_and_no_language_tokens(checkpoints, project, l10n, tmp_path):
    package = tmp_path / "marian.argosmodel"
    assert convert(l10n, project, checkpoints["marian"], package, to="en")[0] == 0
    files = members(package)
    metadata = json.loads(files["translate-fr_en-1_0/metadata.json"])
    assert "target_prefix" not in metadata and "source_prefix" not in metadata
    assert files["translate-fr_en-1_0/sentencepiece.model"] == (checkpoints["marian"] / "source.spm").read_bytes()
    model = json.loads(files["translate-fr_en-1_0/model/config.json"])
    assert model["add_source_eos"] is True and model["add_source_bos"] is False


@pytest.mark.parametrize("family", FAMILIES)
def test_package_feeds_the_model_what_its_own_tokenizer_does(family, checkpoints, packages_folder, project, l10n,
                                                             tmp_path):
    """Scored with the installed package (the engine's tokenizer, the model as CTranslate2 loads
    it, in float32 as converted), a translation gets the log-probabilities the checkpoint gives it
    in transformers: the source language token and ``</s>`` reach the model, the target's leads."""
    import ctranslate2
    target, prefix, source_prefix = FAMILIES[family]
    package = tmp_path / f"{family}.argosmodel"
    assert convert(l10n, project, checkpoints[family], package, "--quantization", "float32", to=target)[0] == 0
    assert l10n(project, "models", "install", str(package))[0] == 0
    engine = argos.Engine(argos.installed()[0])
    model = ctranslate2.Translator(str(engine.info.path / "model"), compute_type="float32")  # "auto" is int8 on CPU
    pieces = ([prefix] if prefix else []) + engine.tokenizer.encode("Қазақстан өз жолын салады.")
    scored = model.score_batch([engine.tokenizer.encode(SENTENCE)], [pieces])[0].log_probs
    language = {"m2m100": "fr", "nllb": "fra_Latn"}.get(family)  # a Marian model's source names the target
    text = f"{source_prefix} {SENTENCE}" if family == "marian-multi" else SENTENCE
    expected = hf_checkpoints.log_probs(checkpoints[family], language, text, pieces)
    assert scored == pytest.approx(expected, abs=1e-4)


def test_int8_by_default(checkpoints, project, l10n, tmp_path):
    """The weights as stored: CTranslate2's "default" compute type is the model's own."""
    import ctranslate2
    stored = {}
    for quantization in ("int8", "float32"):
        package = tmp_path / f"{quantization}.argosmodel"
        options = ("--quantization", quantization) if quantization != "int8" else ()
        assert convert(l10n, project, checkpoints["nllb"], package, *options)[0] == 0
        with zipfile.ZipFile(package) as zipped:
            zipped.extractall(tmp_path / quantization)
        model = ctranslate2.Translator(str(tmp_path / quantization / "translate-fr_kk-1_0" / "model"),
                                       compute_type="default")
        stored[quantization] = model.compute_type
    assert stored["int8"].startswith("int8") and stored["float32"] == "float32"


def test_default_file_name_in_the_current_folder(checkpoints, project, l10n, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    status, out, err = l10n(project, "models", "convert", str(checkpoints["m2m100"]), "--from", "fr", "--to", "kk")
    assert status == 0, err
    assert (tmp_path / "translate-fr_kk-1_0.argosmodel").is_file()


def _without(checkpoint, tmp_path, name):
    """A copy of ``checkpoint`` without its file ``name``."""
    copy = tmp_path / checkpoint.name
    shutil.copytree(checkpoint, copy)
    (copy / name).unlink()
    return copy


def _broken(kind, checkpoints, tmp_path):
    """A checkpoint folder damaged in one way, the path its error must name, and words it must hold."""
    if kind == "missing":
        return tmp_path / "nowhere", tmp_path / "nowhere", "no such folder"
    if kind == "architecture":
        folder = tmp_path / "bert"
        folder.mkdir(parents=True)
        (folder / "config.json").write_text('{"model_type": "bert"}', encoding="utf-8")
        return folder, folder / "config.json", "a model of type 'bert'"
    missing = {"no config": "config.json", "no weights": "model.safetensors",
               "cut weights": "model.safetensors"}.get(kind, "sentencepiece.bpe.model")
    copy = _without(checkpoints["nllb"], tmp_path, missing)
    if kind == "cut weights":
        (copy / missing).write_bytes((checkpoints["nllb"] / missing).read_bytes()[:4000])
    if kind == "bad tokenizer":
        (copy / missing).write_bytes(b"not a SentencePiece model")
        return copy, copy / missing, "its tokenizer model does not load"
    words = {"no config": "no config.json", "no tokenizer": "sentencepiece.bpe.model is missing"}
    return copy, copy, words.get(kind, "cannot convert the model")


@pytest.mark.parametrize("kind", ["missing", "no config", "architecture", "no tokenizer", "bad tokenizer", "no weights",
                                  "cut weights"])
def test_a_damaged_checkpoint_is_one_line_and_writes_nothing(kind, checkpoints, project, l10n, tmp_path):
    folder, named, words = _broken(kind, checkpoints, tmp_path / "in")
    out = tmp_path / "out"
    out.mkdir()
    status, _, err = convert(l10n, project, folder, out / "package.argosmodel")
    assert status == 2
    assert err.count("\n") == 1 and err.startswith(f"{named}: ") and words in err
    assert list(out.iterdir()) == []


@pytest.mark.parametrize(("family", "pair", "words"), [
    ("nllb", ("fr", "kl"), "this model has no language token for 'kl'"),
    ("m2m100", ("kl", "kk"), "this model has no language token for 'kl'"),
    ("marian", ("fr", "kk"), "a Marian model for fr→en, not fr→kk (its tokenizer_config.json says so)"),
])
def test_a_language_the_checkpoint_does_not_know(family, pair, words, checkpoints, project, l10n, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    status, _, err = l10n(project, "models", "convert", str(checkpoints[family]), "--from", pair[0], "--to", pair[1],
                          "--out", str(out / "package.argosmodel"))
    assert (status, err) == (2, f"{checkpoints[family]}: {words}\n")
    assert list(out.iterdir()) == []


def test_a_failed_write_leaves_the_previous_file(checkpoints, project, l10n, tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    (out / "package.argosmodel").write_bytes(b"the previous package")

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(zipfile.ZipFile, "write", full_disk)
    status, _, err = convert(l10n, project, checkpoints["m2m100"], out / "package.argosmodel")
    assert status == 2
    assert err == f"{out / 'package.argosmodel'}: cannot write the package: No space left on device\n"
    assert [path.name for path in out.iterdir()] == ["package.argosmodel"]
    assert (out / "package.argosmodel").read_bytes() == b"the previous package"


def test_interrupted_conversion_leaves_nothing(checkpoints, project, l10n, tmp_path, monkeypatch):
    from l10n_article.translate.mt import convert as converting

    def interrupt(*args):
        raise KeyboardInterrupt
    monkeypatch.setattr(converting, "_zip", interrupt)
    status, _, _ = convert(l10n, project, checkpoints["m2m100"], tmp_path / "package.argosmodel")
    assert status == 130
    assert packages_in(tmp_path) == []


def test_a_killed_conversion_is_cleaned_up_by_the_next(checkpoints, project, l10n, tmp_path):
    killed, running = tmp_path / ".converting-999999999-x", tmp_path / f".converting-{os.getppid()}-y"
    for folder in (killed, running):
        (folder / "translate-fr_kk-1_0").mkdir(parents=True)
    assert convert(l10n, project, checkpoints["m2m100"], tmp_path / "p.argosmodel")[0] == 0
    assert sorted(packages_in(tmp_path)) == sorted([tmp_path / "p.argosmodel", running])


def test_without_the_convert_extra(checkpoints, project, l10n, tmp_path, monkeypatch):
    real = importlib.import_module

    def without_transformers(name, *args):
        if name.split(".")[0] == "transformers":
            raise ImportError(f"No module named {name!r}")
        return real(name, *args)
    monkeypatch.setattr(importlib, "import_module", without_transformers)
    status, _, err = convert(l10n, project, checkpoints["nllb"], tmp_path / "package.argosmodel")
    assert (status, err) == (2, "l10n: converting a model needs transformers: pip install -e '.[convert]'\n")
    assert not (tmp_path / "package.argosmodel").exists()


USAGE = "models convert takes one checkpoint folder and --from, --to (e.g. models convert DIR --from fr --to kk)"


@pytest.mark.parametrize(("arguments", "message"), [
    (("convert", "--from", "fr", "--to", "kk"), USAGE),
    (("convert", "a", "b", "--from", "fr", "--to", "kk"), USAGE),
    (("convert", "DIR", "--to", "kk"), USAGE),
    (("list", "--from", "fr"), "--from, --to, --out, --package-version and --quantization go with models convert, "
                               "not models list"),
])
def test_convert_usage(arguments, message, project, l10n):
    assert l10n(project, "models", *arguments)[::2] == (2, f"l10n: {message}\n")


@pytest.mark.parametrize(("options", "message"), [
    (("--from", "kk", "--to", "kk"), "--from and --to are both kk"),
    (("--from", "fr", "--to", "../kk"), "invalid language code '../kk' (expected a code such as en, ru, pt_BR)"),
    (("--from", "fr", "--to", "kk", "--package-version", "1.0/../x"),
     "invalid package version '1.0/../x' (expected numbers such as 1.0 or 2.1.3)"),
])
def test_bad_options(options, message, checkpoints, project, l10n, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    status, _, err = l10n(project, "models", "convert", str(checkpoints["nllb"]), *options)
    assert (status, err) == (2, f"l10n: {message}\n")
    assert packages_in(tmp_path) == []
