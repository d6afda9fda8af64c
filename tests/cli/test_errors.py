"""The command line tells an expected failure from a bug by its type: one line and a non-zero exit
for every member of the ``ExpectedError`` family, the traceback for anything else."""

from __future__ import annotations

import argparse

import pytest

from app.cli import _run_command
from app.cli_support import CommandContext
from app.config import AppPaths
from app.models.problems import ImportRejected
from app.shutdown import StopSignals
from tests.helpers.expected_errors import BUGS, EXPECTED, label


def run_raising(error: Exception, paths: AppPaths) -> int:
    def handler(_args: argparse.Namespace, _ctx: CommandContext) -> int:
        raise error

    return _run_command(argparse.Namespace(handler=handler), CommandContext(paths), StopSignals())


@pytest.mark.parametrize("error", EXPECTED, ids=label)
def test_every_expected_error_is_one_line_and_a_failing_exit(
    error: Exception, paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run_raising(error, paths)
    printed = capsys.readouterr()
    assert code != 0
    assert printed.out == ""
    lines = printed.err.splitlines()
    if isinstance(error, ImportRejected):  # the headline, then one line per bad cell
        assert lines == [error.headline, *(f"  {p}" for p in error.problems)]
    else:
        assert lines == [str(error)]


@pytest.mark.parametrize("error", BUGS, ids=label)
def test_a_bug_keeps_its_traceback(error: Exception, paths: AppPaths) -> None:
    with pytest.raises(type(error)):
        run_raising(error, paths)
