<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>CaseCoverageModel</name>
    <message>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>管控措施</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>计划解除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>包保情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“—”表示该人员的管控措施不要求这个角色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} 电话：{phone}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未留电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>缺{role}：请分配</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{measure}不要求{role}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>缺 {roles}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>齐全</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无需包保</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{measure}不要求包保</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
