<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>PassLogModel</name>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>方向</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>车牌</source>
        <translation>Plate</translation>
    </message>
    <message>
        <source>驾驶员</source>
        <translation>Driver</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <source>来源地</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>目的地</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>体温</source>
        <translation>Temp.</translation>
    </message>
    <message>
        <source>消毒</source>
        <translation>Disinf.</translation>
    </message>
    <message>
        <source>处置</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>体温异常：{action}</source>
        <translation>Fever: {action}</translation>
    </message>
    <message>
        <source>{names} 已转入台账</source>
        <translation>{names} moved to the roster</translation>
    </message>
    <message>
        <source>{name}：身份证号 {id}，体温 {temperature}</source>
        <translation>{name}: ID {id}, temperature {temperature}</translation>
    </message>
    <message>
        <source>事由：{purpose}</source>
        <translation>Purpose: {purpose}</translation>
    </message>
</context>
</TS>
