<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ReadingHistoryModel</name>
    <message>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>时段</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>体温(℃)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>症状</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>测量人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>登记时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>更正记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原 {value} ℃</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{at} {who}：{old} → {new} ℃</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TemperatureChart</name>
    <message>
        <source>选择一个人查看体温记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>观察期内还没有体温记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>发热线 {value} ℃</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
测量人：{name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TemperatureHistoryWidget</name>
    <message>
        <source>选择一个人查看体温记录。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}&#x3000;观察期 {period}&#x3000;已测 {count} 次，发热 {fevers} 次，漏测 {missing} 次</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
