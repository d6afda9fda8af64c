<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AuditPage</name>
    <message>
        <source>每一次新增、修改、删除都记录了操作员、时间和改动前后的内容。这里只能查看和导出，不能修改。</source>
        <translation>Every addition, change and deletion is recorded with the operator, the time and the values before and after. This page only shows and exports them; nothing can be edited.</translation>
    </message>
    <message>
        <source>姓名或拼音首字母</source>
        <translation>Name or pinyin initials</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <source>清除条件</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>人员(&amp;N)：</source>
        <translation>Perso&amp;n:</translation>
    </message>
    <message>
        <source>操作员(&amp;O)：</source>
        <translation>&amp;Operator:</translation>
    </message>
    <message>
        <source>类别(&amp;K)：</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <source>从(&amp;F)：</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>到(&amp;T)：</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>选中一条记录，这里显示全部改动。</source>
        <translation>Select an entry to see all its changes here.</translation>
    </message>
    <message>
        <source>导出到 Excel(&amp;E)…</source>
        <translation>&amp;Export to Excel…</translation>
    </message>
    <message>
        <source>操作留痕</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>共 {count} 条</source>
        <translation>{count} entries</translation>
    </message>
    <message>
        <source>导出操作留痕</source>
        <translation>Export the audit trail</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>正在导出操作留痕…</source>
        <translation>Exporting the audit trail…</translation>
    </message>
    <message>
        <source>已导出 {count} 条操作留痕：
{path}</source>
        <translation>Exported {count} audit entries:
{path}</translation>
    </message>
</context>
</TS>
