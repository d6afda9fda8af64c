<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ReportsPage</name>
    <message>
        <source>生成日报表（无新情况时自动为零报告）和各类台账，导出为 Excel 报送乡镇；乡镇可在“乡镇汇总”中合并各村的日报表。</source>
        <translation>Make the daily report (a zero report by itself on a day with nothing new) and the ledgers as Excel workbooks for the township; a township merges its villages&apos; daily reports under “Township merge”.</translation>
    </message>
    <message>
        <source>导出报表</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>乡镇汇总</source>
        <translation>Township merge</translation>
    </message>
    <message>
        <source>报表导出</source>
        <translation>Reports</translation>
    </message>
</context>
</TS>
