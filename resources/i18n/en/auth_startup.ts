<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>auth_startup</name>
    <message>
        <source>锁定</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>离开电脑时锁定台账（{key}）</source>
        <translation>Lock the ledger when you leave the computer ({key})</translation>
    </message>
</context>
</TS>
