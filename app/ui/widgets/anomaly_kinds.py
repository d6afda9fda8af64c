"""Anomaly kinds (发热, 漏测, 核酸阳性 …) as the interface names them.

The ledger stores the Chinese word of ``AnomalyKind``; the pages that list a kind show it through
``kind_text`` so the English interface names it too.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_KINDS = (
    QT_TRANSLATE_NOOP("AnomalyKind", "发热"),
    QT_TRANSLATE_NOOP("AnomalyKind", "症状"),
    QT_TRANSLATE_NOOP("AnomalyKind", "漏测"),
    QT_TRANSLATE_NOOP("AnomalyKind", "卡点体温异常"),
    QT_TRANSLATE_NOOP("AnomalyKind", "核酸阳性"),
)


def kind_text(kind: str | None) -> str:
    """核酸阳性 → "Positive test" in English; "" for none."""
    return QCoreApplication.translate("AnomalyKind", kind) if kind else ""
