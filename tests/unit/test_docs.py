"""The documentation holds together: every relative link in the Markdown files
points to a file that exists and, with a ``#fragment``, to a heading that
exists there (GitHub's anchors); external links are well-formed; the README
stays a few screens; and every section of the developer guide cited in code
("docs/sviluppo.md §N") exists."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.conftest import ROOT

README_MAX_BYTES = 15_000
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,}).*?^ {0,3}\1[ \t]*$", re.M | re.S)
INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
# [text](target "title") and ![alt](target); target may be <...>
INLINE_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)", re.M)
AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$", re.M)
HTML_ANCHOR = re.compile(r"<a\s+(?:name|id)=\"([^\"]+)\"", re.I)
# a file of the repository named in code style: `cantiere/voting.py`, `docs/dati.md`
CODE_PATH = re.compile(r"`((?:cantiere|views|tests|bench|data|docs|tools)/[^`\s]*\.(?:py|md|csv|json|geojson|sh))`")
GUIDE = ROOT / "docs" / "sviluppo.md"


def doc_files() -> list[Path]:
    """The Markdown files people read: README, SECURITY, docs/, bench/, data/."""
    files = sorted(ROOT.glob("*.md"))
    for folder in ("docs", "bench", "data"):
        files += sorted((ROOT / folder).rglob("*.md"))
    return files


def _prose(text: str) -> str:
    """The Markdown without fenced code blocks (links there are examples, not links)."""
    return FENCE.sub("", text)


def github_slug(heading: str) -> str:
    """The anchor GitHub gives a heading (github-slugger): the rendered text,
    lower-cased, with every character that is not a letter, a mark, a digit, a
    connector (``_``), a space or a hyphen removed, then spaces as hyphens.
    Accented letters stay: «Più processi» → ``più-processi``."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # links: their text
    text = re.sub(r"<[^>]+>", "", text)  # inline HTML tags
    text = text.replace("`", "").lower()
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if char in " -" or category[0] in "LM" or category in ("Nd", "Nl", "Pc"):
            kept.append(char)
    return "".join(kept).replace(" ", "-")


def anchors(path: Path) -> set[str]:
    """Every anchor of a Markdown file, duplicates numbered as GitHub does (-1, -2…)."""
    text = _prose(path.read_text(encoding="utf-8"))
    seen: dict[str, int] = {}
    found = set(HTML_ANCHOR.findall(text))
    for _, title in HEADING.findall(text):
        slug = github_slug(title)
        if slug in seen:
            seen[slug] += 1
            found.add(f"{slug}-{seen[slug]}")
        else:
            seen[slug] = 0
            found.add(slug)
    return found


def links(path: Path) -> list[str]:
    text = INLINE_CODE.sub("", _prose(path.read_text(encoding="utf-8")))
    found = INLINE_LINK.findall(text) + REFERENCE_DEF.findall(text) + AUTOLINK.findall(text)
    return [target[1:-1] if target.startswith("<") else target for target in found]


def broken(path: Path, target: str) -> str | None:
    """Why ``target`` (a link in ``path``) does not resolve, or None."""
    parts = urlsplit(target)
    if parts.scheme in ("http", "https"):
        ok = parts.netloc and "." in parts.netloc and not re.search(r"\s", target)
        return None if ok else "malformed URL"
    if parts.scheme == "mailto":
        return None if "@" in parts.path else "malformed e-mail link"
    if parts.scheme or parts.netloc:
        return f"unexpected link scheme {parts.scheme!r}"
    file_part, fragment = unquote(parts.path), unquote(parts.fragment)
    destination = (path.parent / file_part).resolve() if file_part else path
    if not destination.is_relative_to(ROOT):
        return "points outside the repository"
    if not destination.exists():
        return "no such file"
    if fragment:
        if destination.suffix != ".md":
            return None if re.fullmatch(r"L\d+(-L\d+)?", fragment) else "anchor into a file that is not Markdown"
        if fragment not in anchors(destination):
            return f"no heading with anchor #{fragment} in {destination.relative_to(ROOT)}"
    return None


@pytest.mark.parametrize(
    ("heading", "slug"),
    [
        ("Due comandi", "due-comandi"),
        ("Prove nel browser, prove di carico, più processi", "prove-nel-browser-prove-di-carico-più-processi"),
        ("Punti (`dots`)", "punti-dots"),
        ("Matrice importanza × fattibilità (`matrix`)", "matrice-importanza--fattibilità-matrix"),
        ("Sale grandi: più processi (`python -m cantiere serve`)", "sale-grandi-più-processi-python--m-cantiere-serve"),
        ("7. Performance", "7-performance"),
        ("Fase di ascolto: proposte e segnalazioni sulla mappa", "fase-di-ascolto-proposte-e-segnalazioni-sulla-mappa"),
        ("Privacy, conservazione e copie di sicurezza (GDPR)", "privacy-conservazione-e-copie-di-sicurezza-gdpr"),
        ("L'indice [di vecchiaia](x.md) — «Sant’Agata»", "lindice-di-vecchiaia--santagata"),
        ("snake_case e 1° gennaio", "snake_case-e-1-gennaio"),
    ],
)
def test_github_slug(heading, slug):
    assert github_slug(heading) == slug


def test_duplicate_headings_are_numbered(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("# Esempio\n\n## Esempio\n\n```\n# not a heading\n```\n\n## Esempio\n", encoding="utf-8")
    assert anchors(page) == {"esempio", "esempio-1", "esempio-2"}


def test_the_checker_finds_broken_links(tmp_path, monkeypatch):
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    (tmp_path / "altro.md").write_text("## Già fatto\n", encoding="utf-8")
    page = tmp_path / "pagina.md"
    page.write_text(
        "[ok](altro.md#già-fatto) [manca](nessuno.md) [ancora](altro.md#non-c-è) [x](http://) "
        "`[codice](nessuno.md)`\n\n```\n[esempio](nessuno.md)\n```\n[su](../fuori.md)\n",
        encoding="utf-8",
    )
    problems = {target: broken(page, target) for target in links(page)}
    assert problems["altro.md#già-fatto"] is None
    assert problems["nessuno.md"] == "no such file"
    assert problems["altro.md#non-c-è"].startswith("no heading")
    assert problems["http://"] == "malformed URL"
    assert problems["../fuori.md"] == "points outside the repository"
    assert len(problems) == 5  # the links in code are examples, not links


def test_every_link_in_the_docs_resolves():
    problems = [
        f"{path.relative_to(ROOT)}: {target} → {reason}"
        for path in doc_files()
        for target in links(path)
        if (reason := broken(path, target))
    ]
    assert not problems, "\n".join(problems)


def test_files_named_in_the_docs_exist():
    """A path written as code (`cantiere/voting.py`) is a promise too: when a module
    moves, the docs that name it must follow. Placeholders (<name>, *, …) are skipped."""
    problems = [
        f"{path.relative_to(ROOT)}: `{name}` does not exist"
        for path in doc_files()
        for name in CODE_PATH.findall(path.read_text(encoding="utf-8"))
        if not any(mark in name for mark in "<*…{") and not (ROOT / name).exists()
    ]
    assert not problems, "\n".join(problems)


def test_the_docs_are_linked_from_the_readme_and_the_index():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    index = (ROOT / "docs" / "README.md").read_text(encoding="utf-8")
    for guide in sorted((ROOT / "docs").glob("*.md")):
        if guide.name == "README.md":
            continue
        assert f"(docs/{guide.name}" in readme or f"({guide.name}" in index, f"{guide.name} is linked from nowhere"


def test_the_readme_is_a_few_screens():
    size = len((ROOT / "README.md").read_bytes())
    assert size < README_MAX_BYTES, f"README.md is {size} bytes: move detail into docs/"


def _cited_sections() -> list[tuple[str, int, str]]:
    """(file, line, citation) for every «DESIGN §N» and «docs/sviluppo.md §N» in the repository's text files."""
    cites = []
    pattern = re.compile(r"(DESIGN(?:\.md)?|sviluppo\.md)\s*§\s*(\d+)")
    for path in ROOT.rglob("*"):
        parts = path.relative_to(ROOT).parts
        if path.suffix not in {".py", ".md", ".toml", ".sh", ".ini", ".cfg", ".txt"} or not path.is_file():
            continue
        if parts[0] in {".git", "artifacts", "run", "static", "node_modules"} or ".venv" in parts:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            for source, section in pattern.findall(line):
                cites.append((str(path.relative_to(ROOT)), number, f"{source} §{section}"))
    return cites


def test_cited_design_sections_exist():
    guide = GUIDE.read_text(encoding="utf-8")
    sections = {int(n) for n in re.findall(r"^## (\d+)\. ", guide, re.M)}
    assert {4, 6, 7} <= sections
    problems = []
    for where, line, cite in _cited_sections():
        source, section = cite.split(" §")
        if source != "sviluppo.md":
            problems.append(
                f"{where}:{line}: {cite} cites a file that is not in the repository (cite docs/sviluppo.md)"
            )
        elif int(section) not in sections:
            problems.append(f"{where}:{line}: {cite} has no section '## {section}.' in docs/sviluppo.md")
    assert not problems, "\n".join(problems)
