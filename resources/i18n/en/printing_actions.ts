<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>notice_actions</name>
    <message>
        <source>打印告知书</source>
        <translation>Print admission notice</translation>
    </message>
    <message>
        <source>打印门贴</source>
        <translation>Print door sign</translation>
    </message>
    <message>
        <source>打印解除通知书</source>
        <translation>Print release notice</translation>
    </message>
</context>
</TS>
