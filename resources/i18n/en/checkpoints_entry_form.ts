<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>EntryForm</name>
    <message>
        <source>登记车辆：一停 二看 三问 四测 五消 六记</source>
        <translation>Register a vehicle: stop, look, ask, measure, disinfect, record</translation>
    </message>
    <message>
        <source>选填</source>
        <translation>optional</translation>
    </message>
    <message>
        <source> 人</source>
        <translation> people</translation>
    </message>
    <message>
        <source>车上总人数，含驾驶员</source>
        <translation>Everyone aboard, driver included</translation>
    </message>
    <message>
        <source>从哪里来（↑ 上次的）</source>
        <translation>Where from (↑ last one)</translation>
    </message>
    <message>
        <source>到谁家去（↑ 上次的）</source>
        <translation>Visiting whom (↑ last one)</translation>
    </message>
    <message>
        <source>来干什么（↑ 上次的）</source>
        <translation>Why (↑ last one)</translation>
    </message>
    <message>
        <source>已消毒</source>
        <translation>Disinfected</translation>
    </message>
    <message>
        <source>体温异常时必填：采取了什么措施（复测、送发热门诊、报告卫生院…）</source>
        <translation>Required for a fever: what was done (re-measured, sent to the fever clinic, reported to the health centre…)</translation>
    </message>
    <message>
        <source>处置情况</source>
        <translation>Action taken</translation>
    </message>
    <message>
        <source>需要逐一登记车上人员时展开（Alt+R 添加一行）</source>
        <translation>Open to register the passengers one by one (Alt+R adds a row)</translation>
    </message>
    <message>
        <source>取消修改</source>
        <translation>Cancel change</translation>
    </message>
    <message>
        <source>清空 (Esc)</source>
        <translation>Clear (Esc)</translation>
    </message>
    <message>
        <source>保存 (Enter)</source>
        <translation>Save (Enter)</translation>
    </message>
    <message>
        <source>车牌号</source>
        <translation>Plate</translation>
    </message>
    <message>
        <source>车辆类型</source>
        <translation>Vehicle type</translation>
    </message>
    <message>
        <source>方向</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>驾驶员</source>
        <translation>Driver</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>车上人数</source>
        <translation>People aboard</translation>
    </message>
    <message>
        <source>来源地</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>目的地</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>事由</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>处置</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>车牌号：{reason}</source>
        <translation>Plate: {reason}</translation>
    </message>
    <message>
        <source>第 {number} 位乘车人：{reason}</source>
        <translation>Passenger {number}: {reason}</translation>
    </message>
    <message>
        <source>体温 {value} ℃ 达到发热标准（≥{threshold} ℃），请填写采取的处置措施。</source>
        <translation>Temperature {value} ℃ is a fever (≥{threshold} ℃): please write down the action taken.</translation>
    </message>
    <message>
        <source>请先在上方选择卡点。</source>
        <translation>Please choose the checkpoint (above) first.</translation>
    </message>
    <message>
        <source>℃</source>
        <translation>℃</translation>
    </message>
    <message>
        <source>驾驶员体温</source>
        <translation>Driver&apos;s temperature</translation>
    </message>
    <message>
        <source>请在上方填写本班值守人员。</source>
        <translation>Fill in who is on duty this shift, above.</translation>
    </message>
    <message>
        <source>乘车人</source>
        <translation>Passenger</translation>
    </message>
    <message>
        <source>已带出上次登记信息（{when}）：{fields}</source>
        <translation>Filled in from the last entry ({when}): {fields}</translation>
    </message>
    <message>
        <source>注意：该车 {when} 曾被劝返。</source>
        <translation>Note: this vehicle was turned back on {when}.</translation>
    </message>
    <message>
        <source>体温异常 {value} ℃</source>
        <translation>Fever {value} ℃</translation>
    </message>
    <message>
        <source>处置情况 *</source>
        <translation>Action taken *</translation>
    </message>
    <message>
        <source>乘车人明细 {arrow} ({count})</source>
        <translation>Passengers {arrow} ({count})</translation>
    </message>
    <message>
        <source>正在修改 {plate}（{time}）的登记</source>
        <translation>Changing the entry of {plate} ({time})</translation>
    </message>
    <message>
        <source>保存修改 (Enter)</source>
        <translation>Save changes (Enter)</translation>
    </message>
</context>
</TS>
