<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ShutdownGuard</name>
    <message>
        <source>还有未保存的内容（{forms}）。退出后这些内容不会保存，仍要退出吗？</source>
        <translation>There is unsaved input ({forms}). It will not be saved if you quit. Quit anyway?</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>无法使用数据目录 {path}：{error}</source>
        <extracomment>When set, the app prints this variable&apos;s value once its first window is shown, and again once Today has its numbers, then quits: the cold-start benchmark (bench/startup.py) times a real start-up with it.</extracomment>
        <translation>Cannot use the data folder {path}: {error}</translation>
    </message>
    <message>
        <source>无法打开台账文件 {path}：{error}</source>
        <translation>Cannot open the ledger file {path}: {error}</translation>
    </message>
</context>
</TS>
