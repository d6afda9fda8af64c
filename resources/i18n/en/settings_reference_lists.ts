<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>CategoriesEditor</name>
    <message>
        <source>人员类别是登记时选择的“密切接触者、中高风险地区返乡人员……”。不再使用的类别请停用：已登记的人员保留原类别，新登记时不再出现。</source>
        <translation>Person categories are chosen at registration (&quot;close contact&quot;, &quot;returnee from a medium/high-risk area&quot; …). Stop categories no longer used: people already registered keep theirs, and new registrations no longer offer them.</translation>
    </message>
    <message>
        <source>人员类别</source>
        <translation>Categories</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>新类别名称，如：入境人员</source>
        <translation>New category, e.g. arrivals from abroad</translation>
    </message>
    <message>
        <source>重命名(&amp;R)…</source>
        <translation>&amp;Rename…</translation>
    </message>
    <message>
        <source>停用(&amp;D)</source>
        <translation>Stop using (&amp;D)</translation>
    </message>
    <message>
        <source>在用</source>
        <translation>In use</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>已添加人员类别「{name}」。</source>
        <translation>Added the category &quot;{name}&quot;.</translation>
    </message>
    <message>
        <source>重命名人员类别</source>
        <translation>Rename category</translation>
    </message>
    <message>
        <source>「{name}」改为：</source>
        <translation>Rename &quot;{name}&quot; to:</translation>
    </message>
    <message>
        <source>已将「{old}」改为「{new}」。</source>
        <translation>Renamed &quot;{old}&quot; to &quot;{new}&quot;.</translation>
    </message>
    <message>
        <source>已停用「{name}」。</source>
        <translation>Stopped &quot;{name}&quot;.</translation>
    </message>
    <message>
        <source>已恢复使用「{name}」。</source>
        <translation>&quot;{name}&quot; is in use again.</translation>
    </message>
    <message>
        <source>恢复使用(&amp;D)</source>
        <translation>Use again (&amp;D)</translation>
    </message>
</context>
<context>
    <name>StaffRolesEditor</name>
    <message>
        <source>包保角色是包保人员的分工，如医护人员、村干部、乡镇干部、民警、网格员。哪些角色必须落实，在“管控措施”中为每种措施勾选。</source>
        <translation>Responsibility roles are the duties of responsible staff: medical worker, village cadre, township cadre, police officer, grid worker. Which roles are required is ticked for each measure under &quot;Measures&quot;.</translation>
    </message>
    <message>
        <source>包保角色</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>要求此角色的管控措施</source>
        <translation>Measures requiring this role</translation>
    </message>
    <message>
        <source>新角色名称，如：民兵</source>
        <translation>New role, e.g. militia</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>已添加包保角色「{name}」。如需必须落实，请到“管控措施”中勾选。</source>
        <translation>Added the role &quot;{name}&quot;. To make it required, tick it under &quot;Measures&quot;.</translation>
    </message>
</context>
<context>
    <name>_ListEditor</name>
    <message>
        <source>添加(&amp;A)</source>
        <translation>&amp;Add</translation>
    </message>
</context>
</TS>
