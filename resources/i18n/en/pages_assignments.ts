<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AssignmentsPage</name>
    <message>
        <source>为每位在管人员落实包保责任人（三包一：医护人员、村干部、乡镇干部）。在右侧选中人员（Shift/Ctrl 多选，Ctrl+A 全选），再选择包保人员并按“分配所选”，或在左侧人员上按 Enter。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>包保分配</source>
        <translation>Assignments</translation>
    </message>
    <message>
        <source>包保人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只看一种包保角色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>显示离岗人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新增(&amp;N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新增一位包保人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>离岗(&amp;L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结束此人的全部包保，并为其负责的人员另行安排</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>恢复在岗(&amp;U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在管人员包保情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只看未落实(&amp;G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>村民小组：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>分配所选(&amp;S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>分配给：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在管 {total} 人，包保未落实 {gaps} 人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部角色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部组别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请选择包保人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}（{role}，负责 {load} 人）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先在左侧选择要编辑的包保人员。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已保存「{name}」。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先在左侧选择一位在岗的包保人员。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确定「{name}」（{role}）离岗吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>其负责的 {count} 人将需要另行安排{role}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>「{name}」已离岗。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先在左侧选择一位离岗的人员。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>「{name}」已恢复在岗。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已选 {count} 人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先在右侧表格中选择人员（按住 Ctrl 或 Shift 多选，Ctrl+A 全选）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先选择包保人员。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>「{name}」已离岗，不能再分配。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所选 {count} 人中有 {replaced} 人已有{role}，确定都改为「{name}」吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在分配包保人员…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已将所选 {count} 人的{role}安排为「{name}」。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消所选 {count} 人的{role}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确定取消所选 {count} 人的{role}吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已取消 {count} 人的{role}。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
