<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>app</name>
    <message>
        <source>无法使用数据目录 {path}：{error}</source>
        <translation>Cannot use the data folder {path}: {error}</translation>
    </message>
    <message>
        <source>无法打开台账文件 {path}：{error}</source>
        <translation>Cannot open the ledger file {path}: {error}</translation>
    </message>
</context>
</TS>
