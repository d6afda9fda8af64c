<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>NoticeTemplatesForm</name>
    <message>
        <source>文书(&amp;K)</source>
        <translation>&amp;Notice</translation>
    </message>
    <message>
        <source>标题(&amp;T)</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <source>正文(&amp;B)</source>
        <translation>&amp;Body</translation>
    </message>
    <message>
        <source>正文每行为一段。可用的占位符（打印时换成每个人的内容）：{names}。包保人员表、填报单位（盖章）和日期自动印在正文之后。</source>
        <translation>Each line of the body is one paragraph. Placeholders (replaced with each person&apos;s details when printed): {names}. The responsibility team table, the reporting unit (seal) and the date are printed after the body.</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>恢复默认文字</source>
        <translation>Restore default wording</translation>
    </message>
    <message>
        <source>预览(&amp;P)</source>
        <translation>&amp;Preview</translation>
    </message>
    <message>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>{paper}（示例）</source>
        <translation>{paper} (sample)</translation>
    </message>
</context>
</TS>
