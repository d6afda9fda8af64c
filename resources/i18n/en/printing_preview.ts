<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>NoticePreview</name>
    <message>
        <source>打印预览 — {title}</source>
        <translation>Print preview — {title}</translation>
    </message>
    <message>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
</context>
<context>
    <name>preview</name>
    <message>
        <source>{day} 没有开始居家隔离的人员，没有门贴可打印。</source>
        <translation>Nobody started home isolation on {day}: there are no door signs to print.</translation>
    </message>
</context>
</TS>
