<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message numerus="yes">
        <source>{names} and %n more</source>
        <extracomment>The When column is as wide as its longest text, within these bounds (px). Where the sections folded by hand are remembered (QSettings), by their values.</extracomment>
        <translation>
            <numerusform>{names} and %n more</numerusform>
            <numerusform>{names} and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{summary} · %n snoozed</source>
        <translation>
            <numerusform>{summary} · %n snoozed</numerusform>
            <numerusform>{summary} · %n snoozed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n clients match the filter</source>
        <translation>
            <numerusform>%n client matches the filter</numerusform>
            <numerusform>%n clients match the filter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Coming up in %n days</source>
        <translation>
            <numerusform>Coming up in %n day</numerusform>
            <numerusform>Coming up in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue promises</source>
        <translation>
            <numerusform>%n overdue promise</numerusform>
            <numerusform>%n overdue promises</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due today</source>
        <translation>
            <numerusform>%n due today</numerusform>
            <numerusform>%n due today</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n coming up</source>
        <translation>
            <numerusform>%n coming up</numerusform>
            <numerusform>%n coming up</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n clients to check in with</source>
        <translation>
            <numerusform>%n client to check in with</numerusform>
            <numerusform>%n clients to check in with</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n requests awaiting reply</source>
        <translation>
            <numerusform>%n request awaiting reply</numerusform>
            <numerusform>%n requests awaiting reply</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open incidents</source>
        <translation>
            <numerusform>%n open incident</numerusform>
            <numerusform>%n open incidents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n clients without money terms</source>
        <translation>
            <numerusform>%n client without money terms</numerusform>
            <numerusform>%n clients without money terms</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n days</source>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>due %n days ago</source>
        <translation>
            <numerusform>due %n day ago</numerusform>
            <numerusform>due %n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days late</source>
        <translation>
            <numerusform>%n day late</numerusform>
            <numerusform>%n days late</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days to pay</source>
        <translation>
            <numerusform>%n day to pay</numerusform>
            <numerusform>%n days to pay</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
</TS>
