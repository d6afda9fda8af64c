"""The forms the ledger exports are declared once: the command line's ``export`` kinds, the
报表导出 page's list and the settings' masking defaults are the same forms."""

from __future__ import annotations

from app.commands.export_registry import load_export_kinds
from app.services import privacy
from app.services.export_forms import EXPORT_FORMS

FORM_KEYS = [form.key for form in EXPORT_FORMS]


def test_the_command_line_exports_every_form_under_its_key_and_help() -> None:
    kinds = load_export_kinds()
    assert sorted(kinds) == sorted(FORM_KEYS)
    assert {kinds[form.key].help for form in EXPORT_FORMS} == {form.help for form in EXPORT_FORMS}


def test_every_form_has_a_masking_default_under_its_title() -> None:
    policies = {policy.kind: policy for policy in privacy.EXPORT_POLICIES}
    assert set(FORM_KEYS) <= set(policies)
    assert [policies[form.key].title for form in EXPORT_FORMS] == [f.title for f in EXPORT_FORMS]
