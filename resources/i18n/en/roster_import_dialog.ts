<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>RosterImportDialog</name>
    <message>
        <source>导入人员名单</source>
        <extracomment>A text field allowed more characters than this is a long text. The preview&apos;s columns: the row, the registry&apos;s preview fields, what the import does. Preview columns of long texts, narrowed to LONG_WIDTH.</extracomment>
        <translation>Import people list</translation>
    </message>
    <message>
        <source>选择县、乡镇下发的人员名单（.xlsx、.xls 或 .csv）。先看预览，确认无误再导入；只要有一行有问题，就一行也不导入。已在台账中的人按身份证号对上，不会重复。</source>
        <translation>Choose the list sent by the county or township (.xlsx, .xls or .csv). Check the preview before importing; if a single row has a problem, nothing is imported. People already in the ledger are matched by ID number and never duplicated.</translation>
    </message>
    <message>
        <source>名单文件：</source>
        <translation>List file:</translation>
    </message>
    <message>
        <source>尚未选择文件</source>
        <translation>No file chosen yet</translation>
    </message>
    <message>
        <source>选择文件(&amp;O)…</source>
        <translation>&amp;Open file…</translation>
    </message>
    <message>
        <source>选择名单文件（Ctrl+O）</source>
        <translation>Choose the list file (Ctrl+O)</translation>
    </message>
    <message>
        <source>重新读取(&amp;R)</source>
        <translation>&amp;Reload</translation>
    </message>
    <message>
        <source>在 Excel 中改正后，按 F5 重新读取同一个文件</source>
        <translation>After correcting it in Excel, press F5 to read the same file again</translation>
    </message>
    <message>
        <source>工作表(&amp;S)：</source>
        <translation>&amp;Sheet:</translation>
    </message>
    <message>
        <source>导入(&amp;I)</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <source>已有此人，新增登记</source>
        <translation>Known person, new registration</translation>
    </message>
    <message>
        <source>已在管，跳过</source>
        <translation>Already under management, skipped</translation>
    </message>
    <message>
        <source>已导入过，跳过</source>
        <translation>Already imported, skipped</translation>
    </message>
    <message>
        <source>已转为确诊，跳过</source>
        <translation>Confirmed case, skipped</translation>
    </message>
    <message>
        <source>处理</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>选择人员名单</source>
        <translation>Choose the people list</translation>
    </message>
    <message>
        <source>名单文件</source>
        <translation>Lists</translation>
    </message>
    <message>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>正在读取并检查名单…</source>
        <translation>Reading and checking the list…</translation>
    </message>
    <message>
        <source>预览（{count} 行）</source>
        <translation>Preview ({count} rows)</translation>
    </message>
    <message>
        <source>问题（{count}）</source>
        <translation>Problems ({count})</translation>
    </message>
    <message>
        <source>{file}「{sheet}」共 {rows} 行：{good} 行无误，{bad} 行有问题。</source>
        <translation>{file} “{sheet}”: {rows} rows, {good} correct, {bad} with problems.</translation>
    </message>
    <message>
        <source>{file}「{sheet}」共 {rows} 行：将导入 {cases} 人（新增 {new} 人，台账中已有 {matched} 人），跳过 {skipped} 人。</source>
        <translation>{file} “{sheet}”: {rows} rows. {cases} people will be imported ({new} new, {matched} already in the ledger), {skipped} skipped.</translation>
    </message>
    <message>
        <source>发现 {count} 处问题，一行也不会导入。请按“问题”表在 Excel 中改正、保存，再点“重新读取”（F5）。</source>
        <translation>{count} problems found; no row will be imported. Correct them in Excel following the Problems table, save, then click Reload (F5).</translation>
    </message>
    <message>
        <source>名单中没有需要导入的人员。</source>
        <translation>Nobody in the list needs importing.</translation>
    </message>
    <message>
        <source>检查通过，可以导入。</source>
        <translation>Check passed: ready to import.</translation>
    </message>
    <message>
        <source>其中 {count} 人名单上已解除隔离，导入后记为“期满解除”。</source>
        <translation>{count} of them are marked as released in the list and will be recorded as “released at end of period”.</translation>
    </message>
    <message>
        <source>将新增人员类别：{names}</source>
        <translation>New categories to be added: {names}</translation>
    </message>
    <message>
        <source>{count} 行没有填人员类别，记为“{category}”。</source>
        <translation>{count} rows have no category and are filed under “{category}”.</translation>
    </message>
    <message>
        <source>{count} 行没有填管控措施，按默认措施“{measure}”。</source>
        <translation>{count} rows have no measure and get the default “{measure}”.</translation>
    </message>
    <message>
        <source>{count} 行没有开始日期（也没有抵达、登记日期），开始日期按导入当天计。</source>
        <translation>{count} rows have no start date (nor an arrival or registration date); they start on the day of the import.</translation>
    </message>
    <message>
        <source>{count} 个 15 位老身份证号将转换为 18 位。</source>
        <translation>{count} old 15-digit ID numbers will be converted to 18 digits.</translation>
    </message>
    <message>
        <source>未导入的列：{columns}</source>
        <translation>Columns not imported: {columns}</translation>
    </message>
    <message>
        <source>导入 {count} 人(&amp;I)</source>
        <translation>&amp;Import {count} people</translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>正在导入人员名单…</source>
        <translation>Importing the people list…</translation>
    </message>
    <message>
        <source>已导入 {cases} 人（新增 {new} 人，台账中已有 {matched} 人），跳过 {skipped} 人。</source>
        <translation>Imported {cases} people ({new} new, {matched} already in the ledger), {skipped} skipped.</translation>
    </message>
    <message>
        <source>其中 {count} 人导入时已解除隔离，记为“期满解除”。</source>
        <translation>{count} of them were already released and are recorded as “released at end of period”.</translation>
    </message>
    <message>
        <source>已新增人员类别：{names}</source>
        <translation>New categories added: {names}</translation>
    </message>
    <message>
        <source>发现 {count} 处问题，未导入任何数据。</source>
        <translation>{count} problems found; nothing was imported.</translation>
    </message>
</context>
</TS>
