<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ExportForm</name>
    <message>
        <source>体温台账</source>
        <translation>Temperature ledger</translation>
    </message>
    <message>
        <source>体温填报表</source>
        <translation>Temperature fill-in sheet</translation>
    </message>
    <message>
        <source>包保责任表</source>
        <translation>Assignment sheet</translation>
    </message>
    <message>
        <source>卡点车辆登记表</source>
        <translation>Checkpoint vehicle log</translation>
    </message>
    <message>
        <source>在管人员台账</source>
        <translation>Roster under management</translation>
    </message>
    <message>
        <source>日报表</source>
        <translation>Daily report</translation>
    </message>
    <message>
        <source>日报表（零报告）</source>
        <translation>Daily report (zero report)</translation>
    </message>
    <message>
        <source>核酸检测台账</source>
        <translation>Nucleic-acid test ledger</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>上午体温</source>
        <translation>AM temperature</translation>
    </message>
    <message>
        <source>上午症状</source>
        <translation>AM symptoms</translation>
    </message>
    <message>
        <source>下午体温</source>
        <translation>PM temperature</translation>
    </message>
    <message>
        <source>下午症状</source>
        <translation>PM symptoms</translation>
    </message>
    <message>
        <source>事由</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>人员类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>体温</source>
        <translation>Temperature</translation>
    </message>
    <message>
        <source>体温异常</source>
        <translation>Abnormal temperature</translation>
    </message>
    <message>
        <source>值守人员</source>
        <translation>Duty staff</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>删除时间</source>
        <translation>Deleted at</translation>
    </message>
    <message>
        <source>包保人员</source>
        <translation>Responsible staff</translation>
    </message>
    <message>
        <source>包保角色</source>
        <translation>Staff role</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>卡点</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <source>号牌种类</source>
        <translation>Plate kind</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>处置</source>
        <translation>Disposition</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>已消毒</source>
        <translation>Disinfected</translation>
    </message>
    <message>
        <source>已解除</source>
        <translation>Released on</translation>
    </message>
    <message>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>录入时间</source>
        <translation>Recorded at</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>抵达日期</source>
        <translation>Arrival date</translation>
    </message>
    <message>
        <source>方向</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>时段</source>
        <translation>Time of day</translation>
    </message>
    <message>
        <source>是否消毒</source>
        <translation>Disinfected</translation>
    </message>
    <message>
        <source>是否解除隔离</source>
        <translation>Released</translation>
    </message>
    <message>
        <source>是否转为确诊</source>
        <translation>Confirmed case</translation>
    </message>
    <message>
        <source>最近核酸</source>
        <translation>Latest test</translation>
    </message>
    <message>
        <source>最高体温</source>
        <translation>Highest temperature</translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation>Village group</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>来源地</source>
        <translation>Coming from</translation>
    </message>
    <message>
        <source>来源地/旅居史</source>
        <translation>Coming from / travel history</translation>
    </message>
    <message>
        <source>来自车辆登记</source>
        <translation>From vehicle log</translation>
    </message>
    <message>
        <source>核酸</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>核酸检测</source>
        <translation>Nucleic-acid tests</translation>
    </message>
    <message>
        <source>核酸结果</source>
        <translation>Test result</translation>
    </message>
    <message>
        <source>检测日期</source>
        <translation>Tested on</translation>
    </message>
    <message>
        <source>检测机构</source>
        <translation>Laboratory</translation>
    </message>
    <message>
        <source>测量人</source>
        <translation>Measured by</translation>
    </message>
    <message>
        <source>测量日期</source>
        <translation>Measuring date</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>现住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>症状</source>
        <translation>Symptoms</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Registration</translation>
    </message>
    <message>
        <source>登记日期</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <source>目的地</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>管控措施</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>组别</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>结束原因</source>
        <translation>End reason</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>计划解除</source>
        <translation>Planned end</translation>
    </message>
    <message>
        <source>计划解除日期</source>
        <translation>Planned end date</translation>
    </message>
    <message>
        <source>证件号码</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>证件类型</source>
        <translation>Document type</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>车上人员</source>
        <translation>Passengers</translation>
    </message>
    <message>
        <source>车上人数</source>
        <translation>People aboard</translation>
    </message>
    <message>
        <source>车牌号</source>
        <translation>Plate</translation>
    </message>
    <message>
        <source>车辆登记</source>
        <translation>Vehicle log</translation>
    </message>
    <message>
        <source>车辆类型</source>
        <translation>Vehicle type</translation>
    </message>
    <message>
        <source>通过时间</source>
        <translation>Passed at</translation>
    </message>
    <message>
        <source>采取措施</source>
        <translation>Action taken</translation>
    </message>
    <message>
        <source>采样日期</source>
        <translation>Sampled on</translation>
    </message>
    <message>
        <source>隔离地点</source>
        <translation>Quarantine place</translation>
    </message>
    <message>
        <source>集中隔离</source>
        <translation>Centralised quarantine</translation>
    </message>
    <message>
        <source>驾驶员</source>
        <translation>Driver</translation>
    </message>
    <message>
        <source>驾驶员体温</source>
        <translation>Driver&apos;s temperature</translation>
    </message>
    <message>
        <source>驾驶员电话</source>
        <translation>Driver&apos;s phone</translation>
    </message>
    <message>
        <source>驾驶员身份证号</source>
        <translation>Driver&apos;s ID number</translation>
    </message>
</context>
</TS>
