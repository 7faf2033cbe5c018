<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name></name>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Agreed on</source>
        <translation>Vereinbart am</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Was sich geändert hat</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Why it changed</source>
        <translation>Grund der Änderung</translation>
    </message>
    <message>
        <source>first terms: {terms}</source>
        <translation>erste Konditionen: {terms}</translation>
    </message>
    <message>
        <source>nothing (agreed again)</source>
        <translation>nichts (erneut vereinbart)</translation>
    </message>
    <message>
        <source>yes</source>
        <extracomment>A value longer than this (or with a line break) is shown in a read-only text box.</extracomment>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Version {version}: {terms}</source>
        <translation>Version {version}: {terms}</translation>
    </message>
    <message>
        <source>Scope in: {scope}</source>
        <translation>Im Umfang: {scope}</translation>
    </message>
    <message>
        <source>Scope out: {scope}</source>
        <translation>Nicht im Umfang: {scope}</translation>
    </message>
    <message>
        <source>Changed: {change}</source>
        <translation>Geändert: {change}</translation>
    </message>
    <message>
        <source>Money terms</source>
        <translation>Konditionen</translation>
    </message>
    <message>
        <source>Pricing</source>
        <translation>Preismodell</translation>
    </message>
    <message>
        <source>Budget ceiling</source>
        <translation>Budgetobergrenze</translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation>Zahlungsbedingungen</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>Anzahlung</translation>
    </message>
    <message>
        <source>Discount promised</source>
        <translation>Zugesagter Rabatt</translation>
    </message>
    <message>
        <source>Scope in</source>
        <translation>Im Umfang</translation>
    </message>
    <message>
        <source>Scope out</source>
        <translation>Nicht im Umfang</translation>
    </message>
    <message>
        <source>Record money terms…</source>
        <translation>Konditionen erfassen…</translation>
    </message>
    <message>
        <source>Record the money terms; a change makes a new version</source>
        <translation>Konditionen erfassen; eine Änderung ergibt eine neue Version</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Show every version of the money terms</source>
        <translation>Alle Versionen der Konditionen anzeigen</translation>
    </message>
    <message>
        <source>Money terms history</source>
        <translation>Verlauf der Konditionen</translation>
    </message>
    <message>
        <source>Change terms…</source>
        <translation>Konditionen ändern…</translation>
    </message>
    <message numerus="yes">
        <source>History (%n versions)</source>
        <translation>
            <numerusform>Verlauf (%n Version)</numerusform>
            <numerusform>Verlauf (%n Versionen)</numerusform>
        </translation>
    </message>
    <message>
        <source>{pricing}, no amount</source>
        <translation>{pricing}, kein Betrag</translation>
    </message>
    <message>
        <source>{pricing}, {amount}</source>
        <translation>{pricing}, {amount}</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>{discount} — if {condition}</source>
        <translation>{discount} — wenn {condition}</translation>
    </message>
    <message>
        <source>{day}, confirmed by the client</source>
        <translation>{day}, vom Kunden bestätigt</translation>
    </message>
    <message>
        <source>{day}, not confirmed yet</source>
        <translation>{day}, noch nicht bestätigt</translation>
    </message>
    <message>
        <source>{version}, recorded {day}</source>
        <translation>{version}, erfasst am {day}</translation>
    </message>
    <message>
        <source>several: separate with commas</source>
        <extracomment>A save finished: (field name, saved?) — for the status bar and tests. The stored version shown; a save is refused when someone else has moved it on. Field -&gt; another person&apos;s value the user was shown after a conflict: saving again puts the typed value over that one (and over no later one).</extracomment>
        <translation>mehrere: durch Kommas trennen</translation>
    </message>
    <message>
        <source>comma separated</source>
        <translation>durch Kommas getrennt</translation>
    </message>
    <message>
        <source> days</source>
        <comment>spin box suffix</comment>
        <translation> Tage</translation>
    </message>
    <message>
        <source> hours</source>
        <comment>spin box suffix</comment>
        <translation> Std.</translation>
    </message>
    <message>
        <source>How they like to be handled</source>
        <translation>Betreuungswünsche</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Emails</source>
        <translation>E-Mail-Adressen</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Telefonnummern</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Client since</source>
        <translation>Kunde seit</translation>
    </message>
    <message>
        <source>Attention level</source>
        <translation>Betreuungsstufe</translation>
    </message>
    <message>
        <source>Check in every</source>
        <translation>Kontakt alle</translation>
    </message>
    <message>
        <source>Expected response time</source>
        <translation>Erwartete Antwortzeit</translation>
    </message>
    <message>
        <source>Preferred channel</source>
        <translation>Bevorzugter Kanal</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Answer within</source>
        <translation>Antwort binnen</translation>
    </message>
    <message>
        <source>How they like
to be handled</source>
        <translation>Betreuungswünsche</translation>
    </message>
    <message>
        <source>not saved</source>
        <translation>nicht gespeichert</translation>
    </message>
    <message>
        <source>Not saved: {reason}. What you typed is kept.</source>
        <translation>Nicht gespeichert: {reason}. Ihre Eingabe bleibt erhalten.</translation>
    </message>
    <message>
        <source>{field} is now “{value}”</source>
        <translation>{field} ist jetzt „{value}“</translation>
    </message>
    <message>
        <source>Not saved: {fields}. This client was changed elsewhere ({theirs}); what you typed is kept: save again (Ctrl+S) to put yours over it.</source>
        <translation>Nicht gespeichert: {fields}. Dieser Kunde wurde anderswo geändert ({theirs}); Ihre Eingabe bleibt erhalten: Speichern Sie erneut (Strg+S), um sie darüber zu schreiben.</translation>
    </message>
    <message>
        <source>Not saved: {fields}. This client was changed elsewhere; what you typed is kept: save again (Ctrl+S) to put yours over it.</source>
        <translation>Nicht gespeichert: {fields}. Dieser Kunde wurde anderswo geändert; Ihre Eingabe bleibt erhalten: Speichern Sie erneut (Strg+S), um sie darüber zu schreiben.</translation>
    </message>
    <message>
        <source>Not saved: see the message below</source>
        <translation>Nicht gespeichert: siehe Meldung unten</translation>
    </message>
    <message>
        <source>{promise} · made by {name}</source>
        <translation>{promise} · zugesagt von {name}</translation>
    </message>
    <message>
        <source>{promise} — {status}</source>
        <translation>{promise} — {status}</translation>
    </message>
    <message>
        <source>{promise} — {status} {day}</source>
        <translation>{promise} — {status} am {day}</translation>
    </message>
    <message>
        <source>{promise} — no due date</source>
        <translation>{promise} — kein Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>{promise} — due {due} (due today)</source>
        <translation>{promise} — fällig {due} (heute fällig)</translation>
    </message>
    <message>
        <source>{promise} — due {due} (overdue)</source>
        <translation>{promise} — fällig {due} (überfällig)</translation>
    </message>
    <message>
        <source>{promise} — due {due}</source>
        <translation>{promise} — fällig {due}</translation>
    </message>
    <message>
        <source>{promise} · repeats {rule}</source>
        <translation>{promise} · wiederholt sich {rule}</translation>
    </message>
    <message>
        <source>Marked {promise} kept. Undo (Ctrl+Z) reopens it.</source>
        <translation>{promise} als eingehalten markiert. Rückgängig (Strg+Z) öffnet die Zusage wieder.</translation>
    </message>
    <message>
        <source>Marked {promise} broken. Undo (Ctrl+Z) reopens it.</source>
        <translation>{promise} als nicht eingehalten markiert. Rückgängig (Strg+Z) öffnet die Zusage wieder.</translation>
    </message>
    <message>
        <source>Marked {promise} cancelled. Undo (Ctrl+Z) reopens it.</source>
        <translation>{promise} als abgesagt markiert. Rückgängig (Strg+Z) öffnet die Zusage wieder.</translation>
    </message>
    <message>
        <source>Marked {promise} closed. Undo (Ctrl+Z) reopens it.</source>
        <translation>{promise} als erledigt markiert. Rückgängig (Strg+Z) öffnet die Zusage wieder.</translation>
    </message>
    <message>
        <source>Marked {promise} kept this time; it repeats. Undo (Ctrl+Z) takes it back.</source>
        <translation>{promise} diesmal als eingehalten markiert; die Zusage wiederholt sich. Rückgängig (Strg+Z) nimmt es zurück.</translation>
    </message>
    <message>
        <source>Marked {promise} broken this time; it repeats. Undo (Ctrl+Z) takes it back.</source>
        <translation>{promise} diesmal als nicht eingehalten markiert; die Zusage wiederholt sich. Rückgängig (Strg+Z) nimmt es zurück.</translation>
    </message>
    <message>
        <source>Marked {promise} cancelled this time; it repeats. Undo (Ctrl+Z) takes it back.</source>
        <translation>{promise} diesmal als abgesagt markiert; die Zusage wiederholt sich. Rückgängig (Strg+Z) nimmt es zurück.</translation>
    </message>
    <message>
        <source>Marked {promise} closed this time; it repeats. Undo (Ctrl+Z) takes it back.</source>
        <translation>{promise} diesmal als erledigt markiert; die Zusage wiederholt sich. Rückgängig (Strg+Z) nimmt es zurück.</translation>
    </message>
    <message>
        <source>mark promise kept</source>
        <translation>Zusage als eingehalten markieren</translation>
    </message>
    <message>
        <source>mark promise broken</source>
        <translation>Zusage als nicht eingehalten markieren</translation>
    </message>
    <message>
        <source>mark promise cancelled</source>
        <translation>Zusage als abgesagt markieren</translation>
    </message>
    <message>
        <source>close promise</source>
        <translation>Zusage abschließen</translation>
    </message>
    <message>
        <source>mark occurrence kept</source>
        <translation>Termin als eingehalten markieren</translation>
    </message>
    <message>
        <source>mark occurrence broken</source>
        <translation>Termin als nicht eingehalten markieren</translation>
    </message>
    <message>
        <source>mark occurrence cancelled</source>
        <translation>Termin als abgesagt markieren</translation>
    </message>
    <message>
        <source>close occurrence</source>
        <translation>Termin abschließen</translation>
    </message>
    <message>
        <source>Add a promise (Ctrl+P), e.g. {example} — Enter saves</source>
        <extracomment>The user ticked (True) or unticked (False) a promise: (promise id, kept?).</extracomment>
        <translation>Zusage (Strg+P), z. B. {example} — Eingabe speichert</translation>
    </message>
    <message>
        <source>Add a promise</source>
        <translation>Zusage hinzufügen</translation>
    </message>
    <message>
        <source>Due understood as</source>
        <translation>Fälligkeit verstanden als</translation>
    </message>
    <message>
        <source>Show closed</source>
        <extracomment>A due the user corrected in words: it wins over what the line&apos;s words say.</extracomment>
        <translation>Erledigte anzeigen</translation>
    </message>
    <message>
        <source>Promises</source>
        <translation>Zusagen</translation>
    </message>
    <message>
        <source>No promises yet.</source>
        <translation>Noch keine Zusagen.</translation>
    </message>
    <message>
        <source>The due is read from what you type, e.g. “{example}”.</source>
        <translation>Die Fälligkeit wird aus Ihrer Eingabe gelesen, z. B. „{example}“.</translation>
    </message>
    <message>
        <source>Due {due} (corrected)</source>
        <translation>Fällig: {due} (korrigiert)</translation>
    </message>
    <message>
        <source>Corrected by you. Click to correct it again.</source>
        <translation>Von Ihnen korrigiert. Klicken, um erneut zu korrigieren.</translation>
    </message>
    <message>
        <source>No due date understood — saved without one.</source>
        <translation>Kein Fälligkeitsdatum erkannt — wird ohne gespeichert.</translation>
    </message>
    <message>
        <source>Due {due}, repeats {rule} (from “{phrase}”)</source>
        <translation>Fällig: {due}, wiederholt sich {rule} (aus „{phrase}“)</translation>
    </message>
    <message>
        <source>Due {due} (from “{phrase}”)</source>
        <translation>Fällig: {due} (aus „{phrase}“)</translation>
    </message>
    <message>
        <source>Click to correct the due in words, e.g. “{example}”.</source>
        <translation>Klicken, um die Fälligkeit in Worten zu korrigieren, z. B. „{example}“.</translation>
    </message>
    <message>
        <source>Say it in the words too</source>
        <translation>Auch im Text so sagen</translation>
    </message>
    <message>
        <source>The promise would read: {text}</source>
        <translation>Die Zusage würde lauten: {text}</translation>
    </message>
    <message>
        <source>promise</source>
        <translation>Zusage</translation>
    </message>
    <message>
        <source>“{text}”</source>
        <comment>quotation marks</comment>
        <translation>„{text}“</translation>
    </message>
    <message>
        <source>Reopened {promise}.</source>
        <translation>{promise} wieder geöffnet.</translation>
    </message>
    <message>
        <source>Renegotiated {promise}: now due {due}.</source>
        <translation>{promise} neu verhandelt: jetzt fällig {due}.</translation>
    </message>
    <message>
        <source>Changed {promise}: now “{text}”, no due.</source>
        <translation>{promise} geändert: jetzt „{text}“, ohne Fälligkeit.</translation>
    </message>
    <message>
        <source>Changed {promise}: now “{text}”, {due}.</source>
        <translation>{promise} geändert: jetzt „{text}“, {due}.</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Eingehalten</translation>
    </message>
    <message>
        <source>Broken</source>
        <translation>Nicht eingehalten</translation>
    </message>
    <message>
        <source>Renegotiated…</source>
        <translation>Neu verhandelt…</translation>
    </message>
    <message>
        <source>Edit words and due…</source>
        <translation>Text und Fälligkeit bearbeiten…</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgesagt</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Wieder öffnen</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} Min.</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} Std. {minutes} Min.</translation>
    </message>
    <message>
        <source>by you</source>
        <translation>von Ihnen</translation>
    </message>
    <message>
        <source>by {name}</source>
        <translation>von {name}</translation>
    </message>
    <message>
        <source>New note</source>
        <extracomment>(note id, or 0 for a new note; client id; note kind)</extracomment>
        <translation>Neue Notiz</translation>
    </message>
    <message>
        <source>Write a new note (choose its kind from the arrow)</source>
        <translation>Neue Notiz schreiben (Art über den Pfeil wählen)</translation>
    </message>
    <message>
        <source>Open</source>
        <comment>verb</comment>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Open the selected note (Enter)</source>
        <translation>Ausgewählte Notiz öffnen (Eingabetaste)</translation>
    </message>
    <message>
        <source>Show older notes</source>
        <translation>Ältere Notizen anzeigen</translation>
    </message>
    <message>
        <source>No notes yet.</source>
        <translation>Noch keine Notizen.</translation>
    </message>
    <message>
        <source>Notes, newest first</source>
        <translation>Notizen, neueste zuerst</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Choose a note to read it here.</source>
        <translation>Wählen Sie eine Notiz, um sie hier zu lesen.</translation>
    </message>
    <message>
        <source>Call note</source>
        <translation>Gesprächsnotiz</translation>
    </message>
    <message>
        <source>Meeting note</source>
        <translation>Besprechungsnotiz</translation>
    </message>
    <message>
        <source>Email note</source>
        <translation>E-Mail-Notiz</translation>
    </message>
    <message>
        <source>Message note</source>
        <translation>Nachrichtennotiz</translation>
    </message>
    <message>
        <source>Other note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>{kind} note</source>
        <translation>Notiz ({kind})</translation>
    </message>
    <message>
        <source>dd MMM yyyy</source>
        <comment>Qt date format of a date field</comment>
        <translation>dd.MM.yyyy</translation>
    </message>
    <message>
        <source>dd MMM yyyy HH:mm</source>
        <comment>Qt format of a date and time field</comment>
        <translation>dd.MM.yyyy HH:mm</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Choose columns</source>
        <extracomment>The fields at least one of which a client needs.</extracomment>
        <translation>Spalten wählen</translation>
    </message>
    <message>
        <source>Read the file</source>
        <translation>Datei einlesen</translation>
    </message>
    <message>
        <source>{file}: its columns have names ckbook does not know. Choose which column holds what (a name, an organisation or an email at least).</source>
        <translation>{file}: Die Spalten haben Namen, die ckbook nicht kennt. Wählen Sie, welche Spalte was enthält (mindestens einen Namen, eine Organisation oder eine E-Mail-Adresse).</translation>
    </message>
    <message>
        <source>Delete client</source>
        <translation>Kunden löschen</translation>
    </message>
    <message>
        <source>Delete {name} with all their notes and promises?</source>
        <translation>{name} mit allen Notizen und Zusagen löschen?</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z) brings them back until the window is closed.</source>
        <translation>Rückgängig (Strg+Z) holt alles zurück, solange das Fenster offen ist.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Already in your notebook?</source>
        <translation>Schon in Ihrem Notizbuch?</translation>
    </message>
    <message>
        <source>{name} may be someone you already have:</source>
        <translation>{name} ist vielleicht schon als Kunde vorhanden:</translation>
    </message>
    <message numerus="yes">
        <source>{name} may be %n clients you already have:</source>
        <translation>
            <numerusform>{name} ist vielleicht %n vorhandener Kunde:</numerusform>
            <numerusform>{name} ist vielleicht einer von %n vorhandenen Kunden:</numerusform>
        </translation>
    </message>
    <message>
        <source>Open {name}</source>
        <translation>{name} öffnen</translation>
    </message>
    <message>
        <source>Add anyway</source>
        <translation>Trotzdem hinzufügen</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Merge clients</source>
        <translation>Kunden zusammenführen</translation>
    </message>
    <message>
        <source>Merge {other} into {keep}?</source>
        <translation>{other} mit {keep} zusammenführen?</translation>
    </message>
    <message>
        <source>Notes, promises, incidents, requests, money terms, reminders, tags and contact details of {other} move to {keep}&apos;s card; {keep}&apos;s money terms stay the current ones. Undo (Ctrl+Z) separates them again until the window is closed.</source>
        <translation>Notizen, Zusagen, Vorfälle, Anfragen, Konditionen, Erinnerungen, Schlagwörter und Kontaktdaten von {other} wandern auf die Kundenkarte von {keep}; die Konditionen von {keep} bleiben die aktuellen. Rückgängig (Strg+Z) trennt beide wieder, solange das Fenster offen ist.</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
    <message>
        <source>Edit promise</source>
        <translation>Zusage bearbeiten</translation>
    </message>
    <message>
        <source>Promise</source>
        <translation>Zusage</translation>
    </message>
    <message>
        <source>Due</source>
        <comment>noun</comment>
        <translation>Fälligkeit</translation>
    </message>
    <message>
        <source>e.g. {examples}; empty: none</source>
        <translation>z. B. {examples}; leer: keine</translation>
    </message>
    <message>
        <source>Understood as</source>
        <translation>Verstanden als</translation>
    </message>
    <message>
        <source>no due</source>
        <translation>keine Fälligkeit</translation>
    </message>
    <message>
        <source>not understood: {problem}</source>
        <translation>nicht verstanden: {problem}</translation>
    </message>
    <message>
        <source>Also change the text to “{text}”</source>
        <translation>Auch den Text ändern in „{text}“</translation>
    </message>
    <message>
        <source>→ {amount} ({share} of {whole})</source>
        <translation>→ {amount} ({share} von {whole})</translation>
    </message>
    <message>
        <source>e.g. {amount}</source>
        <translation>z. B. {amount}</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no amount</comment>
        <translation>keine</translation>
    </message>
    <message>
        <source>days, e.g. 30</source>
        <translation>Tage, z. B. 30</translation>
    </message>
    <message>
        <source>e.g. 10% off the second project</source>
        <translation>z. B. 10 % auf das zweite Projekt</translation>
    </message>
    <message>
        <source>e.g. if they sign by March</source>
        <translation>z. B. bei Unterschrift bis März</translation>
    </message>
    <message>
        <source>Confirmed by the client</source>
        <translation>Vom Kunden bestätigt</translation>
    </message>
    <message>
        <source>why the terms change</source>
        <translation>warum sie sich ändern</translation>
    </message>
    <message>
        <source>Amount understood as</source>
        <extracomment>Under each amount, how it is read, updated as it is typed (so &quot;12,5&quot; shows 12.50).</extracomment>
        <translation>Betrag verstanden als</translation>
    </message>
    <message>
        <source>Budget ceiling understood as</source>
        <translation>Budgetobergrenze verstanden als</translation>
    </message>
    <message>
        <source>Deposit understood as</source>
        <translation>Anzahlung verstanden als</translation>
    </message>
    <message>
        <source>Pricing model</source>
        <translation>Preismodell</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>…on condition</source>
        <translation>… unter der Bedingung</translation>
    </message>
    <message>
        <source>Reason for the change</source>
        <translation>Grund der Änderung</translation>
    </message>
    <message>
        <source>days</source>
        <comment>payment terms unit</comment>
        <translation>Tage</translation>
    </message>
    <message>
        <source>payment terms “{text}” is not a number of days</source>
        <translation>Zahlungsbedingungen „{text}“ ist keine Anzahl von Tagen</translation>
    </message>
    <message>
        <source>currency “{code}” is not a three-letter code like EUR</source>
        <translation>Währung „{code}“ ist kein dreistelliger Code wie EUR</translation>
    </message>
    <message>
        <source>a discount condition needs the discount itself</source>
        <translation>eine Rabattbedingung braucht den Rabatt selbst</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Change money terms</source>
        <translation>Konditionen ändern</translation>
    </message>
    <message>
        <source>Record money terms</source>
        <translation>Konditionen erfassen</translation>
    </message>
    <message>
        <source>Saving makes version {new}; version {old} stays in the history.</source>
        <translation>Speichern erzeugt Version {new}; Version {old} bleibt im Verlauf.</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>Neuer Kunde</translation>
    </message>
    <message>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <source>e.g. retainer, design</source>
        <translation>z. B. Pauschale, Design</translation>
    </message>
    <message>
        <source>e.g. prefers short calls before 10:00</source>
        <translation>z. B. bevorzugt kurze Anrufe vor 10:00</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Stammdaten</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Betreuung</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Money terms — agree them at the start</source>
        <translation>Konditionen — gleich zu Beginn vereinbaren</translation>
    </message>
    <message>
        <source>Untick to record them later; the card then says &quot;Money not discussed yet&quot;.</source>
        <translation>Haken entfernen, um sie später zu erfassen; die Kundenkarte zeigt dann „Konditionen noch nicht besprochen“.</translation>
    </message>
    <message>
        <source>Create client</source>
        <extracomment>The same message, shown right under the field it is about (when that field has a row of its own); the field gets focus.</extracomment>
        <translation>Kunden anlegen</translation>
    </message>
    <message>
        <source>client name is empty</source>
        <translation>Kundenname ist leer</translation>
    </message>
    <message>
        <source>money terms need an amount (or untick them to decide later)</source>
        <translation>Konditionen brauchen einen Betrag (oder Haken entfernen, um später zu entscheiden)</translation>
    </message>
    <message>
        <source>client name</source>
        <translation>Kundenname</translation>
    </message>
    <message>
        <source>check-in cadence</source>
        <translation>Kontaktrhythmus</translation>
    </message>
    <message>
        <source>expected response time</source>
        <translation>erwartete Antwortzeit</translation>
    </message>
    <message>
        <source>amount</source>
        <comment>money terms field</comment>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>budget ceiling</source>
        <comment>money terms field</comment>
        <translation>Budgetobergrenze</translation>
    </message>
    <message>
        <source>deposit</source>
        <comment>money terms field</comment>
        <translation>Anzahlung</translation>
    </message>
    <message>
        <source>payment terms</source>
        <comment>money terms field</comment>
        <translation>Zahlungsbedingungen</translation>
    </message>
    <message>
        <source>Renegotiate promise</source>
        <translation>Zusage neu verhandeln</translation>
    </message>
    <message>
        <source>New due</source>
        <translation>Neue Fälligkeit</translation>
    </message>
    <message>
        <source>e.g. {examples}</source>
        <extracomment>Examples of a correction: the due grammar is English, so they are not translated.</extracomment>
        <translation>z. B. {examples}</translation>
    </message>
    <message>
        <source>Renegotiate</source>
        <translation>Neu verhandeln</translation>
    </message>
    <message>
        <source>Due until now</source>
        <translation>Bisherige Fälligkeit</translation>
    </message>
    <message>
        <source>type when it is due now</source>
        <translation>geben Sie ein, wann sie jetzt fällig ist</translation>
    </message>
    <message>
        <source>Show or hide {section}</source>
        <translation>{section} ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Client name</source>
        <translation>Kundenname</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Last contact against the check-in cadence</source>
        <translation>Letzter Kontakt im Vergleich zum Kontaktrhythmus</translation>
    </message>
    <message>
        <source>Touchpoints</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Status, open promises, kept rate</source>
        <translation>Status, offene Zusagen, Einhaltungsquote</translation>
    </message>
    <message>
        <source>Kept rate: promises kept ÷ (kept + broken)</source>
        <translation>Einhaltungsquote: eingehaltene Zusagen ÷ (eingehalten + nicht eingehalten)</translation>
    </message>
    <message>
        <source>Open incidents, requests awaiting reply</source>
        <translation>Offene Vorfälle, unbeantwortete Anfragen</translation>
    </message>
    <message>
        <source>Check-in: {state}</source>
        <translation>Kontakt: {state}</translation>
    </message>
    <message>
        <source>Choose a client from the list, press Ctrl+K to find one, or Ctrl+N to add one.</source>
        <extracomment>The client shown changed: its id, or 0 when none. (note id, or 0 for a new note; client id; kind) — the window opens the note editor.</extracomment>
        <translation>Wählen Sie einen Kunden aus der Liste, suchen Sie mit Strg+K oder legen Sie mit Strg+N einen neuen an.</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Chronik</translation>
    </message>
    <message>
        <source>Profile &amp; attention</source>
        <translation>Profil &amp; Betreuung</translation>
    </message>
    <message>
        <source>Prefers: {channel}</source>
        <translation>Bevorzugt: {channel}</translation>
    </message>
    <message>
        <source>Handling: {notes}</source>
        <translation>Betreuung: {notes}</translation>
    </message>
    <message>
        <source>Money: {terms}</source>
        <translation>Konditionen: {terms}</translation>
    </message>
    <message numerus="yes">
        <source>Open promises (%n): {promises} … and {more} more</source>
        <translation>
            <numerusform>Offene Zusagen (%n): {promises} … und {more} weitere</numerusform>
            <numerusform>Offene Zusagen (%n): {promises} … und {more} weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Open promises (%n): {promises}</source>
        <translation>
            <numerusform>Offene Zusagen (%n): {promises}</numerusform>
            <numerusform>Offene Zusagen (%n): {promises}</numerusform>
        </translation>
    </message>
    <message>
        <source>No open promises</source>
        <translation>Keine offenen Zusagen</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more in the same folder</source>
        <translation>
            <numerusform>… und %n weitere im selben Ordner</numerusform>
            <numerusform>… und %n weitere im selben Ordner</numerusform>
        </translation>
    </message>
    <message>
        <source>Note text that an earlier session could not save is kept in:
{files}
Copy it back into its note, then delete the file.</source>
        <translation>Notiztext, den eine frühere Sitzung nicht speichern konnte, liegt in:
{files}
Kopieren Sie ihn zurück in die Notiz und löschen Sie dann die Datei.</translation>
    </message>
    <message>
        <source>Call — {client} — ckbook</source>
        <translation>Gespräch — {client} — ckbook</translation>
    </message>
    <message>
        <source>What to keep in mind</source>
        <translation>Was zu beachten ist</translation>
    </message>
    <message>
        <source>Call duration</source>
        <translation>Gesprächsdauer</translation>
    </message>
    <message>
        <source>On top</source>
        <translation>Im Vordergrund</translation>
    </message>
    <message>
        <source>Keep on top</source>
        <translation>Im Vordergrund halten</translation>
    </message>
    <message>
        <source>Keep this call window on top of other windows</source>
        <translation>Dieses Gesprächsfenster vor anderen Fenstern halten</translation>
    </message>
    <message>
        <source>End call</source>
        <translation>Gespräch beenden</translation>
    </message>
    <message>
        <source>Save the note with its duration and close (Ctrl+Return)</source>
        <translation>Notiz mit Dauer speichern und schließen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>kein Datum</translation>
    </message>
    <message>
        <source>Due of “{promise}”: {due}</source>
        <extracomment>(line number, new text of the line): the user took the offer to restate the due.</extracomment>
        <translation>Fälligkeit von „{promise}“: {due}</translation>
    </message>
    <message>
        <source>Press Enter to finish the line; then the due can be corrected.</source>
        <translation>Drücken Sie die Eingabetaste, um die Zeile abzuschließen; dann lässt sich die Fälligkeit korrigieren.</translation>
    </message>
    <message>
        <source>Click to correct the due.</source>
        <translation>Klicken, um die Fälligkeit zu korrigieren.</translation>
    </message>
    <message>
        <source>Read from “{phrase}”.</source>
        <translation>Gelesen aus „{phrase}“.</translation>
    </message>
    <message>
        <source>Say “{words}” in the line</source>
        <translation>„{words}“ in die Zeile schreiben</translation>
    </message>
    <message>
        <source>The line still says “{phrase}”; it would become: + {text}</source>
        <translation>Die Zeile sagt noch „{phrase}“; sie würde lauten: + {text}</translation>
    </message>
    <message>
        <source>Promises in this note</source>
        <translation>Zusagen in dieser Notiz</translation>
    </message>
    <message>
        <source>Start a line with “+ ” to make it a promise.</source>
        <translation>Beginnen Sie eine Zeile mit „+ “, um daraus eine Zusage zu machen.</translation>
    </message>
    <message>
        <source>Note text</source>
        <extracomment>Every save that went through: what changed (tuple of Changed), already broadcast.</extracomment>
        <translation>Notiztext</translation>
    </message>
    <message>
        <source>Type the note. A line starting with “+ ” is a promise, e.g.
{example}</source>
        <translation>Notiz schreiben. Eine Zeile, die mit „+ “ beginnt, ist eine Zusage, z. B.
{example}</translation>
    </message>
    <message>
        <source>Note preview</source>
        <translation>Notizvorschau</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Show the note as formatted Markdown</source>
        <translation>Notiz als formatiertes Markdown anzeigen</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Speicherstatus</translation>
    </message>
    <message>
        <source>Paste refused</source>
        <translation>Einfügen abgelehnt</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>Vergleichen…</translation>
    </message>
    <message>
        <source>Choose between your text and theirs</source>
        <translation>Zwischen Ihrem Text und dem der anderen Person wählen</translation>
    </message>
    <message>
        <source>Kind of note</source>
        <translation>Art der Notiz</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>{status} — the text is kept; close again once it is saved.</source>
        <translation>{status} — der Text bleibt erhalten; schließen Sie erneut, sobald er gespeichert ist.</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Noch nicht gespeichert</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>Stimmung</translation>
    </message>
    <message>
        <source>How the client seemed</source>
        <translation>Wie der Kunde wirkte</translation>
    </message>
    <message>
        <source>Mood…</source>
        <translation>Stimmung…</translation>
    </message>
    <message numerus="yes">
        <source>Not pasted: %n characters is more than this note has room for ({room} of {limit}). Paste a shorter part.</source>
        <extracomment>The longest line a paste puts into the document, in characters. The most a paste puts into the document in one turn of the event loop, in characters.</extracomment>
        <translation>
            <numerusform>Nicht eingefügt: %n Zeichen ist mehr, als in dieser Notiz Platz hat ({room} von {limit}). Fügen Sie einen kürzeren Teil ein.</numerusform>
            <numerusform>Nicht eingefügt: %n Zeichen sind mehr, als in dieser Notiz Platz haben ({room} von {limit}). Fügen Sie einen kürzeren Teil ein.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not pasted: %n characters once its long lines are broken is more than this note has room for ({room} of {limit}). Paste a shorter part.</source>
        <translation>
            <numerusform>Nicht eingefügt: %n Zeichen nach dem Umbrechen der langen Zeilen ist mehr, als in dieser Notiz Platz hat ({room} von {limit}). Fügen Sie einen kürzeren Teil ein.</numerusform>
            <numerusform>Nicht eingefügt: %n Zeichen nach dem Umbrechen der langen Zeilen sind mehr, als in dieser Notiz Platz haben ({room} von {limit}). Fügen Sie einen kürzeren Teil ein.</numerusform>
        </translation>
    </message>
    <message>
        <source>the pasted text</source>
        <extracomment>A paste was refused; the message says why (for the save-status line). A paste put in piece by piece is all in.</extracomment>
        <translation>der eingefügte Text</translation>
    </message>
    <message>
        <source>Not pasted: {problem}</source>
        <translation>Nicht eingefügt: {problem}</translation>
    </message>
    <message>
        <source>Correct the due</source>
        <translation>Fälligkeit korrigieren</translation>
    </message>
    <message>
        <source>{severity}, {day} — next: {step}</source>
        <translation>{severity}, {day} — als Nächstes: {step}</translation>
    </message>
    <message>
        <source>{severity}, {day} — resolved {resolved}</source>
        <translation>{severity}, {day} — abgeschlossen am {resolved}</translation>
    </message>
    <message>
        <source>{severity}, {day} — resolved</source>
        <translation>{severity}, {day} — abgeschlossen</translation>
    </message>
    <message>
        <source>{status} · recorded by {name}</source>
        <translation>{status} · erfasst von {name}</translation>
    </message>
    <message>
        <source>Next step…</source>
        <translation>Nächster Schritt…</translation>
    </message>
    <message>
        <source>View…</source>
        <translation>Ansehen…</translation>
    </message>
    <message>
        <source>Record how it was owned, step by step</source>
        <translation>Schritt für Schritt festhalten, wie Sie Verantwortung übernommen haben</translation>
    </message>
    <message>
        <source>Nothing has gone wrong.</source>
        <translation>Nichts ist schiefgelaufen.</translation>
    </message>
    <message>
        <source>Something went wrong…</source>
        <translation>Etwas ist schiefgelaufen…</translation>
    </message>
    <message>
        <source>Record what went wrong and how you own it</source>
        <translation>Festhalten, was schiefging und wie Sie dafür einstehen</translation>
    </message>
    <message numerus="yes">
        <source>%n open</source>
        <comment>incidents</comment>
        <translation>
            <numerusform>%n offen</numerusform>
            <numerusform>%n offen</numerusform>
        </translation>
    </message>
    <message>
        <source>All resolved.</source>
        <translation>Alle abgeschlossen.</translation>
    </message>
    <message>
        <source>Today</source>
        <extracomment>Changes that leave every kept rate as it was: a promise made, captured or reworded (still open), a client&apos;s details edited. Only closing, reopening, and hiding or restoring a client (their promises leave or rejoin everyone&apos;s line) move a rate.</extracomment>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Vorfälle</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Insight</source>
        <translation>Einblick</translation>
    </message>
    <message>
        <source>Listen</source>
        <extracomment>Moods after which we offer to record an incident.</extracomment>
        <translation>Zuhören</translation>
    </message>
    <message>
        <source>Let them tell all of it before you answer. Say back what went wrong.</source>
        <translation>Lassen Sie den Kunden alles erzählen, bevor Sie antworten. Fassen Sie zusammen, was schiefging.</translation>
    </message>
    <message>
        <source>Be patient</source>
        <translation>Geduldig bleiben</translation>
    </message>
    <message>
        <source>The anger is with the situation more than with you. Don&apos;t argue details now.</source>
        <translation>Der Ärger gilt eher der Lage als Ihnen. Streiten Sie jetzt nicht über Einzelheiten.</translation>
    </message>
    <message>
        <source>Stay positive</source>
        <translation>Positiv bleiben</translation>
    </message>
    <message>
        <source>You are on their side: talk about what you will do, not whose fault it was.</source>
        <translation>Sie stehen auf der Seite des Kunden: Sprechen Sie darüber, was Sie tun werden, nicht über die Schuldfrage.</translation>
    </message>
    <message>
        <source>Fix and follow up</source>
        <translation>Beheben und nachfassen</translation>
    </message>
    <message>
        <source>Name the fix and a date, keep it, then check back that it worked.</source>
        <translation>Nennen Sie die Behebung und einen Termin, halten Sie ihn ein und fragen Sie danach nach, ob es geklappt hat.</translation>
    </message>
    <message>
        <source>1. Acknowledged and apologised</source>
        <translation>1. Eingeräumt und entschuldigt</translation>
    </message>
    <message>
        <source>2. The fix</source>
        <translation>2. Die Behebung</translation>
    </message>
    <message>
        <source>3. Root cause</source>
        <translation>3. Ursache</translation>
    </message>
    <message>
        <source>4. What prevents a repeat</source>
        <translation>4. Vorbeugung gegen Wiederholung</translation>
    </message>
    <message>
        <source>5. Goodwill gesture</source>
        <translation>5. Geste des Entgegenkommens</translation>
    </message>
    <message>
        <source>6. Resolved</source>
        <translation>6. Abgeschlossen</translation>
    </message>
    <message>
        <source>apologise</source>
        <comment>incident step</comment>
        <translation>entschuldigen</translation>
    </message>
    <message>
        <source>fix</source>
        <comment>incident step</comment>
        <translation>Behebung</translation>
    </message>
    <message>
        <source>root cause</source>
        <comment>incident step</comment>
        <translation>Ursache</translation>
    </message>
    <message>
        <source>prevention</source>
        <comment>incident step</comment>
        <translation>Vorbeugung</translation>
    </message>
    <message>
        <source>goodwill</source>
        <comment>incident step</comment>
        <translation>Geste des Entgegenkommens</translation>
    </message>
    <message>
        <source>resolve</source>
        <comment>incident step</comment>
        <translation>abschließen</translation>
    </message>
    <message>
        <source>done</source>
        <comment>incident step</comment>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>Next: acknowledged and apologised</source>
        <translation>Als Nächstes: einräumen und entschuldigen</translation>
    </message>
    <message>
        <source>Next: the fix</source>
        <translation>Als Nächstes: die Behebung</translation>
    </message>
    <message>
        <source>Next: root cause</source>
        <translation>Als Nächstes: die Ursache</translation>
    </message>
    <message>
        <source>Next: what prevents a repeat</source>
        <translation>Als Nächstes: Vorbeugung gegen Wiederholung</translation>
    </message>
    <message>
        <source>Next: goodwill gesture</source>
        <translation>Als Nächstes: Geste des Entgegenkommens</translation>
    </message>
    <message>
        <source>Next: resolved</source>
        <translation>Als Nächstes: abschließen</translation>
    </message>
    <message>
        <source>A calm conversation</source>
        <translation>Ein ruhiges Gespräch</translation>
    </message>
    <message>
        <source>Calm conversation guide</source>
        <translation>Leitfaden für ein ruhiges Gespräch</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <extracomment>The dialog ``offer_later`` opened last (so a test, or the window, can reach it).</extracomment>
        <translation>Etwas ist schiefgelaufen</translation>
    </message>
    <message>
        <source>What happened, in a sentence or two</source>
        <translation>Was passiert ist, in ein, zwei Sätzen</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was passiert ist</translation>
    </message>
    <message>
        <source>When it happened</source>
        <translation>Wann es passiert ist</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Apologised when</source>
        <translation>Entschuldigt am</translation>
    </message>
    <message>
        <source>How: by phone, in person, in writing…</source>
        <translation>Wie: telefonisch, persönlich, schriftlich…</translation>
    </message>
    <message>
        <source>How we apologised</source>
        <translation>Wie wir uns entschuldigt haben</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>What we will do to put it right</source>
        <translation>Was wir tun, um es in Ordnung zu bringen</translation>
    </message>
    <message>
        <source>The fix</source>
        <translation>Die Behebung</translation>
    </message>
    <message>
        <source>By</source>
        <comment>fix due date</comment>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Fix by</source>
        <translation>Behebung bis</translation>
    </message>
    <message>
        <source>Saved as a promise: it shows on Today and reminds you.</source>
        <translation>Als Zusage gespeichert: Sie erscheint unter „Heute“ und erinnert Sie.</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Why it really happened</source>
        <translation>Warum es wirklich passiert ist</translation>
    </message>
    <message>
        <source>What we change so it does not happen again</source>
        <translation>Was wir ändern, damit es nicht wieder passiert</translation>
    </message>
    <message>
        <source>The small extra given to make up for it</source>
        <translation>Die kleine Extraleistung als Wiedergutmachung</translation>
    </message>
    <message>
        <source>Goodwill gesture</source>
        <translation>Geste des Entgegenkommens</translation>
    </message>
    <message>
        <source>Resolved on</source>
        <translation>Abgeschlossen am</translation>
    </message>
    <message>
        <source>On</source>
        <comment>resolved on date</comment>
        <translation>Am</translation>
    </message>
    <message>
        <source>Something went wrong — {client}</source>
        <translation>Etwas ist schiefgelaufen — {client}</translation>
    </message>
    <message>
        <source>Resolved. Every step is on record.</source>
        <translation>Abgeschlossen. Jeder Schritt ist festgehalten.</translation>
    </message>
    <message>
        <source>Promise: {promise} — {status}</source>
        <translation>Zusage: {promise} — {status}</translation>
    </message>
    <message>
        <source>The client sounded {mood}</source>
        <translation>Der Kunde klang {mood}</translation>
    </message>
    <message>
        <source>The client sounded {mood}. Did something go wrong?</source>
        <translation>Der Kunde klang {mood}. Ist etwas schiefgelaufen?</translation>
    </message>
    <message>
        <source>Record what went wrong</source>
        <translation>Festhalten, was schiefging</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Nicht jetzt</translation>
    </message>
    <message>
        <source>Log a client message</source>
        <extracomment>Answered requests the card still shows under the awaiting ones.</extracomment>
        <translation>Kundenanfrage erfassen</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Received at</source>
        <translation>Eingegangen am</translation>
    </message>
    <message>
        <source>What they asked for, in a line</source>
        <translation>Worum der Kunde gebeten hat, in einer Zeile</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Log it</source>
        <translation>Erfassen</translation>
    </message>
    <message>
        <source>What they asked</source>
        <translation>Anliegen</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Eingegangen</translation>
    </message>
    <message>
        <source>overdue</source>
        <comment>request</comment>
        <translation>überfällig</translation>
    </message>
    <message>
        <source>awaiting</source>
        <comment>request</comment>
        <translation>wartet</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <comment>request</comment>
        <translation>bestätigt</translation>
    </message>
    <message>
        <source>answered</source>
        <comment>request</comment>
        <translation>beantwortet</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Tell them it arrived; stops it being overdue</source>
        <translation>Dem Kunden den Eingang bestätigen; danach ist die Anfrage nicht mehr überfällig</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <source>Mark it answered</source>
        <translation>Als beantwortet markieren</translation>
    </message>
    <message>
        <source>{channel}, received {when} — {status}</source>
        <translation>{channel}, eingegangen {when} — {status}</translation>
    </message>
    <message>
        <source>No messages awaiting a reply.</source>
        <translation>Keine unbeantworteten Anfragen.</translation>
    </message>
    <message>
        <source>Log a message…</source>
        <translation>Anfrage erfassen…</translation>
    </message>
    <message>
        <source>A client message that needs a reply</source>
        <translation>Eine Kundenanfrage, die eine Antwort braucht</translation>
    </message>
    <message numerus="yes">
        <source>%n awaiting a reply</source>
        <translation>
            <numerusform>%n wartet auf Antwort</numerusform>
            <numerusform>%n warten auf Antwort</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{awaiting}, %n overdue</source>
        <translation>
            <numerusform>{awaiting}, %n überfällig</numerusform>
            <numerusform>{awaiting}, %n überfällig</numerusform>
        </translation>
    </message>
    <message>
        <source>Someone else had already acknowledged it.</source>
        <translation>Jemand anderes hatte sie bereits bestätigt.</translation>
    </message>
    <message>
        <source>Someone else had already marked it answered.</source>
        <translation>Jemand anderes hatte sie bereits als beantwortet markiert.</translation>
    </message>
    <message>
        <source>Kept rate chart</source>
        <translation>Diagramm der Einhaltungsquote</translation>
    </message>
    <message>
        <source>This client</source>
        <translation>Dieser Kunde</translation>
    </message>
    <message>
        <source>{client}: {rates}</source>
        <translation>{client}: {rates}</translation>
    </message>
    <message>
        <source>Everyone: {rates}</source>
        <translation>Alle: {rates}</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>{client}, {month}: {kept} of {total} kept</source>
        <translation>{client}, {month}: {kept} von {total} eingehalten</translation>
    </message>
    <message>
        <source>{client}, {month}: none kept or broken</source>
        <translation>{client}, {month}: keine eingehalten oder nicht eingehalten</translation>
    </message>
    <message>
        <source>Kept rate, last 12 months</source>
        <translation>Einhaltungsquote, letzte 12 Monate</translation>
    </message>
    <message>
        <source>{client} {rate}</source>
        <comment>chart legend</comment>
        <translation>{client} {rate}</translation>
    </message>
    <message>
        <source>Everyone {rate}</source>
        <translation>Alle {rate}</translation>
    </message>
    <message>
        <source>Touchpoints per month</source>
        <translation>Kontakte pro Monat</translation>
    </message>
    <message>
        <source>Touchpoints per month: none yet</source>
        <translation>Kontakte pro Monat: noch keine</translation>
    </message>
    <message numerus="yes">
        <source>Touchpoints per month, last %n months ({total} in all): {counts}</source>
        <translation>
            <numerusform>Kontakte pro Monat, letzter Monat ({total} insgesamt): {counts}</numerusform>
            <numerusform>Kontakte pro Monat, letzte %n Monate ({total} insgesamt): {counts}</numerusform>
        </translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>Von jemand anderem geändert</translation>
    </message>
    <message>
        <source>{what} was changed by someone else while you were editing it. Choose, field by field, which version to keep.</source>
        <translation>{what} wurde von jemand anderem geändert, während Sie daran gearbeitet haben. Wählen Sie Feld für Feld, welche Version bleiben soll.</translation>
    </message>
    <message>
        <source>Yours</source>
        <extracomment>field -&gt; (yours, theirs) radio buttons</extracomment>
        <translation>Ihre</translation>
    </message>
    <message>
        <source>Theirs (saved now)</source>
        <translation>Die andere (jetzt gespeichert)</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Die andere</translation>
    </message>
    <message>
        <source>Your other changes are kept: {fields}.</source>
        <translation>Ihre übrigen Änderungen bleiben erhalten: {fields}.</translation>
    </message>
    <message>
        <source>Keep all mine</source>
        <translation>Alle meine behalten</translation>
    </message>
    <message>
        <source>Keep all theirs</source>
        <translation>Alle anderen übernehmen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Deleted by someone else</source>
        <translation>Von jemand anderem gelöscht</translation>
    </message>
    <message>
        <source>{what} was deleted by someone else while you were editing it.</source>
        <translation>{what} wurde von jemand anderem gelöscht, während Sie daran gearbeitet haben.</translation>
    </message>
    <message>
        <source>Your change was not saved.</source>
        <translation>Ihre Änderung wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>Restore it with your version, or let it go?</source>
        <translation>Mit Ihrer Version wiederherstellen oder verwerfen?</translation>
    </message>
    <message>
        <source>Restore my version</source>
        <translation>Meine Version wiederherstellen</translation>
    </message>
    <message>
        <source>Let it go</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>{what} was changed by someone else since you opened it. Delete it anyway?</source>
        <translation>{what} wurde seit dem Öffnen von jemand anderem geändert. Trotzdem löschen?</translation>
    </message>
    <message>
        <source>Delete anyway</source>
        <translation>Trotzdem löschen</translation>
    </message>
</context>
</TS>
