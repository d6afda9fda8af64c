<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ReportKind</name>
    <message>
        <source>已导出卡点车辆登记表：检查车辆 {vehicles} 辆，劝返车辆 {back} 辆</source>
        <translation>Checkpoint vehicle log exported: {vehicles} vehicles checked, {back} turned back</translation>
    </message>
    <message>
        <source>已导出体温填报表</source>
        <translation>Temperature fill-in sheet exported</translation>
    </message>
</context>
</TS>
