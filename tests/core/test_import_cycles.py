"""No domain's modules import each other in a circle (services ⇄ tasks was the usual one):
background tasks call services, and services start tasks by name (hub/core/tasks.py).

Every import counts, those inside functions too: a cycle hidden in a function is still a
cycle a reader has to untangle."""

import ast
from pathlib import Path

HUB = Path(__file__).resolve().parents[2] / "hub"


def _module_name(path):
    parts = list(path.relative_to(HUB.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path, name, modules):
    """The hub modules `path` imports, wherever in the file."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1] + ([base] if base else []))
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for target in targets:
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def _cycles(graph):
    """Strongly connected groups of more than one module (Tarjan's algorithm)."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in graph[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in graph:
        if node not in index:
            visit(node)
    return groups


def _graph():
    paths = {
        _module_name(path): path for path in HUB.rglob("*.py") if "migrations" not in path.parts
    }
    return {name: _imports(path, name, paths) for name, path in paths.items()}


def test_no_domain_imports_itself_in_a_circle():
    graph = _graph()
    for name, imported in graph.items():
        domain = ".".join(name.split(".")[:2])
        graph[name] = {m for m in imported if m == domain or m.startswith(domain + ".")}
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    # The check above can fail: a made-up services ⇄ tasks pair is caught.
    graph = {"hub.x.services": {"hub.x.tasks"}, "hub.x.tasks": {"hub.x.services"}, "hub.x": set()}
    assert _cycles(graph) == [["hub.x.services", "hub.x.tasks"]]
