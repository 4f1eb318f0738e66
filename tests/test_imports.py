import subprocess
import sys


def test_store_does_not_import_textual():
    code = "import sys, store, store.load, store.query, store.digest, store.extract; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_cli_help_is_light():
    code = "import sys, tui.cli; print(any(m in sys.modules for m in ('textual', 'dateparser', 'vietnamadminunits')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_numpy_stays_out():
    """sqlite_utils would import numpy (vietnamadminunits installs it): 60-90 ms
    of each start-up and an OpenBLAS thread spinning during a load. `store`
    keeps it out, and numpy still imports for whoever wants it."""
    code = (
        "import sys, store.load, tui.app, sqlite_utils.db; print('numpy' in sys.modules, sqlite_utils.db.np);"
        " import numpy; print(numpy.zeros(2).sum())"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "None", "0.0"]
