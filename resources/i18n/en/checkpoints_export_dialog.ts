<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ExportRangeDialog</name>
    <message>
        <source>导出卡点车辆登记表</source>
        <translation>Export the checkpoint vehicle log</translation>
    </message>
    <message>
        <source>全部卡点</source>
        <translation>All checkpoints</translation>
    </message>
    <message>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <source>到</source>
        <translation>To</translation>
    </message>
    <message>
        <source>卡点</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <source>选择保存位置…</source>
        <translation>Choose where to save…</translation>
    </message>
</context>
</TS>
