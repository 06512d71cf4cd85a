"""MkDocs hook (mkdocs.yml ``hooks:``): docstrings written for Python read well as Markdown.

The package's docstrings carry doctests (``>>> validate("Hay quá").codes``) that pytest runs.
Markdown would read their ``>>>`` as nested quotes and their ``x[0]["type"]`` as reference
links (``mkdocs build --strict`` then fails on the missing targets), so every run of lines
that starts with ``>>>``, with its ``...`` continuations and output lines, becomes a fenced
``pycon`` block before anything else reads the text, in the guide pages and the API reference
alike. Lines already inside a fence are left alone. Sphinx roles (``:func:`validate```) lose
the role and keep the code.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from mkdocs.plugins import event_priority

_FENCE = ("```", "~~~")
_ROLE = re.compile(r":(?:py:)?(?:func|class|meth|attr|data|mod|exc|obj|const):`~?")


class _DoctestFences(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        in_fence = False
        i = 0
        while i < len(lines):
            stripped = lines[i].lstrip()
            if stripped.startswith(_FENCE):
                in_fence = not in_fence
            if in_fence or not stripped.startswith(">>>"):
                out.append(lines[i] if in_fence else _ROLE.sub("`", lines[i]))
                i += 1
                continue
            indent = lines[i][: len(lines[i]) - len(stripped)]
            block: list[str] = []
            # the example and its output run to the next blank line
            while i < len(lines) and lines[i].strip():
                line = lines[i]
                block.append(line[len(indent) :] if line.startswith(indent) else line.lstrip())
                i += 1
            out.extend(["", indent + "```pycon", *(indent + b for b in block), indent + "```", ""])
        return out


class DoctestFences(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # the name Markdown calls
        # before pymdownx.superfences (priority 25) reads the fences
        md.preprocessors.register(_DoctestFences(md), "vncomment_doctest_fences", 40)


@event_priority(100)
def on_config(config: Any) -> Any:
    # mkdocstrings renders docstrings with this same list of extensions
    config.markdown_extensions.append(DoctestFences())
    return config
