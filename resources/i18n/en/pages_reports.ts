<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ReportsPage</name>
    <message>
        <source>生成日报告、零报告和各类台账，导出为 Excel 表格报送乡镇。</source>
        <translation>Produce the daily report, the zero report and the ledgers as Excel workbooks for the township.</translation>
    </message>
    <message>
        <source>报表导出</source>
        <translation>Reports</translation>
    </message>
</context>
</TS>
