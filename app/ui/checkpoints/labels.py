"""Display names of the stored checkpoint values (方向, 车辆类型, 处置, 卡点级别).

The ledger stores the Chinese words themselves (they are what the township's tables print); the
interface shows them through ``shown()`` so the English interface can name them too.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "CheckpointValues"

_NAMES = (
    QT_TRANSLATE_NOOP("CheckpointValues", "进"),
    QT_TRANSLATE_NOOP("CheckpointValues", "出"),
    QT_TRANSLATE_NOOP("CheckpointValues", "小型汽车"),
    QT_TRANSLATE_NOOP("CheckpointValues", "货车"),
    QT_TRANSLATE_NOOP("CheckpointValues", "客车"),
    QT_TRANSLATE_NOOP("CheckpointValues", "摩托车"),
    QT_TRANSLATE_NOOP("CheckpointValues", "电动车"),
    QT_TRANSLATE_NOOP("CheckpointValues", "农用车"),
    QT_TRANSLATE_NOOP("CheckpointValues", "其他"),
    QT_TRANSLATE_NOOP("CheckpointValues", "放行"),
    QT_TRANSLATE_NOOP("CheckpointValues", "登记后放行"),
    QT_TRANSLATE_NOOP("CheckpointValues", "劝返"),
    QT_TRANSLATE_NOOP("CheckpointValues", "上报"),
    QT_TRANSLATE_NOOP("CheckpointValues", "乡级"),
    QT_TRANSLATE_NOOP("CheckpointValues", "村级"),
)


def shown(value: str | None) -> str:
    """The stored value as the interface language names it ("" for None)."""
    return QCoreApplication.translate(CONTEXT, value) if value else ""
