<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AnomalyListWidget</name>
    <message>
        <source>记录处置(&amp;R)</source>
        <translation>&amp;Record action</translation>
    </message>
    <message>
        <source>关闭异常(&amp;C)</source>
        <translation>&amp;Close anomaly</translation>
    </message>
    <message>
        <source>未关闭的异常（{count}）</source>
        <translation>Open anomalies ({count})</translation>
    </message>
</context>
<context>
    <name>AnomalyTableModel</name>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>情况</source>
        <translation>Observed</translation>
    </message>
    <message>
        <source>处置</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>处置：{action}（{who} {at}）</source>
        <translation>Action: {action} ({who} {at})</translation>
    </message>
    <message>
        <source>待处置</source>
        <translation>To handle</translation>
    </message>
</context>
</TS>
