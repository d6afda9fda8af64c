<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>MergePanel</name>
    <message>
        <source>添加日报表(&amp;A)…</source>
        <translation>&amp;Add daily reports…</translation>
    </message>
    <message>
        <source>移除所选(&amp;R)</source>
        <translation>&amp;Remove selected</translation>
    </message>
    <message>
        <source>全部清除</source>
        <translation>Clear all</translation>
    </message>
    <message>
        <source>写入汇总表(&amp;W)…</source>
        <translation>&amp;Write merged report…</translation>
    </message>
    <message>
        <source>打开文件夹(&amp;O)</source>
        <translation>&amp;Open folder</translation>
    </message>
    <message>
        <source>添加各村（社区）用本软件导出的日报表（已汇总的日报表也可以），每个单位一行，最后一行为合计。日期、统计时间或表头不一致、同一单位出现两次的文件不能汇总。</source>
        <translation>Add the daily reports the villages (communities) exported with this program (merged reports work too): one row per unit, the last row is the total. Files with another date, statistical period or header, or a unit that appears twice, cannot be merged.</translation>
    </message>
    <message>
        <source>选择各单位的日报表</source>
        <translation>Choose the units&apos; daily reports</translation>
    </message>
    <message>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>正在读取日报表…</source>
        <translation>Reading the daily reports…</translation>
    </message>
    <message>
        <source>来源文件</source>
        <translation>Source file</translation>
    </message>
    <message>
        <source>统计时间：{period}</source>
        <translation>Statistical period: {period}</translation>
    </message>
    <message>
        <source>请先在“设置 → 填报单位”中填写本乡镇的名称（汇总表的标题要用）。</source>
        <translation>First enter this township&apos;s name under “Settings → Reporting unit” (the merged report&apos;s title needs it).</translation>
    </message>
    <message>
        <source>保存汇总日报表</source>
        <translation>Save merged daily report</translation>
    </message>
    <message>
        <source>正在写入汇总表…</source>
        <translation>Writing the merged report…</translation>
    </message>
    <message>
        <source>{summary}
已保存到：{path}</source>
        <translation>{summary}
Saved to: {path}</translation>
    </message>
</context>
</TS>
