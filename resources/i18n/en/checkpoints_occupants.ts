<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>OccupantsEditor</name>
    <message>
        <source>添加乘车人(&amp;R)</source>
        <translation>Add passenge&amp;r</translation>
    </message>
    <message>
        <source>删除乘车人</source>
        <translation>Remove passenger</translation>
    </message>
</context>
<context>
    <name>OccupantsModel</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>体温</source>
        <translation>Temp.</translation>
    </message>
    <message>
        <source>台账</source>
        <translation>Roster</translation>
    </message>
    <message>
        <source>已转入台账</source>
        <translation>On the roster</translation>
    </message>
    <message>
        <source>请填写姓名</source>
        <translation>Please fill in the name</translation>
    </message>
</context>
</TS>
