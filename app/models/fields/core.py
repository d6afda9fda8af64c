"""The field registry's vocabulary: a :class:`Field` is declared once per record type.

Everything that names or shows a field — the import header names it answers to, the ledger's column
header, the roster table's column, the audit trail's label, whether an export masks it — reads the
one :class:`Field`, so adding a column to a record is one entry in its :class:`RecordType` (plus the
migration and the model attribute that store it). Plain Python: no Qt, no SQLAlchemy.

Labels are the Chinese a clerk reads; the interface translates them in the context
:data:`LABEL_CONTEXT` (``app/ui/field_labels.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import Flag, auto
from typing import Any, Literal

__all__ = [
    "LABEL_CONTEXT",
    "NOWHERE",
    "REGEX_PREFIX",
    "Field",
    "FieldKind",
    "FieldValues",
    "Personal",
    "Place",
    "RecordType",
    "header_names",
]

#: Qt translation context of every field label (the interface translates, the domain declares).
LABEL_CONTEXT = "Field"
#: An import header name starting with this is a regular expression on the header.
REGEX_PREFIX = "re:"

#: How a value is stored and written: the Excel writer's column kinds, plus ``bool``/``datetime``.
FieldKind = Literal["text", "int", "decimal1", "date", "time", "datetime", "bool"]
#: Personal data an export can mask: a resident's ID number or a phone number.
Personal = Literal["id", "phone"]


class Place(Flag):
    """Where a field appears. A field with import header names is also read from lists."""

    TABLE = auto()  # a column of the interface's table of such records
    FORM = auto()  # an input of the form that edits one record
    PREVIEW = auto()  # a column of the import preview (what a list's row was understood as)
    LEDGER = auto()  # a column of the exported ledger
    AUDIT = auto()  # named in the audit trail when it changes
    NEW_CASES = auto()  # a column of the daily report's 当日新增 list (people registered that day)
    ENDED_CASES = auto()  # a column of the daily report's 当日解除 list (management ended that day)


#: Shown nowhere: a field only read from import lists (集中隔离, 是否解除隔离 …).
NOWHERE = Place(0)


def header_names(*groups: str) -> tuple[str, ...]:
    """Header names written as space-separated groups (one long list per field reads better)."""
    return tuple(name for group in groups for name in group.split())


@dataclass(frozen=True, slots=True)
class Field:
    """One field of a record type, declared once."""

    key: str  # the attribute the record's plain data (and export rows) carry it under
    label: str  # Chinese, as the ledger and the form name it
    kind: FieldKind = "text"
    places: Place = NOWHERE
    #: Import header names, the usual one first (it names a missing column to the clerk);
    #: ``"re:…"`` is a regular expression on the header.
    headers: tuple[str, ...] = ()
    #: Some county systems split the field over several columns, joined when no single one names it.
    joined_headers: tuple[str, ...] = ()
    personal: Personal | None = None  # masked in exports (and the audit trail) when asked
    stored: str | None = None  # its column in the database when not ``key``; "" = computed
    table: str | None = None  # which of the record type's tables holds it; None = the first
    table_label: str | None = None  # the table's (shorter) header, when not ``label``
    form_label: str | None = None  # the form's wording, when not ``label``
    preview_label: str | None = None  # the import preview's header, when not the table's
    audit_label: str | None = None  # the audit trail's wording, when not ``label``
    #: The most characters a text may have: the form's input stops there, a longer value is
    #: refused. None: 200.
    max_length: int | None = None
    width: float | None = None  # ledger column width in characters; None = fitted to content
    #: Turns what a clerk typed or a list held into the stored value; raises ``ValidationError``.
    validate: Callable[[object], object] | None = None

    def label_in(self, place: Place) -> str:
        """The field's name where it appears."""
        if place is Place.TABLE and self.table_label:
            return self.table_label
        if place is Place.FORM and self.form_label:
            return self.form_label
        if place is Place.PREVIEW:
            return self.preview_label or self.table_label or self.label
        if place is Place.AUDIT and self.audit_label:
            return self.audit_label
        return self.label

    @property
    def column(self) -> str | None:
        """Its column in the database (what the audit trail records it under), None if computed."""
        if self.stored == "":
            return None
        return self.stored or self.key

    def answers_to(self, header: str) -> bool:
        """Whether a list's column header names this field (exact name or ``re:`` pattern)."""
        for name in self.headers:
            if name.startswith(REGEX_PREFIX):
                if re.search(name[len(REGEX_PREFIX) :], header):
                    return True
            elif name == header:
                return True
        return False


@dataclass(frozen=True)
class RecordType:
    """The fields of one kind of record (person/case, reading, vehicle pass …), in display order.

    ``tables`` are the database tables its stored fields live in: the audit trail names a change
    to one of their columns with the field's label.
    """

    key: str
    label: str
    tables: tuple[str, ...]
    fields: tuple[Field, ...]
    #: Fields an import cannot go without (a list lacking the column is refused).
    required_for_import: tuple[str, ...] = ()
    #: The form's order where it differs from the table's (a paper registration form reads 证件
    #: before 性别); form fields not named here follow in declaration order.
    form_order: tuple[str, ...] = ()
    _by_key: Mapping[str, Field] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_key = {f.key: f for f in self.fields}
        if len(by_key) != len(self.fields):
            raise ValueError(f"record type {self.key!r} declares a field key twice")
        strays = {f.table for f in self.fields if f.table} - set(self.tables)
        if strays:
            raise ValueError(f"record type {self.key!r} names tables it does not list: {strays}")
        unknown = set(self.required_for_import) - by_key.keys()
        if unknown:
            raise ValueError(f"record type {self.key!r} requires undeclared fields {unknown}")
        placed = {f.key for f in self.fields if Place.FORM in f.places}
        unplaced = set(self.form_order) - placed
        if unplaced:
            raise ValueError(f"record type {self.key!r} orders fields not on its form: {unplaced}")
        object.__setattr__(self, "_by_key", by_key)

    def __getitem__(self, key: str) -> Field:
        return self._by_key[key]

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)

    def placed(self, place: Place) -> tuple[Field, ...]:
        """The fields shown in ``place``, in declaration order."""
        return tuple(f for f in self.fields if place in f.places)

    def form_fields(self) -> tuple[Field, ...]:
        """The form's inputs in its order: :attr:`form_order`, then the other form fields."""
        placed = self.placed(Place.FORM)
        return self.pick(self.form_order) + tuple(f for f in placed if f.key not in self.form_order)

    def table_of(self, f: Field) -> str:
        """The database table that holds the field."""
        return f.table or self.tables[0]

    def pick(self, keys: Iterable[str]) -> tuple[Field, ...]:
        """The named fields in the order given (a form that prints a subset in its own order)."""
        return tuple(self._by_key[k] for k in keys)

    def import_headers(self) -> dict[str, tuple[str, ...]]:
        """field key → the header names it answers to, for every field an import reads."""
        return {f.key: f.headers for f in self.fields if f.headers}

    def joined_import_headers(self) -> dict[str, tuple[str, ...]]:
        return {f.key: f.joined_headers for f in self.fields if f.joined_headers}

    def audit_labels(self) -> dict[str, str]:
        """database column → the audit trail's label, for the fields the trail names."""
        return {
            f.column: f.label_in(Place.AUDIT)
            for f in self.fields
            if Place.AUDIT in f.places and f.column
        }

    def audit_labels_by_table(self) -> dict[str, dict[str, str]]:
        """table → database column → the audit trail's label."""
        labels: dict[str, dict[str, str]] = {table: {} for table in self.tables}
        for f in self.fields:
            if Place.AUDIT in f.places and f.column:
                labels[self.table_of(f)][f.column] = f.label_in(Place.AUDIT)
        return labels

    def personal_columns(self) -> dict[str, Personal]:
        """database column → how it is masked, for every personal field."""
        return {f.column: f.personal for f in self.fields if f.personal and f.column}

    def with_field(self, added: Field, *, after: str | None = None) -> RecordType:
        """A copy with one more field (after ``after``, else last, on the form too): how a new
        column is tried."""
        fields = list(self.fields)
        index = self.keys().index(after) + 1 if after else len(fields)
        fields.insert(index, added)
        order = list(self.form_order)
        if after in order and Place.FORM in added.places:
            order.insert(order.index(after) + 1, added.key)
        return replace(self, fields=tuple(fields), form_order=tuple(order))


class FieldValues:
    """A row that carries its registry fields in ``values`` (field key → value), read as
    ``row.phone`` or ``row["phone"]`` (a roster line, an import's preview row …)."""

    values: Mapping[str, Any]

    def __getattr__(self, key: str) -> Any:
        # Reached only for names that are not attributes: a field of ``values`` (row.phone).
        values = self.__dict__.get("values")
        if values is not None and key in values:
            return values[key]
        raise AttributeError(f"{type(self).__name__!r} has no field {key!r}")

    def __getitem__(self, key: str) -> Any:
        return self.values[key]
