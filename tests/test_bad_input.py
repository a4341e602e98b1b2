"""Every bad input of DESIGN §1.4, and every plan (§1.1) and breakdown (§1.2) check, on hand-written files.

Each test names the exact code, the 1-based line and column (in characters) of the offending node, and a piece
of the message that says what to write instead.
"""

from __future__ import annotations

import codecs
import random
import time
from datetime import date

import pytest

from conftest import BREAKDOWN, PLAN, TODAY, DataDir, at, where
from minzheng_cli.model.diagnostics import Diagnostic

HEAD = "unit: nanxun\nas_of: 2025-06-30\nvalues:\n"  # values start on line 4
DISTRICT = "unit: district\nas_of: 2025-06-30\nvalues:\n"


def one(data: DataDir, text: str, unit: str = "nanxun", name: str = "2025-06-30", today: date = TODAY) -> Diagnostic:
    """Write one report and return its single diagnostic."""
    data.write_report(unit, name, text)
    return data.only(today)


def clean(data: DataDir, text: str, unit: str = "nanxun", name: str = "2025-06-30") -> None:
    data.write_report(unit, name, text)
    loaded = data.load()
    assert loaded.diagnostics == [], "\n".join(d.as_text() for d in loaded.diagnostics)
    assert len(loaded.reports) == 1


def excluded(data: DataDir) -> list[str]:
    return [path.split("/progress/")[-1] for path in data.load().excluded]


# --- reading the file ---------------------------------------------------------------------------------------


def test_gbk_is_not_utf8_and_named(data: DataDir) -> None:
    data.write_bytes("nanxun", "2025-06-30.yaml", (HEAD + '  "3.3": 已完成\n').encode("gbk"))
    d = data.only()
    assert where(d) == ("not-utf8", 4, 10)
    assert "GBK" in d.message and "save it as UTF-8" in d.message
    assert excluded(data) == ["nanxun/2025-06-30.yaml"]


def test_utf8_bom_is_accepted(data: DataDir) -> None:
    data.write_bytes("nanxun", "2025-06-30.yaml", codecs.BOM_UTF8 + (HEAD + '  "1.1": 5\n').encode())
    loaded = data.load()
    assert loaded.diagnostics == []
    assert loaded.reports[0].values == {"1.1": 5}


def test_utf16_is_named(data: DataDir) -> None:
    data.write_bytes("nanxun", "2025-06-30.yaml", (HEAD + '  "1.1": 5\n').encode("utf-16"))
    d = data.only()
    assert where(d) == ("not-utf8", 1, 1)
    assert "UTF-16" in d.message and "save it as UTF-8" in d.message


def test_random_binary(data: DataDir) -> None:
    raw = b"PK\x03\x04" + random.Random(7).randbytes(4000)  # a spreadsheet saved under the wrong name
    data.write_bytes("nanxun", "2025-06-30.yaml", raw)
    d = data.only()
    assert d.code == "not-utf8" and d.line == 1
    assert "save it as UTF-8 text" in d.message


def test_empty_file(data: DataDir) -> None:
    data.write_bytes("nanxun", "2025-06-30.yaml", b"")
    d = data.only()
    assert where(d) == ("not-a-mapping", 1, 1)
    assert "the file is empty" in d.message and "unit, as_of" in d.message


def test_sixty_megabyte_file(data: DataDir) -> None:
    path = data.report_path("nanxun", "2025-06-30")
    path.parent.mkdir(parents=True)
    with open(path, "wb") as handle:
        handle.write(HEAD.encode())
        line = b'  "1.1": 5\n'
        block = line * (1024 * 1024 // len(line))
        for _ in range(60):
            handle.write(block)
    start = time.perf_counter()
    d = data.only()
    assert time.perf_counter() - start < 2
    assert where(d) == ("file-too-large", 1, 1)
    assert "is it the right file?" in d.message


def test_twenty_thousand_nested_brackets(data: DataDir) -> None:
    data.write_report("nanxun", "2025-06-30", HEAD + '  "1.1": ' + "[" * 20000 + "\n")
    start = time.perf_counter()
    d = data.only()
    assert time.perf_counter() - start < 2
    assert d.code == "too-deep" and d.line == 4
    assert "nested" in d.message


def test_alias_bomb(data: DataDir) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for name, prev in zip("bcdefghi", "abcdefgh", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    data.write_report("nanxun", "2025-06-30", "\n".join(lines) + "\n")
    d = data.only()
    assert where(d) == ("alias", 1, 4)
    assert "write each value out in full" in d.message


def test_alias(data: DataDir) -> None:
    d = one(data, HEAD + '  "1.1": &n 5\n  "1.2": *n\n')
    assert where(d) == ("alias", 4, 10)


def test_yaml_syntax_error(data: DataDir) -> None:
    d = one(data, HEAD + '  "1.1": 5\n   "1.2": 3\n')
    assert d.code == "yaml-syntax" and d.line == 5
    assert "check quotes, colons and indentation" in d.message


def test_duplicate_key(data: DataDir) -> None:
    d = one(data, HEAD + '  "1.1": 5\n  "1.2": 1\n  "1.1": 7\n')
    assert where(d) == ("duplicate-key", 6, 3)
    assert "duplicate key '1.1' (first at line 4, column 3)" in d.message and "remove or merge" in d.message


def test_duplicate_top_level_key(data: DataDir) -> None:
    d = one(data, HEAD + '  "1.1": 5\nunit: nanxun\n')
    assert where(d) == ("duplicate-key", 5, 1)


def test_tag(data: DataDir) -> None:
    d = one(data, HEAD + '  "1.1": !!int 5\n')
    assert where(d) == ("tag", 4, 10)
    assert "remove the tag" in d.message


def test_several_documents(data: DataDir) -> None:
    d = one(data, HEAD + '  "1.1": 5\n---\n' + HEAD)
    assert where(d) == ("multiple-documents", 5, 1)
    assert "keep one report per file" in d.message


def test_not_a_mapping(data: DataDir) -> None:
    d = one(data, "- 1.1: 5\n")
    assert where(d) == ("not-a-mapping", 1, 1)
    assert "is a list" in d.message


# --- YAML 1.1 surprises ----------------------------------------------------------------------------------


@pytest.mark.parametrize("word", ["no", "on", "yes", "off", "true"])
def test_yaml11_boolean_as_status(data: DataDir, word: str) -> None:
    d = one(data, HEAD + f'  "3.3": {word}\n')
    assert where(d) == ("bad-status", 4, 10)
    assert f"'{word}'" in d.message and "older YAML reads it as true/false" in d.message
    assert "write one of not_started, in_progress, done (or 未开始, 进行中, 已完成)" in d.message


@pytest.mark.parametrize("text, advice", [
    ("no", "is a word, not a number"),
    ("on", "is a word, not a number"),
    ("0123", "has a leading zero (older YAML reads it as octal); write 123"),
    ("1:30", "looks like a time (older YAML reads it as base 60); write a plain decimal number"),
    ("1_000", "has underscores; write the digits alone: 1000"),
    (".nan", "is not a finite number; write a plain decimal number"),
    ("1e999", "is in exponent notation; write a plain decimal number"),
    ('"150人"', "has text after the number; write the number alone (150), without '人'"),
    ("１５０", "uses full-width characters; write it with ASCII characters: 150"),
    ("０１2", "uses full-width characters; write it with ASCII characters ('012'), and"),
    ('"150"', "is quoted, so it is text; write the number without quotes: 150"),
])
def test_yaml11_and_spreadsheet_numbers(data: DataDir, text: str, advice: str) -> None:
    d = one(data, HEAD + f'  "1.1": {text}\n')
    assert (d.line, d.column) == (4, 10)
    assert d.code == ("quoted-number" if text == '"150"' else "bad-number")
    assert d.message.startswith("1.1 expects a number in 人: ")
    assert advice in d.message


def test_yaml11_numbers_in_a_ratio(data: DataDir) -> None:
    d = one(data, HEAD + '  "2.1": {numerator: 0123, denominator: 150}\n')
    assert where(d) == ("bad-number", 4, 22)
    assert d.message.startswith("2.1 numerator expects a number: ") and "write 123" in d.message


# --- multipliers and unit words: the advice keeps the magnitude (DESIGN §1.4) --------------------------------


@pytest.mark.parametrize("unit, key, text, advice", [
    # 低保标准 counts 元/人/年: 1.374万 is 13740, never 1.374
    ("district", "2.3", "1.374万", "'1.374万' carries '万'; it counts in 元/人/年, so write 13740"),
    ("district", "2.3", "1.374万元", "'1.374万元' carries '万元'; it counts in 元/人/年, so write 13740"),
    ("nanxun", "1.1", "0.37万", "'0.37万' carries '万'; it counts in 人, so write 3700"),
    ("nanxun", "1.1", "0.37万人", "'0.37万人' carries '万人'; it counts in 人, so write 3700"),
    ("nanxun", "1.1", "１.２万", "'１.２万' carries '万'; it counts in 人, so write 12000"),  # full-width digits too
    # a word of another unit cannot be converted: the advice says to convert, never to drop the multiplier
    ("nanxun", "1.1", "1.5万户", "'1.5万户' is not a number, and '万' multiplies it; convert it"),
])
def test_a_multiplier_is_converted_into_the_indicators_own_unit(data: DataDir, unit: str, key: str, text: str,
                                                                advice: str) -> None:
    d = one(data, (DISTRICT if unit == "district" else HEAD) + f'  "{key}": {text}\n', unit=unit)
    assert where(d) == ("bad-number", 4, 10)
    assert advice in d.message, d.message
    assert "write the number alone (1" not in d.message  # the advice that changed the magnitude


def test_a_multiplier_in_wan_yuan_keeps_the_figure(data: DataDir) -> None:
    plan = (data.root / "targets.yaml").read_text(encoding="utf-8")
    data.write_targets(plan.replace("    uom: 元/人/年\n", "    uom: 万元\n"))  # 2.3 counted in 万元 instead
    for text, fixed in (("238.2万", "238.2"), ("238.2万元", "238.2"), ("2382000元", "238.2"), ("1.2亿", "12000")):
        d = one(data, DISTRICT + f'  "2.3": {text}\n', unit="district")
        assert f"it counts in 万元, so write {fixed} " in d.message, d.message


def test_a_multiplier_in_a_ratio_part(data: DataDir) -> None:
    d = one(data, DISTRICT + '  "2.2": {numerator: 90, denominator: 2万}\n', unit="district")
    assert where(d) == ("bad-number", 4, 39)
    assert "2.2 denominator expects a number: '2万' carries '万'; write 20000" in d.message


def test_a_multiplier_giving_a_fraction_of_people_is_not_offered_as_the_answer(data: DataDir) -> None:
    d = one(data, HEAD + '  "1.1": 1.23456万\n')
    assert "that is 12345.6 人, not a whole number: check it" in d.message


@pytest.mark.parametrize("unit, line, column, message", [
    ("nanxun", '  "1.1": 12.5\n', (4, 10), "1.1 (新增持证护理员) is counted in whole 人; 12.5 is not a whole number"),
    ("district", '  "3.1": 2.5\n', (4, 10), "3.1 (供养机构总数) is counted in whole 个; 2.5 is not a whole number"),
    ("nanxun", '  "2.1": {numerator: 40.5, denominator: 45}\n', (4, 22),
     "the numerator of 2.1 (低保对象入户核查率) counts whole things; 40.5 is not a whole number"),
])
def test_a_fraction_of_whole_things_is_refused(data: DataDir, unit: str, line: str, column: tuple[int, int],
                                               message: str) -> None:
    d = one(data, (DISTRICT if unit == "district" else HEAD) + line, unit=unit)
    assert (d.code, d.line, d.column) == ("not-whole-number", *column)
    assert d.message == message


def test_a_fraction_where_the_unit_allows_one_is_accepted(data: DataDir) -> None:
    data.write_report("district", "2025-06-30", DISTRICT + '  "2.3": 14000.5\n')  # 元/人/年 has cents
    assert data.diagnostics() == []


def test_id_310_is_not_31(data: DataDir) -> None:
    # 3.1 is a district cap: were `3.10` read as the float 3.1, this report would be valid
    d = one(data, DISTRICT + "  3.10: 2\n", unit="district")
    assert where(d) == ("unknown-indicator", 4, 3)
    assert "indicator '3.10' is not in targets.yaml" in d.message


def test_no_as_a_key_is_the_word_no(data: DataDir) -> None:
    d = one(data, HEAD + "  no: 5\n")
    assert where(d) == ("unknown-indicator", 4, 3)
    assert "indicator 'no'" in d.message


def test_plain_text_where_text_belongs_stays_text(data: DataDir) -> None:
    clean(data, HEAD + '  "1.1": 5\nnotes:\n  "1.1": no\n')
    assert data.load().reports[0].notes == {"1.1": "no"}


# --- units, names and dates --------------------------------------------------------------------------------


def test_unknown_unit_folder(data: DataDir) -> None:
    d = one(data, "unit: nanxunn\nas_of: 2025-06-30\nvalues:\n  \"1.1\": 5\n", unit="nanxunn")
    assert where(d) == ("unknown-unit", 1, 1)
    assert "folder 'nanxunn' is not a unit of the plan; did you mean 'nanxun'?" in d.message


def test_unknown_unit_folder_lists_the_units(data: DataDir) -> None:
    d = one(data, "unit: zzz\nas_of: 2025-06-30\nvalues:\n  \"1.1\": 5\n", unit="zzz")
    assert where(d) == ("unknown-unit", 1, 1)
    assert "units: nanxun, shuanglin, xunxi, district" in d.message


def test_unit_folder_mismatch(data: DataDir) -> None:
    d = one(data, "unit: shuanglin\nas_of: 2025-06-30\nvalues:\n  \"1.1\": 5\n")
    assert where(d) == ("unit-mismatch", 1, 7)
    assert "move the file into progress/shuanglin/ or correct `unit`" in d.message


def test_as_of_file_name_mismatch(data: DataDir) -> None:
    d = one(data, "unit: nanxun\nas_of: 2025-06-29\nvalues:\n  \"1.1\": 5\n")
    assert where(d) == ("date-mismatch", 2, 8)
    assert "rename the file or correct as_of" in d.message


@pytest.mark.parametrize("name", ["2025-6-30.yaml", "june.yaml", "2025-02-30.yaml", "2025-06-30 (1).yaml"])
def test_bad_file_name(data: DataDir, name: str) -> None:
    d = one(data, HEAD + '  "1.1": 5\n', name=name)
    assert where(d) == ("bad-file-name", 1, 1)
    assert f"'{name}'" in d.message and "YYYY-MM-DD.yaml, equal to its as_of" in d.message
    assert excluded(data) == [f"nanxun/{name}"]  # never skipped silently


def test_yml_suffix_and_upper_case_are_reports(data: DataDir) -> None:
    data.write_report("nanxun", "2025-05-31.yml", "unit: nanxun\nas_of: 2025-05-31\nvalues:\n  \"1.1\": 5\n")
    data.write_report("nanxun", "2025-06-30.YAML", HEAD + '  "1.1": 6\n')
    loaded = data.load()
    assert loaded.diagnostics == []
    assert len(loaded.reports) == 2


def test_date_outside_plan(data: DataDir) -> None:
    d = one(data, "unit: nanxun\nas_of: 2024-12-31\nvalues:\n  \"1.1\": 5\n", name="2024-12-31")
    assert where(d) == ("date-outside-plan", 2, 8)
    assert "outside the plan period 2025-01-01 – 2025-12-31" in d.message and "within it" in d.message


def test_date_in_future(data: DataDir) -> None:
    d = one(data, "unit: nanxun\nas_of: 2025-07-16\nvalues:\n  \"1.1\": 5\n", name="2025-07-16")
    assert where(d) == ("date-in-future", 2, 8)
    assert "after today (2025-07-15)" in d.message and "date it today or earlier" in d.message


def test_date_today_is_fine(data: DataDir) -> None:
    clean(data, "unit: nanxun\nas_of: 2025-07-15\nvalues:\n  \"1.1\": 5\n", name="2025-07-15")


def test_submitted_in_future(data: DataDir) -> None:
    d = one(data, "unit: nanxun\nas_of: 2025-06-30\nsubmitted: 2025-08-01\nvalues:\n  \"1.1\": 5\n")
    assert where(d) == ("date-in-future", 3, 12)


def test_bad_date(data: DataDir) -> None:
    d = one(data, "unit: nanxun\nas_of: 2025/06/30\nvalues:\n  \"1.1\": 5\n")
    assert where(d) == ("bad-date", 2, 8)
    assert "write 2025-06-30" in d.message


def test_misplaced_file(data: DataDir) -> None:
    path = data.root / "progress" / "2025-06-30.yaml"
    path.write_text(HEAD + '  "1.1": 5\n', encoding="utf-8")
    d = data.only()
    assert where(d) == ("misplaced-file", 1, 1)
    assert "progress/<unit>/<YYYY-MM-DD>.yaml; move it" in d.message


# --- keys and shapes ---------------------------------------------------------------------------------------


def test_misspelt_key(data: DataDir) -> None:
    d = one(data, "unit: nanxun\nas_of: 2025-06-30\nvalue:\n  \"1.1\": 5\n")
    assert where(d) == ("unknown-key", 3, 1)
    assert "did you mean 'values'?" in d.message


def test_missing_key(data: DataDir) -> None:
    d = one(data, "unit: nanxun\nvalues:\n  \"1.1\": 5\n")
    assert where(d) == ("missing-key", 1, 1)
    assert "add a line `as_of: …`" in d.message


def test_values_not_a_mapping(data: DataDir) -> None:
    d = one(data, "unit: nanxun\nas_of: 2025-06-30\nvalues: [5, 6]\n")
    assert where(d) == ("wrong-type", 3, 9)
    assert "expected a mapping (key: value lines)" in d.message


# --- values ---------------------------------------------------------------------------------------------


def test_valid_report(data: DataDir) -> None:
    clean(data, HEAD + '  "1.1": 30\n  "1.2": 10\n  "2.1": {numerator: 40, denominator: 45}\n  "3.3": 进行中\n')
    assert data.load().reports[0].values["3.3"] == "in_progress"


def test_unknown_indicator_suggests_closest(data: DataDir) -> None:
    d = one(data, HEAD + '  "1.11": 5\n')
    assert where(d) == ("unknown-indicator", 4, 3)
    assert "indicator '1.11' is not in targets.yaml; did you mean '1.1'?" in d.message


def test_messages_stay_on_one_line(data: DataDir) -> None:
    d = one(data, HEAD + '  "1.1\\n2": 5\n')
    assert where(d) == ("unknown-indicator", 4, 3)
    assert "\n" not in d.message and "indicator '1.1\\n2'" in d.message


def test_unknown_indicator_in_notes(data: DataDir) -> None:
    d = one(data, HEAD + '  "1.1": 5\nnotes:\n  "1.9": 已培训\n')
    assert where(d) == ("unknown-indicator", 6, 3)


def test_indicator_not_reported_by_this_unit(data: DataDir) -> None:
    d = one(data, HEAD + '  "2.3": 14000\n')
    assert where(d) == ("not-reported-by-unit", 4, 3)
    assert "reported by the district unit, not by nanxun; remove it from this report" in d.message


def test_township_indicator_in_district_report(data: DataDir) -> None:
    d = one(data, DISTRICT + '  "1.1": 5\n', unit="district")
    assert where(d) == ("not-reported-by-unit", 4, 3)
    assert "reported by the townships, not by district" in d.message


def test_ratio_given_as_number(data: DataDir) -> None:
    d = one(data, HEAD + '  "2.1": 88\n')
    assert where(d) == ("wrong-type", 4, 10)
    assert "is a ratio: write {numerator: 40, denominator: 45}, found the text '88'" in d.message


def test_count_given_as_mapping(data: DataDir) -> None:
    d = one(data, HEAD + '  "1.1": {numerator: 1, denominator: 2}\n')
    assert where(d) == ("wrong-type", 4, 10)
    assert "write one number in 人" in d.message


def test_ratio_missing_part(data: DataDir) -> None:
    d = one(data, HEAD + '  "2.1": {numerator: 40}\n')
    assert where(d) == ("missing-key", 4, 10)
    assert "needs `denominator`: write {numerator: 40, denominator: 45}" in d.message


def test_ratio_misspelt_part(data: DataDir) -> None:
    data.write_report("nanxun", "2025-06-30", HEAD + '  "2.1": {numerator: 40, denominater: 45}\n')
    found = sorted(where(d) for d in data.diagnostics())
    assert found == [("missing-key", 4, 10), ("unknown-key", 4, 26)]
    assert "did you mean 'denominator'?" in next(d for d in data.diagnostics() if d.code == "unknown-key").message


def test_milestone_unknown_word(data: DataDir) -> None:
    d = one(data, HEAD + '  "3.3": 完成\n')
    assert where(d) == ("bad-status", 4, 10)
    assert "write one of not_started, in_progress, done" in d.message


def test_empty_value(data: DataDir) -> None:
    d = one(data, HEAD + '  "1.1":\n')
    assert where(d) == ("wrong-type", 4, 9)
    assert "expected a number, found nothing" in d.message


def test_negative(data: DataDir) -> None:
    d = one(data, HEAD + '  "1.1": -5\n')
    assert where(d) == ("negative-value", 4, 10)
    assert "1.1 is -5; it cannot be negative" in d.message


def test_negative_numerator(data: DataDir) -> None:
    d = one(data, HEAD + '  "2.1": {numerator: -1, denominator: 45}\n')
    assert where(d) == ("negative-value", 4, 22)


def test_numerator_above_denominator_for_a_percentage(data: DataDir) -> None:
    d = one(data, HEAD + '  "2.1": {numerator: 50, denominator: 45}\n')
    assert where(d) == ("numerator-exceeds-denominator", 4, 22)
    assert "percentage, so numerator 50 cannot exceed denominator 45" in d.message


def test_numerator_above_denominator_allowed_per_ten_thousand(data: DataDir) -> None:
    clean(data, DISTRICT + '  "2.2": {numerator: 900, denominator: 100}\n', unit="district")


def test_zero_denominator(data: DataDir) -> None:
    d = one(data, HEAD + '  "2.1": {numerator: 0, denominator: 0}\n')
    assert where(d) == ("zero-denominator", 4, 38)
    assert "a ratio needs a denominator above 0" in d.message


# --- across reports ----------------------------------------------------------------------------------------


def test_decreasing_cumulative(data: DataDir) -> None:
    data.write_report("nanxun", "2025-05-31", "unit: nanxun\nas_of: 2025-05-31\nvalues:\n  \"1.1\": 20\n")
    data.write_report("nanxun", "2025-06-30", HEAD + '  "1.2": 1\n  "1.1": 15\n')
    d = data.only()
    assert d.path.endswith("nanxun/2025-06-30.yaml")
    assert where(d) == ("decreasing-cumulative", 5, 10)
    assert "15 is lower than 20 reported as of 2025-05-31; report the year-to-date total" in d.message
    assert excluded(data) == ["nanxun/2025-06-30.yaml"]


def test_other_units_and_levels_may_go_down(data: DataDir) -> None:
    data.write_report("nanxun", "2025-05-31", "unit: nanxun\nas_of: 2025-05-31\nvalues:\n  \"1.1\": 20\n")
    data.write_report("shuanglin", "2025-06-30", "unit: shuanglin\nas_of: 2025-06-30\nvalues:\n  \"1.1\": 5\n")
    data.write_report("district", "2025-05-31", "unit: district\nas_of: 2025-05-31\nvalues:\n  \"2.3\": 15000\n")
    data.write_report("district", "2025-06-30", DISTRICT + '  "2.3": 14000\n')
    loaded = data.load()
    assert loaded.diagnostics == [] and len(loaded.reports) == 4


def test_part_larger_than_whole(data: DataDir) -> None:
    d = one(data, HEAD + '  "1.1": 20\n  "1.2": 30\n')
    assert where(d) == ("part-exceeds-whole", 5, 10)
    assert "1.2 (其中\"双证\"护理员) 30 is part of 1.1" in d.message and "correct one of the two" in d.message


def test_part_larger_than_carried_whole(data: DataDir) -> None:
    data.write_report("nanxun", "2025-05-31", "unit: nanxun\nas_of: 2025-05-31\nvalues:\n  \"1.1\": 20\n")
    data.write_report("nanxun", "2025-06-30", HEAD + '  "1.2": 30\n')
    d = data.only()
    assert d.path.endswith("nanxun/2025-06-30.yaml")
    assert where(d) == ("part-exceeds-whole", 4, 10)


# --- warnings ------------------------------------------------------------------------------------------


def test_empty_report_is_a_warning(data: DataDir) -> None:
    d = one(data, HEAD)
    assert where(d) == ("empty-report", 3, 8)
    assert d.severity == "warning"
    assert "add the figures under `values:`" in d.message
    assert len(data.load().reports) == 1


def test_report_without_values_key_is_a_warning(data: DataDir) -> None:
    d = one(data, "unit: nanxun\nas_of: 2025-06-30\n")
    assert where(d) == ("empty-report", 1, 1)
    assert d.severity == "warning"


def test_non_yaml_file_is_a_warning(data: DataDir) -> None:
    data.write_report("nanxun", "2025-06-30", HEAD + '  "1.1": 5\n')
    data.write_bytes("nanxun", "2025-06-30.xlsx", b"PK\x03\x04")
    d = data.only()
    assert d.path.endswith("nanxun/2025-06-30.xlsx")
    assert where(d) == ("not-yaml", 1, 1)
    assert d.severity == "warning"
    assert "write them as a .yaml report" in d.message


def test_submitted_before_as_of_is_a_warning(data: DataDir) -> None:
    d = one(data, "unit: nanxun\nas_of: 2025-06-30\nsubmitted: 2025-06-29\nvalues:\n  \"1.1\": 5\n")
    assert where(d) == ("submitted-before-as-of", 3, 12)
    assert d.severity == "warning"
    assert "check both dates" in d.message


def test_no_reports_is_a_warning(data: DataDir) -> None:
    d = data.only()
    assert where(d) == ("no-reports", 1, 1)
    assert d.path.endswith("progress")
    assert d.severity == "warning"
    assert "progress/<unit>/<YYYY-MM-DD>.yaml" in d.message


# --- the plan: targets.yaml (§1.1) --------------------------------------------------------------------------


def val(text: str, entry: str, after: str = "") -> tuple[int, int]:
    """Position of the value of the first `key: value` line `entry` of `text` (after `after`)."""
    line, column = at(text, entry, after=after)
    return line, column + entry.index(": ") + 2


def plan_diagnostics(data: DataDir, old: str, new: str) -> tuple[str, list[Diagnostic]]:
    assert PLAN.count(old) == 1, old
    text = PLAN.replace(old, new)
    data.write_targets(text)
    loaded = data.load()
    assert loaded.targets is None  # an invalid plan is not used
    return text, [d for d in loaded.diagnostics if d.path.endswith("targets.yaml")]


def plan_one(data: DataDir, old: str, new: str) -> tuple[str, Diagnostic]:
    text, found = plan_diagnostics(data, old, new)
    assert len(found) == 1, "\n".join(d.as_text() for d in found)
    return text, found[0]


def coded(found: list[Diagnostic], code: str) -> Diagnostic:
    matching = [d for d in found if d.code == code]
    assert len(matching) == 1, "\n".join(d.as_text() for d in found)
    return matching[0]


def test_the_plan_is_valid(data: DataDir) -> None:
    data.write_breakdown()
    loaded = data.load()
    assert loaded.targets is not None and loaded.breakdown is not None
    assert [d.code for d in loaded.diagnostics] == ["no-reports"]


def test_duplicate_unit_id(data: DataDir) -> None:
    text, d = plan_one(data, "{id: shuanglin,", "{id: nanxun,")
    assert where(d) == ("duplicate-id", *at(text, "nanxun", 2))
    assert "unit id 'nanxun' is used twice; give each unit its own id" in d.message


def test_duplicate_indicator_id(data: DataDir) -> None:
    text, d = plan_one(data, '  - id: "2.2"', '  - id: "2.1"')
    assert where(d) == ("duplicate-id", *at(text, '"2.1"', 2))
    assert "indicator id '2.1' is used twice" in d.message


def test_duplicate_task_number(data: DataDir) -> None:
    text, found = plan_diagnostics(data, "  - number: 3\n", "  - number: 2\n")
    d = coded(found, "task-numbering")
    assert where(d) == ("task-numbering", *at(text, "2\n    title: 推进殡葬改革"))
    assert "task 2 stands in place 3; number the tasks 1, 2, 3 … in order" in d.message


def test_gap_in_task_numbers(data: DataDir) -> None:
    text, found = plan_diagnostics(data, "  - number: 3\n", "  - number: 4\n")
    d = coded(found, "task-numbering")
    assert where(d) == ("task-numbering", *at(text, "4\n    title: 推进殡葬改革"))
    assert {x.code for x in found} == {"task-numbering", "unknown-task"}


def test_unknown_task(data: DataDir) -> None:
    text, d = plan_one(data, '  - id: "3.3"\n    task: 3', '  - id: "4.1"\n    task: 4')
    assert where(d) == ("unknown-task", *val(text, "task: 4"))
    assert "task 4 does not exist; write the number of a task listed under `tasks` (1–3)" in d.message


def test_id_task_mismatch(data: DataDir) -> None:
    text, d = plan_one(data, '  - id: "3.3"', '  - id: "2.9"')
    assert where(d) == ("id-task-mismatch", *at(text, '"2.9"'))
    assert "must have the form <task>.<n> with <task> = 3, e.g. '3.1'" in d.message


def test_no_district_unit(data: DataDir) -> None:
    text, d = plan_one(data, "kind: district}", "kind: town}")
    assert where(d) == ("district-unit", *at(text, "- {id: nanxun"))
    assert "exactly one unit of kind district; found 0" in d.message


def test_two_district_units(data: DataDir) -> None:
    text, d = plan_one(data, "kind: subdistrict}", "kind: district}")
    assert where(d) == ("district-unit", *at(text, "district}", 2))  # the second one
    assert "found 2" in d.message


def test_plan_starts_after_it_ends(data: DataDir) -> None:
    text, found = plan_diagnostics(data, "  start: 2025-01-01\n  end: 2025-12-31", "  start: 2025-12-31\n  end: 2025-01-01")
    d = coded(found, "plan-period")
    assert where(d) == ("plan-period", *at(text, "2025-12-31"))
    assert "the plan starts (2025-12-31) after it ends (2025-01-01)" in d.message


@pytest.mark.parametrize("tolerance, red", [("40", "30"), ("-1", "30")])
def test_lights_order(data: DataDir, tolerance: str, red: str) -> None:
    text, d = plan_one(data, "    tolerance: 10\n    red: 30", f"    tolerance: {tolerance}\n    red: {red}")
    assert where(d) == ("lights-order", *at(text, "tolerance"))
    assert f"0 ≤ tolerance ≤ red; found tolerance {tolerance}, red {red}" in d.message


def test_parent_unknown(data: DataDir) -> None:
    text, d = plan_one(data, 'parent: "1.1"', 'parent: "1.11"')
    assert where(d) == ("unknown-parent", *at(text, '"1.11"'))
    assert "parent '1.11' is not another indicator; did you mean '1.1'?" in d.message


def test_parent_itself(data: DataDir) -> None:
    text, d = plan_one(data, 'parent: "1.1"', 'parent: "1.2"')
    assert where(d) == ("unknown-parent", *at(text, '"1.2"', 2))


def test_parent_other_uom(data: DataDir) -> None:
    text, d = plan_one(data, "    target: 50\n    uom: 人", "    target: 50\n    uom: 户")
    assert where(d) == ("parent-uom", *at(text, "户"))
    assert "1.2 counts in 户 but its parent 1.1 in 人; a part must have its whole's unit of measure" in d.message


ONE_ONE = "    measure: count\n    target: 150\n    uom: 人\n    reported_by: townships\n    source: 新增"


@pytest.mark.parametrize("old, field, advice", [
    ("    measure: count\n    target: 150\n    uom: 人\n    reported_by: townships\n    source: 新增", "measure",
     "add `measure: count`"),
    ("    factor: 100\n", "factor", "add `factor: 100` for a percentage"),
    ("    target: 150\n", "target", "add `target:`"),
    ("    uom: 张\n", "uom", "add `uom:`"),
])
def test_missing_field(data: DataDir, old: str, field: str, advice: str) -> None:
    new = old.replace("    measure: count\n", "") if field == "measure" else ""
    text, d = plan_one(data, old, new)
    owner = {"measure": '"1.1"', "factor": '"2.1"', "target": '"1.1"', "uom": '"2.2"'}[field]
    line, column = at(text, f"id: {owner}")
    assert where(d) == ("missing-field", line, column)
    assert f"needs `{field}`" in d.message and advice in d.message


def test_missing_uom_of_a_parent_is_one_problem(data: DataDir) -> None:
    text, d = plan_one(data, "    target: 150\n    uom: 人\n", "    target: 150\n")
    assert where(d) == ("missing-field", *at(text, 'id: "1.1"'))


@pytest.mark.parametrize("old, new, field", [
    ("    kind: milestone\n    reported_by: townships", "    kind: milestone\n    target: 1\n    reported_by: townships",
     "target"),
    ("    kind: milestone\n    reported_by: townships", "    kind: milestone\n    uom: 个\n    reported_by: townships", "uom"),
    (ONE_ONE, ONE_ONE.replace("count\n", "count\n    factor: 100\n"), "factor"),
])
def test_unexpected_field(data: DataDir, old: str, new: str, field: str) -> None:
    text, d = plan_one(data, old, new)
    value = {"target": "1", "uom": "个", "factor": "100"}[field]
    owner = '"1.1"' if field == "factor" else '"3.3"'
    assert where(d) == ("unexpected-field", *val(text, f"{field}: {value}", after=f"id: {owner}"))
    assert f"remove `{field}`" in d.message


def test_due_outside_plan(data: DataDir) -> None:
    text, d = plan_one(data, "due: 2025-04-05", "due: 2026-04-05")
    assert where(d) == ("due-outside-plan", *at(text, "2026-04-05"))
    assert "outside the plan period 2025-01-01 – 2025-12-31" in d.message


@pytest.mark.parametrize("target", ["0", "-5"])
def test_target_not_positive(data: DataDir, target: str) -> None:
    text, d = plan_one(data, "    target: 150\n", f"    target: {target}\n")
    assert where(d) == ("target-not-positive", *val(text, f"target: {target}"))
    assert f"target {target} must be above 0 (only a cap may be 0)" in d.message


def test_cap_of_zero_is_allowed(data: DataDir) -> None:
    data.write_targets(PLAN.replace("    target: 3\n", "    target: 0\n"))
    assert data.load().targets is not None


def test_plan_scalars_are_not_guessed(data: DataDir) -> None:
    text = PLAN.replace('code: "330503"', "code: 0330503").replace('id: "3.1"', "id: 3.10")
    data.write_targets(text)
    loaded = data.load()
    assert loaded.targets is not None
    assert loaded.targets.district.code == "0330503"
    assert loaded.targets.indicator("3.10") is not None


def test_plan_bad_choice(data: DataDir) -> None:
    text, d = plan_one(data, "pace: days", "pace: no")
    assert where(d) == ("bad-choice", *at(text, "no\n"))
    assert "write one of 'days' or 'months'" in d.message


def test_plan_bad_unit_id(data: DataDir) -> None:
    text, d = plan_one(data, "{id: xunxi,", "{id: 浔溪,")
    assert where(d) == ("bad-id", *at(text, "浔溪,"))
    assert "lowercase ASCII letters" in d.message


def test_plan_misspelt_key(data: DataDir) -> None:
    text, found = plan_diagnostics(data, "    reported_by: district\n    source: 城乡",
                                   "    reportedby: district\n    source: 城乡")
    assert where(coded(found, "unknown-key")) == ("unknown-key", *at(text, "reportedby"))
    assert "did you mean 'reported_by'?" in coded(found, "unknown-key").message
    missing = coded(found, "missing-key")
    assert where(missing) == ("missing-key", *at(text, 'id: "2.3"'))
    assert "indicators[4]: missing key 'reported_by'; add a line `reported_by: …`" in missing.message


def test_plan_duplicate_key(data: DataDir) -> None:
    text, d = plan_one(data, "  pace: days\n", "  pace: days\n  pace: months\n")
    assert where(d) == ("duplicate-key", *at(text, "pace: months"))


# --- the breakdown (§1.2) --------------------------------------------------------------------------------


def breakdown_one(data: DataDir, text: str) -> Diagnostic:
    data.write_breakdown(text)
    loaded = data.load()
    found = [d for d in loaded.diagnostics if d.path.endswith("breakdown.yaml")]
    assert len(found) == 1, "\n".join(d.as_text() for d in found)
    assert loaded.breakdown is None  # an invalid breakdown is not used
    return found[0]


@pytest.mark.parametrize("ind, what", [("3.1", "cap reported by district"), ("2.3", "level reported by district"),
                                       ("3.3", "milestone reported by townships")])
def test_quota_not_allowed(data: DataDir, ind: str, what: str) -> None:
    d = breakdown_one(data, f'source: 分解表\nquotas:\n  "{ind}": {{nanxun: 1}}\n')
    assert where(d) == ("quota-not-allowed", 3, 3)
    assert f"indicator {ind} is a {what}; quotas are only for township-reported cumulative or level" in d.message


def test_quota_for_unknown_unit(data: DataDir) -> None:
    d = breakdown_one(data, 'source: 分解表\nquotas:\n  "1.1": {nanxun: 150, shuanlin: 50}\n')
    assert where(d) == ("unknown-unit", 3, 24)
    assert "'shuanlin' is not a township unit of the plan; did you mean 'shuanglin'?" in d.message


def test_quota_for_the_district_unit(data: DataDir) -> None:
    d = breakdown_one(data, 'source: 分解表\nquotas:\n  "1.1": {nanxun: 150, district: 50}\n')
    assert where(d) == ("unknown-unit", 3, 24)


def test_quota_not_positive(data: DataDir) -> None:
    d = breakdown_one(data, 'source: 分解表\nquotas:\n  "1.1": {nanxun: 150, shuanglin: 0}\n')
    assert where(d) == ("quota-not-positive", 3, 35)
    assert "quota 0 for shuanglin must be above 0; leave the unit out" in d.message


def test_quota_sum_short(data: DataDir) -> None:
    d = breakdown_one(data, 'source: 分解表\nquotas:\n  "1.1": {nanxun: 100, shuanglin: 40}\n')
    assert where(d) == ("quota-sum-short", 3, 3)
    assert "add up to 140, less than the target 150 人; raise them" in d.message


def test_ratio_quotas_need_not_sum_to_the_target(data: DataDir) -> None:
    data.write_breakdown('source: 分解表\nquotas:\n  "2.1": {nanxun: 50}\n')
    assert data.load().breakdown is not None


def test_quota_unknown_indicator(data: DataDir) -> None:
    d = breakdown_one(data, 'source: 分解表\nquotas:\n  "1.11": {nanxun: 150}\n')
    assert where(d) == ("unknown-indicator", 3, 3)
    assert "did you mean '1.1'?" in d.message


def test_baseline_not_allowed(data: DataDir) -> None:
    d = breakdown_one(data, 'source: 分解表\nbaselines:\n  "1.1": 10\n')
    assert where(d) == ("baseline-not-allowed", 3, 3)
    assert "baselines are for level indicators only: remove this entry" in d.message


def test_baseline_not_below_target(data: DataDir) -> None:
    d = breakdown_one(data, 'source: 分解表\nbaselines:\n  "2.1": 90\n')
    assert where(d) == ("baseline-not-below-target", 3, 10)
    assert "baseline 90 must be below the target 90 %" in d.message


def test_baseline_negative(data: DataDir) -> None:
    d = breakdown_one(data, 'source: 分解表\nbaselines:\n  "2.1": -1\n')
    assert where(d) == ("negative-value", 3, 10)


def test_breakdown_bad_number(data: DataDir) -> None:
    d = breakdown_one(data, BREAKDOWN.replace("nanxun: 60", "nanxun: 6O"))
    assert where(d) == ("bad-number", *at(BREAKDOWN, "60"))
    assert "write the number alone (6)" in d.message


# ---- review fixes: checks DESIGN asks for that an early version missed -----------------------------------


def test_plan_factor_must_be_positive(data: DataDir) -> None:
    text, d = plan_one(data, "    factor: 100\n", "    factor: -100\n")
    assert where(d) == ("factor-not-positive", *at(text, "-100"))
    assert "100 for a percentage" in d.message


def test_plan_timely_days_not_negative(data: DataDir) -> None:
    text, d = plan_one(data, "  timely_days: 5\n", "  timely_days: -5\n")
    assert where(d) == ("negative-value", *at(text, "-5"))


@pytest.mark.parametrize("bad", ["1.x y", "1.", "1.0", "01.1"])
def test_plan_indicator_id_must_be_task_dot_number(data: DataDir, bad: str) -> None:
    text, found = plan_diagnostics(data, 'id: "1.1"', f'id: "{bad}"')
    assert coded(found, "id-task-mismatch").line == at(text, f'"{bad}"')[0]


def test_a_part_without_its_whole_in_the_same_unit(data: DataDir) -> None:
    path = data.write_report("nanxun", "2025-03-01", 'unit: nanxun\nas_of: 2025-03-01\nvalues:\n  "1.2": 10\n')
    loaded = data.load()
    (d,) = [d for d in loaded.diagnostics if d.code == "part-exceeds-whole"]
    assert (d.path, d.line, d.column) == (str(path), 4, 10)
    assert "has not reported" in d.message
    assert str(path) in loaded.excluded


def test_two_reports_for_one_unit_and_date(data: DataDir) -> None:
    a = data.write_report("nanxun", "2025-03-01", 'unit: nanxun\nas_of: 2025-03-01\nvalues:\n  "1.1": 10\n')
    b = data.write_report("nanxun", "2025-03-01.yml", 'unit: nanxun\nas_of: 2025-03-01\nvalues:\n  "1.1": 20\n')
    loaded = data.load()
    found = [d for d in loaded.diagnostics if d.code == "duplicate-report"]
    assert {d.path for d in found} == {str(a), str(b)}
    assert loaded.reports == [] and {str(a), str(b)} <= set(loaded.excluded)


def test_hidden_report_files_and_folders_are_read(data: DataDir) -> None:
    data.write_report("nanxun", ".2025-03-01.yaml", 'unit: nanxun\nas_of: 2025-03-01\nvalues:\n  "1.1": 10\n')
    data.write_report(".shuanglin", "2025-03-01", 'unit: shuanglin\nas_of: 2025-03-01\nvalues:\n  "1.1": 10\n')
    codes = {d.code for d in data.diagnostics()}
    assert {"bad-file-name", "unknown-unit"} <= codes


def test_a_broken_breakdown_is_excluded_by_name(data: DataDir) -> None:
    path = data.write_breakdown(BREAKDOWN.replace("nanxun: 60", "nanxun: -60"))
    loaded = data.load()
    assert loaded.breakdown is None and str(path) in loaded.excluded


def test_large_figures_in_messages_are_exact_decimals(data: DataDir) -> None:
    plan = (data.root / "targets.yaml").read_text(encoding="utf-8")
    data.write_targets(plan.replace("uom: 人\n", "uom: 万元\n"))  # money has decimals; people do not
    data.write_report("nanxun", "2025-01-03", 'unit: nanxun\nas_of: 2025-01-03\nvalues:\n  "1.1": 1234567.5\n')
    data.write_report("nanxun", "2025-01-10", 'unit: nanxun\nas_of: 2025-01-10\nvalues:\n  "1.1": 1234567.25\n')
    (d,) = [d for d in data.diagnostics() if d.code == "decreasing-cumulative"]
    assert "1234567.25 is lower than 1234567.5" in d.message and "e+" not in d.message


def test_values_are_checked_even_when_the_header_is_broken(data: DataDir) -> None:
    data.write_report("nanxun", "2025-01-10", 'unit: nanxun\nas_of: 2025/01/10\nvalues:\n  "1.1": 150人\n')
    codes = sorted(d.code for d in data.diagnostics())
    assert codes == ["bad-date", "bad-number"]  # both at once: the clerk fixes the file in one round
