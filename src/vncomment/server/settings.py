"""The service's settings, read once: from ``vncomment serve``'s options or ``VNCOMMENT_*``.

Every option of ``vncomment serve`` has an environment variable of the same name in capitals
(``--max-chars`` is ``VNCOMMENT_MAX_CHARS``), so a container is configured without a command
line. Lists (``VNCOMMENT_ALLOW_ORIGIN``, ``VNCOMMENT_ALLOW_DOMAIN``) are separated by commas;
switches (``VNCOMMENT_PHONES``, ``VNCOMMENT_ALLOW_EMAILS``, ``VNCOMMENT_DEMO``) take
``1/true/yes/on`` or ``0/false/no/off``. A command-line option wins over its variable.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from typing import Any

from vncomment.diacritics import DEFAULT_STRICTNESS
from vncomment.messages import resolve_locale
from vncomment.rules import (
    MaxSyllables,
    MinSyllables,
    NoLinks,
    NoPhoneNumbers,
    NoRepetition,
    RequireDiacritics,
    Rule,
)

__all__ = ["ENV_PREFIX", "Settings"]

ENV_PREFIX = "VNCOMMENT_"
_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off", ""})

# JSON escapes a code point in at most 12 bytes (an astral one as two \\uXXXX escapes), so a
# batch of texts within the limits always fits in the body limit derived from them.
_BYTES_PER_CHAR = 12
_BODY_OVERHEAD = 64 * 1024


@dataclass(frozen=True)
class Settings:
    """What ``create_app`` needs; the defaults are the rule printed under Vietnamese boxes."""

    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    allow_origin: tuple[str, ...] = ()
    max_chars: int = 5000
    max_batch: int = 100
    max_total_chars: int = 50_000
    min_syllables: int = 10
    max_syllables: int | None = None
    strictness: float = DEFAULT_STRICTNESS
    allow_domain: tuple[str, ...] = ()
    allow_emails: bool = False
    phones: bool = False
    lang: str = "vi"
    demo: bool = False
    db: str = "vncomment-demo.sqlite3"

    def __post_init__(self) -> None:
        for name in ("port", "workers", "max_chars", "max_batch", "max_total_chars",
                     "min_syllables"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ValueError(f"{name} must be a whole number >= 0, got {value!r}")
        if min(self.workers, self.max_chars, self.max_batch, self.max_total_chars) < 1:
            raise ValueError("workers, max_chars, max_batch and max_total_chars must be >= 1")
        if self.port > 65535:
            raise ValueError(f"port must be between 0 and 65535, got {self.port}")
        # uvicorn forks every worker at start (--workers 100000 tried to); judging is CPU work,
        # and 2 per core + 1 is the most the usual advice (gunicorn's) ever asks for.
        most_workers = 2 * (os.cpu_count() or 1) + 1
        if self.workers > most_workers:
            raise ValueError(
                f"workers must be at most {most_workers} on this machine (2 per core + 1), "
                f"got {self.workers}"
            )
        if self.max_syllables is not None and self.max_syllables < self.min_syllables:
            raise ValueError(
                f"max_syllables ({self.max_syllables}) is below min_syllables "
                f"({self.min_syllables})"
            )
        if not 0 <= self.strictness <= 1:
            raise ValueError(f"strictness must be between 0 and 1, got {self.strictness}")
        try:  # any tag a page may carry (vi-VN, vi_VN, en-US), as the rest of the library
            object.__setattr__(self, "lang", resolve_locale(self.lang))
        except (TypeError, ValueError) as error:
            raise ValueError(f"lang: {error}") from None
        domains = tuple(d.strip().lower().strip(".") for d in self.allow_domain if d.strip())
        object.__setattr__(self, "allow_domain", domains)
        origins = tuple(o.strip().rstrip("/") for o in self.allow_origin if o.strip())
        object.__setattr__(self, "allow_origin", origins)

    @property
    def max_body_bytes(self) -> int:
        """The body limit: the most text a request may hold, every character escaped, fits."""
        most = min(self.max_batch * self.max_chars, self.max_total_chars)
        return _BODY_OVERHEAD + most * _BYTES_PER_CHAR

    def rule(
        self,
        *,
        min_syllables: int | None = None,
        max_syllables: int | None = None,
        strictness: float | None = None,
        allow_domain: tuple[str, ...] | None = None,
        allow_emails: bool | None = None,
        phones: bool | None = None,
    ) -> Rule:
        """The rule in force, with a request's own choices where given (already bounded)."""
        rule: Rule = MinSyllables(self.min_syllables if min_syllables is None else min_syllables)
        most = self.max_syllables if max_syllables is None else max_syllables
        if most is not None:
            rule &= MaxSyllables(most)
        rule &= NoRepetition()
        rule &= RequireDiacritics(self.strictness if strictness is None else strictness)
        domains = self.allow_domain if allow_domain is None else allow_domain
        emails = self.allow_emails if allow_emails is None else allow_emails
        rule &= NoLinks(allow=domains, emails=not emails)
        if self.phones if phones is None else phones:
            rule &= NoPhoneNumbers()
        return rule

    def rule_options(self) -> dict[str, Any]:
        """The rule options in force, as ``GET /v1/rules`` and request ``rules`` name them."""
        return {
            "min_syllables": self.min_syllables,
            "max_syllables": self.max_syllables,
            "strictness": self.strictness,
            "allow_domains": list(self.allow_domain),
            "allow_emails": self.allow_emails,
            "phones": self.phones,
        }

    def to_json(self) -> str:
        """For worker processes: ``uvicorn --workers`` starts the app anew in each."""
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> Settings:
        data = json.loads(text)
        for name in ("allow_origin", "allow_domain"):
            data[name] = tuple(data[name])
        return cls(**data)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **given: Any) -> Settings:
        """Settings from ``VNCOMMENT_*`` variables, overridden by ``given`` values not None."""
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = environ.get(ENV_PREFIX + f.name.upper())
            if raw is not None:
                values[f.name] = _parse(f.name, raw, getattr(cls, f.name, None))
        values.update({k: v for k, v in given.items() if v is not None})
        return cls(**values)


def _parse(name: str, raw: str, default: Any) -> Any:
    variable = ENV_PREFIX + name.upper()
    if isinstance(default, bool):
        word = raw.strip().lower()
        if word not in _TRUE | _FALSE:
            raise ValueError(f"{variable}={raw!r}: use 1/true/yes/on or 0/false/no/off")
        return word in _TRUE
    if isinstance(default, tuple):
        return tuple(part.strip() for part in raw.split(",") if part.strip())
    try:
        if name == "strictness":
            return float(raw)
        if name == "max_syllables":
            return int(raw) if raw.strip() else None
        if isinstance(default, int):
            return int(raw)
    except ValueError:
        raise ValueError(f"{variable}={raw!r} is not a number") from None
    return raw
