"""A table header that remembers its layout by column name, so a new column fits into an old one.

Qt's ``QHeaderView.saveState()`` records the sections by position. When a version adds a column in
the middle (the roster's 核酸, between 状态 and 包保), restoring a layout saved before shifts every
width from there on by one column, and Qt appends the section it lacks at the far end at its
default 100 px: the 包保 badge is pushed off a 1366-px screen. ``KeyedHeaderView`` saves the
column keys with Qt's state; restoring maps the saved widths, order, hidden columns and sort
column onto today's columns by key, and a column the layout does not know keeps its own place at
its natural width. A layout saved before keys were recorded is read as the columns of the version
that saved it (``earlier``, told apart by their number).

The main window saves and restores every table's header (``app/ui/main_window.py``); it calls
``horizontalHeader().saveState()``/``restoreState()`` from Python, which reach these overrides.
"""

from __future__ import annotations

import json
import struct
from collections.abc import Callable, Sequence

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QWidget

__all__ = ["KeyedHeaderView", "saved_section_count"]

_MAGIC = b"fangyi-header-keys:1\n"
_QT_MARKER = 0xFF  # QHeaderViewPrivate::VersionMarker, the first int of Qt's own state


class KeyedHeaderView(QHeaderView):
    """A horizontal header over columns named ``keys`` (the model's column order)."""

    def __init__(
        self,
        keys: Sequence[str],
        *,
        earlier: Sequence[Sequence[str]] = (),
        default_width: Callable[[int], int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._keys = tuple(keys)
        self._earlier = {len(layout): tuple(layout) for layout in earlier}
        self._default_width = default_width
        self.setSectionsClickable(True)  # as QTableView's own header

    # --- natural width ------------------------------------------------------------------------

    def natural_width(self, logical: int) -> int:
        """A column's width when the clerk has not chosen one: its default, its title, its cells."""
        widths = [self.sectionSizeHint(logical)]
        if self._default_width is not None:
            widths.append(self._default_width(logical))
        view = self.parent()
        if isinstance(view, QAbstractItemView):
            widths.append(view.sizeHintForColumn(logical))
        return max(widths)

    # --- saving and restoring -----------------------------------------------------------------

    def saveState(self) -> QByteArray:
        keys = json.dumps(self._keys, ensure_ascii=False).encode("utf-8")
        return QByteArray(_MAGIC + keys + b"\n" + bytes(super().saveState().data()))

    def restoreState(self, state: QByteArray | bytes) -> bool:
        data = bytes(state.data() if isinstance(state, QByteArray) else state)
        keys, qt_state = self._split(data)
        if keys is None or keys == self._keys:
            return super().restoreState(QByteArray(qt_state))
        return self._restore_by_key(keys, qt_state)

    def _split(self, data: bytes) -> tuple[tuple[str, ...] | None, bytes]:
        """(the saved column keys, Qt's state); keys None: unknown, restored as Qt would."""
        if data.startswith(_MAGIC):
            line, _, qt_state = data[len(_MAGIC) :].partition(b"\n")
            try:
                keys = json.loads(line.decode("utf-8"))
            except ValueError:
                return None, qt_state
            return tuple(str(k) for k in keys) if isinstance(keys, list) else None, qt_state
        count = saved_section_count(data)  # saved by a version that recorded no keys
        return (self._keys if count == len(self._keys) else self._earlier.get(count or -1)), data

    def _restore_by_key(self, keys: tuple[str, ...], qt_state: bytes) -> bool:
        saved = QHeaderView(Qt.Orientation.Horizontal)
        saved.setModel(QStandardItemModel(0, len(keys), saved))
        if not saved.restoreState(QByteArray(qt_state)) or saved.count() != len(keys):
            return False
        position = {key: self._keys.index(key) for key in keys if key in self._keys}
        # A stretched last column was saved as wide as the room left: a width nobody chose.
        stretched = saved.logicalIndex(saved.count() - 1) if saved.stretchLastSection() else -1
        for logical, key in enumerate(self._keys):
            if key not in position or keys.index(key) == stretched:
                self.resizeSection(logical, self.natural_width(logical))
        for old, key in enumerate(keys):
            if key in position:
                self.setSectionHidden(position[key], saved.isSectionHidden(old))
                if old != stretched and not saved.isSectionHidden(old):
                    self.resizeSection(position[key], saved.sectionSize(old))
        kept = sorted(
            (k for k in keys if k in position), key=lambda k: saved.visualIndex(keys.index(k))
        )
        for visual, key in enumerate(_with_new_keys(kept, self._keys)):
            self.moveSection(self.visualIndex(self._keys.index(key)), visual)
        sort_section = saved.sortIndicatorSection()
        if 0 <= sort_section < len(keys) and keys[sort_section] in position:
            self.setSortIndicator(position[keys[sort_section]], saved.sortIndicatorOrder())
        return True


def _with_new_keys(order: list[str], keys: Sequence[str]) -> list[str]:
    """``order`` (saved keys, left to right) with each new key right after the column it follows
    in ``keys`` (first if it follows none): the place the version that added it gave it."""
    result = list(order)
    for index, key in enumerate(keys):
        if key in result:
            continue
        before = [result.index(k) for k in keys[:index] if k in result]
        result.insert(max(before) + 1 if before else 0, key)
    return result


def saved_section_count(state: bytes) -> int | None:
    """The number of sections in a ``QHeaderView.saveState()`` (None: not such a state).

    Qt writes (big-endian, ``QHeaderViewPrivate::write``): marker, version, orientation, sort
    order, sort section, sort shown (1 byte), visual and logical indices (count + ints), the hidden
    bits (bit count + bytes), hidden sizes (count + int pairs), length, then the section count.
    """
    reader = _BigEndian(state)
    try:
        marker, _version, _orientation, _order, _section = reader.ints(5)
        if marker != _QT_MARKER:
            return None
        reader.skip(1)  # sort indicator shown
        for _indices in ("visual", "logical"):
            reader.skip(4 * reader.int())
        reader.skip((reader.int() + 7) // 8)  # hidden sections, one bit each
        reader.skip(8 * reader.int())  # hidden sections' sizes
        _length, count = reader.ints(2)
    except struct.error:
        return None
    return count


class _BigEndian:
    def __init__(self, data: bytes) -> None:
        self._data = data
        self._offset = 0

    def ints(self, count: int) -> tuple[int, ...]:
        values = struct.unpack_from(f">{count}i", self._data, self._offset)
        self._offset += 4 * count
        return values

    def int(self) -> int:
        return self.ints(1)[0]

    def skip(self, size: int) -> None:
        if size < 0:
            raise struct.error("negative length")
        self._offset += size
