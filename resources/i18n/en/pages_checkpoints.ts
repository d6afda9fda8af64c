<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>CheckpointsPage</name>
    <message>
        <source>管理卡点</source>
        <translation>Manage checkpoints</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>导出卡点车辆登记表（Excel）</source>
        <translation>Export the checkpoint vehicle log (Excel)</translation>
    </message>
    <message>
        <source>还没有卡点：请先点“管理卡点”添加本村的卡点，再开始登记。</source>
        <translation>No checkpoint yet: click “Manage checkpoints” to add this village&apos;s checkpoint, then start registering.</translation>
    </message>
    <message>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>转入居家观察…</source>
        <translation>To home observation…</translation>
    </message>
    <message>
        <source>把这辆车上需要居家观察的人（如来自风险地区）直接转入人员台账并安排三包一</source>
        <translation>Put someone from this vehicle who needs home observation (e.g. from a risk area) straight on the roster with a three-to-one team</translation>
    </message>
    <message>
        <source>删除 (Del)</source>
        <translation>Delete (Del)</translation>
    </message>
    <message>
        <source>撤销删除 (Ctrl+Z)</source>
        <translation>Undo delete (Ctrl+Z)</translation>
    </message>
    <message>
        <source>卡点登记</source>
        <translation>Checkpoints</translation>
    </message>
    <message>
        <source>填好按 Enter 保存，光标回到车牌；↑ 带出上次的来源地/目的地/事由，F3 同上一辆，F2 选省份，Esc 清空。</source>
        <translation>Enter saves and goes back to the plate; ↑ recalls the last origin/destination/purpose, F3 repeats the last car&apos;s, F2 picks the province, Esc clears.</translation>
    </message>
    <message>
        <source>登记记录</source>
        <translation>Entries on</translation>
    </message>
    <message>
        <source>已保存：{plate}（{time}）</source>
        <translation>Saved: {plate} ({time})</translation>
    </message>
    <message>
        <source>车上有人发热（{who}），确定放行吗？</source>
        <translation>Someone aboard has a fever ({who}). Let the vehicle through anyway?</translation>
    </message>
    <message>
        <source>未保存：请改选处置（劝返或上报），或确认放行。</source>
        <translation>Not saved: choose another disposition (turn back or report), or confirm letting it through.</translation>
    </message>
    <message>
        <source>本班（自 {time}）：{numbers}</source>
        <translation>This shift (since {time}): {numbers}</translation>
    </message>
    <message>
        <source>{day}：{numbers}</source>
        <translation>{day}: {numbers}</translation>
    </message>
    <message>
        <source>今日</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>检查车辆 {vehicles} 辆 · 检查人数 {people} 人次 · 劝返车辆 {back} 辆 · 劝返人数 {back_people} 人次 · 体温异常 {abnormal} 辆</source>
        <translation>Vehicles checked {vehicles} · people checked {people} · vehicles turned back {back} · people turned back {back_people} · fevers {abnormal}</translation>
    </message>
    <message>
        <source>已删除 {plate}（{time}）的登记</source>
        <translation>Deleted the entry of {plate} ({time})</translation>
    </message>
    <message>
        <source>未定</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>已转入台账：{name}，{measure}，计划解除 {until}。</source>
        <translation>Moved to the roster: {name}, {measure}, planned release {until}.</translation>
    </message>
    <message>
        <source>正在导出卡点车辆登记表…</source>
        <translation>Exporting the checkpoint vehicle log…</translation>
    </message>
    <message>
        <source>保存卡点车辆登记表</source>
        <translation>Save the checkpoint vehicle log</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>已导出 {vehicles} 辆车、车上人员 {people} 人：
{path}</source>
        <translation>Exported {vehicles} vehicles and {people} passengers:
{path}</translation>
    </message>
</context>
</TS>
