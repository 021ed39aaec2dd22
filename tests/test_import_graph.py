"""The import graph of ``kenes``: no cycles, and no arrow against the layers (docs/ARCHITECTURE.md).

Every ``import`` statement counts, those inside functions and under ``TYPE_CHECKING`` included: a deferred
import is still a dependency, only a hidden one. The layers are the table below; a new app adds one line.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "kenes"

#: Each unit and the units it may import (besides itself). A module belongs to the unit of the longest
#: prefix listed here; ``kenes.rights`` is the library, whose Django-side modules are ``RIGHTS_WEB``.
#: Lower layers first: kernel, site, accounts < lex < search; quantities < rights < portal, observatory,
#: desk. A new app adds one line to LAYERS: its package and the set of units it may import.
KERNEL = {"kenes.kernel"}
SHELL = KERNEL | {"kenes.site"}
ACCOUNTS = SHELL | {"kenes.accounts"}
#: lex's identity kernel, free of Django, which the rights library may read too: language codes, AKN URIs,
#: eIds and the catalogue of work names.
IDENTITY = {"kenes.lex.languages", "kenes.lex.akn.uri", "kenes.lex.eid", "kenes.lex.catalogue"}
LEX = ACCOUNTS | IDENTITY | {"kenes.lex"}
#: Search's seam for what only the rights app knows (which checks answer in a country, what they rest on):
#: the rights app registers it there when Django starts; the seam imports nothing of kenes.
SEARCH_SEAM = {"kenes.search.check_scope"}
SEARCH = LEX | {"kenes.search"} | SEARCH_SEAM
QUANTITIES = KERNEL | IDENTITY | {"kenes.quantities"}
RIGHTS = QUANTITIES | IDENTITY | {"kenes.rights"}
RIGHTS_WEB = RIGHTS | LEX | {"kenes.rights.web"}
PAGES = SEARCH | RIGHTS_WEB

#: Imported by nobody: case data stays inside its app (the composition root mounts it by dotted path).
NOBODY_IMPORTS = "kenes.desk"
#: The observatory's seam for figures other apps provide: the one part of it the desk may import (to
#: register its suppressed counts as tables), so the desk sees no statistics, page or model of it.
OBSERVATORY_SEAM = {"kenes.observatory.providers", "kenes.observatory.tables"}

LAYERS: dict[str, set[str]] = {
    "kenes.kernel": set(),
    "kenes.site": KERNEL,
    "kenes.accounts": SHELL,
    "kenes.lex": ACCOUNTS | IDENTITY,
    **{module: KERNEL | IDENTITY for module in IDENTITY},
    "kenes.search": LEX | SEARCH_SEAM,
    "kenes.quantities": KERNEL | IDENTITY,
    "kenes.rights": QUANTITIES | IDENTITY,
    "kenes.rights.web": RIGHTS_WEB,
    "kenes.rights.apps": RIGHTS_WEB | SEARCH_SEAM,  # the AppConfig: Django's side of the library
    "kenes.search.check_scope": set(),
    "kenes.portal": PAGES,
    "kenes.observatory": PAGES | OBSERVATORY_SEAM,
    "kenes.observatory.tables": SHELL,
    "kenes.observatory.providers": SHELL | {"kenes.observatory.tables"},
    NOBODY_IMPORTS: PAGES | OBSERVATORY_SEAM,
}
#: The composition root (settings, URLs, the API, the CLI) may import every app but the desk.
ROOT = set(LAYERS) - {NOBODY_IMPORTS} | {"kenes", "kenes.api"}
LAYERS |= {
    name: ROOT for name in ("kenes", "kenes.api", "kenes.urls", "kenes.settings", "kenes.wsgi", "kenes.cli")
}

#: What must load no Django (nor anything that loads it), whatever their layer allows.
NO_DJANGO = ("kenes.kernel", "kenes.quantities", "kenes.rights", *sorted(IDENTITY))
DJANGO_SIDE = ("kenes.rights.web", "kenes.rights.apps", "kenes.rights.templatetags")
DJANGO_LIBRARIES = ("django", "ninja", "whitenoise", "dj_database_url")


def module_files() -> dict[str, Path]:
    """Dotted name -> file, for every module of the package (migrations left out: Django writes them)."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if "migrations" in parts:
            continue
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


@cache
def graph() -> dict[str, set[str]]:
    """Module -> the modules (of kenes or outside it) it imports anywhere in its body."""
    files = module_files()
    out: dict[str, set[str]] = {}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        imported: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    module = ".".join([*base, node.module] if node.module else base)
                else:
                    module = node.module or ""
                for alias in node.names:  # ``from pkg import submodule`` imports the submodule
                    sub = f"{module}.{alias.name}"
                    imported.add(sub if sub in files else module)
        out[name] = imported - {name}
    return out


def unit(module: str) -> str:
    """The layer a module belongs to: the longest prefix in :data:`LAYERS`."""
    parts = module.split(".")
    for end in range(len(parts), 0, -1):
        candidate = ".".join(parts[:end])
        if candidate in LAYERS:
            return candidate
    raise LookupError(f"{module} is in no layer: add its package to LAYERS in {__file__}")


def internal(edges: dict[str, set[str]]) -> dict[str, set[str]]:
    return {name: {t for t in targets if t in edges} for name, targets in edges.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def wrong_way(edges: dict[str, set[str]]) -> list[str]:
    bad = []
    for source, targets in sorted(edges.items()):
        allowed = LAYERS[unit(source)] | {unit(source)}
        bad += [f"{source} -> {target}" for target in sorted(targets) if unit(target) not in allowed]
    return bad


# ---------------------------------------------------------------- the checks on the package


def test_every_module_of_kenes_belongs_to_a_layer():
    for name in module_files():
        unit(name)


def test_the_import_graph_has_no_cycles():
    assert cycles(internal(graph())) == []


def test_no_module_imports_against_the_layers():
    assert wrong_way(internal(graph())) == []


def test_nothing_imports_the_desk():
    importers = [
        f"{source} -> {target}"
        for source, targets in sorted(graph().items())
        if unit(source) != NOBODY_IMPORTS
        for target in sorted(targets)
        if target == NOBODY_IMPORTS or target.startswith(NOBODY_IMPORTS + ".")
    ]
    assert importers == []


def loaded_with(module: str, edges: dict[str, set[str]]) -> dict[str, list[str]]:
    """Every module importing ``module`` loads (its parent packages included), each with the import path."""
    paths = {module: [module]}
    stack = [module]
    while stack:
        current = stack.pop()
        parts = current.split(".")
        parents = {".".join(parts[:end]) for end in range(1, len(parts))}
        for nxt in sorted((edges.get(current, set()) | parents) - set(paths)):
            paths[nxt] = [*paths[current], nxt]
            if nxt in edges:
                stack.append(nxt)
    return paths


def test_the_kernel_the_quantities_the_identity_kernel_and_the_rights_library_load_no_django():
    edges = graph()
    offenders = set()
    for module in sorted(edges):
        if not module.startswith(NO_DJANGO) or module.startswith(DJANGO_SIDE):
            continue
        for loaded, path in loaded_with(module, edges).items():
            if loaded.split(".")[0] in DJANGO_LIBRARIES or loaded.startswith(DJANGO_SIDE):
                offenders.add(" -> ".join(path))
    assert sorted(offenders) == []


# ---------------------------------------------------------------- the checks check


def test_a_cycle_through_a_function_level_import_is_found():
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(edges) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_an_import_inside_a_function_is_read(tmp_path, monkeypatch):
    pkg = tmp_path / "kenes"
    (pkg / "lex").mkdir(parents=True)
    (pkg / "search").mkdir()
    for init in (pkg / "__init__.py", pkg / "lex" / "__init__.py", pkg / "search" / "__init__.py"):
        init.write_text("")
    (pkg / "search" / "index.py").write_text("from kenes.lex import models\n")
    (pkg / "lex" / "models.py").write_text("def hook():\n    from ..search import index\n")
    monkeypatch.setattr(f"{__name__}.PACKAGE", pkg)
    graph.cache_clear()
    try:
        edges = internal(graph())
        assert edges["kenes.lex.models"] == {"kenes.search.index"}
        assert cycles(edges) == [["kenes.lex.models", "kenes.search.index"]]
        assert wrong_way(edges) == ["kenes.lex.models -> kenes.search.index"]
    finally:
        graph.cache_clear()


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("kenes.lex.models", "kenes.portal.views"),
        ("kenes.search.index", "kenes.desk.models"),
        ("kenes.rights.engine", "kenes.lex.models"),
        ("kenes.site.nav", "kenes.portal.apps"),
        ("kenes.kernel.countries", "kenes.site.nav"),
        ("kenes.desk.published", "kenes.observatory.views.topics"),
        ("kenes.desk.published", "kenes.observatory.models"),
        ("kenes.observatory.providers", "kenes.observatory.views.common"),
    ],
)
def test_the_layer_table_refuses_arrows_against_the_flow(source, target):
    assert wrong_way({source: {target}, target: set()}) == [f"{source} -> {target}"]


def test_django_loaded_two_steps_away_or_by_a_parent_package_is_found(tmp_path, monkeypatch):
    pkg = tmp_path / "kenes"
    for folder in ("rights", "lex", "lex/akn"):
        (pkg / folder).mkdir(parents=True)
        (pkg / folder / "__init__.py").write_text("")
    (pkg / "__init__.py").write_text("")
    (pkg / "rights" / "works.py").write_text("from kenes.lex.akn import uri\n")
    (pkg / "lex" / "akn" / "uri.py").write_text("import re\n")
    (pkg / "lex" / "akn" / "__init__.py").write_text("from django.db import models\n")
    monkeypatch.setattr(f"{__name__}.PACKAGE", pkg)
    graph.cache_clear()
    try:
        paths = loaded_with("kenes.rights.works", graph())
        assert paths["django.db"] == ["kenes.rights.works", "kenes.lex.akn.uri", "kenes.lex.akn", "django.db"]
        with pytest.raises(AssertionError):
            test_the_kernel_the_quantities_the_identity_kernel_and_the_rights_library_load_no_django()
    finally:
        graph.cache_clear()
