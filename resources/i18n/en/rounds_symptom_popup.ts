<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>SymptomPopup</name>
    <message>
        <source>症状：按数字键勾选，Enter 确定，Esc 取消</source>
        <translation>Symptoms: digit keys tick, Enter keeps, Esc cancels</translation>
    </message>
</context>
</TS>
