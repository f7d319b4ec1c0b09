"""Argos Translate packages: listing, installing, and running their models.

The only module that imports argostranslate (and CTranslate2). Models are run directly: each
package is loaded once, sentences are tokenized with the package's own SentencePiece or BPE model,
and whole batches go to CTranslate2 with Argos's decoding settings.
"""

import importlib
import json
import logging
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from l10n_article.translate.errors import L10nError
from l10n_article.translate.files import read_json_object
from l10n_article.translate.mt import archive
from l10n_article.translate.mt.units import MachineSentence
from l10n_article.translate.mt.routes import PackageInfo

BATCH_SENTENCES = 32
LENGTH_PENALTY = 0.2
DECODING = {"replace_unknowns": True, "length_penalty": LENGTH_PENALTY}  # as argostranslate decodes
TEXT_FIELDS = ("type", "from_code", "to_code", "target_prefix")  # metadata.json fields the code relies on
TOKENIZER_FILES = ("sentencepiece.model", "bpe.model")  # as argostranslate looks for them


@dataclass(frozen=True, order=True)
class IndexedPackage:
    """A translation package of the Argos index, as ``models available`` lists it."""

    name: str
    from_code: str
    to_code: str
    version: str


def _require(module: str) -> Any:
    """Import a part of argostranslate (or CTranslate2) when first needed, or say how to install it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise L10nError("machine drafts need Argos Translate: pip install torch==2.13.0 && "
                        "pip install -e '.[mt]'") from exc


@contextmanager
def _quiet() -> Iterator[None]:
    """Keep argostranslate's own log lines (it logs each failed download) off the user's terminal:
    its failures reach the user as our one-line errors."""
    logger = logging.getLogger("argostranslate.utils")
    disabled, logger.disabled = logger.disabled, True
    try:
        yield
    finally:
        logger.disabled = disabled


def packages_dir() -> Path:
    """Where packages are installed: ``ARGOS_PACKAGES_DIR``, else argostranslate's default."""
    if os.environ.get("ARGOS_PACKAGES_DIR"):
        return Path(os.environ["ARGOS_PACKAGES_DIR"])
    return Path(_require("argostranslate.settings").package_data_dir)


def _metadata(path: Path) -> dict[str, Any]:
    """The package's ``metadata.json``, refused when missing, not a JSON object, or when the fields
    the code relies on are not text; the error names the package folder."""
    metadata = read_json_object(path / "metadata.json", "not an Argos package: no metadata.json in its folder",
                                "not a valid Argos package: ")
    wrong = [key for key in TEXT_FIELDS if not isinstance(metadata.get(key, ""), str)]
    if wrong:
        raise L10nError(f"not a valid Argos package: {', '.join(wrong)} in metadata.json must be text", path)
    return metadata


def describe(path: Path) -> PackageInfo:
    """The package in folder ``path`` as route planning needs it, named as argostranslate names it
    (``translate-fr_en``), from its files alone: ``metadata.json`` (translation metadata), a model
    and a tokenizer model. Nothing of argostranslate, CTranslate2 or torch is imported."""
    metadata = _metadata(path)
    kind, from_code, to_code = metadata.get("type", "translate"), metadata.get("from_code"), metadata.get("to_code")
    if kind != "translate" or not from_code or not to_code:
        raise L10nError("not an Argos translation package (metadata.json names no from_code/to_code)", path)
    if not (path / "model" / "model.bin").exists() or not any((path / name).exists() for name in TOKENIZER_FILES):
        raise L10nError("not a valid Argos package: no model/model.bin or no tokenizer model", path)
    return PackageInfo(f"{kind}-{from_code}_{to_code}", from_code, to_code, str(metadata.get("package_version", "")),
                       path)


def _load(path: Path) -> Any:
    """The argostranslate package in folder ``path`` (for its tokenizer), checked first."""
    describe(path)
    try:
        return _require("argostranslate.package").Package(path)
    except (OSError, ValueError) as exc:
        raise L10nError(f"not a valid Argos package: {exc}", path) from exc


def installed() -> list[PackageInfo]:
    """Installed translation packages, in name order: every folder of the packages folder whose
    name does not start with a dot (staging folders of an install under way do)."""
    folder = packages_dir()
    if not folder.is_dir():
        return []
    return sorted((describe(path) for path in folder.iterdir() if path.is_dir() and not path.name.startswith(".")),
                  key=lambda info: (info.name, info.version))


def _folder_name(info: PackageInfo) -> str:
    """Where a package goes, named as the Argos index names its files: ``translate-fr_en-1_9``."""
    return re.sub(r"[^\w-]+", "_", f"{info.name}-{info.version}" if info.version else info.name)


def _checked(package_folder: Path, origin: Path) -> PackageInfo:
    """The unpacked package, loaded and its tokenizer tried; errors name the package file the user
    gave (``origin``) and the member at fault, never the staging folder."""
    inside = f"{package_folder.parent}{os.sep}"
    try:
        _load(package_folder).tokenizer.encode("Test.")
    except L10nError as exc:
        raise L10nError(exc.message.replace(inside, ""), origin) from exc
    except (OSError, RuntimeError, ValueError) as exc:
        reason = str(exc).replace(inside, "")
        raise L10nError(f"not a valid Argos package: its tokenizer does not load ({reason})", origin) from exc
    return describe(package_folder)


def install_file(path: Path) -> PackageInfo:
    """Install a ``.argosmodel`` file; a bad file, a full disk or a kill leaves the packages
    folder as it was (but for a staging folder, removed by the next install)."""
    checked = archive.inspect(path)
    folder = packages_dir()
    with archive.unpacked(checked, folder) as package_folder:
        info = _checked(package_folder, path)
        target = folder / _folder_name(info)
        archive.move_into_place(package_folder, target, path)
    return replace(info, path=target)


def _index() -> list[Any]:
    """The Argos package index, freshly downloaded; L10nError when it cannot be reached."""
    package, settings = _require("argostranslate.package"), _require("argostranslate.settings")
    index = Path(settings.local_package_index)
    before = index.stat().st_mtime_ns if index.exists() else None
    with _quiet():
        package.update_package_index()
    if not index.exists() or index.stat().st_mtime_ns == before:
        raise L10nError(f"cannot reach the Argos package index ({settings.remote_package_index}): "
                        "offline? Install a package file instead: l10n models install FILE.argosmodel")
    return package.get_available_packages()


def available() -> list[IndexedPackage]:
    """Every translation package in the Argos index, in name order."""
    name = _require("argostranslate.package").argospm_package_name
    return sorted(IndexedPackage(name(p), p.from_code, p.to_code, str(p.package_version))
                  for p in _index() if p.type == "translate")


def install_from_index(from_code: str, to_code: str) -> PackageInfo:
    """Download the index's package for ``from_code``→``to_code`` and install it."""
    matches = [p for p in _index() if p.from_code == from_code and p.to_code == to_code]
    if not matches:
        raise L10nError(f"the Argos index has no package for {from_code}→{to_code}")
    try:
        with _quiet():
            downloaded = Path(matches[0].download())
    except Exception as exc:  # argostranslate raises a bare Exception when a download fails
        raise L10nError(f"download of {from_code}→{to_code} failed: {exc}") from exc
    try:
        return install_file(downloaded)
    finally:
        downloaded.unlink(missing_ok=True)  # as argostranslate does: a damaged download is fetched anew


def _vocabulary(model: Path, side: str) -> frozenset[str]:
    """The tokens a CTranslate2 model knows on one ``side`` (source or target), from its vocabulary
    file (JSON list, or one token a line); empty when it has none (nothing can then be checked)."""
    for name in ("shared_vocabulary", f"{side}_vocabulary"):
        for path, read in ((model / f"{name}.json", json.loads), (model / f"{name}.txt", str.splitlines)):
            if path.exists():
                try:
                    return frozenset(read(path.read_text(encoding="utf-8")))
                except (OSError, ValueError) as exc:
                    raise L10nError(f"not a valid Argos package: cannot read {path.name} ({exc})", path) from exc
    return frozenset()


class Engine:
    """One package, loaded as far as it is used: its tokenizer when a text is first tokenized, its
    model when a batch is first translated (``loading`` is told before); ``calls`` counts
    CTranslate2 calls. Making one imports nothing."""

    def __init__(self, info: PackageInfo, device: str = "cpu", threads: int = 0, beam: int = 4):
        self.info = info
        self.device, self.threads, self.beam = device, threads, beam
        self.calls = 0
        self.loading: Callable[[PackageInfo], None] = lambda info: None
        self._translator: Any = None

    @cached_property
    def package(self) -> Any:
        """The argostranslate package, for its tokenizer and target prefix."""
        return _load(self.info.path)

    @property
    def tokenizer(self) -> Any:
        return self.package.tokenizer

    @property
    def target_prefix(self) -> str:
        """The token a multilingual package's output starts with (``__kk__``), or empty."""
        return self.package.target_prefix

    @cached_property
    def vocabularies(self) -> list[frozenset[str]]:
        return [_vocabulary(self.info.path / "model", side) for side in ("source", "target")]

    def keeps(self, text: str) -> bool:
        """Whether the package can copy ``text`` through: its tokenizer gives it back unchanged, and
        the model knows every piece of it on both sides (an unknown piece reaches it as ``<unk>``)."""
        pieces = self.tokenizer.encode(text)
        known = all(piece in vocabulary for vocabulary in self.vocabularies if vocabulary for piece in pieces)
        return known and self.tokenizer.decode(pieces).strip() == text

    @property
    def translator(self) -> Any:
        """The CTranslate2 model, loaded now if it is not yet."""
        if self._translator is None:
            ctranslate2 = _require("ctranslate2")
            self.loading(self.info)
            try:
                self._translator = ctranslate2.Translator(str(self.info.path / "model"), device=self.device,
                                                          compute_type="auto", intra_threads=self.threads,
                                                          inter_threads=1)
            except (RuntimeError, ValueError) as exc:
                raise L10nError(f"cannot load the model on {self.device}: {exc}", self.info.path) from exc
        return self._translator

    def translate(self, sentences: list[str]) -> list[MachineSentence]:
        """Translate a batch of sentences in one CTranslate2 call, each with its score."""
        translator = self.translator
        try:
            tokens = [self.tokenizer.encode(sentence) for sentence in sentences]
            prefix = [[self.target_prefix]] * len(tokens) if self.target_prefix else None
            results = translator.translate_batch(tokens, target_prefix=prefix, beam_size=self.beam,
                                                 max_batch_size=BATCH_SENTENCES, return_scores=True, **DECODING)
        except (OSError, RuntimeError, ValueError) as exc:
            raise L10nError(f"the model failed: {exc}", self.info.path) from exc
        self.calls += 1
        return [self._output(result.hypotheses[0], result.scores[0]) for result in results]

    def _output(self, tokens: list[str], score: float) -> MachineSentence:
        """A hypothesis as text, with the mean log-probability of its tokens. CTranslate2's score is
        their summed log-probability divided by ``length ** length_penalty``, the length counting
        the end token (greedy search included)."""
        length = len(tokens) + 1
        return MachineSentence(self._decode(tokens), score * length ** LENGTH_PENALTY / length, length)

    def _decode(self, tokens: list[str]) -> str:
        """The text of a hypothesis, without the target prefix a multilingual package forces."""
        if self.target_prefix and tokens[:1] == [self.target_prefix]:
            tokens = tokens[1:]  # before decoding, which would turn "__kk__" into "  kk  "
        return self.tokenizer.decode(tokens).strip()
