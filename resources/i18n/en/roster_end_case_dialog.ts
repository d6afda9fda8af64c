<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>EndCaseDialog</name>
    <message>
        <source>解除/结束管控</source>
        <translation>End management</translation>
    </message>
    <message>
        <source>{start} 起</source>
        <translation>from {start}</translation>
    </message>
    <message>
        <source>，计划 {end} 解除</source>
        <translation>, planned end {end}</translation>
    </message>
    <message>
        <source>{name}（{group}）· {measure} · {period}</source>
        <translation>{name} ({group}) · {measure} · {period}</translation>
    </message>
    <message>
        <source>未填组别</source>
        <translation>no group</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>如 送县人民医院发热门诊</source>
        <translation>e.g. sent to the county hospital fever clinic</translation>
    </message>
    <message>
        <source>结束原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>结束日期：{end} 早于开始日期（{start}），请核对</source>
        <translation>End date: {end} is before the start date ({start}), please check</translation>
    </message>
</context>
</TS>
