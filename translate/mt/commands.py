"""The ``translate`` and ``models`` commands: thin layers over ``drafts`` and ``argos``."""

import argparse
from pathlib import Path

from l10n_article.translate.commands import at_least, language_list
from l10n_article.translate.errors import L10nError
from l10n_article.translate.workspace import Workspace


def run_translate(ws: Workspace, args: argparse.Namespace) -> int:
    from l10n_article.translate.mt.drafts import plan, translate_drafts
    languages = ws.project.select(args.lang)
    if args.dry_run:
        plans = plan(ws, languages, args.refresh)
        for item in plans:
            print(item.summary())
        return 1 if any(item.route is None for item in plans) else 0
    with _progress() as progress:
        report = translate_drafts(ws, languages, refresh=args.refresh, device=args.device,
                                  threads=args.threads, beam=args.beam, progress=progress)
    for outcome in report.outcomes:
        print(outcome.summary())
    print(f"model calls: {report.calls}")
    return 1 if report.partial else 0


class _progress:
    """A tqdm bar on a terminal for runs longer than a moment; nothing when output is redirected."""

    def __enter__(self):
        from tqdm import tqdm
        self.bar = tqdm(unit="sentence", desc="translating", delay=1.0, disable=None, leave=False)
        return self.bar.update

    def __exit__(self, *exc):
        self.bar.close()


def run_models(ws: Workspace, args: argparse.Namespace) -> int:
    from l10n_article.translate.mt import argos
    if args.action == "list":
        packages = argos.installed()
        for info in packages:
            print(f"{info.name}  {info.from_code}→{info.to_code}  {info.version}  {info.path}")
        if not packages:
            print(f"no packages installed in {argos.packages_dir()}")
    elif args.action == "available":
        for name, from_code, to_code, version in argos.available():
            print(f"{name}  {from_code}→{to_code}  {version}")
    elif len(args.what) == 1:
        info = argos.install_file(Path(args.what[0]))
        print(f"installed {info.label} ({info.from_code}→{info.to_code}) in {info.path}")
    elif len(args.what) == 2:
        info = argos.install_from_index(*args.what)
        print(f"installed {info.label} ({info.from_code}→{info.to_code}) in {info.path}")
    else:
        raise L10nError("models install takes FILE.argosmodel, or a source and a target language")
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
    models = commands.add_parser("models", help="list, look up and install Argos Translate packages")
    models.add_argument("action", choices=("list", "available", "install"))
    models.add_argument("what", nargs="*", help="for install: FILE.argosmodel, or FROM TO (e.g. fr en)")
    models.set_defaults(run=run_models)
