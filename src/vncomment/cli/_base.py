"""What every command module shares: the :class:`Command` record and :class:`InputError`."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Command", "InputError"]


class InputError(Exception):
    """A usage or input problem: one line on stderr, exit status 2."""


@dataclass(frozen=True)
class Command:
    """One ``vncomment`` sub-command.

    ``configure`` adds the command's arguments to its sub-parser; ``run`` does the work and
    returns the exit status. ``help`` is the one line shown in ``vncomment --help``;
    ``description`` and ``epilog`` are shown in ``vncomment NAME --help``.
    """

    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]
    description: str = ""
    epilog: str = ""
