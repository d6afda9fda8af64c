"""Helpers for the storage tests: ledgers to damage, and scripts run as separate processes."""
