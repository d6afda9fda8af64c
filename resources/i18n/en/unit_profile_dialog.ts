<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>UnitProfileDialog</name>
    <message>
        <source>填报单位信息</source>
        <translation>Reporting unit</translation>
    </message>
    <message>
        <source>请填写填报单位信息，它会印在每一份导出的报表上。以后可以在“设置”页修改；现在不填，下次启动时会再次询问。</source>
        <translation>Please enter the reporting unit; it is printed on every exported report. You can change it later on the Settings page; if you skip it now, you will be asked again at the next start.</translation>
    </message>
    <message>
        <source>填报单位（必填）</source>
        <translation>Reporting unit (required)</translation>
    </message>
    <message>
        <source>上级乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>填报人</source>
        <translation>Reported by</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>审核人</source>
        <translation>Reviewed by</translation>
    </message>
    <message>
        <source>例如：某某镇某某村村民委员会</source>
        <translation>e.g. Xx Village Committee, Xx Town</translation>
    </message>
    <message>
        <source>以后再填</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>请填写填报单位。</source>
        <translation>Please enter the reporting unit.</translation>
    </message>
</context>
</TS>
