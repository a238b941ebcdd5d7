"""Route definitions."""
