<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AccountsModel</name>
    <message>
        <source>账号</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>所属单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>密码输错，暂停登录至 {time}</source>
        <translation>Wrong passwords: paused until {time}</translation>
    </message>
    <message>
        <source>可用</source>
        <translation>Active</translation>
    </message>
</context>
<context>
    <name>AccountsWidget</name>
    <message>
        <source>修改我的密码(&amp;P)…</source>
        <translation>Change my &amp;password…</translation>
    </message>
    <message>
        <source>设置管理员账号(&amp;M)…</source>
        <translation>Set up the ad&amp;ministrator…</translation>
    </message>
    <message>
        <source>添加账号(&amp;A)…</source>
        <translation>&amp;Add account…</translation>
    </message>
    <message>
        <source>停用(&amp;D)</source>
        <translation>&amp;Disable</translation>
    </message>
    <message>
        <source>改为管理员</source>
        <translation>Make administrator</translation>
    </message>
    <message>
        <source>重设密码(&amp;R)…</source>
        <translation>&amp;Reset password…</translation>
    </message>
    <message>
        <source>只有管理员可以添加、停用账号、设置所属单位和重设别人的密码。</source>
        <translation>Only an administrator can add and disable accounts, set their unit and reset other people&apos;s passwords.</translation>
    </message>
    <message>
        <source>设置所属单位(&amp;U)</source>
        <translation>Set &amp;unit</translation>
    </message>
    <message>
        <source>所属单位：</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <source>所属单位只用于乡镇服务器上多个村共用的台账；本机台账只有一个村，每个账号都看本村全部人员。</source>
        <translation>Units apply only to a ledger on a township server that several villages share; a ledger on this computer holds one village, and every account sees all its people.</translation>
    </message>
    <message>
        <source>操作员账号</source>
        <translation>Operator accounts</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>导出时默认隐藏身份证号和电话</source>
        <translation>Hide ID numbers and phones in exports by default</translation>
    </message>
    <message>
        <source>勾选的表导出时，身份证号只显示前 6 位和后 4 位（110105********002X），电话只显示前 3 位和后 4 位（138****5678）。每次导出时仍可改选；也可以给导出的文件设置打开密码。</source>
        <translation>Ticked reports are exported with ID numbers showing only the first 6 and last 4 characters (110105********002X) and phones only the first 3 and last 4 digits (138****5678). This can still be changed for each export, and an exported file can also be given a password.</translation>
    </message>
    <message>
        <source>当前登录：{name}（{account}，{role}）</source>
        <translation>Signed in: {name} ({account}, {role})</translation>
    </message>
    <message>
        <source>当前未登录。</source>
        <translation>Not signed in.</translation>
    </message>
    <message>
        <source>还没有账号：任何人打开本程序都能看到全部数据。请先设置管理员账号。</source>
        <translation>No accounts yet: anyone who opens the app sees all data. Please set up the administrator first.</translation>
    </message>
    <message>
        <source>启用(&amp;E)</source>
        <translation>&amp;Enable</translation>
    </message>
    <message>
        <source>改为录入员</source>
        <translation>Make clerk</translation>
    </message>
    <message>
        <source>已添加账号：{account}（{name}，{role}）。</source>
        <translation>Account added: {account} ({name}, {role}).</translation>
    </message>
    <message>
        <source>密码已修改。</source>
        <translation>Password changed.</translation>
    </message>
    <message>
        <source>停用账号“{account}”（{name}）？停用后不能再登录，操作留痕中仍保留其名字。</source>
        <translation>Disable the account “{account}” ({name})? It can no longer sign in; the audit trail keeps its name.</translation>
    </message>
    <message>
        <source>已设置：{account} 属于 {unit}。</source>
        <translation>Set: {account} belongs to {unit}.</translation>
    </message>
    <message>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
</context>
</TS>
