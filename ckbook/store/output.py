"""Writing a file the user named (an export, a backup, a safety copy) without ever replacing what
is not ours.

Every file ckbook writes goes through ``atomic_output``: the target is checked first (never the
open notebook or its ``-wal``/``-shm``/``-journal``, never a device, folder, pipe or socket, never
an existing file unless the caller says ``overwrite`` because the user agreed), then the content is
written to a temporary file in the same folder (0600 whatever the umask), flushed to disk, and only
then published under the target's name. Without ``overwrite`` the publish is a hard link, which the
kernel refuses when a file of that name appeared meanwhile, so even a race cannot clobber one. A
failed write leaves nothing behind: no partial target, no temporary file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from ckbook.i18n import tr
from ckbook.store.errors import StoreError
from ckbook.store.open_files import is_sqlite_file

#: Files that belong to a SQLite database beside the database file itself.
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


class OutputRefusedError(StoreError):
    """The target is not ours to write; nothing was written."""


class OutputExistsError(OutputRefusedError):
    """The target exists and the user did not agree to replace it."""


def notebook_files(notebook: Path) -> tuple[Path, ...]:
    """The notebook file and the companions SQLite keeps beside it, as absolute real paths."""
    real = Path(os.path.realpath(notebook))
    return (real, *(real.with_name(real.name + suffix) for suffix in SQLITE_COMPANIONS))


def check_target(
    target: str | os.PathLike[str],
    *,
    overwrite: bool = False,
    protected: Iterable[Path] = (),
    keep_databases: bool = False,
) -> Path:
    """The real path to write ``target`` at, or OutputRefusedError saying why it is not ours.

    ``protected`` are notebooks (the open one, the one being copied): they and their companions
    are refused whatever ``overwrite`` says. ``keep_databases`` refuses to replace any SQLite file
    (an export over a notebook is always a slip, even when the user agreed to replace "the file").
    """
    given = Path(target).expanduser()
    real = Path(os.path.realpath(given))
    for notebook in protected:
        if real in notebook_files(notebook):
            raise OutputRefusedError(
                tr(
                    "{file} is the notebook itself (or a file SQLite keeps beside it); "
                    "choose another file — nothing was written"
                ).format(file=given)
            )
    if real.is_dir():
        raise OutputRefusedError(
            tr("{file} is a folder; name a file in it — nothing was written").format(file=given)
        )
    if not real.parent.is_dir():
        raise OutputRefusedError(
            tr("the folder {folder} does not exist — nothing was written").format(
                folder=real.parent
            )
        )
    try:
        mode = os.stat(real).st_mode
    except FileNotFoundError:
        return real
    except OSError as exc:
        raise OutputRefusedError(
            tr("cannot use {file}: {why}").format(file=given, why=exc.strerror or exc)
        ) from None
    if not stat.S_ISREG(mode):
        raise OutputRefusedError(
            tr(
                "{file} is not a regular file (a device, pipe or socket); nothing was written"
            ).format(file=given)
        )
    if keep_databases and is_sqlite_file(real):
        raise OutputRefusedError(
            tr(
                "{file} is a SQLite database (perhaps a notebook); an export never "
                "replaces one — choose another file"
            ).format(file=given)
        )
    if not overwrite:
        raise OutputExistsError(
            tr(
                "{file} already exists; choose another name or allow replacing it "
                "(--overwrite) — nothing was written"
            ).format(file=given)
        )
    return real


def unique_variant(path: Path, attempt: int) -> Path:
    """``ckbook-20261207-1310.sqlite3`` → ``ckbook-20261207-1310-2.sqlite3`` for attempt 2."""
    if attempt <= 1:
        return path
    return path.with_name(f"{path.stem}-{attempt}{path.suffix}")


class AtomicOutput:
    """``with AtomicOutput(target) as out: write(out.temp)`` — then ``out.path`` is the file.

    ``unique``: when the name is taken, use the first free ``name-2.ext``, ``name-3.ext``, …
    (backups, whose names carry the second they were made in).
    """

    MAX_UNIQUE_ATTEMPTS = 1000

    def __init__(
        self,
        target: str | os.PathLike[str],
        *,
        overwrite: bool = False,
        protected: Iterable[Path] = (),
        keep_databases: bool = False,
        unique: bool = False,
    ) -> None:
        self.protected = tuple(protected)
        self.overwrite = overwrite
        self.unique = unique
        self.keep_databases = keep_databases
        first = Path(target).expanduser()
        self.path = self._first_free(first) if unique else self._check(first)
        self.temp = self.path  # replaced on __enter__

    def _check(self, target: Path) -> Path:
        return check_target(
            target,
            overwrite=self.overwrite,
            protected=self.protected,
            keep_databases=self.keep_databases,
        )

    def _first_free(self, first: Path) -> Path:
        for attempt in range(1, self.MAX_UNIQUE_ATTEMPTS + 1):
            try:
                return self._check(unique_variant(first, attempt))
            except OutputExistsError:
                continue
        raise OutputRefusedError(
            tr("no free name for {file} — nothing was written").format(file=first)
        )

    def __enter__(self) -> AtomicOutput:
        folder = self.path.parent
        try:
            fd, name = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".part", dir=folder)
        except OSError as exc:
            raise StoreError(
                tr("cannot write {file}: {why}").format(file=self.path, why=exc.strerror or exc)
            ) from None
        os.close(fd)
        self.temp = Path(name)
        return self

    def __exit__(self, kind: object, error: object, traceback: object) -> None:
        if kind is not None:
            self._discard()
            return
        try:
            _fsync_file(self.temp)
            self._publish()
        except BaseException:
            self._discard()
            raise
        _fsync_folder(self.path.parent)

    def _publish(self) -> None:
        if self.overwrite:
            os.replace(self.temp, self.path)
            return
        for attempt in range(2, self.MAX_UNIQUE_ATTEMPTS + 2):
            try:
                os.link(self.temp, self.path)
            except FileExistsError:
                # Someone made a file of that name after the check: never replace it.
                if not self.unique:
                    raise OutputExistsError(
                        tr("{file} appeared while writing; nothing was replaced").format(
                            file=self.path
                        )
                    ) from None
                self.path = self._check(unique_variant(self.path, attempt))
                continue
            except OSError as exc:
                if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.EMLINK):
                    raise
                # A filesystem without hard links (FAT, some network shares): check, then rename.
                self._check(self.path)
                os.rename(self.temp, self.path)
                return
            self.temp.unlink()
            return
        raise OutputRefusedError(
            tr("no free name for {file} — nothing was written").format(file=self.path)
        )

    def _discard(self) -> None:
        with contextlib.suppress(OSError):
            self.temp.unlink()


@contextlib.contextmanager
def atomic_output(
    target: str | os.PathLike[str],
    *,
    overwrite: bool = False,
    protected: Iterable[Path] = (),
    keep_databases: bool = False,
    unique: bool = False,
) -> Iterator[AtomicOutput]:
    """See ``AtomicOutput``."""
    with AtomicOutput(
        target,
        overwrite=overwrite,
        protected=protected,
        keep_databases=keep_databases,
        unique=unique,
    ) as out:
        yield out


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; some filesystems cannot open a folder (ignore those)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
