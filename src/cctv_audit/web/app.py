"""The application factory: ``create_app(store)``."""

from __future__ import annotations

import logging

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware
from starlette.responses import Response

from cctv_audit import __version__
from cctv_audit.errors import CctvAuditError, InputError, NotFound
from cctv_audit.store import Store, open_store
from cctv_audit.web import api, pages_auth, pages_public, pages_review, pages_team, pages_users
from cctv_audit.web.cache import VersionedCache
from cctv_audit.web.deps import LoginRequired, authorize
from cctv_audit.web.pagecache import PublicPageCache
from cctv_audit.web.policy import POLICY
from cctv_audit.web.rendering import STATIC_DIR, make_templates, render
from cctv_audit.web.security import SecurityHeaders, session_secret

log = logging.getLogger(__name__)

SESSION_COOKIE = "cctv_session"
SESSION_MAX_AGE = 8 * 3600


def create_app(
    store: Store,
    *,
    secure_cookies: bool = True,
    secret_key: str | None = None,
    page_cache_ttl: float = 1.0,
) -> FastAPI:
    """The web app over ``store``: public pages, team pages, JSON API.

    ``secure_cookies`` marks the session cookie Secure and sends HSTS; turn it
    off only for plain-HTTP development (``cctv-audit serve --insecure-cookies``).
    ``page_cache_ttl``: how often (seconds) anonymous pages check for changes made
    outside this server; writes through this server show at once.
    """
    app = FastAPI(
        title="cctv-audit",
        version=__version__,
        description="Which CCTV makers UK public bodies use: claims with evidence. "
        "Public reads need no account; team data and writes need a session and the "
        "X-CSRF-Token header (see /api).",
        dependencies=[Depends(authorize)],
        docs_url=None,  # Swagger UI needs inline script and a CDN: not under our CSP
        redoc_url=None,
    )
    app.state.store = store
    app.state.templates = make_templates()
    app.state.cache = VersionedCache()
    app.state.policy = POLICY
    for module in (pages_public, pages_auth, pages_team, pages_review, pages_users, api):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    _add_error_handlers(app)
    app.add_middleware(
        SessionMiddleware,
        secret_key=secret_key or session_secret(store.data_dir),
        session_cookie=SESSION_COOKIE,
        max_age=SESSION_MAX_AGE,
        same_site="lax",
        https_only=secure_cookies,
    )
    app.add_middleware(PublicPageCache, store=store, cookie_name=SESSION_COOKIE, ttl=page_cache_ttl)
    app.add_middleware(SecurityHeaders, hsts=secure_cookies)
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path == "/openapi.json"


def _error(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": message}, status_code=status)
    return render(request, "error.html", {"status": status, "message": message}, status=status)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, exc: LoginRequired) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": "sign in first"}, status_code=401)
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={_quote(target)}", status_code=303)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        response = _error(request, exc.status_code, str(exc.detail))
        for key, value in (exc.headers or {}).items():
            response.headers[key] = value
        return response

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return _error(request, 404, str(exc))

    @app.exception_handler(InputError)
    async def bad_input(request: Request, exc: InputError) -> Response:
        return _error(request, 422, str(exc))

    @app.exception_handler(CctvAuditError)
    async def library_error(request: Request, exc: CctvAuditError) -> Response:
        log.warning("%s %s: %s", request.method, request.url.path, exc)
        return _error(request, 409, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": _jsonable_errors(exc)}, status_code=422)
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e['msg']}" for e in exc.errors()
        )
        return _error(request, 422, f"the request was not valid: {problems}")


def _jsonable_errors(exc: RequestValidationError) -> list[dict]:
    return [
        {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
        for e in exc.errors()
    ]


def _quote(path: str) -> str:
    from urllib.parse import quote

    return quote(path, safe="/")


def app_from_environment() -> FastAPI:
    """The app for ``uvicorn --factory`` (each worker process): store from CCTV_AUDIT_DB / CCTV_AUDIT_DATA."""
    import os

    secure = os.environ.get("CCTV_AUDIT_WEB_SECURE", "1") != "0"
    return create_app(open_store(), secure_cookies=secure)
