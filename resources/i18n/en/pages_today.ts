<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>TodayPage</name>
    <message>
        <source>刷新 (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>今日</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>组别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>时段</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>包保人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未分配</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本时段体温已全部登记 ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>发现</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已采取措施</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有待处置的异常 ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>管控措施</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>计划解除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>操作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>今天没有期满待解除的人员 ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>缺少</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>缺 {roles}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>包保责任人都已落实 ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>双击或回车打开处理的地方</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>欢迎使用防疫台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>台账里还没有人员和包保人员。可以从这里开始：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>添加第一个人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入名单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>载入演示村</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>逐个登记排查到的人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>从乡镇下发的 Excel 名单一次导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>生成一个虚构的演示村，先熟悉各项功能（正式使用请换新的数据目录）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>今日事项读取失败：{error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{month}月{day}日 星期{weekday} {time} · {slot}体温 {deadline} 截止</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>待处置异常（{count}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期满待解除（{count}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>包保未落实（{count}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{slot}体温
已测 {taken} / {due}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{slot}体温 · 漏测 {late} 人
已测 {taken} / {due}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>待处置异常
{count} 条（未处置 {unhandled}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期满待解除
{count} 人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>包保未落实
{count} 人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>今日卡点
{vehicles} 辆 / {people} 人次，劝返 {back} 辆</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{slot}体温 {deadline} 已截止，还有 {count} 人未测！</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人数较多，这里只列出一部分，全部名单请到“体温登记”页。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>待测体温（{count}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>解除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上午</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>下午</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{slot} 漏测</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未处置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{date} 逾期 {days} 天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{date} 今天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>将在当前台账里生成一个虚构的演示村（60 人、14 天的体温和卡点记录），用来熟悉各项功能。
正式登记时请使用新的数据目录。继续吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在生成演示村…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
