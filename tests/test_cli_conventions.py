"""Command-line conventions (issue 14, issue 15's --version): what a shell user expects."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from terminal import read_all
from test_cli import GOOD, SHORT, run

import vncomment


def test_piped_stdin_is_the_comment_when_no_text_is_given() -> None:
    result = run("check", stdin=(GOOD + "\n").encode())
    assert result.returncode == 0, result.stderr
    assert "· stdin" in result.stdout
    assert run("check", stdin=SHORT.encode()).returncode == 1
    result = run("check", "--json", stdin=b"")  # an empty pipe (cron's /dev/null): nothing
    assert (result.returncode, result.stdout) == (2, "")
    assert "nothing to check" in result.stderr


def test_global_options_before_the_command(tmp_path: Path) -> None:
    before = run("--lang", "en", "check", SHORT)
    after = run("check", "--lang", "en", SHORT)
    assert before.returncode == after.returncode == 1
    assert before.stdout == after.stdout
    assert "REJECTED" in before.stdout and "4 words" in before.stdout
    source = tmp_path / "c.txt"
    source.write_text(f"{GOOD}\n{SHORT}\n", encoding="utf-8")
    result = run("--lang", "en", "--color", "never", "scan", str(source), "--quiet")
    assert result.stdout.startswith("2 comments: 1 passed, 1 rejected.")
    # given on both sides, the one after the command wins, as it is the nearer
    assert "ĐẠT" in run("--lang", "en", "check", "--lang", "vi", GOOD).stdout


def test_a_comment_starting_with_a_dash_is_explained() -> None:
    for text in ("-hay quá", "-hay", "-vui"):
        result = run("check", text)
        assert (result.returncode, result.stdout) == (2, "")
        last = result.stderr.splitlines()[-1]
        assert last.endswith(f"{text!r} is not an option; to check a comment that starts with "
                             f"'-', put '--' before it: vncomment check -- {shlex.quote(text)}")
    # argparse itself takes a long-option look-alike with a space for a positional argument
    assert run("check", "--json", "--hay quá đi").returncode == 1
    result = run("check", "--json", "--", "-hay quá")
    assert result.returncode == 1 and '"too_short"' in result.stdout
    # a real option mistake is still argparse's own message
    assert "invalid int value" in run("check", "--min-syllables", "x", GOOD).stderr
    assert run("check", "--strictness", "-0.5", GOOD).returncode == 2  # a value, not a comment


@pytest.mark.parametrize("args", [[], ["check"], ["scan"]], ids=["main", "check", "scan"])
def test_help_shows_exit_codes_and_examples(args: list[str]) -> None:
    result = run(*args, "--help")
    assert result.returncode == 0
    assert "exit status:" in result.stdout and "examples:" in result.stdout
    assert "  2  " in result.stdout or "  2    " in result.stdout
    assert "vncomment " in result.stdout.split("examples:")[1]


def test_version() -> None:
    result = run("--version")
    assert (result.returncode, result.stdout) == (0, f"vncomment {vncomment.__version__}\n")
    assert vncomment.__version__.count(".") >= 2


def on_terminal(*args: str, env: dict[str, str] | None = None) -> bytes:
    """stdout as a terminal sees it: the command runs with a pseudo-terminal as stdout."""
    import pty

    leader, follower = pty.openpty()
    try:
        done = subprocess.run([sys.executable, "-m", "vncomment", *args], stdout=follower,
                              stderr=subprocess.PIPE, env=env, timeout=60, check=False)
        os.close(follower)
        shown = read_all(leader)
    finally:
        os.close(leader)
    assert done.returncode == 1, done.stderr
    return shown


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_colour_only_on_a_terminal_and_never_with_no_color() -> None:
    text = "Ai cần thì vào abc.com xem nhé, còn nhiều lô đẹp lắm các bạn ơi"
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    assert b"\x1b[4;31mabc.com\x1b[0m" in on_terminal("check", text, env=env)
    assert b"[[abc.com]]" in on_terminal("check", text, env={**env, "NO_COLOR": "1"})
    assert b"[[abc.com]]" in on_terminal("--color", "never", "check", text, env=env)
    piped = subprocess.run([sys.executable, "-m", "vncomment", "check", text],
                           capture_output=True, env=env, timeout=60, check=False)
    assert b"\x1b" not in piped.stdout and b"[[abc.com]]" in piped.stdout
