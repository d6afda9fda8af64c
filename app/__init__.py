"""防疫台账 Fangyi Ledger — an offline epidemic-prevention ledger for village clerks."""

__version__ = "0.1.0"
APP_NAME = "Fangyi Ledger"
APP_NAME_ZH = "防疫台账"
