<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>pages</name>
    <message>
        <source>今日</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>人员台账</source>
        <translation>Roster</translation>
    </message>
    <message>
        <source>体温登记</source>
        <translation>Temperatures</translation>
    </message>
    <message>
        <source>核酸检测</source>
        <translation>Nucleic-acid tests</translation>
    </message>
    <message>
        <source>包保分配</source>
        <translation>Assignments</translation>
    </message>
    <message>
        <source>卡点登记</source>
        <translation>Checkpoints</translation>
    </message>
    <message>
        <source>报表导出</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>操作留痕</source>
        <translation>Audit trail</translation>
    </message>
</context>
</TS>
