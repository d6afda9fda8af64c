<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AdmitDialog</name>
    <message>
        <source>转入居家观察 — {plate}</source>
        <translation>Move to home observation — {plate}</translation>
    </message>
    <message>
        <source>包保责任人（三包一）</source>
        <translation>Responsible staff (three-to-one)</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>居住地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>来源地</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>抵达日期</source>
        <translation>Arrival date</translation>
    </message>
    <message>
        <source>人员类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>管控措施</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>转入台账</source>
        <translation>Move to roster</translation>
    </message>
    <message>
        <source>驾驶员 {name}</source>
        <translation>Driver {name}</translation>
    </message>
    <message>
        <source>（未填姓名）</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <source>乘车人 {name}</source>
        <translation>Passenger {name}</translation>
    </message>
    <message>
        <source>（已转入台账）</source>
        <translation> (on the roster)</translation>
    </message>
    <message>
        <source>这辆车登记的人员都已转入台账。</source>
        <translation>Everyone registered on this vehicle is already on the roster.</translation>
    </message>
    <message>
        <source>{name}（在管 {load} 人）</source>
        <translation>{name} ({load} under care)</translation>
    </message>
    <message>
        <source>（暂不指定）</source>
        <translation>(not now)</translation>
    </message>
    <message>
        <source>（暂无该角色的包保人员）</source>
        <translation>(no staff in this role yet)</translation>
    </message>
    <message>
        <source>身份证号 {id} 已登记为「{name}」。转入时使用这位已有人员吗？</source>
        <translation>ID number {id} is already registered as “{name}”. Use this existing person?</translation>
    </message>
</context>
</TS>
