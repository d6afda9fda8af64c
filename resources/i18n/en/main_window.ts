<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <source>{page} — 防疫台账</source>
        <translation>{page} — Fangyi Ledger</translation>
    </message>
    <message>
        <source>正在备份台账…</source>
        <translation>Backing up the ledger…</translation>
    </message>
    <message>
        <source>填报单位：{unit}</source>
        <translation>Reporting unit: {unit}</translation>
    </message>
    <message>
        <source>填报单位：未填写</source>
        <translation>Reporting unit: not set</translation>
    </message>
    <message>
        <source>操作员：{name}</source>
        <translation>Operator: {name}</translation>
    </message>
    <message>
        <source>服务器：{server}</source>
        <translation>Server: {server}</translation>
    </message>
    <message>
        <source>台账在乡镇服务器上：{server}</source>
        <translation>The ledger is on the township server: {server}</translation>
    </message>
    <message>
        <source>所属单位：{unit}</source>
        <translation>Unit: {unit}</translation>
    </message>
    <message>
        <source>数据目录：{path}</source>
        <translation>Data folder: {path}</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>立即备份(&amp;B)</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>转到(&amp;G)</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>语言 Language</source>
        <translation>Language 语言</translation>
    </message>
    <message>
        <source>中文</source>
        <translation>中文 (Chinese)</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>关于防疫台账(&amp;A)</source>
        <translation>&amp;About Fangyi Ledger</translation>
    </message>
    <message>
        <source>已自动备份：{name}</source>
        <translation>Automatic backup written: {name}</translation>
    </message>
    <message>
        <source>台账已备份到：
{path}</source>
        <translation>The ledger was backed up to:
{path}</translation>
    </message>
    <message>
        <source>界面语言将在下次启动本程序时切换为{language}。</source>
        <translation>The interface will switch to {language} the next time you start the program.</translation>
    </message>
    <message>
        <source>防疫台账 {version}

供村（社区）防疫工作人员离线使用的工作台账：人员排查登记、体温监测、包保责任、卡点登记和报表报送。

{where}</source>
        <translation>Fangyi Ledger {version}

An offline ledger for village and community epidemic-prevention staff: screening roster, temperature monitoring, assigned responsibility, checkpoint logs and reports.

{where}</translation>
    </message>
    <message>
        <source>关于防疫台账</source>
        <translation>About Fangyi Ledger</translation>
    </message>
</context>
</TS>
