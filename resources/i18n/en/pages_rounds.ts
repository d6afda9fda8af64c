<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>RoundsPage</name>
    <message>
        <source>导出填报表(&amp;E)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出当天的体温填报表（Excel），打印后上门填写，或发给医护人员填好再导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入填报表(&amp;I)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入填好的体温填报表：先预览，再保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>输入体温按 Enter 保存并跳到下一人&#x3000;·&#x3000;空格：勾选症状（数字键 1–7）&#x3000;·&#x3000;F2：修改已登记的体温&#x3000;·&#x3000;Esc：取消输入&#x3000;·&#x3000;Alt+H：体温记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本轮名单(&amp;L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上午</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>下午</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>默认：各人的包保医护人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>输入的体温都记为此人测量；留空则记为每人的包保医护人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只看未测(&amp;U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>体温记录(&amp;H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查看当前这个人整个观察期的体温曲线和记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日期(&amp;D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>时段(&amp;S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>测量人(&amp;M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>体温登记</source>
        <translation>Temperatures</translation>
    </message>
    <message>
        <source>{day} {slot}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在登记 {round} 的体温。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{slot}应测 {total} 人，已测 {done} 人，未测 {missing} 人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（输入的“{text}”未保存）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>偏低</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>很高</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} 的体温 {value} ℃ {which}，确定没有量错吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未保存：请核对 {name} 的体温后重新输入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已更正：{name} {slot} {old} → {new}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已保存：{name} {slot} {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&#x3000;异常：请记录处置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已到名单末尾，还有 {count} 人未测。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本轮已全部测完。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已勾选症状：{symptoms}（输入体温后按 Enter 一并保存）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出体温填报表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在导出体温填报表…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已导出填报表：{path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已导出 {day} 的体温填报表：
{path}

填好后用“导入填报表”导入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入体温填报表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在检查填报表…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在导入体温…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已导入 {day} 的体温：新登记 {written} 条，覆盖 {overwritten} 条，相同跳过 {same} 条。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
其中发热或有症状 {count} 条，已列入“未关闭的异常”，请记录处置。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
