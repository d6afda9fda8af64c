<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ExportPanel</name>
    <message>
        <source>报表(&amp;B)：</source>
        <translation>Re&amp;port:</translation>
    </message>
    <message>
        <source>从(&amp;F)：</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>今天(&amp;T)</source>
        <translation>&amp;Today</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>当日新增排查、当日发热、当日转运送医和劝返都为 0 时，日报表自动成为零报告（数字照常填 0）。</source>
        <translation>When new registrations, fevers, transfers to hospital and vehicles turned back are all 0, the daily report becomes a zero report (every number is still written, as 0).</translation>
    </message>
    <message>
        <source>打开文件夹(&amp;O)</source>
        <translation>&amp;Open folder</translation>
    </message>
    <message>
        <source>到(&amp;D)：</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>日期(&amp;D)：</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>导出零报告…</source>
        <translation>Export zero report…</translation>
    </message>
    <message>
        <source>导出日报表…</source>
        <translation>Export daily report…</translation>
    </message>
    <message>
        <source>导出{form}…</source>
        <translation>Export {form}…</translation>
    </message>
    <message>
        <source>统计时间：{period}</source>
        <translation>Statistical period: {period}</translation>
    </message>
    <message>
        <source>保存{form}</source>
        <translation>Save {form}</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>正在导出{form}…</source>
        <translation>Exporting {form}…</translation>
    </message>
    <message>
        <source>{summary}
已保存到：{path}</source>
        <translation>{summary}
Saved to: {path}</translation>
    </message>
</context>
</TS>
