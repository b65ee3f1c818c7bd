"""Coverage-guided fuzzing (atheris, libFuzzer) of every target in
bench/fuzz_targets.py: text targets get Unicode text, importers get bytes
(imported through an in-memory store).

    .venv/bin/python bench/fuzz_atheris.py -runs=100000

Exceptions are caught and counted by target, type and place rather than
stopping the run, so one run reports everything it found; the summary
lines start with "atheris:". Without atheris installed it says so and exits.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

try:
    import atheris
except ImportError:
    print("atheris: not installed (pip install atheris: it has wheels for Linux x86-64); skipped")
    sys.exit(0)

with atheris.instrument_imports(include=["claimtrack", "claimtrack_arabic", "claimtrack_english"]):
    import claimtrack_figures  # noqa: F401  (instrumented for coverage)
    from fuzz_targets import IMPORTERS, TEXT_TARGETS, Store

TARGETS = sorted(TEXT_TARGETS)
IMPORTER_NAMES = sorted(IMPORTERS)
store = Store()
state = {"inputs": 0, "crashes": 0}
found: dict[str, int] = {}


def runs() -> int:
    for arg in sys.argv:
        if arg.startswith("-runs="):
            return int(arg.split("=", 1)[1])
    return 0


LIMIT = runs()


def report() -> None:
    print(f"atheris: {state['inputs']} inputs, {state['crashes']} raised, {len(found)} distinct", flush=True)
    for key, count in sorted(found.items()):
        print(f"atheris:   {count} x {key}", flush=True)


def one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    choice = provider.ConsumeIntInRange(0, len(TARGETS) + len(IMPORTER_NAMES) - 1)
    state["inputs"] += 1
    try:
        if choice < len(TARGETS):
            name = TARGETS[choice]
            TEXT_TARGETS[name](provider.ConsumeUnicodeNoSurrogates(4096))
        else:
            name = IMPORTER_NAMES[choice - len(TARGETS)]
            store.import_bytes(name, provider.ConsumeBytes(4096))
    except Exception as exc:
        state["crashes"] += 1
        where = traceback.extract_tb(exc.__traceback__)[-1]
        key = f"{name}: {type(exc).__name__} at {Path(where.filename).name}:{where.lineno}"
        if key not in found:
            print(f"atheris: new: {key}: {exc!r}"[:400], flush=True)
        found[key] = found.get(key, 0) + 1
    if state["inputs"] == LIMIT:
        report()


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
