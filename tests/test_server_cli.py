"""``vncomment serve`` as a user runs it: a real subprocess, uvicorn, HTTP on loopback."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("uvicorn")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.load(response)


def post(url: str, body: dict[str, Any]) -> Any:
    request = urllib.request.Request(url, json.dumps(body).encode(),
                                     {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=5) as response:
        return json.load(response)


@contextmanager
def serving(args: Sequence[str], env: dict[str, str], cwd: Path) -> Iterator[str]:
    port = free_port()
    environ = {**os.environ, "VNCOMMENT_PORT": str(port), **env}
    process = subprocess.Popen(
        [sys.executable, "-m", "vncomment", "serve", *args], env=environ, cwd=cwd,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                get(base + "/healthz")
                break
            except (urllib.error.URLError, ConnectionError):
                if process.poll() is not None or time.monotonic() > deadline:
                    output = process.communicate()[0]
                    raise AssertionError(f"server did not start: {output}") from None
                time.sleep(0.2)
        yield base
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    assert process.returncode == 0, process.stdout.read() if process.stdout else ""


def test_options_and_environment_make_the_rules(tmp_path: Path) -> None:
    env = {"VNCOMMENT_ALLOW_DOMAIN": "vnexpress.net", "VNCOMMENT_MIN_SYLLABLES": "8"}
    with serving(["--min-syllables", "12", "--no-phones"], env, tmp_path) as base:
        rules = get(base + "/v1/rules")["rules"]
        assert rules["min_syllables"] == 12  # the option wins over VNCOMMENT_MIN_SYLLABLES
        assert rules["allow_domains"] == ["vnexpress.net"] and rules["phones"] is True
        report = post(base + "/v1/validate", {"text": "hay quá"})
        assert report["violations"][0]["params"]["min"] == 12


def test_several_workers_read_the_same_settings(tmp_path: Path) -> None:
    with serving(["--workers", "2", "--max-chars", "300", "--max-total-chars", "900"],
                 {"VNCOMMENT_STRICTNESS": "0.8"},
                 tmp_path) as base:
        for _ in range(4):
            answer = get(base + "/v1/rules")
            assert answer["limits"]["max_chars"] == 300 and answer["rules"]["strictness"] == 0.8
            assert answer["limits"]["max_total_chars"] == 900


def test_a_bad_setting_is_a_usage_error(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "vncomment", "serve", "--strictness", "3"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert done.returncode == 2
    assert done.stderr.startswith("vncomment: error: strictness must be between 0 and 1")
    done = subprocess.run([sys.executable, "-m", "vncomment", "serve"], capture_output=True,
                          text=True, cwd=tmp_path, env={**os.environ, "VNCOMMENT_DEMO": "perhaps"},
                          timeout=60)
    assert done.returncode == 2 and "VNCOMMENT_DEMO" in done.stderr
