"""The WSGI application of the Masonite TechEmpower app (``app:app`` like the other apps).

This is what a Masonite project's ``wsgi.py`` does. Masonite's facades and its WSGI handler
import the running application from a top-level module named ``wsgi``, so this module is also
registered under that name. Masonite keeps the current request, response and view in its one
application container, so the app serves one request at a time: the server gives it one thread
(``Framework.threads``). Import it only in Masonite's own virtual environment
(``benchmarks/.venvs/masonite``, see benchmarks/techempower/venvs.py).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("DB_CONFIG_PATH", "benchmarks.techempower.masonite_app.config.database")

from benchmarks.techempower.masonite_app.config.providers import PROVIDERS
from benchmarks.techempower.masonite_app.Kernel import Kernel as ApplicationKernel
from masonite.foundation import Application, Kernel

application = Application(str(Path(__file__).resolve().parent))
sys.modules["wsgi"] = sys.modules[__name__]

application.register_providers(Kernel, ApplicationKernel)
application.add_providers(*PROVIDERS)

app = application
