<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>StaffTableModel</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>在岗</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>包保人数</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>目前负责 {count} 名在管人员</source>
        <translation>Currently responsible for {count} people under management</translation>
    </message>
    <message>
        <source>离岗</source>
        <translation>Left</translation>
    </message>
</context>
</TS>
