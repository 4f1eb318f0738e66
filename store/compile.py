"""`python -m store.compile`: build the compiled extraction (`store.native`)
into `build/native/`; `python -m store.compile status` says whether it is in use.
Without mypy or a C compiler it says so and leaves sukien as plain Python."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from .native import MANIFEST, MODULES, NATIVE_DIR, PACKAGE_DIR, _abi, _hashes, stale, status

LOG = NATIVE_DIR.parent / "native.log"


def build(native_dir: Path = NATIVE_DIR) -> None:
    """Compile MODULES into `native_dir` (needs mypy and a C compiler); what
    mypyc and the compiler print goes to LOG."""
    import shutil
    import tempfile

    root = PACKAGE_DIR.parent
    sources = _hashes()
    staging = Path(tempfile.mkdtemp(prefix="sukien-native-"))
    try:
        _compile(root, staging)
        if native_dir.exists():
            shutil.rmtree(native_dir)
        shutil.copytree(staging / "lib", native_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    manifest = {"abi": _abi(), "sources": sources}
    (native_dir / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n")


def _compile(root: Path, staging: Path) -> None:
    """mypyc and the C compiler, their output in LOG."""
    from mypyc.build import mypycify
    from setuptools import setup

    LOG.parent.mkdir(parents=True, exist_ok=True)
    cwd = os.getcwd()
    sys.stdout.flush()
    sys.stderr.flush()
    saved = os.dup(1), os.dup(2)
    with open(LOG, "w") as log:
        os.dup2(log.fileno(), 1)
        os.dup2(log.fileno(), 2)
        try:
            os.chdir(root)  # module names come from paths relative to here: `store/text.py` is `store.text`
            setup(
                name="sukien-native",
                ext_modules=mypycify([f"store/{m}.py" for m in MODULES], opt_level="3", target_dir=str(staging / "c")),
                script_args=["build_ext", "--build-lib", str(staging / "lib"), "--build-temp", str(staging / "tmp")],
            )
        finally:
            os.chdir(cwd)
            sys.stdout.flush()
            sys.stderr.flush()
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            os.close(saved[0])
            os.close(saved[1])


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        if stale() is None:
            return 0  # built from this source already (whether SUKIEN_PURE turns it off or not)
        print("sukien: compiling the extraction with mypyc (a minute or so, once a change)...", flush=True)
        try:
            build()
        except (Exception, SystemExit) as exc:  # noqa: BLE001 - no compiler, no mypy: sukien runs as plain Python
            print(f"sukien: compiled extraction not built ({type(exc).__name__}: {exc}); it runs as plain Python")
            return 0
        print(f"sukien: compiled extraction built in {NATIVE_DIR} ({LOG.name} beside it says how)")
        return 0
    if args[:1] == ["status"]:
        why = status()
        print("compiled extraction in use" if why is None else f"plain Python: {why}")
        return 0
    print("usage: python -m store.compile [status]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
