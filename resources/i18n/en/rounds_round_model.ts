<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>RoundTableModel</name>
    <message>
        <source>村民小组</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>包保医护</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>体温(℃)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>症状</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>测量人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{symptoms}（待保存）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有症状，未测体温</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未测</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>发热、有症状</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>发热</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有症状</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正常</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>登记于 {time}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
