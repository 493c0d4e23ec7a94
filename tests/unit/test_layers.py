"""Architecture rules that are easy to break by accident."""

import ast

from tests.conftest import ROOT


def _imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_only_the_ui_package_imports_streamlit():
    offenders = []
    for path in (ROOT / "cantiere").rglob("*.py"):
        if "ui" in path.relative_to(ROOT / "cantiere").parts:
            continue
        if any(name == "streamlit" or name.startswith(("streamlit.", "streamlit_")) for name in _imports(path)):
            offenders.append(str(path.relative_to(ROOT)))
    assert not offenders, f"streamlit imported outside cantiere/ui: {offenders}"


def test_only_the_store_knows_sqlalchemy():
    offenders = []
    for path in list((ROOT / "cantiere").rglob("*.py")) + list((ROOT / "views").glob("*.py")):
        if "store" in path.relative_to(ROOT).parts:
            continue
        if any(name == "sqlalchemy" or name.startswith("sqlalchemy.") for name in _imports(path)):
            offenders.append(str(path.relative_to(ROOT)))
    assert not offenders, f"sqlalchemy imported outside cantiere/store: {offenders}"


def test_pages_never_render_html_from_variables_without_escaping():
    # unsafe_allow_html is allowed only in files that say why on the same construct
    for path in (ROOT / "views").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        if "unsafe_allow_html=True" in text:
            assert "html.escape" in text, f"{path.name} renders HTML without escaping"
