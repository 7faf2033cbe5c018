<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message numerus="yes">
        <source>History (%n versions)</source>
        <translation>
            <numerusform>History (%n version)</numerusform>
            <numerusform>History (%n versions)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Open promises (%n): {promises} … and {more} more</source>
        <translation>
            <numerusform>Open promises (%n): {promises} … and {more} more</numerusform>
            <numerusform>Open promises (%n): {promises} … and {more} more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Open promises (%n): {promises}</source>
        <translation>
            <numerusform>Open promises (%n): {promises}</numerusform>
            <numerusform>Open promises (%n): {promises}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more in the same folder</source>
        <translation>
            <numerusform>… and %n more in the same folder</numerusform>
            <numerusform>… and %n more in the same folder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not pasted: %n characters is more than this note has room for ({room} of {limit}). Paste a shorter part.</source>
        <extracomment>The longest line a paste puts into the document, in characters. The most a paste puts into the document in one turn of the event loop, in characters.</extracomment>
        <translation>
            <numerusform>Not pasted: %n character is more than this note has room for ({room} of {limit}). Paste a shorter part.</numerusform>
            <numerusform>Not pasted: %n characters is more than this note has room for ({room} of {limit}). Paste a shorter part.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not pasted: %n characters once its long lines are broken is more than this note has room for ({room} of {limit}). Paste a shorter part.</source>
        <translation>
            <numerusform>Not pasted: %n character once its long lines are broken is more than this note has room for ({room} of {limit}). Paste a shorter part.</numerusform>
            <numerusform>Not pasted: %n characters once its long lines are broken is more than this note has room for ({room} of {limit}). Paste a shorter part.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open</source>
        <comment>incidents</comment>
        <translation>
            <numerusform>%n open</numerusform>
            <numerusform>%n open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n awaiting a reply</source>
        <translation>
            <numerusform>%n awaiting a reply</numerusform>
            <numerusform>%n awaiting a reply</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{awaiting}, %n overdue</source>
        <translation>
            <numerusform>{awaiting}, %n overdue</numerusform>
            <numerusform>{awaiting}, %n overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Touchpoints per month, last %n months ({total} in all): {counts}</source>
        <translation>
            <numerusform>Touchpoints per month, last month ({total} in all): {counts}</numerusform>
            <numerusform>Touchpoints per month, last %n months ({total} in all): {counts}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name} may be %n clients you already have:</source>
        <translation>
            <numerusform>{name} may be %n client you already have:</numerusform>
            <numerusform>{name} may be %n clients you already have:</numerusform>
        </translation>
    </message>
</context>
</TS>
