<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>UnitProfileForm</name>
    <message>
        <source>填报单位(&amp;U)</source>
        <translation>Reporting &amp;unit</translation>
    </message>
    <message>
        <source>上级乡镇(&amp;T)</source>
        <translation>&amp;Township</translation>
    </message>
    <message>
        <source>填报人(&amp;R)</source>
        <translation>&amp;Reporter</translation>
    </message>
    <message>
        <source>联系电话(&amp;P)</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <source>审核人(&amp;V)</source>
        <translation>Re&amp;viewer</translation>
    </message>
    <message>
        <source>例如：某某镇某某村村民委员会（必填）</source>
        <translation>e.g. XX Village Committee, XX Township (required)</translation>
    </message>
    <message>
        <source>手机 11 位，或座机 区号-号码</source>
        <translation>11-digit mobile, or landline as area code-number</translation>
    </message>
    <message>
        <source>这些信息印在每一份导出的报表上（填报单位、填报人、联系电话、审核人）。</source>
        <translation>This is printed on every exported report (reporting unit, reporter, phone, reviewer).</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>请填写填报单位。</source>
        <translation>Please enter the reporting unit.</translation>
    </message>
    <message>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
</context>
</TS>
