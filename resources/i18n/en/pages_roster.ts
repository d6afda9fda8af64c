<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>RosterPage</name>
    <message>
        <source>人员台账</source>
        <translation>Roster</translation>
    </message>
    <message>
        <source>在管</source>
        <translation>Under management</translation>
    </message>
    <message>
        <source>已解除</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>已删除</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>搜索姓名、拼音首字母（如 zs）、身份证号或电话  Ctrl+F</source>
        <translation>Search name, pinyin initials (e.g. zs), ID number or phone  Ctrl+F</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>措施</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>组别</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>详情</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>人员详情（双击或回车）</source>
        <translation>Person details (double-click or Enter)</translation>
    </message>
    <message>
        <source>解除/结束</source>
        <translation>End</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>撤销删除</source>
        <translation>Undo delete</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>导入名单</source>
        <translation>Import a list</translation>
    </message>
    <message>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>打印今日新增门贴</source>
        <translation>Print today&apos;s new door signs</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>撤销 (Ctrl+Z)</source>
        <translation>Undo (Ctrl+Z)</translation>
    </message>
    <message>
        <source>知道了</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>全部措施</source>
        <translation>All measures</translation>
    </message>
    <message>
        <source>全部组别</source>
        <translation>All groups</translation>
    </message>
    <message>
        <source>共 {count} 条</source>
        <translation>{count} rows</translation>
    </message>
    <message>
        <source>已登记 {name}</source>
        <translation>Registered {name}</translation>
    </message>
    <message>
        <source>已登记 {name}（不符合当前筛选条件，所以列表中没有显示）</source>
        <translation>Registered {name} (not shown: outside the current filter)</translation>
    </message>
    <message>
        <source>已保存 {name}</source>
        <translation>Saved {name}</translation>
    </message>
    <message>
        <source>删除 {name}（{group}）的这条登记记录？删除后可以撤销。</source>
        <translation>Delete this registration of {name} ({group})? You can undo it.</translation>
    </message>
    <message>
        <source>未填组别</source>
        <translation>no group</translation>
    </message>
    <message>
        <source>已删除 {name}</source>
        <translation>Deleted {name}</translation>
    </message>
    <message>
        <source>已恢复 {name}。还可撤销删除 {previous}</source>
        <translation>Restored {name}. You can also undo deleting {previous}</translation>
    </message>
    <message>
        <source>已恢复 {name}</source>
        <translation>Restored {name}</translation>
    </message>
</context>
</TS>
