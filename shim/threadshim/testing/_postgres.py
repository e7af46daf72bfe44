"""A throwaway PostgreSQL cluster in a temporary folder, for tests and benchmarks of the PostgreSQL store.

It uses the server binaries already on the machine (Debian puts them in ``/usr/lib/postgresql/N/bin``,
off the PATH; ``THREADSHIM_PG_BIN`` names another folder), listens only on a Unix socket in that
folder, and is stopped and deleted on exit. PostgreSQL refuses to run as root, so under root the
cluster runs as the unprivileged ``postgres`` (or ``nobody``) user. ``fsync`` is off: it holds
nothing worth keeping.
"""

from __future__ import annotations

import grp
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path
from types import TracebackType

HOW_TO_GET = (
    "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found: install them with "
    "`apt-get install postgresql-15` (Debian) or set THREADSHIM_PG_BIN to the folder that holds them"
)


class MissingPostgres(RuntimeError):
    """No PostgreSQL server binaries on this machine; the message says how to get them."""


def server_binaries() -> Path | None:
    """The folder with ``initdb`` and ``pg_ctl``: ``THREADSHIM_PG_BIN``, Debian's newest, or the PATH's."""
    named = os.environ.get("THREADSHIM_PG_BIN")
    candidates = [Path(named)] if named else []
    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name), reverse=True)
    found = shutil.which("initdb")
    if found:
        candidates.append(Path(found).parent)
    return next((c for c in candidates if (c / "initdb").is_file() and (c / "pg_ctl").is_file()), None)


def _runner() -> tuple[str, str] | None:
    """The unprivileged user and group to run the server as, when this process is root."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            account = pwd.getpwnam(name)
        except KeyError:
            continue
        return name, grp.getgrgid(account.pw_gid).gr_name
    raise MissingPostgres("running as root and there is no unprivileged user (postgres or nobody) to run the server")


class ThrowawayPostgres:
    """``with ThrowawayPostgres() as pg: pg.url`` — a fresh cluster for the block, gone after it."""

    def __init__(self, port: int = 5432) -> None:
        self.bin = server_binaries()
        if self.bin is None:
            raise MissingPostgres(HOW_TO_GET)
        self.port = port
        self.folder = Path(tempfile.mkdtemp(prefix="threadshim-pg-"))
        self.data = self.folder / "data"
        self._as = _runner()

    @property
    def url(self) -> str:
        """A connection URL for the ``postgres`` database, as the ``postgres`` superuser, over the socket."""
        return f"postgresql://postgres@/postgres?host={self.folder}&port={self.port}"

    def _run(self, *args: str) -> None:
        user, group = self._as or (None, None)
        done = subprocess.run(args, capture_output=True, text=True, user=user, group=group, cwd=self.folder)
        if done.returncode != 0:
            raise MissingPostgres(f"{Path(args[0]).name} failed ({done.returncode}): {done.stderr.strip()[-800:]}")

    def start(self) -> ThrowawayPostgres:
        """Create the cluster and start the server (waiting until it accepts connections)."""
        assert self.bin is not None
        if self._as is not None:
            os.chmod(self.folder, 0o755)
            shutil.chown(self.folder, *self._as)
        self._run(
            str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"
        )
        options = f"-k {self.folder} -c listen_addresses='' -p {self.port} -F -c max_connections=50"
        self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", str(self.folder / "log"), "-w", "start"
        )
        return self

    def stop(self) -> None:
        """Stop the server (immediately: nothing needs saving) and delete the folder."""
        try:
            if (self.data / "postmaster.pid").exists() and self.bin is not None:
                self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> ThrowawayPostgres:
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()
