"""A ``Notice`` laid out on A4: title, paragraphs, the 包保 table, the unit with room for its seal,
the date. Drawn with ``QTextDocument`` so the PDF holds real, selectable text.

Every notice is one page: what the clerk's wording makes too long is scaled down to fit rather
than spilling a line onto a second sheet nobody would staple.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextLength,
    QTextTableFormat,
)

from app.services.notice_templates import NoticeKind
from app.services.notices import Notice
from app.ui.fonts import chinese_families

MARGIN_MM = 20.0
LINE_SEPARATOR = "\u2028"  # a line break inside one paragraph
CENTRE = Qt.AlignmentFlag.AlignHCenter
LINE_HEIGHT_PERCENT = 125  # of the font's own line spacing (Noto CJK's is already 1.45 em)
PROPORTIONAL = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
TEAM_HEADING = "包保人员"  # the line above the team table
TEAM_HEADERS = ("包保职责", "姓名", "联系电话")


@dataclass(frozen=True)
class TypeSizes:
    """Point sizes of one paper: the door sign is read from across a corridor."""

    title: float
    body: float
    table: float
    seal_space_mm: float  # room above the unit's name for the round seal
    poster: bool = False  # a sign: each word of the title on its own line, the text centred


SIZES = {
    NoticeKind.ADMISSION: TypeSizes(title=22, body=14, table=13, seal_space_mm=18),
    NoticeKind.DOOR: TypeSizes(title=84, body=21, table=16, seal_space_mm=6, poster=True),
    NoticeKind.RELEASE: TypeSizes(title=22, body=15, table=13, seal_space_mm=24),
}


def a4_layout() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )


def notice_font(bold: bool = False) -> QFont:
    """The font every notice is set in: the best Chinese family this computer has."""
    font = QFont()
    font.setFamilies(chinese_families())
    font.setBold(bold)
    return font


def printed_text(notice: Notice) -> str:
    """Every character the layout draws for ``notice``."""
    team = "".join(f"{m.role}{m.name}{m.phone}" for m in notice.team)
    return "".join(
        (notice.title, *notice.paragraphs, *TEAM_HEADERS, TEAM_HEADING, team,
         notice.unit_name, notice.seal_label, notice.date_line)
    )  # fmt: skip


def paint_notices(device: QPagedPaintDevice, notices: list[Notice]) -> None:
    """Draw ``notices`` on ``device`` (a PDF writer or a printer), one per page."""
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("无法开始打印（打印机或文件不可用）")
    try:
        for number, notice in enumerate(notices):
            if number:
                device.newPage()
            _paint_page(painter, device, notice)
    finally:
        painter.end()


def _paint_page(painter: QPainter, device: QPagedPaintDevice, notice: Notice) -> None:
    page = device.pageLayout().paintRectPixels(device.logicalDpiX())
    document = notice_document(notice, device, page.width())
    height = document.size().height()
    painter.save()
    if height > page.height():  # a long wording: shrink it onto the one page
        scale = page.height() / height
        painter.scale(scale, scale)
    document.drawContents(painter, QRectF(0, 0, page.width(), max(height, page.height())))
    painter.restore()


@dataclass(frozen=True)
class Units:
    """Lengths in points, for a document laid out on a device of ``dpi``. Qt multiplies block
    and table margins, padding and borders by dpi / 96 itself, but not a first-line indent."""

    dpi: float

    @staticmethod
    def space(points: float) -> float:
        return points * 96 / 72

    def pixels(self, points: float) -> float:
        return points * self.dpi / 72


POINTS_PER_MM = 72 / 25.4


def notice_document(notice: Notice, device: QPagedPaintDevice, width: float) -> QTextDocument:
    """The notice as one unbroken document in ``device`` pixels, ``width`` wide (the page is
    not set: the document would break itself into pages, and a notice is one)."""
    sizes = SIZES[notice.kind]
    units = Units(device.logicalDpiY())
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)  # points become the device's pixels
    document.setDocumentMargin(0)
    document.setDefaultFont(notice_font())
    document.setTextWidth(width)
    cursor = QTextCursor(document)
    _title(cursor, notice.title, sizes)
    gap = units.space(0.5 * sizes.body)
    for paragraph in notice.paragraphs:
        if sizes.poster:
            _paragraph(cursor, paragraph, sizes.body, before=gap, align=CENTRE)
            continue
        # A salutation (张三：) starts at the margin; every other paragraph is indented two
        # characters, as Chinese official letters are.
        indent = 0.0 if paragraph.endswith("：") else units.pixels(2 * sizes.body)
        _paragraph(cursor, paragraph, sizes.body, indent=indent, before=gap)
    if notice.team:
        _team_table(cursor, notice, sizes)
    _signature(cursor, notice, sizes)
    return document


def _char(size: float, bold: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontPointSize(size)
    fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    return fmt


def _title(cursor: QTextCursor, title: str, sizes: TypeSizes) -> None:
    block = QTextBlockFormat()
    block.setAlignment(CENTRE)
    block.setBottomMargin(Units.space(0.4 * sizes.title if sizes.poster else 1.2 * sizes.title))
    cursor.setBlockFormat(block)
    if sizes.poster:  # 居家隔离 / 请勿打扰: never broken inside a word
        title = LINE_SEPARATOR.join(title.split())
    cursor.insertText(title, _char(sizes.title, bold=True))


def _paragraph(
    cursor: QTextCursor,
    text: str,
    size: float,
    *,
    indent: float = 0.0,
    before: float = 0.0,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignJustify,
) -> None:
    block = QTextBlockFormat()
    block.setAlignment(align)
    block.setTextIndent(indent)
    block.setTopMargin(before)
    block.setLineHeight(LINE_HEIGHT_PERCENT, PROPORTIONAL)
    cursor.insertBlock(block, _char(size))
    cursor.insertText(text, _char(size))


def _team_table(cursor: QTextCursor, notice: Notice, sizes: TypeSizes) -> None:
    _paragraph(cursor, TEAM_HEADING, sizes.body, before=Units.space(sizes.body))
    table_format = QTextTableFormat()
    table_format.setBorder(Units.space(0.75))
    table_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    table_format.setBorderCollapse(True)
    table_format.setCellPadding(Units.space(0.3 * sizes.table))
    table_format.setTopMargin(Units.space(0.3 * sizes.body))
    table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    table_format.setColumnWidthConstraints(
        [QTextLength(QTextLength.Type.PercentageLength, share) for share in (30, 30, 40)]
    )
    rows = [TEAM_HEADERS, *((m.role, m.name, m.phone) for m in notice.team)]
    table = cursor.insertTable(len(rows), len(TEAM_HEADERS), table_format)
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            cell_cursor = table.cellAt(row, column).firstCursorPosition()
            block = QTextBlockFormat()
            block.setAlignment(CENTRE)
            cell_cursor.setBlockFormat(block)
            cell_cursor.insertText(value, _char(sizes.table, bold=row == 0))
    cursor.movePosition(QTextCursor.MoveOperation.End)


def _signature(cursor: QTextCursor, notice: Notice, sizes: TypeSizes) -> None:
    """The unit's name with 「（盖章）」 after it and the date, right-aligned, with room above
    for the round seal."""
    right = Qt.AlignmentFlag.AlignRight
    room = Units.space(sizes.seal_space_mm * POINTS_PER_MM)
    _paragraph(
        cursor, f"{notice.unit_name}{notice.seal_label}", sizes.body, before=room, align=right
    )
    _paragraph(cursor, notice.date_line, sizes.body, align=right)
