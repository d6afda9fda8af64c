"""The layout of the printed papers: each default wording fills one A4 page at its own type size
(never shrunk), and a wording too long for the page is shrunk onto it, not spilt onto a second."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QPdfWriter

from app.services.notice_templates import NoticeKind
from app.services.notices import Notice, sample_notice
from app.services.reference import UnitInfo
from app.ui.printing.layout import a4_layout, notice_document
from app.ui.printing.pdf import PDF_RESOLUTION, write_pdf
from tests.helpers.pdf import pdf_info, pdf_text

UNIT = UnitInfo(unit_name="青石镇桃源村村民委员会", township="青石镇", phone="0571-86001234")


def a4_writer(path: Path) -> QPdfWriter:
    writer = QPdfWriter(str(path))
    writer.setPageLayout(a4_layout())
    writer.setResolution(PDF_RESOLUTION)
    return writer


def laid_out_height(notice: Notice, writer: QPdfWriter) -> tuple[float, float]:
    page = writer.pageLayout().paintRectPixels(writer.logicalDpiX())
    document = notice_document(notice, writer, page.width())
    return document.size().height(), page.height()


@pytest.mark.parametrize("kind", list(NoticeKind))
def test_every_default_paper_fits_its_page_unshrunk(
    qapp: object, kind: NoticeKind, tmp_path: Path
) -> None:
    notice = sample_notice(kind, kind.spec.default, UNIT)
    height, page = laid_out_height(notice, a4_writer(tmp_path / "x.pdf"))
    assert height <= page
    assert height > page / 2  # and it uses the page: the type is not tiny


def test_a_long_wording_is_shrunk_onto_one_page(qapp: object, tmp_path: Path) -> None:
    wording = "\n".join(
        ["告知书", *(f"第{i}条：请遵守居家隔离的各项规定。" * 3 for i in range(40))]
    )
    notice = sample_notice(NoticeKind.ADMISSION, wording, UNIT)
    height, page = laid_out_height(notice, a4_writer(tmp_path / "x.pdf"))
    assert height > page  # too long as laid out …
    target = tmp_path / "长.pdf"
    write_pdf([notice], target, title="告知书")
    assert pdf_info(target)["Pages"] == "1"
    assert "第39条" in pdf_text(target)
