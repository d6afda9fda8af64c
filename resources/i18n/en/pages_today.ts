<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>TodayPage</name>
    <message>
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <source>导出今日日报(&amp;R)…</source>
        <translation>Export today&apos;s &amp;report…</translation>
    </message>
    <message>
        <source>今日</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>组别</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>时段</source>
        <translation>Round</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>包保人员</source>
        <translation>Responsible staff</translation>
    </message>
    <message>
        <source>未分配</source>
        <translation>Not assigned</translation>
    </message>
    <message>
        <source>本时段体温已全部登记 ✓</source>
        <translation>All readings of this round are in ✓</translation>
    </message>
    <message>
        <source>发现</source>
        <translation>Found</translation>
    </message>
    <message>
        <source>情况</source>
        <translation>What was seen</translation>
    </message>
    <message>
        <source>已采取措施</source>
        <translation>Action taken</translation>
    </message>
    <message>
        <source>没有待处置的异常 ✓</source>
        <translation>No anomalies waiting ✓</translation>
    </message>
    <message>
        <source>只列出前 {shown} 条，还有 {more} 条 → &lt;a href=&quot;rounds&quot;&gt;在体温登记页查看&lt;/a&gt;</source>
        <translation>Showing the first {shown}; {more} more → &lt;a href=&quot;rounds&quot;&gt;see them on Temperature rounds&lt;/a&gt;</translation>
    </message>
    <message>
        <source>管控措施</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>计划解除</source>
        <translation>Planned end</translation>
    </message>
    <message>
        <source>解除条件</source>
        <translation>Release check</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>今天没有期满待解除的人员 ✓</source>
        <translation>Nobody is due for release today ✓</translation>
    </message>
    <message>
        <source>只列出前 {shown} 人，还有 {more} 人 → &lt;a href=&quot;roster&quot;&gt;在人员台账中查看&lt;/a&gt;</source>
        <translation>Showing the first {shown}; {more} more → &lt;a href=&quot;roster&quot;&gt;see them in the Roster&lt;/a&gt;</translation>
    </message>
    <message>
        <source>缺少</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>缺 {roles}</source>
        <translation>Missing {roles}</translation>
    </message>
    <message>
        <source>包保责任人都已落实 ✓</source>
        <translation>Every case has its responsible staff ✓</translation>
    </message>
    <message>
        <source>只列出前 {shown} 人，还有 {more} 人 → &lt;a href=&quot;gaps&quot;&gt;在包保责任页查看&lt;/a&gt;</source>
        <translation>Showing the first {shown}; {more} more → &lt;a href=&quot;gaps&quot;&gt;see them on Assignments&lt;/a&gt;</translation>
    </message>
    <message>
        <source>双击或回车打开处理的地方</source>
        <translation>Double-click or press Enter to open where it is handled</translation>
    </message>
    <message>
        <source>欢迎使用防疫台账</source>
        <translation>Welcome to Fangyi Ledger</translation>
    </message>
    <message>
        <source>台账里还没有人员和包保人员。可以从这里开始：</source>
        <translation>The ledger has no people and no staff yet. Start here:</translation>
    </message>
    <message>
        <source>添加第一个人员</source>
        <translation>Add the first person</translation>
    </message>
    <message>
        <source>导入名单</source>
        <translation>Import a list</translation>
    </message>
    <message>
        <source>载入演示村</source>
        <translation>Load the demo village</translation>
    </message>
    <message>
        <source>逐个登记排查到的人员</source>
        <translation>Register people one by one</translation>
    </message>
    <message>
        <source>从乡镇下发的 Excel 名单一次导入</source>
        <translation>Import the Excel list sent by the township in one go</translation>
    </message>
    <message>
        <source>生成一个虚构的演示村，先熟悉各项功能（正式使用请换新的数据目录）</source>
        <translation>Create a fictitious demo village to learn the app (use a new data folder for real work)</translation>
    </message>
    <message>
        <source>今日事项读取失败：{error}</source>
        <translation>Could not read today&apos;s tasks: {error}</translation>
    </message>
    <message>
        <source>{month}月{day}日 {weekday} {time} · {slot}体温 {deadline} 截止</source>
        <translation>{weekday} {month}/{day} {time} · {slot} readings due by {deadline}</translation>
    </message>
    <message>
        <source>待处置异常（{count}）</source>
        <translation>Open anomalies ({count})</translation>
    </message>
    <message>
        <source>期满待解除（{count}）</source>
        <translation>Due for release ({count})</translation>
    </message>
    <message>
        <source>包保未落实（{count}）</source>
        <translation>Missing responsible staff ({count})</translation>
    </message>
    <message>
        <source>今日日报：每日 {deadline} 前报送 · 已于 {time} 由 {who} 导出</source>
        <translation>Today&apos;s report: due daily by {deadline} · exported at {time} by {who}</translation>
    </message>
    <message>
        <source>今日日报：每日 {deadline} 前报送 · 已过截止时间，尚未导出！</source>
        <translation>Today&apos;s report: due daily by {deadline} · past the deadline and not exported yet!</translation>
    </message>
    <message>
        <source>今日日报：每日 {deadline} 前报送 · 尚未导出</source>
        <translation>Today&apos;s report: due daily by {deadline} · not exported yet</translation>
    </message>
    <message>
        <source>{summary}
已保存到：{path}</source>
        <translation>{summary}
Saved to: {path}</translation>
    </message>
    <message>
        <source>{slot}体温
已测 {taken} / {due}</source>
        <translation>{slot} readings
{taken} / {due} taken</translation>
    </message>
    <message>
        <source>{slot}体温 · 漏测 {late} 人
已测 {taken} / {due}</source>
        <translation>{slot} readings · {late} missed
{taken} / {due} taken</translation>
    </message>
    <message>
        <source>待处置异常
{count} 条（未处置 {unhandled}）</source>
        <translation>Open anomalies
{count} ({unhandled} not handled)</translation>
    </message>
    <message>
        <source>期满待解除
{count} 人</source>
        <translation>Due for release
{count} people</translation>
    </message>
    <message>
        <source>包保未落实
{count} 人</source>
        <translation>Missing staff
{count} people</translation>
    </message>
    <message>
        <source>今日卡点
{vehicles} 辆 / {people} 人次，劝返 {back} 辆</source>
        <translation>Checkpoints today
{vehicles} vehicles / {people} people, {back} turned back</translation>
    </message>
    <message>
        <source>{slot}体温 {deadline} 已截止，还有 {count} 人未测！</source>
        <translation>{slot} readings were due by {deadline}; {count} people still not measured!</translation>
    </message>
    <message>
        <source>人数较多，这里只列出一部分，全部名单请到“体温登记”页。</source>
        <translation>Only part of the list is shown here; see the Temperatures page for everyone.</translation>
    </message>
    <message>
        <source>待测体温（{count}）</source>
        <translation>Readings due ({count})</translation>
    </message>
    <message>
        <source>核酸检测 · 应检 {due}
已采样 {sampled}，未出 {pending}，阳性 {positive}</source>
        <translation>Tests · due {due}
sampled {sampled}, pending {pending}, positive {positive}</translation>
    </message>
    <message>
        <source>核酸阳性：{names} —— 请立即报告并转运/送医！</source>
        <translation>POSITIVE test: {names} — report now and transfer to hospital!</translation>
    </message>
    <message>
        <source>可以解除</source>
        <translation>Can be released</translation>
    </message>
    <message>
        <source>解除</source>
        <translation>Release</translation>
    </message>
    <message>
        <source>上午</source>
        <translation>Morning</translation>
    </message>
    <message>
        <source>下午</source>
        <translation>Afternoon</translation>
    </message>
    <message>
        <source>{slot} 漏测</source>
        <translation>{slot} missed</translation>
    </message>
    <message>
        <source>未处置</source>
        <translation>Not handled</translation>
    </message>
    <message>
        <source>{date} 逾期 {days} 天</source>
        <translation>{date} overdue {days} days</translation>
    </message>
    <message>
        <source>{date} 今天</source>
        <translation>{date} today</translation>
    </message>
    <message>
        <source>将在当前台账里生成一个虚构的演示村（60 人、14 天的体温和卡点记录），用来熟悉各项功能。
正式登记时请使用新的数据目录。继续吗？</source>
        <translation>This creates a fictitious demo village in the current ledger (60 people, 14 days of readings and checkpoint logs) to learn the app.
Use a new data folder for real work. Continue?</translation>
    </message>
    <message>
        <source>正在生成演示村…</source>
        <translation>Creating the demo village…</translation>
    </message>
</context>
</TS>
