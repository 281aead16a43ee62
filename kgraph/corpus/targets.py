"""Where a corpus build writes: a folder of per-letter files or one file for all letters, in
which format, and the writer that appends letters to one N-Quads/TriG file."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import cast

from kgraph.errors import ConfigError, DataError
from kgraph.rdf.write import FORMATS, Format, temporary_file


class Appender:
    """One N-Quads/TriG file written letter by letter into a temporary file, then renamed."""

    def __init__(self, target: Path) -> None:
        self.target = target
        try:
            fd, self.tmp = temporary_file(target)
        except OSError as exc:
            raise DataError(
                f"{target.parent} is not writable ({exc.strerror})", "pass -o another path"
            ) from exc
        self.handle = os.fdopen(fd, "wb")

    def add(self, data: bytes) -> None:
        try:
            self.handle.write(data)
        except OSError as exc:
            raise self._error(exc) from exc

    def commit(self) -> None:
        try:
            self.handle.flush()
            os.fsync(self.handle.fileno())
            self.handle.close()
            os.replace(self.tmp, self.target)
        except OSError as exc:
            self.abort()
            raise self._error(exc) from exc

    def abort(self) -> None:
        with contextlib.suppress(OSError):
            self.handle.close()
        with contextlib.suppress(OSError):
            self.tmp.unlink()

    def _error(self, exc: OSError) -> DataError:
        return DataError(
            f"{self.target} could not be written ({exc.strerror})", "check the disk and the path"
        )


def letter_file(output: Path, result_name: str, fmt: Format) -> Path:
    return output / f"{result_name}.{fmt}"


def is_folder(output: Path) -> bool:
    return output.is_dir() or str(output).endswith(("/", os.sep)) or output.suffix == ""


def file_format(output: Path, fmt: Format) -> Format:
    """The format of one output file for all letters: the one its suffix names, so that
    ``-o corpus.nq`` writes N-Quads rather than Turtle (the default gives way); a suffix
    naming another format than one asked for is a usage error. Else ``fmt``."""
    named = output.suffix.lower().lstrip(".")
    if named not in FORMATS or named == fmt:
        return fmt
    if fmt == "ttl":
        return cast(Format, named)
    raise ConfigError(
        f"{output} ends in .{named} but the format asked for is {fmt}",
        f"pass -o {output.with_suffix('.' + fmt)} or -f {named}",
    )
