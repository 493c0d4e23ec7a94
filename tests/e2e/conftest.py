"""Browser tests: a real `streamlit run` and Debian's Chromium through Playwright.

Skipped with a reason when /usr/bin/chromium is missing, unless
CANTIERE_REQUIRE_BROWSER=1 (set by .ci/run), then they fail. Screenshots of
failed tests go to artifacts/.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = ROOT / "artifacts"
PHONE = {"width": 390, "height": 844}
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
STARTUP_LIMIT_S = 90  # a wait for the server to come up, not an assertion on speed


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.e2e)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def browser():
    """A headless Debian Chromium (no internet, like this machine and CI)."""
    if not Path(CHROMIUM).exists():
        reason = f"browser tests need Debian's Chromium at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CANTIERE_REQUIRE_BROWSER") == "1":
            pytest.fail(reason + "; CANTIERE_REQUIRE_BROWSER=1")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Requests(list):
    """URLs requested by a page and all its frames."""

    def external(self) -> list[str]:
        return [
            url
            for url in self
            if urlsplit(url).scheme in ("http", "https", "ws", "wss") and urlsplit(url).hostname not in LOCAL_HOSTS
        ]


@pytest.fixture
def phone(browser, request):
    """A phone-sized page (390×844, touch) that records every request it makes."""
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True, device_scale_factor=2)
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.requests = Requests()
    page.on("request", lambda req: page.requests.append(req.url))
    page.on("websocket", lambda ws: page.requests.append(ws.url))
    yield page
    failed = getattr(request.node, "report_call", None)
    if failed is not None and failed.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = "".join(c if c.isalnum() or c in "-_." else "_" for c in request.node.nodeid)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    context.close()


def _start(script: Path, tmp: Path, env_extra: dict[str, str], args: tuple[str, ...] = ()):
    port = _free_port()
    env = dict(os.environ)
    env.update(
        {
            "CANTIERE_DATABASE_URL": f"sqlite:///{tmp / 'cantiere.db'}",
            "CANTIERE_ADMIN_PASSWORD": "segreto-di-prova",
            "PYTHONPATH": str(ROOT),
        }
    )
    env.update(env_extra)
    log = (tmp / "streamlit.log").open("w")
    # cwd = the repository, so .streamlit/config.toml (static serving on) applies
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(script),
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            *args,
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    prefix = "/" + args[args.index("--server.baseUrlPath") + 1] if "--server.baseUrlPath" in args else ""
    deadline = time.monotonic() + STARTUP_LIMIT_S
    while True:
        try:
            with urllib.request.urlopen(f"{base}{prefix}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"streamlit did not start: {(tmp / 'streamlit.log').read_text()[-2000:]}")
        time.sleep(0.3)
    return process, base


def _stop(process):
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="session")
def map_page_url(tmp_path_factory):
    """Base URL of the test-only map page (tests/e2e/map_page.py) in offline mode.

    The script is copied to a temporary folder, so the Leaflet files it
    installs land in that folder's static/, not in the repository.
    """
    tmp = tmp_path_factory.mktemp("map_page")
    script = tmp / "map_page.py"
    shutil.copy(Path(__file__).parent / "map_page.py", script)
    process, base = _start(script, tmp, {"CANTIERE_MAP_MODE": "offline"})
    yield base
    _stop(process)


@pytest.fixture(scope="session")
def map_page_under_path_url(tmp_path_factory):
    """Base URL of the map page served under a path (server.baseUrlPath=cantiere), as behind a proxy."""
    tmp = tmp_path_factory.mktemp("map_page_path")
    script = tmp / "map_page.py"
    shutil.copy(Path(__file__).parent / "map_page.py", script)
    process, base = _start(script, tmp, {"CANTIERE_MAP_MODE": "offline"}, ("--server.baseUrlPath", "cantiere"))
    yield f"{base}/cantiere"
    _stop(process)


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    """Base URL of the real app (app.py) with a fresh SQLite file, maps offline."""
    tmp = tmp_path_factory.mktemp("app")
    process, base = _start(ROOT / "app.py", tmp, {"CANTIERE_MAP_MODE": "offline"})
    yield base
    _stop(process)


@pytest.fixture(scope="session")
def rooms_app(tmp_path_factory):
    """The real app with workshops in every phase (tests/e2e/a11y_setup.py), shared by
    the layout and axe-core tests: (base URL, Rooms)."""
    from tests.e2e import a11y_setup

    tmp = tmp_path_factory.mktemp("rooms")
    url = f"sqlite:///{tmp / 'cantiere.db'}"
    rooms = a11y_setup.prepare(url)
    process, base = _start(ROOT / "app.py", tmp, {"CANTIERE_MAP_MODE": "offline", "CANTIERE_DATABASE_URL": url})
    yield base, rooms
    _stop(process)


@pytest.fixture(scope="session")
def axe_source():
    """axe-core's script (package.json at the repository's root pins the version),
    installed with npm when node_modules is missing. Skipped with a reason when npm
    is absent, unless CANTIERE_REQUIRE_BROWSER=1 (then it fails)."""
    script = ROOT / "node_modules" / "axe-core" / "axe.min.js"
    if not script.exists():
        npm = shutil.which("npm")
        if npm is None:
            reason = "the accessibility tests need axe-core from npm: install Node.js (apt-get install npm)"
            if os.environ.get("CANTIERE_REQUIRE_BROWSER") == "1":
                pytest.fail(reason + "; CANTIERE_REQUIRE_BROWSER=1")
            pytest.skip(reason)
        command = [npm, "ci" if (ROOT / "package-lock.json").exists() else "install", "--no-audit", "--no-fund"]
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
        if done.returncode != 0 or not script.exists():
            pytest.fail(f"{' '.join(command)} failed: {done.stderr[-2000:]}")
    return script.read_text(encoding="utf-8")
