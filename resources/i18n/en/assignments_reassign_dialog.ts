<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ReassignDialog</name>
    <message>
        <source>另行安排包保人员</source>
        <translation>Assign new responsible staff</translation>
    </message>
    <message>
        <source>「{name}」（{role}）已离岗。以下 {count} 人需要新的{role}，在每行选择接替的人员即可保存：</source>
        <translation>&quot;{name}&quot; ({role}) has left. These {count} people need a new {role}; choose a successor on each row and it is saved at once:</translation>
    </message>
    <message>
        <source>其余全部分配(&amp;A)</source>
        <translation>Assign &amp;all the rest</translation>
    </message>
    <message>
        <source>新增{role}(&amp;N)…</source>
        <translation>&amp;New {role}…</translation>
    </message>
    <message>
        <source>其余未安排的全部分配给：</source>
        <translation>Assign everyone still open to:</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>目前没有其他在岗的{role}，请先新增一位。</source>
        <translation>There is no other active {role}. Please add one first.</translation>
    </message>
    <message>
        <source>{name}（负责 {load} 人）</source>
        <translation>{name} (responsible for {load})</translation>
    </message>
    <message>
        <source>已保存。还有 {left} 人未安排。</source>
        <translation>Saved. {left} still to assign.</translation>
    </message>
    <message>
        <source>已全部安排好。</source>
        <translation>Everyone has been assigned.</translation>
    </message>
</context>
<context>
    <name>ReassignTableModel</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation>Village group</translation>
    </message>
    <message>
        <source>管控措施</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>新的{role}</source>
        <translation>New {role}</translation>
    </message>
    <message>
        <source>未安排</source>
        <translation>Not assigned</translation>
    </message>
</context>
<context>
    <name>StaffPickerDelegate</name>
    <message>
        <source>分配给…</source>
        <translation>Assign to…</translation>
    </message>
</context>
</TS>
