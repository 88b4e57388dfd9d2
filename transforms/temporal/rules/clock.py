"""Times of day: '14.30', '9 a.m.', 'noon', 'half acht', "kwart over negen 's avonds"; and after
resolution a time joined to its day ('vandaag om 20.30', '9 a.m. Tuesday').
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from transforms.alternation import alt
from transforms.clauses import phrase_key, word_after, word_before
from transforms.model import Timex
from transforms.temporal import calendar as cal
from transforms.temporal.context import Candidate, Context, dct_relative, finish
from transforms.temporal.fragments import Fragments
from transforms.temporal.grammar import Grammar
from transforms.temporal.rules.absolute import count_nouns


def patterns(f: Fragments) -> list[tuple[str, str]]:
    """The family's rules: (name, regular expression)."""
    return [
        (
            "time",
            rf"{f.START}(?:(?P<hh>[01]?\d|2[0-3]|{f.HOURWORD})(?:[:.](?P<mm>[0-5]\d))?\s*(?P<suf>{alt(f.W.get('times_suffix', []))})"
            rf"(?:\s+(?P<tpart>{alt(f.W.get('clock_parts', {}))}))?(?!\w)|(?P<hh2>[01]?\d|2[0-3]):(?P<mm2>[0-5]\d)(?![\d:.,]\d|\w)"
            rf"(?:\s+(?P<tpart2>{alt(f.W.get('clock_parts', {}))})(?!\w))?"
            rf"|(?<![\d.,])(?P<hh3>[01]?\d|2[0-3])\.(?P<mm3>[0-5]\d)(?![\d:.,]\d|\w)"
            rf"(?:\s+(?P<tpart3>{alt(f.W.get('clock_parts', {}))})(?!\w))?)",
        ),
        # 'noon', 'midnight', 'het middaguur': a time of day named by a word
        ("time_word", rf"{f.START}(?P<tw>{alt(f.W.get('time_words', {}))}){f.END}"),
    ] + clock_word_patterns(f)


def clock_word_patterns(f: Fragments) -> list[tuple[str, str]]:
    """Dutch clock words: 'half acht', 'kwart over negen', 'tien voor half zeven', 'vijf over elf 's avonds'."""
    CW = f.CW
    if not CW:
        return []
    HALFW = alt([CW["half"]])
    return [
        (
            "clock_words",
            rf"{f.START}(?:(?P<cmin>{alt(CW['quarter'] + list(CW['minutes']))})\s+(?P<cdir>{alt(CW['past'] + CW['to'])})"
            rf"\s+(?:(?P<chalf>{HALFW})\s+)?|(?P<chalf2>{HALFW})\s+)(?P<chour>{alt(CW['hours'])}|1[0-2]|[1-9])"
            rf"(?:\s+(?P<cpart>{alt(CW['parts'])}))?{f.END}",
        )
    ]


def gates(f: Fragments) -> dict[str, tuple[str, ...]]:
    """Clock words need one of their own words ('kwart', 'over', 'voor', 'half')."""
    CW = f.CW
    words = CW.get("quarter", []) + CW.get("past", []) + CW.get("to", []) + [CW.get("half", "")]
    return {"clock_words": tuple(sorted({w.lower() for w in words if w}))}


def accept_clock_words(c: Candidate, text: str, g: Grammar) -> bool:
    """'vijf voor twaalf' alone is a saying; 'om vijf voor twaalf' a time."""
    return bool(
        c.g.get("chalf")
        or c.g.get("chalf2")
        or c.g.get("cpart")
        or c.g["cmin"].lower() in g.words["clock_words"]["quarter"]
        or word_before(text, c.start) in g.words.get("time_prepositions", [])
    )


def accept_time_word(c: Candidate, text: str, g: Grammar) -> bool:
    """'High Noon' is a film, 'high noon' a moment of truth."""
    return word_before(text, c.start) not in g.words.get("time_word_not_after", [])


def accept_time(c: Candidate, text: str, g: Grammar) -> bool:
    """Numbers that look like a time and are not one: a reference ('artikel 4:13 Awb', 'John 3:16'),
    an amount ('tussen 2.50 en 3.50 euro'), a length ('24 uur')."""
    before = word_before(text, c.start)
    if before in g.words.get("reference_words", []):
        return False
    if c.g.get("hh3"):
        after = word_after(text, c.end)
        m = re.match(r"\s*(?:[-–]|\w+)\s+\d+[.,]\d+\s+([\w%]+)", text[c.end : c.end + 40])
        if m:  # 'tussen 2.50 en 3.50 euro': the unit after the range
            after = m.group(1).lower()
        if before not in g.words.get("time_prepositions", []):
            return False  # '8.00' is a time only after 'om', 'tot', 'vanaf' ...; else a number or an amount
        if after in count_nouns(g.language) or after in g.words.get("amount_words", []):
            return False  # 'en 3.50 euro', 'tot 2.30 miljoen'
    if c.g.get("suf") and not c.g.get("mm"):
        suf = c.g["suf"].lower()
        if suf in ("uur", "u") and before not in HOUR_LEADS:
            return False  # '24 uur' is a duration
    return True


# the words before 'acht uur' that make it a time of day, not eight hours
HOUR_LEADS = ("om", "rond", "omstreeks", "tegen", "vanaf", "tot", "na", "voor")


def resolve_time(c: Candidate, ctx: Context) -> Timex | None:
    """'14.30', '9 a.m.', 'noon', 'half acht': a time on the document's day."""
    g = ctx.grammar
    gd = c.g
    r = c.rule
    if r == "clock_words":
        hh, mm = clock_time(gd, g)
    elif r == "time_word":
        hh, mm = map(int, g.words["time_words"][phrase_key(gd["tw"])].split(":"))
    else:
        hh = int(g.lookup_number(gd.get("hh") or gd.get("hh2") or gd.get("hh3")))
        mm = int(gd.get("mm") or gd.get("mm2") or gd.get("mm3") or 0)
    suf = (gd.get("suf") or "").lower().replace(".", "")
    if suf == "pm" and hh < 12:
        hh += 12
    if suf == "am" and hh == 12:
        hh = 0
    tpart = gd.get("tpart") or gd.get("tpart2") or gd.get("tpart3")
    if tpart and hh < 12:  # "om acht uur 's avonds", "om 7:56 's avonds", 'at ten in the evening'
        hh += g.words["clock_parts"][phrase_key(tpart)]
    kind = "TIME"
    period, source = dct_relative(ctx, cal.day)
    day_value = period.start.isoformat() if period and period.precision == "day" else "XXXX-XX-XX"
    value = f"{day_value}T{hh:02d}:{mm:02d}"
    return finish(c, ctx, kind, value, period, source)


def clock_time(gd: dict, g: Grammar) -> tuple[int, int]:
    """'half acht' 7:30, 'kwart over negen' 9:15, 'tien voor half zeven' 6:20, 'kwart voor 10 's avonds'
    21:45: Dutch counts the half hour towards the next hour."""
    cw = g.words["clock_words"]
    hour = gd["chour"].lower()
    h = int(hour) if hour.isdigit() else cw["hours"][hour]
    minutes = h * 60 - (30 if gd.get("chalf") or gd.get("chalf2") else 0)
    if gd.get("cmin"):
        m = gd["cmin"].lower()
        n = 15 if m in cw["quarter"] else cw["minutes"][m]
        minutes += n if gd["cdir"].lower() in cw["past"] else -n
    minutes %= 12 * 60
    if minutes < 60 and not gd.get("cpart"):
        minutes += 12 * 60  # 'half één' is half past twelve in the day
    if gd.get("cpart"):
        minutes += 60 * cw["parts"][phrase_key(gd["cpart"])]
    return minutes // 60, minutes % 60


TIME_OF_DAY = re.compile(r"[\dX]{4}-[\dX]{2}-[\dX]{2}T(\d\d:\d\d)")


def join_times_to_days(timexes: list[Timex], text: str, g: Grammar) -> list[Timex]:
    """'9 a.m. Tuesday', '4 a.m. EDT Thursday': the time on that day, one expression (a time alone is
    put on the document's day, which is wrong when the text names another)."""
    zones = alt(g.words.get("time_zones", []))
    links = alt(g.words.get("time_links", []))
    # 'at 3.15am on Sunday 12 May', 'rond 23.00 uur op 12 mei': the day after its time
    day_links = alt(g.words.get("day_links", []))
    out: list[Timex] = []
    for t in timexes:
        prev = out[-1] if out else None
        m = TIME_OF_DAY.fullmatch(prev.value) if prev is not None and prev.type == "TIME" else None
        if (
            m
            and t.type == "DATE"
            and t.precision == "day"
            and t.date_start is not None
            and re.fullmatch(
                rf"\s*,?\s+(?:{zones}\s+)?(?:(?:{day_links})\s+)?", text[prev.end : t.start], re.I
            )
        ):
            out[-1] = replace(
                t, start=prev.start, type="TIME", value=f"{t.date_start.isoformat()}T{m.group(1)}", parts=()
            )
            continue
        m = TIME_OF_DAY.fullmatch(t.value) if t.type == "TIME" else None
        opened = open_day(prev) if m and prev is not None else None
        if (
            opened is not None
            and prev is not None
            and re.fullmatch(rf"\s*,?\s+(?:(?:{links})\s+)?", text[prev.end : t.start], re.I)
        ):
            out[-1] = time_on_open_day(prev, opened, t, m.group(1), text)
            continue
        if (
            m
            and prev is not None
            and prev.type in ("DATE", "TIME")
            and prev.precision == "day"
            and prev.date_start is not None
            and not TIME_OF_DAY.fullmatch(prev.value)
            and re.fullmatch(rf"\s*,?\s+(?:(?:{links})\s+)?", text[prev.end : t.start], re.I)
        ):
            # 'vandaag om 20.30', 'Tuesday at 9 a.m.', '12 mei 2024 14:32': the time on that day
            day = prev.date_start.isoformat()
            out[-1] = replace(
                t,
                start=prev.start,
                value=f"{day}T{m.group(1)}",
                date_start=prev.date_start,
                date_end=prev.date_end,
                parts=(),
            )
            continue
        out.append(t)
    return out


def open_day(t: Timex) -> Timex | None:
    """The day an open interval opens at ('voor aankomende dinsdag', 'after Monday'), if it is a day."""
    if t.mod is None or t.type != "DATE" or len(t.parts) != 1:
        return None
    day = t.parts[0]
    return day if day.precision == "day" and day.date_start is not None else None


def time_on_open_day(opened: Timex, day: Timex, t: Timex, clock: str, text: str) -> Timex:
    """'voor aankomende dinsdag om 12.00', 'after Monday at 9 a.m.': the interval (`opened`, at `day`)
    opens at that time of the day, so one before it ends with that day, not the one before."""
    value = f"{day.date_start.isoformat() if day.date_start else 'XXXX-XX-XX'}T{clock}"
    inner = replace(day, end=t.end, text=text[day.start : t.end], type="TIME", value=value)
    end = day.date_end if opened.date_end is not None else None
    return replace(opened, end=t.end, type="TIME", value=value, date_end=end, parts=(inner,))


# The family's acceptance checks by rule (`candidates.accept`): False drops the candidate.
ACCEPT: dict[str, Callable[[Candidate, str, Grammar], bool]] = {
    "clock_words": accept_clock_words,
    "time_word": accept_time_word,
    "time": accept_time,
}
# The family's resolvers by rule (`tagger.resolve`): the Timex, or None when it is no temporal expression.
RESOLVE: dict[str, Callable[[Candidate, Context], Timex | None]] = {
    "time": resolve_time,
    "clock_words": resolve_time,
    "time_word": resolve_time,
}
