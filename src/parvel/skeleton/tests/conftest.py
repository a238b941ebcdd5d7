"""Shared fixtures for the app's tests. Parvel's pytest plugin provides `app` and `client`."""
