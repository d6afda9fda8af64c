<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ShiftBar</name>
    <message>
        <source>必填，如 张三、李四</source>
        <translation>Required, e.g. Zhang San, Li Si</translation>
    </message>
    <message>
        <source>换班</source>
        <translation>New shift</translation>
    </message>
    <message>
        <source>新的一班：本班统计从现在算起，并填写值守人员</source>
        <translation>Start a new shift: shift totals count from now; fill in who is on duty</translation>
    </message>
    <message>
        <source>卡点</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <source>值守人员 *</source>
        <translation>On duty *</translation>
    </message>
    <message>
        <source>本班自 {time}</source>
        <translation>Shift since {time}</translation>
    </message>
</context>
</TS>
