<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>RetryCountdown</name>
    <message>
        <source>现在可以再试一次。</source>
        <translation>You can try again now.</translation>
    </message>
    <message>
        <source>密码连续输错次数过多，请 {seconds} 秒后再试。</source>
        <translation>Too many wrong passwords in a row. Try again in {seconds} s.</translation>
    </message>
</context>
<context>
    <name>auth_common</name>
    <message>
        <source>全部（乡镇）</source>
        <translation>All (township)</translation>
    </message>
</context>
</TS>
