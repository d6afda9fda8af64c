<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AnomalyKind</name>
    <message>
        <source>发热</source>
        <translation>Fever</translation>
    </message>
    <message>
        <source>症状</source>
        <translation>Symptoms</translation>
    </message>
    <message>
        <source>漏测</source>
        <translation>Missed reading</translation>
    </message>
    <message>
        <source>卡点体温异常</source>
        <translation>Fever at checkpoint</translation>
    </message>
    <message>
        <source>核酸阳性</source>
        <translation>Positive test</translation>
    </message>
</context>
</TS>
