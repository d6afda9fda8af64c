<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>RosterTableModel</name>
    <message>
        <source>包保</source>
        <extracomment>The roster&apos;s columns: the person/case fields shown in tables (registry order), then the badge.</extracomment>
        <translation>Staff</translation>
    </message>
    <message>
        <source>缺 {roles}</source>
        <extracomment>roster_ids(sort=...) per column; None: the column cannot be ordered in SQL (computed per page).</extracomment>
        <translation>Missing {roles}</translation>
    </message>
    <message>
        <source>已落实</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>缺少：{roles}</source>
        <translation>Missing: {roles}</translation>
    </message>
    <message>
        <source>未分配包保人员</source>
        <translation>No staff assigned</translation>
    </message>
    <message>
        <source>按此列不能排序</source>
        <translation>This column cannot be sorted</translation>
    </message>
    <message>
        <source>核酸阳性（采样 {day}）</source>
        <translation>POSITIVE test (sampled {day})</translation>
    </message>
    <message>
        <source>未做过核酸检测</source>
        <translation>Never tested</translation>
    </message>
    <message>
        <source>最近一次：{day} 采样，{result}</source>
        <translation>Latest: sampled {day}, {result}</translation>
    </message>
    <message>
        <source>核酸阳性（采样 {day}），尚未处置</source>
        <translation>POSITIVE test (sampled {day}), not handled yet</translation>
    </message>
    <message>
        <source>{month}月{day}日</source>
        <translation>{month}/{day}</translation>
    </message>
    <message>
        <source>已删除</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>在管</source>
        <translation>Under management</translation>
    </message>
    <message>
        <source>已结束</source>
        <translation>Ended</translation>
    </message>
</context>
</TS>
