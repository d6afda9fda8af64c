<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>RosterTableModel</name>
    <message>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>性别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>年龄</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人员类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>管控措施</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>计划解除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>包保</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>缺 {roles}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已落实</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>缺少：{roles}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未分配包保人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按此列不能排序</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在管</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已结束</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
