<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>MeasureEditDialog</name>
    <message>
        <source>编辑管控措施</source>
        <translation>Edit measure</translation>
    </message>
    <message>
        <source>新增管控措施</source>
        <translation>New measure</translation>
    </message>
    <message>
        <source>例如：居家健康监测</source>
        <translation>e.g. home health monitoring</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <source>不设期限</source>
        <translation>No fixed length</translation>
    </message>
    <message>
        <source>本村每天两次测体温</source>
        <translation>The village takes temperatures twice a day</translation>
    </message>
    <message>
        <source>例如：1,4,7；不做核酸检测留空</source>
        <translation>e.g. 1,4,7; leave empty for no tests</translation>
    </message>
    <message>
        <source>名称(&amp;M)</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>默认天数(&amp;D)</source>
        <translation>Default &amp;days</translation>
    </message>
    <message>
        <source>核酸检测日(&amp;T)</source>
        <translation>&amp;Test days</translation>
    </message>
    <message>
        <source>必须落实的包保角色（三包一：医护人员、村干部、乡镇干部）</source>
        <translation>Required responsibility roles (three-to-one: medical worker, village cadre, township cadre)</translation>
    </message>
    <message>
        <source>请填写管控措施名称。</source>
        <translation>Please enter the name of the measure.</translation>
    </message>
</context>
<context>
    <name>MeasureTableModel</name>
    <message>
        <source>管控措施</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>默认天数</source>
        <translation>Default days</translation>
    </message>
    <message>
        <source>每日测温</source>
        <translation>Daily readings</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>核酸检测日</source>
        <translation>Test days</translation>
    </message>
    <message>
        <source>勾选：这种措施的人员必须落实一名{role}</source>
        <translation>Ticked: people under this measure must have a {role}</translation>
    </message>
    <message>
        <source>{days} 天</source>
        <translation>{days} days</translation>
    </message>
    <message>
        <source>不设期限</source>
        <translation>No fixed length</translation>
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
        <source>不检测</source>
        <translation>None</translation>
    </message>
</context>
<context>
    <name>MeasuresEditor</name>
    <message>
        <source>勾选每种管控措施必须落实的包保角色：默认“三包一”为医护人员、村干部、乡镇干部；实行“五包一”的地方再勾选民警、网格员等（角色在“包保角色”中添加）。勾选即保存。</source>
        <translation>Tick the responsibility roles each measure requires: the default &quot;three-to-one&quot; is medical worker, village cadre and township cadre; where &quot;five-to-one&quot; applies, also tick police officer, grid worker and so on (add roles under &quot;Roles&quot;). A tick is saved at once.</translation>
    </message>
    <message>
        <source>新增措施(&amp;N)</source>
        <translation>&amp;New measure</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>停用(&amp;D)</source>
        <translation>Stop using (&amp;D)</translation>
    </message>
    <message>
        <source>已停用「{name}」：登记时不再出现，已有人员不受影响。</source>
        <translation>Stopped &quot;{name}&quot;: it is no longer offered when registering; people already under it are not affected.</translation>
    </message>
    <message>
        <source>已恢复使用「{name}」。</source>
        <translation>&quot;{name}&quot; is in use again.</translation>
    </message>
    <message>
        <source>已保存：「{name}」不要求包保人员。</source>
        <translation>Saved: &quot;{name}&quot; requires no responsible staff.</translation>
    </message>
    <message>
        <source>已保存：「{name}」需要落实 {roles}。</source>
        <translation>Saved: &quot;{name}&quot; requires {roles}.</translation>
    </message>
    <message>
        <source>恢复使用(&amp;D)</source>
        <translation>Use again (&amp;D)</translation>
    </message>
</context>
</TS>
