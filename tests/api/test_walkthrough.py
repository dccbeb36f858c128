"""docs/api-walkthrough.md, executed: every ``sh`` block is run against the app, in order.

A small interpreter reads the commands exactly as a reader would paste them:
``art52`` commands run through the CLI entry point (on the test database), and
``curl`` commands are sent to the app in process; ``VAR=$(… | jq -r .path)``
keeps a field of the JSON answer. Any change to the API that breaks the page
breaks this test.
"""

from __future__ import annotations

import json
import re
import shlex
from typing import Any

import pytest
from contract_files import REPO
from fastapi.testclient import TestClient

from art52.cli import main
from art52.config import Settings

WALKTHROUGH = REPO / "docs" / "api-walkthrough.md"
README = REPO / "README.md"


def readme_api_section() -> str:
    """The README's API section: the short walk-through a newcomer reads first."""
    text = README.read_text(encoding="utf-8")
    start = text.index("## The HTTP API")
    end = text.index("\n## ", start + 1)
    return text[start:end]


VARIABLE = re.compile(r"\$(\w+)|\$\{(\w+)\}")


def commands(markdown: str) -> list[str]:
    """The commands of the ``sh`` blocks, continuation lines joined, comments dropped."""
    found = []
    for block in re.findall(r"```sh\n(.*?)```", markdown, re.S):
        joined = re.sub(r"\\\n\s*", " ", block)
        found += [line.strip() for line in joined.splitlines() if line.strip() and not line.startswith("#")]
    return found


class Shell:
    """Just enough of a POSIX shell for the walk-through."""

    def __init__(self, client: TestClient, capsys: pytest.CaptureFixture[str]) -> None:
        self.client = client
        self.capsys = capsys
        self.variables: dict[str, str] = {}
        self.responses: list[Any] = []

    def expand(self, word: str) -> str:
        return VARIABLE.sub(lambda m: self.variables[m.group(1) or m.group(2)], word)

    def run(self, line: str) -> None:
        assignment = re.fullmatch(r"(?:export )?(\w+)=(.*)", line)
        if assignment:
            name, value = assignment.groups()
            substitution = re.fullmatch(r"\$\((.*)\)", value)
            self.variables[name] = self.execute(substitution.group(1)) if substitution else self.expand(value)
            return
        self.execute(line)

    def execute(self, command: str) -> str:
        lexer = shlex.shlex(command, posix=True, punctuation_chars="|>")
        lexer.whitespace_split = True
        words = list(lexer)
        stages: list[list[str]] = [[]]
        for word in words:
            if word == "|":
                stages.append([])
            else:
                stages[-1].append(word)
        first, filters = stages[0], stages[1:]
        if ">" in first:
            first = first[: first.index(">")]
        first = [self.expand(w) for w in first]
        if first[0].endswith("art52"):
            return self.art52(first[1:])
        assert first[0] == "curl", f"the walk-through may only use art52 and curl: {command}"
        body = self.curl(first[1:])
        if filters and filters[0][:2] == ["jq", "-r"]:
            return str(self.pick(json.loads(body), filters[0][2]))
        return body

    def art52(self, args: list[str]) -> str:
        self.capsys.readouterr()
        assert main(args) == 0, self.capsys.readouterr().err
        return self.capsys.readouterr().out.strip()

    def curl(self, args: list[str]) -> str:
        method, headers, content, url = None, {}, None, None
        words = iter(args)
        for word in words:
            if word == "-s":
                continue
            if word == "-X":
                method = next(words)
            elif word == "-H":
                name, _, value = next(words).partition(":")
                headers[name.strip()] = value.strip()
            elif word in ("-d", "--data"):
                data = next(words)
                content = read_data_file(data[1:]) if data.startswith("@") else data.encode()
            else:
                assert word.startswith("http"), f"unsupported curl option {word}"
                url = word
        assert url is not None
        response = self.client.request(method or ("POST" if content else "GET"), url, headers=headers, content=content)
        assert response.is_success, f"{method} {url}: {response.status_code} {response.text}"
        self.responses.append(response)
        return response.text

    @staticmethod
    def pick(document: Any, path: str) -> Any:
        for key in path.strip(".").split("."):
            document = document[key]
        return document


def read_data_file(path: str) -> bytes:
    """A file named as the page names it, from the clone's root."""
    return (REPO / path).read_bytes()


@pytest.fixture
def shell(client: TestClient, settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> Shell:
    monkeypatch.setenv("ART52_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("ART52_RULES_DIR", str(settings.rules_dir))
    monkeypatch.setenv("ART52_ENGINE", settings.engine)
    return Shell(client, capsys)


@pytest.mark.parametrize("source", ["docs", "readme"])
def test_the_walkthrough_takes_a_measure_from_token_to_approval(shell: Shell, client: TestClient, source: str) -> None:
    text = WALKTHROUGH.read_text(encoding="utf-8") if source == "docs" else readme_api_section()
    steps = commands(text)
    assert any("tokens create" in s for s in steps)
    assert any("/decision" in s for s in steps)
    for step in steps:
        shell.run(step)
    variables = shell.variables
    assert variables["SUBMITTER"].startswith("art52_")
    assert "\n" not in variables["SUBMITTER"]
    submitter = {"Authorization": f"Bearer {variables['SUBMITTER']}"}
    measure = client.get(f"/v1/measures/{variables['MEASURE']}", headers=submitter).json()
    assert measure["status"] == "approved"
    assert measure["decisions"][0]["decided_by"] == "Bob Reviewer"
    assert measure["decisions"][0]["conditions"] == [
        "Report the number of preservation orders to Parliament every year"
    ]
    if source == "readme":
        report = next(r for r in shell.responses if r.headers["content-type"].startswith("text/markdown"))
        assert report.text.startswith("# Assessment: ")
        return
    assessment = client.get(f"/v1/assessments/{variables['ASSESSMENT']}", headers=submitter).json()
    assert [c["rule_id"] for c in assessment["contests"]] == ["RET-010"]
    report = next(r for r in shell.responses if r.headers["content-type"].startswith("text/html"))
    assert "Contested</strong> by Bob Reviewer" in report.text
