"""Every example in docs/views.md renders to its documented output.

The page's examples are fenced blocks read in order:

* ```` ```blade name=layouts.app ```` writes a view file for the next example;
* ```` ```python setup ```` runs with ``blade`` in scope (hooks, components, directives);
* ```` ```blade ```` (no name) is the template the example renders;
* ```` ```python context ```` is the dict it renders with;
* ```` ```html output ```` is the expected output, which closes the example.

Plain ```` ```python ```` blocks run on their own, in an empty folder.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from parvel.view import Blade

DOC = Path(__file__).resolve().parents[2] / "docs" / "views.md"
FENCE = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```\s*$", re.M | re.S)


@dataclass
class Example:
    line: int
    files: dict[str, str] = field(default_factory=dict)
    setup: list[str] = field(default_factory=list)
    template: str | None = None
    context: str = "{}"
    output: str = ""


def parse() -> tuple[list[Example], list[tuple[int, str]]]:
    text = DOC.read_text(encoding="utf-8")
    examples: list[Example] = []
    scripts: list[tuple[int, str]] = []
    current = Example(1)
    for match in FENCE.finditer(text):
        lang, info, body = match.group(1), match.group(2).strip(), match.group(3)
        line = text.count("\n", 0, match.start()) + 1
        if lang == "blade" and info.startswith("name="):
            current.files[info[5:]] = body
        elif lang == "blade":
            current.template = body
            current.line = line
        elif lang == "python" and info == "setup":
            current.setup.append(body)
        elif lang == "python" and info == "context":
            current.context = body
        elif lang == "html" and info == "output":
            current.output = body
            examples.append(current)
            current = Example(line)
        elif lang == "python":
            scripts.append((line, body))
    return examples, scripts


EXAMPLES, SCRIPTS = parse()


def test_the_page_has_examples():
    assert len(EXAMPLES) > 35
    assert all(example.template is not None for example in EXAMPLES)


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"line-{e.line}" for e in EXAMPLES])
def test_example_renders_as_documented(example, tmp_path):
    views = tmp_path / "views"
    for name, source in example.files.items():
        path = views / (name.replace(".", "/") + ".blade.html")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
    blade = Blade(paths=[views], cache_path=tmp_path / "cache")
    namespace = {"blade": blade, "views": views, "Blade": Blade}
    for code in example.setup:
        exec(code, namespace)
    context = eval(example.context, namespace)
    assert example.template is not None
    rendered = blade.render_string(example.template.rstrip("\n"), context)
    assert rendered.strip() == example.output.strip()


@pytest.mark.parametrize("script", SCRIPTS, ids=[f"line-{line}" for line, _ in SCRIPTS])
def test_python_snippet_runs(script, tmp_path):
    _, code = script
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        exec(code, {"__name__": "docs_example"})
    finally:
        os.chdir(cwd)
