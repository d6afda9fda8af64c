"""卡点登记 — the checkpoint page: the duty shift, the fast entry form, today's log and totals.

The page is the controller: the form builds a ``PassInput``, the page saves it through
``app.services.checkpoints`` and updates the log row in place; from the log a pass can be changed
(double-click), deleted (Del, with 撤销) or a person on it moved onto the roster (转入居家观察).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QWidget,
)

from app.config import Settings
from app.services import assignments, reference
from app.services import checkpoints as service
from app.services.checkpoints import CheckpointTotals, PassInfo, VehicleExportSummary
from app.services.privacy import protecting
from app.services.values import Disposition, ValidationError, local_now
from app.ui import messages
from app.ui.checkpoints.admit_dialog import AdmitDialog
from app.ui.checkpoints.entry_form import EntryForm, FormProblem, FormProblems
from app.ui.checkpoints.export_dialog import ExportRangeDialog
from app.ui.checkpoints.log_model import PassLogModel, PassLogProxy
from app.ui.checkpoints.manage import CheckpointManagerDialog
from app.ui.checkpoints.plate_input import DEFAULT_PROVINCE, ERROR_STYLE
from app.ui.checkpoints.shift import ShiftBar, store_province, stored_province
from app.ui.context import UiContext
from app.ui.messages import refusal_shown
from app.ui.pages.base import BasePage, page_explanation, page_heading, standard_layout
from app.ui.widgets.export_options import ExportOptionsWidget, protection_note
from app.ui.widgets.file_dialogs import save_file_path
from app.ui.widgets.roles import ObjectRole
from app.ui.widgets.table_view import row_table
from app.ui.worker import run_in_background


class CheckpointsPage(BasePage):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.day_totals = CheckpointTotals()
        self.shift_totals = CheckpointTotals()
        self._confirmed_release: tuple[str, tuple[str, ...]] | None = None  # asked once per car
        self._deleted: PassInfo | None = None  # the last deletion, for 撤销

        self.shift = ShiftBar()
        self.manage_button = QPushButton(self.tr("管理卡点"))
        self.manage_button.setObjectName("manageCheckpoints")
        self.export_button = QPushButton(self.tr("导出…"))
        self.export_button.setObjectName("exportVehicles")
        self.export_button.setToolTip(self.tr("导出卡点车辆登记表（Excel）"))
        self.no_checkpoint = QLabel(
            self.tr("还没有卡点：请先点“管理卡点”添加本村的卡点，再开始登记。")
        )
        self.no_checkpoint.setObjectName("noCheckpoint")
        self.no_checkpoint.setStyleSheet(ERROR_STYLE)

        self.form = EntryForm()
        self.form.plate.set_province(stored_province(DEFAULT_PROVINCE))

        self.shift_label = QLabel()
        self.shift_label.setObjectName("shiftTotals")
        self.day_label = QLabel()
        self.day_label.setObjectName("dayTotals")
        self.saved_label = QLabel()
        self.saved_label.setObjectName("lastSaved")
        self.saved_label.setStyleSheet("color: #2e7d32;")

        self.day = QDateEdit(_qdate(self.current_day()))
        self.day.setObjectName("logDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setMaximumDate(_qdate(self.current_day()))
        self.today_button = QPushButton(self.tr("今天"))
        self.edit_button = QPushButton(self.tr("修改"))
        self.edit_button.setObjectName("editPass")
        self.admit_button = QPushButton(self.tr("转入居家观察…"))
        self.admit_button.setObjectName("admitPass")
        self.admit_button.setToolTip(
            self.tr("把这辆车上需要居家观察的人（如来自风险地区）直接转入人员台账并安排三包一")
        )
        self.delete_button = QPushButton(self.tr("删除 (Del)"))
        self.delete_button.setObjectName("deletePass")
        self.undo_label = QLabel()
        self.undo_label.setObjectName("undoLabel")
        self.undo_button = QPushButton(self.tr("撤销删除 (Ctrl+Z)"))
        self.undo_button.setObjectName("undoDelete")

        self.model = PassLogModel(self)
        self.proxy = PassLogProxy(self.model, self)
        self.table = row_table(
            self.proxy, "passLog", sort=(PassLogModel.TIME, Qt.SortOrder.DescendingOrder)
        )
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((50, 42, 92, 70, 42, 130, 130, 50, 42, 80)):
            self.table.setColumnWidth(column, width)

        self._build_layout()
        self._wire()
        self._update_buttons()
        self._hide_undo()

    @property
    def title(self) -> str:
        return self.tr("卡点登记")

    # --- layout ---------------------------------------------------------------------------------

    def _build_layout(self) -> None:
        layout = standard_layout(self)
        top = QHBoxLayout()
        top.addWidget(page_heading(self.title))
        top.addWidget(
            page_explanation(
                self.tr(
                    "填好按 Enter 保存，光标回到车牌；↑ 带出上次的来源地/目的地/事由，"
                    "F3 同上一辆，F2 选省份，Esc 清空。"
                )
            ),
            1,
        )
        layout.addLayout(top)
        shift_row = QHBoxLayout()
        shift_row.addWidget(self.shift, 1)
        shift_row.addWidget(self.manage_button)
        shift_row.addWidget(self.export_button)
        layout.addLayout(shift_row)
        layout.addWidget(self.no_checkpoint)
        layout.addWidget(self.form)
        layout.addWidget(self.shift_label)
        layout.addWidget(self.day_label)
        log_bar = QHBoxLayout()
        caption = QLabel(self.tr("登记记录"))
        caption.setBuddy(self.day)
        log_bar.addWidget(caption)
        log_bar.addWidget(self.day)
        log_bar.addWidget(self.today_button)
        log_bar.addWidget(self.saved_label, 1)
        log_bar.addWidget(self.undo_label)
        log_bar.addWidget(self.undo_button)
        log_bar.addWidget(self.edit_button)
        log_bar.addWidget(self.admit_button)
        log_bar.addWidget(self.delete_button)
        layout.addLayout(log_bar)
        layout.addWidget(self.table, 1)

    def _wire(self) -> None:
        self.form.saveRequested.connect(self.save)
        self.form.set_duty_field(self.shift.duty)
        self.shift.duty.returnPressed.connect(self._duty_entered)
        self.form.plateFinished.connect(self._offer_last_details)
        self.form.cancelEditRequested.connect(self.form.clear_for_next)
        self.shift.changed.connect(self._shift_changed)
        self.manage_button.clicked.connect(self.manage_checkpoints)
        self.export_button.clicked.connect(self.export)
        self.day.dateChanged.connect(self._reload_log)
        self.today_button.clicked.connect(lambda: self.day.setDate(_qdate(self.current_day())))
        self.edit_button.clicked.connect(self.edit_selected)
        self.admit_button.clicked.connect(lambda: self.admit_selected())
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button.clicked.connect(self.undo_delete)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_selected).setContext(
            Qt.ShortcutContext.WidgetShortcut
        )
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, self.edit_selected).setContext(
            Qt.ShortcutContext.WidgetShortcut
        )
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo_delete).setContext(
            Qt.ShortcutContext.WidgetWithChildrenShortcut
        )

    # --- BasePage -------------------------------------------------------------------------------

    def refresh(self) -> None:
        db = self.ctx.db
        self.form.set_threshold(reference.read_setting(db, Settings.FEVER_THRESHOLD))
        active = service.checkpoints(db)
        self.shift.set_checkpoints(active)
        self.shift.set_staff_names(sorted({s.name for s in assignments.staff_list(db)}))
        self.form.set_hints(service.place_hints(db))
        has_checkpoint = self.shift.checkpoint_id() is not None
        self.no_checkpoint.setVisible(not has_checkpoint)
        self.form.setEnabled(has_checkpoint or self.form.editing is not None)
        self.day.setMaximumDate(_qdate(self.current_day()))
        self._reload_log()

    def showEvent(self, event: QShowEvent) -> None:
        """Coming to the page (Ctrl+5), the first key typed lands where the next car starts —
        or in 值守人员 while nobody is on duty yet."""
        super().showEvent(event)
        if self.form.editing is None and self.form.isEnabled():
            target = self.shift.duty if not self.shift.duty_staff() else self.form.plate.edit
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_item(self, ref: object) -> None:
        """Show a pass (by id) in the form for changing, e.g. from Today's anomaly list."""
        if isinstance(ref, int):
            info = self.model.pass_of(ref)
            if info is not None:
                self.form.load_pass(info)

    # --- saving ---------------------------------------------------------------------------------

    def save(self) -> None:
        form = self.form
        try:
            data = form.build_input(self.shift.checkpoint_id(), self.shift.duty_staff())
        except FormProblems as found:
            form.show_problems(found.problems)
            return
        if not self._release_confirmed(data.disposition):
            return
        with refusal_shown(None) as refused:
            if form.editing is not None:
                saved = service.update_pass(self.ctx.db, form.editing.id, data)
            else:
                saved = service.record_pass(self.ctx.db, data)
        if refused:
            self._show_refusal(refused.error)
            return
        self._confirmed_release = None
        store_province(form.plate.current_province())
        form.remember_saved(saved)
        form.clear_for_next()
        self.saved_label.setText(
            self.tr("已保存：{plate}（{time}）").format(
                plate=saved.plate, time=f"{saved.passed_at:%H:%M}"
            )
        )
        self._show_saved(saved)
        self.ctx.events.checkpoints_changed.emit()
        if saved.abnormal:
            self.ctx.events.readings_changed.emit()  # a new checkpoint anomaly to handle

    def _release_confirmed(self, disposition: str) -> bool:
        """放行 with someone feverish aboard is asked once for this car (not again on the
        next Enter after fixing another field)."""
        releasing = disposition in (Disposition.PASSED.value, Disposition.REGISTERED_PASSED.value)
        feverish = tuple(self.form.feverish_people()) if releasing else ()
        if not feverish:
            return True
        key = (self.form.plate.plate_text(), feverish)
        if self._confirmed_release == key:
            return True
        question = self.tr("车上有人发热（{who}），确定放行吗？").format(who="；".join(feverish))
        if not messages.ask_confirm(self, question):
            self.form.show_error(self.tr("未保存：请改选处置（劝返或上报），或确认放行。"))
            self.form.disposition.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        self._confirmed_release = key
        return True

    def _duty_entered(self) -> None:
        """Enter in 值守人员 (often the field just fixed) saves the car waiting in the form."""
        if self.form.plate.edit.text().strip():
            self.save()

    def _show_refusal(self, error: BaseException) -> None:
        """The service said no: keep everything as typed, point at the field if we know it."""
        form = self.form
        fields = {
            "车牌号": form.plate.edit, "身份证号": form.driver_id, "联系电话": form.driver_phone,
            "体温": form.temperature, "处置情况": form.action,
        }  # fmt: skip
        widget = fields.get(error.field) if isinstance(error, ValidationError) else None
        if widget is not None:
            form.show_problem(FormProblem(widget, str(error)))
        else:
            form.show_error(str(error))

    def _show_saved(self, saved: PassInfo) -> None:
        shown_day = self.day.date().toPython()
        if saved.checkpoint_id == self.shift.checkpoint_id() and self._day_of(saved) == shown_day:
            self.model.upsert(saved)
        else:
            self._reload_log()
            return
        self._update_totals()

    def _offer_last_details(self, plate: str) -> None:
        last = service.last_pass_for_plate(self.ctx.db, plate)
        if last is not None:
            self.form.offer_last(last)

    # --- the log --------------------------------------------------------------------------------

    def _reload_log(self, *_args: object) -> None:
        selected = self.selected_pass()
        checkpoint_id = self.shift.checkpoint_id()
        rows: list[PassInfo] = []
        if checkpoint_id is not None:
            rows = service.passes_of_day(
                self.ctx.db, self.day.date().toPython(), checkpoint_id=checkpoint_id
            )
        self.model.set_passes(rows)
        if selected is not None:
            self._select(selected.id)
        self._update_totals()
        self._update_buttons()

    def _update_totals(self) -> None:
        checkpoint_id = self.shift.checkpoint_id()
        shown_day = self.day.date().toPython()
        if checkpoint_id is None:
            self.day_totals = self.shift_totals = CheckpointTotals()
        else:
            db = self.ctx.db
            self.day_totals = service.totals_of_day(db, shown_day, checkpoint_id=checkpoint_id)
            self.shift_totals = service.totals(
                db, self.shift.started, local_now() + timedelta(days=1), checkpoint_id=checkpoint_id
            )
        self.shift_label.setText(
            self.tr("本班（自 {time}）：{numbers}").format(
                time=f"{self.shift.started:%m-%d %H:%M}",
                numbers=self.totals_text(self.shift_totals),
            )
        )
        self.day_label.setText(
            self.tr("{day}：{numbers}").format(
                day=self.tr("今日") if shown_day == self.current_day() else f"{shown_day:%Y-%m-%d}",
                numbers=self.totals_text(self.day_totals),
            )
        )

    def totals_text(self, totals: CheckpointTotals) -> str:
        return self.tr(
            "检查车辆 {vehicles} 辆 · 检查人数 {people} 人次 · 劝返车辆 {back} 辆 · "
            "劝返人数 {back_people} 人次 · 体温异常 {abnormal} 辆"
        ).format(
            vehicles=totals.vehicles,
            people=totals.people,
            back=totals.turned_back_vehicles,
            back_people=totals.turned_back_people,
            abnormal=totals.abnormal,
        )

    def selected_pass(self) -> PassInfo | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isSelected(index):
            return None
        return self.model.pass_of(index.data(ObjectRole))

    def _select(self, pass_id: int) -> None:
        position = self.model.row_of(pass_id)
        if position is None:
            return
        index = self.proxy.mapFromSource(self.model.index(position, 0))
        self.table.setCurrentIndex(index)
        self.table.selectRow(index.row())

    def edit_selected(self) -> None:
        info = self.selected_pass()
        if info is not None:
            self.form.setEnabled(True)
            self.form.load_pass(info)

    def delete_selected(self) -> None:
        info = self.selected_pass()
        if info is None:
            return
        with refusal_shown(self) as refused:
            service.delete_pass(self.ctx.db, info.id)
        if refused:
            return
        if self.form.editing is not None and self.form.editing.id == info.id:
            self.form.clear_for_next()
        self.model.remove(info.id)
        self._deleted = info
        self.undo_label.setText(
            self.tr("已删除 {plate}（{time}）的登记").format(
                plate=info.plate, time=f"{info.passed_at:%H:%M}"
            )
        )
        self.undo_label.show()
        self.undo_button.show()
        self._update_totals()
        self.ctx.events.checkpoints_changed.emit()

    def undo_delete(self) -> None:
        info = self._deleted
        if info is None:
            return
        with refusal_shown(self) as refused:
            service.restore_pass(self.ctx.db, info.id)
        if refused:
            return
        self._hide_undo()
        self._reload_log()
        self._select(info.id)
        self.ctx.events.checkpoints_changed.emit()

    def _hide_undo(self) -> None:
        self._deleted = None
        self.undo_label.hide()
        self.undo_button.hide()

    def _update_buttons(self, *_args: object) -> None:
        selected = self.selected_pass() is not None
        for button in (self.edit_button, self.admit_button, self.delete_button):
            button.setEnabled(selected)

    # --- dialogs --------------------------------------------------------------------------------

    def run_dialog(self, dialog: QDialog) -> int:
        """Every dialog of the page goes through here (tests answer them instead)."""
        return dialog.exec()

    def admit_selected(self, occupant_id: int | None = None) -> None:
        info = self.selected_pass()
        if info is None:
            return
        dialog = AdmitDialog(self.ctx, info, occupant_id=occupant_id, parent=self)
        try:
            accepted = self.run_dialog(dialog) == QDialog.DialogCode.Accepted
            row = dialog.result_row
        finally:
            dialog.deleteLater()
        if not accepted or row is None:
            return
        self.ctx.events.roster_changed.emit()
        self.ctx.events.assignments_changed.emit()
        self.ctx.events.checkpoints_changed.emit()
        self._reload_log()
        self._select(info.id)
        until = f"{row.planned_end:%m-%d}" if row.planned_end else self.tr("未定")
        messages.show_info(
            self,
            self.tr("已转入台账：{name}，{measure}，计划解除 {until}。").format(
                name=row.name, measure=row.measure, until=until
            ),
        )

    def manage_checkpoints(self) -> None:
        dialog = CheckpointManagerDialog(self.ctx, self)
        try:
            self.run_dialog(dialog)
        finally:
            dialog.deleteLater()
        self.refresh()

    def export(self) -> None:
        options = ExportOptionsWidget(self.ctx, "vehicles")
        dialog = ExportRangeDialog(
            service.checkpoints(self.ctx.db, include_inactive=True),
            day=self.day.date().toPython(),
            checkpoint_id=self.shift.checkpoint_id(),
            parent=self,
            options=options,
        )
        try:
            if self.run_dialog(dialog) != QDialog.DialogCode.Accepted:
                return
            first, last, checkpoint_name = dialog.chosen()
            protection = options.protection()  # masking and password: applied to what is written
        finally:
            dialog.deleteLater()
        name = service.vehicles_file_name(self.ctx.db, last, checkpoint_name)
        suggested = self.ctx.paths.exports / name
        target = self.ask_save_path(suggested)
        if target is None:
            return
        run_in_background(
            self,
            protecting(
                partial(service.export_vehicles, checkpoint_name=checkpoint_name), protection
            ),
            self.ctx.db,
            first,
            last,
            target,
            on_done=lambda summary: self._exported(summary, protection_note(protection)),
            progress_label=self.tr("正在导出卡点车辆登记表…"),
        )

    def ask_save_path(self, suggested: Path) -> Path | None:
        suggested.parent.mkdir(parents=True, exist_ok=True)
        path = save_file_path(
            self, self.tr("保存卡点车辆登记表"), suggested, self.tr("Excel 工作簿 (*.xlsx)")
        )
        if path is None:
            return None
        return path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")

    def _exported(self, summary: VehicleExportSummary, note: str = "") -> None:
        text = self.tr("已导出 {vehicles} 辆车、车上人员 {people} 人：\n{path}").format(
            vehicles=summary.vehicles, people=summary.occupants, path=summary.path
        )
        messages.show_info(self, f"{text}\n\n{note}" if note else text)

    # --- helpers --------------------------------------------------------------------------------

    def _shift_changed(self) -> None:
        has_checkpoint = self.shift.checkpoint_id() is not None
        self.no_checkpoint.setVisible(not has_checkpoint)
        self.form.setEnabled(has_checkpoint or self.form.editing is not None)
        self._reload_log()

    def _day_of(self, info: PassInfo) -> date:
        cutoff = reference.read_setting(self.ctx.db, Settings.STAT_CUTOFF)
        return reference.statistical_day(info.passed_at, cutoff)

    def current_day(self) -> date:
        """Today's statistical day (after a 15:00 cut-off, the evening counts for tomorrow)."""
        cutoff = reference.read_setting(self.ctx.db, Settings.STAT_CUTOFF)
        return reference.statistical_day(local_now(), cutoff)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
