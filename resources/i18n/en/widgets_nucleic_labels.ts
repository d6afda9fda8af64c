<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>TestValues</name>
    <message>
        <source>阴性</source>
        <translation>Negative</translation>
    </message>
    <message>
        <source>阳性</source>
        <translation>Positive</translation>
    </message>
    <message>
        <source>待出</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>未检</source>
        <translation>Not tested</translation>
    </message>
    <message>
        <source>全员核酸</source>
        <translation>Village-wide round</translation>
    </message>
    <message>
        <source>第{number}天</source>
        <translation>Day {number}</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>第{days}天</source>
        <translation>Days {days}</translation>
    </message>
</context>
</TS>
