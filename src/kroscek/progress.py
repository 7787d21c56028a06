"""Progress of a long job, stage by stage (ingest, analyse, match, cross-check, report).

The engines report through a :class:`Progress`: ``stage(name, total)`` when a stage starts,
``advance(n)`` as its items finish, ``grow(n)`` when more work turns up inside it, ``end()``
when it is over (starting the next stage ends the one before). :class:`Progress` itself shows
nothing; the command line uses :class:`ConsoleProgress` (rich bars on a terminal, one plain line
per stage start and end otherwise) and the web app records the stage in its job status.
"""

from __future__ import annotations

import time
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.progress import Progress as RichProgress
from rich.text import Text

STAGES = ("ingest", "analyse", "match", "cross-check", "report")
UNITS = {"ingest": "files", "analyse": "articles", "match": "steps", "cross-check": "stories", "report": "steps"}


class Progress:
    """Progress reports that go nowhere; subclasses show or record them."""

    name: str | None = None
    done: int = 0
    total: int | None = None
    started: float = 0.0

    def stage(self, name: str, total: int | None = None) -> None:
        """Start stage ``name`` with ``total`` items (None: not known yet), ending the one before."""
        if self.name is not None:
            self.end()
        self.name, self.done, self.total, self.started = name, 0, total, time.perf_counter()
        self._started()

    def advance(self, n: int = 1) -> None:
        """``n`` more items of the current stage are done."""
        if self.name is not None and n:
            self.done += n
            self._advanced()

    def grow(self, n: int) -> None:
        """The current stage has ``n`` more items than it said."""
        if self.name is not None and n:
            self.total = (self.total or 0) + n
            self._advanced()

    def end(self) -> None:
        """The current stage is over (nothing when none is running)."""
        if self.name is not None:
            self._ended(time.perf_counter() - self.started)
            self.name = None

    def close(self) -> None:
        self.end()

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.close()

    # what subclasses show
    def _started(self) -> None: ...

    def _advanced(self) -> None: ...

    def _ended(self, seconds: float) -> None: ...


class NullProgress(Progress):
    """Progress that is not reported at all (``--quiet``); it keeps no state, so one serves all."""

    def stage(self, name: str, total: int | None = None) -> None: ...

    def advance(self, n: int = 1) -> None: ...

    def grow(self, n: int) -> None: ...

    def end(self) -> None: ...


NO_PROGRESS = NullProgress()


def unit(name: str) -> str:
    return UNITS.get(name, "items")


class _RateColumn(ProgressColumn):
    """Items per second of the stage."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        if speed is None:
            return Text("", style="progress.data.speed")
        return Text(f"{speed:,.1f} {task.fields.get('unit', '')}/s", style="progress.data.speed")


class ConsoleProgress(Progress):
    """Progress on ``console`` (stderr): a rich bar per stage with its count, rate, elapsed time and
    time left on a terminal; elsewhere (a log file, a pipe) one plain line when a stage starts and
    one when it ends, with its count and seconds."""

    def __init__(self, console: Console, live: bool | None = None) -> None:
        self.console = console
        self.live = console.is_terminal if live is None else live
        self._bars: RichProgress | None = None
        self._task: TaskID | None = None

    def _started(self) -> None:
        name = self.name or ""
        if not self.live:
            count = f"{self.total} {unit(name)}" if self.total is not None else unit(name)
            self.console.print(f"{name}: started ({count})", highlight=False, soft_wrap=True)
            return
        if self._bars is None:
            self._bars = RichProgress(
                TextColumn("[bold]{task.description:<11}"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[unit]}"), _RateColumn(), TimeElapsedColumn(), TextColumn("elapsed,"),
                TimeRemainingColumn(), TextColumn("left"), console=self.console, transient=False,
            )
            self._bars.start()
        self._task = self._bars.add_task(name, total=self.total, unit=unit(name))

    def _advanced(self) -> None:
        if self._bars is not None and self._task is not None:
            self._bars.update(self._task, completed=self.done, total=self.total)

    def _ended(self, seconds: float) -> None:
        name = self.name or ""
        if not self.live:
            rate = f", {self.done / seconds:,.1f}/s" if seconds > 0 and self.done else ""
            self.console.print(f"{name}: {self.done} {unit(name)} in {seconds:.1f} s{rate}", highlight=False,
                               soft_wrap=True)
            return
        if self._bars is not None and self._task is not None:
            total = self.total if self.total is not None and self.total >= self.done else self.done
            self._bars.update(self._task, completed=self.done, total=max(total, self.done))
            self._bars.stop_task(self._task)
            self._task = None

    def close(self) -> None:
        super().close()
        if self._bars is not None:
            self._bars.stop()
            self._bars = None
