<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>NucleicTestsPage</name>
    <message>
        <source>按村民小组列出当天应检的人（按管控措施的检测日和全员核酸安排）。在一行上按 1 阴性、2 阳性、3 待出、4 未检，立即保存并跳到下一行。</source>
        <extracomment>One key per result on a row of the table (also on the number pad).</extracomment>
        <translation>Everyone due a test on the day, by village group (from each measure&apos;s test days and any village-wide round). On a row press 1 negative, 2 positive, 3 pending, 4 not tested: saved at once, and the cursor moves to the next row.</translation>
    </message>
    <message>
        <source>组别</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>应检</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>日期(&amp;D)</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>导入检测结果(&amp;I)…</source>
        <translation>&amp;Import results…</translation>
    </message>
    <message>
        <source>核酸检测</source>
        <translation>Nucleic-acid tests</translation>
    </message>
    <message>
        <source>核酸阳性：{names} —— 请立即报告并转运/送医，处置后在右侧关闭。</source>
        <translation>POSITIVE test: {names} — report now and transfer to hospital; close it on the right once handled.</translation>
    </message>
    <message>
        <source>确认「{name}」{day} 采样的核酸结果为阳性？
将立即列入异常，需报告并转运/送医。</source>
        <translation>Record the test of {name} sampled {day} as POSITIVE?
An anomaly is opened at once; it must be reported and the person transferred.</translation>
    </message>
    <message>
        <source>导入核酸检测结果</source>
        <translation>Import nucleic-acid test results</translation>
    </message>
    <message>
        <source>检测结果清单</source>
        <translation>Test result list</translation>
    </message>
    <message>
        <source>正在导入核酸检测结果…</source>
        <translation>Importing test results…</translation>
    </message>
    <message>
        <source>已导入：{summary}。</source>
        <translation>Imported: {summary}.</translation>
    </message>
    <message>
        <source>其中阳性 {count} 人，已列入异常，请立即处置！</source>
        <translation>{count} positive — listed as anomalies, handle them now!</translation>
    </message>
    <message>
        <source>台账中没有这些人（未导入）：</source>
        <translation>Not in the ledger (not imported):</translation>
    </message>
    <message>
        <source>……还有 {count} 条</source>
        <translation>… and {count} more</translation>
    </message>
    <message>
        <source>未登记</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <source>应检 {due} 人 · 已采样 {sampled} 人 · 结果未出 {pending} 人 · 阳性 {positive} 人</source>
        <translation>Due {due} · sampled {sampled} · results pending {pending} · positive {positive}</translation>
    </message>
    <message>
        <source>检测日：{schedule}（在“设置 → 管控措施”中修改）</source>
        <translation>Test days: {schedule} (change them in Settings → Measures)</translation>
    </message>
    <message>
        <source>未安排</source>
        <translation>none</translation>
    </message>
    <message>
        <source>取消当天全员核酸</source>
        <translation>Cancel the village-wide round</translation>
    </message>
    <message>
        <source>当天安排全员核酸</source>
        <translation>Village-wide round on this day</translation>
    </message>
</context>
</TS>
