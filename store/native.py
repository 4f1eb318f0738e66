"""Extraction compiled to C with mypyc, where it can be built: the same source,
about a sixth less time an article (measured in the README's Performance).

`python -m store.compile` compiles the modules in `MODULES` into
`build/native/` beside the package (`make` does it when a compiler is there;
without one sukien runs as plain Python, as it always can). Importing `store`
then puts that folder first in the package's path, but only if the build was
made from the source as it is now (each file's hash is kept in the build's
manifest) and by this Python: an edited module turns the whole build off until
it is built again, since compiled modules call each other directly and one
stale module would stay in use behind the edited source. `SUKIEN_PURE=1` turns
it off too.

mypyc checks the declared types as it runs. A compiled call that fails where
plain Python would not is caught by the loader, which reads that article again
with the plain modules (`pure`), so a build can cost an article nothing but time.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path
from types import ModuleType

PACKAGE_DIR = Path(__file__).resolve().parent
NATIVE_DIR = PACKAGE_DIR.parent / "build" / "native"
MANIFEST = "manifest.json"
# the extraction: everything a worker runs for an article (not the database, the app's queries or the CLI)
MODULES = (
    "text",
    "sentences",
    "lexicon",
    "dates",
    "people",
    "quotes",
    "targets",
    "provinces",
    "article",
    "extract",
    "facts",
)
_PURE = "_sukien_pure"


def _abi() -> str:
    import importlib.machinery

    return importlib.machinery.EXTENSION_SUFFIXES[0]


def _hashes() -> dict[str, str]:
    return {m: hashlib.sha256((PACKAGE_DIR / f"{m}.py").read_bytes()).hexdigest() for m in MODULES}


def status(native_dir: Path = NATIVE_DIR) -> str | None:
    """None when the build in `native_dir` can be used, else why not."""
    if os.environ.get("SUKIEN_PURE"):
        return "SUKIEN_PURE is set"
    return stale(native_dir)


def stale(native_dir: Path = NATIVE_DIR) -> str | None:
    """None when the build in `native_dir` was made from this source by this Python, else why not."""
    try:
        manifest = json.loads((native_dir / MANIFEST).read_text())
    except (OSError, ValueError):
        return "not built (`python -m store.compile`)"
    if manifest.get("abi") != _abi():
        return "built for another Python"
    try:
        if manifest.get("sources") != _hashes():
            return "built from other sources; build again"
    except OSError:
        return "a source module is missing"
    return None


def enable(package: ModuleType, native_dir: Path = NATIVE_DIR) -> bool:
    """Put the compiled modules first in `package`'s path if they match the source."""
    if status(native_dir) is not None:
        return False
    package.__path__.insert(0, str(native_dir / "store"))
    if str(native_dir) not in sys.path:
        sys.path.append(str(native_dir))  # the library the compiled modules share (`…__mypyc`)
    return True


def pure(name: str) -> ModuleType:
    """The plain-Python module `store.<name>`, loaded from the source under
    another package name (its relative imports stay among plain modules)."""
    import importlib
    import importlib.util

    if _PURE not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            _PURE, PACKAGE_DIR / "__init__.py", submodule_search_locations=[str(PACKAGE_DIR)]
        )
        assert spec is not None and spec.loader is not None
        package = importlib.util.module_from_spec(spec)
        sys.modules[_PURE] = package
        spec.loader.exec_module(package)
    return importlib.import_module(f"{_PURE}.{name}")
