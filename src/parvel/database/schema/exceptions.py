"""Errors raised by the schema builder.

They derive from :class:`parvel.exceptions.ParvelError` through :class:`SchemaError`.
"""

from __future__ import annotations

from parvel.exceptions import ParvelError


class SchemaError(ParvelError):
    """A schema change cannot be expressed or applied (e.g. an unsupported feature)."""

    code = "schema-error"


class UnsupportedSchemaFeature(SchemaError):
    """The connection's database does not support the requested schema feature."""

    code = "schema-unsupported"
