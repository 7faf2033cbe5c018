<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message numerus="yes">
        <source>%n promises overdue</source>
        <translation>
            <numerusform>%n promise overdue</numerusform>
            <numerusform>%n promises overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n promises due today</source>
        <translation>
            <numerusform>%n promise due today</numerusform>
            <numerusform>%n promises due today</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n check-ins overdue</source>
        <translation>
            <numerusform>%n check-in overdue</numerusform>
            <numerusform>%n check-ins overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n replies overdue</source>
        <translation>
            <numerusform>%n reply overdue</numerusform>
            <numerusform>%n replies overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{first}; %n more invalid records — nothing imported (skip invalid records to import the rest)</source>
        <translation>
            <numerusform>{first}; %n more invalid record — nothing imported (skip invalid records to import the rest)</numerusform>
            <numerusform>{first}; %n more invalid records — nothing imported (skip invalid records to import the rest)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Would import nothing: %n invalid records ({where}: {why}); the others: {counts}</source>
        <translation>
            <numerusform>Would import nothing: %n invalid record ({where}: {why}); the others: {counts}</numerusform>
            <numerusform>Would import nothing: %n invalid records ({where}: {why}); the others: {counts}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Would import: {counts}; %n clients may already be in the notebook</source>
        <translation>
            <numerusform>Would import: {counts}; %n client may already be in the notebook</numerusform>
            <numerusform>Would import: {counts}; %n clients may already be in the notebook</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported: {counts}; %n clients may already be in the notebook</source>
        <translation>
            <numerusform>Imported: {counts}; %n client may already be in the notebook</numerusform>
            <numerusform>Imported: {counts}; %n clients may already be in the notebook</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No promise kept or broken in %n months</source>
        <translation>
            <numerusform>No promise kept or broken in %n month</numerusform>
            <numerusform>No promise kept or broken in %n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{rate} kept ({kept} of {total}) in %n months</source>
        <translation>
            <numerusform>{rate} kept ({kept} of {total}) in %n month</numerusform>
            <numerusform>{rate} kept ({kept} of {total}) in %n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days since last contact</source>
        <translation>
            <numerusform>%n day since last contact</numerusform>
            <numerusform>%n days since last contact</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{head} (cadence %n days)</source>
        <translation>
            <numerusform>{head} (cadence %n day)</numerusform>
            <numerusform>{head} (cadence %n days)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open promises</source>
        <translation>
            <numerusform>%n open promise</numerusform>
            <numerusform>%n open promises</numerusform>
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
        <source>%n requests awaiting reply</source>
        <translation>
            <numerusform>%n request awaiting reply</numerusform>
            <numerusform>%n requests awaiting reply</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n months</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n touchpoints in {months}</source>
        <translation>
            <numerusform>%n touchpoint in {months}</numerusform>
            <numerusform>%n touchpoints in {months}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n days</source>
        <translation>
            <numerusform>every %n day</numerusform>
            <numerusform>every %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n weeks</source>
        <translation>
            <numerusform>every %n week</numerusform>
            <numerusform>every %n weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n months</source>
        <translation>
            <numerusform>every %n month</numerusform>
            <numerusform>every %n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n years</source>
        <translation>
            <numerusform>every %n year</numerusform>
            <numerusform>every %n years</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n promises came due</source>
        <translation>
            <numerusform>%n promise came due</numerusform>
            <numerusform>%n promises came due</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n clients are overdue for a check-in</source>
        <translation>
            <numerusform>%n client is overdue for a check-in</numerusform>
            <numerusform>%n clients are overdue for a check-in</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n messages await your reply</source>
        <translation>
            <numerusform>%n message awaits your reply</numerusform>
            <numerusform>%n messages await your reply</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n clients</source>
        <translation>
            <numerusform>%n client</numerusform>
            <numerusform>%n clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows pointing at missing rows</source>
        <translation>
            <numerusform>%n row pointing at missing rows</numerusform>
            <numerusform>%n rows pointing at missing rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n notes</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n promises</source>
        <translation>
            <numerusform>%n promise</numerusform>
            <numerusform>%n promises</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n to-dos to {file} ({size})</source>
        <translation>
            <numerusform>Exported %n to-do to {file} ({size})</numerusform>
            <numerusform>Exported %n to-dos to {file} ({size})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n events to {file} ({size})</source>
        <translation>
            <numerusform>Exported %n event to {file} ({size})</numerusform>
            <numerusform>Exported %n events to {file} ({size})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n clients to {file} ({size})</source>
        <translation>
            <numerusform>Exported %n client to {file} ({size})</numerusform>
            <numerusform>Exported %n clients to {file} ({size})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bytes</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
</context>
</TS>
