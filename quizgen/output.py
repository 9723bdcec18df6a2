"""Writing files so that nothing is ever half-written: temp file beside the target, then os.replace."""

from __future__ import annotations

import os
import tempfile
import zipfile
from pathlib import Path

# A fixed timestamp for zip members, so that the same inputs give the same bytes.
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def write_bytes_atomic(path: Path, data: bytes) -> Path:
    """Write `data` to `path` atomically (readers see the old file or the new one, never a part)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        raise
    return path


def write_text_atomic(path: Path, text: str) -> Path:
    """Write UTF-8 text atomically, with '\\n' line ends on every platform."""
    return write_bytes_atomic(path, text.encode("utf-8"))


def zip_bytes(members: list[tuple[str, bytes]], compresslevel: int | None = None) -> bytes:
    """A deterministic zip (fixed member order and timestamps) of (name, data) pairs.

    `compresslevel` (1 fastest .. 9 smallest; None: zlib's default 6) trades size for speed.
    """
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=_ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=compresslevel)
    return buffer.getvalue()
