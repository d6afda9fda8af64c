"""What is wrong with an import, row by row: a domain fact every kind of file shares.

An import is all-or-nothing: it collects every ``RowProblem`` and, finding any, raises
``ImportRejected`` and writes nothing. Readers of Excel, CSV or a typed round produce them; the
services raise them; the GUI lists them and the command line prints them. They live here, under
both the Excel layer and the services, so neither has to import the other to speak of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.errors import InvalidInput

#: What is wrong with a formula cell saved without its result (a list a program wrote and nobody
#: opened in Excel): there is nothing to read, and guessing would import a wrong value.
FORMULA_WITHOUT_RESULT = "是公式，没有计算结果：请在 Excel 中打开并保存，或粘贴为数值"


@dataclass(frozen=True)
class RowProblem:
    """One bad cell of an import, located the way the clerk sees it in Excel."""

    row: int  # Excel row number, 1-based as shown in Excel's row headers
    column: str  # header text as written in the file, or the column letter when there is none
    reason: str  # Chinese
    # True when ``reason`` goes on from the cell's name as one sentence ("第3行「开始日期」是公式…")
    # rather than after a colon.
    continues: bool = False

    def __str__(self) -> str:
        joint = "" if self.continues else "："
        return f"第{self.row}行「{self.column}」{joint}{self.reason}"

    @classmethod
    def formula_without_result(cls, row: int, column: str) -> RowProblem:
        return cls(row, column, FORMULA_WITHOUT_RESULT, continues=True)


class ImportRejected(InvalidInput):
    """An all-or-nothing import found bad rows; nothing was imported.

    ``problems`` holds every problem found (the UI lists them all); ``str()`` is a summary
    short enough for a message box or one stderr line block.
    """

    #: how many problems the summary spells out before "还有 N 处问题"
    SHOWN = 10

    def __init__(self, problems: Sequence[RowProblem]) -> None:
        # Passing the list to Exception keeps the exception picklable (args round-trip).
        self.problems: list[RowProblem] = list(problems)
        super().__init__(self.problems)

    @property
    def headline(self) -> str:
        """One line without the problem list, for callers that list ``problems`` themselves."""
        if not self.problems:
            return "导入失败，未导入任何数据。"
        return f"发现 {len(self.problems)} 处问题，未导入任何数据。请在 Excel 中改正后重新导入："

    def __str__(self) -> str:
        count = len(self.problems)
        if count == 0:
            return self.headline
        lines = [self.headline]
        lines.extend(str(p) for p in self.problems[: self.SHOWN])
        if count > self.SHOWN:
            lines.append(f"……还有 {count - self.SHOWN} 处问题。")
        return "\n".join(lines)
