<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ReadingsTable</name>
    <message>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>时段</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>体温 ℃</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>症状</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>测量人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上午</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>下午</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 {count} 次体温记录，异常 {fevers} 次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>还没有体温记录</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
