<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>PersonView</name>
    <message>
        <source>← 返回台账 (Esc)</source>
        <translation>← Back to roster (Esc)</translation>
    </message>
    <message>
        <source>编辑 (F2)</source>
        <translation>Edit (F2)</translation>
    </message>
    <message>
        <source>解除/结束</source>
        <translation>End</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>证件</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation>Village group</translation>
    </message>
    <message>
        <source>现住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>：</source>
        <translation>:</translation>
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
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>计划解除</source>
        <translation>Planned end</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>去分配包保</source>
        <translation>Assign staff</translation>
    </message>
    <message>
        <source>未处置</source>
        <translation>Not handled</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>情况</source>
        <translation>What was seen</translation>
    </message>
    <message>
        <source>处置</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>处理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>采样日期</source>
        <translation>Sampled</translation>
    </message>
    <message>
        <source>检测结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>检测机构</source>
        <translation>Lab</translation>
    </message>
    <message>
        <source>结果日期</source>
        <translation>Result date</translation>
    </message>
    <message>
        <source>管控记录（选中一条查看该期的包保、体温和异常）</source>
        <translation>Periods of management (select one to see its staff, readings and anomalies)</translation>
    </message>
    <message>
        <source>包保责任人</source>
        <translation>Responsible staff</translation>
    </message>
    <message>
        <source>异常与处置</source>
        <translation>Anomalies and actions</translation>
    </message>
    <message>
        <source>体温</source>
        <translation>Temperatures</translation>
    </message>
    <message>
        <source>核酸检测</source>
        <translation>Nucleic-acid tests</translation>
    </message>
    <message>
        <source>{age} 岁</source>
        <translation>{age} years</translation>
    </message>
    <message>
        <source>未填</source>
        <translation>not given</translation>
    </message>
    <message>
        <source>异常与处置（{count}）</source>
        <translation>Anomalies and actions ({count})</translation>
    </message>
    <message>
        <source>核酸检测（{count}）</source>
        <translation>Nucleic-acid tests ({count})</translation>
    </message>
    <message>
        <source>核酸阳性（采样 {month}月{day}日）· 未处置</source>
        <translation>POSITIVE test (sampled {month}/{day}) · not handled</translation>
    </message>
    <message>
        <source>本期管控措施不要求核酸检测。</source>
        <translation>This measure asks for no tests.</translation>
    </message>
    <message>
        <source>检测安排：</source>
        <translation>Schedule: </translation>
    </message>
    <message>
        <source>漏检</source>
        <translation>missed</translation>
    </message>
    <message>
        <source>今日应检</source>
        <translation>due today</translation>
    </message>
    <message>
        <source>待检</source>
        <translation>to come</translation>
    </message>
    <message>
        <source>结果未出</source>
        <translation>result pending</translation>
    </message>
    <message>
        <source>第{number}天 {date} {state}</source>
        <translation>day {number} {date} {state}</translation>
    </message>
    <message>
        <source>无包保人员（该措施不要求包保）</source>
        <translation>No responsible staff (not required for this measure)</translation>
    </message>
    <message>
        <source>来自卡点：{checkpoint} {plate}，{time}</source>
        <translation>Came through checkpoint: {checkpoint} {plate}, {time}</translation>
    </message>
    <message>
        <source>上午</source>
        <translation>Morning</translation>
    </message>
    <message>
        <source>下午</source>
        <translation>Afternoon</translation>
    </message>
</context>
</TS>
