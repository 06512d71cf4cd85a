"""A helper for tests that run the command on a pseudo-terminal."""

from __future__ import annotations

import os


def read_all(leader: int) -> bytes:
    """Everything the program wrote to the terminal whose leader end is ``leader``."""
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # Linux: the terminal closed once everything was read
            break
        if not chunk:
            break
        shown += chunk
    return shown
