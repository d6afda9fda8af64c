<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>StaffEditDialog</name>
    <message>
        <source>编辑包保人员</source>
        <translation>Edit responsible staff</translation>
    </message>
    <message>
        <source>新增包保人员</source>
        <translation>New responsible staff</translation>
    </message>
    <message>
        <source>手机 11 位，或座机 区号-号码</source>
        <translation>11-digit mobile, or landline as area code-number</translation>
    </message>
    <message>
        <source>例如：某某镇卫生院、某某村委会</source>
        <translation>e.g. township health centre, village committee</translation>
    </message>
    <message>
        <source>姓名(&amp;M)</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>包保角色(&amp;R)</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <source>电话(&amp;P)</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <source>单位(&amp;O)</source>
        <translation>&amp;Organisation</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>请选择包保角色。</source>
        <translation>Please choose a role.</translation>
    </message>
</context>
</TS>
