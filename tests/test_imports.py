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
