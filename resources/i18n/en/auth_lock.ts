<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>IdleLock</name>
    <message>
        <source>已锁定 — 防疫台账</source>
        <translation>Locked — Fangyi Ledger</translation>
    </message>
</context>
<context>
    <name>LockCover</name>
    <message>
        <source>防疫台账已锁定</source>
        <extracomment>Input that counts as &quot;someone is here&quot;.</extracomment>
        <translation>Fangyi Ledger is locked</translation>
    </message>
    <message>
        <source>台账内容已隐藏。未保存的输入都还在，解锁后继续。</source>
        <translation>The ledger is hidden. Unsaved input is kept: unlock to go on.</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>已锁定 — 防疫台账</source>
        <translation>Locked — Fangyi Ledger</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>退出程序</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>请输入 {who} 的密码解锁。</source>
        <translation>Enter the password of {who} to unlock.</translation>
    </message>
    <message>
        <source>退出程序会丢失尚未保存的输入。确定退出吗？</source>
        <translation>Quitting loses input that is not saved yet. Quit anyway?</translation>
    </message>
</context>
</TS>
