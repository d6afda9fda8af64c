<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>CheckpointsPage</name>
    <message>
        <source>卡点拦查车辆的登记：车牌、驾驶人、随车人员、来去地、体温、是否消杀、放行或劝返。</source>
        <translation>Log of vehicles stopped at checkpoints: plate, driver, people aboard, where from and where to, temperatures, disinfection, let through or turned back.</translation>
    </message>
    <message>
        <source>卡点登记</source>
        <translation>Checkpoints</translation>
    </message>
</context>
</TS>
