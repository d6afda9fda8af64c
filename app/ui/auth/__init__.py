"""Signing in, the first administrator, the idle lock and account management (GUI side).

The rules (password hashes, the delay after wrong passwords, who may manage accounts) are in
``app.services.operators`` and ``app.services.access``; these widgets only ask and explain.
"""
