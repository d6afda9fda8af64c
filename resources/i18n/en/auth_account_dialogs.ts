<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AccountDialogs</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <source>添加账号</source>
        <translation>Add account</translation>
    </message>
    <message>
        <source>录入员（录入和导出）</source>
        <translation>Clerk (records and exports)</translation>
    </message>
    <message>
        <source>管理员（另可管理账号、设置、删除和恢复备份）</source>
        <translation>Administrator (also accounts, settings, deletion and restore)</translation>
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
        <source>角色(&amp;R)：</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <source>密码(&amp;P)：</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>再输一次(&amp;A)：</source>
        <translation>&amp;Again:</translation>
    </message>
    <message>
        <source>请把密码当面告诉本人，并提醒他登录后在“账号与隐私”中自己修改。</source>
        <translation>Tell the person the password face to face and remind them to change it under “Accounts &amp; privacy” after signing in.</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>两次输入的密码不一致。</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>修改我的密码</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <source>重设 {who} 的密码</source>
        <translation>Reset the password of {who}</translation>
    </message>
    <message>
        <source>至少 {n} 位</source>
        <translation>at least {n} characters</translation>
    </message>
    <message>
        <source>原密码(&amp;O)：</source>
        <translation>&amp;Old password:</translation>
    </message>
    <message>
        <source>新密码(&amp;P)：</source>
        <translation>New &amp;password:</translation>
    </message>
    <message>
        <source>再输一次(&amp;A)：</source>
        <translation>&amp;Again:</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>两次输入的新密码不一致。</source>
        <translation>The two new passwords differ.</translation>
    </message>
</context>
</TS>
