"""人员台账 widgets: the lazy roster table model, the add/edit and end-of-case dialogs, the person
page. The pages ``app/ui/pages/roster.py`` and ``app/ui/pages/today.py`` put them together."""
