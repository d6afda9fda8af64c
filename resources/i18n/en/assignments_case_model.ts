<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>CaseCoverageModel</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation>Village group</translation>
    </message>
    <message>
        <source>管控措施</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>计划解除</source>
        <translation>Planned release</translation>
    </message>
    <message>
        <source>包保情况</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <source>“—”表示该人员的管控措施不要求这个角色</source>
        <translation>&quot;—&quot; means the person&apos;s measure does not require this role</translation>
    </message>
    <message>
        <source>{name} 电话：{phone}</source>
        <translation>{name} phone: {phone}</translation>
    </message>
    <message>
        <source>未留电话</source>
        <translation>no phone given</translation>
    </message>
    <message>
        <source>缺{role}：请分配</source>
        <translation>No {role}: please assign one</translation>
    </message>
    <message>
        <source>{measure}不要求{role}</source>
        <translation>{measure} does not require a {role}</translation>
    </message>
    <message>
        <source>缺 {roles}</source>
        <translation>Missing {roles}</translation>
    </message>
    <message>
        <source>齐全</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>无需包保</source>
        <translation>Not required</translation>
    </message>
    <message>
        <source>{measure}不要求包保</source>
        <translation>{measure} requires no responsible staff</translation>
    </message>
</context>
</TS>
