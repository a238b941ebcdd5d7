"""Session drivers: one module each."""
