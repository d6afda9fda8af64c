"""The field registry (:mod:`app.models.fields`) as the interface reaches it: through the
services, like every other domain type (the layers of DESIGN.md)."""

from app.models import fields as _registry
from app.models.fields import *  # noqa: F403 — the registry's whole face, nothing added

__all__ = list(_registry.__all__)
