"""``l10n models convert``: a Hugging Face translation checkpoint turned into an Argos package.

The package is what Argos ships, so ``models install`` takes it and the drafting engine runs it
unchanged: one folder holding ``model/`` (the checkpoint converted by CTranslate2's
``TransformersConverter``), ``sentencepiece.model``, ``metadata.json`` and a ``README.md`` naming
the checkpoint and its license, zipped as ``.argosmodel``.

What the checkpoint's own tokenizer adds around a source sentence is carried by the converted
model's ``config.json``, which CTranslate2 reads when it loads the model (so plain Argos Translate
runs the package rightly too): ``add_source_eos`` ends every sentence with ``</s>``, and
``add_source_bos`` with ``bos_token`` set to the source prefix starts it with the source language
token (M2M-100's ``__fr__``, NLLB's ``fra_Latn``) or, for a Marian model of several target
languages, the target's (``>>kaz<<``). ``metadata.json`` names that ``source_prefix`` for
reference only: the model adds it itself. The target language token is ``target_prefix`` in
``metadata.json``, which the engine forces and strips. A Marian checkpoint has two SentencePiece
models: ``source.spm`` becomes ``sentencepiece.model``, since encoding must cut the text as the
model was trained; decoding only joins pieces, and a target piece the source model lacks comes
through as its own text.

The package is built in a staging folder beside the output file (``.converting-<pid>-…``), which
it replaces at once when whole: a failure or Ctrl-C leaves no file half-written, and the staging
folder of a killed conversion is removed by the next one.
"""

import importlib
import json
import os
import pickle
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel.core import Locale

from l10n_article.translate.errors import L10nError
from l10n_article.translate.mt import archive
from l10n_article.translate.mt import checkpoint as checkpoints
from l10n_article.translate.mt.checkpoint import Checkpoint, LanguageTokens
from l10n_article.translate.project import validate_language

QUANTIZATIONS = ("int8", "int16", "float16", "float32")  # int8, as Argos's own packages are
ARGOS_VERSION = "1.9"
VERSION = re.compile(r"\d+(\.\d+)*")
STAGING = ".converting-"  # a staging folder beside the package file: .converting-<process id>-<random>
INSTALL_EXTRA = "converting a model needs transformers: pip install -e '.[convert]'"


@dataclass(frozen=True)
class Request:
    """What to convert: the checkpoint folder, the language pair (the project's codes), where
    the package goes, its version and its quantization."""

    folder: Path
    source: str
    target: str
    out: Path | None = None
    version: str = "1.0"
    quantization: str = "int8"

    @property
    def name(self) -> str:
        """The package's folder name, as the Argos index names its files: ``translate-fr_kk-1_0``."""
        return f"translate-{self.source}_{self.target}-{self.version.replace('.', '_')}"


@dataclass(frozen=True)
class Converted:
    """A package file written: where, from which checkpoint, with which language tokens."""

    path: Path
    checkpoint: Checkpoint
    tokens: LanguageTokens


@dataclass(frozen=True)
class Libraries:
    """What a conversion runs on, imported only when one is asked for."""

    transformers: Any
    converters: Any  # CTranslate2's
    sentencepiece: Any


def _libraries() -> Libraries:
    """transformers, CTranslate2's converters and SentencePiece, with transformers' progress bars off."""
    try:
        libraries = Libraries(*map(importlib.import_module, ("transformers", "ctranslate2.converters",
                                                             "sentencepiece")))
    except ImportError as exc:
        raise L10nError(INSTALL_EXTRA) from exc
    libraries.transformers.utils.logging.set_verbosity_error()
    libraries.transformers.utils.logging.disable_progress_bar()
    return libraries


def _check_sentencepiece(sentencepiece: Any, checkpoint: Checkpoint) -> None:
    """Refuse a SentencePiece model that does not load: the package's tokenizer would not either."""
    try:
        sentencepiece.SentencePieceProcessor(model_file=str(checkpoint.sentencepiece))
    except (OSError, RuntimeError) as exc:
        raise L10nError(f"its tokenizer model does not load ({_reason(exc)})", checkpoint.sentencepiece) from exc


def _tokenizer(transformers: Any, checkpoint: Checkpoint) -> Any:
    """The checkpoint's tokenizer, as the checkpoint's own files define it."""
    try:
        return transformers.AutoTokenizer.from_pretrained(str(checkpoint.path))
    except (OSError, ValueError, KeyError, TypeError, RuntimeError) as exc:
        raise L10nError(f"cannot load its tokenizer ({_reason(exc)})", checkpoint.path) from exc


def _reason(exc: Exception) -> str:
    """An exception's message on one line."""
    return " ".join(str(exc).split()) or type(exc).__name__


def _with_language_tokens(tokenizer: Any) -> Any:
    """The tokenizer, its vocabulary made to include its language tokens: transformers 5 leaves
    M2M-100's out of ``get_vocab``, where CTranslate2 reads the model's vocabulary."""
    languages = dict(getattr(tokenizer, "lang_token_to_id", {}))
    if languages:
        own = tokenizer.get_vocab
        tokenizer.get_vocab = lambda: {**own(), **languages}
    return tokenizer


def _convert_model(converters: Any, checkpoint: Checkpoint, tokenizer: Any, model: Path, quantization: str) -> None:
    """Convert the checkpoint's weights into a CTranslate2 model in folder ``model``."""
    class Converter(converters.TransformersConverter):
        def load_tokenizer(self, tokenizer_class: Any, path: str, **kwargs: Any) -> Any:
            return _with_language_tokens(tokenizer)

    damaged = importlib.import_module("safetensors").SafetensorError  # weights cut short or garbled
    try:
        Converter(str(checkpoint.path)).convert(str(model), quantization=quantization)
    except (OSError, ValueError, RuntimeError, NotImplementedError, KeyError, EOFError, pickle.UnpicklingError,
            damaged) as exc:
        raise L10nError(f"cannot convert the model ({_reason(exc)})", checkpoint.path) from exc


def _mark_source(model: Path, tokens: LanguageTokens) -> None:
    """Make CTranslate2 put around each source sentence what the checkpoint's tokenizer does."""
    path = model / "config.json"
    config = json.loads(path.read_text(encoding="utf-8"))
    config["add_source_eos"] = True
    if tokens.source_prefix:
        config.update(add_source_bos=True, bos_token=tokens.source_prefix)
    path.write_text(json.dumps(config, indent=2), encoding="utf-8")


def _language_name(code: str) -> str:
    """A language's English name: ``Kazakh`` for ``kk``."""
    return Locale.parse(code).english_name or code


def metadata(request: Request, checkpoint: Checkpoint, tokens: LanguageTokens) -> dict[str, str]:
    """The package's ``metadata.json``: Argos's fields, then where the model comes from."""
    source, target = _language_name(request.source), _language_name(request.target)
    fields = {"type": "translate", "package_version": request.version, "argos_version": ARGOS_VERSION,
              "from_code": request.source, "from_name": source, "to_code": request.target, "to_name": target,
              "name": f"{source} → {target} ({checkpoint.name})", "source_checkpoint": checkpoint.name,
              "license": checkpoint.license, "quantization": request.quantization}
    if tokens.target_prefix:
        fields["target_prefix"] = tokens.target_prefix
    if tokens.source_prefix:
        fields["source_prefix"] = tokens.source_prefix
    return fields


def _readme(checkpoint: Checkpoint, fields: dict[str, str]) -> str:
    """The package's ``README.md``, which Argos shows as its description."""
    return (f"# {fields['name']}\n\nConverted from the Hugging Face checkpoint {checkpoint.name} "
            f"(license: {checkpoint.license}) by l10n models convert, quantized to {fields['quantization']}.\n")


def _zip(folder: Path, archive: Path) -> None:
    """Zip the package ``folder`` as Argos packages are: one top-level folder."""
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for path in sorted(folder.rglob("*")):
            zipped.write(path, path.relative_to(folder.parent).as_posix())


def _write_atomically(out: Path, name: str, build: Callable[[Path], None]) -> None:
    """Run ``build`` on package folder ``name`` in a staging folder beside ``out``, zip it, and move
    the zip to ``out`` in one rename; the staging folder goes, whatever happens."""
    if out.is_dir():
        raise L10nError("a folder: --out takes the package file to write (FILE.argosmodel)", out)
    try:
        archive.remove_leftovers(out.parent, STAGING)
        staging = Path(tempfile.mkdtemp(prefix=f"{STAGING}{os.getpid()}-", dir=out.parent))
    except OSError as exc:
        raise L10nError(f"cannot write the package here: {exc.strerror or exc}", out) from exc
    try:
        package = staging / name
        package.mkdir()
        build(package)
        _zip(package, staging / out.name)
        os.replace(staging / out.name, out)
    except OSError as exc:
        raise L10nError(f"cannot write the package: {exc.strerror or exc}", out) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def convert(request: Request) -> Converted:
    """Convert the checkpoint in ``request.folder`` into an Argos package file."""
    validate_language(request.source), validate_language(request.target)
    if request.source == request.target:
        raise L10nError(f"--from and --to are both {request.source}")
    if not VERSION.fullmatch(request.version):
        raise L10nError(f"invalid package version {request.version!r} (expected numbers such as 1.0 or 2.1.3)")
    checkpoint = checkpoints.read(request.folder)
    libraries = _libraries()
    _check_sentencepiece(libraries.sentencepiece, checkpoint)
    tokenizer = _tokenizer(libraries.transformers, checkpoint)
    tokens = checkpoints.language_tokens(checkpoint, tokenizer, request.source, request.target)
    out = request.out or Path(f"{request.name}.argosmodel")

    def build(package: Path) -> None:
        _convert_model(libraries.converters, checkpoint, tokenizer, package / "model", request.quantization)
        _mark_source(package / "model", tokens)
        shutil.copyfile(checkpoint.sentencepiece, package / "sentencepiece.model")
        fields = metadata(request, checkpoint, tokens)
        (package / "metadata.json").write_text(json.dumps(fields, indent=2, ensure_ascii=False), encoding="utf-8")
        (package / "README.md").write_text(_readme(checkpoint, fields), encoding="utf-8")

    _write_atomically(out, request.name, build)
    return Converted(out, checkpoint, tokens)
