<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>PersonView</name>
    <message>
        <source>← 返回台账 (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编辑 (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>解除/结束</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>现住址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人员类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>管控措施</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>计划解除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>去分配包保</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未处置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>处置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>处理中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>管控记录（选中一条查看该期的包保、体温和异常）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>包保责任人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>异常与处置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>体温</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{age} 岁</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未填</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>异常与处置（{count}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无包保人员（该措施不要求包保）</source>
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
</context>
</TS>
