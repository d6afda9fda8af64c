"""Tests for app.models.validation: the rules every form, import and command share."""

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from app.models.validation import (
    DEFAULT_FEVER_THRESHOLD,
    PROVINCE_ABBREVIATIONS,
    TEMPERATURE_MAX,
    TEMPERATURE_MIN,
    Plate,
    PlateKind,
    ResidentId,
    ValidationError,
    check_period,
    is_fever,
    normalize_mobile_or_landline,
    normalize_plate_text,
    optional_text,
    parse_date,
    parse_plate,
    parse_resident_id,
    parse_sex,
    parse_temperature,
    require_text,
    resident_id_check_char,
    temperature_needs_confirmation,
)

TODAY = dt.date(2022, 3, 1)

# Written out independently of the module so that the tests check the standard, not themselves.
GB11643_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def expected_check_char(body17: str) -> str:
    return "10X98765432"[sum(int(c) * w for c, w in zip(body17, GB11643_WEIGHTS, strict=True)) % 11]


def refused(func: Callable[[], object]) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        func()
    return info.value


# ---------------------------------------------------------------------------------------------
# ValidationError
# ---------------------------------------------------------------------------------------------


def test_validation_error_formats_field_and_message() -> None:
    err = ValidationError("身份证号", "校验位不对，请核对是否抄错")
    assert isinstance(err, ValueError)
    assert err.field == "身份证号"
    assert err.message == "校验位不对，请核对是否抄错"
    assert str(err) == "身份证号：校验位不对，请核对是否抄错"


def test_validation_error_survives_pickling() -> None:
    err = pickle.loads(pickle.dumps(ValidationError("体温", "不能为空")))
    assert (err.field, err.message, str(err)) == ("体温", "不能为空", "体温：不能为空")


# ---------------------------------------------------------------------------------------------
# 身份证号
# ---------------------------------------------------------------------------------------------


def test_valid_ids_from_the_standard() -> None:
    assert parse_resident_id("11010519491231002X", today=TODAY) == ResidentId(
        number="11010519491231002X",
        birth_date=dt.date(1949, 12, 31),
        sex="女",
        upgraded_from_15=False,
    )
    assert parse_resident_id("440524188001010014", today=TODAY) == ResidentId(
        number="440524188001010014",
        birth_date=dt.date(1880, 1, 1),
        sex="男",
        upgraded_from_15=False,
    )


def test_fifteen_digit_legacy_id_is_upgraded() -> None:
    result = parse_resident_id("130503670401001", today=TODAY)
    assert result.number == "130503196704010016"
    assert result.birth_date == dt.date(1967, 4, 1)
    assert result.sex == "男"
    assert result.upgraded_from_15 is True


@pytest.mark.parametrize(
    "raw",
    [
        "11010519491231002x",
        " 110105 19491231 002X ",
        "１１０１０５１９４９１２３１００２Ｘ",
        "１１０１０５１９４９１２３１００２ｘ",
        "\u3000110105194912310 02X\u200b",
    ],
)
def test_id_spaces_full_width_and_lowercase_x_are_normalised(raw: str) -> None:
    assert parse_resident_id(raw, today=TODAY).number == "11010519491231002X"


def test_id_stored_by_excel_as_int_is_accepted() -> None:
    assert parse_resident_id(440524188001010014, today=TODAY).number == "440524188001010014"


def test_fifteen_digit_id_stored_as_float_survives() -> None:
    assert parse_resident_id(130503670401001.0, today=TODAY).number == "130503196704010016"


def test_id_stored_as_float_lost_digits_and_is_refused() -> None:
    err = refused(lambda: parse_resident_id(float("440524188001010014"), today=TODAY))
    assert err.field == "身份证号"
    assert "丢失" in err.message
    assert "文本" in err.message


def test_non_integral_float_is_not_an_id() -> None:
    assert refused(lambda: parse_resident_id(1234.5, today=TODAY)).field == "身份证号"


def test_hong_kong_macau_taiwan_residence_permits_are_accepted() -> None:
    for area in ("810000", "820000", "830000"):
        body = f"{area}19900101002"
        number = body + expected_check_char(body)
        result = parse_resident_id(number, today=TODAY)
        assert result.number == number
        assert result.birth_date == dt.date(1990, 1, 1)
        assert result.sex == "女"


def test_impossible_birth_date_is_refused() -> None:
    body = "11010519990230001"
    err = refused(lambda: parse_resident_id(body + expected_check_char(body), today=TODAY))
    assert "出生日期" in err.message
    assert "19990230" in err.message


def test_birth_year_outside_1800_to_2099_is_refused() -> None:
    body = "11010517990101001"
    err = refused(lambda: parse_resident_id(body + expected_check_char(body), today=TODAY))
    assert "出生日期" in err.message


def test_future_birth_date_is_refused() -> None:
    body = "11010520220302001"
    number = body + expected_check_char(body)
    err = refused(lambda: parse_resident_id(number, today=TODAY))
    assert "晚于今天" in err.message
    # The same number is fine once that day has come.
    assert parse_resident_id(number, today=dt.date(2022, 3, 2)).birth_date == dt.date(2022, 3, 2)


def test_wrong_check_digit_is_refused_without_revealing_it() -> None:
    err = refused(lambda: parse_resident_id("110105194912310021", today=TODAY))
    assert err.message == "校验位不对，请核对是否抄错"
    assert "X" not in err.message


@pytest.mark.parametrize("raw", ["1101051949123100", "11010519491231002X1", "1234"])
def test_wrong_length_id_is_refused(raw: str) -> None:
    err = refused(lambda: parse_resident_id(raw, today=TODAY))
    assert "位数不对" in err.message
    assert str(len(raw)) in err.message


@pytest.mark.parametrize("raw", ["11010519491231002Y", "1101051949x231002X", "张三"])
def test_wrong_characters_in_id_are_refused(raw: str) -> None:
    assert "字符" in refused(lambda: parse_resident_id(raw, today=TODAY)).message


@pytest.mark.parametrize("raw", ["1101051949X2310021", "13050367040100X"])
def test_x_anywhere_but_the_end_of_18_digits_is_refused(raw: str) -> None:
    assert "X 只能出现在" in refused(lambda: parse_resident_id(raw, today=TODAY)).message


def test_area_code_cannot_start_with_zero() -> None:
    body = "01010519491231002"
    err = refused(lambda: parse_resident_id(body + expected_check_char(body), today=TODAY))
    assert "地区码" in err.message


@pytest.mark.parametrize("raw", [None, "", "   ", "\u3000"])
def test_empty_id_is_refused(raw: object) -> None:
    assert "不能为空" in refused(lambda: parse_resident_id(raw, today=TODAY)).message


def test_id_error_messages_are_distinct() -> None:
    future = "11010520300101001"
    impossible = "11010519990230001"
    messages = {
        refused(lambda: parse_resident_id("", today=TODAY)).message,
        refused(lambda: parse_resident_id("12345", today=TODAY)).message,
        refused(lambda: parse_resident_id(impossible + "0", today=TODAY)).message,
        refused(
            lambda: parse_resident_id(future + expected_check_char(future), today=TODAY)
        ).message,
        refused(lambda: parse_resident_id("110105194912310021", today=TODAY)).message,
        refused(lambda: parse_resident_id(4.4052418800101e17, today=TODAY)).message,
    }
    assert len(messages) == 6


def test_check_char_helper_matches_the_examples() -> None:
    assert resident_id_check_char("11010519491231002") == "X"
    assert resident_id_check_char("44052418800101001") == "4"
    with pytest.raises(ValueError):
        resident_id_check_char("1234")


@st.composite
def id_bodies(draw: st.DrawFn) -> tuple[str, dt.date]:
    area = draw(
        st.one_of(
            st.sampled_from(["810000", "820000", "830000"]),
            st.integers(100000, 999999).map(str),
        )
    )
    born = draw(st.dates(min_value=dt.date(1800, 1, 1), max_value=TODAY))
    sequence = draw(st.integers(0, 999))
    return f"{area}{born:%Y%m%d}{sequence:03d}", born


@given(id_bodies())
def test_any_valid_id_parses_and_any_other_check_char_is_refused(
    generated: tuple[str, dt.date],
) -> None:
    body, born = generated
    check = expected_check_char(body)
    result = parse_resident_id(body + check, today=TODAY)
    assert result.number == body + check
    assert result.birth_date == born
    assert result.sex == ("男" if int(body[16]) % 2 else "女")
    assert result.upgraded_from_15 is False
    for wrong in "0123456789X":
        if wrong != check:
            err = refused(lambda w=wrong: parse_resident_id(body + w, today=TODAY))
            assert err.message == "校验位不对，请核对是否抄错"


@given(
    area=st.integers(100000, 999999),
    born=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(1999, 12, 31)),
    sequence=st.integers(0, 999),
)
def test_any_legacy_id_upgrades_to_a_valid_18_digit_id(
    area: int, born: dt.date, sequence: int
) -> None:
    legacy = f"{area}{born:%y%m%d}{sequence:03d}"
    result = parse_resident_id(legacy, today=TODAY)
    body = f"{area}{born:%Y%m%d}{sequence:03d}"
    assert result.number == body + expected_check_char(body)
    assert result.birth_date == born
    assert result.upgraded_from_15 is True
    assert result.sex == ("男" if sequence % 2 else "女")
    # An upgraded number is itself valid and stable.
    assert parse_resident_id(result.number, today=TODAY).number == result.number


# ---------------------------------------------------------------------------------------------
# 联系电话
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("13800138000", "13800138000"),
        ("+86 138 0013 8000", "13800138000"),
        ("0086 13800138000", "13800138000"),
        ("86 13800138000", "13800138000"),
        ("+86-138-0013-8000", "13800138000"),
        ("138-0013-8000", "13800138000"),
        ("１３８００１３８０００", "13800138000"),
        (13800138000, "13800138000"),
        (13800138000.0, "13800138000"),
        ("057788001234", "0577-88001234"),
        ("0577-88001234", "0577-88001234"),
        ("0577 8800123", "0577-8800123"),
        ("（0577）88001234", "0577-88001234"),
        ("010-12345678", "010-12345678"),
        ("01012345678", "010-12345678"),
        ("020 12345678", "020-12345678"),
        ("０２１－１２３４５６７８", "021-12345678"),
    ],
)
def test_phone_numbers_are_normalised(raw: object, expected: str) -> None:
    assert normalize_mobile_or_landline(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "12800138000",  # no mobile starts with 12
        "1380013800",  # 10 digits
        "138001380001",  # 12 digits
        "+86 0577 88001234",  # the country prefix is only stripped before a mobile
        "0577-880012",  # subscriber number too short
        "0577-8800-1234",  # more than one hyphen in a landline
        "57788001234",  # landline that lost its leading 0 in Excel
        "电话",
        True,
    ],
)
def test_bad_phone_numbers_are_refused(raw: object) -> None:
    err = refused(lambda: normalize_mobile_or_landline(raw))
    assert err.field == "联系电话"
    assert "0577-88001234" in err.message


@pytest.mark.parametrize("raw", [None, "", "  "])
def test_empty_phone_is_refused(raw: object) -> None:
    assert refused(lambda: normalize_mobile_or_landline(raw)).message == "不能为空"


# ---------------------------------------------------------------------------------------------
# 车牌号
# ---------------------------------------------------------------------------------------------


def test_there_are_31_distinct_province_abbreviations() -> None:
    assert len(PROVINCE_ABBREVIATIONS) == 31
    assert set(PROVINCE_ABBREVIATIONS) == set(
        "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
    )


@pytest.mark.parametrize(
    ("raw", "text", "kind"),
    [
        ("浙C12345", "浙C12345", PlateKind.ORDINARY),
        ("京A0B1C2", "京A0B1C2", PlateKind.ORDINARY),
        ("浙AD12345", "浙AD12345", PlateKind.NEW_ENERGY_SMALL),
        ("浙AFA1234", "浙AFA1234", PlateKind.NEW_ENERGY_SMALL),
        ("浙A12345D", "浙A12345D", PlateKind.NEW_ENERGY_LARGE),
        ("浙A1234学", "浙A1234学", PlateKind.SPECIAL),
        ("浙A1234挂", "浙A1234挂", PlateKind.SPECIAL),
        ("沪A0001警", "沪A0001警", PlateKind.SPECIAL),
        ("京A1234领", "京A1234领", PlateKind.SPECIAL),
        ("粤Z1234港", "粤Z1234港", PlateKind.HK_MACAU),
        ("粤ZA123澳", "粤ZA123澳", PlateKind.HK_MACAU),
        ("浙Ｃ·１２３４５", "浙C12345", PlateKind.ORDINARY),
        ("浙c-12345", "浙C12345", PlateKind.ORDINARY),
        (" 浙 A • D12345 ", "浙AD12345", PlateKind.NEW_ENERGY_SMALL),
        ("浙ａ．１２３４５ｄ", "浙A12345D", PlateKind.NEW_ENERGY_LARGE),
    ],
)
def test_each_plate_kind_is_recognised(raw: str, text: str, kind: PlateKind) -> None:
    assert parse_plate(raw) == Plate(text=text, kind=kind)


def test_every_province_is_accepted() -> None:
    for province in PROVINCE_ABBREVIATIONS:
        assert parse_plate(f"{province}B12345").kind is PlateKind.ORDINARY


def test_plate_with_letter_i_or_o_is_refused() -> None:
    err = refused(lambda: parse_plate("浙CI2345"))
    assert err.field == "车牌号"
    assert "I" in err.message
    assert "其他号牌" in err.message
    assert "O" in refused(lambda: parse_plate("浙C0O123")).message


@pytest.mark.parametrize("raw", ["XA12345", "AB12345", "港A12345"])
def test_plate_with_unknown_province_is_refused(raw: str) -> None:
    err = refused(lambda: parse_plate(raw))
    assert "省份简称" in err.message
    assert "其他号牌" in err.message


@pytest.mark.parametrize("raw", ["浙C1234", "浙C123456789", "浙"])
def test_plate_of_wrong_length_is_refused(raw: str) -> None:
    err = refused(lambda: parse_plate(raw))
    assert "位数不对" in err.message
    assert str(len(raw)) in err.message


def test_plate_with_i_as_authority_letter_is_refused() -> None:
    assert "第二位" in refused(lambda: parse_plate("浙I12345")).message


def test_hong_kong_suffix_outside_guangdong_z_is_refused() -> None:
    assert "粤Z" in refused(lambda: parse_plate("浙Z1234港")).message


def test_nev_letter_in_wrong_place_is_refused() -> None:
    # 8 characters, but the energy letter must be third (small) or last (large).
    assert refused(lambda: parse_plate("浙A1D12345")).field == "车牌号"


@pytest.mark.parametrize("raw", [None, "", " · "])
def test_empty_plate_is_refused(raw: object) -> None:
    assert refused(lambda: parse_plate(raw)).message == "不能为空"
    assert refused(lambda: parse_plate(raw, other=True)).message == "不能为空"


def test_other_plate_accepts_military_and_temporary_plates() -> None:
    assert parse_plate("WJ12345", other=True) == Plate(text="WJ12345", kind=PlateKind.OTHER)
    assert parse_plate("wj 1234 5", other=True).text == "WJ12345"
    assert parse_plate("临时 浙A-1234X", other=True).text == "临时浙A1234X"
    # Without the explicit choice the same text is refused.
    assert "其他号牌" in refused(lambda: parse_plate("WJ12345")).message


def test_other_plate_length_is_limited() -> None:
    assert parse_plate("AB", other=True).text == "AB"
    assert parse_plate("A" * 12, other=True).text == "A" * 12
    assert refused(lambda: parse_plate("A", other=True)).field == "车牌号"
    assert refused(lambda: parse_plate("A" * 13, other=True)).field == "车牌号"


PLATE_ALPHABET = st.sampled_from(
    [*"浙京粤港学挂AaBbIiOoZz0123456789·•・.-－．\u3000 \t", "ａ", "Ｚ", "９", "ß", "ﬀ"]
)


@given(st.one_of(st.text(), st.text(PLATE_ALPHABET)))
def test_normalize_plate_text_is_idempotent(raw: str) -> None:
    once = normalize_plate_text(raw)
    assert normalize_plate_text(once) == once


@given(
    st.sampled_from(PROVINCE_ABBREVIATIONS),
    st.text("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", min_size=5, max_size=5),
    st.sampled_from("ABCDEFGHJKLMNOPQRSTUVWXYZ"),
)
def test_any_ordinary_plate_round_trips(province: str, serial: str, authority: str) -> None:
    plate = parse_plate(f"{province}{authority}·{serial.lower()}")
    assert plate == Plate(text=f"{province}{authority}{serial}", kind=PlateKind.ORDINARY)


# ---------------------------------------------------------------------------------------------
# 体温
# ---------------------------------------------------------------------------------------------


def test_temperature_constants() -> None:
    assert str(TEMPERATURE_MIN) == "34.0"
    assert str(TEMPERATURE_MAX) == "43.0"
    assert str(DEFAULT_FEVER_THRESHOLD) == "37.3"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (36.55, 36.6),  # the float is 36.54999…, but the clerk typed 36.55
        (36.45, 36.5),
        ("36.5", 36.5),
        ("37.3℃", 37.3),
        (" 36.5 ", 36.5),
        ("36,5", 36.5),
        ("３６．５", 36.5),
        ("36.5 °C", 36.5),
        ("36.5度", 36.5),
        (37, 37.0),
        (Decimal("38.25"), 38.3),
        ("34", 34.0),
        ("43.0", 43.0),
        ("43.04", 43.0),
    ],
)
def test_temperatures_are_parsed_and_rounded_half_up(raw: object, expected: float) -> None:
    assert parse_temperature(raw) == expected


@pytest.mark.parametrize(("raw", "shown"), [(33.9, "33.9"), (43.1, "43.1"), ("98.6", "98.6")])
def test_temperature_out_of_range_is_refused(raw: object, shown: str) -> None:
    err = refused(lambda: parse_temperature(raw))
    assert err.field == "体温"
    assert err.message == f"体温 {shown} ℃ 超出 34.0–43.0 ℃ 的范围，请核对"


@pytest.mark.parametrize("raw", ["abc", "36.5.1", "三十六度", "nan", "inf", float("nan"), True])
def test_non_numeric_temperature_is_refused(raw: object) -> None:
    err = refused(lambda: parse_temperature(raw))
    assert err.field == "体温"
    assert "不是数字" in err.message


@pytest.mark.parametrize("raw", [None, "", "  "])
def test_empty_temperature_is_refused(raw: object) -> None:
    assert refused(lambda: parse_temperature(raw)).message == "不能为空"


def test_absurdly_long_temperature_is_refused_not_crashing() -> None:
    assert "超出" in refused(lambda: parse_temperature(10**40)).message


@given(st.integers(340, 430), st.sampled_from(["", "℃", " ℃", "°C"]))
def test_temperature_in_range_round_trips_through_text(tenths: int, unit: str) -> None:
    assert parse_temperature(f"{tenths // 10}.{tenths % 10}{unit}") == tenths / 10


@given(st.floats(min_value=34.0, max_value=43.0))
def test_any_float_in_range_parses_to_the_nearest_tenth(value: float) -> None:
    result = parse_temperature(str(value))
    expected = Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    assert result == float(expected)
    assert abs(result - value) <= 0.05 + 1e-9
    assert parse_temperature(result) == result


@pytest.mark.parametrize(
    ("value", "needed"),
    [
        (34.9, False),
        (35.0, True),
        (35.5, True),
        (35.9, True),
        (36.0, False),
        (37.3, False),
        (40.4, False),
        (40.5, True),
        (42.0, True),
    ],
)
def test_temperature_needs_confirmation(value: float, needed: bool) -> None:
    assert temperature_needs_confirmation(value) is needed


def test_is_fever_compares_tenths() -> None:
    assert is_fever(37.3)
    assert not is_fever(37.2)
    assert is_fever(0.1 + 37.2)  # 37.300000000000004 in binary, still 37.3
    assert is_fever(37.29999999999)
    assert not is_fever(37.5, threshold=37.6)
    assert is_fever(37.6, threshold=37.6)
    assert is_fever(37.3, threshold=DEFAULT_FEVER_THRESHOLD)


# ---------------------------------------------------------------------------------------------
# 日期
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        dt.date(2022, 2, 3),
        dt.datetime(2022, 2, 3, 10, 30),
        44595,
        44595.75,
        20220203,
        "2022-02-03",
        "2022/2/3",
        "2022.2.3",
        "2022年2月3日",
        "2022年02月03号",
        "2022年2月3日 10:30",
        "2022-02-03 10:30",
        "2022/2/3 10:30:00",
        "2022-02-03T10:30:00",
        "2022-02-03 10:30:00.000",
        "20220203",
        " 2022-02-03 ",
        "２０２２－０２－０３",
    ],
)
def test_dates_in_every_format(raw: object) -> None:
    assert parse_date(raw, today=TODAY) == dt.date(2022, 2, 3)


def test_parse_date_returns_a_plain_date_for_datetimes() -> None:
    result = parse_date(dt.datetime(2022, 2, 3, 23, 59), today=TODAY)
    assert type(result) is dt.date


@pytest.mark.parametrize(
    "raw",
    [
        "2022-02-30",
        "2022-13-01",
        "2022-2/3",
        "2022-02-03 25:00",
        "3/2/2022",
        "明天",
        "20220230",
        "00000101",
        19999,
        80001,
        12345,
        1.5,
        float("inf"),
        10**40,
        True,
    ],
)
def test_unrecognised_dates_are_refused(raw: object) -> None:
    err = refused(lambda: parse_date(raw, field="开始隔离时间", today=TODAY))
    assert err.field == "开始隔离时间"
    assert err.message.startswith("无法识别的日期")
    assert "2022-02-03" in err.message


@pytest.mark.parametrize("raw", [None, "", "  "])
def test_empty_date_is_refused(raw: object) -> None:
    assert "不能为空" in refused(lambda: parse_date(raw, today=TODAY)).message


def test_future_date_is_refused_unless_allowed() -> None:
    err = refused(lambda: parse_date("2022-03-02", today=TODAY))
    assert "晚于今天" in err.message
    assert parse_date("2022-03-01", today=TODAY) == TODAY
    assert parse_date("2022-03-02", today=TODAY, allow_future=True) == dt.date(2022, 3, 2)


def test_future_check_defaults_to_the_real_today() -> None:
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    assert refused(lambda: parse_date(tomorrow)).field == "日期"
    assert parse_date(dt.date.today()) == dt.date.today()


def test_check_period() -> None:
    check_period(dt.date(2022, 2, 3), None)
    check_period(dt.date(2022, 2, 3), dt.date(2022, 2, 3))
    check_period(dt.date(2022, 2, 3), dt.date(2022, 2, 17))
    err = refused(
        lambda: check_period(
            dt.date(2022, 2, 3), dt.date(2022, 2, 2), start_field="开始隔离", end_field="解除隔离"
        )
    )
    assert err.field == "解除隔离"
    assert "开始隔离" in err.message
    assert "2022-02-03" in err.message


# ---------------------------------------------------------------------------------------------
# 文字、性别
# ---------------------------------------------------------------------------------------------


def test_require_text() -> None:
    assert require_text("  张三 ", "姓名") == "张三"
    assert require_text(101.0, "门牌号") == "101"
    assert require_text("一" * 100, "姓名") == "一" * 100
    assert refused(lambda: require_text("\u3000 ", "姓名")).message == "不能为空"
    assert refused(lambda: require_text(None, "姓名")).field == "姓名"
    err = refused(lambda: require_text("一" * 11, "姓名", max_length=10))
    assert "10" in err.message
    assert "11" in err.message


def test_optional_text() -> None:
    assert optional_text(None) is None
    assert optional_text("   ") is None
    assert optional_text(" 无 ") == "无"
    assert optional_text("一" * 200) == "一" * 200
    err = refused(lambda: optional_text("一" * 201))
    assert "200" in err.message
    assert refused(lambda: optional_text("abc", max_length=2, field="症状说明")).field == "症状说明"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("男", "男"),
        ("女", "女"),
        (" 男性 ", "男"),
        ("女性", "女"),
        ("M", "男"),
        ("f", "女"),
        ("Male", "男"),
        ("FEMALE", "女"),
        ("Ｍ", "男"),
        (1, "男"),
        (2, "女"),
        ("1", "男"),
        (2.0, "女"),
        (None, None),
        ("", None),
        ("  ", None),
    ],
)
def test_parse_sex(raw: object, expected: str | None) -> None:
    assert parse_sex(raw) == expected


@pytest.mark.parametrize("raw", ["未知", "x", 3, 0, True])
def test_unknown_sex_is_refused(raw: object) -> None:
    err = refused(lambda: parse_sex(raw))
    assert err.field == "性别"
    assert "男" in err.message


# ---------------------------------------------------------------------------------------------
# Every refusal names its field
# ---------------------------------------------------------------------------------------------

ANY_CELL = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.text("0123456789Xx年月日-/.: ", max_size=25),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.booleans(),
)

PARSERS: dict[str, Callable[[object], object]] = {
    "身份证号": lambda raw: parse_resident_id(raw, today=TODAY),
    "联系电话": normalize_mobile_or_landline,
    "车牌号": parse_plate,
    "体温": parse_temperature,
    "观察日期": lambda raw: parse_date(raw, field="观察日期", today=TODAY),
    "姓名": lambda raw: require_text(raw, "姓名", max_length=10),
    "备注": lambda raw: optional_text(raw, max_length=10),
    "性别": parse_sex,
}


@given(st.sampled_from(sorted(PARSERS)), ANY_CELL)
def test_any_refusal_starts_with_its_field(field: str, raw: object) -> None:
    try:
        PARSERS[field](raw)
    except ValidationError as err:
        assert err.field == field
        assert err.message
        assert str(err).startswith(f"{field}：")
        assert str(err) == f"{field}：{err.message}"


@given(ANY_CELL)
def test_parse_plate_with_other_only_raises_validation_errors(raw: object) -> None:
    assume(raw is not None)
    try:
        plate = parse_plate(raw, other=True)
    except ValidationError as err:
        assert str(err).startswith("车牌号：")
    else:
        assert plate.kind is PlateKind.OTHER
        assert 2 <= len(plate.text) <= 12
