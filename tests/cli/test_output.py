"""Command-line output that never dies on a Windows code page.

On Windows, output redirected to a file is written in the ANSI code page unless Python runs in
UTF-8 mode: cp1252 on an English Windows (no Chinese at all), cp936 on a Chinese one (not every
character of every name). ``PYTHONIOENCODING`` gives a Linux Python exactly those streams.
tests/test_windows.py runs the frozen Windows build the same way under Wine.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli_support import make_output_safe
from tests.helpers.ledgers import subprocess_env

RARE_NAME = "王𬌗"  # a name character outside GBK (in GB 18030 and Unicode)


def written(encoding: str, text: str) -> tuple[bytes, str]:
    """What ``text`` becomes on a stream first opened in ``encoding``, and the stream's encoding."""
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding=encoding)
    make_output_safe(stream)
    stream.write(text)
    stream.flush()
    return raw.getvalue(), stream.encoding


def test_english_code_page_becomes_utf8() -> None:
    data, encoding = written("cp1252", "防疫台账：完整性检查正常")
    assert encoding == "utf-8"
    assert data.decode("utf-8") == "防疫台账：完整性检查正常"


def test_chinese_code_page_stays_readable_as_cp936_and_writes_rare_names() -> None:
    data, encoding = written("cp936", f"张三 {RARE_NAME}")
    assert encoding == "gb18030"
    assert data.startswith("张三 ".encode("cp936"))  # what a cp936 reader already expects
    assert data.decode("gb18030") == f"张三 {RARE_NAME}"


def test_unicode_streams_are_left_alone() -> None:
    data, encoding = written("utf-8", RARE_NAME)
    assert (data, encoding) == (RARE_NAME.encode("utf-8"), "utf-8")


def test_unwritable_character_becomes_a_question_mark_not_a_crash() -> None:
    data, _ = written("ascii", "a\udcff")  # a lone surrogate: no encoding can write it
    assert data == b"a?"


def test_windowed_program_without_streams_is_fine() -> None:
    make_output_safe(None)  # pythonw / the windowed .exe: sys.stdout is None


@pytest.mark.parametrize(("code_page", "decode_as"), [("cp1252", "utf-8"), ("cp936", "gb18030")])
def test_demo_redirected_to_a_file_on_a_windows_code_page(
    tmp_path: Path, code_page: str, decode_as: str
) -> None:
    env = subprocess_env()
    env["PYTHONIOENCODING"] = code_page  # a redirected stream on a Windows without UTF-8 mode
    log = tmp_path / "demo.txt"
    with log.open("wb") as target:
        result = subprocess.run(
            [sys.executable, "-m", "app", "--data-dir", str(tmp_path / "data"), "demo"],
            stdout=target, stderr=subprocess.PIPE, env=env, timeout=300,
        )  # fmt: skip
    assert result.returncode == 0, result.stderr.decode(decode_as, "replace")
    assert "已生成演示数据" in log.read_bytes().decode(decode_as)
