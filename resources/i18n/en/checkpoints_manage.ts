<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>CheckpointDialog</name>
    <message>
        <source>修改卡点</source>
        <translation>Change checkpoint</translation>
    </message>
    <message>
        <source>添加卡点</source>
        <translation>Add checkpoint</translation>
    </message>
    <message>
        <source>启用（在卡点登记页可选）</source>
        <translation>In use (can be chosen on the checkpoint page)</translation>
    </message>
    <message>
        <source>卡点名称</source>
        <translation>Checkpoint name</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>负责人</source>
        <translation>Responsible</translation>
    </message>
</context>
<context>
    <name>CheckpointManager</name>
    <message>
        <source>添加卡点</source>
        <translation>Add checkpoint</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Stop using</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>In use</translation>
    </message>
</context>
<context>
    <name>CheckpointManagerDialog</name>
    <message>
        <source>管理卡点</source>
        <translation>Manage checkpoints</translation>
    </message>
</context>
<context>
    <name>CheckpointTableModel</name>
    <message>
        <source>卡点名称</source>
        <translation>Checkpoint name</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>负责人</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>In use</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Stopped</translation>
    </message>
</context>
</TS>
