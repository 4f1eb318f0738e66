"""Helpers for the Pilot tests."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.worker import WorkerCancelled

SIZE = (120, 40)


async def settle(pilot: Pilot, rounds: int = 50) -> None:
    """Wait for the app's workers, then for the messages they posted, until
    nothing more is started."""
    app = pilot.app
    for _ in range(rounds):
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:  # an exclusive worker replaced by a newer one: wait for that
            await pilot.pause()
            continue
        await pilot.pause()
        if not any(worker.is_running or worker.state.name == "PENDING" for worker in app.workers):
            await pilot.pause()
            if not any(worker.is_running or worker.state.name == "PENDING" for worker in app.workers):
                return
    raise AssertionError("the app did not settle")
