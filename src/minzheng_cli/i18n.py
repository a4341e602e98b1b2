"""The words the tool shows people, in Chinese (default) and English. Identifiers stay English."""

from __future__ import annotations

from typing import Literal

Lang = Literal["zh", "en"]

STATUS: dict[str, tuple[str, str]] = {
    "no_data": ("无数据", "no data"),
    "within_cap": ("控制在限内", "within cap"),
    "over_cap": ("超出上限", "over cap"),
    "done": ("已完成", "done"),
    "overdue": ("逾期", "overdue"),
    "due_soon": ("临期", "due soon"),
    "pending": ("推进中", "pending"),
    "missed": ("未完成", "missed"),
    "not_met": ("未达标", "not met"),
    "ahead": ("超进度", "ahead"),
    "on_pace": ("达进度", "on pace"),
    "behind": ("欠进度", "behind"),
}
LIGHT: dict[str, tuple[str, str]] = {
    "green": ("绿灯", "green"),
    "yellow": ("黄灯", "yellow"),
    "red": ("红灯", "red"),
}
KIND: dict[str, tuple[str, str]] = {
    "cumulative": ("累计", "cumulative"),
    "level": ("水平", "level"),
    "cap": ("上限", "cap"),
    "milestone": ("节点", "milestone"),
}
MILESTONE: dict[str, tuple[str, str]] = {
    "not_started": ("未开始", "not started"),
    "in_progress": ("进行中", "in progress"),
    "done": ("已完成", "done"),
}

TEXT: dict[str, tuple[str, str]] = {
    "validate.ok": ("校验通过：{files} 个文件（{reports} 份报送），{errors} 个错误，{warnings} 个警告",
                    "valid: {files} files ({reports} reports), {errors} errors, {warnings} warnings"),
    "validate.problems": ("校验未通过：{files} 个文件（{reports} 份报送），{errors} 个错误，{warnings} 个警告",
                          "problems found: {files} files ({reports} reports), {errors} errors, {warnings} warnings"),
    "excluded": ("已排除有错误的文件（请先运行 minzheng validate）：{path}",
                 "excluded a file with errors (run minzheng validate): {path}"),
    "clamped": ("日期 {given} 不在计划期内，已按 {used} 计算", "date {given} is outside the plan period; using {used}"),
    "col.id": ("编号", "ID"),
    "col.task": ("任务", "Task"),
    "col.name": ("指标", "Indicator"),
    "col.target": ("目标", "Target"),
    "col.actual": ("实际", "Actual"),
    "col.completion": ("完成率", "Completion"),
    "col.pace": ("序时进度", "Pace"),
    "col.status": ("状态", "Status"),
    "col.light": ("灯", "Light"),
    "col.unit": ("单位", "Unit"),
    "col.quota": ("分解任务", "Quota"),
    "col.rank": ("排名", "Rank"),
    "col.expected": ("应报", "Expected"),
    "col.reported": ("已报", "Reported"),
    "col.on_time": ("按时", "On time"),
    "col.report_rate": ("报送率", "Reporting rate"),
    "col.timely_rate": ("及时率", "On-time rate"),
    "col.mean_progress": ("平均进度", "Mean progress"),
    "col.date": ("日期", "Date"),
    "col.kind": ("类型", "Kind"),
    "col.reported_by": ("报送", "Reported by"),
    "reported_by.townships": ("各镇(街道)", "townships"),
    "reported_by.district": ("区本级", "district"),
    "status.title": ("{title} 指标进展（截至 {as_of}，序时进度按{pace}）", "{title}: progress as of {as_of}"),
    "pace.days": ("天数", "days"),
    "pace.months": ("月份", "months"),
    "summary": ("共 {n} 项指标", "{n} indicators"),
    "show.source": ("原文", "Source"),
    "show.history": ("全区数值变化", "District value over time"),
    "show.units": ("各单位", "By unit"),
    "show.note": ("说明", "Note"),
    "show.due": ("截止日期", "Due"),
    "units.title": ("单位排名（截至 {as_of}）", "Units ranked as of {as_of}"),
    "units.overall": ("全区报送率 {rate}（应报 {expected} 份，已报 {reported} 份），按时报送率 {timely}（按时 {on_time} 份）。"
                      "平均进度为各单位分解任务进度的平均值（水平类指标按完成率计）。",
                      "Overall reporting rate {rate} ({reported} of {expected} reports), on time {timely} "
                      "({on_time}). Mean progress averages each unit's quotas (completion for level indicators)."),
    "colon": ("：", ": "),
    "entry.wrote": ("已写入 {path}", "wrote {path}"),
    "entry.replaced": ("已替换 {path}（原有报送的数值不同）", "replaced {path} (it held other figures)"),
    "entry.unchanged": ("{path} 已是相同内容，未改写（unchanged）", "{path} unchanged: it already holds these figures"),
    "entry.exists": ("{path} 已存在且数值不同，未写入；确认替换请加 --force",
                     "{path} already exists with other figures; nothing written (add --force to replace it)"),
    "entry.dry_run": ("试运行：校验通过，未写入 {path}", "dry run: valid, {path} not written"),
    "entry.own_broken": ("本单位的报送 {path} 有错误，未写入：预填和校验需要本单位全部报送，请先修正（minzheng validate）",
                         "{path}, a report of this unit, has errors; nothing written: the pre-fill and the checks "
                         "need all of the unit's reports (run minzheng validate and fix it first)"),
}


def t(key: str, lang: Lang) -> str:
    zh, en = TEXT[key]
    return zh if lang == "zh" else en


def word(table: dict[str, tuple[str, str]], key: str | None, lang: Lang) -> str:
    if key is None:
        return "—"
    zh, en = table[key]
    return zh if lang == "zh" else en
