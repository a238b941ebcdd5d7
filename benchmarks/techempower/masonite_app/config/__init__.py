"""Masonite configuration modules: each UPPERCASE name becomes ``<module>.<name>``."""
