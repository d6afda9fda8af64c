<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>CheckpointValues</name>
    <message>
        <source>进</source>
        <translation>In</translation>
    </message>
    <message>
        <source>出</source>
        <translation>Out</translation>
    </message>
    <message>
        <source>小型汽车</source>
        <translation>Car</translation>
    </message>
    <message>
        <source>货车</source>
        <translation>Truck</translation>
    </message>
    <message>
        <source>客车</source>
        <translation>Bus</translation>
    </message>
    <message>
        <source>摩托车</source>
        <translation>Motorcycle</translation>
    </message>
    <message>
        <source>电动车</source>
        <translation>E-bike</translation>
    </message>
    <message>
        <source>农用车</source>
        <translation>Farm vehicle</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>放行</source>
        <translation>Let through</translation>
    </message>
    <message>
        <source>登记后放行</source>
        <translation>Registered and let through</translation>
    </message>
    <message>
        <source>劝返</source>
        <translation>Turned back</translation>
    </message>
    <message>
        <source>上报</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>乡级</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>村级</source>
        <translation>Village</translation>
    </message>
</context>
</TS>
