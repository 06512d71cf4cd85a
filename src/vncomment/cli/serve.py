"""``vncomment serve``: the validation service over HTTP (and ``--demo``), run by uvicorn.

Every option can also come from an environment variable, for containers: ``--port`` is
``VNCOMMENT_PORT``, ``--allow-origin`` is ``VNCOMMENT_ALLOW_ORIGIN`` (comma-separated) and so on
(:mod:`vncomment.server.settings`); ``--phones`` is ``VNCOMMENT_PHONES``. An option given on the
command line wins. Needs the ``server`` extra; ``vncomment check`` works without it.
"""

from __future__ import annotations

import argparse
import copy
import os
from typing import Any

from vncomment.cli._base import Command, InputError
from vncomment.cli._options import add_rule_options

__all__ = ["COMMANDS"]

_EPILOG = """\
environment (for containers; an option given here wins):
  VNCOMMENT_HOST, VNCOMMENT_PORT, VNCOMMENT_WORKERS, VNCOMMENT_ALLOW_ORIGIN (a,b),
  VNCOMMENT_MAX_CHARS, VNCOMMENT_MAX_BATCH, VNCOMMENT_MAX_TOTAL_CHARS,
  VNCOMMENT_MIN_SYLLABLES, VNCOMMENT_MAX_SYLLABLES,
  VNCOMMENT_STRICTNESS, VNCOMMENT_ALLOW_DOMAIN (a,b), VNCOMMENT_ALLOW_EMAILS (1/0),
  VNCOMMENT_PHONES (1/0: reject phone numbers), VNCOMMENT_LANG, VNCOMMENT_DEMO (1/0), VNCOMMENT_DB

examples:
  vncomment serve --port 8000 --allow-origin https://news.example.vn
  vncomment serve --demo            # an article with a live comment box at http://127.0.0.1:8000/
  VNCOMMENT_PORT=9000 VNCOMMENT_WORKERS=4 vncomment serve --host 0.0.0.0

exit status: 0 when stopped (Ctrl-C), 2 on a bad option or a missing extra."""

# The rule options keep None as their default here, so that a variable can fill what the
# command line did not say (add_rule_options' own defaults are the library's).
_FROM_ENVIRONMENT = ("min_syllables", "max_syllables", "strictness", "allow_domain",
                     "allow_emails", "phones")


def _configure(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("server")
    group.add_argument("--host", metavar="HOST", help="address to listen on (default 127.0.0.1)")
    group.add_argument("--port", type=int, metavar="PORT", help="port (default 8000)")
    group.add_argument("--workers", type=int, metavar="N", help="worker processes (default 1)")
    group.add_argument("--allow-origin", action="append", metavar="ORIGIN",
                       help="let pages from ORIGIN call the API (CORS; repeatable)")
    group.add_argument("--max-chars", type=int, metavar="N",
                       help="longest text, in characters (default 5000)")
    group.add_argument("--max-batch", type=int, metavar="N",
                       help="most texts in one request (default 100)")
    group.add_argument("--max-total-chars", type=int, metavar="N",
                       help="most characters in one request, all texts together "
                            "(default 50000)")
    group.add_argument("--demo", action="store_true", default=None,
                       help="also serve a news article with a live comment box at /")
    group.add_argument("--db", metavar="PATH",
                       help="the demo's SQLite file (default ./vncomment-demo.sqlite3)")
    add_rule_options(parser)
    for action in parser._actions:  # the help names the library's default, not the None below
        if action.dest == "strictness" and action.help:
            action.help = action.help.replace("%(default)s", str(action.default))
    parser.set_defaults(**dict.fromkeys(_FROM_ENVIRONMENT))


def _log_config(uvicorn_config: dict[str, Any]) -> dict[str, Any]:
    """uvicorn's logging, with the service's JSON access log on stdout instead of its own."""
    config = copy.deepcopy(uvicorn_config)
    config["formatters"]["vncomment"] = {"format": "%(message)s"}
    config["handlers"]["vncomment"] = {"class": "logging.StreamHandler",
                                       "formatter": "vncomment", "stream": "ext://sys.stdout"}
    config["loggers"]["vncomment.server"] = {"handlers": ["vncomment"], "level": "INFO",
                                             "propagate": False}
    return config


def _run(args: argparse.Namespace) -> int:
    try:
        import uvicorn
        from uvicorn.config import LOGGING_CONFIG

        from vncomment.server import Settings, create_app
    except ImportError as error:
        raise InputError(
            f"vncomment serve needs the server extra ({error.name} is missing): "
            "pip install 'vncomment[server]'"
        ) from None
    try:
        settings = Settings.from_env(
            host=args.host, port=args.port, workers=args.workers,
            allow_origin=tuple(args.allow_origin) if args.allow_origin else None,
            max_chars=args.max_chars, max_batch=args.max_batch,
            max_total_chars=args.max_total_chars,
            min_syllables=args.min_syllables, max_syllables=args.max_syllables,
            strictness=args.strictness,
            allow_domain=tuple(args.allow_domain) if args.allow_domain else None,
            allow_emails=args.allow_emails, phones=args.phones,
            # "vi" is the command line's global default: it leaves room for VNCOMMENT_LANG.
            lang=None if args.lang == "vi" else args.lang,
            demo=args.demo, db=args.db,
        )
    except ValueError as error:
        raise InputError(str(error)) from None

    options: dict[str, Any] = {
        "host": settings.host, "port": settings.port, "access_log": False,
        "log_config": _log_config(LOGGING_CONFIG), "server_header": False,
    }
    if settings.demo:
        print(f"vncomment: the demo article is at http://{settings.host}:{settings.port}/ "
              f"(comments saved in {settings.db})", flush=True)
    if settings.workers == 1:
        uvicorn.run(create_app(settings), **options)
    else:
        # Each worker process builds the app anew: it reads the settings from the environment.
        os.environ["VNCOMMENT_SERVER_SETTINGS"] = settings.to_json()
        uvicorn.run("vncomment.server.app:app_from_environ", factory=True,
                    workers=settings.workers, **options)
    return 0


COMMANDS = (
    Command(
        "serve", "run the validation service over HTTP (and --demo)", _configure, _run,
        description="Serve POST /v1/validate, GET /v1/rules, /healthz, /vncomment.js and the "
                    "OpenAPI document (/docs) with uvicorn. Needs the server extra.",
        epilog=_EPILOG,
    ),
)
