"""体温登记 building blocks: the round table (model, view, delegate), the symptom popup, the
anomaly dialogs and list, and the fill-in sheet import preview.

The page itself is ``app.ui.pages.rounds``.
"""
