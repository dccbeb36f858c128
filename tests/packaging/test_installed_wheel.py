"""The wheel, installed outside the checkout, assesses, checks rules, creates tokens and serves.

The wheel is built from a copy of the repository with the development environment's setuptools
(no build isolation, no index), installed without dependencies into a fresh virtual environment,
which borrows the dependencies from the development environment through a ``.pth`` line. A path
listed in a ``.pth`` file is added to ``sys.path`` without its own ``.pth`` files being run, so the
development environment's editable install of art52 stays out: every command below runs the
installed copy, from a directory outside the checkout.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path

import pytest
from contract_files import EXAMPLES_DIR, REPO
from live_server import free_port, live_server

from art52.api.web.static_files import HTMX
from art52.cli import main

pytestmark = pytest.mark.slow

NOT_COPIED = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis", "*.db*"
)
EXAMPLE = "ex04-ip-retention-online-crime.json"


@dataclass(frozen=True)
class Installed:
    """A virtual environment holding the installed wheel, and a working directory outside the checkout."""

    venv: Path
    work: Path
    env: dict[str, str]

    @property
    def art52(self) -> str:
        return str(self.venv / "bin" / "art52")

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [self.art52, *args], cwd=self.work, env=self.env, capture_output=True, text=True, timeout=120
        )

    def python(self, code: str) -> str:
        done = subprocess.run(
            [str(self.venv / "bin" / "python"), "-c", code],
            cwd=self.work,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        return done.stdout.strip()


def _run(*command: str | Path) -> str:
    done = subprocess.run([str(part) for part in command], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{command}:\n{done.stdout}\n{done.stderr}"
    return done.stdout.strip()


def _pip_offline(*args: str | Path) -> None:
    """The development environment's pip, never reaching an index, installing no dependency."""
    _run(sys.executable, "-m", "pip", *args[:-1], "--quiet", "--no-deps", "--no-index", args[-1])


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    root = tmp_path_factory.mktemp("wheel")
    source = root / "source"
    shutil.copytree(REPO, source, symlinks=True, ignore=NOT_COPIED)
    _pip_offline("wheel", "--no-build-isolation", "--wheel-dir", root / "dist", source)
    (wheel,) = (root / "dist").glob("art52-*.whl")

    venv = root / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv)
    _pip_offline("--python", venv / "bin" / "python", "install", wheel)
    purelib = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    site_packages = Path(_run(venv / "bin" / "python", "-c", purelib))
    borrowed = dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
    (site_packages / "development-dependencies.pth").write_text("".join(f"{path}\n" for path in borrowed))

    work = root / "work"
    work.mkdir()
    env = {name: value for name, value in os.environ.items() if not name.startswith("ART52_")}
    env.pop("PYTHONPATH", None)
    env["ART52_DATABASE_URL"] = f"sqlite:///{work / 'art52.db'}"
    return Installed(venv, work, env)


def test_the_installed_package_is_the_one_imported(installed: Installed) -> None:
    assert not installed.work.is_relative_to(REPO)
    imported = Path(installed.python("import art52; print(art52.__file__)"))
    assert imported.is_relative_to(installed.venv)
    api = Path(installed.python("import art52.api.app as app; print(app.__file__)"))
    assert api.is_relative_to(installed.venv)
    assert installed.python("import importlib.util; print(importlib.util.find_spec('api'))") == "None"
    rules = Path(installed.python("from art52.config import Settings; print(Settings().rules_dir)"))
    assert rules.is_relative_to(installed.venv)
    assert sorted(p.name for p in rules.glob("*.yaml")) == sorted(p.name for p in (REPO / "rules").glob("*.yaml"))


def test_assess_an_example_outside_the_checkout(installed: Installed, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(EXAMPLES_DIR / EXAMPLE, installed.work / EXAMPLE)
    done = installed.run("assess", EXAMPLE)
    assert done.returncode == 2, done.stderr
    assessment = json.loads(done.stdout)
    assert assessment["verdict"] == "insufficient_information"
    assert "separation.ip_watertight" in done.stdout
    # The same rulebook and code as the checkout: byte-identical assessment.
    capsys.readouterr()
    assert main(["assess", str(EXAMPLES_DIR / EXAMPLE)]) == 2
    assert done.stdout == capsys.readouterr().out


def test_rules_check_and_coverage_use_the_shipped_rulebook_and_features(
    installed: Installed, capsys: pytest.CaptureFixture[str]
) -> None:
    done = installed.run("rules", "check")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("OK: ")
    capsys.readouterr()
    assert main(["rules", "check", "--rules", str(REPO / "rules")]) == 0
    assert done.stdout == capsys.readouterr().out  # the same rulebook hash
    coverage = installed.run("rules", "coverage", "--format", "json")
    assert coverage.returncode == 0, coverage.stderr
    assert json.loads(coverage.stdout)["rules"]


def test_the_handbook_is_written_from_the_installed_package(installed: Installed) -> None:
    done = installed.run("rules", "handbook", "--out", "handbook", "--date", "2026-12-03")
    assert done.returncode == 0, done.stderr
    page = (installed.work / "handbook" / "rule-RET-008.html").read_text()
    assert "linking the data could reveal the person&#39;s private life" in page  # labels and templates shipped


def test_tokens_create_writes_to_the_configured_database(installed: Installed) -> None:
    done = installed.run("tokens", "create", "--org", "ministry", "--role", "rule_admin", "--name", "Ada")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("art52_")
    assert f"in the database sqlite:///{installed.work / 'art52.db'}" in done.stderr
    assert (installed.work / "art52.db").is_file()


def test_serve_answers_health_ready_docs_and_openapi(installed: Installed) -> None:
    port = free_port()
    command = [installed.art52, "serve", "--port", str(port)]
    with live_server(command, env=installed.env, cwd=installed.work, port=port) as server:
        assert server.get("/health").json() == {"status": "ok"}
        ready = server.get("/ready")
        assert ready.status_code == 200, ready.text
        docs = server.get("/docs")
        assert docs.status_code == 200
        assert server.get("/docs/assets/swagger-ui-bundle.js").status_code == 200
        htmx = server.get(HTMX)  # the web pages' script, shipped in the wheel
        assert htmx.status_code == 200
        assert htmx.content == (REPO / "api" / "web" / "static" / HTMX.rsplit("/", 1)[1]).read_bytes()
        document = server.get("/openapi.json")
        assert document.status_code == 200
        examples = document.json()["components"]["examples"]
        assert set(examples) == {p.name.split("-")[0] for p in EXAMPLES_DIR.glob("*.json")}
    assert "serving on" in server.stderr()


@pytest.mark.parametrize("folder", ["rules", "features", "migrations", "examples", "contract"])
def test_every_data_file_of_the_checkout_is_installed(installed: Installed, folder: str) -> None:
    package = Path(installed.python("import art52, pathlib; print(pathlib.Path(art52.__file__).parent)"))

    def files(root: Path) -> list[str]:
        return sorted(
            str(path.relative_to(root))
            for path in root.rglob("*")
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
        )

    assert files(package / folder) == files(REPO / folder)
