#!/usr/bin/env python3
"""Drives the real `tally` REPL in a pseudo-terminal, as a person at a keyboard would.

Usage: python3 repl_driver.py [prompt|commands|interrupt|history|postgres] /path/to/tally /path/to/examples/crm

  prompt     completion, Ctrl-C, errors, continuation lines, prompt commands, history (the default)
  commands   the pager, save, run, edit and watch at the prompt
  interrupt  Ctrl-C while a large CSV file is read and while `last` prints a long result
  history    a session killed (strace's fault injection) as it saves its history
  postgres   the PostgreSQL server stopped and started again under a session (needs TALLY_TEST_PG
             and TALLY_TEST_PG_CTL from scripts/with-postgres.sh; says it is skipped without them)

Standard library only. Every wait is bounded (at most 10 s, the whole run at most 60 s), so it never
hangs. What the program writes is fed to a tiny terminal model (enough of one to follow how libedit
redraws a line: carriage returns, cursor moves, erases), so checks read the screen a person would
see, with escape sequences gone. Prints `ok N ...` per step, or `FAIL N ...: <screen>` and exits 1
on the first failure; exits 0 when every step passed.
"""

import codecs
import fcntl
import os
import pty
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time

PROMPT = "tally> "
CONTINUATION = "   ..> "
# A file with a short row on line 3, to fail a load (tally runs in the package root, as this does).
BAD_ROWS = "Tests/GoldenTests/fixtures/bad/short_row.csv"
WAIT = 10.0  # the longest any single wait may take
TOTAL = 60  # the longest the whole run may take
ROWS, COLS = 40, 120


class Failure(Exception):
    pass


class Screen:
    """A terminal without a bottom: every line ever written is kept, so output can be read back.

    It understands what libedit and tally write: printable text, CR, LF, BS, TAB, BEL and the CSI
    sequences that move the cursor or erase; any other escape sequence is dropped.
    """

    def __init__(self):
        self.lines = [""]
        self.row = 0
        self.col = 0
        self.state = "text"
        self.sequence = ""
        self.decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")

    def feed(self, data):
        for ch in self.decoder.decode(data):
            self._char(ch)

    def _char(self, ch):
        if self.state == "escape":
            if ch == "[":
                self.state, self.sequence = "csi", ""
            elif ch == "]":
                self.state = "osc"
            elif ch in "()*+#%":
                self.state = "charset"  # one more character names the set
            else:
                self.state = "text"  # ESC =, ESC >, ESC 7, ...
            return
        if self.state == "charset":
            self.state = "text"
            return
        if self.state == "osc":
            if ch == "\x07":
                self.state = "text"
            elif ch == "\x1b":
                self.state = "escape"  # ESC \ ends it; the backslash is then dropped
            return
        if self.state == "csi":
            if "\x40" <= ch <= "\x7e":
                self.state = "text"
                self._csi(self.sequence, ch)
            else:
                self.sequence += ch
            return
        if ch == "\x1b":
            self.state = "escape"
        elif ch == "\r":
            self.col = 0
        elif ch == "\n":
            self._move_to_row(self.row + 1)
        elif ch == "\b":
            self.col = max(0, self.col - 1)
        elif ch == "\t":
            self.col = (self.col // 8 + 1) * 8
        elif ch < " " or ch == "\x7f":
            pass  # BEL and other controls show nothing
        else:
            line = self.lines[self.row].ljust(self.col)
            self.lines[self.row] = line[: self.col] + ch + line[self.col + 1 :]
            self.col += 1

    def _move_to_row(self, row):
        self.row = max(0, row)
        while len(self.lines) <= self.row:
            self.lines.append("")

    def _csi(self, params, final):
        numbers = [int(p) if p.isdigit() else 0 for p in params.lstrip("?>=").split(";")]
        n = numbers[0] if numbers and numbers[0] > 0 else 1
        line = self.lines[self.row]
        if final == "G":
            self.col = n - 1
        elif final == "C":
            self.col += n
        elif final == "D":
            self.col = max(0, self.col - n)
        elif final == "A":
            self._move_to_row(self.row - n)
        elif final == "B":
            self._move_to_row(self.row + n)
        elif final == "K":
            mode = numbers[0] if numbers else 0
            if mode == 0:
                self.lines[self.row] = line[: self.col]
            elif mode == 1:
                self.lines[self.row] = " " * min(len(line), self.col + 1) + line[self.col + 1 :]
            else:
                self.lines[self.row] = ""
        elif final == "J":
            mode = numbers[0] if numbers else 0
            if mode == 0:
                self.lines[self.row] = line[: self.col]
                del self.lines[self.row + 1 :]
        elif final == "P":
            self.lines[self.row] = line[: self.col] + line[self.col + n :]
        elif final == "@":
            padded = line.ljust(self.col)
            self.lines[self.row] = padded[: self.col] + " " * n + padded[self.col :]
        elif final == "X":
            padded = line.ljust(self.col + n)
            self.lines[self.row] = padded[: self.col] + " " * n + padded[self.col + n :]
        # m (colours), h/l (modes), H (absolute position) and the rest change nothing we read

    @property
    def current(self):
        return self.lines[self.row]

    def text(self):
        return "\n".join(line.rstrip() for line in self.lines)


class Session:
    """One `tally` process on a pseudo-terminal."""

    def __init__(self, tally, arguments, env, deadline, cols=COLS):
        self.deadline = deadline
        self.screen = Screen()
        self.status = None
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: size the terminal, then become tally
            try:
                # Start tally as a shell would: no signal blocked, none ignored (a test runner may
                # start this driver with SIGINT blocked, and the mask would pass on through execve).
                signal.pthread_sigmask(signal.SIG_SETMASK, set())
                for signo in (signal.SIGINT, signal.SIGQUIT, signal.SIGPIPE, signal.SIGXFSZ, signal.SIGALRM, signal.SIGTERM):
                    signal.signal(signo, signal.SIG_DFL)
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, cols, 0, 0))
                os.execve(tally, [tally] + arguments, env)
            finally:
                os._exit(127)

    # Reading

    def _budget(self, timeout):
        return min(timeout, WAIT, self.deadline - time.monotonic())

    def _read(self, seconds):
        """Reads what is there within `seconds`; False once the terminal is closed."""
        ready, _, _ = select.select([self.fd], [], [], max(0.0, seconds))
        if not ready:
            return True
        try:
            data = os.read(self.fd, 65536)
        except OSError:  # EIO: the child has gone and the terminal is closed
            return False
        if not data:
            return False
        self.screen.feed(data)
        return True

    def wait_for(self, what, predicate, timeout=WAIT):
        end = time.monotonic() + self._budget(timeout)
        while True:
            if predicate(self.screen):
                return
            left = end - time.monotonic()
            if left <= 0:
                raise Failure("timed out waiting for " + what)
            if not self._read(min(left, 0.1)) and not predicate(self.screen):
                raise Failure("the terminal closed while waiting for " + what)

    def settle(self, seconds=0.3):
        """Reads whatever else arrives in a short while (to catch output that should not be there)."""
        end = time.monotonic() + min(seconds, self._budget(seconds))
        while time.monotonic() < end:
            if not self._read(end - time.monotonic()):
                return

    def editing(self):
        """Whether libedit has the terminal in its own mode (no echo, no line buffering), so it is
        reading keys. libedit prints the prompt first and switches the mode only when it reads, so
        keys sent as soon as the prompt shows could still be echoed by the terminal itself. (The
        master's termios are the pseudo-terminal's.)"""
        try:
            return not termios.tcgetattr(self.fd)[3] & (termios.ECHO | termios.ICANON)
        except termios.error:
            return False

    def wait_idle(self):
        """Waits until tally sleeps (blocked reading the next key), so a signal sent now finds it
        there. Ctrl-C at the prompt leaves libedit by siglongjmp from the SIGINT handler
        (Sources/CTerminal/signals.c); when it lands while libedit is still inside stdio writing
        its echo (a loaded machine), stale output is written again after `^C` (`atally> `,
        `tally> tally> `). That is a known race in tally, not what these steps test: they press
        Ctrl-C at an idle prompt. Linux /proc; elsewhere a short pause."""
        stat = "/proc/%d/stat" % self.pid
        if not os.path.exists(stat):
            self.settle(0.2)
            return
        sleeping = 0
        end = time.monotonic() + self._budget(WAIT)
        while time.monotonic() < end:
            with open(stat) as f:
                state = f.read().rpartition(")")[2].split()[0]
            sleeping = sleeping + 1 if state == "S" else 0
            if sleeping >= 3:
                return
            self._read(0.02)
        raise Failure("tally never went back to waiting for a key")

    def interrupt(self):
        """Ctrl-C, once tally is waiting for a key."""
        self.wait_idle()
        self.send("\x03")

    def wait_prompt(self, after_row, prompt=PROMPT):
        """Waits for an empty `prompt` on a row below `after_row`, with the cursor after it and
        libedit reading keys."""
        self.wait_for(
            "the prompt %r" % prompt,
            lambda s: s.row > after_row and s.current == prompt and s.col == len(prompt) and self.editing(),
        )
        return self.screen.row

    def wait_line(self, expected):
        """Waits for the line being edited to read exactly `expected` (the prompt included)."""
        self.wait_for(
            "the line to read %r" % expected,
            lambda s: s.current == expected and s.col == len(expected),
        )

    def wait_exit(self, timeout=WAIT):
        end = time.monotonic() + self._budget(timeout)
        while time.monotonic() < end:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid == self.pid:
                self.status = os.waitstatus_to_exitcode(status)
                while self._read(0.05):  # what was left to read
                    pass
                return self.status
            self._read(0.05)
        raise Failure("tally did not exit")

    # Writing

    def send(self, data):
        if isinstance(data, str):
            data = data.encode()
        os.write(self.fd, data)

    def type(self, text):
        """Sends keys and returns the row they were typed on."""
        row = self.screen.row
        self.send(text)
        return row

    def enter(self, text=""):
        """Types `text`, presses Enter and waits for the prompt to come back; returns the rows
        between the line typed and the new prompt (the output), and the prompt's row."""
        row = self.type(text + "\r")
        prompt_row = self.wait_prompt(row)
        return self.screen.lines[row + 1 : prompt_row], prompt_row

    def output_since(self, row):
        return self.screen.lines[row:]

    def close(self):
        if self.status is None:
            try:
                pid, _ = os.waitpid(self.pid, os.WNOHANG)
                if pid == 0:
                    os.kill(self.pid, signal.SIGKILL)
                    os.waitpid(self.pid, 0)
            except ChildProcessError:
                pass
        try:
            os.close(self.fd)
        except OSError:
            pass


def table_rows(lines):
    return [line.rstrip() for line in lines]


def expect(condition, message):
    if not condition:
        raise Failure(message)


def has_line(lines, pattern):
    return any(re.search(pattern, line) for line in lines)


def read_history(path):
    """libedit's history file: a `_HiStOrY_V2_` line, then one entry a line, strvis-encoded."""
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().splitlines()
    if lines and lines[0].startswith("_HiStOrY_"):
        lines = lines[1:]
    return [re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), line) for line in lines]


class Driver:
    """A scenario's state: the current session, the step being run, the scratch folders."""

    def __init__(self, tally, data, scratch, deadline):
        self.tally, self.data, self.deadline = tally, data, deadline
        self.session = None
        self.step = (0, "start")
        self.state, self.config, self.home, self.cache = (os.path.join(scratch, name) for name in ("state", "config", "home", "cache"))
        for folder in (self.state, self.config, self.home):
            os.mkdir(folder)
        self.scratch = scratch
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": self.home,  # no ~/.editrc of the person running the tests (vi mode would change every key)
            "XDG_STATE_HOME": self.state,
            "XDG_CONFIG_HOME": self.config,
            "XDG_CACHE_HOME": self.cache,
            "TERM": "xterm",
            "NO_COLOR": "1",
            "COLUMNS": str(COLS),
            "LC_ALL": "C.UTF-8",
            "PAGER": "",  # results straight to the screen, unless a step starts a pager of its own
        }
        self.history = os.path.join(self.state, "tally", "history")

    def begin(self, number, title):
        self.step = (number, title)

    def ok(self):
        print("ok %d %s" % self.step, flush=True)

    def start(self, arguments=None, program=None, cols=COLS, **changes):
        """A new session of tally (or of `program`, which runs tally itself, as strace does);
        `changes` set (or, given None, remove) environment variables."""
        if self.session is not None:
            self.session.close()
        environment = dict(self.env, COLUMNS=str(cols), **{k: v for k, v in changes.items() if v is not None})
        for name in [k for k, v in changes.items() if v is None]:
            environment.pop(name, None)
        self.session = Session(program or self.tally, arguments or ["--data", self.data], environment, self.deadline, cols)
        self.session.wait_prompt(-1)
        return self.session

    def listed(self, row, *words):
        """Waits for a completion list below `row` naming every word (as whole entries)."""
        s = self.session

        def shows(screen):
            entries = set(" ".join(screen.lines[row + 1 :]).split())
            return all(word in entries for word in words)

        s.wait_for("a completion list with %s" % ", ".join(words), shows)
        return set(" ".join(s.screen.lines[row + 1 : s.screen.row]).split())


def prompt_scenario(d):
    d.begin(1, "tally --data starts at the prompt")
    s = d.start()
    expect("Tally" in s.screen.text(), "no greeting before the prompt")
    d.ok()

    d.begin(2, "Tab completes a metric, a grain after `by` and a value in quotes; the query runs")
    row = s.type("reve\t")
    s.wait_line(PROMPT + "revenue ")
    # The completion appended a space, so what follows is typed as a person would, without one.
    s.type("by pl\t")
    s.wait_line(PROMPT + "revenue by plan ")
    s.type('where plan = "pr\t')
    s.wait_line(PROMPT + 'revenue by plan where plan = "pro" ')
    output, _ = s.enter()
    expect(has_line(output, r"^\s*plan\s*│\s*revenue\s*$"), "no table header with plan and revenue")
    expect(has_line(output, r"^ pro\s+│\s*\$?[\d,.]+$"), "no row starting with ' pro '")
    expect(has_line(output, r"^1 row\b"), "no '1 row' footer")
    d.ok()

    d.begin(3, "Ctrl-C abandons the line with ^C and a fresh prompt; Enter on it runs nothing")
    row = s.type("revenue by pla")
    s.wait_line(PROMPT + "revenue by pla")
    s.interrupt()
    prompt_row = s.wait_prompt(row)
    expect(s.screen.lines[row].rstrip() == PROMPT + "revenue by pla^C", "the abandoned line does not end in ^C")
    expect(prompt_row == row + 1, "something was printed between ^C and the prompt")
    output, prompt_row2 = s.enter()
    s.settle()
    expect(output == [] and prompt_row2 == prompt_row + 1, "Enter on an empty line printed something")
    expect(s.screen.row == prompt_row2 and s.screen.current == PROMPT, "output after the empty line's prompt")
    d.ok()

    d.begin(4, "a wrong query prints a rendered error and the prompt returns; the next query runs")
    output, _ = s.enter("revenue by plann")
    expect(has_line(output, r"^error: metric 'revenue'"), "no `error: metric 'revenue'` line")
    expect(has_line(output, r"did you mean 'plan'\?"), "no `did you mean 'plan'?`")
    expect(has_line(output, r"\^\^\^\^\^"), "no caret under the wrong name")
    output, _ = s.enter("purchases for 2024")
    expect(has_line(output, r"^\s*purchases\s*$"), "no purchases header")
    expect(has_line(output, r"^\s*[\d,]+\s*$"), "no number")
    expect(has_line(output, r"^1 row\b"), "no '1 row' footer")
    d.ok()

    d.begin(5, "a statement over two lines: `revenue,` asks for more with `..>`")
    row = s.type("revenue,\r")
    s.wait_prompt(row, CONTINUATION)
    output, _ = s.enter("purchases by year")
    expect(has_line(output, r"^\s*year\s*│\s*revenue\s*│\s*purchases\s*$"), "no header with year, revenue and purchases")
    expect(has_line(output, r"^ 2024\s*│"), "no row for 2024")
    expect(has_line(output, r"^\d+ rows\b"), "no 'N rows' footer")
    d.ok()

    d.begin(6, "prompt commands: help, format csv, format table, timer off, last")
    output, _ = s.enter("help")
    expect(has_line(output, r"revenue by month") and has_line(output, r"show metrics"), "help printed no tour")
    output, _ = s.enter("format csv")
    expect(output == [], "format csv printed something")
    output, _ = s.enter("revenue for 2024")
    expect(table_rows(output)[:1] == ["revenue"], "the CSV does not start with the line `revenue`")
    expect(len(output) == 2 and re.fullmatch(r"-?\d+(\.\d+)?", output[1].strip()),
           "the CSV is not a header and one number")
    output, _ = s.enter("format table")
    expect(output == [], "format table printed something")
    output, _ = s.enter("timer off")
    expect(output == [], "timer off printed something")
    output, _ = s.enter("last")
    expect(has_line(output, r"^\s*revenue\s*$"), "last shows no revenue table")
    expect(has_line(output, r"^1 row$"), "last's footer is not exactly '1 row' (timer off, table format)")
    last_statement = "last"
    d.ok()

    d.begin(7, "a failed load and a failing statement leave the loaded data as it was")
    before, _ = s.enter("purchases, revenue for 2024")
    expect(has_line(before, r"^1 row$"), "no one-row answer to compare with")
    output, _ = s.enter('load "%s" as orders' % BAD_ROWS)
    expect(has_line(output, r"^error: .*short_row\.csv:3:4: expected 3 fields, found 2$"), "no error naming line 3 of the file")
    output, _ = s.enter("revenue by plann")
    expect(has_line(output, r"^error: metric 'revenue' reads dataset 'orders', which has no column 'plann'"), "no error")
    after, _ = s.enter("purchases, revenue for 2024")
    expect(after == before, "the answer changed after the failures: %r, then %r" % (before, after))
    last_statement = "purchases, revenue for 2024"
    d.ok()

    d.begin(8, "Ctrl-D on an empty line exits with status 0")
    s.send("\x04")
    status = s.wait_exit()
    expect(status == 0, "exit status %s" % status)
    d.ok()

    d.begin(9, "a new session recalls the last statement with Up; the history has no duplicates")
    expect(os.path.isfile(d.history), "no history file at %s" % d.history)
    s = d.start()
    row = s.type("\x1b[A")
    s.wait_line(PROMPT + last_statement)
    s.interrupt()
    s.wait_prompt(row)
    # `help` ran in the first session too: typed again, it must move to the end, not be stored twice.
    output, _ = s.enter("help")
    s.send("\x04")
    status = s.wait_exit()
    expect(status == 0, "exit status %s after Ctrl-D" % status)
    expect(os.path.isfile(d.history), "no history file at %s" % d.history)
    entries = read_history(d.history)
    duplicates = sorted({e for e in entries if entries.count(e) > 1})
    expect(entries, "the history file is empty")
    expect(not duplicates, "duplicate history entries: %r (history: %r)" % (duplicates, entries))
    expect(entries[-1] == "help", "the last history entry is %r, not 'help' (history: %r)" % (entries[-1], entries))
    for statement in ("revenue for 2024", "format csv", "purchases for 2024"):
        expect(statement in entries, "%r is not in the history %r" % (statement, entries))
    d.ok()

    d.begin(10, "`quit` leaves with status 0")
    s = d.start()
    s.type("quit\r")
    status = s.wait_exit()
    expect(status == 0, "exit status %s" % status)
    d.ok()

    d.begin(11, "a line ending in by, and, = or vs, or inside between, continues at ..>; one header line")
    s = d.start()
    row = s.type("revenue by\r")
    row = s.wait_prompt(row, CONTINUATION)
    s.type('plan where plan = "pro" and\r')
    s.wait_prompt(row, CONTINUATION)
    output, _ = s.enter('region != "europe"')
    expect(has_line(output, r"^\s*plan\s*│\s*revenue\s*$"), "no table by plan")
    expect(has_line(output, r"^ pro\s+│") and has_line(output, r"^1 row\b"), "not the one row for pro")
    row = s.type("sum(orders.amount) /\r")
    s.wait_prompt(row, CONTINUATION)
    output, _ = s.enter("count(orders) by year")
    expect(has_line(output, r"^ year │ sum\(orders\.amount\) / count\(orders\)$"), "the header is not on one line")
    expect(not has_line(output, r"\\n"), "a header shows a literal \\n")
    row = s.type("revenue between 2024-01-01\r")
    row = s.wait_prompt(row, CONTINUATION)
    s.type("and 2024-03-31 by month vs\r")
    s.wait_prompt(row, CONTINUATION)
    output, _ = s.enter("previous")
    expect(has_line(output, r"│ revenue_previous │"), "no comparison columns")
    expect(has_line(output, r"^3 rows\b"), "not three months")
    # Forty-one rows are shown whole: cutting one saves nothing.
    output, _ = s.enter("revenue by day since 2024-01-01 until 2024-02-10")
    expect(has_line(output, r"^41 rows\b") and has_line(output, r"^ 2024-02-10 │"), "41 rows are not all shown")
    d.ok()

    d.begin(12, "Tab: values after an opening quote, a dataset's columns after `orders.`, what the metrics reach after by")
    row = s.type('revenue where plan = "\t\t')
    d.listed(row, 'basic"', 'enterprise"', 'pro"')
    s.wait_line(PROMPT + 'revenue where plan = "')
    s.type("pr\t")
    s.wait_line(PROMPT + 'revenue where plan = "pro" ')
    s.interrupt()
    row = s.wait_prompt(row)
    s.type("sum(orders.\t\t")
    d.listed(row, "orders.amount", "orders.customer_id", "orders.kind")
    s.interrupt()
    row = s.wait_prompt(row)
    s.type("revenue by \t\t")
    entries = d.listed(row, "month", "cohort", "plan", "kind")
    expect("stage" not in entries and "rep" not in entries, "unreachable columns offered: %r" % sorted(entries))
    s.interrupt()
    row = s.wait_prompt(row)
    s.type("count(deals) by st\t")
    s.wait_line(PROMPT + "count(deals) by stage ")
    s.interrupt()
    s.wait_prompt(row)
    d.ok()

    d.begin(13, "other shells' habits run as Tally with a `-- ` line; SQL gets the Tally form")
    output, _ = s.enter(".tables")
    expect(output[:1] == ["-- show datasets"] and has_line(output, r"^ orders\s+│"), "no datasets after .tables")
    output, _ = s.enter("\\d orders")
    expect(output[:1] == ["-- describe orders"] and has_line(output, r"^ customer_id\s+│ integer"), "no columns after \\d")
    output, _ = s.enter(".mode csv")
    expect(output == ["-- format csv"], ".mode csv printed %r" % output)
    output, _ = s.enter("revenue for 2024")
    expect(table_rows(output)[:1] == ["revenue"], "not CSV after .mode csv")
    output, _ = s.enter("\\pset format aligned")
    expect(output == ["-- format table"], "\\pset printed %r" % output)
    output, _ = s.enter("select sum(amount) from orders group by plan")
    expect(has_line(output, r"in Tally it is: sum\(orders\.amount\) by plan$"), "no Tally form of the SELECT")
    s.type(".exit\r")
    status = s.wait_exit()
    expect(status == 0 and "-- quit" in s.screen.text(), ".exit did not leave (status %s)" % status)
    d.ok()

    d.begin(14, "with colour at 160 columns, 13 metrics fill two bands and no line is wider")
    s = d.start(cols=160, NO_COLOR=None)
    metrics = ("revenue, purchases, paying_customers, avg_order_value, purchase_frequency, new_revenue, "
               "recurring_revenue, customers_start, customers_end, new_customers, lost_customers, churn, arpu")
    output, _ = s.enter(metrics + " by quarter for 2024")
    headers = [i for i, line in enumerate(output) if line.startswith(" quarter │")]
    expect(len(headers) == 2, "%d bands, not 2" % len(headers))
    expect(max(len(line.rstrip()) for line in output) <= 160, "a line is wider than the terminal")
    expect(all(len(output[i + 1].rstrip()) == len(output[i].rstrip()) for i in headers), "a rule is wider than its header")
    d.ok()

    d.begin(15, "init.tally: a setting works there; an error is reported where it is and the rest still runs")
    folder = os.path.join(d.config, "tally")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "init.tally"), "w") as f:
        f.write("timer off\nrevenue by plann\nformat csv\n")
    s = d.start()
    expect("init.tally:2:12" in s.screen.text(), "the error in init.tally has no position")
    output, _ = s.enter("revenue for 2024")
    expect(table_rows(output)[:1] == ["revenue"], "format csv after the error did not run")
    d.ok()


def commands_scenario(d):
    d.begin(1, "a result taller than the screen goes through $PAGER, whole; `pager off` cuts it at 40 rows")
    s = d.start(PAGER="sed 's/^/paged: /'")
    s.enter("timer off")
    output, _ = s.enter("purchases by day for 2024")
    expect(output[:1] == ["paged:  day        │ purchases"], "not paged: %r" % output[:2])
    expect(output[-1:] == ["paged: 366 rows"], "the pager did not get the whole result: %r" % output[-2:])
    output, _ = s.enter("purchases by quarter for 2024")
    expect(output[:1] == [" quarter │ purchases"], "a short result was paged: %r" % output[:1])
    s.enter("pager off")
    output, _ = s.enter("purchases by day for 2024")
    expect(output[-2:-1] == ["366 rows (40 shown)"] and not has_line(output, "^paged: "), "paged with pager off: %r" % output[-2:])
    d.ok()

    d.begin(2, "save writes the last result; a write that fails is an error line and the session goes on")
    s.enter("purchases by quarter for 2024")
    saved = os.path.join(d.scratch, "q.csv")
    output, _ = s.enter('save last to "%s"' % saved)
    expect(output == ["saved 4 rows to %s" % saved], "save said %r" % output)
    with open(saved) as f:
        expect(f.read().startswith("quarter,purchases\n2024-Q1,"), "q.csv is not the result as CSV")
    output, _ = s.enter('save last to "%s/missing/q.csv"' % d.scratch)
    expect(output == ["error: cannot write %s/missing/q.csv: No such file or directory" % d.scratch], "%r" % output)
    output, _ = s.enter("purchases for 2024")
    expect(has_line(output, r"^1 row$"), "the session did not go on after the failed write")
    d.ok()

    d.begin(3, "run runs a script here; an error in it is reported with its place and the prompt stays")
    script = os.path.join(d.scratch, "report.tally")
    with open(script, "w") as f:
        f.write("purchases for 2024\nrevenue by plann\n")
    output, _ = s.enter('run "%s"' % script)
    expect(has_line(output, r"^1 row$"), "the script's first statement did not run: %r" % output)
    expect(has_line(output, r"--> %s:2:12$" % re.escape(script)), "the error has no place in the script: %r" % output)
    d.ok()

    d.begin(4, "edit opens the last statement in $EDITOR, then shows and runs what it leaves")
    s = d.start(EDITOR="sed -i s/2023/2024/")
    s.enter("timer off")
    output, _ = s.enter("purchases for 2023")
    before = output[-3:]
    output, _ = s.enter("edit")
    expect(output[:1] == ["purchases for 2024"], "the edited statement was not shown: %r" % output[:1])
    expect(has_line(output, r"^1 row$") and output[1:] != before, "the edited statement did not run: %r" % output)
    d.ok()

    d.begin(5, "watch runs a statement every N seconds until Ctrl-C")
    row = s.type("watch 1 purchases for 2024\r")

    def rounds(screen):
        return sum(1 for line in screen.lines[row + 1 :] if line.endswith("(every 1 s; Ctrl-C stops)"))

    s.wait_for("two rounds of watch", lambda screen: rounds(screen) >= 2, timeout=5)
    s.interrupt()
    prompt_row = s.wait_prompt(row)
    output, _ = s.enter("purchases for 2023")
    expect(has_line(output, r"^1 row$"), "the prompt did not come back after Ctrl-C in watch")
    d.ok()


def write_orders(folder, rows):
    """An orders.csv of `rows` rows, amounts in whole cents; returns the revenue of 2024 in cents."""
    revenue_2024 = 0
    days = [time.strftime("%Y-%m-%d", time.gmtime((19358 + i) * 86400)) for i in range(731)]
    with open(os.path.join(folder, "orders.csv"), "w") as f:
        f.write("id,customer_id,date,amount,kind\n")
        lines = []
        for i in range(1, rows + 1):
            cents = (i * 7919) % 50000 + 100
            day = days[i % 731]
            if day.startswith("2024"):
                revenue_2024 += cents
            lines.append("%d,%d,%s,%d.%02d,new\n" % (i, 1 + i % 500, day, cents // 100, cents % 100))
            if len(lines) == 100000:
                f.write("".join(lines))
                lines = []
        f.write("".join(lines))
    return revenue_2024


def busy(pid):
    """Whether any thread of a process is running on a processor now (statements run on a thread
    of their own while the main one waits for it)."""
    for task in os.listdir("/proc/%d/task" % pid):
        try:
            with open("/proc/%d/task/%s/stat" % (pid, task)) as f:
                if f.read().rpartition(")")[2].split()[0] == "R":
                    return True
        except OSError:
            pass  # the thread ended meanwhile
    return False


def interrupt_scenario(d):
    d.begin(1, "Ctrl-C while a large CSV file is read gives the prompt back at once")
    big = os.path.join(d.scratch, "big")
    os.mkdir(big)
    cents = write_orders(big, 1000000)
    s = d.start(["--data", big])
    s.enter("format csv")
    row = s.type("revenue for 2024\r")
    # Reading 40 MB takes a while (the statement itself is parsed and bound in a few milliseconds):
    # once tally is at work, press Ctrl-C.
    end = time.monotonic() + WAIT
    while not busy(s.pid) and time.monotonic() < end:
        time.sleep(0.005)
    time.sleep(0.05)
    pressed = time.monotonic()
    s.send("\x03")
    prompt_row = s.wait_prompt(row)
    waited = time.monotonic() - pressed
    output = s.screen.lines[row + 1 : prompt_row]
    expect(has_line(output, r"orders\.csv: cancelled$"), "no `orders.csv: cancelled` (the read finished first?): %r" % output)
    # The read stops between chunks of 4 MiB: about 0.1 s; a loaded machine gets some slack.
    expect(waited < 1.0, "the prompt came back %.2f s after Ctrl-C" % waited)
    d.ok()

    d.begin(2, "the next query reads the whole file and answers correctly; no partial cache file is left")
    output, _ = s.enter("revenue for 2024")
    expect(output[:1] == ["revenue"], "no CSV header: %r" % output)
    expected = "%d.%02d" % (cents // 100, cents % 100)
    expect(output[1:2] == [expected.rstrip("0").rstrip(".")] or output[1:2] == [expected], "revenue %r, expected %s" % (output[1:2], expected))
    leftovers = [n for _, _, names in os.walk(d.cache) for n in names if ".partial-" in n]
    expect(not leftovers, "partial cache files: %r" % leftovers)
    d.ok()

    d.begin(3, "Ctrl-C while `last` prints a long result stops the printing")
    s = d.start()
    s.enter("timer off")
    output, _ = s.enter("purchases by day, plan, region, channel")
    total = re.search(r"^(\d+) rows \(\d+ shown\)", "\n".join(output), re.M)
    expect(total is not None, "the result was not cut at the prompt: %r" % output[-2:])
    row = s.type("last\r")
    s.settle(0.05)
    s.send("\x03")
    prompt_row = s.wait_prompt(row)
    shown = s.screen.lines[row + 1 : prompt_row]
    expect(has_line(shown, r"^… stopped with Ctrl-C$"), "printing was not stopped: %r" % shown[-3:])
    expect(not has_line(shown, r"^%s rows$" % total.group(1)), "every row was printed")
    output, _ = s.enter("purchases for 2024")
    expect(has_line(output, r"^1 row$"), "the next statement did not run")
    d.ok()


def postgres_scenario(d):
    url, ctl = os.environ.get("TALLY_TEST_PG"), os.environ.get("TALLY_TEST_PG_CTL")
    if not url or not ctl:
        print("skipped: no PostgreSQL server (TALLY_TEST_PG and TALLY_TEST_PG_CTL come from scripts/with-postgres.sh)")
        return
    small = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "GoldenTests", "fixtures", "small")
    exported = subprocess.run([d.tally, "export", "--to", url, "--replace", small], capture_output=True, text=True, env=d.env)
    expect(exported.returncode == 0, "export failed: %s" % exported.stderr)

    d.begin(1, "a session on the database answers")
    s = d.start(["--db", url])
    s.enter("timer off")
    answer, _ = s.enter("revenue")
    expect(has_line(answer, r"^1 row$"), "no answer: %r" % answer)
    d.ok()

    for number, mode in ((2, "immediate"), (4, "fast")):
        d.begin(number, "the server stopped (%s): the statement says the connection was lost, once, with no raw notice" % mode)
        subprocess.run([ctl, "stop", mode], check=True)
        output, _ = s.enter("revenue")
        errors = [line for line in output if line.startswith("error:")]
        expect(errors[:1] and errors[0].startswith("error: PostgreSQL: the connection to the server was lost"), "no lost connection: %r" % output)
        expect(len(errors) == 1, "more than one error: %r" % output)
        expect(not has_line(output, r"WARNING|FATAL|server closed"), "libpq's own words were printed: %r" % output)
        output, _ = s.enter("purchases")
        expect(has_line(output, r"^error: PostgreSQL: no connection to the server: "), "no `no connection`: %r" % output)
        d.ok()

        d.begin(number + 1, "the server is back: the next statement reconnects, says so once, and answers")
        subprocess.run([ctl, "start"], check=True)
        output, _ = s.enter("revenue")
        expect(output[:1] == ["connection lost; reconnected"], "no `connection lost; reconnected` first: %r" % output)
        expect(output[1:] == answer, "another answer after reconnecting: %r, before %r" % (output[1:], answer))
        output, _ = s.enter("revenue")
        expect(output == answer, "the reconnection was said again, or the answer changed: %r" % output)
        d.ok()

    s.send("\x04")
    expect(s.wait_exit() == 0, "the session did not end with status 0")


def history_scenario(d):
    strace = shutil.which("strace")
    expect(strace is not None, "strace is needed to kill tally as it saves its history (`make test` installs it)")

    d.begin(1, "a session saves its history")
    s = d.start()
    s.enter("revenue for 2024")
    s.send("\x04")
    expect(s.wait_exit() == 0, "the first session did not end with status 0")
    before = read_history(d.history)
    expect(before == ["revenue for 2024"], "history %r" % before)
    d.ok()

    d.begin(2, "kill -9 as the next session renames its new history into place: the old history stays whole")
    s = d.start(
        ["-f", "-o", "/dev/null", "-e", "trace=rename", "-e", "inject=rename:signal=SIGKILL:when=1",
         d.tally, "--data", d.data], program=strace)
    s.type("purchases for 2024\r")
    s.wait_exit()
    expect(read_history(d.history) == before, "the history is not the old one: %r" % read_history(d.history))
    folder = os.path.dirname(d.history)
    partial = [n for n in os.listdir(folder) if ".partial-" in n]
    expect(len(partial) == 1, "no partial history file was left to sweep: %r" % os.listdir(folder))
    d.ok()

    d.begin(3, "the next session sweeps the leftover, recalls the history and saves it whole")
    s = d.start()
    expect([n for n in os.listdir(folder) if ".partial-" in n] == [], "the leftover was not swept")
    row = s.type("\x1b[A")
    s.wait_line(PROMPT + "revenue for 2024")
    s.interrupt()
    s.wait_prompt(row)
    s.enter("help")
    s.send("\x04")
    expect(s.wait_exit() == 0, "the last session did not end with status 0")
    expect(read_history(d.history) == ["revenue for 2024", "help"], "history %r" % read_history(d.history))
    d.ok()


SCENARIOS = {"prompt": prompt_scenario, "commands": commands_scenario, "interrupt": interrupt_scenario, "history": history_scenario, "postgres": postgres_scenario}


def main():
    arguments = sys.argv[1:]
    scenario = prompt_scenario
    if arguments and arguments[0] in SCENARIOS:
        scenario = SCENARIOS[arguments.pop(0)]
    if len(arguments) != 2:
        print("usage: python3 repl_driver.py [%s] /path/to/tally /path/to/examples/crm" % "|".join(SCENARIOS), file=sys.stderr)
        return 2
    tally, data = os.path.abspath(arguments[0]), os.path.abspath(arguments[1])
    deadline = time.monotonic() + TOTAL - 2

    def overran(signo, frame):
        raise Failure("the whole run took more than %d s" % TOTAL)

    # The Swift test runner starts this script with SIGALRM and SIGTERM (among others) blocked.
    signal.pthread_sigmask(signal.SIG_SETMASK, set())
    signal.signal(signal.SIGALRM, overran)
    signal.alarm(TOTAL)

    def terminated(signo, frame):
        raise Failure("terminated from outside")

    signal.signal(signal.SIGTERM, terminated)

    scratch = tempfile.mkdtemp(prefix="tally-repl-")
    d = Driver(tally, data, scratch, deadline)
    try:
        scenario(d)
    except Failure as failure:
        seen = d.session.screen.text()[-500:] if d.session is not None else ""
        print("FAIL %d %s: %s\n--- screen (last 500 characters) ---\n%s\n---" % (d.step + (failure, seen)), flush=True)
        return 1
    finally:
        signal.alarm(0)
        if d.session is not None:
            d.session.close()
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
