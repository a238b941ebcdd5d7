import subprocess
import sys

import parvel


def test_version_is_exposed() -> None:
    assert parvel.__version__.count(".") == 2


def test_root_error_carries_hint() -> None:
    error = parvel.ParvelError("Something broke.", hint="Do this instead.")
    assert str(error) == "Something broke. Do this instead."
    assert error.code == "parvel-error"


def test_public_names_are_exactly_the_exported_set() -> None:
    public = {name for name in dir(parvel) if not name.startswith("_")} | {"__version__"}
    assert sorted(parvel.__all__) == parvel.__all__
    assert set(parvel.__all__) == public
    for name in parvel.__all__:
        assert getattr(parvel, name) is not None, name


def test_importing_parvel_is_lazy() -> None:
    code = "import sys, parvel; print(sorted(m for m in ('click', 'rich', 'starlette', 'orjson') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
