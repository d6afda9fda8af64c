<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>StartupShell</name>
    <message>
        <source>正在打开台账…</source>
        <translation>Opening the ledger…</translation>
    </message>
</context>
</TS>
