"""车牌号 input: a province-abbreviation picker, the rest typed, and a 其他号牌 override.

Typing Chinese needs the input method; the province picker (default: the last one used) spares
the clerk that for almost every car, so a plate is typed as "A12345". A plate typed or pasted in
full ("粤Z1234港", "浙Ａ１２３４５") is taken apart and normalised as it is typed. Validation is
``parse_plate``'s, and its reason is shown in red under the field.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from app.services.values import (
    PROVINCE_ABBREVIATIONS,
    ValidationError,
    normalize_plate_text,
    parse_plate,
)

NO_PROVINCE = "—"  # picker entry for plates without a province (军、警、临时 … with 其他号牌)
DEFAULT_PROVINCE = "浙"
ERROR_STYLE = "color: #c62828;"
OK_STYLE = "color: #2e7d32;"

# PlateKind values are stored data; these let the English interface name them too.
_KIND_CONTEXT = "PlateKind"
_KIND_NAMES = (
    QT_TRANSLATE_NOOP("PlateKind", "普通号牌"),
    QT_TRANSLATE_NOOP("PlateKind", "新能源小型车"),
    QT_TRANSLATE_NOOP("PlateKind", "新能源大型车"),
    QT_TRANSLATE_NOOP("PlateKind", "挂/学/警/领"),
    QT_TRANSLATE_NOOP("PlateKind", "粤Z港澳"),
    QT_TRANSLATE_NOOP("PlateKind", "其他号牌"),
)


class _PlateEdit(QLineEdit):
    """Reports losing focus, which is when a half-typed plate becomes a mistake worth showing."""

    focusLost = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.focusLost.emit()


class PlateInput(QWidget):
    """Emits ``plateChanged`` while typing and ``plateFinished`` when the clerk leaves the field."""

    plateChanged = Signal(str)
    plateFinished = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.province = QComboBox()
        self.province.setObjectName("plateProvince")
        self.province.addItems([*PROVINCE_ABBREVIATIONS, NO_PROVINCE])
        self.province.setMaxVisibleItems(len(PROVINCE_ABBREVIATIONS) + 1)
        self.province.setCurrentText(DEFAULT_PROVINCE)
        # Out of the Tab chain: one car, one plate field; F2 in the field opens the picker.
        self.province.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.province.setToolTip(self.tr("省份简称（F2 选择）；默认是上一辆车的"))
        self.province.setMinimumContentsLength(2)

        self.edit = _PlateEdit()
        self.edit.setObjectName("plateEdit")
        self.edit.setPlaceholderText(self.tr("A12345"))
        self.edit.setMaxLength(14)
        self.edit.setToolTip(
            self.tr("直接输入字母和数字；整个车牌（如 粤Z1234港）也可以，全角自动转半角")
        )

        self.other = QCheckBox(self.tr("其他号牌(&Q)"))
        self.other.setObjectName("plateOther")
        self.other.setToolTip(
            self.tr("军车、武警、临时号牌等格式特殊的号牌：勾选（Alt+Q）后按原样保存")
        )
        # Rarely needed, so not a Tab stop between the plate and the next field; Alt+Q reaches it.
        self.other.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

        self.status = QLabel()
        self.status.setObjectName("plateStatus")

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.province)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.other)
        self.setFocusProxy(self.edit)

        self.edit.textEdited.connect(self._normalise_typed)
        self.edit.textChanged.connect(self._changed)
        self.province.currentTextChanged.connect(self._changed)
        self.other.toggled.connect(self._changed)
        self.edit.focusLost.connect(self._finished)

    # --- what the form reads and writes -------------------------------------------------------

    def plate_text(self) -> str:
        """The whole plate as it will be saved (normalised), or "" when nothing is typed."""
        rest = normalize_plate_text(self.edit.text())
        if not rest:
            return ""
        prefix = self.province.currentText()
        return rest if prefix == NO_PROVINCE else prefix + rest

    def is_other(self) -> bool:
        return self.other.isChecked()

    def problem(self) -> str | None:
        """Why the plate cannot be saved, or None."""
        try:
            parse_plate(self.plate_text(), other=self.is_other())
        except ValidationError as error:
            return error.message
        return None

    def set_plate(self, plate: str, *, other: bool = False) -> None:
        text = normalize_plate_text(plate)
        if text[:1] in PROVINCE_ABBREVIATIONS:
            self.province.setCurrentText(text[0])
            text = text[1:]
        elif text:
            self.province.setCurrentText(NO_PROVINCE)
        self.other.setChecked(other)
        self.edit.setText(text)
        self._show_status(finished=True)

    def clear(self) -> None:
        """Ready for the next car: the province stays (most cars are local)."""
        self.other.setChecked(False)
        self.edit.clear()
        self.status.clear()

    def set_province(self, province: str) -> None:
        if province in PROVINCE_ABBREVIATIONS:
            self.province.setCurrentText(province)

    def current_province(self) -> str:
        return self.province.currentText()

    def show_picker(self) -> None:
        self.province.showPopup()

    # --- behaviour ------------------------------------------------------------------------------

    def _normalise_typed(self, text: str) -> None:
        cleaned = normalize_plate_text(text)
        if cleaned[:1] in PROVINCE_ABBREVIATIONS:
            # The whole plate was typed or pasted: its province goes to the picker.
            self.province.setCurrentText(cleaned[0])
            cleaned = cleaned[1:]
        if cleaned != text:
            cursor = max(0, self.edit.cursorPosition() - (len(text) - len(cleaned)))
            self.edit.setText(cleaned)
            self.edit.setCursorPosition(min(cursor, len(cleaned)))

    def _changed(self, *_args: object) -> None:
        self._show_status(finished=False)
        self.plateChanged.emit(self.plate_text())

    def _finished(self) -> None:
        self._show_status(finished=True)
        self.plateFinished.emit(self.plate_text())

    def _show_status(self, *, finished: bool) -> None:
        plate = self.plate_text()
        if not plate:
            self.status.clear()
            return
        try:
            parsed = parse_plate(plate, other=self.is_other())
        except ValidationError as error:
            # While typing, "位数不对" for a plate that is not finished yet is only noise.
            if finished or len(plate) >= 7:
                self.status.setStyleSheet(ERROR_STYLE)
                self.status.setText(error.message)
            else:
                self.status.clear()
            return
        self.status.setStyleSheet(OK_STYLE)
        kind = QCoreApplication.translate(_KIND_CONTEXT, parsed.kind.value)
        self.status.setText(self.tr("✓ {kind}").format(kind=kind))
