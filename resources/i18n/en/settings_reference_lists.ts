<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>CategoriesEditor</name>
    <message>
        <source>人员类别是登记时选择的“密切接触者、中高风险地区返乡人员……”。不再使用的类别请停用：已登记的人员保留原类别，新登记时不再出现。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人员类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新类别名称，如：入境人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重命名(&amp;R)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>停用(&amp;D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>停用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已添加人员类别「{name}」。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重命名人员类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>「{name}」改为：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已将「{old}」改为「{new}」。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已停用「{name}」。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已恢复使用「{name}」。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>恢复使用(&amp;D)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffRolesEditor</name>
    <message>
        <source>包保角色是包保人员的分工，如医护人员、村干部、乡镇干部、民警、网格员。哪些角色必须落实，在“管控措施”中为每种措施勾选。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>包保角色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>要求此角色的管控措施</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新角色名称，如：民兵</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（无）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已添加包保角色「{name}」。如需必须落实，请到“管控措施”中勾选。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_ListEditor</name>
    <message>
        <source>添加(&amp;A)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
