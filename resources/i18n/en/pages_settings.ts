<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>SettingsPage</name>
    <message>
        <source>填报单位信息、防控策略（发热标准、统计截止时间）、管控措施与包保角色、人员类别、卡点、打印文书的文字，以及备份与恢复。</source>
        <translation>Reporting unit, control policy (fever threshold, statistics cut-off), measures and responsibility roles, person categories, checkpoints, the wording of printed notices, and backup and restore.</translation>
    </message>
    <message>
        <source>填报单位</source>
        <translation>Reporting unit</translation>
    </message>
    <message>
        <source>防控策略</source>
        <translation>Policy</translation>
    </message>
    <message>
        <source>管控措施</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>人员类别</source>
        <translation>Categories</translation>
    </message>
    <message>
        <source>包保角色</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>卡点</source>
        <translation>Checkpoints</translation>
    </message>
    <message>
        <source>打印文书</source>
        <translation>Printed notices</translation>
    </message>
    <message>
        <source>备份与恢复</source>
        <translation>Backup &amp; restore</translation>
    </message>
    <message>
        <source>账号与隐私</source>
        <translation>Accounts &amp; privacy</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>当前账号（{role}）只能查看设置；修改设置需要管理员账号。</source>
        <translation>This account ({role}) can only view the settings; changing them needs an administrator account.</translation>
    </message>
    <message>
        <source>卡点管理尚未安装，请在“卡点登记”页管理卡点。</source>
        <translation>Checkpoint management is not available here; manage checkpoints on the Checkpoint log page.</translation>
    </message>
</context>
</TS>
