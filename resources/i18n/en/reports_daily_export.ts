<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>daily_export</name>
    <message>
        <source>保存零报告</source>
        <translation>Save zero report</translation>
    </message>
    <message>
        <source>保存日报表</source>
        <translation>Save daily report</translation>
    </message>
    <message>
        <source>正在导出日报表…</source>
        <translation>Exporting the daily report…</translation>
    </message>
</context>
</TS>
