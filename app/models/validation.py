"""Validation of values a clerk types or imports: ID numbers, phones, plates, temperatures, dates.

Every function either returns the value in its one canonical form (the form stored in the database
and printed on reports) or raises `ValidationError` with the Chinese field label and a sentence a
village clerk can act on. Pure Python on purpose: importers, the command line and the Qt forms all
share these rules, so no Qt and no SQLAlchemy here.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum

from app import clock
from app.errors import InvalidInput

__all__ = [
    "DEFAULT_FEVER_THRESHOLD",
    "PROVINCE_ABBREVIATIONS",
    "TEMPERATURE_MAX",
    "TEMPERATURE_MIN",
    "Plate",
    "PlateKind",
    "ResidentId",
    "ValidationError",
    "check_period",
    "is_fever",
    "normalize_mobile_or_landline",
    "normalize_plate_text",
    "optional_text",
    "parse_date",
    "parse_plate",
    "parse_resident_id",
    "parse_sex",
    "parse_temperature",
    "require_text",
    "resident_id_check_char",
    "temperature_needs_confirmation",
]


class ValidationError(InvalidInput, ValueError):
    """A value a clerk typed or imported is not acceptable.

    `field` is the Chinese field label (e.g. "身份证号"), `message` a Chinese sentence saying what
    is wrong and how to fix it. `str(err)` is "字段：说明", ready to show next to a row number.
    """

    field: str
    message: str

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}：{message}")
        self.field = field
        self.message = message

    def __reduce__(self) -> tuple[type[ValidationError], tuple[str, str]]:
        # Background workers send errors across process/thread boundaries by pickling; the default
        # reduction would call __init__ with the single formatted string and fail.
        return (type(self), (self.field, self.message))


# --------------------------------------------------------------------------------------------
# Shared text clean-up
# --------------------------------------------------------------------------------------------

# Chinese input methods produce full-width Latin letters and digits (Ａ１２) that look right on
# screen but never match a pattern; map the whole full-width ASCII block back to ASCII.
_FULL_TO_HALF = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULL_TO_HALF[0x3000] = 0x20

# Text copied from web pages and chat apps carries zero-width characters and no-break spaces.
_INVISIBLE_OR_SPACE = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")


def _to_half_width(text: str) -> str:
    return text.translate(_FULL_TO_HALF)


def _squeeze(text: str) -> str:
    """Full-width → half-width and every kind of space removed."""
    return _INVISIBLE_OR_SPACE.sub("", _to_half_width(text))


def _shown(raw: object, limit: int = 30) -> str:
    """The offending value as the clerk typed it, shortened so a message stays on one line."""
    text = str(raw).strip()
    return text if len(text) <= limit else text[:limit] + "…"


def _is_blank(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and _squeeze(raw) == "")


# --------------------------------------------------------------------------------------------
# 身份证号 (GB 11643-1999)
# --------------------------------------------------------------------------------------------

_ID_FIELD = "身份证号"
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_CHARS = "10X98765432"
# re.ASCII everywhere below: in Python `\d` otherwise also matches Arabic-Indic and other digits.
_ID18_SHAPE = re.compile(r"[0-9]{17}[0-9X]", re.ASCII)
_ID15_SHAPE = re.compile(r"[0-9]{15}", re.ASCII)
_ID18_FULL = re.compile(
    r"^[1-9]\d{5}(18|19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dX]$", re.ASCII
)
# Excel keeps 15 significant digits; a float at or above this has lost the tail of an 18-digit ID.
_FLOAT_EXACT_LIMIT = 1e15
_DIGITS_LOST = (
    "这个单元格把身份证号存成了数字，Excel 只保留 15 位有效数字，后几位已经丢失。"
    "请把该列设置为“文本”格式，再重新录入或粘贴身份证号"
)


@dataclass(frozen=True)
class ResidentId:
    """A checked 18-character resident ID number and what it says about its holder."""

    number: str
    birth_date: _dt.date
    sex: str
    upgraded_from_15: bool


def resident_id_check_char(body17: str) -> str:
    """The GB 11643-1999 check character for the first 17 digits of an ID number."""
    if len(body17) != 17 or not body17.isascii() or not body17.isdigit():
        raise ValueError(f"expected 17 ASCII digits, got {body17!r}")
    total = sum(int(digit) * weight for digit, weight in zip(body17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK_CHARS[total % 11]


def _id_text(raw: object) -> str:
    if raw is None:
        raise ValidationError(_ID_FIELD, "不能为空，请填写 18 位身份证号")
    if isinstance(raw, bool):
        raise ValidationError(_ID_FIELD, f"无法识别“{raw}”，请填写 18 位身份证号")
    if isinstance(raw, int):
        text = str(raw)
        # County systems write an 18-digit ID as an exact integer cell. One ending in 000 is
        # what a float that Excel cut to 15 digits looks like once turned back into an integer:
        # its real last digits are gone, whatever the checksum happens to say.
        if len(text) == 18 and text.endswith("000"):
            raise ValidationError(_ID_FIELD, _DIGITS_LOST)
        return text
    if isinstance(raw, float):
        if math.isfinite(raw) and raw.is_integer() and 0 <= raw < _FLOAT_EXACT_LIMIT:
            # A 15-digit legacy number fits a float exactly, so nothing was lost.
            return str(int(raw))
        if math.isfinite(raw) and abs(raw) >= _FLOAT_EXACT_LIMIT:
            raise ValidationError(_ID_FIELD, _DIGITS_LOST)
        raise ValidationError(
            _ID_FIELD,
            f"“{_shown(raw)}”不是身份证号。身份证号请以文本保存：把该列设置为“文本”格式后重新录入",
        )
    if isinstance(raw, Decimal):
        if raw.is_finite() and raw == raw.to_integral_value():
            return str(int(raw))
        raise ValidationError(_ID_FIELD, f"“{_shown(raw)}”不是身份证号，请填写 18 位身份证号")
    if isinstance(raw, str):
        text = _squeeze(raw)
        # Only a trailing x is legitimate; a lowercase x elsewhere is reported as a bad character.
        if text.endswith("x"):
            text = text[:-1] + "X"
        return text
    raise ValidationError(_ID_FIELD, f"无法识别“{_shown(raw)}”，请填写 18 位身份证号")


def _id_birth_date(number: str, today: _dt.date) -> _dt.date:
    digits = number[6:14]
    try:
        # Shape and area code are already checked, so the pattern can only fail on the date part
        # (century 18/19/20, month 01–12, day 01–31); date() then rejects 0230 and the like.
        if not _ID18_FULL.fullmatch(number):
            raise ValueError(digits)
        born = _dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise ValidationError(
            _ID_FIELD,
            f"第 7–14 位的出生日期 {digits} 不是真实的日期，请核对是否抄错",
        ) from None
    if born > today:
        raise ValidationError(
            _ID_FIELD,
            f"出生日期 {born.isoformat()} 晚于今天，请核对是否抄错",
        )
    return born


def parse_resident_id(raw: object, *, today: _dt.date | None = None) -> ResidentId:
    """Check an 18-digit ID (or upgrade a 15-digit legacy one) and return it in canonical form.

    Hong Kong, Macau and Taiwan residence permits (810000/820000/830000…) use the same layout and
    checksum, so they pass the same way.
    """
    today = today or clock.today()
    text = _id_text(raw)
    if text == "":
        raise ValidationError(_ID_FIELD, "不能为空，请填写 18 位身份证号")

    # Foreign characters first, then the length, and only then where an X sits: a clerk who typed
    # one digit too many needs to hear about the count even if that pushed the X off the end.
    bad = next((ch for ch in text if not ("0" <= ch <= "9" or ch == "X")), None)
    if bad is not None:
        raise ValidationError(
            _ID_FIELD,
            f"含有不该出现的字符“{bad}”，身份证号只能是数字，最后一位可以是 X",
        )
    if len(text) not in (15, 18):
        raise ValidationError(
            _ID_FIELD,
            f"位数不对，应为 18 位（老式身份证为 15 位），现在是 {len(text)} 位",
        )

    upgraded = False
    if _ID15_SHAPE.fullmatch(text):
        # Legacy 15-digit numbers (issued before 1999) omit the century and the check character.
        body = text[:6] + "19" + text[6:]
        text = body + resident_id_check_char(body)
        upgraded = True
    elif not _ID18_SHAPE.fullmatch(text):
        # Legacy numbers never had a check character, so X belongs only at the end of 18 digits.
        raise ValidationError(_ID_FIELD, "X 只能出现在 18 位身份证号的最后一位，请核对是否抄错")

    if text[0] == "0":
        raise ValidationError(_ID_FIELD, "前 6 位地区码不能以 0 开头，请核对是否抄错")
    born = _id_birth_date(text, today)
    if resident_id_check_char(text[:17]) != text[17]:
        raise ValidationError(_ID_FIELD, "校验位不对，请核对是否抄错")

    sex = "男" if int(text[16]) % 2 == 1 else "女"
    return ResidentId(number=text, birth_date=born, sex=sex, upgraded_from_15=upgraded)


# --------------------------------------------------------------------------------------------
# 联系电话
# --------------------------------------------------------------------------------------------

_PHONE_FIELD = "联系电话"
_MOBILE = re.compile(r"1[3-9][0-9]{9}", re.ASCII)
_LANDLINE = re.compile(r"0[0-9]{2,3}-?[0-9]{7,8}", re.ASCII)
_COUNTRY_PREFIXES = ("+86", "0086", "86")


def _phone_text(raw: object) -> str:
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return str(raw)
    if isinstance(raw, int):
        return str(raw)
    if isinstance(raw, float) and math.isfinite(raw) and raw.is_integer():
        # Excel stores a typed-in phone number as a float (13800138000.0).
        return str(int(raw))
    # "（0577）88001234" is how many letterheads print a landline; the brackets carry no meaning.
    return _squeeze(str(raw)).replace("(", "").replace(")", "")


def normalize_mobile_or_landline(raw: object) -> str:
    """A mobile as its 11 digits, or a landline as "区号-号码" (e.g. 0577-88001234)."""
    text = _phone_text(raw)
    if text == "":
        raise ValidationError(_PHONE_FIELD, "不能为空")

    digits = text.replace("-", "")
    if _MOBILE.fullmatch(digits):
        return digits
    for prefix in _COUNTRY_PREFIXES:
        rest = digits[len(prefix) :]
        if digits.startswith(prefix) and _MOBILE.fullmatch(rest):
            return rest

    if _LANDLINE.fullmatch(text):
        # Beijing (010) and the big cities (02x) have 3-digit area codes, everyone else 4; taking
        # the split from the code rather than from where the clerk put the hyphen gives one form.
        area_length = 3 if digits.startswith(("010", "02")) else 4
        area, number = digits[:area_length], digits[area_length:]
        if 7 <= len(number) <= 8:
            return f"{area}-{number}"

    raise ValidationError(
        _PHONE_FIELD,
        f"“{_shown(raw)}”不是有效的电话号码：手机号为 1 开头的 11 位数字，"
        "座机请写成“区号-号码”，如 0577-88001234",
    )


# --------------------------------------------------------------------------------------------
# 车牌号 (GA 36)
# --------------------------------------------------------------------------------------------

_PLATE_FIELD = "车牌号"


class PlateKind(StrEnum):
    ORDINARY = "普通号牌"
    NEW_ENERGY_SMALL = "新能源小型车"
    NEW_ENERGY_LARGE = "新能源大型车"
    SPECIAL = "挂/学/警/领"
    HK_MACAU = "粤Z港澳"
    OTHER = "其他号牌"


@dataclass(frozen=True)
class Plate:
    text: str
    kind: PlateKind


# In the order of the administrative division codes (11 京 … 65 新), the order of official lists.
PROVINCE_ABBREVIATIONS: tuple[str, ...] = tuple(
    "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新"
)

_P = "[" + "".join(PROVINCE_ABBREVIATIONS) + "]"
# Plates of one length are mutually exclusive by their last or third character, so the order of
# this list never decides a kind; it only has to be complete.
_PLATE_PATTERNS: tuple[tuple[re.Pattern[str], PlateKind], ...] = (
    (re.compile(rf"{_P}[A-HJ-Z][A-HJ-NP-Z0-9]{{5}}", re.ASCII), PlateKind.ORDINARY),
    (re.compile(rf"{_P}[A-HJ-Z][A-HJ-NP-Z0-9]{{4}}[挂学警领]", re.ASCII), PlateKind.SPECIAL),
    (re.compile(r"粤Z[A-HJ-NP-Z0-9]{4}[港澳]", re.ASCII), PlateKind.HK_MACAU),
    (
        re.compile(rf"{_P}[A-HJ-Z][DABCEFGHJK][A-HJ-NP-Z0-9][0-9]{{4}}", re.ASCII),
        PlateKind.NEW_ENERGY_SMALL,
    ),
    (re.compile(rf"{_P}[A-HJ-Z][0-9]{{5}}[DABCEFGHJK]", re.ASCII), PlateKind.NEW_ENERGY_LARGE),
)
# Separators people put between the region part and the serial ("浙C·12345", "浙C-12345").
_PLATE_SEPARATORS = re.compile(r"[·•・‧\-.．]")
_OTHER_HINT = "军车、武警、临时号牌等请选择“其他号牌”"


def normalize_plate_text(raw: str) -> str:
    """Full-width → half-width, upper case, spaces and separator dots/hyphens removed."""
    return _PLATE_SEPARATORS.sub("", _squeeze(raw).upper())


def _plate_problems(text: str) -> list[str]:
    problems: list[str] = []
    if text[0] not in PROVINCE_ABBREVIATIONS:
        problems.append(f"第一个字“{text[0]}”不是省份简称（如 浙、京、粤）")
    if len(text) > 1 and not ("A" <= text[1] <= "Z" and text[1] != "I"):
        problems.append("第二位应为表示发牌地区的字母（不含 I）")
    letters_io = sorted({ch for ch in text[2:] if ch in "IO"})
    if letters_io:
        problems.append(
            f"号码中不能有字母 {'、'.join(letters_io)}，请核对是否把数字 1、0 写成了字母"
        )
    if len(text) not in (7, 8):
        problems.append(f"位数不对，普通号牌 7 位、新能源号牌 8 位，现在是 {len(text)} 位")
    if text[-1] in "港澳" and not text.startswith("粤Z"):
        problems.append("港澳入出境车牌应以“粤Z”开头")
    if not problems:
        problems.append("格式不对，应像 浙C12345 或新能源 浙AD12345")
    return problems


def parse_plate(raw: object, *, other: bool = False) -> Plate:
    """Recognise a Chinese licence plate; `other=True` is the clerk's explicit 其他号牌 choice."""
    text = "" if raw is None else normalize_plate_text(str(raw))
    if text == "":
        raise ValidationError(_PLATE_FIELD, "不能为空")

    if other:
        if not 2 <= len(text) <= 12:
            raise ValidationError(_PLATE_FIELD, f"其他号牌应为 2–12 个字符，现在是 {len(text)} 个")
        return Plate(text=text, kind=PlateKind.OTHER)

    for pattern, kind in _PLATE_PATTERNS:
        if pattern.fullmatch(text):
            return Plate(text=text, kind=kind)

    reasons = "；".join(_plate_problems(text))
    raise ValidationError(_PLATE_FIELD, f"“{_shown(text)}”{reasons}。{_OTHER_HINT}")


# --------------------------------------------------------------------------------------------
# 体温
# --------------------------------------------------------------------------------------------

_TEMPERATURE_FIELD = "体温"
TEMPERATURE_MIN = Decimal("34.0")
TEMPERATURE_MAX = Decimal("43.0")
DEFAULT_FEVER_THRESHOLD = Decimal("37.3")
_TENTH = Decimal("0.1")
_TEMPERATURE_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?", re.ASCII)
_TEMPERATURE_UNITS = re.compile(r"(℃|°C|°|C|度)$", re.IGNORECASE)


def _temperature_decimal(raw: object) -> Decimal:
    if raw is None or isinstance(raw, bool):
        if raw is None:
            raise ValidationError(_TEMPERATURE_FIELD, "不能为空")
        raise ValidationError(_TEMPERATURE_FIELD, f"“{raw}”不是数字，请填写如 36.5 的体温")
    if isinstance(raw, float):
        # repr() is the shortest text that reads back as the same float, so 36.55 stays 36.55
        # instead of its binary neighbour 36.549999…, and rounds half-up the way a clerk expects.
        value = Decimal(repr(raw)) if math.isfinite(raw) else Decimal("NaN")
    elif isinstance(raw, int):
        value = Decimal(raw)
    elif isinstance(raw, Decimal):
        value = raw
    else:
        text = _squeeze(str(raw))
        if text == "":
            raise ValidationError(_TEMPERATURE_FIELD, "不能为空")
        text = _TEMPERATURE_UNITS.sub("", text)
        if text.count(",") == 1 and "." not in text:
            # A decimal comma ("36,5") comes from European-locale spreadsheets and phone keypads.
            text = text.replace(",", ".")
        if not _TEMPERATURE_NUMBER.fullmatch(text):
            raise ValidationError(
                _TEMPERATURE_FIELD, f"“{_shown(raw)}”不是数字，请填写如 36.5 的体温（摄氏度）"
            )
        try:
            value = Decimal(text)
        except InvalidOperation:  # pragma: no cover - the pattern above admits only numbers
            raise ValidationError(_TEMPERATURE_FIELD, f"“{_shown(raw)}”不是数字") from None
    if not value.is_finite():
        raise ValidationError(_TEMPERATURE_FIELD, f"“{_shown(raw)}”不是数字，请填写如 36.5 的体温")
    return value


def parse_temperature(raw: object) -> float:
    """A body temperature in ℃, rounded half-up to one decimal and within 34.0–43.0."""
    value = _temperature_decimal(raw)
    try:
        rounded: Decimal | None = value.quantize(_TENTH, rounding=ROUND_HALF_UP)
    except InvalidOperation:
        # Only numbers too long for Decimal's precision land here; they are out of range anyway.
        rounded = None
    if rounded is None or not TEMPERATURE_MIN <= rounded <= TEMPERATURE_MAX:
        shown = _shown(raw) if rounded is None else str(rounded)
        raise ValidationError(
            _TEMPERATURE_FIELD,
            f"体温 {shown} ℃ 超出 {TEMPERATURE_MIN}–{TEMPERATURE_MAX} ℃ 的范围，请核对",
        )
    return float(rounded)


def _tenths(value: float | Decimal) -> int:
    # Comparing integers of tenths avoids 37.3 >= 37.3 failing on a float computed as 37.29999….
    number = value if isinstance(value, Decimal) else Decimal(repr(float(value)))
    return int(number.quantize(_TENTH, rounding=ROUND_HALF_UP) * 10)


def temperature_needs_confirmation(value: float) -> bool:
    """Readings that are possible but unusual enough to ask "确定吗？" before saving."""
    tenths = _tenths(value)
    return 350 <= tenths <= 359 or tenths >= 405


def is_fever(value: float, threshold: float | Decimal = DEFAULT_FEVER_THRESHOLD) -> bool:
    """At or above the fever threshold (37.3 ℃ by national rule; a setting)."""
    return _tenths(value) >= _tenths(threshold)


# --------------------------------------------------------------------------------------------
# 日期
# --------------------------------------------------------------------------------------------

# Excel counts days from 1899-12-30 (its fictitious 1900-02-29 makes this the right epoch for
# every date after February 1900). The window 20000–80000 (1954–2119) keeps small counts and
# years typed as numbers from being taken for dates.
_EXCEL_EPOCH = _dt.date(1899, 12, 30)
_EXCEL_SERIAL_MIN = 20000
_EXCEL_SERIAL_MAX = 80000
_CLOCK = r"(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
_DATE_PATTERNS = (
    # The empty group stands in for the separator so that every pattern has the same groups.
    re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:\s+|T)" + _CLOCK + ")?", re.ASCII),
    re.compile(r"(\d{4})年()(\d{1,2})月(\d{1,2})(?:[日号]\s*" + _CLOCK + r"|[日号]?)", re.ASCII),
    re.compile(r"(\d{4})()(\d{2})(\d{2})", re.ASCII),
)


def _date_from_text(text: str) -> _dt.date | None:
    for pattern in _DATE_PATTERNS:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        year, _sep, month, day, *clock = match.groups()
        try:
            moment = _dt.datetime(
                int(year),
                int(month),
                int(day),
                *(int(part) for part in clock if part is not None),
            )
        except ValueError:
            return None
        return moment.date()
    return None


def _date_value(raw: object) -> _dt.date | None:
    if isinstance(raw, _dt.datetime):
        return raw.date()
    if isinstance(raw, _dt.date):
        return raw
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int) and 10000101 <= raw <= 99991231:
        # A column of 20220203-style dates is often stored by Excel as plain numbers.
        return _date_from_text(str(raw))
    if isinstance(raw, (int, float)):
        # Range first: math.isfinite() would overflow on a huge int, and NaN fails any comparison.
        if _EXCEL_SERIAL_MIN <= raw <= _EXCEL_SERIAL_MAX:
            # The fraction is the time of day, which a date field does not keep.
            return _EXCEL_EPOCH + _dt.timedelta(days=math.floor(raw))
        return None
    if isinstance(raw, str):
        return _date_from_text(_to_half_width(raw).strip())
    return None


def parse_date(
    raw: object,
    *,
    field: str = "日期",
    allow_future: bool = False,
    today: _dt.date | None = None,
) -> _dt.date:
    """A calendar date from a date/datetime, an Excel serial number or the usual written forms."""
    if _is_blank(raw):
        raise ValidationError(field, "不能为空，请写成 2022-02-03")
    value = _date_value(raw)
    if value is None:
        raise ValidationError(field, f"无法识别的日期“{_shown(raw)}”，请写成 2022-02-03")
    today = today or clock.today()
    if value > today and not allow_future:
        raise ValidationError(
            field,
            f"{value.isoformat()} 晚于今天（{today.isoformat()}），不能填将来的日期，请核对",
        )
    return value


def check_period(
    start: _dt.date,
    end: _dt.date | None,
    *,
    start_field: str = "开始日期",
    end_field: str = "结束日期",
) -> None:
    """Refuse a period whose end comes before its start; an open period (no end) is fine."""
    if end is not None and end < start:
        raise ValidationError(
            end_field,
            f"{end.isoformat()} 早于{start_field}（{start.isoformat()}），请核对",
        )


# --------------------------------------------------------------------------------------------
# 文字、性别
# --------------------------------------------------------------------------------------------


def _plain_text(raw: object) -> str:
    if raw is None:
        return ""
    if isinstance(raw, float) and math.isfinite(raw) and raw.is_integer():
        # Excel turns a typed "101" (a house number) into 101.0.
        return str(int(raw))
    return str(raw).strip()


def require_text(raw: object, field: str, *, max_length: int = 100) -> str:
    """Stripped, non-empty text of at most `max_length` characters."""
    text = _plain_text(raw)
    if text == "":
        raise ValidationError(field, "不能为空")
    if len(text) > max_length:
        raise ValidationError(field, f"不能超过 {max_length} 个字，现在是 {len(text)} 个字，请删减")
    return text


def optional_text(raw: object, *, max_length: int = 200, field: str = "备注") -> str | None:
    """Stripped text, or None when blank. `field` only labels the too-long error."""
    text = _plain_text(raw)
    if text == "":
        return None
    if len(text) > max_length:
        raise ValidationError(field, f"不能超过 {max_length} 个字，现在是 {len(text)} 个字，请删减")
    return text


_SEX_FIELD = "性别"
# "1"/"2" are the GB/T 2261.1 codes that exports from health systems use.
_SEX_WORDS = {
    "男": "男",
    "男性": "男",
    "m": "男",
    "male": "男",
    "1": "男",
    "女": "女",
    "女性": "女",
    "f": "女",
    "female": "女",
    "2": "女",
}


def parse_sex(raw: object) -> str | None:
    """ "Return "男" or "女" from the usual spellings and codes; None when blank."""
    if isinstance(raw, bool):
        raise ValidationError(_SEX_FIELD, f"无法识别“{raw}”，只能填“男”或“女”")
    text = _squeeze(_plain_text(raw)).lower()
    if text == "":
        return None
    sex = _SEX_WORDS.get(text)
    if sex is None:
        raise ValidationError(_SEX_FIELD, f"无法识别“{_shown(raw)}”，只能填“男”或“女”")
    return sex
