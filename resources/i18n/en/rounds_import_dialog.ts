<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>导入体温填报表</source>
        <translation>Import temperature sheet</translation>
    </message>
    <message>
        <source>{file}
测量日期：{day}
将新登记 {new} 条体温，与已登记相同而跳过 {same} 条，与已登记不同 {conflicts} 条。</source>
        <translation>{file}
Measuring date: {day}
{new} new readings will be saved, {same} are already recorded with the same value and skipped, {conflicts} differ from what is recorded.</translation>
    </message>
    <message>
        <source>其中发热或有症状 {count} 条，导入后会列入“未关闭的异常”。</source>
        <translation>{count} of them show fever or symptoms and will be listed under “Open anomalies”.</translation>
    </message>
    <message>
        <source>数值少见，请核对：</source>
        <translation>Unusual values, please check:</translation>
    </message>
    <message>
        <source>与已登记不同的体温（默认不导入）：</source>
        <translation>Temperatures that differ from those recorded (not imported unless you choose):</translation>
    </message>
    <message>
        <source>以表中为准，覆盖这 {count} 条已登记的体温(&amp;O)</source>
        <translation>The sheet is right: &amp;overwrite these {count} recorded temperatures</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>表中没有需要导入的新体温。</source>
        <translation>The sheet holds no new temperatures to import.</translation>
    </message>
    <message>
        <source>有体温与已登记的不同：请核对，确认以表中为准时勾选“覆盖”；否则取消。</source>
        <translation>Some temperatures differ from those recorded: check them, tick “overwrite” if the sheet is right, otherwise cancel.</translation>
    </message>
</context>
</TS>
