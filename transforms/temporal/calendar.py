"""Calendar arithmetic on inclusive day periods, and their TIMEX3 values. Pure and small.

A period is `(start, end, precision)` with inclusive `datetime.date` bounds, as in `model.Period`.
"""

from __future__ import annotations

import calendar as _cal
import datetime as dt
import re

from transforms.model import Period

ONE_DAY = dt.timedelta(days=1)
# Meteorological seasons, as the Recognizers-Text and TimeML conventions accept: (start month, end month).
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
# Sub-periods for "begin/medio/eind": share of the period, as (first, last) fraction thirds.
PART_THIRDS = {"START": 0, "MID": 1, "END": 2}


def last_day(year: int, month: int) -> int:
    return _cal.monthrange(year, month)[1]


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def day(d: dt.date) -> Period:
    return Period(d, d, "day")


def month(year: int, m: int) -> Period:
    return Period(dt.date(year, m, 1), dt.date(year, m, last_day(year, m)), "month")


def year(y: int) -> Period:
    return Period(dt.date(y, 1, 1), dt.date(y, 12, 31), "year")


def years(first: int, last: int) -> Period:
    return Period(dt.date(first, 1, 1), dt.date(last, 12, 31), "multi_year" if last > first else "year")


def quarter(y: int, q: int) -> Period:
    first = 3 * (q - 1) + 1
    return Period(dt.date(y, first, 1), dt.date(y, first + 2, last_day(y, first + 2)), "quarter")


def half(y: int, h: int) -> Period:
    return (
        Period(dt.date(y, 1, 1), dt.date(y, 6, 30), "half")
        if h == 1
        else Period(dt.date(y, 7, 1), dt.date(y, 12, 31), "half")
    )


def season(y: int, code: str) -> Period:
    a, b = SEASON_MONTHS[code]
    end_year = y + 1 if b < a else y
    return Period(dt.date(y, a, 1), dt.date(end_year, b, last_day(end_year, b)), "season")


def week_of(d: dt.date) -> Period:
    monday = d - dt.timedelta(days=d.weekday())
    return Period(monday, monday + dt.timedelta(days=6), "week")


def nth_week(box: Period, k: int) -> Period | None:
    """The k-th week (k = -1: the last) of a month or year: a week belongs to the period that holds its
    Thursday, as ISO counts the weeks of a year ('de eerste week van 2015' is 29 Dec 2014 - 4 Jan 2015)."""
    first = box.start - dt.timedelta(days=box.start.weekday())
    if first + dt.timedelta(days=3) < box.start:
        first += dt.timedelta(days=7)
    last = box.end - dt.timedelta(days=box.end.weekday())
    if last + dt.timedelta(days=3) > box.end:
        last -= dt.timedelta(days=7)
    monday = last if k == -1 else first + dt.timedelta(days=7 * (k - 1))
    if not first <= monday <= last:
        return None
    return week_of(monday)


def decade(first_year: int) -> Period:
    return Period(dt.date(first_year, 1, 1), dt.date(first_year + 9, 12, 31), "multi_year")


def century(n: int) -> Period:
    """The n-th century as it is spoken of, and as TimeML writes it ('20' for the 21st): the years
    2000-2099 for n = 21 (not 2001-2100 as the calendar counts)."""
    return Period(dt.date(max(1, 100 * (n - 1)), 1, 1), dt.date(100 * (n - 1) + 99, 12, 31), "multi_year")


def part_of(p: Period, part: str) -> Period:
    """Begin / middle / end of a period: its first, middle or last third (rounded to days)."""
    assert p.start and p.end
    n = (p.end - p.start).days + 1
    third = PART_THIRDS[part]
    lo = p.start + dt.timedelta(days=round(n * third / 3))
    hi = p.start + dt.timedelta(days=round(n * (third + 1) / 3) - 1)
    return Period(lo, hi, "range")


def span(a: Period, b: Period) -> Period:
    """The period from the start of `a` to the end of `b` (a range, or multi_year for whole years)."""
    assert a.start and b.end
    whole_years = a.precision in ("year", "multi_year") and b.precision in ("year", "multi_year")
    return Period(a.start, b.end, "multi_year" if whole_years else "range")


def unit_period(unit: str, d: dt.date) -> Period:
    """The calendar period of the given TimeML unit that contains day `d`."""
    if unit == "D":
        return day(d)
    if unit == "W":
        return week_of(d)
    if unit == "WE":  # the weekend of that week: Saturday and Sunday
        saturday = week_of(d).start + dt.timedelta(days=5)
        return Period(saturday, saturday + dt.timedelta(days=1), "range")
    if unit == "M":
        return month(d.year, d.month)
    if unit == "Q":
        return quarter(d.year, (d.month - 1) // 3 + 1)
    if unit == "Y":
        return year(d.year)
    if unit == "DE":
        return decade(d.year - d.year % 10)
    if unit == "CE":
        return century(d.year // 100 + 1)
    return day(d)


def shift(d: dt.date, unit: str, n: int) -> dt.date:
    """Day `d` moved by n units (months and years clamp the day of month)."""
    if unit == "D":
        return d + dt.timedelta(days=n)
    if unit in ("W", "WE"):
        return d + dt.timedelta(weeks=n)
    if unit == "2W":
        return d + dt.timedelta(weeks=2 * n)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
    if months is None:
        return d
    y, m = add_months(d.year, d.month, n * months)
    return dt.date(y, m, min(d.day, last_day(y, m)))


def timex_value(p: Period, unit: str | None = None) -> str:
    """The TIMEX3 value of a calendar period."""
    s, e = p.start, p.end
    if s is None or e is None:
        return "XXXX"
    pr = unit or p.precision
    if pr in ("day", "D"):
        return s.isoformat()
    if pr in ("week", "W", "WE"):
        iy, iw, _ = s.isocalendar()
        return f"{iy}-W{iw:02d}" + ("-WE" if pr == "WE" else "")
    if pr in ("month", "M"):
        return f"{s.year}-{s.month:02d}"
    if pr in ("quarter", "Q"):
        return f"{s.year}-Q{(s.month - 1) // 3 + 1}"
    if pr == "half":
        return f"{s.year}-H{1 if s.month <= 6 else 2}"
    if pr == "season":
        code = next(k for k, (a, _) in SEASON_MONTHS.items() if a == s.month)
        return f"{s.year}-{code}"
    if pr in ("year", "Y"):
        return str(s.year)
    if pr in ("DE",):
        return str(s.year)[:3]
    if pr in ("CE",):
        return f"{s.year // 100:02d}"
    if pr == "multi_year" and s.year % 10 == 0 and e.year == s.year + 9:
        return str(s.year)[:3]
    if pr == "multi_year" and s.year % 100 == 0 and e.year == s.year + 99:
        return f"{s.year // 100:02d}"
    if s.year == e.year:
        return str(s.year)
    return f"{s.year}/{e.year}"


def valid_day(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def value_period(value: str) -> tuple[dt.date | None, dt.date | None]:
    """The calendar period a TIMEX3 value denotes (2024-11-21, 2024-W47, 2024-11, 2024-Q3, 2024-H1, 2024-SU,
    2024, 199, 19, with an optional time part); (None, None) for anything else (PAST_REF, XXXX-..., P3D)."""
    v = (value or "").strip().split("T")[0]
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", v):
            d = dt.date(*map(int, m.groups()))
            return d, d
        if m := re.fullmatch(r"(\d{4})-W(\d{1,2})(-WE)?", v):
            monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            if m.group(3):
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
            return monday, monday + dt.timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-(\d{2})", v):
            p = month(int(m.group(1)), int(m.group(2)))
        elif m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
            p = quarter(int(m.group(1)), int(m.group(2)))
        elif m := re.fullmatch(r"(\d{4})-H([12])", v):
            p = half(int(m.group(1)), int(m.group(2)))
        elif m := re.fullmatch(r"(\d{4})-(SP|SU|FA|AU|WI)", v):
            p = season(int(m.group(1)), "FA" if m.group(2) == "AU" else m.group(2))
        elif m := re.fullmatch(r"(\d{4})", v):
            p = year(int(v))
        elif m := re.fullmatch(r"(\d{3})", v):
            p = decade(int(v) * 10)
        elif m := re.fullmatch(r"(\d{2})", v):
            p = century(int(v) + 1)
        else:
            return None, None
    except ValueError:
        return None, None
    return p.start, p.end


def easter(y: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - the computus' own letters
    m = (a + 11 * h + 22 * l) // 451
    month_, day_ = divmod(h + l - 7 * m + 114, 31)
    return dt.date(y, month_, day_ + 1)


WEEKDAY_CODES = {"MON": 0, "TUE": 1, "WED": 2, "THU": 3, "FRI": 4, "SAT": 5, "SUN": 6}


def holiday(rule: str, y: int) -> dt.date | None:
    """The day of a holiday rule in year y: 'MM-DD', 'E+n' (Easter-based), 'MM-DAY-k' (k-th weekday, L = last),
    'MM-DAY-k+n' (n days after it: US Election Day is the Tuesday after the first Monday of November)."""
    if rule.startswith("E"):
        return easter(y) + dt.timedelta(days=int(rule[1:]))
    parts = rule.split("-")
    if len(parts) == 2:
        return valid_day(y, int(parts[0]), int(parts[1]))
    if "+" in parts[2]:
        k, after = parts[2].split("+")
        day = holiday(f"{parts[0]}-{parts[1]}-{k}", y)
        return day + dt.timedelta(days=int(after)) if day else None
    m, wd, k = int(parts[0]), WEEKDAY_CODES[parts[1]], parts[2]
    if k == "L":
        last = dt.date(y, m, last_day(y, m))
        return last - dt.timedelta(days=(last.weekday() - wd) % 7)
    first = dt.date(y, m, 1)
    return first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (int(k) - 1))
