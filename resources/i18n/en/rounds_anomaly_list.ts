<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AnomalyListWidget</name>
    <message>
        <source>记录处置(&amp;R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭异常(&amp;C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未关闭的异常（{count}）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnomalyTableModel</name>
    <message>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>处置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>处置：{action}（{who} {at}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>待处置</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
