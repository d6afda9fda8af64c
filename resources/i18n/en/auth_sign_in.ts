<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>SignInDialog</name>
    <message>
        <source>登录 — 防疫台账</source>
        <translation>Sign in — Fangyi Ledger</translation>
    </message>
    <message>
        <source>请登录</source>
        <translation>Please sign in</translation>
    </message>
    <message>
        <source>账号(&amp;U)：</source>
        <translation>&amp;Account:</translation>
    </message>
    <message>
        <source>密码(&amp;P)：</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>台账中有全村人员的身份证号、电话和健康信息，请用自己的账号登录。忘记密码请找管理员重设。</source>
        <translation>The ledger holds the ID numbers, phones and health data of the whole village: sign in with your own account. If you forgot your password, ask the administrator to reset it.</translation>
    </message>
    <message>
        <source>请填写账号。</source>
        <translation>Please enter the account.</translation>
    </message>
</context>
</TS>
