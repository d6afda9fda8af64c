<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AssignmentsPage</name>
    <message>
        <source>为每位居家观察人员落实包保责任人（三包一：医护人员、村干部、乡镇干部）。</source>
        <translation>Give every person under home observation the staff responsible for them (three-to-one: a medical worker, a village cadre and a township cadre).</translation>
    </message>
    <message>
        <source>包保分配</source>
        <translation>Assignments</translation>
    </message>
</context>
</TS>
