<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>BackupSection</name>
    <message>
        <source>打开数据文件夹(&amp;O)</source>
        <translation>&amp;Open data folder</translation>
    </message>
    <message>
        <source>自动备份保留最近 14 份；“立即备份”生成的手动备份不会被自动删除。恢复备份前，程序会先把现在的台账另存为一份“恢复前备份”，恢复错了还可以再恢复回来。为防电脑损坏，请定期把数据文件夹复制到U盘。</source>
        <translation>The latest 14 automatic backups are kept; manual backups made with &quot;Back up now&quot; are never deleted automatically. Before restoring, the current ledger is saved as a &quot;before restore&quot; backup, so a wrong restore can be undone. Copy the data folder to a USB stick regularly in case the computer fails.</translation>
    </message>
    <message>
        <source>立即备份(&amp;B)</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <source>恢复所选备份(&amp;R)…</source>
        <translation>&amp;Restore selected backup…</translation>
    </message>
    <message>
        <source>数据文件夹：{path}</source>
        <translation>Data folder: {path}</translation>
    </message>
    <message>
        <source>无法打开文件夹，请手动打开：{path}</source>
        <translation>Cannot open the folder; please open it yourself: {path}</translation>
    </message>
    <message>
        <source>正在备份台账…</source>
        <translation>Backing up the ledger…</translation>
    </message>
    <message>
        <source>已备份到：{path}</source>
        <translation>Backed up to: {path}</translation>
    </message>
    <message>
        <source>请先在表格中选择一份备份。</source>
        <translation>First select a backup in the table.</translation>
    </message>
    <message>
        <source>用备份“{name}”（{time}）替换现在的台账吗？

现在的台账会先另存为一份“恢复前备份”；如果恢复错了，可以再从那份备份恢复回来。</source>
        <translation>Replace the current ledger with the backup &quot;{name}&quot; ({time})?

The current ledger is first saved as a &quot;before restore&quot; backup; if this was a mistake, you can restore from that backup.</translation>
    </message>
    <message>
        <source>已恢复。恢复前的台账另存为：{path}</source>
        <translation>Restored. The ledger as it was before is saved as: {path}</translation>
    </message>
    <message>
        <source>已从备份“{name}”恢复台账。

恢复前的台账已另存为：
{path}</source>
        <translation>The ledger has been restored from the backup &quot;{name}&quot;.

The ledger as it was before is saved as:
{path}</translation>
    </message>
    <message>
        <source>没有恢复：{reason}</source>
        <translation>Nothing restored: {reason}</translation>
    </message>
</context>
<context>
    <name>BackupTableModel</name>
    <message>
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>备份时间</source>
        <translation>Backed up at</translation>
    </message>
    <message>
        <source>自动备份</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>手动备份</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>恢复前备份</source>
        <translation>Before restore</translation>
    </message>
    <message>
        <source>升级前备份</source>
        <translation>Before upgrade</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
</context>
</TS>
