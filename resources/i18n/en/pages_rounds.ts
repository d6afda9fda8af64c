<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>RoundsPage</name>
    <message>
        <source>导出填报表(&amp;E)…</source>
        <translation>Export fill-in &amp;sheet…</translation>
    </message>
    <message>
        <source>导出当天的体温填报表（Excel），打印后上门填写，或发给医护人员填好再导入</source>
        <translation>Export the day&apos;s temperature sheet (Excel): print it for the home visits, or send it to the medical workers, then import it filled in</translation>
    </message>
    <message>
        <source>导入填报表(&amp;I)…</source>
        <translation>&amp;Import filled sheet…</translation>
    </message>
    <message>
        <source>导入填好的体温填报表：先预览，再保存</source>
        <translation>Import a filled-in temperature sheet: preview first, then save</translation>
    </message>
    <message>
        <source>输入体温按 Enter 保存并跳到下一人（365 即 36.5，37 即 37.0）&#x3000;·&#x3000;空格：勾选症状（数字键 1–7）&#x3000;·&#x3000;F4：记录异常处置&#x3000;·&#x3000;F2：修改已登记的体温&#x3000;·&#x3000;Esc：取消输入&#x3000;·&#x3000;Alt+H：体温记录</source>
        <translation>Type a temperature, Enter saves and moves to the next person (365 is 36.5, 37 is 37.0) · Space: tick symptoms (keys 1–7) · F4: record what was done about an anomaly · F2: correct a recorded temperature · Esc: cancel typing · Alt+H: temperature history</translation>
    </message>
    <message>
        <source>本轮名单(&amp;L)</source>
        <translation>This round’s &amp;list</translation>
    </message>
    <message>
        <source>上午</source>
        <translation>Morning</translation>
    </message>
    <message>
        <source>下午</source>
        <translation>Afternoon</translation>
    </message>
    <message>
        <source>默认：各人的包保医护人员</source>
        <translation>Default: each person’s medical worker</translation>
    </message>
    <message>
        <source>输入的体温都记为此人测量；留空则记为每人的包保医护人员</source>
        <translation>Readings typed are recorded as taken by this person; leave empty for each person’s assigned medical worker</translation>
    </message>
    <message>
        <source>只看未测(&amp;U)</source>
        <translation>Only &amp;unmeasured</translation>
    </message>
    <message>
        <source>体温记录(&amp;H)</source>
        <translation>Temperature &amp;history</translation>
    </message>
    <message>
        <source>查看当前这个人整个观察期的体温曲线和记录</source>
        <translation>Chart and list of this person’s temperatures over the whole observation period</translation>
    </message>
    <message>
        <source>日期(&amp;D)</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>时段(&amp;S)</source>
        <translation>&amp;Slot</translation>
    </message>
    <message>
        <source>测量人(&amp;M)</source>
        <translation>&amp;Measured by</translation>
    </message>
    <message>
        <source>体温登记</source>
        <translation>Temperatures</translation>
    </message>
    <message>
        <source>{day} {slot}</source>
        <translation>{day} {slot}</translation>
    </message>
    <message>
        <source>正在登记 {round} 的体温。</source>
        <translation>Recording temperatures for {round}.</translation>
    </message>
    <message>
        <source>{slot}应测 {total} 人，已测 {done} 人，未测 {missing} 人</source>
        <translation>{slot}: {total} due, {done} measured, {missing} not yet measured</translation>
    </message>
    <message>
        <source>待处置异常 {count} 条（F4）</source>
        <translation>{count} anomalies to handle (F4)</translation>
    </message>
    <message>
        <source>（输入的“{text}”未保存）</source>
        <translation> (the “{text}” typed was not saved)</translation>
    </message>
    <message>
        <source>偏低</source>
        <translation>is low</translation>
    </message>
    <message>
        <source>很高</source>
        <translation>is very high</translation>
    </message>
    <message>
        <source>{name} 的体温 {value} ℃ {which}，确定没有量错吗？再按 Enter 保存，或重新输入。</source>
        <translation>{name}&apos;s temperature {value} ℃ is {which}. Measured right? Press Enter again to save, or type it again.</translation>
    </message>
    <message>
        <source>未保存：{name} 的体温 {value} ℃ {which}，请核对后重新输入。</source>
        <translation>Not saved: {name}&apos;s temperature {value} ℃ is {which}; check it and type it again.</translation>
    </message>
    <message>
        <source>&#x3000;异常已登记：按 F4 记录处置（也可测完再处置）</source>
        <translation>  Anomaly recorded: press F4 to record what was done (or do it after the round)</translation>
    </message>
    <message>
        <source>体温填报表</source>
        <translation>Temperature sheets</translation>
    </message>
    <message>
        <source>已更正：{name} {slot} {old} → {new}</source>
        <translation>Corrected: {name} {slot} {old} → {new}</translation>
    </message>
    <message>
        <source>已保存：{name} {slot} {value}</source>
        <translation>Saved: {name} {slot} {value}</translation>
    </message>
    <message>
        <source>已到名单末尾，还有 {count} 人未测。</source>
        <translation>End of the list; {count} people are not measured yet.</translation>
    </message>
    <message>
        <source>本轮已全部测完。</source>
        <translation>Everyone in this round has been measured.</translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <source>已勾选症状：{symptoms}（输入体温后按 Enter 一并保存）</source>
        <translation>Symptoms ticked: {symptoms} (type the temperature and press Enter to save them together)</translation>
    </message>
    <message>
        <source>本轮没有待处置的异常。</source>
        <translation>No anomaly of this round is waiting to be handled.</translation>
    </message>
    <message>
        <source>本轮有 {count} 条异常待处置：按 F4 逐条记录。</source>
        <translation>{count} anomalies of this round wait to be handled: press F4 for each.</translation>
    </message>
    <message>
        <source>已记录 {name} 的异常处置。</source>
        <translation>Recorded what was done about {name}&apos;s anomaly.</translation>
    </message>
    <message>
        <source>本轮还有 {count} 条异常待处置（F4）。</source>
        <translation> {count} more anomalies of this round to handle (F4).</translation>
    </message>
    <message>
        <source>导出体温填报表</source>
        <translation>Export temperature sheet</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>正在导出体温填报表…</source>
        <translation>Exporting the temperature sheet…</translation>
    </message>
    <message>
        <source>已导出填报表：{path}</source>
        <translation>Sheet exported: {path}</translation>
    </message>
    <message>
        <source>已导出 {day} 的体温填报表：
{path}

填好后用“导入填报表”导入。</source>
        <translation>The temperature sheet for {day} was exported to:
{path}

When it is filled in, use “Import filled sheet”.</translation>
    </message>
    <message>
        <source>导入体温填报表</source>
        <translation>Import temperature sheet</translation>
    </message>
    <message>
        <source>正在检查填报表…</source>
        <translation>Checking the sheet…</translation>
    </message>
    <message>
        <source>正在导入体温…</source>
        <translation>Importing temperatures…</translation>
    </message>
    <message>
        <source>已导入 {day} 的体温：新登记 {written} 条，覆盖 {overwritten} 条，相同跳过 {same} 条。</source>
        <translation>Temperatures for {day} imported: {written} new, {overwritten} replaced, {same} unchanged and skipped.</translation>
    </message>
    <message>
        <source>
其中发热或有症状 {count} 条，已列入“未关闭的异常”，请记录处置。</source>
        <translation>
{count} of them show fever or symptoms and are listed under “Open anomalies”: record what was done.</translation>
    </message>
</context>
</TS>
