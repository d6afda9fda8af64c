"""体温登记 — a round of temperatures typed without the mouse, its anomalies, and the fill-in sheet.

Choose the date and 上午/下午 (default: now), type a temperature, press Enter: the reading is saved
at once through ``rounds.record_reading`` and the next row's temperature cell is current, so the
next digit starts the next reading; ``365`` is 36.5 and ``37`` is 37.0 (``shorthand``). Space ticks
symptoms. A fever or a symptom turns the row red and opens the anomaly at once, but never a dialog:
the round goes on, and the 异常处置 is asked for when the clerk chooses — F4 on the row, the side
panel, or at the end of the round, when the status line counts what is still unhandled. An unusual
but possible value (35.x, ≥ 40.5) is not saved until Enter is pressed a second time on it.
导出填报表 / 导入填报表 carry the same round on paper and back (``services.readings_import``).
"""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.services import assignments, privacy, readings_import, rounds
from app.services.errors import ServiceError
from app.services.privacy import ExportProtection
from app.services.readings_import import ReadingsImportPlan, ReadingsImportResult
from app.services.rounds import AnomalyInfo, SaveResult
from app.services.values import (
    Slot,
    ValidationError,
    parse_temperature,
    temperature_needs_confirmation,
)
from app.ui import messages
from app.ui.context import UiContext
from app.ui.pages.base import BasePage, page_heading, standard_layout
from app.ui.rounds.anomaly_dialog import AnomalyActionDialog
from app.ui.rounds.anomaly_list import AnomalyListWidget
from app.ui.rounds.history_dialog import HistoryDialog
from app.ui.rounds.import_dialog import ImportPreviewDialog
from app.ui.rounds.round_model import Col, RoundFilterProxy, RoundRow, RoundTableModel
from app.ui.rounds.round_view import RoundTableView, TemperatureDelegate, TemperatureEditor
from app.ui.rounds.shorthand import expand_temperature_shorthand
from app.ui.rounds.symptom_popup import SymptomPopup
from app.ui.widgets.export_options import ask_export_protection, protection_note
from app.ui.widgets.file_dialogs import open_file_paths, readable_files_filter, save_file_path
from app.ui.widgets.roles import ObjectRole
from app.ui.worker import run_in_background

ERROR_STYLE = "color: #a61b1b; font-weight: bold;"
OK_STYLE = "color: #1b5e20;"
MEDICAL_ROLE = "医护人员"


class RoundsPage(BasePage):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.anomaly_dialog: AnomalyActionDialog | None = None
        self.symptom_popup: SymptomPopup | None = None
        self.import_dialog: ImportPreviewDialog | None = None
        self.history_dialog: HistoryDialog | None = None
        self._next_case: int | None = None  # where Enter moves once the current save is done
        self._unconfirmed: tuple[int, str] | None = None  # (case, value) warned about once
        self._prompted_case: int | None = None  # the status line asks for this case's 处置
        self._loaded: tuple[date, Slot] | None = None

        layout = standard_layout(self)
        top = QHBoxLayout()
        top.addWidget(page_heading(self.title))
        top.addStretch(1)
        self.export_button = QPushButton(self.tr("导出填报表(&E)…"))
        self.export_button.setToolTip(
            self.tr("导出当天的体温填报表（Excel），打印后上门填写，或发给医护人员填好再导入")
        )
        self.export_button.clicked.connect(self.choose_export)
        self.import_button = QPushButton(self.tr("导入填报表(&I)…"))
        self.import_button.setToolTip(self.tr("导入填好的体温填报表：先预览，再保存"))
        self.import_button.clicked.connect(self.choose_import)
        top.addWidget(self.export_button)
        top.addWidget(self.import_button)
        layout.addLayout(top)

        layout.addLayout(self._build_round_bar())
        hint = QLabel(
            self.tr(
                "输入体温按 Enter 保存并跳到下一人（365 即 36.5，37 即 37.0）　·　"
                "空格：勾选症状（数字键 1–7）　·　F4：记录异常处置　·　"
                "F2：修改已登记的体温　·　Esc：取消输入　·　Alt+H：体温记录"
            )
        )
        hint.setObjectName("roundHint")
        hint.setStyleSheet("color: #4b5563;")
        hint.setWordWrap(True)
        layout.addWidget(hint)

        self.model = RoundTableModel(self)
        self.proxy = RoundFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = RoundTableView()
        self.view.setModel(self.proxy)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # due-list order until a click
        self.delegate = TemperatureDelegate(self._submit, self.view)
        self.view.setItemDelegateForColumn(Col.TEMPERATURE, self.delegate)
        self.delegate.submitted.connect(self._after_submit)
        self.delegate.symptoms_requested.connect(lambda: self.open_symptoms(from_editor=True))
        self.view.symptoms_requested.connect(lambda: self.open_symptoms(from_editor=False))
        self.view.action_requested.connect(self.record_action)
        self.view.doubleClicked.connect(self._double_clicked)
        widths = {Col.GROUP: 64, Col.NAME: 80, Col.MEDICAL: 80, Col.TEMPERATURE: 76,
                  Col.SYMPTOMS: 130, Col.MEASURED_BY: 76}  # fmt: skip
        header = self.view.horizontalHeader()
        for column, width in widths.items():
            # Never narrower than the (possibly translated) header text.
            self.view.setColumnWidth(column, max(width, header.sectionSizeHint(column)))

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        list_bar = QHBoxLayout()
        list_label = QLabel(self.tr("本轮名单(&L)"))
        list_label.setBuddy(self.view)
        font = list_label.font()
        font.setBold(True)
        list_label.setFont(font)
        list_bar.addWidget(list_label)
        self.counts = QLabel()
        self.counts.setObjectName("roundCounts")
        list_bar.addWidget(self.counts, 1)
        self.waiting = QLabel()  # stays until every anomaly of the round has its 处置
        self.waiting.setObjectName("roundWaiting")
        self.waiting.setStyleSheet(ERROR_STYLE)
        list_bar.addWidget(self.waiting)
        left_layout.addLayout(list_bar)
        left_layout.addWidget(self.view, 1)

        self.anomalies = AnomalyListWidget(ctx)
        self.anomalies.changed.connect(self.refresh)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("roundsSplitter")
        splitter.addWidget(left)
        splitter.addWidget(self.anomalies)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([700, 420])
        layout.addWidget(splitter, 1)

        self.status = QLabel()
        self.status.setObjectName("roundStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)

    def _build_round_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.day_edit = QDateEdit(QDate(clock.today()))
        self.day_edit.setObjectName("roundDate")
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setMaximumDate(QDate(clock.today()))
        self.slot_combo = QComboBox()
        self.slot_combo.setObjectName("roundSlot")
        self.slot_combo.addItem(self.tr("上午"), Slot.AM.value)
        self.slot_combo.addItem(self.tr("下午"), Slot.PM.value)
        now_slot = rounds.current_slot(self.ctx.db)
        self.slot_combo.setCurrentIndex(0 if now_slot is Slot.AM else 1)
        self.measured_by = QComboBox()
        self.measured_by.setObjectName("measuredBy")
        self.measured_by.setEditable(True)
        self.measured_by.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.measured_by.setMinimumWidth(200)
        self.measured_by.lineEdit().setPlaceholderText(self.tr("默认：各人的包保医护人员"))
        self.measured_by.lineEdit().setMaxLength(50)
        self.measured_by.setToolTip(
            self.tr("输入的体温都记为此人测量；留空则记为每人的包保医护人员")
        )
        self.only_missing = QCheckBox(self.tr("只看未测(&U)"))
        self.only_missing.setObjectName("onlyMissing")
        self.history_button = QPushButton(self.tr("体温记录(&H)"))
        self.history_button.setToolTip(self.tr("查看当前这个人整个观察期的体温曲线和记录"))
        self.history_button.clicked.connect(self.show_history)

        for text, widget in (
            (self.tr("日期(&D)"), self.day_edit),
            (self.tr("时段(&S)"), self.slot_combo),
            (self.tr("测量人(&M)"), self.measured_by),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            bar.addWidget(label)
            bar.addWidget(widget)
            bar.addSpacing(8)
        bar.addWidget(self.only_missing)
        bar.addStretch(1)
        bar.addWidget(self.history_button)
        self.day_edit.dateChanged.connect(lambda _d: self._round_changed())
        self.slot_combo.currentIndexChanged.connect(lambda _i: self._round_changed())
        self.only_missing.toggled.connect(self._toggle_only_missing)
        return bar

    # --- page contract -------------------------------------------------------------------------

    @property
    def title(self) -> str:
        return self.tr("体温登记")

    @property
    def day(self) -> date:
        return self.day_edit.date().toPython()

    @property
    def slot(self) -> Slot:
        return Slot(self.slot_combo.currentData())

    def _slot_label(self) -> str:
        return self.slot_combo.currentText()  # 上午 / 下午, translated

    def set_round(self, day: date, slot: Slot) -> None:
        """Show the round of ``day`` / ``slot`` (what the date and 时段 fields choose)."""
        self.day_edit.setDate(QDate(day.year, day.month, day.day))
        self.slot_combo.setCurrentIndex(0 if slot is Slot.AM else 1)
        if self._loaded != (day, slot):
            self._round_changed()

    def refresh(self) -> None:
        db = self.ctx.db
        self.day_edit.setMaximumDate(QDate(clock.today()))
        keep = self._current_case()
        self.model.threshold = rounds.fever_threshold(db)
        self.model.set_items(rounds.due_list(db, self.day, self.slot))
        self._loaded = (self.day, self.slot)
        column = self.view.currentIndex().column()
        kept = keep is not None and self._go_to_case(keep, column=column)
        if not kept and not self.view.currentIndex().isValid():
            self._go_to_first_missing()
        self._reload_staff()
        self._update_counts()
        self.anomalies.refresh()
        self._forget_handled_prompt()

    def open_item(self, ref: object) -> None:
        """``("case", id)``: that person's row in today's current round; ``("anomaly", id)``:
        that anomaly, with its 处置 dialog open."""
        if not isinstance(ref, tuple) or len(ref) != 2:
            return
        kind, key = ref
        if kind == "anomaly" and self.anomalies.select(int(key)):
            self.anomalies.record_action()
        elif kind == "case":
            if self.model.row_of(int(key)) is None:
                self.set_round(clock.today(), rounds.current_slot(self.ctx.db))
            self._go_to_case(int(key))
            self.view.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.view.setFocus()

    # --- loading -------------------------------------------------------------------------------

    def _round_changed(self) -> None:
        self.model.clear_pending()  # ticks belonged to the round being left
        self.model.set_items([])
        self.refresh()
        self._go_to_first_missing()
        label = self.tr("{day} {slot}").format(day=f"{self.day:%Y-%m-%d}", slot=self._slot_label())
        self._inform(self.tr("正在登记 {round} 的体温。").format(round=label))

    def _reload_staff(self) -> None:
        typed = self.measured_by.currentText()
        names = [s.name for s in assignments.staff_list(self.ctx.db) if s.role == MEDICAL_ROLE]
        self.measured_by.blockSignals(True)
        self.measured_by.clear()
        self.measured_by.addItems(names)
        self.measured_by.setCurrentIndex(-1)
        self.measured_by.setEditText(typed)
        self.measured_by.blockSignals(False)

    def _update_counts(self) -> None:
        total = self.model.rowCount()
        missing = self.model.missing_count()
        self.counts.setText(
            self.tr("{slot}应测 {total} 人，已测 {done} 人，未测 {missing} 人").format(
                slot=self._slot_label(), total=total, done=total - missing, missing=missing
            )
        )
        self.counts.setStyleSheet(ERROR_STYLE if missing else OK_STYLE)
        waiting = len(self._unhandled())
        self.waiting.setText(
            self.tr("待处置异常 {count} 条（F4）").format(count=waiting) if waiting else ""
        )

    def _toggle_only_missing(self, on: bool) -> None:
        keep = self._current_case()
        self.proxy.set_only_missing(on)
        if keep is None or not self._go_to_case(keep):
            self._go_to_first_missing()
        self.view.setFocus()

    # --- moving around -------------------------------------------------------------------------

    def _current_case(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(ObjectRole) if index.isValid() else None

    def _current_row(self) -> RoundRow | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.row(self.proxy.mapToSource(index).row())

    def _go_to_case(self, case_id: int, column: int = Col.TEMPERATURE) -> bool:
        source_row = self.model.row_of(case_id)
        if source_row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, max(column, 0)))
        if not index.isValid():
            return False
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def _go_to_first_missing(self) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, Col.TEMPERATURE)
            if self.model.row(self.proxy.mapToSource(index).row()).reading is None:
                self.view.setCurrentIndex(index)
                self.view.scrollTo(index)
                return
        if self.proxy.rowCount():
            self.view.setCurrentIndex(self.proxy.index(0, Col.TEMPERATURE))

    def _case_below(self, proxy_row: int) -> int | None:
        below = self.proxy.index(proxy_row + 1, Col.TEMPERATURE)
        return below.data(ObjectRole) if below.isValid() else None

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() != Col.TEMPERATURE:
            self.show_history()

    # --- typing a reading ----------------------------------------------------------------------

    def _measured_by(self, row: RoundRow) -> str | None:
        return self.measured_by.currentText().strip() or row.item.medical_staff

    def _submit(self, cell: QPersistentModelIndex, text: str, move: bool) -> bool:
        """The delegate's Enter (``move``) or leaving the cell: save, or refuse and say why.

        True lets the editor close; False keeps it open with the typed text.
        """
        proxy_index = self.proxy.index(cell.row(), cell.column())
        if not proxy_index.isValid():
            return True
        row = self.model.row(self.proxy.mapToSource(proxy_index).row())
        self._next_case = self._case_below(cell.row()) if move else None
        text = text.strip()
        lost = "" if move else self.tr("（输入的“{text}”未保存）").format(text=text)
        if not text:
            return True
        try:
            value = parse_temperature(expand_temperature_shorthand(text))
        except ValidationError as error:
            self._refuse(f"{row.item.name}：{error.message}{lost}")
            return False
        unchanged = row.reading is not None and round(row.reading.celsius * 10) == round(value * 10)
        if unchanged and row.pending_symptoms is None:
            return True
        if temperature_needs_confirmation(value) and not self._confirmed(row, value, move):
            return False
        return self._save(row, value, row.symptoms, lost)

    def _confirmed(self, row: RoundRow, value: float, move: bool) -> bool:
        """An unusual value is saved on the second Enter: asked in the status line, not in a
        dialog, so the keys typed after it stay in the grid (they replace the selected value)."""
        shown = f"{value:.1f}"
        if move and self._unconfirmed == (row.case_id, shown):
            return True
        self._unconfirmed = (row.case_id, shown) if move else None
        which = self.tr("偏低") if value < 36 else self.tr("很高")
        self._refuse(
            self.tr(
                "{name} 的体温 {value} ℃ {which}，确定没有量错吗？再按 Enter 保存，或重新输入。"
            ).format(name=row.item.name, value=shown, which=which)
            if move
            else self.tr("未保存：{name} 的体温 {value} ℃ {which}，请核对后重新输入。").format(
                name=row.item.name, value=shown, which=which
            )
        )
        return False

    def _save(self, row: RoundRow, value: float, symptoms: tuple[str, ...], lost: str = "") -> bool:
        try:
            result = rounds.record_reading(
                self.ctx.db,
                row.case_id,
                self.day,
                self.slot,
                value,
                symptoms=symptoms,
                measured_by=self._measured_by(row),
            )
        except (ServiceError, ValidationError) as error:
            self._refuse(f"{error}{lost}")
            return False
        self._unconfirmed = None
        self._saved(row, result)
        return True

    def _saved(self, row: RoundRow, result: SaveResult) -> None:
        self.model.set_reading(row.case_id, result.reading)
        reading = result.reading
        shown = f"{reading.celsius:.1f} ℃" + (
            f"（{'、'.join(reading.symptoms)}）" if reading.symptoms else ""
        )
        if result.replaced is not None and round(result.replaced * 10) != round(
            reading.celsius * 10
        ):
            message = self.tr("已更正：{name} {slot} {old} → {new}").format(
                name=row.item.name, slot=self._slot_label(), old=f"{result.replaced:.1f}", new=shown
            )
        else:
            message = self.tr("已保存：{name} {slot} {value}").format(
                name=row.item.name, slot=self._slot_label(), value=shown
            )
        if result.abnormal:
            self._refuse(message + self.tr("　异常已登记：按 F4 记录处置（也可测完再处置）"))
            self._prompted_case = row.case_id
            self.anomalies.refresh()  # the anomaly is listed at once, its 处置 asked for later
        else:
            self._inform(message)
        self._update_counts()
        self.ctx.events.readings_changed.emit()

    def _after_submit(self, cell: QPersistentModelIndex, move: bool) -> None:
        moved = self._next_case is not None and self._go_to_case(self._next_case)
        if move and not moved:
            if self.model.missing_count():
                self._go_to_first_missing()
                missing = self.model.missing_count()
                self._append(self.tr("已到名单末尾，还有 {count} 人未测。").format(count=missing))
            else:
                self._append(self.tr("本轮已全部测完。"))
            self._ask_for_actions()
        self._next_case = None

    # --- symptoms ------------------------------------------------------------------------------

    def open_symptoms(self, *, from_editor: bool) -> None:
        index = self.view.currentIndex()
        row = self._current_row()
        if row is None:
            return
        popup = SymptomPopup(row.symptoms, self)
        rect = self.view.visualRect(index.siblingAtColumn(Col.SYMPTOMS))
        cell = QRect(self.view.viewport().mapToGlobal(rect.topLeft()), rect.size())
        popup.chosen.connect(partial(self._symptoms_chosen, row.case_id, from_editor))
        popup.destroyed.connect(lambda *_: self._popup_gone(popup))
        self.symptom_popup = popup
        popup.show_near(cell)

    def _popup_gone(self, popup: SymptomPopup) -> None:
        if self.symptom_popup is popup:
            self.symptom_popup = None

    def _symptoms_chosen(self, case_id: int, from_editor: bool, symptoms: tuple[str, ...]) -> None:
        number = self.model.row_of(case_id)
        if number is None:
            return
        row = self.model.row(number)
        editor = self.view.findChild(TemperatureEditor)
        if from_editor or row.reading is None:
            self.model.set_pending_symptoms(case_id, symptoms)
            ticked = "、".join(symptoms) or self.tr("无")
            self._inform(
                self.tr("已勾选症状：{symptoms}（输入体温后按 Enter 一并保存）").format(
                    symptoms=ticked
                )
            )
            if editor is not None:
                editor.setFocus()
            return
        if tuple(symptoms) != row.reading.symptoms:
            self._save(row, row.reading.celsius, symptoms)
        self.view.setFocus()

    # --- anomalies -----------------------------------------------------------------------------

    def _round_anomalies(self) -> list[AnomalyInfo]:
        """Open anomalies raised by this round's readings, in the order of the list on screen."""
        found = [
            a
            for a in rounds.anomalies(self.ctx.db, open_only=True, day=self.day)
            if a.slot == self.slot.value and self.model.row_of(a.case_id or 0) is not None
        ]
        order = {row.case_id: n for n, row in enumerate(self.model.rows())}
        return sorted(found, key=lambda a: order[a.case_id or 0])

    def _unhandled(self) -> list[AnomalyInfo]:
        return [a for a in self._round_anomalies() if not a.action]

    def record_action(self) -> None:
        """F4: the 处置 of the current row's anomaly, else of the next one still unhandled."""
        if self.anomaly_dialog is not None:
            return
        current = self._current_case()
        found = self._round_anomalies()
        mine = [a for a in found if a.case_id == current]
        waiting = [a for a in found if not a.action]
        chosen = (mine or waiting or [None])[0]
        if chosen is None:
            self._inform(self.tr("本轮没有待处置的异常。"))
            return
        if chosen.case_id != current and chosen.case_id is not None:
            self._go_to_case(chosen.case_id)
        self.open_anomaly(chosen.id)

    def _ask_for_actions(self) -> None:
        """At the end of the round: how many anomalies still wait for their 处置."""
        waiting = len(self._unhandled())
        if waiting:
            self._append(
                self.tr("本轮有 {count} 条异常待处置：按 F4 逐条记录。").format(count=waiting)
            )
            self.status.setStyleSheet(ERROR_STYLE)

    def _forget_handled_prompt(self) -> None:
        """The status line stops asking for a 处置 once it has been recorded (here or elsewhere)."""
        case_id = self._prompted_case
        if case_id is None:
            return
        if any(a.case_id == case_id for a in self._unhandled()):
            return
        self._prompted_case = None
        number = self.model.row_of(case_id)
        name = self.model.row(number).item.name if number is not None else ""
        waiting = len(self._unhandled())
        message = self.tr("已记录 {name} 的异常处置。").format(name=name)
        if waiting:
            message += self.tr("本轮还有 {count} 条异常待处置（F4）。").format(count=waiting)
        self._inform(message)

    def open_anomaly(self, anomaly_id: int) -> None:
        """The 异常处置 dialog for one anomaly (F4 on its row, or from Today)."""
        found = [a for a in rounds.anomalies(self.ctx.db, open_only=True) if a.id == anomaly_id]
        if not found:
            return
        self.anomalies.refresh()
        self.anomalies.select(anomaly_id)
        dialog = AnomalyActionDialog(self.ctx, found[0], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.refresh)
        dialog.finished.connect(lambda _result: self._anomaly_dialog_closed(dialog))
        self.anomaly_dialog = dialog
        dialog.open()

    def _anomaly_dialog_closed(self, dialog: AnomalyActionDialog) -> None:
        if self.anomaly_dialog is dialog:
            self.anomaly_dialog = None
        self.view.setFocus()

    # --- history -------------------------------------------------------------------------------

    def show_history(self) -> None:
        row = self._current_row()
        if row is None:
            return
        dialog = HistoryDialog(self.ctx, row.case_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: setattr(self, "history_dialog", None))
        self.history_dialog = dialog
        dialog.open()

    # --- fill-in sheet -------------------------------------------------------------------------

    def choose_export(self) -> None:
        title = self.tr("导出体温填报表")
        protection = ask_export_protection(self, self.ctx, "rounds-sheet", title)
        if protection is None:
            return
        folder = self.ctx.paths.exports
        folder.mkdir(parents=True, exist_ok=True)
        name = readings_import.suggested_sheet_name(self.ctx.db, self.day)
        path = save_file_path(self, title, folder / name, self.tr("Excel 工作簿 (*.xlsx)"))
        if path is not None:
            self.export_sheet(path, protection)

    def export_sheet(self, target: Path, protection: ExportProtection | None = None) -> None:
        """``protection`` None: the 隐藏身份证号和电话 default of the 体温填报表, no password."""
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        chosen = protection or ExportProtection(
            mask_personal=privacy.masked_by_default(self.ctx.db, "rounds-sheet")
        )
        run_in_background(
            self,
            privacy.protecting(readings_import.export_rounds_sheet, chosen),
            self.ctx.db,
            self.day,
            target,
            on_done=lambda path: self._exported(path, protection_note(chosen)),
            progress_label=self.tr("正在导出体温填报表…"),
        )

    def _exported(self, path: Path, note: str = "") -> None:
        self._inform(self.tr("已导出填报表：{path}").format(path=path))
        text = self.tr("已导出 {day} 的体温填报表：\n{path}\n\n填好后用“导入填报表”导入。").format(
            day=f"{self.day:%Y-%m-%d}", path=path
        )
        messages.show_info(self, f"{text}\n\n{note}" if note else text)

    def choose_import(self) -> None:
        folder = self.ctx.paths.exports if self.ctx.paths.exports.is_dir() else Path.home()
        chosen = open_file_paths(
            self,
            self.tr("导入体温填报表"),
            folder,
            readable_files_filter(self.tr("体温填报表")),
        )
        if chosen:
            self.import_sheet(chosen[0])

    def import_sheet(self, path: Path) -> None:
        """Check the sheet against this page's date, then show what it would change."""
        run_in_background(
            self,
            partial(readings_import.plan_readings_import, self.ctx.db, path, day=self.day),
            on_done=lambda plan: self._preview_import(plan, path),
            on_error=self._import_failed,
            progress_label=self.tr("正在检查填报表…"),
        )

    def _import_failed(self, error: BaseException) -> None:
        headline = getattr(error, "headline", None) or str(error).splitlines()[0]
        self._refuse(headline)
        messages.show_error(self, str(error))

    def _preview_import(self, plan: ReadingsImportPlan, path: Path) -> None:
        dialog = ImportPreviewDialog(plan, path.name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._apply_import(plan, dialog.overwrite_chosen()))
        dialog.finished.connect(lambda _r: setattr(self, "import_dialog", None))
        self.import_dialog = dialog
        dialog.open()

    def _apply_import(self, plan: ReadingsImportPlan, overwrite: bool) -> None:
        run_in_background(
            self,
            partial(readings_import.apply_readings_import, self.ctx.db, plan, overwrite=overwrite),
            on_done=self._imported,
            on_error=self._import_failed,
            progress_label=self.tr("正在导入体温…"),
        )

    def _imported(self, result: ReadingsImportResult) -> None:
        self.ctx.events.readings_changed.emit()
        self.refresh()
        text = self.tr(
            "已导入 {day} 的体温：新登记 {written} 条，覆盖 {overwritten} 条，相同跳过 {same} 条。"
        ).format(
            day=f"{result.day:%Y-%m-%d}",
            written=result.written,
            overwritten=result.overwritten,
            same=result.unchanged,
        )
        if result.anomalies:
            text += self.tr(
                "\n其中发热或有症状 {count} 条，已列入“未关闭的异常”，请记录处置。"
            ).format(count=result.anomalies)
        self._inform(text.replace("\n", " "))
        messages.show_info(self, text)

    # --- status line ---------------------------------------------------------------------------

    def _refuse(self, message: str) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(message)

    def _inform(self, message: str) -> None:
        self.status.setStyleSheet(OK_STYLE)
        self.status.setText(message)

    def _append(self, message: str) -> None:
        self.status.setText(f"{self.status.text()}　{message}".strip())
