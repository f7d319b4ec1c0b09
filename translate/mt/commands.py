"""The ``translate`` and ``models`` commands: thin layers over ``drafts`` and ``argos``."""

import argparse
from pathlib import Path

from l10n_article.translate.commands import at_least, language_list
from l10n_article.translate.errors import L10nError
from l10n_article.translate.mt.routes import PackageInfo
from l10n_article.translate.workspace import Workspace

INSTALL_USAGE = "models install takes FILE.argosmodel, or FROM TO (e.g. fr en)"
CONVERT_USAGE = "models convert takes one checkpoint folder and --from, --to (e.g. models convert DIR --from fr --to kk)"
CONVERT_DEFAULTS = {"convert_from": None, "convert_to": None, "out": None, "package_version": "1.0",
                    "quantization": "int8"}


def run_translate(ws: Workspace, args: argparse.Namespace) -> int:
    """``l10n translate``: print each language's route and drafts; 1 when a language has no route."""
    from l10n_article.translate.mt.drafts import plan, translate_drafts
    languages = ws.project.select(args.lang)
    if args.dry_run:
        plans = plan(ws, languages, args.refresh)
        for item in plans:
            print("\n".join(item.summary()))
        return 1 if any(item.problem for item in plans) else 0
    with _ProgressBar() as progress:
        report = translate_drafts(ws, languages, refresh=args.refresh, device=args.device,
                                  threads=args.threads, beam=args.beam, progress=progress)
    for outcome in report.outcomes:
        print(outcome.summary())
    print(f"model calls: {report.calls}")
    return 1 if report.partial else 0


class _ProgressBar:
    """A tqdm bar on a terminal for runs longer than a moment, naming the language and the leg,
    with the leg's total, and the model being loaded; nothing when output is redirected."""

    def __enter__(self) -> "_ProgressBar":
        from tqdm import tqdm
        self.bar = tqdm(unit="sentence", desc="translating", delay=1.0, disable=None, leave=False)
        self.language, self.described = "", "translating"
        return self

    def leg(self, language: str, leg: PackageInfo, total: int) -> None:
        self.language, self.described = language, f"{language}: {leg.label} ({leg.from_code}→{leg.to_code})"
        self.bar.reset(total=total)
        self.bar.set_description(self.described)

    def loading(self, leg: PackageInfo) -> None:
        self.bar.set_description(f"{self.language}: loading the model of {leg.label}")

    def advance(self, count: int) -> None:
        if self.bar.desc != self.described:
            self.bar.set_description(self.described, refresh=False)
        self.bar.update(count)

    def __exit__(self, *exc) -> None:
        self.bar.close()


def _install(what: list[str]) -> None:
    """``models install FILE`` or ``models install FROM TO``."""
    from l10n_article.translate.mt import argos
    if len(what) == 1:
        file = Path(what[0])
        if not file.exists() and not file.suffix and len(file.parts) == 1:
            raise L10nError(f"{INSTALL_USAGE}: there is no file named {file}")
        info = argos.install_file(file)
    elif len(what) == 2:
        info = argos.install_from_index(*what)
    else:
        raise L10nError(INSTALL_USAGE)
    print(f"installed {info.label} ({info.from_code}→{info.to_code}) in {info.path}")


def _convert(args: argparse.Namespace) -> None:
    """``models convert DIR --from fr --to kk [--out FILE]``."""
    from l10n_article.translate.mt.convert import Request, convert
    if len(args.what) != 1 or not args.convert_from or not args.convert_to:
        raise L10nError(CONVERT_USAGE)
    done = convert(Request(Path(args.what[0]), args.convert_from, args.convert_to, args.out,
                           args.package_version, args.quantization))
    tokens = "".join(f", {name} {token}" for name, token in (("source prefix", done.tokens.source_prefix),
                                                               ("target prefix", done.tokens.target_prefix)) if token)
    print(f"wrote {done.path}: {args.convert_from}→{args.convert_to} from {done.checkpoint.name} "
          f"(license: {done.checkpoint.license}{tokens}); install it with: l10n models install {done.path}")


def run_models(ws: Workspace, args: argparse.Namespace) -> int:
    """``l10n models list|available|install|convert``."""
    from l10n_article.translate.mt import argos
    if args.action == "convert":
        _convert(args)
        return 0
    if any(getattr(args, option) != default for option, default in CONVERT_DEFAULTS.items()):
        raise L10nError(f"--from, --to, --out, --package-version and --quantization go with models convert, "
                        f"not models {args.action}")
    if args.action != "install" and args.what:
        raise L10nError(f"models {args.action} takes no argument")
    if args.action == "list":
        packages = argos.installed()
        for info in packages:
            print(f"{info.name}  {info.from_code}→{info.to_code}  {info.version}  {info.path}")
        if not packages:
            print(f"no packages installed in {argos.packages_dir()}")
    elif args.action == "available":
        for package in argos.available():
            print(f"{package.name}  {package.from_code}→{package.to_code}  {package.version}")
    else:
        _install(args.what)
    return 0


def add_commands(commands) -> None:
    translate = commands.add_parser("translate", help="fill untranslated entries with machine drafts (Argos)")
    translate.add_argument("--lang", type=language_list, help="comma-separated languages (default: all)")
    translate.add_argument("--dry-run", action="store_true", help="print each route and what it would do")
    translate.add_argument("--refresh", action="store_true",
                           help="also redo drafts still exactly as the machine wrote them")
    translate.add_argument("--device", choices=("cpu", "cuda"), default="cpu",
                           help="where CTranslate2 runs the models (default: cpu; cuda needs a GPU build)")
    translate.add_argument("--threads", type=at_least(0), default=0,
                           help="CPU threads per model (default 0: CTranslate2's choice)")
    translate.add_argument("--beam", type=at_least(1), default=4, help="beam size (default 4, as Argos)")
    translate.set_defaults(run=run_translate)
    models = commands.add_parser("models", help="list, look up, install and make Argos Translate packages")
    models.add_argument("action", choices=("list", "available", "install", "convert"))
    models.add_argument("what", nargs="*", help="for install: FILE.argosmodel, or FROM TO (e.g. fr en); "
                        "for convert: a Hugging Face checkpoint folder (Marian, M2M-100, NLLB-200)")
    _add_convert_options(models)
    models.set_defaults(run=run_models)


def _add_convert_options(models) -> None:
    """The options of ``models convert``."""
    from l10n_article.translate.mt.convert import QUANTIZATIONS
    models.add_argument("--from", dest="convert_from", metavar="LANG", help="for convert: the source language (fr)")
    models.add_argument("--to", dest="convert_to", metavar="LANG", help="for convert: the target language (kk)")
    models.add_argument("--out", type=Path, metavar="FILE",
                        help="for convert: the package file (default: translate-FROM_TO-1_0.argosmodel)")
    models.add_argument("--package-version", default=CONVERT_DEFAULTS["package_version"], metavar="VERSION",
                        help="for convert: the package's version (default 1.0; the highest installed is used)")
    models.add_argument("--quantization", choices=QUANTIZATIONS, default=CONVERT_DEFAULTS["quantization"],
                        help="for convert: the weights' precision (default int8, as Argos packages)")
