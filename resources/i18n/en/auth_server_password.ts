<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ServerPasswordDialog</name>
    <message>
        <source>连接乡镇服务器 — 防疫台账</source>
        <translation>Connect to the township server — Fangyi Ledger</translation>
    </message>
    <message>
        <source>连接乡镇服务器</source>
        <translation>Connect to the township server</translation>
    </message>
    <message>
        <source>服务器：</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>密码(&amp;P)：</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>连接</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>台账在乡镇的数据库服务器上。本机保存的服务器密码（环境变量 PGPASSWORD 或密码文件 PGPASSFILE 中的）被服务器拒绝了，可能密码已经改过。请输入现在的密码：只用于这次连接，不会保存；本机保存的密码请找服务器管理员更正，否则下次还会问。</source>
        <translation>The ledger is on the township&apos;s database server. The server password saved on this computer (in the PGPASSWORD environment variable or the PGPASSFILE password file) was refused by the server; it may have been changed. Type the current password: it is used for this connection only and never saved. Ask the server&apos;s administrator to correct the saved password, or you will be asked again next time.</translation>
    </message>
    <message>
        <source>台账在乡镇的数据库服务器上，服务器要求密码（环境变量 PGPASSWORD 和密码文件 PGPASSFILE 中都没有）。密码只用于这次连接，不会保存；不知道密码请找服务器管理员。</source>
        <translation>The ledger is on the township&apos;s database server, which asks for a password (neither the PGPASSWORD variable nor the PGPASSFILE password file has one). It is used for this connection only and never saved; ask the server&apos;s administrator if you do not know it.</translation>
    </message>
    <message>
        <source>请输入服务器密码。</source>
        <translation>Please enter the server&apos;s password.</translation>
    </message>
    <message>
        <source>密码不对，服务器拒绝登录，请重新输入。</source>
        <translation>Wrong password: the server refused to sign in. Please type it again.</translation>
    </message>
</context>
</TS>
