"""Every ```python block of README.md and docs/**/*.md runs, so a drifting example fails CI.

Convention (for whoever writes a page):

- Each block runs **on its own**, in a fresh Python process, as a reader would paste it into a
  file: imports included, nothing taken from the block before. The process runs in the
  repository's root.
- A line that is a bare expression followed by a comment starting with a Python literal is
  an assertion: ``report.codes   # ('too_short',)`` fails unless ``report.codes`` equals
  ``('too_short',)``, and ``print(x)   # 3`` unless ``x`` equals 3 or prints as 3. Words after
  the literal are free (``# 11: the link's words do not count``); a list or tuple ending in
  ``...`` compares its first items; a comment that does not start with a literal
  (``# also bool(report)``) is only a comment.
- An HTML comment on the line right before the fence, invisible in the rendered page, changes
  how the block runs; several words may share one comment (``<!-- django continues -->``):

  ``<!-- continues -->``
      runs after the page's previous block, in the same process and namespace (for a page that
      builds one example step by step).
  ``<!-- django -->``
      runs inside a configured Django project: SQLite in memory; contenttypes, auth, sites,
      django_comments and rest_framework installed; ``LANGUAGE_CODE = "vi"``; and an app
      ``docs_app`` whose ``models`` module *is* the block, so ``class Comment(models.Model)``
      works as in an app's ``models.py``, its table is created as the class is defined, and
      ``urlpatterns`` defined in the block are the ``ROOT_URLCONF``.
  ``<!-- no-run: why -->``
      is not run (a live server, a fragment); the reason is required and shown when the test
      is skipped.
"""

from __future__ import annotations

import ast
import io
import json
import os
import re
import subprocess
import sys
import tokenize
import types
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("**/*.md"))]
MARKERS = {"continues", "django", "no-run"}

_FENCE = re.compile(
    r"^(?:<!--(?P<marker>[^\n]*?)-->\n)?```python[^\n]*\n(?P<code>.*?)^```[ \t]*$",
    re.MULTILINE | re.DOTALL,
)


@dataclass
class Block:
    page: str
    line: int  # of the first line of code, 1-based
    code: str
    markers: set[str]
    reason: str = ""


@dataclass
class Chain:
    blocks: list[Block] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"{self.blocks[0].page}:{self.blocks[0].line}"


def _markers(text: str | None, where: str) -> tuple[set[str], str]:
    if not text:
        return set(), ""
    words, _, reason = text.strip().partition(":")
    found = set(words.split())
    unknown = found - MARKERS
    if unknown:
        raise ValueError(f"{where}: unknown marker {sorted(unknown)}; known: {sorted(MARKERS)}")
    if "no-run" in found and not reason.strip():
        raise ValueError(f"{where}: <!-- no-run: ... --> needs a reason")
    return found, reason.strip()


def blocks_of(path: Path) -> list[Block]:
    text = path.read_text(encoding="utf-8")
    page = path.relative_to(ROOT).as_posix()
    found = []
    for m in _FENCE.finditer(text):
        line = text.count("\n", 0, m.start("code")) + 1
        markers, reason = _markers(m["marker"], f"{page}:{line}")
        found.append(Block(page, line, m["code"], markers, reason))
    return found


def chains() -> list[Chain]:
    out: list[Chain] = []
    for path in PAGES:
        page_chains: list[Chain] = []
        for block in blocks_of(path):
            if "continues" in block.markers and page_chains:
                page_chains[-1].blocks.append(block)
            else:
                page_chains.append(Chain([block]))
        out.extend(page_chains)
    return out


def _literal_prefix(comment: str) -> str | None:
    """The Python literal a comment starts with, if any: ``"11: the words"`` -> ``"11"``."""
    text = comment.lstrip("#").strip()
    cuts = [i for i, ch in enumerate(text) if ch in ":;, "] + [len(text)]
    for cut in sorted(set(cuts), reverse=True):
        candidate = text[:cut].strip().rstrip(",;:")
        if not candidate:
            continue
        try:
            value = ast.literal_eval(candidate)
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            continue
        if isinstance(value, tuple) and not candidate.startswith("("):
            continue  # "None, or raises" is no tuple
        return candidate
    return None


def with_checks(code: str) -> ast.Module:
    """The block's syntax tree, every ``expression  # literal`` line turned into an assertion."""
    tree = ast.parse(code)
    comments: dict[int, str] = {}
    for tok in tokenize.generate_tokens(io.StringIO(code).readline):
        if tok.type == tokenize.COMMENT:
            comments[tok.start[0]] = tok.string

    class Checks(ast.NodeTransformer):
        def visit_Expr(self, node: ast.Expr) -> ast.AST:  # the name ast calls
            comment = comments.get(node.end_lineno or node.lineno)
            if comment is None or isinstance(node.value, ast.Constant):
                return node
            expected = _literal_prefix(comment)
            if expected is None:
                return node
            value = node.value
            if (
                isinstance(value, ast.Call)
                and isinstance(value.func, ast.Name)
                and value.func.id == "print"
                and len(value.args) == 1
                and not value.keywords
            ):
                value = value.args[0]  # print(x)  # 3: the page shows what x is
            source = ast.get_source_segment(code, value) or ""
            call = ast.Call(
                func=ast.Name("__doc_check__", ast.Load()),
                args=[value, ast.Constant(expected), ast.Constant(source)],
                keywords=[],
            )
            return ast.copy_location(ast.Expr(call), node)

    checked = Checks().visit(tree)
    ast.fix_missing_locations(checked)
    return checked


def _doc_check(actual: object, literal: str, source: str) -> None:
    expected = ast.literal_eval(literal)
    if isinstance(expected, list | tuple) and expected and expected[-1] is Ellipsis:
        head = list(expected[:-1])
        ok = isinstance(actual, list | tuple) and list(actual[: len(head)]) == head
    else:
        ok = actual == expected or (isinstance(actual, str) and actual == str(expected))
    if not ok:
        raise AssertionError(f"{source} is {actual!r}; the page says {expected!r}")


def _django_project() -> dict[str, object]:
    """A Django project whose app ``docs_app`` has the block as its ``models`` module."""
    import tempfile

    home = Path(tempfile.mkdtemp())
    (home / "docs_app").mkdir()
    (home / "docs_app" / "__init__.py").write_text("")
    (home / "docs_app" / "models.py").write_text("urlpatterns = []\n")
    sys.path.insert(0, str(home))
    import django
    from django.conf import settings

    apps = ["django.contrib.contenttypes", "django.contrib.auth", "django.contrib.sites"]
    for optional in ("django_comments", "rest_framework"):
        try:
            __import__(optional)
        except ImportError:
            continue
        apps.append(optional)
    settings.configure(
        SECRET_KEY="docs-examples",
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
        INSTALLED_APPS=[*apps, "docs_app"],
        DEFAULT_AUTO_FIELD="django.db.models.AutoField",
        LANGUAGE_CODE="vi",
        USE_TZ=True,
        SITE_ID=1,
        ROOT_URLCONF="docs_app.models",
        MIDDLEWARE=[],
        TEMPLATES=[
            {"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True}
        ],
        ALLOWED_HOSTS=["testserver"],
    )
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.db.models.signals import class_prepared

    call_command("migrate", run_syncdb=True, verbosity=0)

    def create_table(sender: type, **kwargs: object) -> None:
        meta = sender._meta  # type: ignore[attr-defined]
        if meta.app_label == "docs_app" and meta.managed and not meta.abstract and not meta.proxy:
            with connection.schema_editor() as editor:
                editor.create_model(sender)

    class_prepared.connect(create_table, weak=False)
    return vars(sys.modules["docs_app.models"])  # imported by django.setup()


def run_blocks(spec_path: str) -> None:
    """Run one chain of blocks (the child process of :func:`_run`)."""
    blocks = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    if "django" in blocks[0]["markers"]:
        namespace = _django_project()
    else:
        # a real module as __main__, as when the block is run as a script: SQLAlchemy and
        # pydantic resolve string annotations in the module a class was defined in
        main = types.ModuleType("__main__")
        sys.modules["__main__"] = main
        namespace = main.__dict__
    namespace["__doc_check__"] = _doc_check
    for block in blocks:
        tree = with_checks(block["code"])
        ast.increment_lineno(tree, block["line"] - 1)
        exec(compile(tree, block["page"], "exec"), namespace)


def _run(blocks: list[Block], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    spec = [{"page": b.page, "line": b.line, "markers": sorted(b.markers), "code": b.code}
            for b in blocks]
    (tmp_path / "blocks.json").write_text(json.dumps(spec), encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [sys.executable, __file__, str(tmp_path / "blocks.json")],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, check=False,
    )


ALL = chains()


def test_pages_have_examples() -> None:
    # The extraction itself: a regex that found nothing would make every other test vacuous.
    pages = {c.blocks[0].page for c in ALL}
    assert {"README.md", "docs/index.md", "docs/rules.md", "docs/vi/index.md"} <= pages
    assert sum(len(c.blocks) for c in ALL) >= 30


def test_an_expression_comment_is_an_assertion(tmp_path: Path) -> None:
    # The checker must be able to fail: a page that says the wrong value is caught.
    code = "from vncomment import validate\nvalidate('Hay quá').codes   # ('contains_link',)\n"
    result = _run([Block("wrong.md", 1, code, set())], tmp_path)
    assert result.returncode != 0
    assert "the page says ('contains_link',)" in result.stderr
    assert "wrong.md" in result.stderr  # the traceback names the page


def test_vietnamese_messages_page_lists_the_catalogue() -> None:
    # docs/vi/messages.md shows every shipped template word for word, in both languages.
    from vncomment.messages import BUILT_IN, VIOLATION_CODES

    page = (ROOT / "docs" / "vi" / "messages.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(" `"): line for line in page.splitlines() if "| `" in line}
    for code in VIOLATION_CODES:
        assert code in rows, f"docs/vi/messages.md has no row for {code}"
        assert BUILT_IN["vi"][code] in rows[code], f"{code}: the Vietnamese text has changed"
        assert BUILT_IN["en"][code] in rows[code], f"{code}: the English text has changed"


@pytest.mark.parametrize("page", ["docs/rules.md", "docs/vi/rules.md"])
def test_rules_tables_list_each_codes_params(page: str) -> None:
    # The rule tables name exactly the params each code's violations carry.
    from vncomment.messages import PARAMS, VIOLATION_CODES

    rows: dict[str, set[str]] = {}
    column = None
    for line in (ROOT / page).read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.split("|")[1:-1]]
        if column is None and any(c.startswith(("params", "tham số")) for c in cells):
            column = next(i for i, c in enumerate(cells) if c.startswith(("params", "tham số")))
        elif column is not None and len(cells) > column and cells[1].strip("`") in VIOLATION_CODES:
            rows[cells[1].strip("`")] = set(re.findall(r"`(\w+)`", cells[column]))
    assert set(rows) == set(VIOLATION_CODES), f"{page}: rows for {sorted(rows)}"
    for code, named in rows.items():
        assert named == set(PARAMS[code]), f"{page}: {code} lists {sorted(named)}"


@pytest.mark.parametrize("chain", ALL, ids=[c.id for c in ALL])
def test_example_runs(chain: Chain, tmp_path: Path) -> None:
    first = chain.blocks[0]
    if "no-run" in first.markers:
        pytest.skip(f"{chain.id}: {first.reason}")
    result = _run(chain.blocks, tmp_path)
    assert result.returncode == 0, f"{chain.id} failed:\n{result.stderr[-3000:]}"


if __name__ == "__main__":
    run_blocks(sys.argv[1])
