<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>RoundTableModel</name>
    <message>
        <source>村民小组</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>包保医护</source>
        <translation>Medical worker</translation>
    </message>
    <message>
        <source>体温(℃)</source>
        <translation>Temp. (℃)</translation>
    </message>
    <message>
        <source>症状</source>
        <translation>Symptoms</translation>
    </message>
    <message>
        <source>测量人</source>
        <translation>Measured by</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>{symptoms}（待保存）</source>
        <translation>{symptoms} (not saved yet)</translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <source>未测</source>
        <translation>Not measured</translation>
    </message>
    <message>
        <source>未测（有症状）</source>
        <translation>Not measured (symptoms)</translation>
    </message>
    <message>
        <source>发热、有症状</source>
        <translation>Fever, symptoms</translation>
    </message>
    <message>
        <source>发热</source>
        <translation>Fever</translation>
    </message>
    <message>
        <source>有症状</source>
        <translation>Symptoms</translation>
    </message>
    <message>
        <source>正常</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>登记于 {time}</source>
        <translation>Recorded {time}</translation>
    </message>
</context>
</TS>
