<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AssignmentsPage</name>
    <message>
        <source>为每位在管人员落实包保责任人（三包一：医护人员、村干部、乡镇干部）。在右侧选中人员（Shift/Ctrl 多选，Ctrl+A 全选），再选择包保人员并按“分配所选”，或在左侧人员上按 Enter。</source>
        <translation>Give every person under management their responsible staff (three-to-one: medical worker, village cadre, township cadre). Select people on the right (Shift/Ctrl for several, Ctrl+A for all), then choose a staff member and press &quot;Assign selected&quot;, or press Enter on a staff row on the left.</translation>
    </message>
    <message>
        <source>包保分配</source>
        <translation>Assignments</translation>
    </message>
    <message>
        <source>包保人员</source>
        <translation>Responsible staff</translation>
    </message>
    <message>
        <source>只看一种包保角色</source>
        <translation>Show one role only</translation>
    </message>
    <message>
        <source>显示离岗人员</source>
        <translation>Show staff who left</translation>
    </message>
    <message>
        <source>新增(&amp;N)</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <source>新增一位包保人员</source>
        <translation>Add a responsible staff member</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>离岗(&amp;L)</source>
        <translation>&amp;Left post</translation>
    </message>
    <message>
        <source>结束此人的全部包保，并为其负责的人员另行安排</source>
        <translation>End all of this person&apos;s assignments and reassign the people they looked after</translation>
    </message>
    <message>
        <source>恢复在岗(&amp;U)</source>
        <translation>Back on d&amp;uty</translation>
    </message>
    <message>
        <source>在管人员包保情况</source>
        <translation>Coverage of people under management</translation>
    </message>
    <message>
        <source>只看未落实(&amp;G)</source>
        <translation>Only &amp;gaps</translation>
    </message>
    <message>
        <source>村民小组：</source>
        <translation>Village group:</translation>
    </message>
    <message>
        <source>分配所选(&amp;S)</source>
        <translation>Assign &amp;selected</translation>
    </message>
    <message>
        <source>分配给：</source>
        <translation>Assign to:</translation>
    </message>
    <message>
        <source>在管 {total} 人，包保未落实 {gaps} 人</source>
        <translation>{total} under management, {gaps} without full coverage</translation>
    </message>
    <message>
        <source>全村</source>
        <translation>Whole village</translation>
    </message>
    <message>
        <source>{where}在管的 {total} 人包保责任人都已落实 ✓</source>
        <translation>{where}: all {total} people under management have their full team ✓</translation>
    </message>
    <message>
        <source>全部角色</source>
        <translation>All roles</translation>
    </message>
    <message>
        <source>全部组别</source>
        <translation>All groups</translation>
    </message>
    <message>
        <source>请选择包保人员</source>
        <translation>Choose a staff member</translation>
    </message>
    <message>
        <source>{name}（{role}，负责 {load} 人）</source>
        <translation>{name} ({role}, responsible for {load})</translation>
    </message>
    <message>
        <source>请先在左侧选择要编辑的包保人员。</source>
        <translation>First select the staff member to edit on the left.</translation>
    </message>
    <message>
        <source>已保存「{name}」。</source>
        <translation>Saved &quot;{name}&quot;.</translation>
    </message>
    <message>
        <source>请先在左侧选择一位在岗的包保人员。</source>
        <translation>First select an active staff member on the left.</translation>
    </message>
    <message>
        <source>确定「{name}」（{role}）离岗吗？</source>
        <translation>Has &quot;{name}&quot; ({role}) left their post?</translation>
    </message>
    <message>
        <source>其负责的 {count} 人将需要另行安排{role}。</source>
        <translation> The {count} people they look after will need another {role}.</translation>
    </message>
    <message>
        <source>「{name}」已离岗。</source>
        <translation>&quot;{name}&quot; has left their post.</translation>
    </message>
    <message>
        <source>请先在左侧选择一位离岗的人员。</source>
        <translation>First select a staff member who has left, on the left.</translation>
    </message>
    <message>
        <source>「{name}」已恢复在岗。</source>
        <translation>&quot;{name}&quot; is back on duty.</translation>
    </message>
    <message>
        <source>已选 {count} 人</source>
        <translation>{count} selected</translation>
    </message>
    <message>
        <source>请先在右侧表格中选择人员（按住 Ctrl 或 Shift 多选，Ctrl+A 全选）。</source>
        <translation>First select people in the table on the right (hold Ctrl or Shift for several, Ctrl+A for all).</translation>
    </message>
    <message>
        <source>请先选择包保人员。</source>
        <translation>First choose a staff member.</translation>
    </message>
    <message>
        <source>「{name}」已离岗，不能再分配。</source>
        <translation>&quot;{name}&quot; has left their post and cannot be assigned.</translation>
    </message>
    <message>
        <source>所选 {count} 人中有 {replaced} 人已有{role}，确定都改为「{name}」吗？</source>
        <translation>{replaced} of the {count} selected people already have a {role}. Change them all to &quot;{name}&quot;?</translation>
    </message>
    <message>
        <source>正在分配包保人员…</source>
        <translation>Assigning responsible staff…</translation>
    </message>
    <message>
        <source>已将所选 {count} 人的{role}安排为「{name}」。</source>
        <translation>&quot;{name}&quot; is now the {role} of the {count} selected people.</translation>
    </message>
    <message>
        <source>取消所选 {count} 人的{role}</source>
        <translation>Remove the {role} of the {count} selected</translation>
    </message>
    <message>
        <source>确定取消所选 {count} 人的{role}吗？</source>
        <translation>Remove the {role} of the {count} selected people?</translation>
    </message>
    <message>
        <source>已取消 {count} 人的{role}。</source>
        <translation>Removed the {role} of {count} people.</translation>
    </message>
</context>
</TS>
