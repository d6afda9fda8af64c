<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>导入体温填报表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}
测量日期：{day}
将新登记 {new} 条体温，与已登记相同而跳过 {same} 条，与已登记不同 {conflicts} 条。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>其中发热或有症状 {count} 条，导入后会列入“未关闭的异常”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数值少见，请核对：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>与已登记不同的体温（默认不导入）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>以表中为准，覆盖这 {count} 条已登记的体温(&amp;O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>表中没有需要导入的新体温。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有体温与已登记的不同：请核对，确认以表中为准时勾选“覆盖”；否则取消。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
