<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message numerus="yes">
        <source>The text of %n notes could not be saved ({why}). It is kept in {path} — copy it back into the note, then delete that file.</source>
        <translation>
            <numerusform>The text of %n note could not be saved ({why}). It is kept in {path} — copy it back into the note, then delete that file.</numerusform>
            <numerusform>The text of %n notes could not be saved ({why}). It is kept in {path} — copy it back into the note, then delete that file.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The text of %n notes could not be saved. It is kept in {path} — copy it back into the note, then delete that file.</source>
        <translation>
            <numerusform>The text of %n note could not be saved. It is kept in {path} — copy it back into the note, then delete that file.</numerusform>
            <numerusform>The text of %n notes could not be saved. It is kept in {path} — copy it back into the note, then delete that file.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The text of %n notes could not be saved ({why}), and no recovery file could be written either; the text is in ckbook&apos;s log (standard error).</source>
        <translation>
            <numerusform>The text of %n note could not be saved ({why}), and no recovery file could be written either; the text is in ckbook&apos;s log (standard error).</numerusform>
            <numerusform>The text of %n notes could not be saved ({why}), and no recovery file could be written either; the text is in ckbook&apos;s log (standard error).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The text of %n notes could not be saved, and no recovery file could be written either; the text is in ckbook&apos;s log (standard error).</source>
        <translation>
            <numerusform>The text of %n note could not be saved, and no recovery file could be written either; the text is in ckbook&apos;s log (standard error).</numerusform>
            <numerusform>The text of %n notes could not be saved, and no recovery file could be written either; the text is in ckbook&apos;s log (standard error).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{status} (%n notes)</source>
        <translation>
            <numerusform>{status} (%n note)</numerusform>
            <numerusform>{status} (%n notes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n earlier notes not saved — {why}; retrying</source>
        <translation>
            <numerusform>%n earlier note not saved — {why}; retrying</numerusform>
            <numerusform>%n earlier notes not saved — {why}; retrying</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n earlier notes not saved; retrying</source>
        <translation>
            <numerusform>%n earlier note not saved; retrying</numerusform>
            <numerusform>%n earlier notes not saved; retrying</numerusform>
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
        <source>{shown} of %n clients</source>
        <translation>
            <numerusform>{shown} of %n client</numerusform>
            <numerusform>{shown} of %n clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more — open ckbook to see them all</source>
        <translation>
            <numerusform>and %n more — open ckbook to see them all</numerusform>
            <numerusform>and %n more — open ckbook to see them all</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n+ found</source>
        <translation>
            <numerusform>%n+ found</numerusform>
            <numerusform>%n+ found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n found</source>
        <translation>
            <numerusform>%n found</numerusform>
            <numerusform>%n found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{file}: %n records cannot be imported. Import the others ({counts}) and skip these?</source>
        <translation>
            <numerusform>{file}: %n record cannot be imported. Import the others ({counts}) and skip this one?</numerusform>
            <numerusform>{file}: %n records cannot be imported. Import the others ({counts}) and skip these?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>New (%n): {names}</source>
        <translation>
            <numerusform>New (%n): {names}</numerusform>
            <numerusform>New (%n): {names}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n snoozed)</source>
        <extracomment>At most this many items in the menu; the rest are one &quot;… more&quot; entry that opens the window. A missed reminder picked from the menu (its pop-up key).</extracomment>
        <translation>
            <numerusform>(%n snoozed)</numerusform>
            <numerusform>(%n snoozed)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reminders went by unseen</source>
        <translation>
            <numerusform>%n reminder went by unseen</numerusform>
            <numerusform>%n reminders went by unseen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more… (open ckbook)</source>
        <translation>
            <numerusform>%n more… (open ckbook)</numerusform>
            <numerusform>%n more… (open ckbook)</numerusform>
        </translation>
    </message>
</context>
</TS>
