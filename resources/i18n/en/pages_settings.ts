<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>SettingsPage</name>
    <message>
        <source>填报单位信息、人员类别、管控措施与观察天数、包保角色、发热判定标准和自动备份。</source>
        <translation>Reporting unit, person categories, measures and observation days, responsibility roles, fever threshold and automatic backup.</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
</context>
</TS>
