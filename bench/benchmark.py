"""Benchmark (DESIGN §4): province-scale data, `validate` and `status` cold and warm, as ratios to floors.

    python bench/benchmark.py                      # 1,300 units × 52 weekly reports × every township indicator
    python bench/benchmark.py --units 50 --weeks 8 # a quick look

The floors are measured in the same run on the same machine: parsing the same files with libyaml
(`yaml.load(..., Loader=CSafeLoader)`), and `python -c "import typer"`. Each time is the median of `--repeat`
runs (shared machines are noisy: quote medians), of at least 21 for the runs of tens of milliseconds (`import
typer` and `minzheng --help`, run as the installed script, taken in turns so that both see the same machine).
Cold = empty cache; warm = cache filled by a previous run. The program timed is a compiled copy of the working
tree's (`freeze_program`). Beside each time: the peak resident memory of the largest run. Last, the content of
the cache as written, read back four ways — msgspec's typed MessagePack (as used), an SQLite index of the files
(one row each) with the same values, JSON and a pickle of plain lists: what chose its format. The data is
generated in a temporary folder (the values plausible: no warning on every file) and removed afterwards.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
FLOOR_PARSE = """
import sys, yaml
from pathlib import Path
loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
for path in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    with open(path, "rb") as handle:
        yaml.load(handle, Loader=loader)
"""


def generate(folder: Path, units: int, weeks: int) -> int:
    """A plan like the real one with `units` townships, and `weeks` weekly reports from each. Returns files."""
    text = (ROOT / "data" / "targets.yaml").read_text(encoding="utf-8")
    plan = yaml.load(text, Loader=yaml.BaseLoader)
    # the real plan with its township list replaced (spliced as text: a YAML dumper would quote the numbers)
    lines = ["units:"] + [f"  - {{id: u{i:04d}, name: 单位{i:04d}, code: 33{i:07d}, kind: town}}" for i in range(units)]
    lines.append("  - {id: district, name: 区民政局, code: 330503, kind: district}")
    start, end = text.index("\nunits:") + 1, text.index("\ntasks:") + 1
    (folder / "progress").mkdir(parents=True)
    (folder / "targets.yaml").write_text(text[:start] + "\n".join(lines) + "\n" + text[end:], encoding="utf-8")
    township = [i for i in plan["indicators"] if i["reported_by"] == "townships"]
    first_friday = date(2025, 1, 3)
    files = 0
    for u in range(units):
        unit_dir = folder / "progress" / f"u{u:04d}"
        unit_dir.mkdir()
        for w in range(weeks):
            day = first_friday + timedelta(weeks=w)
            lines = [f"unit: u{u:04d}", f"as_of: {day}", f"submitted: {day + timedelta(days=3)}", "values:"]
            for ind in township:
                lines.append(f'  "{ind["id"]}": {_value(ind, u, w)}')
            (unit_dir / f"{day}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
            files += 1
    return files


def _value(ind: dict[str, str], unit: int, week: int) -> str:
    if ind["kind"] == "milestone":
        return "done" if week > 30 else "in_progress"
    if ind.get("measure") == "ratio":
        return f"{{numerator: {10 + week % 5}, denominator: {40 + unit % 7}}}"
    # cumulative values grow every week (the part of a whole more slowly than it) by no more than the whole target
    # in one report, as real reports do: a bigger step is a plausibility warning (cumulative-jump) on every file
    step = 2 if ind.get("parent") else 3
    target = ind.get("target")
    if isinstance(target, str) and target.isdigit():
        step = max(1, min(step, int(target) - (1 if ind.get("parent") else 0)))
    return str((week + 1) * step)


def freeze_program(folder: Path) -> Path:
    """A copy of the program as it is now, compiled to bytecode as an installed package is, put first on the
    runs' PYTHONPATH: an edit to the working tree during the run can neither turn a warm run cold (the cache's
    program stamp) nor cost a run the compiling of the edited module."""
    import compileall

    shutil.copytree(ROOT / "src" / "minzheng_cli", folder / "minzheng_cli",
                    ignore=shutil.ignore_patterns("__pycache__"))
    compileall.compile_dir(folder, quiet=1)
    return folder


def command_line() -> list[str]:
    """`minzheng` as people run it: the installed script beside this Python, else `python -m minzheng_cli`."""
    script = Path(sys.executable).with_name("minzheng")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "minzheng_cli"]


PEAK: dict[str, int] = {}  # the largest resident memory of any run of each command, in KiB


def timed(command: list[str], env: dict[str, str], repeat: int, name: str = "") -> float:
    """The median wall time of `repeat` runs; the largest resident memory of a run (its pool's workers included,
    where wait4 reports them) is kept in PEAK[name]."""
    return statistics.median(run_once(command, env, name) for _ in range(repeat))


def interleaved(commands: dict[str, list[str]], env: dict[str, str], repeat: int) -> dict[str, float]:
    """The median wall time of each command over `repeat` rounds, each round running every command once: a
    drift of the machine (another session's load, the clock speed) reaches a command and its floor alike."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            times[name].append(run_once(command, env, name))
    return {name: statistics.median(found) for name, found in times.items()}


def run_once(command: list[str], env: dict[str, str], name: str) -> float:
    start = time.perf_counter()
    with subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) as child:
        err = child.stderr.read() if child.stderr else b""
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    PEAK[name] = max(PEAK.get(name, 0), usage.ru_maxrss)
    if child.returncode not in (0, 1) or b"Traceback" in err:  # 1: problems found, which the data has none of
        raise SystemExit(f"{' '.join(command)} failed ({child.returncode}): {err.decode()[-500:]}")
    return seconds


def cache_formats(cache: Path, repeat: int) -> dict[str, float]:
    """Seconds to decode the cache as written (msgspec, typed MessagePack), and the same data as JSON (standard
    library) and as a pickle of plain tuples and lists: what chose the cache's format."""
    import gc
    import json
    import pickle

    import msgspec

    from minzheng_cli.read.cache import CacheFile, Payload

    (file,) = cache.glob("reports-*.msgpack")
    raw = file.read_bytes()
    plain = msgspec.msgpack.decode(raw)
    as_json = json.dumps(plain, default=lambda b: b.hex()).encode()
    as_pickle = pickle.dumps(plain, protocol=pickle.HIGHEST_PROTOCOL)
    typed = msgspec.msgpack.Decoder(CacheFile)
    payload = msgspec.msgpack.Decoder(Payload)

    def msgspec_all() -> None:
        for block in typed.decode(raw).units.values():
            payload.decode(block.payload)

    database = sqlite_index(typed.decode(raw), cache.parent / "index.sqlite")

    def sqlite_all() -> None:
        with contextlib.closing(sqlite3.connect(database)) as db:
            db.execute("SELECT * FROM files").fetchall()
            for (blob,) in db.execute("SELECT payload FROM units"):
                payload.decode(blob)

    found = {}
    for name, decode in (("msgspec msgpack (typed, as used)", msgspec_all),
                         ("sqlite index + msgpack values", sqlite_all),
                         ("json (standard library)", lambda: json.loads(as_json)),
                         ("pickle (plain lists)", lambda: pickle.loads(as_pickle))):
        times = []
        for _ in range(repeat):
            gc.disable()
            start = time.perf_counter()
            decode()
            times.append(time.perf_counter() - start)
            gc.enable()
        found[name] = statistics.median(times)
    return found


def sqlite_index(content: Any, path: Path) -> Path:
    """The cache's content as an SQLite index like git's: one row per report file (its stat, digest and latest
    date), and each unit's values as the MessagePack the cache keeps."""
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE files (unit TEXT, name TEXT, size INT, mtime INT, ctime INT, inode INT, digest BLOB,"
                   " latest INT, PRIMARY KEY (unit, name))")
        db.execute("CREATE TABLE units (unit TEXT PRIMARY KEY, payload BLOB)")
        for unit, block in content.units.items():
            f = block.files
            db.executemany("INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           [(unit, *row) for row in zip(f.names, f.sizes, f.mtimes, f.ctimes, f.inodes, f.digests,
                                                         f.latest, strict=True)])
            db.execute("INSERT INTO units VALUES (?, ?)", (unit, bytes(block.payload)))
        db.commit()
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, default=1300)
    parser.add_argument("--weeks", type=int, default=52)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="minzheng-bench-"))
    try:
        data, cache = work / "data", work / "cache"
        files = generate(data, args.units, args.weeks)
        program = freeze_program(work / "program")
        env = {**os.environ, "MINZHENG_CACHE": str(cache), "MINZHENG_TODAY": "2025-12-31",
               "PYTHONPATH": os.pathsep.join(filter(None, [str(program), os.environ.get("PYTHONPATH")]))}
        cli = [sys.executable, "-m", "minzheng_cli", "--data", str(data)]
        quick = max(args.repeat, 21)  # tens of milliseconds, as noisy as the machine: more runs for their medians
        quick_runs = interleaved({"import typer": [sys.executable, "-c", "import typer"],
                                  "--help": [*command_line(), "--help"]}, env, quick)
        floors = {
            "libyaml parse": timed([sys.executable, "-c", FLOOR_PARSE, str(data / "progress")], env, args.repeat,
                                   "libyaml parse"),
            "import typer": quick_runs["import typer"],
        }
        results = {}
        for command in (["validate"], ["status", "--as-of", "2025-06-30", "--format", "json"]):
            name = command[0]
            cold = []
            for _ in range(args.repeat):
                shutil.rmtree(cache, ignore_errors=True)
                cold.append(timed([*cli, *command], env, 1, f"{name} cold"))
            results[f"{name} cold"] = statistics.median(cold)
            results[f"{name} warm"] = timed([*cli, *command], env, args.repeat, f"{name} warm")
        results["--help"] = quick_runs["--help"]
        formats = cache_formats(cache, args.repeat)
        print(f"data: {args.units} units × {args.weeks} weeks = {files} report files; median of {args.repeat} runs")
        for name, seconds in floors.items():
            print(f"floor {name:<16} {seconds:8.3f} s   peak {PEAK[name] / 1024:7.1f} MiB")
        for name, seconds in results.items():
            floor = floors["import typer"] if name == "--help" else floors["libyaml parse"]
            label = "import typer" if name == "--help" else "libyaml parse"
            print(f"{name:<22} {seconds:8.3f} s   {seconds / floor:6.3f} × {label:<13}   peak {PEAK[name] / 1024:7.1f} MiB")
        print(f"cache file: {sum(f.stat().st_size for f in cache.iterdir()) / 2**20:.1f} MiB; decoding it as")
        for name, seconds in formats.items():
            print(f"  {name:<34} {seconds:8.3f} s")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
