<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AnomalyActionDialog</name>
    <message>
        <source>异常处置</source>
        <extracomment>Quick choices, in the order a village doctor usually does them (Alt+1 … Alt+4). Usual outcomes offered when closing (free text is allowed too). Like ACTIONS these are ledger data printed in Chinese reports, not interface text, so they are not translated.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>发现发热或症状须当即报告并处置。请记录采取的措施：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>处置措施</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报告卫生院(&amp;1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>送发热门诊(&amp;2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>复测(&amp;3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>其他(&amp;4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>补充说明，如：复测 36.8 ℃；已电话报告镇卫生院</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>处置人(&amp;B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>处置时间(&amp;T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>稍后处理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>这条异常留在“未关闭的异常”中，之后再记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>勾选了“其他”，请在补充说明中写明做了什么。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请勾选或填写处置措施。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CloseAnomalyDialog</name>
    <message>
        <source>关闭异常</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（尚未记录处置措施）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已采取的措施：{action}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>必填：处置结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>处置结果(&amp;R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>同时结束此人的观察（送医/转运）(&amp;E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结束原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写处置结果，才能关闭异常。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
