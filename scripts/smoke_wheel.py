"""Install a built wheel into a fresh virtual environment, with no extras, and smoke-test it.

    python scripts/smoke_wheel.py dist/vncomment-0.1.0-py3-none-any.whl

What a user gets from ``pip install vncomment``, checked from outside the checkout (so nothing
is imported from src/): the package imports and says its version; ``validate`` passes a good
comment and rejects a bad one with the bundled data (syllable table, TLD list, look-alikes);
the ``vncomment`` command runs (``--version``, ``check`` with its exit codes); LICENSE and NOTICE
are in the wheel and NOTICE names every bundled data file; every public module imports, or, for
an adapter whose framework is missing, raises an ImportError naming an extra the wheel really
offers (``pip install 'vncomment[django]'``). One line per check; exit status 1 if any fails.

The same file runs twice: here, to make the environment, and inside it (``--inside``) to check;
the inside half uses the standard library only.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

# The extra each adapter asks for when its framework is missing.
EXTRA_OF_MODULE = {
    "django": "django",
    "django_comments": "comments",
    "drf": "drf",
    "sqlalchemy": "sqlalchemy",
    "pydantic": "pydantic",
    "fastapi": "fastapi",
    "strategies": "hypothesis",
    "server": "server",
    "dask": "dask",
    "wtforms": "wtforms",
    "marshmallow": "marshmallow",
    "flask": "flask",
}
GOOD = "Bài viết rất hay, cảm ơn tác giả đã chia sẻ thông tin hữu ích này."
LINK = "Bài viết này hay quá, mọi người xem thêm tại abc chấm com nhé"
LOOKALIKE = "Bài viết này hay quá, mọi người xem thêm tại vnеxpress.net nhé"  # Cyrillic е


def outside(wheel: Path) -> int:
    wheel = wheel.resolve()
    with tempfile.TemporaryDirectory(prefix="vncomment-smoke-") as tmp:
        env_dir = Path(tmp) / "venv"
        started = time.monotonic()
        venv.create(env_dir, with_pip=True)
        python = env_dir / "bin" / "python"
        print(f"smoke: fresh venv {env_dir} ({sys.version.split()[0]}), no extras")
        install = subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(wheel)],
            capture_output=True, text=True, check=False,
        )
        if install.returncode != 0:
            print(f"smoke: FAIL pip install {wheel.name}\n{install.stdout}{install.stderr}")
            return 1
        listed = subprocess.run(
            [str(python), "-m", "pip", "list", "--format=freeze", "--disable-pip-version-check"],
            capture_output=True, text=True, check=True,
        ).stdout.split()
        print(f"smoke: pip install {wheel.name}: {', '.join(listed)}")
        # run from the temporary directory: the checkout's src/ must not be importable
        checked = subprocess.run(
            [str(python), str(Path(__file__).resolve()), "--inside", wheel.name],
            cwd=tmp, check=False,
        )
        print(f"smoke: {'passed' if checked.returncode == 0 else 'FAILED'}"
              f" in {time.monotonic() - started:.0f} s")
        return checked.returncode


def inside(wheel_name: str) -> int:
    import importlib
    import importlib.metadata as metadata
    import pkgutil

    failures = 0

    def report(ok: bool, what: str) -> None:
        nonlocal failures
        failures += not ok
        print(f"  {'ok  ' if ok else 'FAIL'}  {what}", flush=True)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(args, capture_output=True, text=True, check=False,
                              env={"PYTHONIOENCODING": "utf-8", "NO_COLOR": "1", "PATH": ""})

    import vncomment

    expected = wheel_name.split("-")[1]
    location = Path(vncomment.__file__).parent
    report(vncomment.__version__ == expected == metadata.version("vncomment")
           and "site-packages" in location.parts,
           f"import vncomment {vncomment.__version__} from {location}")

    good = vncomment.validate(GOOD)
    report(good.ok and good.syllable_count == 16,
           f"validate(good comment): ok={good.ok}, {good.syllable_count} chữ")
    for label, text, code in (
        ("disguised link", LINK, "contains_link"),
        ("look-alike letters", LOOKALIKE, "contains_link"),
        ("typed without marks", "toi khong biet ai noi gi ve chuyen nay ca", "missing_diacritics"),
        ("too short", "Hay quá!", "too_short"),
    ):
        bad = vncomment.validate(text)
        report(bad.codes == (code,), f"validate({label}): {bad.codes}")
    english = vncomment.validate("Hay quá!", locale="en").violations[0].message
    report(english.startswith("A comment needs"), f"locale='en': {english!r}")

    exe = str(Path(sys.executable).parent / "vncomment")
    version = run(exe, "--version")
    report(version.returncode == 0 and expected in version.stdout,
           f"vncomment --version: {version.stdout.strip() or version.stderr.strip()!r}")
    as_module = run(sys.executable, "-m", "vncomment", "--version")
    report(as_module.stdout == version.stdout, "python -m vncomment --version: the same")
    passed = run(exe, "check", GOOD)
    rejected = run(exe, "check", LINK)
    first_line = (rejected.stdout or rejected.stderr).strip().splitlines()[:1]
    report(
        passed.returncode == 0 and rejected.returncode == 1 and "contains_link" in rejected.stdout,
        f"vncomment check: exit {passed.returncode} for a good comment, "
        f"{rejected.returncode} for a link {first_line}",
    )

    dist = metadata.distribution("vncomment")
    licences = sorted(Path(f).name for f in dist.files or () if "licenses" in Path(f).parts)
    notice = next((Path(dist.locate_file(f)) for f in dist.files or () if Path(f).name == "NOTICE"),
                  None)
    data = sorted(p.name for p in (location / "data").iterdir() if p.is_file())
    unnamed = [name for name in data if notice is None or name not in notice.read_text("utf-8")]
    report(licences == ["LICENSE", "NOTICE"] and not unnamed,
           f"licence files {licences}; NOTICE names every data file {data}"
           + (f" except {unnamed}" if unnamed else ""))
    report(bool(dist.metadata["License-Expression"]),
           f"License-Expression: {dist.metadata['License-Expression']}")

    extras = set(dist.metadata.get_all("Provides-Extra") or ())
    for module in sorted(m.name for m in pkgutil.iter_modules([str(location)])):
        if module.startswith("_"):
            continue
        name = f"vncomment.{module}"
        try:
            importlib.import_module(name)
        except ImportError as error:
            message = str(error)
            wanted = EXTRA_OF_MODULE.get(module)
            named = [e for e in extras if f"vncomment[{e}]" in message]
            ok = bool(named) and (wanted is None or wanted in named)
            report(ok, f"{name} without its extra: ImportError {message!r}"
                   + ("" if ok else f" (expected to name the extra [{wanted or '...'}])"))
        except Exception as error:  # any other failure is the finding
            report(False, f"{name}: {type(error).__name__}: {error}")
        else:
            report(module not in EXTRA_OF_MODULE or module in {"fastapi", "flask"},
                   f"{name} imports with no extra")
    print(f"smoke: {failures} of the checks failed" if failures else "smoke: every check passed")
    return 1 if failures else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--inside"]:
        sys.exit(inside(sys.argv[2]))
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(outside(Path(sys.argv[1])))
