<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>PolicySettingsForm</name>
    <message>
        <source>自然日（24:00）</source>
        <translation>Calendar day (24:00)</translation>
    </message>
    <message>
        <source>观察期第1天为开始当天（否则从次日算起）</source>
        <translation>Day 1 of observation is the start day (otherwise the day after)</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source>不锁定</source>
        <translation>Never lock</translation>
    </message>
    <message>
        <source>每次启动时自动备份</source>
        <translation>Back up automatically at every start</translation>
    </message>
    <message>
        <source>日报表增加“当日应检、当日已检、当日阳性”三列</source>
        <translation>Daily report: add the columns tests due, tested and positive</translation>
    </message>
    <message>
        <source>发热判定体温（℃）</source>
        <translation>Fever threshold (℃)</translation>
    </message>
    <message>
        <source>体温达到或超过这个数值即为发热，需要当即报告处置。</source>
        <translation>A temperature at or above this value is a fever and must be reported and handled at once.</translation>
    </message>
    <message>
        <source>统计截止时间（24:00 为自然日）</source>
        <translation>Statistical cut-off (24:00 = calendar day)</translation>
    </message>
    <message>
        <source>例如 15:00：当天 15:00 以后登记的人员和卡点记录计入次日的日报。</source>
        <translation>E.g. 15:00: people and checkpoint records registered after 15:00 count in the next day&apos;s report.</translation>
    </message>
    <message>
        <source>未写明管控措施时的默认措施</source>
        <translation>Default measure when none is given</translation>
    </message>
    <message>
        <source>上午体温截止时间</source>
        <translation>Morning readings due by</translation>
    </message>
    <message>
        <source>下午体温截止时间</source>
        <translation>Afternoon readings due by</translation>
    </message>
    <message>
        <source>过了截止时间还没测体温的人员，会在“今日”页提示为漏测。</source>
        <translation>People without a reading after this time are shown as missed on the Today page.</translation>
    </message>
    <message>
        <source>日报报送截止时间（每日）</source>
        <translation>Daily report deadline (every day)</translation>
    </message>
    <message>
        <source>“今日”页提示：每日此时间前报送日报，是否已导出。</source>
        <translation>The Today page shows this deadline and whether the report went out.</translation>
    </message>
    <message>
        <source>无操作自动锁定（分钟，0 为不锁定）</source>
        <translation>Lock after inactivity (minutes, 0 = never)</translation>
    </message>
    <message>
        <source>乡镇要求上报核酸检测数时才勾选；不勾选则日报表格式不变。</source>
        <translation>Tick only when the township asks for test numbers; unticked, the daily report keeps its layout.</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>上午体温截止时间应早于下午体温截止时间。</source>
        <translation>The morning deadline must be earlier than the afternoon deadline.</translation>
    </message>
    <message>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>没有改动。</source>
        <translation>Nothing changed.</translation>
    </message>
</context>
</TS>
