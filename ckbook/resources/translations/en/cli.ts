<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message numerus="yes">
        <source>Coming up (next %n days):</source>
        <translation>
            <numerusform>Coming up (next %n day):</numerusform>
            <numerusform>Coming up (next %n days):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{summary} (as of {time}, %n snoozed)</source>
        <translation>
            <numerusform>{summary} (as of {time}, %n snoozed)</numerusform>
            <numerusform>{summary} (as of {time}, %n snoozed)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) in the way were not ckbook&apos;s; left as they were</source>
        <translation>
            <numerusform>%n file in the way was not ckbook&apos;s; left as it was</numerusform>
            <numerusform>%n files in the way were not ckbook&apos;s; left as they were</numerusform>
        </translation>
    </message>
</context>
</TS>
