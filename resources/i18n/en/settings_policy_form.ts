<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>PolicySettingsForm</name>
    <message>
        <source>自然日（24:00）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>观察期第1天为开始当天（否则从次日算起）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不锁定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>每次启动时自动备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>发热判定体温（℃）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>体温达到或超过这个数值即为发热，需要当即报告处置。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>统计截止时间（24:00 为自然日）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>例如 15:00：当天 15:00 以后登记的人员和卡点记录计入次日的日报。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未写明管控措施时的默认措施</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上午体温截止时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>下午体温截止时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>过了截止时间还没测体温的人员，会在“今日”页提示为漏测。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无操作自动锁定（分钟，0 为不锁定）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>放弃修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上午体温截止时间应早于下午体温截止时间。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已保存。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有改动。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
