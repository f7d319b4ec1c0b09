"""``l10n serve``: the pages and the comparison pages served live on this machine, where an editor
approves segments, leaves or resolves notes, and corrects translations.

The site is made in memory from the files as they are (nothing is written but what an editor asks
for) and made again when a source, catalog or template changes; a small script in each page asks
``/live`` once a second whether its page changed and reloads it (never while the editor is typing
in it). Editing goes through the same library as ``l10n approve`` and ``l10n note``, so a
translator's save that lands meanwhile is merged, and a correction is applied only to the text the
editor saw (else both texts are shown). Requests that change files carry the session's token (a page of another site cannot make
the editor's browser send one), only this machine's host names are answered (no DNS rebinding),
and only the project's sources and catalogs are ever shown as files.
"""

import asyncio
import contextlib
import hashlib
import html
import json
import mimetypes
import secrets
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route
from watchfiles import awatch

from l10n_article.render.compare import Session
from l10n_article.render.context import L10nError, Sources, Workspace, language_name, published_records
from l10n_article.render.pages import site_in_memory
from l10n_article.render.templating import environment, page_frame
from l10n_article.translate.catalog.review import Conflict, Place, add_note, approve, correct, resolve_notes

TEMPLATES = Path(__file__).parent / "templates"
LOCAL_HOSTS = ["127.0.0.1", "localhost", "[::1]", "::1"]
VIEWABLE = (".md", ".po", ".pot")


@dataclass
class Site:
    """The site as the files are now, made again after any change."""

    make_workspace: Callable[[], Workspace]
    token: str
    editor: str | None
    version: int = 0
    files: dict[str, str | bytes] = field(default_factory=dict)

    def changed(self) -> None:
        self.version += 1
        self.files = {}

    def current(self) -> dict[str, str | bytes]:
        """The site's files, made again after a change (kept only if no change came meanwhile)."""
        if self.files:
            return self.files
        version, files = self.version, self._make()
        if version == self.version:
            self.files = files
        return files

    def _make(self) -> dict[str, str | bytes]:
        ws = self.make_workspace()
        sources = Sources(published_records(ws))
        return site_in_memory(ws, sources, Session(self.token, self.editor) if self.editor else None)


def _conflict_page(site: Site, place: Place, conflict: Conflict) -> str:
    """Both texts of a correction that was not applied, with a form to save the editor's over the
    catalog's, in the comparison page's language."""
    ws = site.make_workspace()
    project = ws.project
    language = project.source_language
    page = page_frame(language, [language, *project.languages], "index.html", current=None)
    return environment(ws, language).get_template("conflict.html").render(
        page=page, token=site.token, slug=place.article, number=place.segment, language=place.language,
        language_name=language_name(place.language, language), theirs=conflict.theirs, yours=conflict.yours,
        seen=conflict.seen)


def _digest(content: str | bytes) -> str:
    return hashlib.sha256(content if isinstance(content, bytes) else content.encode("utf-8")).hexdigest()[:16]


def _live(text: str, name: str) -> str:
    """The page with the script that reloads it when ``/live`` says it changed: not while a text
    field holds typing, and the page works the same without it."""
    address = json.dumps(f"/live?page={quote(name)}").replace("<", "\\u003c")
    script = ("<script>(function(){var seen=\"" + _digest(text) + "\";setInterval(function(){"
              "if([].some.call(document.querySelectorAll(\"textarea\"),function(t){return t.value!==t.defaultValue}))"
              "return;fetch(" + address + ").then(function(r){return r.ok?r.text():seen})"
              ".then(function(now){if(now!==seen)location.reload()},function(){})},1000)})();</script>\n")
    return text.replace("</body>", script + "</body>", 1)


def _viewable(site: Site, name: str) -> Path | None:
    """The project file ``name`` (a source or a catalog), never anything outside those folders."""
    project = site.make_workspace().project
    path = (project.root / name).resolve()
    folders = (project.source_dir.resolve(), project.locales_dir.resolve())
    inside = any(path.is_relative_to(folder) for folder in folders)
    return path if inside and path.suffix in VIEWABLE and path.is_file() else None


def _file_page(path: Path, name: str) -> str:
    """A source or catalog, escaped, each line with an anchor (``#L12``) for the findings' links."""
    lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
    rows = "\n".join(f'<span id="L{n}" class="line">{html.escape(line)}</span>' for n, line in enumerate(lines, 1))
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{html.escape(name)}</title>'
            "<style>.line{display:block;white-space:pre-wrap}.line:target{background:#fffbe6}</style></head>"
            f"<body><main><h1>{html.escape(name)}</h1><pre>{rows}</pre></main></body></html>\n")


def _media_type(name: str) -> str:
    """The type of a served file: a style sheet, a script, a photo (by its name), or a page."""
    if name.endswith(".css"):
        return "text/css"
    if name.endswith(".js"):
        return "text/javascript"
    if name.startswith("media/"):
        return mimetypes.guess_type(name)[0] or "application/octet-stream"
    return "text/html"


def make_app(site: Site, watch: list[Path], hosts: list[str] | None = None) -> Starlette:
    """The application: GET any page of the site, GET /live?page=NAME (the page's current digest),
    POST /edit/approve, /edit/note, /edit/resolve and /edit/correct."""

    async def page(request: Request) -> Response:
        name = request.path_params["name"] or "compare/index.html"
        name = name + "index.html" if name.endswith("/") else name
        files = await run_in_threadpool(site.current)
        content = files.get(name)
        if isinstance(content, str) and name.endswith(".html"):
            return HTMLResponse(_live(content, name))
        if name in files:
            return Response(files[name], media_type=_media_type(name))
        path = await run_in_threadpool(_viewable, site, name)
        if path is None:
            return PlainTextResponse("not found", status_code=404)
        return HTMLResponse(_file_page(path, name))

    async def live(request: Request) -> Response:
        files = await run_in_threadpool(site.current)
        name = request.query_params.get("page", "")
        if name not in files:
            return PlainTextResponse("not found", status_code=404)
        return PlainTextResponse(_digest(files[name]), headers={"Cache-Control": "no-store"})

    async def edit(request: Request) -> Response:
        form = await request.form()
        if not secrets.compare_digest(str(form.get("token", "")), site.token):
            return PlainTextResponse("this page is out of date: reload it", status_code=403)
        if site.editor is None:
            return PlainTextResponse("start l10n serve with --by NAME to edit", status_code=403)
        try:
            place = Place(str(form["lang"]), str(form["article"]), int(str(form["segment"])))
            action = request.path_params["action"]
            text = str(form.get("text", "")).replace("\r\n", "\n").replace("\r", "\n") or None
            work: dict[str, Callable[[], object]] = {
                "approve": lambda: approve(site.make_workspace(), place, str(site.editor)),
                "note": lambda: add_note(site.make_workspace(), place, str(site.editor), text or ""),
                "resolve": lambda: resolve_notes(site.make_workspace(), place, text),
                "correct": lambda: correct(site.make_workspace(), place, text or "", str(form["seen"])),
            }
            if action not in work:
                return PlainTextResponse("not found", status_code=404)
            await run_in_threadpool(work[action])
        except (KeyError, ValueError):
            return PlainTextResponse("incomplete request", status_code=400)
        except Conflict as conflict:
            page = await run_in_threadpool(_conflict_page, site, place, conflict)
            return HTMLResponse(page, status_code=409)
        except L10nError as error:
            return PlainTextResponse(str(error), status_code=409)
        site.changed()
        return RedirectResponse(f"/compare/{place.article}.html#{place.article}-{place.segment}", status_code=303)

    async def watching() -> None:
        async for _ in awatch(*[path for path in watch if path.exists()]):
            site.changed()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        task = asyncio.get_running_loop().create_task(watching()) if watch else None
        yield
        if task is not None:
            task.cancel()

    routes = [Route("/edit/{action}", edit, methods=["POST"]), Route("/live", live, methods=["GET"]),
              Route("/{name:path}", page, methods=["GET"])]
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=hosts or LOCAL_HOSTS)]
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan)


def serve(make_workspace: Callable[[], Workspace], host: str, port: int, editor: str | None) -> None:
    """Run the server until Ctrl-C."""
    import uvicorn

    project = make_workspace().project
    site = Site(make_workspace, secrets.token_urlsafe(32), editor)
    watch = [project.source_dir, project.locales_dir, TEMPLATES]
    hosts = sorted({*LOCAL_HOSTS, host})
    print(f"serving {project.root.resolve()} on http://{host}:{port}/compare/ (Ctrl-C to stop)", flush=True)
    uvicorn.run(make_app(site, watch, hosts), host=host, port=port, log_level="warning")
