<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>PlateInput</name>
    <message>
        <source>省份简称（F2 选择）；默认是上一辆车的</source>
        <translation>Province abbreviation (F2 to choose); defaults to the last car&apos;s</translation>
    </message>
    <message>
        <source>A12345</source>
        <translation>A12345</translation>
    </message>
    <message>
        <source>直接输入字母和数字；整个车牌（如 粤Z1234港）也可以，全角自动转半角</source>
        <translation>Type the letters and digits; a whole plate (e.g. 粤Z1234港) works too, full-width is converted</translation>
    </message>
    <message>
        <source>其他号牌(&amp;Q)</source>
        <translation>Other plate (&amp;Q)</translation>
    </message>
    <message>
        <source>军车、武警、临时号牌等格式特殊的号牌：勾选（Alt+Q）后按原样保存</source>
        <translation>Military, armed police, temporary and other unusual plates: tick (Alt+Q) to save as typed</translation>
    </message>
    <message>
        <source>✓ {kind}</source>
        <translation>✓ {kind}</translation>
    </message>
</context>
<context>
    <name>PlateKind</name>
    <message>
        <source>普通号牌</source>
        <translation>Ordinary plate</translation>
    </message>
    <message>
        <source>新能源小型车</source>
        <translation>New-energy small vehicle</translation>
    </message>
    <message>
        <source>新能源大型车</source>
        <translation>New-energy large vehicle</translation>
    </message>
    <message>
        <source>挂/学/警/领</source>
        <translation>Trailer/learner/police/consulate</translation>
    </message>
    <message>
        <source>粤Z港澳</source>
        <translation>Guangdong Z (HK/Macau)</translation>
    </message>
    <message>
        <source>其他号牌</source>
        <translation>Other plate</translation>
    </message>
</context>
</TS>
