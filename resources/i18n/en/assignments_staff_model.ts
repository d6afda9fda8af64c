<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>StaffTableModel</name>
    <message>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>角色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在岗</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>包保人数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>目前负责 {count} 名在管人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>离岗</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
