<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ExportKinds</name>
    <message>
        <source>操作留痕</source>
        <translation>Audit trail</translation>
    </message>
</context>
<context>
    <name>ExportOptionsDialog</name>
    <message>
        <source>选择保存位置…</source>
        <translation>Choose where to save…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>导出的{form}中含有个人信息：</source>
        <translation>The exported {form} contains personal information:</translation>
    </message>
</context>
<context>
    <name>ExportOptionsWidget</name>
    <message>
        <source>隐藏身份证号和电话(&amp;M)</source>
        <translation>&amp;Mask ID numbers and phones</translation>
    </message>
    <message>
        <source>身份证号只显示前 6 位和后 4 位，电话只显示前 3 位和后 4 位</source>
        <translation>ID numbers show only the first 6 and last 4 characters, phones the first 3 and last 4 digits</translation>
    </message>
    <message>
        <source>设置打开密码(&amp;W)</source>
        <translation>Pass&amp;word-protect</translation>
    </message>
    <message>
        <source>文件加密，在 Excel/WPS 中打开时要输入密码；请用电话等方式另行告知对方密码</source>
        <translation>The file is encrypted and asks for the password in Excel/WPS; tell the recipient the password separately, e.g. by phone</translation>
    </message>
    <message>
        <source>文件密码</source>
        <translation>File password</translation>
    </message>
    <message>
        <source>再输一次</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>外发的文件默认隐藏身份证号和电话；需要完整号码时取消勾选。</source>
        <translation>Files that leave the office hide ID numbers and phones by default; untick when the full numbers are needed.</translation>
    </message>
    <message>
        <source>按“设置 → 账号与隐私”，这张表默认不隐藏身份证号和电话。</source>
        <translation>As set in Settings → Accounts and privacy, this form does not hide ID numbers and phones by default.</translation>
    </message>
    <message>
        <source>两次输入的文件密码不一致。</source>
        <translation>The two file passwords differ.</translation>
    </message>
    <message>
        <source>身份证号和电话已隐藏中间几位。</source>
        <translation>ID numbers and phones are masked.</translation>
    </message>
    <message>
        <source>文件已加密，打开时需要输入密码：请用电话等其他方式告诉对方密码，不要写在同一封邮件里。</source>
        <translation>The file is encrypted and needs the password to open: tell the recipient by phone or another way, never in the same e-mail.</translation>
    </message>
</context>
</TS>
