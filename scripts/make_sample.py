"""Write the illustrative sample year: DIR/breakdown.yaml and weekly reports DIR/progress/<unit>/<date>.yaml.

    python scripts/make_sample.py [--data DIR] [--check | --clear]

Every figure is invented (虚构，仅供演示) and every file says so; DIR/SAMPLE.md marks the folder as illustrative,
so that every output of minzheng says 示例数据 (DESIGN §1). The plan is read from DIR/targets.yaml at run
time with PyYAML's BaseLoader (every scalar stays text: the program's no-guessing rule), so the sample follows
the plan when ids change: a few ids get an explicit profile below, the rest a default by kind. Deterministic:
fixed seeds (one per indicator), no clock, plan order, YAML written as text. `--check` builds the files in memory
and exits 1 when the data folder differs from them; `--clear` removes the sample files and the marker. See
docs/sample.md.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from datetime import date, timedelta
from fractions import Fraction
from pathlib import Path
from typing import Any

import yaml

SEED = 20250319  # the plan's issue date
LABEL = "# 示例数据：虚构数字，仅供演示，非真实报送 / Illustrative sample data — not real figures"
ORIGIN = "# 由 scripts/make_sample.py 生成，见 docs/sample.md；真实报送开始前用 --clear 清除 / generated: do not edit"
MID = "06-27"  # the last weekly report before the mid-year review (2025-06-30)
MARKER = "SAMPLE.md"  # minzheng's marker of illustrative data (model/folder.py SAMPLE_MARKER)
MARKER_TEXT = f"""{LABEL}
{ORIGIN}

本数据文件夹中的 `breakdown.yaml` 和 `progress/` 下的全部报送是虚构的示例数据，没有任何单位报送过这些数字。
minzheng 见到本文件，就在每一种输出中标明"示例数据"。真实报送开始前，运行
`python scripts/make_sample.py --clear` 清除示例数据，本文件随之删除。

The reports under `progress/` and `breakdown.yaml` in this data folder are an invented sample: no unit reported
these figures. While this file is here, every output of minzheng says 示例数据 (sample data). Clear the sample
with `python scripts/make_sample.py --clear` before real reporting starts; that removes this file too.
"""
Value = Fraction | tuple[int, int] | str  # a count, a ratio (numerator, denominator), a milestone state
Ind = dict[str, Any]

# Progress knots (MM-DD of the plan year, share): a cumulative target's share reached; a level's share of the way
# from its start (baseline) to the target. 0 at plan start, linear between knots, flat after the last.
PROFILES: dict[str, tuple[tuple[str, float], ...]] = {
    "done_early": ((MID, 1.1), ("12-31", 1.3)),  # the target met before mid-year
    "ahead": ((MID, 0.64), ("12-31", 1.12)),
    "on_pace": ((MID, 0.47), ("12-31", 1.04)),
    "behind": ((MID, 0.3), ("12-31", 1.02)),  # yellow at mid-year (about 20 points behind), met at year end
    "red_catch_up": ((MID, 0.12), ("12-31", 1.0)),  # red at mid-year, met in the year-end report
    "red_missed": ((MID, 0.1), ("10-31", 0.5), ("12-31", 0.75)),  # red at mid-year, missed at year end
    "level_ahead": ((MID, 0.72), ("11-28", 1.05)),
    "level_on_pace": ((MID, 0.46), ("11-28", 1.05)),
    "level_behind": ((MID, 0.25), ("12-26", 1.05)),
    "step_july": (("06-30", 0.0), ("07-01", 1.0)),  # a standard raised on 1 July: not met at mid-year
}
CUMULATIVE = {"1.2": "on_pace", "3.1": "ahead", "4.1": "done_early", "4.2": "on_pace", "4.3": "done_early",
              "5.4": "behind", "6.2": "done_early", "6.3": "on_pace", "10.2": "red_catch_up", "10.3": "done_early",
              "12.1": "done_early", "12.2": "ahead", "12.3": "red_catch_up", "13.1": "on_pace", "23.1": "ahead",
              "23.2": "behind", "23.4": "red_missed", "23.5": "on_pace"}
CUMULATIVE_DEFAULTS = ("on_pace", "ahead", "behind", "done_early")  # drawn with a seed of the id
PARTS = {"6.4": 1.15}  # a part (parent) follows its whole: its progress = this × the whole's (default 1)
# level id → (profile, start value, published as the baseline in breakdown.yaml); default: on pace from 90%
LEVELS: dict[str, tuple[str, float, bool]] = {
    "3.3": ("level_ahead", 21, True), "4.4": ("level_behind", 15, True), "5.1": ("level_on_pace", 45000, True),
    "5.2": ("level_ahead", 80, True), "7.1": ("step_july", 13080, False), "8.1": ("level_on_pace", 92, True),
    "11.1": ("level_ahead", 70, True), "11.2": ("level_on_pace", 90, True), "15.1": ("level_on_pace", 80, True),
    "20.1": ("level_ahead", 96, True)}
LEVEL_QUOTAS = ("5.2", "15.1")  # township level ratios given a quota (= the target rate) for every township
# milestone id → (in progress from, done on or None: never), MM-DD. Default: done on a drawn date before its
# due; a milestone due before mid-year is finished three months late (overdue at 2025-06-30).
MILESTONES: dict[str, tuple[str, str | None]] = {
    "1.1": ("02-14", "03-28"), "1.3": ("09-05", "10-31"), "6.1": ("04-04", None),
    "15.2": ("03-07", "07-11"), "16.1": ("04-11", "05-16"), "26.2": ("02-07", "03-07")}
DISTRICT_DENOMINATORS = {"8.1": 480, "20.1": 356}  # 救助事项件数, 社会组织数 (a per-10,000 rate: the 60+ people)
# relative size of each township: its 60+ population, 村(社区) count and share of counts; unknown ids: drawn
SIZES = {"nanxun": 1.0, "lianshi": 0.8, "linghu": 0.75, "shuanglin": 0.7, "hefu": 0.35, "dongqian": 0.3,
         "shanlian": 0.25, "qianjin": 0.2, "jiuguan": 0.15, "shicong": 0.1}
LATE_UNIT, GAPPY_UNIT = "qianjin", "shicong"  # submits a week late; misses one week in five
NOTES = {("3.1", "nanxun", "03-28"): "已组织两期培训", ("10.2", "lianshi", "06-27"): "改造项目集中在下半年实施",
         ("15.2", "district", "04-04"): "祭扫服务已开展，总结材料待报", ("15.2", "district", "07-11"): "总结材料已补报",
         ("7.1", "district", "07-04"): "7月1日起执行新标准", ("23.4", "district", "06-27"): "慈善信托备案对接中，进度滞后",
         ("6.1", "district", "12-31"): "标准草案已征求意见，尚未发布"}


def rng(*key: object) -> random.Random:
    return random.Random(":".join(map(str, (SEED, *key))))  # a str seed is hashed with SHA-512: stable everywhere


def half_up(x: Fraction | float) -> int:
    return math.floor(Fraction(x) + Fraction(1, 2))


def day(year: int, mmdd: str) -> date:
    return date.fromisoformat(f"{year}-{mmdd}")


def report_days(start: date, end: date) -> list[date]:
    """The Friday of every ISO week that touches the plan, clamped into it (the last one: 2025-12-31)."""
    monday, found = start - timedelta(days=start.weekday()), []
    while monday <= end:
        found.append(min(max(monday + timedelta(days=4), start), end))
        monday += timedelta(days=7)
    return found


def progress(profile: str, when: date, start: date) -> Fraction:
    prev_day, prev = start, Fraction(0)
    for mmdd, share in PROFILES[profile]:
        knot, value = day(start.year, mmdd), Fraction(share)
        if when <= knot:
            return prev + (value - prev) * Fraction((when - prev_day).days, max(1, (knot - prev_day).days))
        prev_day, prev = knot, value
    return prev


def apportion(total: int, weights: list[float], caps: list[int] | None = None) -> list[int]:
    """Split `total` in proportion to `weights` by largest remainders, no part above its cap."""
    limit = caps or [total] * len(weights)
    result, free, total = [0] * len(weights), list(range(len(weights))), min(total, sum(limit))
    while free:
        wsum = sum(Fraction(weights[i]) for i in free)
        shares = {i: total * Fraction(weights[i]) / wsum for i in free}
        parts = {i: math.floor(s) for i, s in shares.items()}
        for i in sorted(free, key=lambda i: (parts[i] - shares[i], i))[: total - sum(parts.values())]:
            parts[i] += 1
        over = [i for i in free if parts[i] > limit[i]]
        for i in over or free:  # the parts over their caps are fixed at the cap and the rest split again
            result[i] = limit[i] if over else parts[i]
        total -= sum(limit[i] for i in over)
        free = [i for i in free if i not in over] if over else []
    return result


class Sample:
    def __init__(self, targets: dict[str, Any]) -> None:
        self.start, self.end = (date.fromisoformat(targets["plan"][k]) for k in ("start", "end"))
        self.days = report_days(self.start, self.end)
        self.indicators: list[Ind] = targets["indicators"]
        self.by_id = {i["id"]: i for i in self.indicators}
        self.district = next(u["id"] for u in targets["units"] if u["kind"] == "district")
        self.towns = [u["id"] for u in targets["units"] if u["kind"] != "district"]
        self.size = {u: SIZES.get(u, round(rng("size", u).uniform(0.1, 1), 2)) for u in self.towns}
        self.villages = {u: 10 + round(30 * s) for u, s in self.size.items()}  # 村(社区) count: 10–40
        self.elderly = {u: 20000 + 100 * round(250 * s) for u, s in self.size.items()}  # 60+ people: 20,000–45,000
        self.quotas: dict[str, dict[str, Fraction]] = {}
        self.baselines: dict[str, Fraction] = {}
        self.profiles: dict[str, str] = {}
        self.series: dict[str, dict[str, list[Value]]] = {}  # indicator → unit → value at each report day
        for ind in sorted(self.indicators, key=lambda i: self.whole(i) is not None):  # wholes before parts
            kind = "level" if ind.get("measure") == "ratio" else ind["kind"]
            self.series[ind["id"]] = getattr(self, kind)(ind)

    def reporters(self, ind: Ind) -> list[str]:
        return [self.district] if ind["reported_by"] == "district" else self.towns

    def whole(self, ind: Ind) -> Ind | None:
        whole: Ind = self.by_id.get(ind.get("parent", ""), {})
        same = all(whole.get(k) == ind.get(k) for k in ("kind", "measure", "reported_by"))
        return whole if same and (ind["kind"], ind.get("measure")) == ("cumulative", "count") else None

    def curve(self, profile: str) -> list[Fraction]:
        return [progress(profile, d, self.start) for d in self.days]

    def cumulative(self, ind: Ind) -> dict[str, list[Value]]:
        key, scale = ind["id"], 10 if ind.get("uom") == "万元" else 1  # money to one decimal: counted in tenths
        target, whole = Fraction(ind["target"]), self.whole(ind)
        if whole is not None:  # a part: each unit's part is a fixed share (≤ 1) of its whole, so never larger
            share = min(Fraction(1), target / Fraction(whole["target"]) * Fraction(PARTS.get(key, 1)))
            self.profiles[key] = f"part of {whole['id']} ×{PARTS.get(key, 1)}"
            return {u: [Fraction(math.floor(Fraction(v) * scale * share), scale) for v in vs if not isinstance(v, tuple)]
                    for u, vs in self.series[whole["id"]].items()}
        profile = self.profiles[key] = CUMULATIVE.get(key) or rng("profile", key).choice(CUMULATIVE_DEFAULTS)
        totals = [half_up(target * scale * p) for p in self.curve(profile)]
        if ind["reported_by"] == "district":
            return {self.district: [Fraction(t, scale) for t in totals]}
        held = self.quotas[key] = self.split(target)
        draw = rng("units", key)  # each township's speed, then who made each increment
        weights = [float(held.get(u, 0)) * draw.uniform(0.7, 1.3) for u in self.towns]
        counts, done, out = dict.fromkeys(self.towns, 0), 0, {u: list[Value]() for u in self.towns}
        for total in totals:
            for u in draw.choices(self.towns, weights, k=max(0, total - done)):
                counts[u] += 1
            done = max(done, total)
            for u in self.towns:
                out[u].append(Fraction(counts[u], scale))
        return out

    def split(self, target: Fraction) -> dict[str, Fraction]:
        """Township quotas by size (rounded to 5 or 100 for large targets); 1 each for the largest when short."""
        ranked = sorted(self.towns, key=lambda u: -self.size[u])
        if target < len(self.towns):
            return {u: Fraction(1) for u in ranked[: math.ceil(target)]}
        step = 1 if target < 100 else 5 if target < 1000 else 100
        parts = apportion(math.ceil(target / step), [self.size[u] for u in ranked])
        return {u: Fraction(n * step) for u, n in zip(ranked, parts, strict=True) if n}

    def level(self, ind: Ind) -> dict[str, list[Value]]:
        key, target = ind["id"], Fraction(ind["target"])
        profile, start_raw, published = LEVELS.get(key, ("level_on_pace", float(target * 9 / 10), True))
        start = Fraction(half_up(Fraction(start_raw) * 10), 10)
        self.profiles[key] = profile + ("" if published else " (no baseline)")
        if published and ind["kind"] == "level":
            self.baselines[key] = start
        if key in LEVEL_QUOTAS and ind["reported_by"] == "townships":
            self.quotas[key] = dict.fromkeys(self.towns, target)
        units, draw = self.reporters(ind), rng("units", key)
        offsets = [draw.uniform(-0.08, 0.08) for _ in units]  # townships spread around the district figure
        out: dict[str, list[Value]] = {u: [] for u in units}
        for p in self.curve(profile):
            wanted, spread = start + (target - start) * p, [1 + o * (1 - min(float(p), 1)) for o in offsets]
            if ind.get("measure") == "ratio":
                factor = Fraction(ind["factor"])
                dens = [self.denominator(key, factor, u) for u in units]
                nums = apportion(half_up(wanted * sum(dens) / factor), [d * s for d, s in zip(dens, spread, strict=True)],
                                 dens if factor == 100 else None)
                for u, n, d in zip(units, nums, dens, strict=True):
                    out[u].append((n, d))
            else:
                sizes = [self.size.get(u, 1) * s for u, s in zip(units, spread, strict=True)]
                for u, n in zip(units, apportion(half_up(wanted), sizes), strict=True):
                    out[u].append(Fraction(n))
        return out

    def denominator(self, key: str, factor: Fraction, unit: str) -> int:
        if unit == self.district:
            return sum(self.elderly.values()) if factor != 100 else DISTRICT_DENOMINATORS.get(key, 200)
        return self.villages[unit] if factor == 100 else self.elderly[unit]

    def cap(self, ind: Ind) -> dict[str, list[Value]]:
        self.profiles[ind["id"]] = "cap_held"  # at the cap all year
        units = self.reporters(ind)
        values = apportion(math.floor(Fraction(ind["target"])), [self.size.get(u, 1) for u in units])
        return {u: [Fraction(v)] * len(self.days) for u, v in zip(units, values, strict=True)}

    def milestone(self, ind: Ind) -> dict[str, list[Value]]:
        key, year = ind["id"], self.start.year
        due = date.fromisoformat(ind["due"]) if ind.get("due") else self.end
        out: dict[str, list[Value]] = {}
        for u in self.reporters(ind):
            draw = rng("milestone", key, u)
            if key in MILESTONES and u == self.district:
                begun, finished = MILESTONES[key]
                began, done = day(year, begun), day(year, finished) if finished else None
                self.profiles[key] = f"in progress {begun}, " + (f"done {finished}" if finished else "never done")
            elif due < day(year, MID):
                began, done = due - timedelta(days=28), due + timedelta(days=96)
                self.profiles[key] = f"overdue, done {done:%m-%d}"
            else:
                done = draw.choice([d for d in self.days if day(year, "02-20") <= d <= min(due, day(year, "11-20"))])
                began = done - timedelta(weeks=draw.randint(3, 10))
                self.profiles[key] = f"done {done:%m-%d}" if u == self.district else "townships done at drawn dates"
            out[u] = ["done" if done and d >= done else "in_progress" if d >= began else "not_started" for d in self.days]
        return out

    def files(self) -> dict[str, str]:
        """Every sample file: path relative to the data folder → text."""
        found = {MARKER: MARKER_TEXT, "breakdown.yaml": self.breakdown_text()}
        last = len(self.days) - 2  # the gappy township never misses the first or the year-end report
        skipped = {min(last, k + rng("gap", k).randrange(5)) for k in range(1, last, 5)}
        for unit in [*self.towns, self.district]:
            for k, as_of in enumerate(self.days):
                if unit == GAPPY_UNIT and k in skipped:
                    continue
                monday = as_of + timedelta(days=7 - as_of.weekday())  # normally sent the next Monday
                sent = monday + timedelta(days=4 if unit == LATE_UNIT else 0)
                found[f"progress/{unit}/{as_of}.yaml"] = self.report_text(unit, k, as_of, sent)
        return found

    def report_text(self, unit: str, k: int, as_of: date, sent: date) -> str:
        lines = [LABEL, ORIGIN, f"unit: {unit}", f"as_of: {as_of}", f"submitted: {sent}", "values:"]
        notes = []
        for ind in self.indicators:
            if unit in self.series[ind["id"]]:
                v = self.series[ind["id"]][unit][k]
                shown = f"{{numerator: {v[0]}, denominator: {v[1]}}}" if isinstance(v, tuple) else number(v)
                lines.append(f'  "{ind["id"]}": {shown}')
                note = NOTES.get((ind["id"], unit, f"{as_of:%m-%d}"))
                notes += [f'  "{ind["id"]}": {note}'] if note else []
        return "\n".join(lines + (["notes:", *notes] if notes else [])) + "\n"

    def breakdown_text(self) -> str:
        lines = [LABEL, ORIGIN, "source: 示例任务分解（虚构，仅供演示）",
                 "# 各镇(街道)任务数按规模虚构拆分，基线为虚构的年初水平，均非区民政局正式任务分解；"
                 "真实报送开始前删除本文件。", "quotas:"]
        for ind in self.indicators:
            if self.quotas.get(ind["id"]):
                parts = ", ".join(f"{u}: {number(q)}" for u, q in self.quotas[ind["id"]].items())
                lines.append(f'  "{ind["id"]}": {{{parts}}}')
        lines.append("baselines:")
        lines += [f'  "{i["id"]}": {number(self.baselines[i["id"]])}' for i in self.indicators if i["id"] in self.baselines]
        return "\n".join(lines) + "\n"


def number(value: Fraction | str) -> str:
    if isinstance(value, str):
        return value
    return str(value.numerator) if value.denominator == 1 else f"{float(value):.1f}"


def existing(data: Path) -> dict[str, Path]:
    """Every file now under data/progress/, data/breakdown.yaml and the marker, by path relative to the data
    folder."""
    found = {p.relative_to(data).as_posix(): p for p in sorted((data / "progress").rglob("*")) if p.is_file()}
    top = {name: data / name for name in (MARKER, "breakdown.yaml") if (data / name).is_file()}
    return found | top


def labelled(path: Path) -> bool:
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.readline().rstrip("\n") == LABEL


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the illustrative sample year (see docs/sample.md).")
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parent.parent / "data")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="exit 1 if the files on disk differ from the generator's")
    mode.add_argument("--clear", action="store_true",
                      help="remove the sample files (those carrying the label), the marker SAMPLE.md among them")
    args = parser.parse_args(argv)
    data: Path = args.data
    old = existing(data)
    sample = {rel: path for rel, path in old.items() if labelled(path)}
    if args.clear:
        for path in sample.values():
            path.unlink()
        for folder in (data / "progress").glob("*/"):
            if not any(folder.iterdir()):
                folder.rmdir()
        print(f"removed {len(sample)} sample files from {data}; {len(old) - len(sample)} other files kept")
        return 0
    if not (data / "targets.yaml").is_file():
        print(f"no plan at {data / 'targets.yaml'}; point to a data folder with --data DIR", file=sys.stderr)
        return 2
    with open(data / "targets.yaml", encoding="utf-8") as f:
        made = Sample(yaml.load(f, Loader=yaml.BaseLoader))
    new = made.files()
    if args.check:
        wrong = [f"{rel}: not made by the generator" for rel in old if rel not in new]
        wrong += [f"{rel}: missing" for rel in new if rel not in old]
        wrong += [f"{rel}: differs" for rel, text in new.items() if rel in old and old[rel].read_text("utf-8") != text]
        for line in wrong:
            print(f"{data}/{line}", file=sys.stderr)
        print(f"the sample is out of date: run python scripts/make_sample.py --data {data}" if wrong else "sample up to date")
        return 1 if wrong else 0
    real = sorted(rel for rel in new if rel in old and rel not in sample)
    if real:
        print(f"refusing to overwrite files that are not sample files: {', '.join(real)}", file=sys.stderr)
        return 1
    for rel in set(sample) - set(new):
        sample[rel].unlink()
    for rel, text in new.items():
        (data / rel).parent.mkdir(parents=True, exist_ok=True)
        (data / rel).write_text(text, encoding="utf-8")
    for ind in made.indicators:
        print(f"{ind['id']:>6}  {made.profiles[ind['id']]}")
    print(f"wrote {len(new)} files to {data}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
