<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>TodayPage</name>
    <message>
        <source>今天要做的事：该测的体温、待处置的异常、期满该解除的人员，以及今天的日报告。</source>
        <translation>What is due today: temperatures to take, anomalies to handle, people due for release, and today&apos;s daily report.</translation>
    </message>
    <message>
        <source>今日</source>
        <translation>Today</translation>
    </message>
</context>
</TS>
