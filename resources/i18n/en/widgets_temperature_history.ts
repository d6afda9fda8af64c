<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ReadingHistoryModel</name>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>时段</source>
        <translation>Slot</translation>
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
        <source>登记时间</source>
        <translation>Recorded at</translation>
    </message>
    <message>
        <source>更正记录</source>
        <translation>Corrections</translation>
    </message>
    <message>
        <source>上午</source>
        <translation>Morning</translation>
    </message>
    <message>
        <source>下午</source>
        <translation>Afternoon</translation>
    </message>
    <message>
        <source>原 {value} ℃</source>
        <translation>was {value} ℃</translation>
    </message>
    <message>
        <source>{at} {who}：{old} → {new} ℃</source>
        <translation>{at} {who}: {old} → {new} ℃</translation>
    </message>
</context>
<context>
    <name>TemperatureChart</name>
    <message>
        <source>选择一个人查看体温记录</source>
        <translation>Choose a person to see their temperatures</translation>
    </message>
    <message>
        <source>观察期内还没有体温记录</source>
        <translation>No temperatures recorded in the observation period yet</translation>
    </message>
    <message>
        <source>发热线 {value} ℃</source>
        <translation>Fever line {value} ℃</translation>
    </message>
    <message>
        <source>
测量人：{name}</source>
        <translation>
Measured by: {name}</translation>
    </message>
</context>
<context>
    <name>TemperatureHistoryWidget</name>
    <message>
        <source>选择一个人查看体温记录。</source>
        <translation>Choose a person to see their temperatures.</translation>
    </message>
    <message>
        <source>{name}&#x3000;观察期 {period}&#x3000;已测 {count} 次，发热 {fevers} 次，漏测 {missing} 次</source>
        <translation>{name}   Observation {period}   {count} readings, {fevers} fevers, {missing} missed</translation>
    </message>
</context>
</TS>
