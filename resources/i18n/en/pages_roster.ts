<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>RosterPage</name>
    <message>
        <source>排查登记的人员，以及每人的管控措施、观察期和解除情况。</source>
        <translation>The people registered in screening, with each person&apos;s measure, observation period and release.</translation>
    </message>
    <message>
        <source>人员台账</source>
        <translation>Roster</translation>
    </message>
</context>
</TS>
