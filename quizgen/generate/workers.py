"""A second core for big banks: a forked worker process computes part of the work while this process
does the rest, and hands its result back as byte frames in a temporary file.

Only where fork is the platform's plain, safe default (Linux), only with more than one usable core,
and only in a single-threaded process (a fork copies no other thread, and a lock another thread held
would stay locked in the child). Anywhere else, and whenever the worker fails, the caller does the
work itself: the result is the same, only slower. QUIZGEN_WORKERS=1 turns workers off.
"""

from __future__ import annotations

import os
import signal
import struct
import sys
import tempfile
import threading
from typing import BinaryIO, Callable, Iterable, Iterator, Optional

__all__ = ["Worker", "start_worker", "workers_available"]


def workers_available() -> bool:
    """Whether a forked worker can run here and would have a core of its own."""
    if os.environ.get("QUIZGEN_WORKERS", "").strip() == "1":
        return False
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return cores > 1 and threading.active_count() == 1


class Worker:
    """A forked process writing its result, a series of byte frames, to an unlinked temporary file.

    A file rather than a pipe: the worker never waits for this process to read, and this process
    reads one frame at a time, so the whole result is never in its memory at once."""

    def __init__(self, pid: int, file: BinaryIO):
        self._pid = pid
        self._file = file

    def frames(self) -> Optional[Iterator[bytes]]:
        """Wait for the worker; then its frames one at a time, or None if it failed (the caller
        then does the work itself)."""
        _, status = os.waitpid(self._pid, 0)
        self._pid = 0
        if os.waitstatus_to_exitcode(status) != 0:
            self._file.close()
            return None
        return self._read_frames()

    def _read_frames(self) -> Iterator[bytes]:
        with self._file as file:
            file.seek(0)
            while header := file.read(_HEADER.size):
                (size,) = _HEADER.unpack(header)
                yield file.read(size)

    def cancel(self) -> None:
        """Stop and reap a worker whose result is no longer wanted (an error or ^C in this process)."""
        if self._pid:
            try:
                os.kill(self._pid, signal.SIGKILL)
                os.waitpid(self._pid, 0)
            except OSError:
                pass
            self._pid = 0
        self._file.close()


_HEADER = struct.Struct("<Q")  # each frame: its size, then its bytes


def start_worker(work: Callable[[], Iterable[bytes]]) -> Optional[Worker]:
    """Run `work` in a forked process; None if no worker can run here (see workers_available)."""
    if not workers_available():
        return None
    try:
        file = tempfile.TemporaryFile()  # unlinked at once: nothing is left behind, whatever happens
    except OSError:
        return None  # no writable temporary folder: do the work here
    try:
        pid = os.fork()
    except OSError:
        file.close()
        return None
    if pid == 0:  # the worker: never returns into the caller's code
        code = 1
        try:
            for frame in work():
                file.write(_HEADER.pack(len(frame)))
                file.write(frame)
            file.flush()
            code = 0
        except BaseException:  # noqa: BLE001 - any failure: exit 1, and the parent does the work itself
            pass
        finally:
            os._exit(code)  # no atexit handlers, no second flush of the parent's buffered output
    return Worker(pid, file)
