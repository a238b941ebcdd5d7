"""Validation language lines: override any default message, name attributes, add custom lines.

Every default English line is listed in the docs (docs/validation.md); set only what you change.
"""

messages = {
    # "required": "Please fill in the :attribute.",
    "custom": {
        # "email": {"unique": "That email address is already registered."},
    },
    "attributes": {
        # "dob": "date of birth",
    },
}
