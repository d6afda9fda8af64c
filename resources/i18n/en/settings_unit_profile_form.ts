<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>UnitProfileForm</name>
    <message>
        <source>填报单位(&amp;U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上级乡镇(&amp;T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>填报人(&amp;R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>联系电话(&amp;P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>审核人(&amp;V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>例如：某某镇某某村村民委员会（必填）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>手机 11 位，或座机 区号-号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>这些信息印在每一份导出的报表上（填报单位、填报人、联系电话、审核人）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>放弃修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写填报单位。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已保存。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
