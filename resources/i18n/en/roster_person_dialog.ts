<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>PersonDialog</name>
    <message>
        <source>修改登记信息</source>
        <extracomment>Marked * and refused blank (the name and the category and measure lists check themselves). Dates that may lie ahead (the rest have happened: the services refuse a future one).</extracomment>
        <translation>Change registration</translation>
    </message>
    <message>
        <source>新增人员登记</source>
        <translation>New registration</translation>
    </message>
    <message>
        <source>18 位，最后一位可以是 X</source>
        <translation>18 characters, the last may be X</translation>
    </message>
    <message>
        <source>使用该人员</source>
        <translation>Use this person</translation>
    </message>
    <message>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>手机 11 位，座机如 0577-88001234</source>
        <translation>Mobile: 11 digits; landline like 0577-88001234</translation>
    </message>
    <message>
        <source>如 一组、3号楼</source>
        <translation>e.g. Group 1, Building 3</translation>
    </message>
    <message>
        <source>请选择</source>
        <translation>Choose</translation>
    </message>
    <message>
        <source>如 上海市浦东新区</source>
        <translation>e.g. Pudong, Shanghai</translation>
    </message>
    <message>
        <source>计划解除日期</source>
        <translation>Planned end date</translation>
    </message>
    <message>
        <source>人员信息</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>证件号码</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>管控信息</source>
        <translation>Management</translation>
    </message>
    <message>
        <source>保存 (Ctrl+S)</source>
        <extracomment>The date inputs, in the form&apos;s order, with the names a clerk reads them by.</extracomment>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>已输入 {count} 位，共 18 位</source>
        <translation>{count} of 18 characters typed</translation>
    </message>
    <message>
        <source>✓ {born} 出生，{sex}，{age} 岁</source>
        <translation>✓ born {born}, {sex}, {age} years</translation>
    </message>
    <message>
        <source>（15 位老号码，已升级为 {number}）</source>
        <translation> (old 15-digit number, upgraded to {number})</translation>
    </message>
    <message>
        <source>将为已登记的「{name}」新增一次管控登记</source>
        <translation>A new period will be registered for {name}, already in the ledger</translation>
    </message>
    <message>
        <source>未填组别</source>
        <translation>no group</translation>
    </message>
    <message>
        <source>此身份证号已登记为 {name}（{group}），可直接使用该人员</source>
        <translation>This ID number is registered as {name} ({group}); you can use that person</translation>
    </message>
    <message>
        <source>此证件号码已属于另一人 {name}（{group}），请核对</source>
        <translation>This number already belongs to {name} ({group}), please check</translation>
    </message>
    <message>
        <source>已按身份证号自动填写</source>
        <translation>Filled in from the ID number</translation>
    </message>
    <message>
        <source>{measure}不设观察期</source>
        <translation>{measure} has no observation period</translation>
    </message>
    <message>
        <source>{measure}按 {days} 天计（可修改）</source>
        <translation>{measure}: {days} days (can be changed)</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>人员类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>管控措施</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>计划解除日期：{end} 早于开始日期（{start}），请核对</source>
        <translation>Planned end date: {end} is before the start date ({start}), please check</translation>
    </message>
    <message>
        <source>姓名：不能为空</source>
        <translation>Name: required</translation>
    </message>
    <message>
        <source>保存前请填写或改正：{fields}</source>
        <translation>Fill in or correct before saving: {fields}</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>此身份证号已登记为 {name}（{group}），使用该人员？</source>
        <translation>This ID number is registered as {name} ({group}). Use that person?</translation>
    </message>
    <message>
        <source>放弃已填写的内容？填写的信息不会保存。</source>
        <translation>Discard what you typed? It will not be saved.</translation>
    </message>
</context>
</TS>
