<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>DateField</name>
    <message>
        <source>如 2022-02-03</source>
        <translation>e.g. 2022-02-03</translation>
    </message>
    <message>
        <source>选择日期</source>
        <translation>Pick a date</translation>
    </message>
    <message>
        <source>不能为空，请写成 2022-02-03</source>
        <translation>is required, write it as 2022-02-03</translation>
    </message>
</context>
</TS>
