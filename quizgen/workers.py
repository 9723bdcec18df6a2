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
    """A forked process writing its result, a series of byte frames, to an unlinked temporary file,
    and one byte to a pipe as each frame is complete.

    A file rather than a pipe for the frames: the worker never waits for this process to read, and
    this process reads one frame at a time, so the whole result is never in its memory at once. The
    pipe lets this process take each frame as soon as it is written (and tells it when the worker
    has exited: end of file)."""

    def __init__(self, pid: int, file: BinaryIO, ready: int):
        self._pid = pid
        self._file = file
        self._ready = ready  # read end of the pipe: a byte per finished frame
        self.succeeded = False

    def frames(self) -> Iterator[bytes]:
        """The worker's frames in order, each as soon as it is written (waiting for the next one).
        When the worker has exited, `succeeded` says whether it finished its work; if not, the frames
        already given are still whole and right, and the caller does the rest itself."""
        fd = self._file.fileno()
        offset = 0
        try:
            while True:
                ready = os.read(self._ready, 4096)  # blocks until a frame is finished or the worker exits
                if not ready:
                    break
                for _ in ready:
                    # pread: the worker still writes through the shared file offset, which must not move
                    (size,) = _HEADER.unpack(os.pread(fd, _HEADER.size, offset))
                    frame = os.pread(fd, size, offset + _HEADER.size)
                    offset += _HEADER.size + size
                    yield frame
            _, status = os.waitpid(self._pid, 0)
            self._pid = 0
            self.succeeded = os.waitstatus_to_exitcode(status) == 0
        finally:
            self.cancel()

    def cancel(self) -> None:
        """Stop and reap a worker whose result is no longer wanted (an error or ^C in this process);
        close its file and pipe. Safe to call twice."""
        if self._pid:
            try:
                os.kill(self._pid, signal.SIGKILL)
                os.waitpid(self._pid, 0)
            except OSError:
                pass
            self._pid = 0
        if self._ready >= 0:
            os.close(self._ready)
            self._ready = -1
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
        ready, done = os.pipe()
    except OSError:
        file.close()
        return None
    try:
        pid = os.fork()
    except OSError:
        file.close()
        os.close(ready)
        os.close(done)
        return None
    if pid == 0:  # the worker: never returns into the caller's code
        code = 1
        try:
            os.close(ready)
            for frame in work():
                file.write(_HEADER.pack(len(frame)))
                file.write(frame)
                file.flush()
                os.write(done, b"\0")  # after the flush: the frame is whole in the file
            code = 0
        except BaseException:  # noqa: BLE001 - any failure: exit 1, and the parent does the rest itself
            pass
        finally:
            os._exit(code)  # no atexit handlers, no second flush of the parent's buffered output
    os.close(done)  # only the worker holds the write end: its exit is the end of the pipe
    return Worker(pid, file, ready)
