<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>RoundsPage</name>
    <message>
        <source>居家观察人员每天上午、下午两次的体温和症状登记。</source>
        <translation>Twice-daily (morning and afternoon) temperatures and symptoms of people under home observation.</translation>
    </message>
    <message>
        <source>体温登记</source>
        <translation>Temperatures</translation>
    </message>
</context>
</TS>
