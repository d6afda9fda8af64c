<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>MeasureEditDialog</name>
    <message>
        <source>编辑管控措施</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新增管控措施</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>例如：居家健康监测</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> 天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不设期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本村每天两次测体温</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>名称(&amp;M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>默认天数(&amp;D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>必须落实的包保角色（三包一：医护人员、村干部、乡镇干部）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写管控措施名称。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeasureTableModel</name>
    <message>
        <source>管控措施</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>默认天数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>每日测温</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>勾选：这种措施的人员必须落实一名{role}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{days} 天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不设期限</source>
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
</context>
<context>
    <name>MeasuresEditor</name>
    <message>
        <source>勾选每种管控措施必须落实的包保角色：默认“三包一”为医护人员、村干部、乡镇干部；实行“五包一”的地方再勾选民警、网格员等（角色在“包保角色”中添加）。勾选即保存。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新增措施(&amp;N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>停用(&amp;D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已停用「{name}」：登记时不再出现，已有人员不受影响。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已恢复使用「{name}」。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已保存：「{name}」不要求包保人员。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已保存：「{name}」需要落实 {roles}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>恢复使用(&amp;D)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
