<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>RosterTableModel</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>年龄</source>
        <translation>Age</translation>
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
        <source>村民小组</source>
        <translation>Village group</translation>
    </message>
    <message>
        <source>人员类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>管控措施</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>计划解除</source>
        <translation>Planned end</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>包保</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>缺 {roles}</source>
        <translation>Missing {roles}</translation>
    </message>
    <message>
        <source>已落实</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>缺少：{roles}</source>
        <translation>Missing: {roles}</translation>
    </message>
    <message>
        <source>未分配包保人员</source>
        <translation>No staff assigned</translation>
    </message>
    <message>
        <source>按此列不能排序</source>
        <translation>This column cannot be sorted</translation>
    </message>
    <message>
        <source>已删除</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>在管</source>
        <translation>Under management</translation>
    </message>
    <message>
        <source>已结束</source>
        <translation>Ended</translation>
    </message>
</context>
</TS>
