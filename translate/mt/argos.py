"""Argos Translate packages: listing, installing, and running their models.

The only module that imports argostranslate (and CTranslate2). Models are run directly: each
package is loaded once, sentences are tokenized with the package's own SentencePiece or BPE model,
and whole batches go to CTranslate2 with Argos's decoding settings.
"""

import importlib
import json
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

from l10n_article.translate.errors import L10nError
from l10n_article.translate.mt.routes import PackageInfo

BATCH_SENTENCES = 32
DECODING = {"replace_unknowns": True, "length_penalty": 0.2}  # as argostranslate decodes


def _require(module: str):
    """Import a part of argostranslate (or CTranslate2) when first needed, or say how to install it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise L10nError("machine drafts need Argos Translate: pip install torch==2.13.0 && "
                        "pip install -e '.[mt]'") from exc


def packages_dir() -> Path:
    """Where packages are installed: ``ARGOS_PACKAGES_DIR``, else argostranslate's default."""
    if os.environ.get("ARGOS_PACKAGES_DIR"):
        return Path(os.environ["ARGOS_PACKAGES_DIR"])
    return Path(_require("argostranslate.settings").package_data_dir)


def _info(package) -> PackageInfo:
    name = _require("argostranslate.package").argospm_package_name(package)
    return PackageInfo(name, package.from_code, package.to_code, str(package.package_version),
                       Path(package.package_path))


def _load(path: Path):
    try:
        package = _require("argostranslate.package").Package(path)
    except (OSError, json.JSONDecodeError) as exc:
        raise L10nError(f"not a valid Argos package: {exc}", path) from exc
    if package.type != "translate" or not package.from_code or not package.to_code:
        raise L10nError("not an Argos translation package (metadata.json names no from_code/to_code)", path)
    if not (path / "model" / "model.bin").exists() or getattr(package, "tokenizer", None) is None:
        raise L10nError("not a valid Argos package: no model/model.bin or no tokenizer model", path)
    return package


def installed() -> list[PackageInfo]:
    """Installed translation packages, in name order."""
    folder = packages_dir()
    if not folder.is_dir():
        return []
    return sorted((_info(_load(path)) for path in folder.iterdir() if path.is_dir() and not path.name.startswith(".")),
                  key=lambda info: (info.name, info.version))


def install_file(path: Path) -> PackageInfo:
    """Install a ``.argosmodel`` file; a bad file leaves the packages folder as it was."""
    if not zipfile.is_zipfile(path):
        raise L10nError("not an Argos package (not a zip archive)", path)
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        tops = {name.split("/")[0] for name in names}
        if len(tops) != 1 or any(name.startswith("/") or ".." in name.split("/") for name in names):
            raise L10nError("not an Argos package (expected one top-level folder)", path)
        try:
            damaged = archive.testzip()
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise L10nError(f"damaged archive: {exc}", path) from exc
        if damaged is not None:
            raise L10nError(f"damaged archive: {damaged} fails its checksum", path)
        folder = packages_dir()
        folder.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=folder))
        try:
            archive.extractall(staging)
            top = staging / tops.pop()
            try:
                package = _load(top)
                package.tokenizer.encode("Test.")
            except L10nError as exc:
                raise L10nError(exc.message, path) from exc
            except (OSError, RuntimeError, ValueError) as exc:
                raise L10nError(f"not a valid Argos package: its tokenizer does not load ({exc})", path) from exc
            info = _info(package)
            target = folder / top.name
            if target.exists():
                shutil.rmtree(target)
            top.rename(target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return PackageInfo(info.name, info.from_code, info.to_code, info.version, target)


def _index():
    """The Argos package index, freshly downloaded; L10nError when it cannot be reached."""
    package, settings = _require("argostranslate.package"), _require("argostranslate.settings")
    index = Path(settings.local_package_index)
    before = index.stat().st_mtime_ns if index.exists() else None
    package.update_package_index()
    if not index.exists() or index.stat().st_mtime_ns == before:
        raise L10nError(f"cannot reach the Argos package index ({settings.remote_package_index}): "
                        "offline? Install a package file instead: l10n models install FILE.argosmodel")
    return package.get_available_packages()


def available() -> list[tuple[str, str, str, str]]:
    """(name, from, to, version) of every translation package in the Argos index."""
    name = _require("argostranslate.package").argospm_package_name
    return sorted((name(p), p.from_code, p.to_code, str(p.package_version))
                  for p in _index() if p.type == "translate")


def install_from_index(from_code: str, to_code: str) -> PackageInfo:
    matches = [p for p in _index() if p.from_code == from_code and p.to_code == to_code]
    if not matches:
        raise L10nError(f"the Argos index has no package for {from_code}→{to_code}")
    try:
        downloaded = matches[0].download()
    except Exception as exc:  # argostranslate raises a bare Exception when a download fails
        raise L10nError(f"download of {from_code}→{to_code} failed: {exc}") from exc
    return install_file(Path(downloaded))


class Engine:
    """One package's model, loaded once; ``calls`` counts CTranslate2 calls."""

    def __init__(self, info: PackageInfo, device: str = "cpu", threads: int = 0, beam: int = 4):
        ctranslate2 = _require("ctranslate2")
        package = _load(info.path)
        self.info = info
        self.tokenizer = package.tokenizer
        self.target_prefix = package.target_prefix
        self.beam = beam
        self.calls = 0
        try:
            self.translator = ctranslate2.Translator(str(info.path / "model"), device=device, compute_type="auto",
                                                     intra_threads=threads, inter_threads=1)
        except (RuntimeError, ValueError) as exc:
            raise L10nError(f"cannot load the model on {device}: {exc}", info.path) from exc

    def translate(self, sentences: list[str]) -> list[str]:
        """Translate a batch of sentences in one CTranslate2 call."""
        try:
            tokens = [self.tokenizer.encode(sentence) for sentence in sentences]
            prefix = [[self.target_prefix]] * len(tokens) if self.target_prefix else None
            results = self.translator.translate_batch(tokens, target_prefix=prefix, beam_size=self.beam,
                                                      max_batch_size=BATCH_SENTENCES, **DECODING)
        except (OSError, RuntimeError, ValueError) as exc:
            raise L10nError(f"the model failed: {exc}", self.info.path) from exc
        self.calls += 1
        return [self._decode(result.hypotheses[0]) for result in results]

    def _decode(self, tokens: list[str]) -> str:
        if self.target_prefix and tokens[:1] == [self.target_prefix]:
            tokens = tokens[1:]  # before decoding, which would turn "__kk__" into "  kk  "
        return self.tokenizer.decode(tokens).strip()
