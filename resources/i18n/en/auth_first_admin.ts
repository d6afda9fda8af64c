<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>设置管理员账号</source>
        <translation>Set up the administrator</translation>
    </message>
    <message>
        <source>例如：wangshuji（登录时输入）</source>
        <translation>e.g. wangshuji (typed when signing in)</translation>
    </message>
    <message>
        <source>例如：王书记（记入操作留痕）</source>
        <translation>e.g. Secretary Wang (recorded in the audit trail)</translation>
    </message>
    <message>
        <source>至少 {n} 位</source>
        <translation>at least {n} characters</translation>
    </message>
    <message>
        <source>账号(&amp;U)：</source>
        <translation>&amp;Account:</translation>
    </message>
    <message>
        <source>姓名(&amp;N)：</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>密码(&amp;P)：</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>再输一次(&amp;R)：</source>
        <translation>&amp;Repeat:</translation>
    </message>
    <message>
        <source>创建管理员</source>
        <translation>Create administrator</translation>
    </message>
    <message>
        <source>以后再说</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>先设置一个管理员账号</source>
        <translation>First set up an administrator account</translation>
    </message>
    <message>
        <source>台账中有全村人员的身份证号、电话和健康信息。设置管理员后，每次打开本程序都要登录，离开电脑一段时间会自动锁定；录入员账号由管理员在“设置 → 账号与隐私”中添加。
现在不设置，任何人打开本程序都能看到全部数据；以后可随时在“设置 → 账号与隐私”中设置。</source>
        <translation>The ledger holds the ID numbers, phones and health records of everyone in the village. Once an administrator is set, everyone must sign in when the program opens, and it locks itself after a while away from the computer; clerk accounts are added by the administrator under &quot;Settings → Accounts and privacy&quot;.
Without one, anyone who opens the program sees all the data; you can set one up at any time under &quot;Settings → Accounts and privacy&quot;.</translation>
    </message>
    <message>
        <source>两次输入的密码不一致。</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
</TS>
