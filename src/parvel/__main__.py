"""``python -m parvel``: the same as the ``parvel`` command."""

from parvel.console.main import main

main()
