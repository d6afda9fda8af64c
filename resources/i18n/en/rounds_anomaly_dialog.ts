<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AnomalyActionDialog</name>
    <message>
        <source>异常处置</source>
        <extracomment>Quick choices, in the order a village doctor usually does them (Alt+1 … Alt+4). Usual outcomes offered when closing (free text is allowed too). Like ACTIONS these are ledger data printed in Chinese reports, not interface text, so they are not translated.</extracomment>
        <translation>Handle anomaly</translation>
    </message>
    <message>
        <source>发现发热或症状须当即报告并处置。请记录采取的措施：</source>
        <translation>A fever or symptom must be reported and handled at once. Record what was done:</translation>
    </message>
    <message>
        <source>处置措施</source>
        <translation>Action taken</translation>
    </message>
    <message>
        <source>报告卫生院(&amp;1)</source>
        <translation>Reported to health centre (&amp;1)</translation>
    </message>
    <message>
        <source>送发热门诊(&amp;2)</source>
        <translation>Sent to fever clinic (&amp;2)</translation>
    </message>
    <message>
        <source>复测(&amp;3)</source>
        <translation>Re-measured (&amp;3)</translation>
    </message>
    <message>
        <source>其他(&amp;4)</source>
        <translation>Other (&amp;4)</translation>
    </message>
    <message>
        <source>补充说明，如：复测 36.8 ℃；已电话报告镇卫生院</source>
        <translation>Details, e.g. re-measured 36.8 ℃; phoned the township health centre</translation>
    </message>
    <message>
        <source>处置人(&amp;B)</source>
        <translation>Handled &amp;by</translation>
    </message>
    <message>
        <source>处置时间(&amp;T)</source>
        <translation>Handled a&amp;t</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>稍后处理</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>这条异常留在“未关闭的异常”中，之后再记录</source>
        <translation>The anomaly stays under “Open anomalies”; record it later</translation>
    </message>
    <message>
        <source>勾选了“其他”，请在补充说明中写明做了什么。</source>
        <translation>“Other” is ticked: write in the details what was done.</translation>
    </message>
    <message>
        <source>请勾选或填写处置措施。</source>
        <translation>Tick or write the action taken.</translation>
    </message>
</context>
<context>
    <name>CloseAnomalyDialog</name>
    <message>
        <source>关闭异常</source>
        <translation>Close anomaly</translation>
    </message>
    <message>
        <source>（尚未记录处置措施）</source>
        <translation>(no action recorded yet)</translation>
    </message>
    <message>
        <source>已采取的措施：{action}</source>
        <translation>Action taken: {action}</translation>
    </message>
    <message>
        <source>必填：处置结果</source>
        <translation>Required: outcome</translation>
    </message>
    <message>
        <source>处置结果(&amp;R)</source>
        <translation>Outcome (&amp;R)</translation>
    </message>
    <message>
        <source>同时结束此人的观察（送医/转运）(&amp;E)</source>
        <translation>&amp;End this person’s observation too (to hospital / transferred)</translation>
    </message>
    <message>
        <source>结束原因</source>
        <translation>End reason</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请填写处置结果，才能关闭异常。</source>
        <translation>Write the outcome to close the anomaly.</translation>
    </message>
</context>
</TS>
