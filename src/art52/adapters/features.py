"""The scenario suite the API shows: the feature files as they are in the repository now.

The files are parsed by :mod:`art52.rulebook.scenarios` (the parser of the
coverage report too) and re-read when one is added, removed or changed. A file
that cannot be read or is not valid Gherkin is skipped with a warning, so one
broken file never takes the rule pages down.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from art52.rulebook.scenarios import FeatureParseError, ScenarioSuite, feature_files, parse_feature_file

log = logging.getLogger(__name__)

Stamp = tuple[tuple[str, int], ...]


class FeatureScenarios:
    """The scenarios of the ``*.feature`` files under a directory; call it for the current suite."""

    def __init__(self, directory: Path) -> None:
        self._directory = directory
        self._cached: tuple[Stamp, ScenarioSuite] | None = None

    def __call__(self) -> ScenarioSuite:
        files = feature_files(self._directory) if self._directory.is_dir() else []
        stamp = tuple((str(path), _mtime(path)) for path in files)
        cached = self._cached
        if cached is not None and cached[0] == stamp:
            return cached[1]
        suite = ScenarioSuite.joined(self._parsed(files))
        self._cached = (stamp, suite)
        return suite

    def _parsed(self, files: Iterable[Path]) -> Iterator[ScenarioSuite]:
        for path in files:
            try:
                yield parse_feature_file(path, self._directory)
            except FeatureParseError as error:
                log.warning("skipping a feature file: %s", error)


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return -1
